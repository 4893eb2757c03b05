"""Reading content files: only ordinary files in the repository, of a sane size, as UTF-8.

Content arrives through pull requests. A symbolic link committed as text.md
would otherwise publish whatever file it points to on the build machine, and
a file of many megabytes would tie the build up, so both are refused before
a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import Report

MAX_FILE_BYTES = 1_000_000  # 1 MB, as the messages say
# Each text may hold text_rules.MAX_BRACKETS; this keeps a file of many texts from adding up to minutes.
MAX_BRACKETS_PER_FILE = 2000


def _bytes(size: int) -> str:
    return f"{size:,}".replace(",", "\u00a0")  # 1 000 001, with Swedish digit grouping


LINK_MESSAGE = ("{what} är en symbolisk länk. Länkar följs aldrig, eftersom de kan peka på filer utanför "
                "förrådet. Lägg in en vanlig {kind} i stället.")


def link_problem(path: Path, display: str, report: Report, *, folder: bool = False) -> bool:
    """Report `path` if it is a symbolic link; True when it was one."""
    if not path.is_symlink():
        return False
    what, kind = ("Mappen", "mapp") if folder else ("Filen", "fil")
    report.error(display, LINK_MESSAGE.format(what=what, kind=kind))
    return True


def read_text(path: Path, display: str, report: Report) -> str | None:
    """The file's text, or None after reporting why it cannot be used."""
    try:
        # O_NOFOLLOW: a link swapped in after any earlier check is still not followed.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        report.error(display, "Filen saknas.")
        return None
    except OSError as exc:
        if path.is_symlink():
            link_problem(path, display, report)
        else:
            report.error(display, f"Filen kunde inte läsas: {exc.strerror}.")
        return None
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            report.error(display, "Det här är ingen vanlig fil och kan inte läsas som innehåll.")
            return None
        if info.st_size > MAX_FILE_BYTES:
            report.error(display, f"Filen är {_bytes(info.st_size)} byte men får vara högst 1 MB "
                                  f"({_bytes(MAX_FILE_BYTES)} byte). Dela upp innehållet eller korta det.")
            return None
        data = file.read(MAX_FILE_BYTES + 1)
    try:
        # utf-8-sig: editors on Windows often save a byte-order mark first; it is not content.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        report.error(display, "Filen är inte sparad som UTF-8, och ett tecken på raden går inte att läsa. "
                              "Spara om filen med teckenkodningen UTF-8.", line=line)
        return None
    brackets = text.count("[")
    if brackets > MAX_BRACKETS_PER_FILE:
        report.error(display, f"Filen har {brackets} hakparenteser ([) men får ha högst {MAX_BRACKETS_PER_FILE}, "
                              "eftersom fler gör handboken mycket långsam att bygga. Dela upp innehållet.")
        return None
    return text
