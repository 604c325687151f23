"""Language identification of an article's cleaned body: py3langid, and lingua where py3langid is unsure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

MIN_CHARS = 40
# py3langid's answer is stable well before this many characters; reading more only costs time.
SAMPLE_CHARS = 1500
# Below this py3langid is unsure (short or mixed pages: a headline and boilerplate): lingua,
# which reads short texts better, is asked, and its answer taken when it is at least this sure.
# Measured on the example sentences of knowledge/examples (one short news sentence each):
# py3langid alone 0.993, lingua alone 0.998, the two thus 0.998.
UNSURE = 0.7
LINGUA_SURE = 0.5
# py3langid's best language joins lingua's candidates, so a language with no lexicon can win.
RANKED = 1
# How many of py3langid's next languages may confirm lingua's, where py3langid's best has no lexicon.
RUNNERS_UP = 2


@dataclass(frozen=True)
class LanguageGuess:
    """A language code and how sure the identifier is, in [0, 1]."""

    code: str
    confidence: float
    rule: str


@cache
def _identifier():
    # Loaded once per process; the model is read-only, so caching it changes no result.
    # Decompressing the shipped model takes seconds; the decompressed identifier is kept in
    # the cache folder, keyed by the model file's digest and py3langid's version.
    import hashlib
    from importlib.metadata import version

    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from newstrace.knowledge.compiled import cached_value

    model = MODEL_DIR / MODEL_FILE
    key = f"py3langid {version('py3langid')} {hashlib.blake2b(model.read_bytes()).hexdigest()}"
    return cached_value("langid", key, lambda: LanguageIdentifier.from_model_file(model, norm_probs=True))


def identify(text: str, known: tuple[str, ...] = ()) -> LanguageGuess:
    """py3langid's best language for `text`, over all its languages; where it is unsure, lingua's
    over the `known` codes (those some lexicon reads) and py3langid's best, where lingua is surer."""
    sample = text[:SAMPLE_CHARS]
    code, confidence = _identifier().classify(sample)
    guess = LanguageGuess(str(code), max(0.0, min(1.0, float(confidence))), "py3langid")
    if guess.confidence >= UNSURE or not known:
        return guess
    ranking = [str(c) for c, _ in _identifier().rank(sample)[:RUNNERS_UP + 1]]
    detector = _lingua(tuple(sorted(set(known) | set(ranking[:RANKED]))))
    found = detector.compute_language_confidence_values(_without_names(sample)) if detector is not None else []
    if not found:
        return guess
    best = found[0].language.iso_code_639_1.name.lower()
    if found[0].value >= max(LINGUA_SURE, guess.confidence):
        return LanguageGuess(best, round(float(found[0].value), 4), "lingua")
    if guess.code not in known and best in known and best in ranking[1:]:
        # py3langid's best no lexicon reads, and lingua's is one of its runners-up that one
        # does: the two identifiers agree on it ("met ... in Beijing on Monday" is no Pidgin).
        return LanguageGuess(best, round(float(found[0].value), 4), "lingua+py3langid")
    return guess


_NAME = re.compile(r"\b[^\W\d_a-zß-ÿ][\w'’-]*")


def _without_names(text: str) -> str:
    """The text less its capitalised words: names ("Sánchez" in French) carry the letters of
    their own language, which lingua would read as the text's. Kept whole when little is left."""
    rest = _NAME.sub(" ", text)
    return rest if len(rest.split()) >= 2 else text


@cache
def _lingua(codes: tuple[str, ...]):
    # One detector per set of candidates; lingua loads each language's models once per process,
    # from its own wheel, on first use. Read-only: caching it changes no result.
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = []
    for code in codes:
        try:
            isos.append(IsoCode639_1.from_str(code.upper()))
        except ValueError:
            continue  # a code lingua does not know ("cnr", "ext")
    if len(isos) < 2:
        return None
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).build()


def detect_language(body: str, declared: str | None = None, fallback_text: str = "",
                    known: tuple[str, ...] = ()) -> LanguageGuess:
    """The body's language; the declared one only when the body is too short to judge.

    `fallback_text` (e.g. the title) is used when the body is short and nothing is declared;
    `known` are the codes lingua chooses among where py3langid is unsure.
    """
    body = body.strip()
    if len(body) >= MIN_CHARS:
        return identify(body, known)
    if declared:
        return LanguageGuess(declared.strip().lower().split("-")[0].split("_")[0], 1.0 if body else 0.5, "declared")
    sample = (fallback_text.strip() + "\n" + body).strip()
    if not sample:
        return LanguageGuess("und", 0.0, "empty")
    guess = identify(sample, known)
    return LanguageGuess(guess.code, guess.confidence * min(1.0, len(sample) / MIN_CHARS), "short-text")
