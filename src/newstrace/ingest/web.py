"""Fetching an http(s) URL with bounded time, size and redirects: the only module that opens sockets."""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from newstrace.errors import Code, InputError

USER_AGENT = "newstrace/0.1 (+news event analysis)"
TIMEOUT_S = 20.0
MAX_BYTES = 10_000_000
MAX_REDIRECTS = 5

# Content types worth reading; anything else (PDF, images, video) is refused.
_ACCEPTED = (
    "text/html", "application/xhtml+xml", "text/plain",
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/xml", "text/xml", "application/json", "application/x-ndjson",
    "application/jsonl", "application/feed+json",
)


@dataclass(frozen=True)
class Fetched:
    """A page as the server sent it."""

    url: str
    final_url: str
    content: bytes
    content_type: str
    # The validators for the next conditional GET, and whether the server said "not modified".
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def new_client(trust_env: bool = True, timeout: float = TIMEOUT_S) -> httpx.Client:
    """A client with newstrace's limits: timeout, redirects, user agent."""
    return httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=timeout,
        headers={"User-Agent": USER_AGENT},
        trust_env=trust_env,
    )


def _accepted(content_type: str) -> bool:
    return not content_type or content_type.startswith(_ACCEPTED) or content_type.endswith(("+xml", "+json"))


def fetch(
    url: str, client: httpx.Client | None = None, max_bytes: int = MAX_BYTES, *,
    etag: str | None = None, last_modified: str | None = None, deadline_s: float | None = None,
) -> Fetched:
    """GET `url`, streaming at most `max_bytes`; conditional when given the validators of the last answer.

    `deadline_s` bounds the whole read: a server that sends a trickle never trips the
    per-read timeout, so the body as a whole gets a time limit too.

    Raises InputError: E008 unreachable (DNS, refused, timeout, bad URL), E009
    HTTP status >= 400 or too many redirects, E010 a content type that is not
    a page, feed, JSON or text, E005 a body over the cap.
    """
    own = client is None
    session = client or new_client()
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    started = time.monotonic()
    try:
        with session.stream("GET", url, headers=headers) as response:
            validators = {"etag": response.headers.get("etag"), "last_modified": response.headers.get("last-modified")}
            if response.status_code == 304:
                return Fetched(url, str(response.url), b"", "", etag or validators["etag"],
                               last_modified or validators["last_modified"], not_modified=True)
            if response.status_code >= 400:
                raise InputError(url, Code.E009, f"{response.status_code} {response.reason_phrase}".strip())
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if not _accepted(content_type):
                raise InputError(url, Code.E010, content_type)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise InputError(url, Code.E005, f"{int(declared):,} bytes declared, cap {max_bytes:,}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(url, Code.E005, f"over {max_bytes:,} bytes")
                if deadline_s is not None and time.monotonic() - started > deadline_s:
                    raise InputError(url, Code.E008, f"body not read within {deadline_s:g} s")
                chunks.append(chunk)
            return Fetched(url, str(response.url), b"".join(chunks), content_type, **validators)
    except httpx.TooManyRedirects:
        raise InputError(url, Code.E009, f"more than {MAX_REDIRECTS} redirects") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise InputError(url, Code.E008, f"invalid URL: {exc}") from None
    except httpx.TimeoutException:
        raise InputError(url, Code.E008, f"no answer within {_read_timeout(session):g} s") from None
    except httpx.HTTPError as exc:
        raise InputError(url, Code.E008, f"{type(exc).__name__}: {exc}".rstrip(": ")) from None
    finally:
        if own:
            session.close()


def _read_timeout(client: httpx.Client) -> float:
    return client.timeout.read if client.timeout.read is not None else TIMEOUT_S


def post_json(url: str, body: bytes, headers: dict[str, str], timeout: float) -> None:
    """POST a JSON body; raises InputError E008 when unreachable or slow, E009 on a status >= 400."""
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
            response = client.post(url, content=body, headers={
                "User-Agent": USER_AGENT, "Content-Type": "application/json", **headers})
    except httpx.TimeoutException:
        raise InputError(url, Code.E008, f"no answer within {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise InputError(url, Code.E008, f"{type(exc).__name__}: {exc}".rstrip(": ")) from None
    if response.status_code >= 400:
        raise InputError(url, Code.E009, f"{response.status_code} {response.reason_phrase}".strip())
