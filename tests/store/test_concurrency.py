"""Two ingest processes writing one PostgreSQL database at once: no duplicate, no lost revision."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newstrace.store import Store

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO / "src"))
TEMPLATE = ("Foreign Minister Hakan Fidan met Sergey Lavrov in Moscow on Monday to discuss item {i} of the "
            "grain corridor. The two ministers agreed to meet again next month, officials said. {v}")


def _record(i: int, version: str) -> str:
    return json.dumps({"url": f"https://desk.example/news/{i}", "title": f"Talks on item {i}",
                       "date_publish": "2026-03-02 09:00:00", "language": "en",
                       "maintext": TEMPLATE.format(i=i, v=version)})


def _cmd(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "newstrace.cli", "--db", url, "--no-spacy", *args]


@pytest.mark.slow
def test_two_ingests_at_once_store_each_article_once_and_every_revision(pg_url, tmp_path):
    # First: items 0-29 as first versions. Second: items 15-44, items 15-29 in a second version.
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(_record(i, "First version.") for i in range(30)) + "\n", encoding="utf-8")
    second.write_text("\n".join(_record(i, "Corrected version." if i < 30 else "First version.")
                                for i in range(15, 45)) + "\n", encoding="utf-8")
    with Store(pg_url):
        pass  # migrate once, so both processes start their batches together
    procs = [subprocess.Popen(_cmd(pg_url, "ingest", str(path), "--json"), env=ENV, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for path in (first, second)]
    outputs = [p.communicate(timeout=600) for p in procs]
    for proc, (stdout, stderr) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, stderr
    reports = [json.loads(stdout) for stdout, _ in outputs]
    assert sum(r["new"] + r["revised"] for r in reports) == 60, reports
    with Store(pg_url) as store:
        assert store.count_articles() == 45
        q = store.conn.execute
        assert q("SELECT count(*) FROM article_revisions").fetchone()[0] == 60
        twice = q("SELECT article_id FROM article_revisions GROUP BY article_id"
                  " HAVING count(*) = 2 AND count(DISTINCT content_hash) = 2 AND max(revision) = 2").fetchall()
        assert len(twice) == 15
        assert q('SELECT count(*) FROM (SELECT article_id, start, "end" FROM mentions'
                 ' GROUP BY article_id, start, "end" HAVING count(*) > 1) d').fetchone()[0] == 0
        assert q("SELECT count(*) FROM event_mentions e LEFT JOIN articles a ON a.id = e.article_id"
                 " WHERE a.id IS NULL").fetchone()[0] == 0
        assert store.pending_resolution() == 0
        together = sorted((e.id, e.mention_ids) for e in store.events())
    assert together
    full = subprocess.run(_cmd(pg_url, "resolve", "--full"), env=ENV, capture_output=True, text=True, timeout=600)
    assert full.returncode == 0, full.stderr
    with Store(pg_url) as store:
        assert sorted((e.id, e.mention_ids) for e in store.events()) == together, \
            "two incremental resolutions at once give what one full resolution gives"
