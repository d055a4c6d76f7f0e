"""Writing generated files so that an unchanged file keeps its bytes and its timestamp; hashing files."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


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
