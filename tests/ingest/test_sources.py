"""What a user names: files, directories, globs; laziness and provenance."""

from __future__ import annotations

import shutil
from pathlib import Path

from newstrace.errors import Code, InputError
from newstrace.ingest.sources import iter_raw

from .helpers import DATA, collect


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "b.txt").write_text("Second file text.")
    (root / "a.txt").write_text("First file text.")
    (root / "sub" / "c.txt").write_text("Nested file text.")
    (root / ".secret.txt").write_text("hidden")
    (root / ".hidden" / "d.txt").write_text("hidden too")
    (root / "EXPECTED.md").write_text("gold notes")
    (root / "README.md").write_text("about the corpus")
    shutil.copy(DATA / "rss20.xml", root / "feed.xml")
    return root


def test_directory_is_recursive_sorted_and_skips_hidden_and_notes(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    docs, errors = collect(str(root))
    assert not errors
    assert [(d.origin.file, d.origin.locator) for d in docs] == [
        ("a.txt", None), ("b.txt", None), ("feed.xml", "item 1"), ("feed.xml", "item 2"), ("sub/c.txt", None),
    ]
    assert docs[0].uri == (root / "a.txt").resolve().as_uri()
    assert docs[0].origin.source == str(root / "a.txt")
    assert docs[2].uri == "https://lakeside.example/2026/01/library"


def test_a_table_beside_the_articles_fails_alone(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ministers met in Rome on Monday.", encoding="utf-8")
    (tmp_path / "sources.tsv").write_text("file\turl\na.txt\thttps://example.org/a\nb.txt\thttps://example.org/b\n",
                                          encoding="utf-8")
    items = list(iter_raw(str(tmp_path)))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.origin.file for d in items if not isinstance(d, InputError)] == ["a.txt"]
    assert [(e.code, e.source.endswith("sources.tsv")) for e in errors] == [(Code.E011, True)]
    assert "tab-separated" in str(errors[0])


def test_glob(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    docs, errors = collect(str(root / "**" / "*.txt"))
    assert not errors
    assert [d.origin.file for d in docs] == ["a.txt", "b.txt", "sub/c.txt"], "named relative to the glob's fixed part"
    docs, errors = collect(str(root / "*.nothing"))
    assert docs == [] and [e.code for e in errors] == [Code.E001]


def test_outlet_override_is_recorded(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    docs, _ = collect(str(root / "a.txt"), outlet="Harbour Wire")
    assert docs[0].origin.outlet == "Harbour Wire"


def test_locators_without_urls_make_distinct_uris(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "a"}\n{"text": "b"}\n')
    docs, _ = collect(str(path))
    assert [d.uri for d in docs] == [path.resolve().as_uri() + "#line-1", path.resolve().as_uri() + "#line-2"]


def test_iteration_is_lazy_and_goes_on_after_errors(tmp_path: Path) -> None:
    root = tmp_path / "mixed"
    root.mkdir()
    (root / "1.txt").write_text("Good one.")
    (root / "2.bin").write_bytes(b"\x00\x01\x02binary")
    (root / "3.txt").write_bytes(b"")
    (root / "4.txt").write_text("Good two.")
    items = iter_raw(str(root))
    first = next(items)
    assert not isinstance(first, InputError) and first.origin.file == "1.txt"
    rest = list(items)
    assert [type(i).__name__ for i in rest] == ["InputError", "InputError", "RawDocument"]
    assert [i.code for i in rest[:2]] == [Code.E003, Code.E002]
