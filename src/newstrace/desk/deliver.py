"""Delivering alerts exactly once: to stdout, appended to a JSONL file, or POSTed to a webhook.

An alert is marked delivered in the store right after it went out. A crash between the
two would send it again, so every channel carries the alert id as an idempotency key:
a JSONL file is read for ids already written before appending, and a webhook gets the
id in an `Idempotency-Key` header to drop a repeat. A failed delivery is retried on a
later pass with a doubling delay.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO

from newstrace.errors import InputError
from newstrace.ingest import web
from newstrace.model import Alert
from newstrace.store import Store

RETRY_BASE_S = 30
RETRY_MAX_S = 3600


def alert_json(alert: Alert) -> dict:
    return {"id": alert.id, "rule": alert.rule, "kind": alert.kind, "subject": alert.subject,
            "title": alert.title, "created_at": alert.created_at, "detail": dict(alert.detail),
            "delivered_at": alert.delivered_at, "attempts": alert.attempts, "last_error": alert.last_error}


def retry_delay(attempts: int) -> int:
    """Seconds before the next try after `attempts` failed ones: 30 s, 60 s, 120 s … at most an hour."""
    return min(RETRY_BASE_S * 2 ** max(attempts - 1, 0), RETRY_MAX_S)


def _jsonl_ids(path: Path) -> set[str]:
    ids = set()
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                try:
                    ids.add(json.loads(line)["id"])
                except (ValueError, KeyError, TypeError):
                    continue  # a torn last line from a crash: the alert is written again whole
    except FileNotFoundError:
        pass
    return ids


def send(alert: Alert, stdout: TextIO, timeout: float) -> None:
    """Deliver one alert; raises InputError (naming the target) when it did not go out."""
    body = json.dumps(alert_json(alert), ensure_ascii=False)
    target = alert.deliver
    if target == "stdout":
        stdout.write(body + "\n")
        stdout.flush()
    elif target.lower().startswith(("http://", "https://")):
        web.post_json(target, body.encode("utf-8"), {"Idempotency-Key": alert.id}, timeout)
    else:
        path = Path(target).expanduser()
        if alert.id in _jsonl_ids(path):
            return
        try:
            with path.open("a", encoding="utf-8") as handle:
                handle.write(body + "\n")
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            from newstrace.errors import Code

            raise InputError(target, Code.E001, f"cannot append: {exc.strerror or type(exc).__name__}") from None


def deliver_due(store: Store, now: datetime, stdout: TextIO, log: Callable[[str], None],
                timeout: float = 5.0) -> tuple[int, int]:
    """Send every alert that is due; (delivered, failed). Each failure logs one line."""
    delivered = failed = 0
    for alert in store.undelivered(now.isoformat()):
        try:
            send(alert, stdout, timeout)
        except InputError as exc:
            failed += 1
            delay = retry_delay(alert.attempts + 1)
            store.mark_attempt_failed(alert.id, str(exc), (now + timedelta(seconds=delay)).isoformat())
            log(f"alert {alert.id} ({alert.rule}): delivery failed: {exc}; retry in {delay} s")
            continue
        store.mark_delivered(alert.id, now.isoformat())
        delivered += 1
    return delivered, failed
