"""Byte-identical output: the same method always gives the same files.

Office files are ZIP archives whose entries carry the time they were
written. Re-packing them with a fixed time (the method's last change) makes
every build produce the same bytes, so caches and review diffs work.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Callable


def zip_timestamp(date: datetime.date) -> tuple[int, int, int, int, int, int]:
    # ZIP cannot store dates before 1980.
    return (max(date.year, 1980), date.month, date.day, 0, 0, 0)


def repack_zip(data: bytes, date: datetime.date,
               edit: Callable[[str, bytes], bytes] = lambda _name, content: content) -> bytes:
    """The same archive, entries in the same order, every timestamp set to `date`; `edit` may
    change an entry's content on the way."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=zip_timestamp(date))
            # OpenDocument requires its first entry, "mimetype", to be stored uncompressed.
            info.compress_type = zipfile.ZIP_STORED if entry.filename == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            target.writestr(info, edit(entry.filename, source.read(entry.filename)))
    return output.getvalue()
