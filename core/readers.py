"""Reading inputs: files and folders into raw records, one bad file never stopping the rest.

Supported: ``.txt``/``.md`` (any encoding charset-normalizer can detect), ``.html``/``.htm``
(main text extracted with trafilatura), ``.json``/``.jsonl``/``.csv`` (one record per article).
"""
from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES

TEXT_FIELDS = ("text", "content", "body", "article", "正文", "内容")
META_FIELDS = {
    "title": ("title", "headline", "标题"),
    "date": ("date", "published", "publish_time", "pubdate", "time", "日期", "发布时间"),
    "source": ("source", "publisher", "site", "media", "来源"),
    "author": ("author", "byline", "作者"),
    "url": ("url", "link", "href"),
}


@dataclass
class RawDoc:
    """One article as read, before normalization."""

    id: str
    text: str
    meta: dict = field(default_factory=dict)
    path: str = ""
    encoding: str = "utf-8"
    html: bool = False


@dataclass
class ReadError:
    """A file (or record) that could not be read; reported by name, never fatal to the run."""

    path: str
    error: str

    def __str__(self) -> str:
        return f"{self.path}: {self.error}"


def iter_files(inputs: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, Path]]:
    """Yield ``(root, file)`` for every supported file under the inputs, in a stable order."""
    for inp in inputs:
        p = Path(inp)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not any(
                    part.startswith(".") for part in f.relative_to(p).parts
                ):
                    yield p, f
        else:
            yield p.parent, p


def relative_id(root: Path, f: Path) -> str:
    """A file's document id: its path relative to the input folder (its name for a file input).
    Plain string work first: pathlib's ``relative_to`` is slow over many thousands of files."""
    path, top = str(f), str(root) + os.sep
    if path.startswith(top) and top != os.sep * 2:
        return path[len(top):].replace(os.sep, "/")
    return f.relative_to(root).as_posix() if f.is_relative_to(root) else f.name


def read_inputs(inputs: Iterable[str | os.PathLike]) -> Iterator[RawDoc | ReadError]:
    for root, f in iter_files(inputs):
        yield from read_file(f, relative_id(root, f))


def read_file(path: Path, doc_id: str | None = None) -> Iterator[RawDoc | ReadError]:
    doc_id = doc_id or path.name
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as e:
        yield ReadError(str(path), e.strerror or str(e))
        return
    if suffix not in SUFFIXES:
        yield ReadError(str(path), f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(sorted(SUFFIXES))}")
        return
    try:
        text, encoding = decode(data)
    except ValueError as e:
        yield ReadError(str(path), str(e))
        return
    if suffix in TEXT_SUFFIXES:
        if not text.strip():
            yield ReadError(str(path), "empty file")
            return
        yield RawDoc(doc_id, text, {}, str(path), encoding)
    elif suffix in HTML_SUFFIXES:
        yield from _read_html(text, doc_id, str(path), encoding)
    else:
        yield from _read_records(text, suffix, doc_id, str(path), encoding)


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text: UTF-8 when the bytes are valid UTF-8, otherwise what charset-normalizer detects."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "big5hkscs", "utf_16", "cp1252"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise ValueError("cannot detect the text encoding (not UTF-8, GB18030 or Big5)")
    enc = best.encoding
    if enc in ("gb2312", "gbk"):
        enc = "gb18030"  # the superset decodes everything the subsets do
    return data.decode(enc, errors="replace"), enc


def _read_html(html: str, doc_id: str, path: str, encoding: str) -> Iterator[RawDoc | ReadError]:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if extracted is None:
        yield ReadError(path, "no article text found in the HTML")
        return
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = data.get("text") or ""
    if not text.strip():
        yield ReadError(path, "no article text found in the HTML")
        return
    meta = {k: data.get(k) for k in ("title", "date", "author", "url") if data.get(k)}
    if data.get("sitename"):
        meta["source"] = data["sitename"]
    yield RawDoc(doc_id, text, meta, path, encoding, html=True)


def _read_records(text: str, suffix: str, doc_id: str, path: str, encoding: str) -> Iterator[RawDoc | ReadError]:
    try:
        records = list(_parse_records(text, suffix))
    except (ValueError, csv.Error) as e:
        yield ReadError(path, f"cannot parse {suffix[1:].upper()}: {e}")
        return
    for n, rec in enumerate(records, 1):
        if isinstance(rec, ReadError):
            yield ReadError(f"{path}#{n}", rec.error)
            continue
        if not isinstance(rec, dict):
            yield ReadError(f"{path}#{n}", "record is not an object")
            continue
        body = _first(rec, TEXT_FIELDS)
        if not body or not str(body).strip():
            yield ReadError(f"{path}#{n}", f"record has no text (looked for {', '.join(TEXT_FIELDS[:3])})")
            continue
        meta = {k: str(v) for k, names in META_FIELDS.items() if (v := _first(rec, names)) not in (None, "")}
        rid = rec.get("id")
        rec_id = f"{doc_id}#{rid}" if rid not in (None, "") else f"{doc_id}#{n}"
        yield RawDoc(rec_id, str(body), meta, path, encoding)


def _parse_records(text: str, suffix: str):
    if suffix == ".csv":
        yield from csv.DictReader(io.StringIO(text))
    elif suffix == ".json":
        data = json.loads(text)
        if isinstance(data, dict):
            for key in ("documents", "articles", "items", "data", "records"):
                if isinstance(data.get(key), list):
                    data = data[key]
                    break
            else:
                data = [data]
        yield from data
    else:
        for line_no, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except ValueError as e:
                yield ReadError("", f"line {line_no}: invalid JSON ({e.msg})")


def _first(rec: dict, names) -> object:
    for n in names:
        if n in rec and rec[n] not in (None, ""):
            return rec[n]
    return None
