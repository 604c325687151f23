"""Run the real `newstrace` CLI, pausing forever at the Nth entry into one phase (for kill tests).

    python -m tests.pause_at PHASE N FLAG_FILE newstrace-arguments...

On the Nth call of the phase's function the process creates FLAG_FILE and sleeps, so a
test knows the phase was reached and kills it there with SIGKILL. Nothing in the
package knows about this: the phase's function is wrapped from outside, here.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

# phase -> (module, function) entered once per call in that phase
PHASES = {
    "reading": ("newstrace.ingest.sources", "iter_raw"),           # once per target, before it is read
    "per-article": ("newstrace.pipeline", "process"),               # once per input, parse → events
    "resolution": ("newstrace.resolve", "resolve_mentions"),        # after every article is stored
    "stories": ("newstrace.resolve", "build_stories"),              # after events are clustered
}


def main() -> None:
    phase, nth, flag, *args = sys.argv[1:]
    module_name, name = PHASES[phase]
    module = importlib.import_module(module_name)
    original = getattr(module, name)
    calls = 0

    def paused(*a, **k):
        nonlocal calls
        calls += 1
        if calls == int(nth):
            Path(flag).touch()
            time.sleep(3600)
        return original(*a, **k)

    setattr(module, name, paused)
    from newstrace.cli import app

    app(args=args, prog_name="newstrace")


if __name__ == "__main__":
    main()
