"""The stat manifest: input files whose metadata is unchanged are not read again.

Like make, rsync and git's index, a build trusts a file's stat: when its size, mtime, ctime and
inode are what they were when it was last read (and the reader, normalization code and reference
date are the same), its documents' keys are taken from the manifest instead of reading and hashing
the file.  Rules:

* A file is recorded only when read without any error, and only when its mtime and ctime are at
  least ``SETTLE`` seconds older than the moment it was read: a file written in the same clock tick
  as it was read (a "racily clean" file, in git's words) is read again next time.
* ctime cannot be set by programs (``touch -d`` and ``cp -p`` restore mtime, not ctime), so an
  edit that keeps size and mtime is still seen.  A filesystem without a working ctime, or a clock
  set backwards, could hide an edit of the same size: ``newskit run --rehash`` reads every file.
* Documents recorded as unchanged are read only if needed (not cached, e.g. after ``cache prune``
  or an analyzer update), and their key is computed again from what is read.

Entries live in the cache file (table ``files``); ``cache prune`` drops them with any document.
"""
from __future__ import annotations

import hashlib
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .readers import RawDoc, ReadError, iter_files, read_file, relative_id

log = logging.getLogger("newskit.build")

FORMAT = "2"  # of the stored rows: bump when they change
SETTLE = 2.0  # seconds: covers coarse timestamp granularity (FAT 2 s, HFS+ 1 s)
HOLD_BYTES = 64 << 20  # text of files read during the scan kept for the build (beyond: read again)

_SCHEMA = "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, context TEXT NOT NULL, stat TEXT NOT NULL, docs TEXT NOT NULL)"


def _context(reference_date: str | None) -> str:
    """What a document key depends on besides the file: normalization code, reference date, reader."""
    from importlib.metadata import PackageNotFoundError, version

    from .cache import normalize_fingerprint

    try:
        html = version("trafilatura")
    except PackageNotFoundError:
        html = ""
    h = hashlib.sha256(f"{FORMAT}\0{normalize_fingerprint()}\0{reference_date or ''}\0{html}\0".encode())
    h.update((Path(__file__).parent / "readers.py").read_bytes())
    return h.hexdigest()[:32]


class Manifest:
    def __init__(self, db, reference_date: str | None, rehash: bool = False):
        self.db, self.context = db, _context(reference_date)
        db.execute(_SCHEMA)
        self.rows = {} if rehash else {
            path: (stat, docs) for path, stat, docs in
            db.execute("SELECT path, stat, docs FROM files WHERE context = ?", (self.context,))}
        self._pending: list[tuple] = []

    def known(self, key: str, stat: str) -> list | None:
        """``[id, doc key, id, doc key, ...]`` recorded for the file when its stat is unchanged."""
        row = self.rows.get(key)
        return row[1].split("\0") if row is not None and row[0] == stat else None

    def remember(self, key: str, stat: str, docs: list) -> None:
        flat = [x for doc in docs for x in doc]
        if any("\0" in x for x in flat):  # ids are joined with NUL: such an id is never recorded
            return
        self._pending.append((key, self.context, stat, "\0".join(flat)))

    def save(self) -> None:
        if not self._pending:
            return
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("INSERT OR REPLACE INTO files VALUES (?,?,?,?)", self._pending)
        self._pending.clear()


class KnownDoc:
    """A document recorded in the manifest and not read: ``id`` and ``key`` are known; any other
    attribute of :class:`RawDoc` reads the file (once) when first asked for."""

    _last: tuple[str, list] = ("", [])  # the last file read: a records file holds many documents

    def __init__(self, doc_id: str, key: str, path: Path, rel: str, reference_date: str | None):
        self.id, self.key, self.path, self.rel, self.reference_date = doc_id, key, path, rel, reference_date
        self._raw: RawDoc | None = None

    def load(self) -> RawDoc:
        """The document as read now, with its key computed again (the file may have changed)."""
        if self._raw is None:
            from .cache import doc_key

            if KnownDoc._last[0] != str(self.path):
                KnownDoc._last = (str(self.path), list(read_file(self.path, self.rel)))
            raw = next((r for r in KnownDoc._last[1] if isinstance(r, RawDoc) and r.id == self.id), None)
            if raw is None:
                raise OSError(f"{self.path}: document {self.id} is no longer in the file")
            raw.key = doc_key(raw, self.reference_date)
            self._raw = raw
        return self._raw

    def __getattr__(self, name):  # text, meta, html, encoding
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.load(), name)


def scan(inputs, manifest: Manifest | None, reference_date: str | None, errors: list[ReadError],
         hold: int | None = None) -> Iterator:
    """Each input document in order, with its key as ``.key``: a :class:`RawDoc` when the file was
    read, a :class:`KnownDoc` when the manifest vouches for it (or, past ``hold`` characters of text
    read, for a file read here: it is read again if needed).  Read errors go to ``errors``."""
    from .cache import doc_key

    held, started, cwd = 0, time.time_ns(), os.getcwd()
    settled = started - int(SETTLE * 1e9)
    for root, f in iter_files(inputs):
        rel = relative_id(root, f)
        key = f"{os.path.join(cwd, str(f))}\0{rel}"
        try:
            st = os.stat(f)
        except OSError:
            st = None
        stat = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}" if st else ""
        known = manifest.known(key, stat) if manifest is not None and st else None
        if known is not None:
            for i in range(0, len(known), 2):
                yield KnownDoc(known[i], known[i + 1], f, rel, reference_date)
            continue
        docs, failed = [], False
        for item in read_file(f, rel):
            if isinstance(item, ReadError):
                errors.append(item)
                log.warning("skipped %s", item)
                failed = True
                continue
            if manifest is None:  # no cache: nothing to key
                yield item
                continue
            item.key = doc_key(item, reference_date)
            docs.append([item.id, item.key])
            held += len(item.text)
            if hold is not None and held > hold:  # the caller keeps the documents: bound the text it holds
                item = KnownDoc(item.id, item.key, f, rel, reference_date)
            yield item
        if manifest is not None and st and not failed and max(st.st_mtime_ns, st.st_ctime_ns) < settled:
            manifest.remember(key, stat, docs)
    if manifest is not None:
        manifest.save()
