"""Reading content files: regular files inside the repository only, of a sane size, as UTF-8."""

from __future__ import annotations

import os

from verktygsladan.content.errors import Report
from verktygsladan.content.files import MAX_FILE_BYTES, read_text


def read(path):
    report = Report()
    return read_text(path, path.name, report), report


def test_a_symbolic_link_is_never_followed(tmp_path):
    secret = tmp_path / "hemlig.txt"
    secret.write_text("Hemligt innehåll", encoding="utf-8")
    link = tmp_path / "text.md"
    link.symlink_to(secret)
    text, report = read(link)
    assert text is None
    [problem] = report.errors
    assert problem.message.startswith("Filen är en symbolisk länk.")
    assert "Hemligt" not in str(report.render())


def test_a_file_over_the_limit_is_refused_with_the_limit_in_the_message(tmp_path):
    path = tmp_path / "text.md"
    path.write_bytes(b"a" * (MAX_FILE_BYTES + 1))
    text, report = read(path)
    assert text is None
    assert report.errors[0].message == ("Filen är 1\u00a0000\u00a0001 byte men får vara högst 1 MB "
                                        "(1\u00a0000\u00a0000 byte). Dela upp innehållet eller korta det.")


def test_a_byte_order_mark_is_not_content(tmp_path):
    path = tmp_path / "text.md"
    path.write_bytes(b"\xef\xbb\xbf## Syfte\n")
    text, report = read(path)
    assert text == "## Syfte\n" and not report.problems


def test_an_encoding_error_names_its_line(tmp_path):
    path = tmp_path / "text.md"
    path.write_bytes("## Syfte\n\növerens\n".encode("utf-8") + "föreningar\n".encode("latin-1"))
    text, report = read(path)
    assert text is None
    assert report.errors[0].line == 4


def test_a_named_pipe_is_not_read(tmp_path):
    # Reading one would wait for a writer forever.
    path = tmp_path / "text.md"
    os.mkfifo(path)
    text, report = read(path)
    assert text is None
    assert report.errors[0].message.startswith("Det här är ingen vanlig fil")
