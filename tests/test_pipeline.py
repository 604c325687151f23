"""The batch: bad inputs are named and skipped, a killed run leaves a clean database."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from newstrace import pipeline
from newstrace.context import Context
from newstrace.store import Store

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]

GOOD = ("Hakan Fidan met Sergey Lavrov in Moscow on Monday to discuss grain exports across the Black Sea. "
        "The two ministers agreed to continue the talks next month, officials said.\n")


def test_a_batch_with_bad_inputs_names_each_and_keeps_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "broken.jsonl").write_text('{"url": "https://x.example/1", "title": "T", "text": "' + GOOD.strip()
                                         + '"}\n{not json\n', encoding="utf-8")
    from newstrace.cli import app

    result = runner.invoke(app, ["--db", str(tmp_path / "t.db"), "ingest", str(folder), "--json", "--no-resolve"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["new"], report["failed"]) == (2, 3)
    joined = "\n".join(report["failures"])
    for name in ("empty.txt", "image.txt", "broken.jsonl"):
        assert name in joined
    assert all(len(line.splitlines()) == 1 for line in report["failures"])
    with Store(tmp_path / "t.db") as store:
        assert store.count_articles() == 2


def test_a_stage_that_crashes_is_recorded_on_the_article_and_the_batch_goes_on(tmp_path, monkeypatch):
    from newstrace.stages.entities import linking

    def explode(article, ctx):
        raise RuntimeError("boom")

    monkeypatch.setattr(linking, "link_article", explode)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    with Store(tmp_path / "t.db") as store:
        report = pipeline.ingest([str(tmp_path / "a.txt")], store, Context(use_spacy=False))
        assert report.new == 1
        stored = store.articles()[0]
        assert any("E016" in e and "boom" in e for e in stored.errors)


def _write_many(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:04}.txt").write_text(f"Article number {i}.\n\n{GOOD * 20}", encoding="utf-8")


def test_killing_a_large_ingest_leaves_a_clean_database_and_a_rerun_finishes(tmp_path):
    folder, db = tmp_path / "many", tmp_path / "k.db"
    n = 400
    _write_many(folder, n)
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    cmd = [sys.executable, "-m", "newstrace.cli", "--db", str(db), "--no-spacy", "ingest", str(folder), "--no-resolve"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute(
                    "SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                continue
            if stored >= 20:
                break
    assert proc.poll() is None, "the ingest finished before it could be killed; raise n"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 20 <= partial < n
    conn.close()
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{n - partial} new" in rerun.stderr and f"{partial} unchanged" in rerun.stderr
    with Store(db) as store:
        assert store.count_articles() == n
        revisions = store.conn.execute("SELECT count(*) FROM article_revisions").fetchone()[0]
        assert revisions == n


def test_an_outlets_recurring_line_is_learned_and_removed_on_reprocess(tmp_path):
    folder = tmp_path / "outlet"
    folder.mkdir()
    recurring = "Weekly digest from the Lakeside desk"
    for i in range(5):
        body = f"Story {i}: the council of the city voted on budget item {i} after a long debate on Tuesday."
        (folder / f"s{i}.txt").write_text(f"Headline number {i}\n\n{body}\n\n{recurring}\n", encoding="utf-8")
    ctx = Context(use_spacy=False)
    with Store(tmp_path / "o.db") as store:
        pipeline.ingest([str(folder)], store, ctx, outlet="lakeside.example", analyse=False)
        assert all(recurring in a.text for a in store.articles()), "nothing is known of the outlet yet"
        pipeline.reprocess(store, ctx)
        texts = [a.text for a in store.articles()]
        assert texts and all(recurring not in t for t in texts)
        assert all("voted on budget item" in t for t in texts)


def test_files_with_one_name_in_two_folders_are_two_articles(tmp_path):
    for lang, text in (("en", GOOD), ("fr", "Hakan Fidan a rencontré Sergueï Lavrov lundi à Moscou.\n")):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "01.txt").write_text(text, encoding="utf-8")
    with Store(tmp_path / "t.db") as store:
        targets = [str(tmp_path / "en" / "01.txt"), str(tmp_path / "fr" / "01.txt")]
        report = pipeline.ingest(targets, store, Context(use_spacy=False), analyse=False)
        assert (report.new, report.revised) == (2, 0)
        assert sorted(a.language for a in store.articles()) == ["en", "fr"]
