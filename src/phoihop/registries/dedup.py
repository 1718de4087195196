"""Spotting the same initiative registered twice: folded titles, then character-trigram similarity per unit.

An exact match of the normalised title is always a duplicate; a title whose trigram Jaccard similarity with
another title of the same unit reaches SIMILAR is a probable duplicate that the user must confirm.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from phoihop.core.text import fold

SIMILAR = 0.8
_NOT_WORD = re.compile(r"[^a-z0-9]+")
# Words a title often starts with that do not tell two initiatives apart.
_LEADING = ("sang kien ", "giai phap ", "de tai ", "de xuat ")


@lru_cache(maxsize=262_144)
def title_key(title: str | None) -> str:
    """ "Sáng kiến: Cải tiến máy cắt vải (tự động)." → "cai tien may cat vai tu dong"."""
    key = _NOT_WORD.sub(" ", fold(title)).strip()
    for word in _LEADING:
        if key.startswith(word) and len(key) > len(word) + 8:
            key = key[len(word) :]
            break
    return key


@lru_cache(maxsize=262_144)
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
    """Titles per unit, searchable for exact and near duplicates.

    Each title's trigrams are kept as a bit mask over its unit's trigrams, so comparing two titles is one AND and
    a bit count. A unit whose trigram frequencies were given (an import: existing titles plus the file's) is
    searched with prefix filtering: two titles at or above the threshold always share one of their rarest
    trigrams, so only titles sharing one are compared. Other units (a single form) are compared title by title.
    """

    def __init__(self, threshold: float = SIMILAR):
        self.threshold = threshold
        self._exact: dict[tuple, tuple] = {}
        self._entries: dict[object, list[list]] = defaultdict(list)  # [ref, title, size, mask]
        self._bits: dict[object, dict[str, int]] = defaultdict(dict)
        self._postings: dict[object, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        self._df: dict[object, Counter] = {}
        self._prefixes: dict[tuple, list[str]] = {}

    def set_frequencies(self, unit, keys) -> None:
        """Fix the rarity order of a unit's trigrams; call before adding any of its titles."""
        self._df[unit] = Counter(gram for key in keys for gram in trigrams(key))

    def _prefix(self, unit, key: str, grams: frozenset) -> list[str]:
        cached = self._prefixes.get((unit, key))
        if cached is None:
            df = self._df[unit]
            ordered = sorted(grams, key=lambda g: (df.get(g, 0), g))
            cached = self._prefixes[(unit, key)] = ordered[
                : len(ordered) - math.ceil(self.threshold * len(ordered)) + 1
            ]
        return cached

    def _mask(self, unit, grams: frozenset, grow: bool) -> int:
        bits, mask = self._bits[unit], 0
        for gram in grams:
            bit = bits.get(gram)
            if bit is None:
                if not grow:
                    continue  # a trigram no stored title has cannot be shared
                bit = bits[gram] = len(bits)
            mask |= 1 << bit
        return mask

    def add(self, unit, key: str, ref, title: str) -> None:
        self._exact.setdefault((unit, key), (ref, title))
        grams = trigrams(key)
        entries = self._entries[unit]
        entries.append([ref, title, len(grams), self._mask(unit, grams, grow=True)])
        if unit in self._df:
            postings = self._postings[unit]
            for gram in self._prefix(unit, key, grams):
                postings[gram].append(len(entries) - 1)

    def discard(self, unit, key: str, ref) -> None:
        """Forget an entry (the record being edited must not match itself)."""
        if self._exact.get((unit, key), (None,))[0] == ref:
            del self._exact[(unit, key)]
        for entry in self._entries.get(unit, []):
            if entry[0] == ref:
                entry[0] = None

    def find(self, unit, key: str, exclude=None) -> Match | None:
        """The closest title of the same unit at or above the threshold, exact matches first."""
        hit = self._exact.get((unit, key))
        if hit and hit[0] is not None and hit[0] != exclude:
            return Match(hit[0], hit[1], 1.0)
        grams = trigrams(key)
        entries = self._entries.get(unit)
        if not grams or not entries:
            return None
        if unit in self._df:
            postings = self._postings[unit]
            candidates: set[int] | range = set()
            for gram in self._prefix(unit, key, grams):
                candidates.update(postings.get(gram, ()))
        else:
            candidates = range(len(entries))
        size, mask = len(grams), self._mask(unit, grams, grow=False)
        low, high, threshold = self.threshold * size, size / self.threshold, self.threshold
        best, best_score = None, 0.0
        for idx in candidates:
            entry = entries[idx]
            other = entry[2]
            if other < low or other > high:
                continue
            common = (mask & entry[3]).bit_count()
            score = common / (size + other - common)
            if score >= threshold and score > best_score and entry[0] is not None and entry[0] != exclude:
                best, best_score = entry, score
        return Match(best[0], best[1], best_score) if best is not None else None
