"""Checking an edition's logo: a small PNG, or an SVG that cannot run anything.

The logo is served from the site's own origin. An SVG is XML and may carry
scripts, event handlers or references to other hosts; opened on its own it
would run them with the site's address, so such an SVG is refused outright
rather than cleaned.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

MAX_LOGO_BYTES = 100_000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "audio", "video", "image",
                       "handler", "listener", "set", "animate"}
_URL_IN_STYLE = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import", re.IGNORECASE)


def logo_problems(path: Path) -> list[str]:
    """Swedish problems with the logo file; empty if it may be published."""
    if path.suffix.lower() not in (".svg", ".png"):
        return [f"Logotypen måste vara en SVG- eller PNG-fil, inte \"{path.suffix or path.name}\"."]
    data = path.read_bytes()
    if len(data) > MAX_LOGO_BYTES:
        return [f"Logotypen är {len(data):,} byte men får vara högst {MAX_LOGO_BYTES:,} byte. Spara den i "
                "mindre storlek eller som SVG.".replace(",", "\u00a0")]
    if path.suffix.lower() == ".png":
        return [] if data.startswith(PNG_SIGNATURE) else ["Filen heter .png men är ingen PNG-bild."]
    return _svg_problems(data)


def logo_size(path: Path) -> tuple[float, float]:
    """Width and height (pixels, or the SVG's own units), for keeping the logo's proportions."""
    data = path.read_bytes()
    if data.startswith(PNG_SIGNATURE):
        return float(int.from_bytes(data[16:20], "big")), float(int.from_bytes(data[20:24], "big"))
    root = fromstring(data, forbid_dtd=True)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        return float(box[2]), float(box[3])
    numbers = [re.match(r"[\d.]+", root.get(side) or "") for side in ("width", "height")]
    return tuple(float(n.group(0)) if n else 1.0 for n in numbers)  # type: ignore[return-value]


def _svg_problems(data: bytes) -> list[str]:
    try:
        root = fromstring(data, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError):
        return ["SVG-filen går inte att läsa som XML (eller innehåller en DTD, som inte är tillåten)."]
    if _local_name(root.tag) != "svg":
        return ["Filen är ingen SVG-bild: det yttersta elementet är inte <svg>."]
    problems = []
    for element in root.iter():
        name = _local_name(element.tag)
        if name.lower() in _FORBIDDEN_ELEMENTS:
            problems.append(f"SVG-filen innehåller elementet <{name}>, som kan köra kod eller hämta något "
                            "utifrån. Spara logotypen som en enkel SVG utan skript, eller som PNG.")
        if name == "style" and _URL_IN_STYLE.search(element.text or ""):
            problems.append("SVG-filens stilmall hämtar något utifrån (url() eller @import).")
        for attribute, value in element.attrib.items():
            local = _local_name(attribute)
            if local.lower().startswith("on"):
                problems.append(f"SVG-filen har attributet {local}, som kör kod.")
            elif local == "href" and not value.strip().startswith("#"):
                problems.append(f"SVG-filen länkar till \"{value}\". En logotyp får bara hänvisa till sig själv (#…).")
            elif local == "style" and _URL_IN_STYLE.search(value):
                problems.append("SVG-filens style-attribut hämtar något utifrån (url()).")
    return list(dict.fromkeys(problems))


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
