"""The overview of every download in the handbook."""

from __future__ import annotations

from ..content import Handbook
from .markdown import plain
from .download_links import Downloads, bundle_button, download_list
from .local_content import listed_title
from .method_page import method_page_path



def render_downloads_page(handbook: Handbook, downloads: Downloads | None) -> str:
    parts = ["---\ntitle: Nedladdningar\nrender_macros: false\nedit_path: ''\n---", "# Nedladdningar"]
    if downloads is None:
        parts.append("Nedladdningarna skapades inte i det här bygget av webbplatsen.")
        return "\n\n".join(parts) + "\n"
    parts.append(
        "Alla mallar och checklistor finns som Word-dokument, OpenDocument-dokument och PDF. Checklistor och "
        "mallar med tabeller finns också som Excel-filer. Filerna skapas från samma text som metodsidorna, så "
        "de säger alltid samma sak som webbplatsen.")
    whole = ["## Hela verktygslådan"]
    if downloads.toolbox:
        whole.append(bundle_button(downloads.toolbox, everything=True))
    if downloads.print_edition:
        whole.append(download_list([downloads.print_edition]))
    parts.append("\n\n".join(whole))
    for method in (m for m in handbook.methods if m.slug in downloads.by_method):
        files = [f for document in method.documents() for f in downloads.by_document.get(document.id, [])]
        parts.append(f"## [{plain(listed_title(method, method.title))}](<{method_page_path(method)}>)\n\n"
                     f"{bundle_button(downloads.by_method[method.slug])}\n\n{download_list(files)}")
    return "\n\n".join(parts) + "\n"
