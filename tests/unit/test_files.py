"""Generated files: the same content gives the same bytes."""

from __future__ import annotations

import io
import zipfile


def test_zips_are_the_same_bytes_when_built_twice():
    from sovind.files import zip_bytes

    members = {"b.csv": "x,y\n1,2\n", "a.txt": b"\x00\x01"}
    first = zip_bytes(members)
    assert zip_bytes(dict(reversed(members.items()))) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.namelist() == ["a.txt", "b.csv"]
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
