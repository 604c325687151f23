"""Language identification of an article's cleaned body (py3langid, normalised probabilities)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

MIN_CHARS = 40
# py3langid's answer is stable well before this many characters; reading more only costs time.
SAMPLE_CHARS = 1500


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


def identify(text: str) -> LanguageGuess:
    """py3langid's best language for `text`, over all its languages."""
    code, confidence = _identifier().classify(text[:SAMPLE_CHARS])
    return LanguageGuess(str(code), max(0.0, min(1.0, float(confidence))), "py3langid")


def detect_language(body: str, declared: str | None = None, fallback_text: str = "") -> LanguageGuess:
    """The body's language; the declared one only when the body is too short to judge.

    `fallback_text` (e.g. the title) is used when the body is short and nothing is declared.
    """
    body = body.strip()
    if len(body) >= MIN_CHARS:
        return identify(body)
    if declared:
        return LanguageGuess(declared.strip().lower().split("-")[0].split("_")[0], 1.0 if body else 0.5, "declared")
    sample = (fallback_text.strip() + "\n" + body).strip()
    if not sample:
        return LanguageGuess("und", 0.0, "empty")
    guess = identify(sample)
    return LanguageGuess(guess.code, guess.confidence * min(1.0, len(sample) / MIN_CHARS), "short-text")
