"""The incremental-build cache: one SQLite file (WAL mode) of per-document, per-analyzer results.

A result is stored under a key that hashes everything it depends on:

* the document key: id, raw text, record metadata, reference date and the normalization code
  (``normalize_fingerprint()``), since evidence carries the id and offsets into normalized text;
* the analyzer's name, version and ``fingerprint()`` (its settings, knowledge base, lexicons);
* the keys of the analyzers it requires, so a change upstream invalidates its dependants.

Only successful results are stored; an analyzer that failed runs again next time.
The main process is the only writer; it checks the cache before anything is normalized or sent
to a worker, so an unchanged corpus costs reading, hashing and a few indexed look-ups.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

CACHE_FORMAT = "1"  # bump when the stored shapes change
TOUCH_EVERY = 12 * 3600  # ``used`` is refreshed at most this often (seconds): an unchanged run writes nothing
FILENAME = ".newskit-cache.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    doc_key TEXT PRIMARY KEY, id TEXT NOT NULL, hash TEXT NOT NULL, meta TEXT NOT NULL, used REAL NOT NULL);
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY, doc_key TEXT NOT NULL, analyzer TEXT NOT NULL, version TEXT NOT NULL,
    result TEXT NOT NULL, used REAL NOT NULL);
CREATE INDEX IF NOT EXISTS results_doc ON results(doc_key);
CREATE TABLE IF NOT EXISTS signatures (doc_key TEXT PRIMARY KEY, sig BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS dedupe (prefix TEXT PRIMARY KEY, decision TEXT NOT NULL, used REAL NOT NULL);
CREATE TABLE IF NOT EXISTS info (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, context TEXT NOT NULL, stat TEXT NOT NULL, docs TEXT NOT NULL);
"""


def default_path(out: str | os.PathLike) -> Path:
    """``$NEWSKIT_CACHE_DIR/newskit-cache.sqlite`` when set, else ``OUT/.newskit-cache.sqlite``."""
    env = os.environ.get("NEWSKIT_CACHE_DIR")
    if env:
        return Path(env) / FILENAME.lstrip(".")
    return Path(out) / FILENAME


