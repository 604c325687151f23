"""Shared fixtures: the seed articles beside the clone, and the project's own test data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
DATA = REPO / "tests" / "data"
OUTPUT = REPO / "test-output"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five seed articles in ../shared/seeds (they are never copied into the repo)."""
    if not (SEEDS / "EXPECTED.md").exists():
        pytest.skip(f"the seed articles are not at {SEEDS}: clone the repo beside shared/ to run this test")
    return SEEDS


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT
