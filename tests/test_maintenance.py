"""The weekly reports: due reviews and broken external links."""

from __future__ import annotations

import datetime
import http.server
import threading

import pytest

from corpus_cases import mark_facts_to_check
from verktygsladan.content import load_handbook, next_review
from verktygsladan.maintenance import check_url, external_urls, review_report


def test_review_report_lists_methods_past_their_review_date(corpus_project):
    handbook = load_handbook(corpus_project)
    method = handbook.methods[0]
    due = next_review(method)
    assert "Ingen metod" in review_report(handbook, today=due)
    report = review_report(handbook, today=due + datetime.timedelta(days=1))
    assert method.title in report and due.isoformat() in report


def test_review_report_lists_every_fact_marked_as_needing_a_check(corpus_project):
    mark_facts_to_check(corpus_project)
    handbook = load_handbook(corpus_project)
    report = review_report(handbook, today=next_review(handbook.methods[0]))
    assert "## Uppgifter att kontrollera (3)" in report
    for what, text in (("Källa: Andra exempelkällan", "Årtalet saknas i källan."),
                       ("Tidsåtgång", "Veckorna är inte prövade."),
                       ("Indikator: Ett mått utan Kolada-id", "Enkäten är inte gjord.")):
        assert f"| {what} | {text} |" in report


def test_every_external_url_is_collected_with_where_it_is_used(handbook):
    urls = external_urls(handbook)
    for method in handbook.methods:
        for source in method.sources:
            assert method.source_file in urls[source.url]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(200 if self.path == "/finns" else 404)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_check_url_tells_working_from_broken(local_server):
    assert check_url(f"{local_server}/finns") is None
    assert check_url(f"{local_server}/saknas") == "svarar 404"
    assert check_url("http://127.0.0.1:1/", timeout=2).startswith("går inte att nå")
