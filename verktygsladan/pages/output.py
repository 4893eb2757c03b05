"""Writing generated pages into the docs folder without disturbing `mkdocs serve`.

Files are rewritten only when their content changes, so the file watcher
does not rebuild in a loop, and files no longer generated are removed, so a
deleted method disappears from the site.
"""

from __future__ import annotations

from pathlib import Path

GENERATED_MARKER = ".generated-by-verktygsladan"


def write_generated(files: dict[str, str | bytes], out_dir: Path) -> list[str]:
    """Make out_dir hold exactly `files` (relative path → text or bytes). Returns changed paths."""
    marker = out_dir / GENERATED_MARKER
    if out_dir.exists() and any(out_dir.iterdir()) and not marker.exists():
        raise RuntimeError(f"{out_dir} finns redan men är inte skapad av Verktygslådan; den skrivs inte över.")
    out_dir.mkdir(parents=True, exist_ok=True)
    if not marker.exists():
        marker.write_text("Den här mappen skapas av Verktygslådan vid varje bygge. Ändra inte filerna här.\n",
                          encoding="utf-8")
    changed = []
    for relative, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = out_dir / relative
        if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed.append(relative)
    for existing in sorted(out_dir.rglob("*"), reverse=True):
        relative = existing.relative_to(out_dir).as_posix()
        if existing == marker or relative in files:
            continue
        if existing.is_dir():
            if not any(existing.iterdir()):
                existing.rmdir()
        else:
            existing.unlink()
            changed.append(relative)
    return changed
