"""Where the handbook's generated files live on the site: the one list of them.

Method pages and the handbook's own generated pages share one folder, and a
method's folder name under methods/ becomes its page's address there. So a
method called "metodvaljare" would silently replace the method finder. The
pages package takes its file names from here, and the content check refuses
every folder name in RESERVED_NAMES, so the two can never drift apart.
"""

from __future__ import annotations

# The hand-written pages (docs_dir in mkdocs.yml; the MkDocs glue passes the configured one)
# and the theme overrides (theme.custom_dir).
DOCS_DIR = "docs"
OVERRIDES_DIR = "overrides"
# The folder under docs/ (and so the URL path) that every generated file goes into.
GENERATED_DIR = "metoder"

METHOD_INDEX_PATH = "index.md"
FINDER_PATH = "metodvaljare.md"
PROCESS_MAP_PATH = "vilken-metod-nar.md"
WORKED_PATHS_PATH = "arbetsgangar.md"
DOWNLOADS_PATH = "nedladdningar.md"
OPEN_DATA_PATH = "oppna-data.md"
FIELD_REFERENCE_PATH = "faltreferens.md"
OPEN_DATA_JSON_PATH = "metoder.json"
OPEN_DATA_CSV_PATH = "metoder.csv"
SCHEMA_PATH = "method.schema.json"
PRINT_EDITION_PATH = "verktygsladan-handbok.pdf"

# An edition's stylesheet and logo (the logo keeps its own extension, .svg or .png).
EDITION_CSS_PATH = "utgava.css"
EDITION_LOGO_STEM = "utgava-logo"

# The handbook's own pages in the generated folder, which method text may link to.
HANDBOOK_PAGES = (METHOD_INDEX_PATH, FINDER_PATH, PROCESS_MAP_PATH, WORKED_PATHS_PATH, DOWNLOADS_PATH, OPEN_DATA_PATH,
                  FIELD_REFERENCE_PATH)
HANDBOOK_FILES = (*HANDBOOK_PAGES, OPEN_DATA_JSON_PATH, OPEN_DATA_CSV_PATH, SCHEMA_PATH,
                  PRINT_EDITION_PATH, EDITION_CSS_PATH, f"{EDITION_LOGO_STEM}.svg")

# A method in folder <name> is published as <name>.md and <name>/ (its page and
# its downloads), so <name> must not be the stem of any file above.
RESERVED_NAMES = frozenset(path.split(".", 1)[0] for path in HANDBOOK_FILES)

# The ZIP file of every template and checklist, which the reader's browser packs from the files
# themselves: a name, not a file of the site.
TOOLBOX_ZIP_NAME = "verktygslada-alla-mallar-och-checklistor.zip"

# The search index, at the site's root: Pagefind's files, and the words the search page splits
# typed compounds into (see pages/search.py).
SEARCH_INDEX_DIR = "pagefind"
SEARCH_WORDS_PATH = "sokord.json"
