"""Near-duplicate detection for syndicated copies (one story reposted by several sites, lightly edited).

API, called by the build in the main process, in input order::

    dups = NearDuplicates()                 # threshold: estimated Jaccard similarity of shingles
    earlier = dups.check(doc.id, doc.text)  # id of an earlier near-duplicate, or None (then remembered)

Texts are compared as sets of character 5-grams of their Han/letter/digit characters (punctuation,
spaces and widths ignored), estimated with MinHash and looked up with an LSH index (datasketch),
so each check costs the same however many documents came before.  Texts too short to judge
(fewer than ``min_chars`` such characters) are never reported as duplicates.
"""
from __future__ import annotations

import re

_KEEP = re.compile(r"[\w]+")


def shingles(text: str, size: int = 5) -> set[bytes]:
    core = "".join(_KEEP.findall(text.lower()))
    return {core[i:i + size].encode("utf-8") for i in range(max(0, len(core) - size + 1))}


class NearDuplicates:
    def __init__(self, threshold: float = 0.7, num_perm: int = 128, min_chars: int = 200):
        from datasketch import MinHashLSH

        self.threshold, self.num_perm, self.min_chars = threshold, num_perm, min_chars
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict = {}

    def _minhash(self, grams: set[bytes]):
        from datasketch import MinHash

        m = MinHash(num_perm=self.num_perm)
        m.update_batch(list(grams))
        return m

    def check(self, doc_id: str, text: str) -> str | None:
        """The id of the most similar earlier document above the threshold, else None.

        A document that is not a duplicate is remembered for later checks; a duplicate is not
        (so every copy points at the first one seen).
        """
        grams = shingles(text)
        if len(grams) < self.min_chars or doc_id in self._hashes:
            return None
        mh = self._minhash(grams)
        candidates = self._lsh.query(mh)
        if candidates:
            scored = [(mh.jaccard(self._hashes[c]), c) for c in candidates]
            best_score, best = max(scored, key=lambda t: (t[0], t[1]))
            if best_score >= self.threshold:
                return best
        self._lsh.insert(doc_id, mh)
        self._hashes[doc_id] = mh
        return None
