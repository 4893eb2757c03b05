"""Taking the theme's indentation out of a built page, without changing what it shows.

Material's templates indent every menu entry by the depth of the Jinja blocks
around it: about half of each entry's bytes are spaces and blank lines. Every
page's menu lists every method, so that whitespace grows with the square of
the number of methods (at 200 methods about 40 kB of every page, 9 MB of the site).

In HTML text a run of white space is shown as one space, and a line break is
white space, so a run that starts with a line break can be cut down to that
line break alone; between a tag's attributes white space means nothing at all.
That is all this does. It leaves alone comments and the elements whose white
space is shown as written: pre, textarea and, in Material's stylesheet, code
and kbd, as well as scripts and style sheets. Inside an attribute value a raw
line break would be shortened too; none of the site's values has one
(Python-Markdown writes it as &#10;), and tests/pages/test_compact_html.py
checks that on every built page.
"""

from __future__ import annotations

import re

__all__ = ["compact_html"]

_KEPT_AS_WRITTEN = "pre|textarea|code|kbd|script|style"

# A comment, or an element whose white space is kept, with what is inside it.
_KEPT = re.compile(rf"<!--.*?-->|<({_KEPT_AS_WRITTEN})(?=[\s/>])[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
# Spaces before a line break are left: rare, and looking for them would make this five times slower.
_BROKEN_LINE = re.compile(r"\n[ \t\r\n\f]+")


def compact_html(page: str) -> str:
    """The page with every run of white space that starts with a line break cut to the line break, but where it is kept."""
    parts = []
    done = 0
    for kept in _KEPT.finditer(page):
        parts += [_BROKEN_LINE.sub("\n", page[done:kept.start()]), kept.group(0)]
        done = kept.end()
    parts.append(_BROKEN_LINE.sub("\n", page[done:]))
    return "".join(parts)
