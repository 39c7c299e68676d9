"""The results contract: ``results.json``, schema ``newskit/results@1`` (documented in README).

Written atomically and streamed: documents go to a spool file as they complete, so memory
does not grow with the corpus; reports are built from this file alone.

Layout written by :func:`write_results` (any JSON reader reads it; the streaming readers below rely on
it): line 1 is the header up to ``"documents": [``, then one document per line, then the summaries.
JSON text never holds a raw newline, so the lines can be found without parsing the documents.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

SCHEMA = "newskit/results@1"


class ResultsError(ValueError):
    pass


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=False, default=str)


class Encoded:
    """A document record already serialized, part by part: each top-level field as JSON text, and
    each analyzer's result on its own (what the cache stores).  Workers send this back instead of
    the record, so the main process neither unpickles nor encodes the nested results;
    :meth:`line` gives exactly the bytes ``dumps(record)`` gives."""

    __slots__ = ("fields", "results", "errors")

    def __init__(self, record: dict):
        self.fields = [(k, None if k == "results" else dumps(v)) for k, v in record.items()]
        self.results = {name: dumps(value) for name, value in record.get("results", {}).items()}
        self.errors = len(record.get("errors") or {})

    def field(self, key: str) -> str:
        """A top-level field's JSON text."""
        return next(v for k, v in self.fields if k == key)

    def line(self) -> str:
        return record_line(self.fields, self.results)


def record_line(fields, results: dict[str, str]) -> str:
    """One results.json document line from JSON texts: ``fields`` ``[(key, JSON text)]`` in order,
    where ``results`` (analyzer name -> JSON text) stands in for the field ``"results"``."""
    parts = (f"{dumps(k)}: {v if k != 'results' else record_results(results)}" for k, v in fields)
    return "{" + ", ".join(parts) + "}"


def record_results(results: dict[str, str]) -> str:
    return "{" + ", ".join(f"{dumps(name)}: {text}" for name, text in results.items()) + "}"


class Spool:
    """An append-only JSON-lines file of document records, read back as a stream."""

    def __init__(self, directory: Path):
        fd, name = tempfile.mkstemp(prefix=".newskit-docs-", suffix=".jsonl", dir=directory)
        self.path = Path(name)
        self._f = os.fdopen(fd, "w", encoding="utf-8")
        self.count = 0

    def add(self, record: dict) -> None:
        self.add_line(dumps(record))

    def add_line(self, line: str) -> None:
        """Append a record already serialized as one JSON line."""
        self._f.write(line + "\n")
        self.count += 1

    def lines(self) -> Iterator[str]:
        """The records as written (JSON text, no trailing newline), without decoding them."""
        if not self._f.closed:
            self._f.flush()
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                yield line.rstrip("\n")

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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, write) -> None:
    """Call ``write(file)`` on a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report should be as readable as any new file
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_results(path: Path, header: dict, documents: Iterable[dict | str] | Callable, summaries: dict) -> None:
    """Stream ``results.json``: header keys, then the documents one by one, then summaries.

    A document may be a record or its JSON text (one line, as :meth:`Spool.lines` yields), written
    through; ``documents`` may also be a function that writes the document lines itself (``f``)."""

    def write(f):
        f.write(b'{"schema": "' + SCHEMA.encode() + b'"')
        for k, v in header.items():
            f.write(f", {json.dumps(k)}: {dumps(v)}".encode())
        f.write(b', "documents": [')
        if callable(documents):
            f.write(b"\n")
            documents(f)
        for i, rec in enumerate(() if callable(documents) else documents):
            f.write((",\n  " if i else "\n  ").encode() + (rec if isinstance(rec, str) else dumps(rec)).encode("utf-8"))
        f.write(b'\n], "summaries": ' + dumps(summaries).encode("utf-8") + b"}\n")

    atomic_write(path, write)


def _check(path, data) -> dict:
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ResultsError(f"{path}: not a newskit results file (schema {data.get('schema') if isinstance(data, dict) else None!r}, expected {SCHEMA})")
    return data


def load_results(path: str | os.PathLike, stream: bool = False) -> dict:
    """The whole results file.  ``stream=True``: ``documents`` is a :class:`Documents` view that
    reads them from the file on each pass (memory flat in the corpus size) when the file has the
    layout :func:`write_results` writes; any other valid results file is loaded whole."""
    if stream:
        try:
            header = read_header(path)
        except ResultsError:
            header = None
        if header is not None:
            docs = Documents(path, (header.get("run") or {}).get("documents"))
            return {**header, "documents": docs, "summaries": read_summaries(path)}
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        raise ResultsError(f"{path}: cannot read: {e.strerror or e}") from e
    except ValueError as e:
        raise ResultsError(f"{path}: not valid JSON: {e}") from e
    return _check(path, data)


_DOCS_OPEN = '"documents": ['
_SUMMARIES = b'\n], "summaries": '


def read_header(path: str | os.PathLike) -> dict | None:
    """Everything before the documents (schema, newskit, run), read from the first line only;
    None when the file does not have :func:`write_results`' layout."""
    try:
        with open(path, encoding="utf-8") as f:
            line = f.readline().rstrip()
    except OSError as e:
        raise ResultsError(f"{path}: cannot read: {e.strerror or e}") from e
    except ValueError as e:
        raise ResultsError(f"{path}: not valid UTF-8: {e}") from e
    if not line.endswith(_DOCS_OPEN):
        return None
    try:
        data = json.loads(line[: -len(_DOCS_OPEN)].rstrip().rstrip(",") + "}")
    except ValueError:
        return None
    return _check(path, data)


