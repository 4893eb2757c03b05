"""An edition's name, logo, colour and contact routes, as the site shows them.

Pure functions from the edition settings to text; the MkDocs glue puts them
where the theme expects them. Every value is escaped here, because the theme
prints the site name and the footer text as they are.
"""

from __future__ import annotations

import html

from ..content.edition import Edition
from ..site_layout import EDITION_CSS_PATH, EDITION_LOGO_STEM
from .markdown import bullet_list, link, plain, sentence

HANDBOOK_SITE_NAME = "Verktygslådan"


def site_name(edition: Edition) -> str:
    return f"{HANDBOOK_SITE_NAME} – {edition.name}"


def logo_file_name(edition: Edition) -> str | None:
    path = edition.logo_path()
    return f"{EDITION_LOGO_STEM}{path.suffix.lower()}" if path else None


def edition_files(edition: Edition) -> dict[str, str | bytes]:
    """Files the edition adds to the generated folder: its stylesheet and its logo."""
    files: dict[str, str | bytes] = {EDITION_CSS_PATH: brand_css(edition)}
    name = logo_file_name(edition)
    if name:
        files[name] = edition.logo_path().read_bytes()
    return files


def brand_css(edition: Edition) -> str:
    colour = edition.settings.brand_colour
    if not colour:
        return "/* Utgåvan har ingen egen profilfärg. */\n"
    # Only the header and tabs take the colour; the check has made sure white text on it
    # reaches 4,5:1. Links keep the handbook's colours, which are tested in both schemes.
    return (f"/* {edition.name}: profilfärg från utgava.yml. */\n"
            f".md-header, .md-tabs {{ background-color: {colour}; }}\n")


def contact_routes(edition: Edition) -> list[tuple[str, str | None]]:
    """(text, address) for each way to reach the publisher."""
    contact = edition.settings.contact
    routes = []
    if contact.email:
        routes.append((f"e-post {contact.email}", f"mailto:{contact.email}"))
    if contact.phone:
        routes.append((f"telefon {contact.phone}", f"tel:{contact.phone.replace(' ', '').replace('-', '')}"))
    if contact.web_form:
        routes.append(("webbformulär", contact.web_form))
    return routes


def footer_html(edition: Edition) -> str:
    """The footer line naming the publisher and how to reach them, as escaped HTML."""
    routes = ", ".join(f'<a href="{html.escape(address)}">{html.escape(text)}</a>'
                       for text, address in contact_routes(edition))
    return (f"{html.escape(edition.name)}s utgåva av Verktygslådan. "
            f"{sentence('Utgivare: ' + html.escape(edition.settings.publisher))} Kontakt: {routes}.")


def contact_markdown(edition: Edition) -> str:
    """The contact routes as a Markdown list, for the tillgänglighetsredogörelse."""
    return bullet_list(link(text[:1].upper() + text[1:], address) for text, address in contact_routes(edition))


def publisher_markdown(edition: Edition | None, fallback: str) -> str:
    return plain(edition.settings.publisher if edition else fallback)