def _sha(*parts: str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


@lru_cache(maxsize=1)
def normalize_fingerprint() -> str:
    """Normalization changes the text every offset refers to: hash its version and its code/data."""
    from . import normalize

    h = hashlib.sha256(CACHE_FORMAT.encode())
    h.update(str(getattr(normalize, "NORMALIZE_VERSION", "")).encode())
    roots = [Path(normalize.__file__).parent, Path(__file__).parent / "document.py"]
    for root in roots:
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for f in files:
            if f.is_file() and "__pycache__" not in f.parts:
                h.update(f.name.encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


def doc_key(raw, reference_date: str | None = None) -> str:
    meta = json.dumps(raw.meta, sort_keys=True, ensure_ascii=False, default=str)
    return _sha(normalize_fingerprint(), raw.id, raw.text, meta, str(raw.html), reference_date or "")


def analyzer_bases(analyzers) -> dict[str, str]:
    """Per analyzer, the part of its key that does not depend on the document (computed once a run)."""
    return {a.name: _sha(a.name, str(a.version), a.fingerprint()) for a in analyzers}


def result_keys(dkey: str, analyzers, bases: Mapping[str, str]) -> dict[str, str]:
    """Keys for one document, in dependency order: a dependant's key includes its inputs' keys."""
    keys: dict[str, str] = {}
    for a in analyzers:
        keys[a.name] = _sha(dkey, bases[a.name], *(keys.get(r, r) for r in a.requires))
    return keys


class Cache:
    """Results keyed as above.  Writes are batched; call :meth:`flush` (or close) to commit."""

    def __init__(self, path: str | os.PathLike, timeout: float = 30.0):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        self.db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.executescript(_SCHEMA)
        self.now = time.time()
        self._pending_docs: list[tuple] = []
        self._pending_results: list[tuple] = []
        self._touched_docs: list[tuple] = []
        self._touched: list[tuple] = []
        self._pending_signatures: list[tuple] = []
        self._pending_decisions: list[tuple] = []
        self._touched_decisions: list[tuple] = []
        self.hits = self.misses = 0
        self._flushed = time.monotonic()

    # -- reading -------------------------------------------------------------
    def lookup(self, dkey: str, keys: Mapping[str, str]) -> tuple[dict | None, dict[str, str]]:
        """``(doc row or None, {analyzer: cached result as JSON text})`` for one document.

        Results stay JSON text: a full hit is written to the results file without a decode/encode."""
        by_key = {k: n for n, k in keys.items()}
        marks = ",".join("?" * len(by_key)) or "NULL"
        # One query: results are stored only with their document row (and pruned with it).
        rows = self.db.execute(
            "SELECT d.id, d.hash, d.meta, d.used, r.key, r.result, r.used FROM docs d "
            f"LEFT JOIN results r ON r.doc_key = d.doc_key AND r.key IN ({marks}) WHERE d.doc_key = ?",
            [*by_key, dkey]).fetchall()
        found: dict[str, str] = {}
        doc = None
        stale = self.now - TOUCH_EVERY
        for doc_id, doc_hash, meta, doc_used, key, result, used in rows:
            if doc is None:
                doc = {"id": doc_id, "hash": doc_hash, "meta": meta}
                if doc_used < stale:
                    self._touched_docs.append((self.now, dkey))
            if key is not None:
                found[by_key[key]] = result
                if used < stale:
                    self._touched.append((self.now, key))
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return doc, found

    def signature(self, dkey: str) -> bytes | None:
        """The near-duplicate signature stored for a document, if any (see ``newskit.dedupe``)."""
        row = self.db.execute("SELECT sig FROM signatures WHERE doc_key = ?", (dkey,)).fetchone()
        return row[0] if row else None

    def decision(self, prefix: str) -> str | None:
        """The near-duplicate decision (JSON text) stored for a corpus prefix, if any.

        ``prefix`` hashes the keys of a document and of every document read before it, in order:
        the decision depends on nothing else, so an unchanged corpus is de-duplicated without
        loading a single signature."""
        row = self.db.execute("SELECT decision, used FROM dedupe WHERE prefix = ?", (prefix,)).fetchone()
        if row is None:
            return None
        if row[1] < self.now - TOUCH_EVERY:
            self._touched_decisions.append((self.now, prefix))
        return row[0]

    def touch(self, documents: Iterable[str], keys_of) -> None:
        """Mark documents (doc keys) and their results (``keys_of(doc key)``) as used, for a build
        that reused them without looking them up; only those not marked within ``TOUCH_EVERY``."""
        stale = {k for (k,) in self.db.execute("SELECT doc_key FROM docs WHERE used < ?", (self.now - TOUCH_EVERY,))}
        for dkey in documents:
            if dkey in stale:
                self._touched_docs.append((self.now, dkey))
                self._touched.extend((self.now, k) for k in keys_of(dkey))

    # -- writing -------------------------------------------------------------
    def store_decision(self, prefix: str, decision: str) -> None:
        self._pending_decisions.append((prefix, decision, self.now))

    def store_signature(self, dkey: str, sig: bytes) -> None:
        self._pending_signatures.append((dkey, sig))

    def store(self, dkey: str, record, keys: Mapping[str, str], versions: Mapping[str, str],
              skip: Iterable[str] = ()) -> None:
        """Remember a finished record (a dict or its :class:`newskit.results.Encoded` form): its
        metadata and each successful analyzer result, as JSON text."""
        from .results import Encoded

        if not isinstance(record, Encoded):
            record = Encoded(record)
        self._pending_docs.append((dkey, json.loads(record.field("id")), json.loads(record.field("hash")),
                                   record.field("meta"), self.now))
        skip = set(skip)
        for name, text in record.results.items():
            if name in keys and name not in skip:
                self._pending_results.append((keys[name], dkey, name, versions[name], text, self.now))
        # Commit every few seconds too, so a long build that is killed keeps most of its work.
        if len(self._pending_results) + len(self._pending_docs) >= 2000 or time.monotonic() - self._flushed > 5:
            self.flush()

    def flush(self) -> None:
        if not (self._pending_docs or self._pending_results or self._touched or self._touched_docs
                or self._pending_signatures or self._pending_decisions or self._touched_decisions):
            return
        with self.db:  # one transaction: a killed build leaves the last committed state
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("INSERT OR REPLACE INTO docs VALUES (?,?,?,?,?)", self._pending_docs)
            self.db.executemany("INSERT OR REPLACE INTO results VALUES (?,?,?,?,?,?)", self._pending_results)
            self.db.executemany("UPDATE docs SET used = ? WHERE doc_key = ?", self._touched_docs)
            self.db.executemany("UPDATE results SET used = ? WHERE key = ?", self._touched)
            self.db.executemany("INSERT OR REPLACE INTO signatures VALUES (?,?)", self._pending_signatures)
            self.db.executemany("INSERT OR REPLACE INTO dedupe VALUES (?,?,?)", self._pending_decisions)
            self.db.executemany("UPDATE dedupe SET used = ? WHERE prefix = ?", self._touched_decisions)
        for pending in (self._pending_decisions, self._touched_decisions):
            pending.clear()
        self._pending_docs.clear()
        self._pending_results.clear()
        self._touched_docs.clear()
        self._touched.clear()
        self._pending_signatures.clear()
        self._flushed = time.monotonic()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.db.close()

    # -- maintenance ---------------------------------------------------------
    def info(self) -> dict:
        per = [{"analyzer": a, "version": v, "entries": n, "last_used": u}
               for a, v, n, u in self.db.execute(
                   "SELECT analyzer, version, COUNT(*), MAX(used) FROM results GROUP BY analyzer, version ORDER BY analyzer, version")]
        docs = self.db.execute("SELECT COUNT(*) FROM docs").fetchone()[0]
        size = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*") if p.is_file())
        return {"path": str(self.path), "bytes": size, "documents": docs, "analyzers": per}

    def prune(self, older_than_days: float | None = None) -> tuple[int, int]:
        """Drop entries unused for ``older_than_days`` (all entries when None); returns (docs, results) removed."""
        cutoff = self.now - older_than_days * 86400 if older_than_days is not None else float("inf")
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            r = self.db.execute("DELETE FROM results WHERE used < ?", (cutoff,)).rowcount
            d = self.db.execute("DELETE FROM docs WHERE used < ?", (cutoff,)).rowcount
            self.db.execute("DELETE FROM results WHERE doc_key NOT IN (SELECT doc_key FROM docs)")
            self.db.execute("DELETE FROM signatures WHERE doc_key NOT IN (SELECT doc_key FROM docs)")
            # A stored decision stands for its documents' signatures: drop them all when any document goes.
            self.db.execute("DELETE FROM dedupe WHERE used < ? OR ?", (cutoff, d > 0))
            self.db.execute("DELETE FROM files WHERE ?", (d > 0,))  # the stat manifest (newskit.manifest) names documents too
        self.db.execute("VACUUM")
        return d, r

    def __enter__(self) -> "Cache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
