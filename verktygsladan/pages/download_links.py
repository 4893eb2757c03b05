"""What the pages show of the downloads: which files exist, in which format and how big.

The downloads package fills these in once it has written the files; the
pages only list them. They are defined here, on the pages' side, so that the
pages never import the document writers, and the print edition (a download
that renders page text) depends on the pages without an import circle.
"""

from __future__ import annotations

import html
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


@dataclass(frozen=True)
class Bundle:
    """Files to download together as one ZIP file. The site stores no ZIP: the reader's browser
    packs the files it fetches (verktygsladan.js, part 4), so no file is stored twice."""
    name: str  # of the ZIP file
    title: str  # what it holds, completing "Ladda ned …"
    paths: tuple[str, ...]  # relative to the generated folder, each also linked on the page that offers the bundle
    size: int  # of the files together
    date: str  # ISO date every entry of the ZIP carries, so the same files always give the same ZIP
    folder: str = ""  # the folder its files get inside the toolbox's ZIP; "" for the toolbox itself


@dataclass
class Downloads:
    files: dict[str, bytes] = field(default_factory=dict)
    by_document: dict[str, list[DownloadFile]] = field(default_factory=dict)
    by_method: dict[str, Bundle] = field(default_factory=dict)
    toolbox: Bundle | None = None
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


def bundle_button(bundle: Bundle, *, everything: bool = False) -> str:
    """HTML for a button that downloads a bundle as one ZIP file, hidden until the script shows it.

    Without JavaScript there is no button, and the files are listed one by one beside it.
    `everything`: the toolbox's button, which packs every method's bundle on the page, each in
    its own folder, instead of listing all the files a second time.
    """
    count = len(bundle.paths)
    files = "fil" if count == 1 else "filer"
    data = ' data-vl-zip-all="ja"' if everything else \
        f' data-vl-zip-files="{html.escape(" ".join(bundle.paths))}" data-vl-zip-folder="{html.escape(bundle.folder)}"'
    return (f'<div class="vl-zip" hidden>\n<button type="button" class="vl-zip__button" '
            f'data-vl-zip="{html.escape(bundle.name)}" data-vl-zip-date="{html.escape(bundle.date)}"{data}>'
            f'Ladda ned {html.escape(bundle.title)} som en ZIP-fil ({count} {files}, {human_size(bundle.size)})'
            '</button>\n<p class="vl-zip__status" role="status"></p>\n</div>')
