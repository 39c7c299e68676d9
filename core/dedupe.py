"""Near-duplicate detection for syndicated copies (one story reposted by several sites, lightly edited).

API, called by the build in the main process, in input order (the build computes signatures in its
workers with :func:`signature` and passes them to :meth:`NearDuplicates.check_signature`)::

    dups = NearDuplicates()                 # threshold: estimated Jaccard similarity of shingles
    earlier = dups.check(doc.id, doc.text)  # id of an earlier near-duplicate, or None (then remembered)

Texts are compared as sets of character 5-grams of their Han/letter/digit characters (punctuation,
spaces and widths ignored), estimated with MinHash and looked up with an LSH index (datasketch),
so each check costs the same however many documents came before.  Texts too short to judge
(fewer than ``min_chars`` such characters) are never reported as duplicates.
"""
from __future__ import annotations

import re

SCHEME = "affine32"  # datasketch's MinHash permutation scheme; signatures are cached, so it is fixed
THRESHOLD, NUM_PERM, MIN_CHARS = 0.7, 128, 200
_KEEP = re.compile(r"[\w]+")


def shingles(text: str, size: int = 5) -> set[bytes]:
    core = "".join(_KEEP.findall(text.lower()))
    return {core[i:i + size].encode("utf-8") for i in range(max(0, len(core) - size + 1))}


def signature(text: str, num_perm: int = NUM_PERM, min_chars: int = MIN_CHARS) -> bytes:
    """The MinHash signature of ``text`` as bytes (empty when the text is too short to judge).

    Deterministic across processes (crc32 shingle hashes), so a build computes it in its workers
    and caches it per document; only the index (:class:`NearDuplicates`) lives in the main process."""
    import zlib

    grams = shingles(text)
    if len(grams) < min_chars:
        return b""
    m = _minhash_class()(num_perm=num_perm, hashfunc=zlib.crc32, scheme=SCHEME)
    m.update_batch(list(grams))
    return m.hashvalues.astype("<u8").tobytes()


_MinHash = None


def _minhash_class():
    """datasketch's ``MinHash`` class.  Workers only compute signatures, but ``import datasketch``
    runs the package's ``__init__``, which imports every index (its LSH pulls in scipy: ~1 s of
    start-up per worker).  So, unless the package is already loaded, load its ``minhash`` module
    under a bare stand-in package and drop the stand-in at once: a later ``import datasketch``
    (the index, in the main process) runs the real package.  Falls back to the plain import."""
    import sys

    global _MinHash
    loaded = sys.modules.get("datasketch")
    if loaded is not None and hasattr(loaded, "MinHash"):
        return loaded.MinHash
    if _MinHash is None:
        _MinHash = _load_minhash_alone(sys)
    return _MinHash


def _load_minhash_alone(sys):
    import importlib.util
    import types

    spec = importlib.util.find_spec("datasketch")
    if spec is None or not spec.submodule_search_locations:
        from datasketch import MinHash

        return MinHash
    stand_in = types.ModuleType("datasketch")
    stand_in.__path__ = list(spec.submodule_search_locations)
    sys.modules["datasketch"] = stand_in
    try:
        from datasketch.minhash import MinHash
    except ImportError:
        MinHash = None
    finally:
        for name in [n for n in sys.modules if n == "datasketch" or n.startswith("datasketch.")]:
            del sys.modules[name]
    if MinHash is None:
        from datasketch import MinHash
    return MinHash


class NearDuplicates:
    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, min_chars: int = MIN_CHARS):
        from datasketch import MinHashLSH

        self.threshold, self.num_perm, self.min_chars = threshold, num_perm, min_chars
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict = {}

    def signature(self, text: str) -> bytes:
        """The MinHash signature of ``text`` (see :func:`signature`) with this index's parameters."""
        return signature(text, self.num_perm, self.min_chars)

    def check(self, doc_id: str, text: str) -> str | None:
        """The id of the most similar earlier document above the threshold, else None.

        A document that is not a duplicate is remembered for later checks; a duplicate is not
        (so every copy points at the first one seen).
        """
        return self.check_signature(doc_id, self.signature(text))

    @staticmethod
    def params(threshold: float = THRESHOLD, num_perm: int = NUM_PERM, min_chars: int = MIN_CHARS) -> str:
        """What decisions depend on besides the texts (part of a build's decision cache key);
        known without importing datasketch."""
        return f"{SCHEME}/{threshold}/{num_perm}/{min_chars}"

    def remember(self, doc_id: str, signature: bytes) -> None:
        """Index an earlier document known not to be a duplicate (replaying a cached decision)."""
        if signature and doc_id not in self._hashes:
            mh = self._lean(signature)
            self._lsh.insert(doc_id, mh)
            self._hashes[doc_id] = mh

    @staticmethod
    def _lean(signature: bytes):
        import numpy as np
        from datasketch import LeanMinHash

        return LeanMinHash(seed=1, hashvalues=np.frombuffer(signature, dtype="<u8"), scheme=SCHEME)

    def check_signature(self, doc_id: str, signature: bytes) -> str | None:
        """:meth:`check` for a signature made by :meth:`signature` (possibly in an earlier run)."""
        if not signature or doc_id in self._hashes:
            return None
        mh = self._lean(signature)
        candidates = self._lsh.query(mh)
        if candidates:
            scored = [(mh.jaccard(self._hashes[c]), c) for c in candidates]
            best_score, best = max(scored, key=lambda t: (t[0], t[1]))
            if best_score >= self.threshold:
                return best
        self._lsh.insert(doc_id, mh)
        self._hashes[doc_id] = mh
        return None
