"""Spotting the same initiative registered twice: folded titles, then character-trigram similarity per unit.

An exact match of the normalised title is always a duplicate; a title whose trigram Jaccard similarity with
another title of the same unit reaches SIMILAR is a probable duplicate that the user must confirm.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .folding import fast_fold as fold

SIMILAR = 0.8
_NOT_WORD = re.compile(r"[^a-z0-9]+")
# Words a title often starts with that do not tell two initiatives apart.
_LEADING = ("sang kien ", "giai phap ", "de tai ", "de xuat ")


def title_key(title: str | None) -> str:
    """ "Sáng kiến: Cải tiến máy cắt vải (tự động)." → "cai tien may cat vai tu dong"."""
    key = _NOT_WORD.sub(" ", fold(title)).strip()
    for word in _LEADING:
        if key.startswith(word) and len(key) > len(word) + 8:
            key = key[len(word) :]
            break
    return key


def trigrams(key: str) -> frozenset[str]:
    padded = f"  {key} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def similarity(a: str, b: str) -> float:
    """Trigram Jaccard similarity of two normalised titles, 0…1 (as pg_trgm's similarity())."""
    ta, tb = trigrams(a), trigrams(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


@dataclass
class Match:
    ref: object  # what the caller registered (a pk, a row number …)
    title: str
    score: float

    @property
    def exact(self) -> bool:
        return self.score >= 1.0


class DuplicateIndex:
    """Titles of one or many units, searchable for exact and near duplicates without comparing every pair.

    Postings from trigram to title keep a lookup proportional to the titles that share trigrams with it.
    """

    def __init__(self, threshold: float = SIMILAR):
        self.threshold = threshold
        self._exact: dict[tuple, tuple] = {}
        self._grams: dict[tuple, list[frozenset]] = defaultdict(list)
        self._entries: dict[tuple, list[tuple]] = defaultdict(list)
        self._postings: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))

    def add(self, unit, key: str, ref, title: str) -> None:
        self._exact.setdefault((unit, key), (ref, title))
        grams = trigrams(key)
        idx = len(self._entries[unit])
        self._entries[unit].append((ref, title, key))
        self._grams[unit].append(grams)
        postings = self._postings[unit]
        for gram in grams:
            postings[gram].append(idx)

    def discard(self, unit, key: str, ref) -> None:
        """Forget an entry (the record being edited must not match itself)."""
        if self._exact.get((unit, key), (None,))[0] == ref:
            del self._exact[(unit, key)]
        for i, entry in enumerate(self._entries.get(unit, [])):
            if entry[0] == ref:
                self._entries[unit][i] = (None, "", "")
                self._grams[unit][i] = frozenset()

    def find(self, unit, key: str, exclude=None) -> Match | None:
        """The closest title of the same unit at or above the threshold, exact matches first."""
        hit = self._exact.get((unit, key))
        if hit and hit[0] is not None and hit[0] != exclude:
            return Match(hit[0], hit[1], 1.0)
        grams = trigrams(key)
        if not grams or unit not in self._postings:
            return None
        postings = self._postings[unit]
        shared = Counter()
        for gram in grams:
            for idx in postings.get(gram, ()):
                shared[idx] += 1
        best: Match | None = None
        size = len(grams)
        for idx, common in shared.items():
            other = self._grams[unit][idx]
            score = common / (size + len(other) - common) if other else 0.0
            ref = self._entries[unit][idx][0]
            if score >= self.threshold and ref is not None and ref != exclude:
                if best is None or score > best.score:
                    best = Match(ref, self._entries[unit][idx][1], score)
        return best
