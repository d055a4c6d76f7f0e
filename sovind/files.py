"""Writing generated files so that an unchanged file keeps its bytes and its timestamp; hashing files."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

#: The date every member of a generated zip carries: the earliest a zip can hold, so that the bytes never vary.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def write_if_changed(target: Path, content: str | bytes) -> bool:
    """Write ``content`` to ``target`` unless it already holds exactly that; return whether it wrote.

    Make and Sphinx decide what to rebuild from timestamps, so a generated file
    that did not change must not be touched.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if target.exists() and target.read_bytes() == data:
        return False
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(data)
        os.replace(partial, target)  # atomic: readers see the old file or the new one, never half of either
    finally:
        partial.unlink(missing_ok=True)
    return True


def sha256(path: Path) -> str:
    """Return the hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def zip_bytes(members: dict[str, bytes | str]) -> bytes:
    """Return a zip archive of ``members`` (name → content), the same bytes for the same members.

    Members are stored in name order, with one fixed date and fixed permissions,
    so an archive built twice from the same content is identical.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the machine
            info.external_attr = 0o644 << 16
            content = members[name]
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()
