"""Downloads made from the method source: Word, OpenDocument, PDF, Excel and a print edition.

`model` describes a template or checklist independent of format, one
`*_writer` module per format writes it, and `build` makes, caches and
packages every file. Plain Python: no MkDocs import.
"""
