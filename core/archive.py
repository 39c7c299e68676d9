"""Dated build folders under ``OUT/builds/``, a stable ``OUT/latest`` pointer, and the top-level copy.

A build is written into ``OUT/builds/.partial-<stamp>/`` and renamed to ``OUT/builds/<stamp>/`` only
when complete, so a killed build never looks like a finished one.  Then its files are published to
the top of ``OUT`` (hard links where possible, each replaced atomically) and ``latest`` moves.
Where symbolic links are unavailable, ``OUT/latest.txt`` (naming the folder) is the pointer.
"""
from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

BUILDS = "builds"
LATEST = "latest"
LATEST_FILE = "latest.txt"
PARTIAL = ".partial-"


def latest_build(out: Path) -> Path | None:
    """The most recent completed build folder, or None."""
    out = Path(out)
    link = out / LATEST
    if link.is_symlink() or link.is_dir():
        target = link.resolve()
        if target.is_dir():
            return target
    pointer = out / LATEST_FILE
    if pointer.is_file():
        target = out / BUILDS / pointer.read_text(encoding="utf-8").strip()
        if target.is_dir():
            return target
    return None


def previous_results(out: Path) -> Path | None:
    """``results.json`` of the latest completed build (what a new report compares itself with)."""
    build = latest_build(out)
    if build and (build / "results.json").is_file():
        return build / "results.json"
    return None


def start_build(out: Path, now: datetime | None = None) -> tuple[Path, str]:
    """A fresh partial folder and the stamp it will be published under (``2026-11-25T0700``)."""
    builds = Path(out) / BUILDS
    builds.mkdir(parents=True, exist_ok=True)
    for stale in builds.glob(PARTIAL + "*"):  # left by a killed build; we hold the lock
        shutil.rmtree(stale, ignore_errors=True)
    base = (now or datetime.now()).strftime("%Y-%m-%dT%H%M")
    stamp, n = base, 1
    while (builds / stamp).exists():
        n += 1
        stamp = f"{base}-{n}"
    partial = builds / f"{PARTIAL}{stamp}"
    partial.mkdir()
    return partial, stamp


def finish_build(out: Path, partial: Path, stamp: str, keep: int | None = None) -> Path:
    """Complete the build: rename, publish its files to ``OUT``, move ``latest``, drop old builds."""
    out = Path(out)
    final = partial.with_name(stamp)
    os.replace(partial, final)
    for item in sorted(final.iterdir()):
        if not item.name.startswith("."):  # hidden: the build's own state (e.g. the report's), not published
            _publish(item, out / item.name)
    _point_latest(out, stamp)
    if keep:
        done = sorted(p for p in (out / BUILDS).iterdir() if p.is_dir() and not p.name.startswith("."))
        for old in done[:-keep]:
            shutil.rmtree(old, ignore_errors=True)
    return final


def _publish(src: Path, dst: Path) -> None:
    tmp = dst.with_name(f".{dst.name}.publish")
    if tmp.is_dir():
        shutil.rmtree(tmp)
    elif tmp.exists() or tmp.is_symlink():
        tmp.unlink()
    if src.is_dir():
        shutil.copytree(src, tmp, copy_function=link_or_copy)
        if dst.is_dir() and not dst.is_symlink():
            old = dst.with_name(f".{dst.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(dst, old)
            os.replace(tmp, dst)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, dst)
    else:
        link_or_copy(src, tmp)
        os.replace(tmp, dst)


def link_or_copy(src, dst) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _point_latest(out: Path, stamp: str) -> None:
    link = out / LATEST
    tmp = out / f".{LATEST}.new"
    try:
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        os.symlink(Path(BUILDS) / stamp, tmp, target_is_directory=True)
        if link.exists() and not link.is_symlink():
            shutil.rmtree(link, ignore_errors=True)
        os.replace(tmp, link)
    except (OSError, NotImplementedError):  # no symlinks here (e.g. Windows without privilege)
        pass
    pointer = out / LATEST_FILE
    tmp_pointer = out / f".{LATEST_FILE}.new"
    tmp_pointer.write_text(stamp + "\n", encoding="utf-8")
    os.replace(tmp_pointer, pointer)
