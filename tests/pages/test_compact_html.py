"""Taking the theme's indentation out of the built pages changes their size, never what they show."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from verktygsladan.pages.compact_html import compact_html

# What Material's templates write for one menu entry, as they write it.
MENU_ENTRY = """
              \n                \n  \n  \n  \n  \n    <li class="md-nav__item">
      <a href="../ungas-inflytande/" class="md-nav__link">
        \n  \n  \n  <span class="md-ellipsis">\n    \n  \n    Ungas inflytande\n  \n\n    \n  </span>
  \n  \n\n      </a>
    </li>
  \n\n              \n"""

KEPT_AS_WRITTEN = [
    "<pre>rad 1\n    indragen rad\n\n  sista</pre>",
    '<pre class="x"><code>def f():\n    return 1\n</code></pre>',
    '<textarea name="svar" rows="3">\n   Förifylld\n\n   text</textarea>',
    "<p>Skriv <code>steps:\n  - title: Förbered</code> i filen.</p>",
    "<kbd>Ctrl\n   C</kbd>",
    "<script>\nconst text = `rad\n    två`;\n  // kommentar\n  run();\n</script>",
    "<style>\n  .a {\n    color: red;\n  }\n</style>",
    "<!-- en\n     kommentar -->",
]


class _Rendering(HTMLParser):
    """What a browser shows of a page: its tags and attributes exactly, text with white space as it is shown."""

    KEPT = {"pre", "textarea", "code", "kbd", "script", "style"}

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.items: list[tuple] = []
        self.attribute_line_breaks: list[tuple[str, str]] = []
        self._kept = 0
        self._text = ""
        self.feed(page)
        self.close()
        self._flush()

    def _flush(self) -> None:
        if self._text:
            self.items.append(("text", self._text if self._kept else re.sub(r"[ \t\r\n\f]+", " ", self._text)))
            self._text = ""

    def handle_starttag(self, tag, attrs):
        self._flush()
        self.items.append(("start", tag, tuple(attrs)))
        self.attribute_line_breaks += [(tag, name) for name, value in attrs if value and "\n" in value]
        self._kept += tag in self.KEPT

    def handle_endtag(self, tag):
        self._flush()
        self.items.append(("end", tag))
        self._kept -= tag in self.KEPT

    def handle_data(self, data):
        self._text += data

    def handle_comment(self, data):
        self._flush()
        self.items.append(("comment", data))


def test_a_menu_entry_loses_its_indentation_and_shows_the_same():
    compact = compact_html(MENU_ENTRY)
    assert compact == ('\n<li class="md-nav__item">\n<a href="../ungas-inflytande/" class="md-nav__link">\n'
                       '<span class="md-ellipsis">\nUngas inflytande\n</span>\n</a>\n</li>\n')
    assert _Rendering(compact).items == _Rendering(MENU_ENTRY).items
    assert "Ungas inflytande" in compact


@pytest.mark.parametrize("element", KEPT_AS_WRITTEN)
def test_white_space_that_is_shown_as_written_is_kept(element):
    page = f"<div>\n    <p>\n      Före\n    </p>\n    {element}\n    <p>Efter</p>\n</div>"
    compact = compact_html(page)
    assert element in compact
    assert compact.count("\n ") == element.count("\n ")
    assert _Rendering(compact).items == _Rendering(page).items


def test_spaces_within_a_line_and_non_breaking_spaces_are_kept():
    page = '<p title="två  mellanslag">ord  ord\u00a0ord\n\u00a0\u00a0indragen</p>'
    assert compact_html(page) == page


def test_a_lone_angle_bracket_or_an_unclosed_element_loses_nothing():
    page = "<p>3 < 4\n    och\n  <code>x\n  y"
    compact = compact_html(page)
    assert compact == "<p>3 < 4\noch\n<code>x\ny"
    assert _Rendering(compact).items[:2] == _Rendering(page).items[:2]


def test_every_page_of_the_built_site_is_compact_and_relies_on_nothing_compaction_would_change(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 20
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert compact_html(page) == page, f"{path.relative_to(built_site)} har kvar temats indrag"
        # Compaction would change an attribute value written with a line break in it.
        assert _Rendering(page).attribute_line_breaks == [], path.relative_to(built_site)
