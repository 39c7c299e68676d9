"""The results contract: ``results.json``, schema ``newskit/results@1`` (documented in README).

Written atomically and streamed: documents go to a spool file as they complete, so memory
does not grow with the corpus; reports are built from this file alone.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator

SCHEMA = "newskit/results@1"


class ResultsError(ValueError):
    pass


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=False, default=str)


class Spool:
    """An append-only JSON-lines file of document records, read back as a stream."""

    def __init__(self, directory: Path):
        fd, name = tempfile.mkstemp(prefix=".newskit-docs-", suffix=".jsonl", dir=directory)
        self.path = Path(name)
        self._f = os.fdopen(fd, "w", encoding="utf-8")
        self.count = 0

    def add(self, record: dict) -> None:
        self._f.write(dumps(record) + "\n")
        self.count += 1

    def close(self) -> None:
        if not self._f.closed:
            self._f.close()

    def __iter__(self) -> Iterator[dict]:
        if not self._f.closed:
            self._f.flush()
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)

    def remove(self) -> None:
        self.close()
        self.path.unlink(missing_ok=True)


def atomic_write(path: Path, write) -> None:
    """Call ``write(file)`` on a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_results(path: Path, header: dict, documents: Iterable[dict], summaries: dict) -> None:
    """Stream ``results.json``: header keys, then the documents one by one, then summaries."""

    def write(f):
        f.write(b'{"schema": "' + SCHEMA.encode() + b'"')
        for k, v in header.items():
            f.write(f", {json.dumps(k)}: {dumps(v)}".encode())
        f.write(b', "documents": [')
        for i, rec in enumerate(documents):
            f.write((",\n  " if i else "\n  ").encode() + dumps(rec).encode("utf-8"))
        f.write(b'\n], "summaries": ' + dumps(summaries).encode("utf-8") + b"}\n")

    atomic_write(path, write)


def load_results(path: str | os.PathLike) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        raise ResultsError(f"{path}: cannot read: {e.strerror or e}") from e
    except ValueError as e:
        raise ResultsError(f"{path}: not valid JSON: {e}") from e
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ResultsError(f"{path}: not a newskit results file (schema {data.get('schema') if isinstance(data, dict) else None!r}, expected {SCHEMA})")
    return data
