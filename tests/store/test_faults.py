"""Database faults: each is one coded line naming the database, and nothing is half-written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from typer.testing import CliRunner

from newstrace.errors import Code, StoreError
from newstrace.store import Store
from newstrace.store.migrations import MIGRATIONS
from tests.factories import article, mention, raw
from tests.pgserver import PostgresServer, free_port, missing_reason

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _one_line(exc: StoreError) -> str:
    text = str(exc)
    assert len(text.splitlines()) == 1, text
    return text


def test_an_unreachable_server_is_named_with_its_code_and_without_the_password():
    url = f"postgresql://newstrace:s3cret-pw@127.0.0.1:{free_port()}/nowhere"
    with pytest.raises(StoreError) as failure:
        Store(url)
    line = _one_line(failure.value)
    assert failure.value.code is Code.E017
    assert "127.0.0.1" in line and "s3cret-pw" not in line and "***" in line


def test_a_wrong_password_is_refused_in_one_line(pg_server, pg_url):
    wrong = pg_url.replace(pg_server.password, "not-the-password")
    with pytest.raises(StoreError) as failure:
        Store(wrong)
    assert failure.value.code is Code.E018
    assert "not-the-password" not in _one_line(failure.value)
    from newstrace.cli import app

    result = runner.invoke(app, ["--db", wrong, "articles"])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "E018" in lines[0] and "not-the-password" not in lines[0]


def _as_older_version(store: Store) -> None:
    """Take the pending marks' migration and every later one back out, as a database written before them."""
    undo = {  # newest first
        # Re-applied, it rebuilds SQLite's full-text index over the stored articles.
        "0008_search_unspaced_scripts": (),
        "0007_desk_cursors": ("DROP TABLE story_events", "DROP TABLE alert_cursors", "DROP INDEX events_revision",
                              "DROP INDEX articles_ingested", "ALTER TABLE events DROP COLUMN revision",
                              "ALTER TABLE events DROP COLUMN digest"),
        "0006_watch_and_alerts": tuple(f"DROP TABLE {t}" for t in ("watch_sources", "watch_items", "alert_rules",
                                                                     "alerts", "alert_marks")),
        "0005_pending_resolution": ("DROP TABLE pending_resolution", "DROP TABLE resolution_state"),
    }
    assert set(undo) == {m.name for m in MIGRATIONS[-len(undo):]}
    for name, statements in undo.items():
        for statement in statements:
            store.conn.execute(statement)
        store.conn.execute("DELETE FROM schema_migrations WHERE name = ?", (name,))


def test_a_database_at_an_older_schema_is_refused_read_only_and_migrated_by_a_writer(db_target):
    a = article("Text of an article stored before pending marks existed.")
    with Store(db_target) as store:
        store.save_article(raw(a.text), a, [], [mention("m1", a.id, ["Q1", "Q2"])])
        _as_older_version(store)
    with pytest.raises(StoreError) as failure:
        Store(db_target, readonly=True)
    assert failure.value.code is Code.E019 and MIGRATIONS[-1].name in _one_line(failure.value)
    with Store(db_target) as store:
        # The upgrade marks what the older version stored without events as pending.
        assert store.pending_resolution() == 1
        assert store.count_articles() == 1
    with Store(db_target, readonly=True) as store:
        assert store.count_articles() == 1


def test_a_database_from_a_newer_version_is_refused(db_target):
    with Store(db_target) as store:
        store.conn.execute("INSERT INTO schema_migrations(name, applied_at) VALUES ('9999_future', 'x')")
    for readonly in (False, True):
        with pytest.raises(StoreError) as failure:
            Store(db_target, readonly=readonly)
        assert failure.value.code is Code.E019 and "9999_future" in _one_line(failure.value)


def _count(url: str, table: str) -> int:
    with psycopg.connect(url, connect_timeout=5) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


GOOD = ("Hakan Fidan met Sergey Lavrov in Moscow on Monday to discuss grain exports across the Black Sea. "
        "The two ministers agreed to continue the talks next month, officials said.\n")


@pytest.mark.slow
def test_a_server_stopped_mid_batch_fails_in_one_line_and_a_rerun_finishes(tmp_path):
    reason = missing_reason()
    if reason:
        from tests.conftest import _postgres_unavailable

        _postgres_unavailable(reason)
    folder, n = tmp_path / "many", 300
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:04}.txt").write_text(f"Article number {i}.\n\n{GOOD * 20}", encoding="utf-8")
    server = PostgresServer().start()  # its own server: this test stops it
    try:
        url = server.new_database()
        env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
        cmd = [sys.executable, "-m", "newstrace.cli", "--db", url, "--no-spacy", "ingest", str(folder),
               "--no-resolve", "--json"]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline, stored = time.monotonic() + 300, 0
        while time.monotonic() < deadline and proc.poll() is None and stored < 20:
            time.sleep(0.2)
            try:
                stored = _count(url, "articles")
            except psycopg.Error:
                continue  # not migrated yet
        assert proc.poll() is None, "the ingest finished before the server could be stopped; raise n"
        server.stop("fast")
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 2
        lines = [line for line in stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "E020" in lines[0] and server.password not in lines[0], stderr
        server.start()
        partial = _count(url, "articles")
        assert 20 <= partial < n
        assert _count(url, "article_revisions") == partial == _count(url, "pending_resolution")
        assert _count(url, "raw_documents") == partial
        rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        assert rerun.returncode == 0, rerun.stderr
        report = json.loads(rerun.stdout)
        assert (report["new"], report["unchanged"]) == (n - partial, partial)
        assert _count(url, "articles") == _count(url, "article_revisions") == n
    finally:
        server.remove()
