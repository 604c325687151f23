"""The batch on the local engine: the same articles and events as `ingest`, into a database or Parquet,
and the database faults it stops on, each in one line."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newstrace.batch.engines import LocalEngine
from newstrace.batch.parquet import read_table
from newstrace.batch.run import run_batch
from newstrace.cli import app
from newstrace.store import Store
from tests.batch.helpers import REPO, corpus, counts, outcome, single_machine

runner = CliRunner()
EXAMPLES = [str(REPO / "examples" / name) for name in
            ("en_kalin_doha.txt", "fr_kalin_doha.txt", "tr_kalin_doha.txt", "newsplease.jsonl", "de_putin_erdogan.html")]


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    return corpus(tmp_path_factory.mktemp("warc"), 16, 2)


@pytest.fixture(scope="module")
def reference(shards, tmp_path_factory) -> dict:
    return single_machine([str(shards), *EXAMPLES], str(tmp_path_factory.mktemp("ref") / "ref.db"))


def test_the_local_engine_stores_what_ingest_stores_and_a_rerun_changes_nothing(shards, reference, tmp_path):
    db = str(tmp_path / "b.db")
    report = run_batch([str(shards), *EXAMPLES], db, LocalEngine(), use_spacy=False)
    assert reference["events"] and outcome(db) == reference
    assert report.new == len(reference["articles"]) and report.failed == 0
    again = run_batch([str(shards), *EXAMPLES], db, LocalEngine(), use_spacy=False)
    assert (again.new, again.unchanged) == (0, len(reference["articles"]))
    assert outcome(db) == reference and counts(db) == (len(reference["articles"]),) * 3


def test_parquet_output_holds_the_same_articles_events_and_stories(shards, reference, tmp_path):
    out = tmp_path / "run.parquet"
    run_batch([str(shards), *EXAMPLES], str(out), LocalEngine(), use_spacy=False)
    assert sorted(r["id"] for r in read_table(out, "articles")) == reference["articles"]
    assert sorted(r["id"] for r in read_table(out, "events")) == [e[0] for e in reference["events"]]
    assert sorted(r["id"] for r in read_table(out, "stories")) == [s[0] for s in reference["stories"]]
    assert not list(tmp_path.glob("run.parquet.partial-*"))


def test_a_wrong_password_stops_the_batch_in_one_line_before_any_work(pg_server, pg_url, shards):
    wrong = pg_url.replace(pg_server.password, "not-the-password")
    result = runner.invoke(app, ["--no-spacy", "batch", str(shards), "--out", wrong])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2 and len(lines) == 1, result.stderr
    assert "E018" in lines[0] and "not-the-password" not in lines[0]


def test_a_database_at_an_older_schema_is_brought_up_to_date_by_the_batch(tmp_path, shards):
    from tests.store.test_faults import _as_older_version

    db = str(tmp_path / "old.db")
    with Store(db) as store:
        _as_older_version(store)
    with pytest.raises(Exception) as refused:
        Store(db, readonly=True)
    assert "E019" in str(refused.value)
    result = runner.invoke(app, ["--no-spacy", "batch", str(shards), "--out", db, "--engine", "local"])
    assert result.exit_code == 0, result.stderr
    assert counts(db)[0] == 16 and outcome(db)["events"] and outcome(db)["pending"] == 0


def test_a_shard_that_is_missing_or_a_url_is_one_line_and_the_rest_goes_on(tmp_path, shards):
    db = str(tmp_path / "m.db")
    result = runner.invoke(app, ["--no-spacy", "batch", str(shards), str(tmp_path / "nope.warc.gz"),
                                 "https://news.example/a", "--out", db])
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed")]
    assert result.exit_code == 1 and len(failed) == 2, result.stderr
    assert "nope.warc.gz" in failed[0] and "E001" in failed[0] and "news.example" in failed[1]
    assert counts(db)[0] == 16
