"""Verktygslådan: turns the methods under methods/ into a handbook.

`content` reads and validates the methods, `pages` turns a validated handbook
into Markdown pages and `downloads` into documents. `publishing` runs every
rule a handbook must pass before it is published, and `site_layout` says
where the generated files go. None of them imports MkDocs; macros/main.py is
the only glue.
"""
