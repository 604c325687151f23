"""`newstrace serve`: local by default, refuses a missing database, serves the app with uvicorn."""

from __future__ import annotations

from typer.testing import CliRunner

from newstrace.cli import app


def test_serve_listens_on_localhost_by_default(corpus, kb, monkeypatch):
    import uvicorn

    import newstrace.web.deps as deps

    calls = {}
    monkeypatch.setattr(deps, "load_kb", lambda path: kb)
    monkeypatch.setattr(uvicorn, "run", lambda web, host, port, **kw: calls.update(app=web, host=host, port=port))
    result = CliRunner().invoke(app, ["--db", str(corpus.path), "serve"])
    assert result.exit_code == 0, result.output
    assert (calls["host"], calls["port"]) == ("127.0.0.1", 8000)
    assert calls["app"].state.knowledge.get() is kb
    assert "http://127.0.0.1:8000/" in result.output


def test_serve_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "none.db"), "serve"])
    assert result.exit_code == 2 and "no database" in result.output
