"""Accuracy floors: measured scores may only go down on purpose.

Each gold set has floors stored beside the hash of its gold file
(tests/data/floors.json). A test fails when a score drops below its floor, or
when the gold changed without new floors being recorded; `scripts/record-floors`
raises floors and refuses to lower one unless told to.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from newstrace.eval import EvalReport

FIELDS = ("type", "mode", "date", "place", "participants_f1")
# Field scores over every gold event (a missed one is wrong), then over matched events only.
SCORES = ("bcubed_f1", "bcubed_precision", *FIELDS, "matched_share", *(f"{name}_matched" for name in FIELDS))


@dataclass(frozen=True)
class Floor:
    gold_sha256: str
    scores: dict[str, float]


def gold_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def measured(report: EvalReport) -> dict[str, float]:
    s = report.overall
    scores = {"bcubed_f1": round(report.bcubed_f1, 3), "bcubed_precision": round(report.bcubed_precision, 3),
              "matched_share": round(s.matched / s.gold_events, 3) if s.gold_events else 0.0}
    for name in FIELDS:
        scores[name] = round(getattr(s.all, name), 3)
        scores[f"{name}_matched"] = round(getattr(s.found, name), 3)
    return scores


def load_floors(path: Path) -> dict[str, Floor]:
    data = json.loads(Path(path).read_text(encoding="utf-8")) if Path(path).exists() else {}
    return {name: Floor(v["gold_sha256"], dict(v["scores"])) for name, v in data.items()}


def shortfalls(floor: Floor, scores: dict[str, float], tolerance: float = 0.0) -> list[str]:
    """Every score below its floor, as 'name: got < floor'."""
    return [f"{k}: {scores.get(k, 0.0):.3f} < {v:.3f}" for k, v in floor.scores.items()
            if scores.get(k, 0.0) + tolerance < v]


def record(path: Path, name: str, gold: Path, scores: dict[str, float], allow_lower: bool = False) -> list[str]:
    """Store new floors for a gold set; returns the lowered scores (refused unless allow_lower)."""
    floors = load_floors(path)
    old = floors.get(name)
    lowered = shortfalls(old, scores) if old and old.gold_sha256 == gold_hash(gold) else []
    if lowered and not allow_lower:
        return lowered
    data = {k: {"gold_sha256": v.gold_sha256, "scores": v.scores} for k, v in floors.items()}
    data[name] = {"gold_sha256": gold_hash(gold), "scores": {k: scores[k] for k in SCORES if k in scores}}
    Path(path).write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return lowered
