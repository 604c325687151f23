"""Leave-one-language-out accuracy of the cross-lingual event fallback (stages/events/crosslingual.py).

For each language of knowledge/examples/, the classifier is built without that language's
examples and tested on sentences of that language it never saw:
- its own labelled example sentences (events: is the type and the mode right? NONE sentences:
  does it abstain?);
- the titles and lede sentences of the gold articles in that language (tests/data/gold/events
  and tests/data/gold/lang/<lang>/), labelled with their main event's type and mode.
Languages of the gold sets that have no examples are tested against every example (an unseen
language, as a page in a language without a lexicon is).

A sentence the encoder cannot read (more than MAX_UNREAD of its word pieces unknown to it)
is not classified, as in the pipeline. Columns: n (event sentences), type and mode accuracy over all of them (an abstention counts as
wrong), abstention on event sentences, type accuracy over the sentences answered, and abstention on NONE sentences (higher is better).

    .venv/bin/python benchmarks/crosslingual.py [--k 5] [--threshold 0.45] [--margin 0.4]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newstrace.knowledge.compiled import cached_value
from newstrace.stages.events.crosslingual import (
    K, MARGIN, MAX_UNREAD, NONE, THRESHOLD, build_index, examples_digest, load_examples,
)

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "data" / "gold"


@dataclass(frozen=True)
class Probe:
    """A test sentence with its expected type (NONE for no event) and mode."""

    language: str
    type: str
    mode: str | None
    text: str
    origin: str  # examples | gold


def gold_probes() -> list[Probe]:
    """Title and lede sentence of each gold article, labelled with its main event."""
    probes: list[Probe] = []
    for gold_file in [GOLD / "events" / "gold.json", *sorted((GOLD / "lang").glob("*/gold.json"))]:
        gold = json.loads(gold_file.read_text("utf-8"))
        events = {e["key"]: e for e in gold["events"]}
        for article in gold["articles"]:
            main = events.get(article.get("main_event") or "")
            if main is None:
                continue
            lines = [line.strip() for line in (gold_file.parent / article["file"]).read_text("utf-8").splitlines()]
            lines = [line for line in lines if line]
            title = lines[0] if lines else ""
            lede = next((line for line in lines[1:] if len(line) > 80), "")
            first = re.split(r"(?<=[.!?。！？])\s*", lede, maxsplit=1)[0] if lede else ""
            for text in (title, first):
                if text:
                    probes.append(Probe(article["language"], main["type"], main.get("mode"), text, "gold"))
    return probes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=K)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--margin", type=float, default=MARGIN)
    parser.add_argument("--scan", action="store_true", help="only the totals over a grid of k and thresholds")
    args = parser.parse_args()

    from newstrace.context import Context

    ctx = Context(use_spacy=False)
    encode = ctx.encoder
    examples = load_examples()
    index = cached_value("examples", "bench " + examples_digest(), lambda: build_index(examples, encode))
    probes = [Probe(e.language, e.type, e.mode, e.text, "examples") for e in examples] + gold_probes()
    texts = sorted({p.text for p in probes})
    key = hashlib.blake2b("\n".join(texts).encode()).hexdigest()
    vectors = cached_value("probes", f"bench {examples_digest()} {key}", lambda: np.asarray(encode(texts)))
    row_of = {t: i for i, t in enumerate(texts)}
    # As the pipeline does, a sentence the encoder cannot read is not classified (an abstention).
    unread = {t for t in texts if ctx.unread_share(t) > MAX_UNREAD}
    held = sorted({e.language for e in examples})
    languages = held + sorted({p.language for p in probes} - set(held))
    run = Run(index, probes, vectors, row_of, held, unread)
    if args.scan:
        print(f"{'k':>3}{'thr':>6}{'type':>7}{'mode':>7}{'abstain':>9}{'NONE abst.':>11}  (held-out languages only)")
        for k in (1, 3, 5, 7, 9):
            for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55):
                n, typed, moded, abstained, nn, na = run.table(held, k, threshold, args.margin, show=False)
                print(f"{k:>3}{threshold:>6}{_ratio(typed, n):>7}{_ratio(moded, n):>7}{_ratio(abstained, n):>9}"
                      f"{_ratio(na, nn):>11}")
        return
    print(f"k={args.k} threshold={args.threshold} margin={args.margin}; {len(examples)} examples in {len(held)} languages")
    run.table(languages, args.k, args.threshold, args.margin, show=True)


@dataclass
class Run:
    """The encoded examples and probes, scored per language."""

    index: object
    probes: list[Probe]
    vectors: np.ndarray
    row_of: dict[str, int]
    held: list[str]
    unread: set[str]

    def table(self, languages: list[str], k: int, threshold: float, margin: float, show: bool) -> list[int]:
        header = f"{'lang':<6}{'held out':<10}{'n':>4}{'type':>7}{'mode':>7}{'abstain':>9}{'answered ok':>12}{'NONE n':>8}{'NONE abst.':>11}"
        if show:
            print(header)
            print("-" * len(header))
        totals = [0] * 6
        for language in languages:
            held_out = language in self.held
            model_index = self.index.without(language) if held_out else self.index
            mine = [p for p in self.probes if p.language == language]
            if not mine:
                continue
            answers = model_index.classify(self.vectors[[self.row_of[p.text] for p in mine]], k, threshold, margin)
            answers = [None if p.text in self.unread else a for p, a in zip(mine, answers)]
            events = [(p, a) for p, a in zip(mine, answers) if p.type != NONE]
            nones = [(p, a) for p, a in zip(mine, answers) if p.type == NONE]
            n = len(events)
            typed = sum(1 for p, a in events if a is not None and a.type == p.type)
            moded = sum(1 for p, a in events if a is not None and a.type == p.type and a.mode == p.mode)
            abstained = sum(1 for _, a in events if a is None)
            none_abstained = sum(1 for _, a in nones if a is None)
            totals = [t + v for t, v in zip(totals, (n, typed, moded, abstained, len(nones), none_abstained))]
            if show:
                print(f"{language:<6}{'yes' if held_out else 'unseen':<10}{n:>4}{_ratio(typed, n):>7}"
                      f"{_ratio(moded, n):>7}{_ratio(abstained, n):>9}{_ratio(typed, n - abstained):>12}{len(nones):>8}"
                      f"{_ratio(none_abstained, len(nones)):>11}")
        n, typed, moded, abstained, nn, na = totals
        if show:
            print("-" * len(header))
            print(f"{'all':<6}{'':<10}{n:>4}{_ratio(typed, n):>7}{_ratio(moded, n):>7}{_ratio(abstained, n):>9}"
                  f"{_ratio(typed, n - abstained):>12}{nn:>8}{_ratio(na, nn):>11}")
        return totals


def _ratio(count: int, total: int) -> str:
    return f"{count / total:.2f}" if total else "-"


if __name__ == "__main__":
    main()
