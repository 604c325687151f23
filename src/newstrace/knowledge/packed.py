"""A read-only mapping whose values stay pickled until asked for: a compiled knowledge base's entities and keys."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator, Mapping
from typing import Any

PROTOCOL = 5


def pack_values(mapping: Mapping[str, Any], encode: Callable[[Any], Any] | None = None) -> dict[str, bytes]:
    """Each value pickled on its own, so that a reader decodes only the values it reads
    (`encode` first turns a value into something smaller to pickle)."""
    if encode is None:
        return {key: pickle.dumps(value, protocol=PROTOCOL) for key, value in mapping.items()}
    return {key: pickle.dumps(encode(value), protocol=PROTOCOL) for key, value in mapping.items()}


class PackedValues(Mapping[str, Any]):
    """A mapping over pickled values, each decoded once, on first read.

    A command that shows twenty events names a few dozen entities out of tens of
    thousands: decoding them all would cost more than the command itself.
    """

    def __init__(self, packed: Mapping[str, bytes], decode: Callable[[Any], Any] | None = None) -> None:
        self._packed = packed
        self._decode = decode
        self._decoded: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        try:
            return self._decoded[key]
        except KeyError:
            value = pickle.loads(self._packed[key])
            if self._decode is not None:
                value = self._decode(value)
            self._decoded[key] = value
            return value

    def get(self, key: str, default: Any = None) -> Any:
        if key in self._decoded:
            return self._decoded[key]
        return self[key] if key in self._packed else default

    def __contains__(self, key: object) -> bool:
        return key in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)
