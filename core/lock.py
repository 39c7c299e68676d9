"""One build at a time per output folder: an OS-level file lock (released by the OS if the build dies)."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

LOCK_NAME = ".newskit.lock"


class BuildLocked(RuntimeError):
    """Another build holds the output folder."""


@contextmanager
def build_lock(out: str | Path, wait: bool = False) -> Iterator[Path]:
    """Hold ``OUT/.newskit.lock`` for the duration; raise :class:`BuildLocked` at once unless ``wait``."""
    from filelock import FileLock, Timeout

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / LOCK_NAME
    lock = FileLock(str(path), timeout=-1 if wait else 0)
    try:
        lock.acquire()
    except Timeout:
        raise BuildLocked(f"another build is running in {out} (lock {path}); try again later or pass --wait") from None
    try:
        yield path
    finally:
        lock.release()