def documents_span(path: str | os.PathLike) -> tuple[int, int] | None:
    """Byte offsets ``(start, end)`` of the document lines in a file written by :func:`write_results`
    (after the header line, up to the newline before ``], "summaries": ``); None when not found."""
    try:
        with open(path, "rb") as f:
            start = len(f.readline())
            size = f.seek(0, os.SEEK_END)
            chunk = 1 << 16
            while True:  # the summaries may be large: search a growing tail
                begin = max(start - 1, size - chunk)
                f.seek(begin)
                at = f.read().rfind(_SUMMARIES)
                if at >= 0:
                    return start, begin + at
                if begin <= start - 1:
                    return None
                chunk *= 4
    except OSError:
        return None


def read_summaries(path: str | os.PathLike) -> dict | None:
    """The ``summaries`` object at the end of a file written by :func:`write_results`, read from
    its tail without decoding the documents; None when not found."""
    span = documents_span(path)
    if span is None:
        return None
    with open(path, "rb") as f:
        f.seek(span[1] + len(_SUMMARIES))
        text = f.read().rstrip()
    try:
        value = json.loads(text[:-1]) if text.endswith(b"}") else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


class Documents:
    """The documents of a results file, decoded one at a time on each pass (a re-iterable sequence
    for report builders: ``for d in docs``, ``len(docs)``)."""

    def __init__(self, path: str | os.PathLike, count: int | None = None):
        self.path, self._count = Path(path), count

    def __iter__(self) -> Iterator[dict]:
        with open(self.path, encoding="utf-8") as f:
            f.readline()
            for line in f:
                if line.startswith("  {"):
                    yield json.loads(line[2:].rstrip().rstrip(","))
                elif line.startswith("]"):
                    return

    def __len__(self) -> int:
        if self._count is None:
            self._count = sum(1 for _ in self.lines())
        return self._count

    def lines(self) -> Iterator[str]:
        with open(self.path, encoding="utf-8") as f:
            f.readline()
            for line in f:
                if not line.startswith("  {"):
                    return
                yield line[2:].rstrip().rstrip(",")

    def __bool__(self) -> bool:
        return len(self) > 0

    def __getitem__(self, index):
        return list(self)[index]
