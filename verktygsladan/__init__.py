"""Verktygslådan: turns the methods under methods/ into a handbook.

`content` reads and validates the methods, `pages` turns a validated handbook
into Markdown pages. Neither imports MkDocs; macros/main.py is the only glue.
"""
