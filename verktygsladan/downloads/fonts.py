"""The font a PDF's form fields are typed in: DejaVu Sans cut down to what a user may type.

WeasyPrint embeds a font that form fields use whole, as a PDF viewer may need
any of its glyphs for what is typed later. Fields set in the body text's
DejaVu Sans made each template about 450 kB, almost all of it font. The
fields get this copy of it instead, some 22 kB, under a name of its own, so
the text fonts are still cut down to the glyphs the page shows. It is made
once per process from the system's DejaVu Sans, the file WeasyPrint sets the
text in, and given to WeasyPrint as a data: URL (nothing is fetched; WeasyPrint
keeps a copy in a temporary folder of its own while it lays the document out).

It holds the letters of Swedish and of the other languages of Europe written
in Latin script, Finnish, Meänkieli, the Sámi languages and Romani among them,
and their punctuation: what someone filling in a form may type.
"""

from __future__ import annotations

import base64
import functools
import io

from fontTools import subset
from fontTools.ttLib import TTFont, TTLibError
from fontTools.ttLib.scaleUpem import scale_upem
from weasyprint.text.ffi import ffi, fontconfig

from .layout import Fonts

__all__ = ["FORM_CHARACTERS", "FORM_FAMILY", "FontMissing", "form_font", "form_font_face", "system_font_file"]

# A family name of its own: named like the body text's, fontconfig could give either
# file for either use, and the body text would be set in this cut-down copy or the
# whole font embedded for the fields again.
FORM_FAMILY = f"{Fonts.family} Falt"
_POSTSCRIPT_NAME = FORM_FAMILY.replace(" ", "") + "-Book"


def _characters(*ranges: tuple[int, int]) -> str:
    return "".join(chr(code) for first, last in ranges for code in range(first, last + 1))


FORM_CHARACTERS = _characters(
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement: å ä ö é ü ß æ ø and the other Nordic letters
    (0x0100, 0x017F),  # Latin Extended-A: the rest of Europe's Latin letters, Northern Sámi's č đ ŋ š ŧ ž
    (0x01B7, 0x01B7), (0x01E4, 0x01EF), (0x0292, 0x0292), (0x02B9, 0x02B9),  # Skolt Sámi: Ʒ ǥ ǧ ǩ ǯ ʒ ʹ
    (0x0218, 0x021B),  # Romanian: Ș ș Ț ț
    (0x0300, 0x0308), (0x030A, 0x030C), (0x0327, 0x0328),  # combining accents, as pasted decomposed text has them
    (0x1E9E, 0x1E9E),  # capital ẞ
    (0x2010, 0x2027),  # dashes, typographic quotes, bullet, ellipsis
    (0x2030, 0x2030), (0x2032, 0x2033), (0x2039, 0x203A), (0x2044, 0x2044),  # ‰ ′ ″ ‹ › ⁄
    (0x20AC, 0x20AC),  # €
    (0x2116, 0x2116), (0x2122, 0x2122), (0x2212, 0x2212),  # № ™ and the minus sign
)


class FontMissing(Exception):
    """The system has no usable DejaVu Sans to make the form font from."""


@functools.lru_cache(maxsize=None)
def form_font() -> bytes:
    """The form fields' font as a TrueType file: the same bytes every time for the same system font."""
    path = system_font_file(Fonts.family)
    try:
        # No new time stamps: the same font file must give the same bytes, and so the same PDF.
        font = TTFont(path, recalcTimestamp=False)
        missing = [ch for ch in "åäöÅÄÖ" if ord(ch) not in font.getBestCmap()]
    except (OSError, TTLibError) as error:
        raise FontMissing(f"Typsnittet {Fonts.family} ({path}) gick inte att läsa: {error}. Installera om "
                          "typsnittet (i Debian och Ubuntu paketet fonts-dejavu-core).") from error
    if missing:
        raise FontMissing(f"Typsnittsfilen {path}, som systemet anger för {Fonts.family}, saknar tecknen "
                          f"{' '.join(missing)}. Installera {Fonts.family} (i Debian och Ubuntu paketet "
                          "fonts-dejavu-core).")
    options = subset.Options()
    # As WeasyPrint does for the text fonts: no hinting, and no layout tables, which a
    # viewer does not use for what is typed in a field.
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "MATH", "FFTM"]
    options.notdef_outline = True
    # The names, the copyright and where the licence is; its full text (name 13, 5 kB)
    # is left out, as in the text fonts WeasyPrint cuts down.
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 14]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(ch) for ch in FORM_CHARACTERS])
    subsetter.subset(font)
    # On a 1000-unit em (DejaVu's is 2048) the outlines take fewer bytes and the PDF lists
    # whole-number widths; a point moves by at most half a thousandth of an em.
    scale_upem(font, 1000)
    _rename(font)
    output = io.BytesIO()
    font.save(output)
    return output.getvalue()


@functools.lru_cache(maxsize=None)
def form_font_face() -> str:
    """The CSS @font-face rule that makes FORM_FAMILY the form font."""
    data = base64.b64encode(form_font()).decode("ascii")
    return f'@font-face {{ font-family: "{FORM_FAMILY}"; src: url(data:font/ttf;base64,{data}); }}'


def _rename(font: TTFont) -> None:
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            names.removeNames(nameID=record.nameID)
    for name_id, value in ((1, FORM_FAMILY), (3, _POSTSCRIPT_NAME), (4, FORM_FAMILY), (6, _POSTSCRIPT_NAME)):
        names.setName(value, name_id, 3, 1, 0x409)


def system_font_file(family: str) -> str:
    """The file fontconfig gives for the family in its regular style, as WeasyPrint finds it."""
    config = ffi.gc(fontconfig.FcInitLoadConfigAndFonts(), fontconfig.FcConfigDestroy)
    pattern = ffi.gc(fontconfig.FcPatternCreate(), fontconfig.FcPatternDestroy)
    fontconfig.FcPatternAddString(pattern, b"family", family.encode())
    fontconfig.FcConfigSubstitute(config, pattern, fontconfig.FcMatchPattern)
    fontconfig.FcDefaultSubstitute(pattern)
    result = ffi.new("FcResult *")
    match = fontconfig.FcFontMatch(config, pattern, result)
    found = {}
    if match != ffi.NULL:
        match = ffi.gc(match, fontconfig.FcPatternDestroy)
        value = ffi.new("FcChar8 **")
        for key in ("family", "file"):
            if fontconfig.FcPatternGetString(match, key.encode(), 0, value) == 0:  # FcResultMatch
                found[key] = ffi.string(value[0]).decode()
    # fontconfig always offers some font: only the family itself will do.
    if found.get("family", "").casefold() != family.casefold() or "file" not in found:
        raise FontMissing(f"Typsnittet {family} finns inte på datorn, och det behövs för PDF-mallarnas "
                          f"ifyllnadsfält. Installera det (i Debian och Ubuntu paketet fonts-dejavu-core) "
                          "och gör om bygget.")
    return found["file"]
