"""The batch's Parquet output: one folder of tables, written aside and moved into place whole.

DIR.parquet/ holds articles, mentions, event_mentions, events, duplicates and stories
(`data` is each model value's JSON, as the store keeps it, beside a few columns to
filter on). A run writes into DIR.parquet.partial-PID and renames it to DIR.parquet
only when everything is written, so a killed run leaves the previous output (or none),
never half of one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

SCHEMAS = {
    "articles": ("id", "uri", "language", "outlet", "title", "published", "data"),
    "mentions": ("article_id", "entity_id", "data"),
    "event_mentions": ("id", "article_id", "type", "data"),
    "events": ("id", "type", "date_start", "data"),
    "duplicates": ("article_id", "data"),
    "stories": ("id", "title", "data"),
}
ROW_GROUP = 2000


def is_parquet(out: str) -> bool:
    return out.rstrip("/").endswith(".parquet")


class ParquetOutput:
    """Tables appended row by row (buffered into row groups), committed by one rename."""

    def __init__(self, folder: str) -> None:
        import pyarrow  # noqa: F401  (fail here, before any work, when it is missing)

        self.final = Path(folder.rstrip("/"))
        self.partial = self.final.with_name(f"{self.final.name}.partial-{os.getpid()}")
        shutil.rmtree(self.partial, ignore_errors=True)
        self.partial.mkdir(parents=True)
        self._rows: dict[str, list[tuple]] = {name: [] for name in SCHEMAS}
        self._writers: dict[str, object] = {}

    def add(self, table: str, row: tuple) -> None:
        self._rows[table].append(row)
        if len(self._rows[table]) >= ROW_GROUP:
            self._flush(table)

    def _flush(self, table: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns = SCHEMAS[table]
        schema = pa.schema([(name, pa.string()) for name in columns])
        rows = self._rows[table]
        batch = pa.table({name: [None if r[i] is None else str(r[i]) for r in rows] for i, name in enumerate(columns)},
                         schema=schema)
        if table not in self._writers:
            self._writers[table] = pq.ParquetWriter(self.partial / f"{table}.parquet", schema)
        self._writers[table].write_table(batch)
        self._rows[table] = []

    def commit(self) -> Path:
        for table in SCHEMAS:
            self._flush(table)
            self._writers.pop(table).close()
        old = self.final.with_name(f"{self.final.name}.old-{os.getpid()}")
        if self.final.exists():
            os.replace(self.final, old)
        os.replace(self.partial, self.final)
        shutil.rmtree(old, ignore_errors=True)
        return self.final

    def abandon(self) -> None:
        for writer in self._writers.values():
            writer.close()
        shutil.rmtree(self.partial, ignore_errors=True)


def read_table(folder: str | Path, table: str) -> list[dict]:
    """Every row of one table of a batch's Parquet output."""
    import pyarrow.parquet as pq

    return pq.read_table(Path(folder) / f"{table}.parquet").to_pylist()
