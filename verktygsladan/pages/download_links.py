"""What the pages show of the downloads: which files exist, in which format and how big.

The downloads package fills these in once it has written the files; the
pages only list them. They are defined here, on the pages' side, so that the
pages never import the document writers, and the print edition (a download
that renders page text) depends on the pages without an import circle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .markdown import bullet_list, link, plain


@dataclass(frozen=True)
class DownloadFile:
    path: str  # relative to the generated folder, which is also its URL path there
    size: int
    format_name: str  # short, shown beside the size: "Word, 24 kB"
    format_description: str  # completes "Ladda ned … som …"
    title: str  # what the file holds, completing "Ladda ned …"

    @property
    def link_text(self) -> str:
        return f"Ladda ned {self.title} som {self.format_description}"


@dataclass
class Downloads:
    files: dict[str, bytes] = field(default_factory=dict)
    by_document: dict[str, list[DownloadFile]] = field(default_factory=dict)
    by_method: dict[str, DownloadFile] = field(default_factory=dict)
    toolbox: DownloadFile | None = None
    print_edition: DownloadFile | None = None
    # Only in the preview: methods whose files are being made in the background (or failed: the reason),
    # listed meanwhile with the files of their last version that was made.
    pending: dict[str, str] = field(default_factory=dict)


def human_size(size: int) -> str:
    """Swedish file size: "24 kB", "1,4 MB"."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def download_row(files: list[DownloadFile]) -> str:
    """One short line for one document, "Ladda ned: Word (24 kB) · PDF (30 kB) · …".

    Only the format shows; each link's accessible name also says which
    document it is (the visible word comes last, so the name contains it, WCAG 2.5.3).
    """
    if not files:
        return ""
    links = (f"[<span class=\"vl-visually-hidden\">{plain(f.title)}, </span>{plain(f.format_name)}](<{f.path}>) "
             f"({human_size(f.size)})" for f in files)
    return "Ladda ned: " + " · ".join(links) + "\n{ .vl-download-row }"


def download_list(files: list[DownloadFile], link_prefix: str = "") -> str:
    """Links whose text says what and in which format, with the size beside them."""
    return bullet_list(f"{link(f.link_text, link_prefix + f.path)} ({f.format_name}, {human_size(f.size)})"
                       for f in files)
