"""One document found inside an input, before it becomes a RawDocument."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

ARTICLE_JSON = "application/x-article+json"
HTML = "text/html"
TEXT = "text/plain"


@dataclass(frozen=True)
class Item:
    """A document a reader found: its bytes, media type and place in the input."""

    content: bytes
    media_type: str
    locator: str | None = None
    url: str | None = None
    captured_at: datetime | None = None
