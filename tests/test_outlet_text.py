"""No outlet's wording lives in the repo: tests read real articles from ../shared, never copy them.

A run of seven words shared with a real article is a copied sentence (names with their titles
run to five or six); the check reads every file git tracks that holds text."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RUN = 7
TEXT_SUFFIXES = {".py", ".txt", ".json", ".jsonl", ".yaml", ".yml", ".md", ".html", ".xml", ".csv", ".tsv", ".js"}


def words(text: str) -> list[str]:
    """Case-folded words without punctuation; hyphens and apostrophes split ("cessez-le-feu": three)."""
    out = []
    for token in text.casefold().replace("-", " ").replace("'", " ").replace("’", " ").split():
        token = "".join(c for c in token if not unicodedata.category(c).startswith(("P", "S")))
        if token:
            out.append(token)
    return out


def runs(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i:i + RUN]) for i in range(len(w) - RUN + 1)}


def outlet_runs() -> dict[tuple[str, ...], str]:
    articles = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "realdev").glob("*.txt"))
    if not articles:
        pytest.skip(f"no real articles at {SHARED}/seeds or {SHARED}/realdev: clone the repo beside shared/")
    found: dict[tuple[str, ...], str] = {}
    for path in articles:
        for run in runs(path.read_text(encoding="utf-8", errors="ignore")):
            found.setdefault(run, path.name)
    return found


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    return [REPO / name for name in listed.decode().split("\0") if name and Path(name).suffix in TEXT_SUFFIXES]


def test_words_split_like_a_reader_counts_them():
    assert words("Le cessez-le-feu, « enfin » !") == ["le", "cessez", "le", "feu", "enfin"]
    assert len(runs("one two three four five six seven eight")) == 2


def test_no_repo_file_shares_a_sentence_with_a_real_article():
    outlet = outlet_runs()
    copied = {}
    for path in tracked_text_files():
        if not path.is_file():
            continue
        shared = runs(path.read_text(encoding="utf-8", errors="ignore")) & outlet.keys()
        if shared:
            run = min(shared)
            copied[str(path.relative_to(REPO))] = f"{' '.join(run)!r} ({outlet[run]})"
    assert not copied, "outlet text copied into the repo: " + "; ".join(f"{k}: {v}" for k, v in sorted(copied.items()))
