"""Safe HTML from article text: highlighted spans, neutralised direction controls, text direction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from newstrace.text.scripts import script_of_text

# Scripts written right to left: knowledge about writing systems, not languages.
RTL_SCRIPTS = frozenset({"arabic", "hebrew"})

# Embedding, override and isolate controls: an unbalanced one in a title can
# flip the order of everything after it on the page, so none reaches the HTML.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch of an article's text: a CSS class and a tooltip."""

    start: int
    end: int
    css: str
    title: str = ""
    href: str | None = None


def direction(text: str | None) -> str:
    """`rtl` for text whose first letter is in a right-to-left script, else `auto`."""
    return "rtl" if text and script_of_text(text) in RTL_SCRIPTS else "auto"


def strip_controls(text: str | None) -> str:
    """The text without bidirectional embedding/override controls (for titles, names, snippets)."""
    if not text:
        return ""
    return "".join(c for c in text if c not in BIDI_CONTROLS)


def _plain(text: str) -> Markup:
    """Escape a piece of text, showing each direction control as a visible, inert marker."""
    out = []
    for char in text:
        if char in BIDI_CONTROLS:
            out.append(Markup('<span class="ctl" title="direction control removed">U+{:04X}</span>').format(ord(char)))
        else:
            out.append(escape(char))
    return Markup("").join(out)


def _escape_run(text: str) -> Markup:
    if not any(c in BIDI_CONTROLS for c in text):
        return escape(text)
    return _plain(text)


def highlight(text: str, marks: Sequence[Mark]) -> Markup:
    """The text as HTML with each mark wrapped in a <span> (or link); every segment escaped on its own.

    Overlapping marks are cut at every boundary so each output segment carries
    the classes of all marks covering it; spans outside the text are clipped.
    """
    n = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end and m.start < n]
    cuts = sorted({0, n, *(m.start for m in valid), *(min(m.end, n) for m in valid)})
    parts: list[Markup] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        if lo >= hi:
            continue
        piece = _escape_run(text[lo:hi])
        covering = [m for m in valid if m.start <= lo and min(m.end, n) >= hi]
        if not covering:
            parts.append(piece)
            continue
        classes = " ".join(sorted({m.css for m in covering}))
        title = " · ".join(dict.fromkeys(m.title for m in covering if m.title))
        href = next((m.href for m in covering if m.href), None)
        if href:
            parts.append(Markup('<a class="{}" title="{}" href="{}">{}</a>').format(classes, title, href, piece))
        else:
            parts.append(Markup('<span class="{}" title="{}">{}</span>').format(classes, title, piece))
    return Markup("").join(parts)


def snippet(text: str) -> Markup:
    """A search snippet whose matches the database marked with [ and ], as escaped HTML with <mark>."""
    parts: list[Markup] = []
    rest = text
    while "[" in rest:
        before, _, after = rest.partition("[")
        hit, found, tail = after.partition("]")
        if not found:
            break
        parts += [escape(strip_controls(before)), Markup("<mark>{}</mark>").format(strip_controls(hit))]
        rest = tail
    parts.append(escape(strip_controls(rest)))
    return Markup("").join(parts)


def safe_url(url: str | None) -> str | None:
    """The URL when it is a plain web address (http/https), else None: no javascript: or data: links."""
    if not url:
        return None
    cleaned = strip_controls(url).strip()
    scheme = cleaned.split(":", 1)[0].lower() if ":" in cleaned else ""
    if scheme in ("http", "https") and not any(c.isspace() or ord(c) < 32 for c in cleaned):
        return cleaned
    return None
