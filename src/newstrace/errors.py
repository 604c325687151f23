"""Coded errors a user can see, search and test for, all in one place."""

from __future__ import annotations

from enum import Enum


class Code(str, Enum):
    """Every documented failure of an input, with its message template."""

    E001 = "file not found"
    E002 = "empty input"
    E003 = "binary content ({detail})"
    E004 = "cannot decode text ({detail})"
    E005 = "too large ({detail})"
    E006 = "malformed JSON ({detail})"
    E007 = "not a feed ({detail})"
    E008 = "unreachable URL ({detail})"
    E009 = "HTTP error ({detail})"
    E010 = "unsupported content type ({detail})"
    E011 = "no article text found ({detail})"
    E012 = "malformed WARC ({detail})"
    E013 = "malformed knowledge-base entry ({detail})"
    E014 = "malformed gold file ({detail})"
    E015 = "unknown id ({detail})"
    E016 = "pipeline stage failed ({detail})"
    E017 = "database unreachable ({detail})"
    E018 = "database refused the credentials ({detail})"
    E019 = "database schema does not match this version ({detail})"
    E020 = "database connection lost ({detail})"
    E021 = "database write failed ({detail})"


class NewstraceError(Exception):
    """Base of every error newstrace raises on purpose."""


class InputError(NewstraceError):
    """An input newstrace cannot read: names the input and the reason in one line.

    Readers raise only this; the batch records it and goes on.
    """

    def __init__(self, source: str, code: Code, detail: str = "") -> None:
        self.source = source
        self.code = code
        self.detail = detail
        super().__init__(f"{source}: {code.name} {code.value.format(detail=detail)}")


class KnowledgeError(NewstraceError):
    """A broken knowledge-base or lexicon entry (file, line and reason)."""

    def __init__(self, where: str, detail: str) -> None:
        self.where = where
        self.detail = detail
        super().__init__(f"{where}: {Code.E013.name} {Code.E013.value.format(detail=detail)}")


class StoreError(NewstraceError):
    """The database cannot be reached, read or written: names it and the reason in one line.

    Raised only by `store/`; whatever the transaction had written is rolled back.
    """

    def __init__(self, where: str, code: Code, detail: str = "") -> None:
        self.where = where
        self.code = code
        self.detail = detail
        super().__init__(f"{where}: {code.name} {code.value.format(detail=detail)}")
