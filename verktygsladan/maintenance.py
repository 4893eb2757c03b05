"""Reports for the weekly maintenance run: reviews that are due, and external links that are broken.

Both print Markdown, so a CI job can put them in its summary or an issue.
"""

from __future__ import annotations

import datetime
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from .content import Handbook, next_review

USER_AGENT = "Verktygsladan-lankkontroll/1.0"


def review_report(handbook: Handbook, today: datetime.date | None = None) -> str:
    today = today or datetime.date.today()
    due = [(next_review(m), m) for m in handbook.methods if next_review(m) < today]
    if not due:
        lines = [f"Ingen metod behöver granskas ({today.isoformat()})."]
    else:
        lines = [f"## Metoder som skulle ha granskats ({len(due)})", "",
                 "| Metod | Senast granskad | Skulle granskas senast | Ansvarig |", "| --- | --- | --- | --- |"]
        for date, method in sorted(due, key=lambda pair: pair[0]):
            lines.append(f"| {method.title} (`{method.source_file}`) | {method.trust.last_reviewed.isoformat()} "
                         f"| {date.isoformat()} | {method.trust.owner} |")
    unchecked = facts_to_check(handbook)
    if unchecked:
        lines += ["", f"## Uppgifter att kontrollera ({len(unchecked)})", "", "| Metod | Uppgift | Vad som ska kontrolleras |",
                  "| --- | --- | --- |"]
        lines += [f"| {title} (`{file}`) | {what} | {_cell(text)} |" for title, file, what, text in unchecked]
    return "\n".join(lines)


def facts_to_check(handbook: Handbook) -> list[tuple[str, str, str, str]]:
    """(method, its file, which fact, what needs checking) for every fact marked with needs_check."""
    found = []
    for method in handbook.methods:
        marked = [(f"Juridik: {b.law}, {b.section}", b.needs_check) for b in method.legal_basis]
        marked += [("Tidsåtgång", method.effort.needs_check)]
        marked += [(f"Källa: {s.title}", s.needs_check) for s in method.sources]
        marked += [(f"Indikator: {i.name}", i.needs_check) for i in method.indicators]
        found += [(method.title, method.source_file, what, text) for what, text in marked if text]
    return found


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def external_urls(handbook: Handbook) -> dict[str, list[str]]:
    """Every external URL in the methods, with where it is used."""
    found: dict[str, list[str]] = {}
    for method in handbook.methods:
        places = [*(s.url for s in method.sources), *(e.source_url for e in method.examples),
                  *(b.url for b in method.legal_basis if b.url)]
        for url in places:
            found.setdefault(url, [])
            if method.source_file not in found[url]:
                found[url].append(method.source_file)
    return found


def check_url(url: str, timeout: float = 15) -> str | None:
    """None if the URL answers, otherwise a short Swedish reason."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue  # some servers refuse HEAD but answer GET
            return f"svarar {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return f"går inte att nå ({getattr(error, 'reason', error)})"
    return None


def link_report(handbook: Handbook) -> tuple[str, int]:
    urls = external_urls(handbook)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(urls, pool.map(check_url, urls)))
    broken = {url: reason for url, reason in results.items() if reason}
    if not broken:
        return f"Alla {len(urls)} externa länkar svarar.", 0
    lines = [f"## Externa länkar som inte fungerar ({len(broken)} av {len(urls)})", "",
             "| Länk | Problem | Används i |", "| --- | --- | --- |"]
    for url, reason in sorted(broken.items()):
        lines.append(f"| {url} | {reason} | {', '.join(f'`{p}`' for p in urls[url])} |")
    return "\n".join(lines), len(broken)
