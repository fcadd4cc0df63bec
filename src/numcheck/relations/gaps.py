"""Race gaps: a winning margin told with the two times it lies between ("won in 2:21:45, 80 seconds ahead
of Kim, who ran 2:23:15"; "Kim was second in 2:23:05, 70 seconds behind" after the winner's time in the
sentence before). The gap must be the difference of the two times.

A ``race-gap`` relation (judge ``race-gap``): ``gap`` the margin, ``a`` and ``b`` the two times. The gap
is a length in seconds, minutes or hours with a gap word ("ahead", "behind", "clear", "adrift"; vocab.toml
[comparison] gap_after); the times are the nearest lengths in seconds on each side of it (a bare figure
right after "ran", "clocked", "in" or "(" reads as one when the other time is in seconds). Left alone: a
gap larger than either time, and a gap whose fact holds only its seconds ("a minute and 10 seconds").
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from numcheck.relations.base import Relation, _Doc

# How far apart two times of one race may be (the slower over the faster).
RACE_SPREAD = Decimal("1.25")
# Units a race gap may be told in.
GAP_UNITS = frozenset({"second", "minute", "hour"})
_UNIT_WORDS = frozenset("minute minutes hour hours second seconds".split())
# Words right before a bare figure that make it a time run ("who ran 13.25", "(13.25)").
TIME_BEFORE = frozenset({"ran", "clocked", "in", "(", "timed", "recorded"})


def _is_gap(d: _Doc, si: int, pos: int, fi: int) -> bool:
    f = d.facts[fi]
    if f.unit not in GAP_UNITS or f.value is None or f.is_range:
        return False
    words = d.m.words[si]
    if pos >= 2 and words[pos - 1] == "and" and words[pos - 2] in _UNIT_WORDS:
        return False  # "a minute and 10 seconds ahead": the fact table holds only the seconds
    if f.kind == "relative":
        return f.text.split()[-1].lower() in d.v.gap_after
    return f.kind == "duration" and pos + 1 < len(words) and words[pos + 1] in d.v.gap_after


def _times(d: _Doc, si: int, lo: int, hi: int, seconds: bool) -> list[int]:
    """Race times among tokens [lo, hi) of sentence ``si``: lengths in seconds and, when ``seconds``, bare
    figures told as a time run."""
    words, toks = d.m.words[si], d.m.tokens[si]
    out = []
    for k in range(max(0, lo), min(hi, len(toks))):
        fi = toks[k].fact
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.value is None or f.is_range:
            continue
        if f.kind == "duration" and f.unit == "second":
            out.append(fi)
        elif seconds and f.kind == "number" and not f.unit and k > 0 and words[k - 1] in TIME_BEFORE:
            out.append(fi)
    return out


def _race_gaps(d: _Doc) -> Iterator[Relation]:
    for si, pos, gi, _ in d.figures(frozenset({"relative", "duration"})):
        if not _is_gap(d, si, pos, gi):
            continue
        before = _times(d, si, 0, pos, False)
        after = _times(d, si, pos + 1, len(d.m.tokens[si]), bool(before))
        if before and after:
            a, b = before[-1], after[0]  # the nearest on each side: later times are further runners
        elif len(before) + len(after) == 1 and si > 0:
            # "Kim was second in 2:23:05, 70 seconds behind", "second, 17 seconds behind in 2:06:58": the
            # winner's time in the sentence before
            prior = _times(d, si - 1, 0, len(d.m.tokens[si - 1]), False)
            if len(prior) != 1:
                continue
            a, b = prior[0], (before or after)[0]
        else:
            continue
        g, fa, fb = d.facts[gi], d.facts[a], d.facts[b]
        assert g.value is not None and fa.value is not None and fb.value is not None
        if min(fa.value, fb.value) <= _seconds(g.unit, g.value):
            continue  # "0.2 seconds ahead" of a time of 0.1: no race time
        if max(fa.value, fb.value) > min(fa.value, fb.value) * RACE_SPREAD:
            continue  # two times of one race differ by a few per cent; these are not one race's (or misread)
        hedge = d.v.hedges.ending_at(d.m.words[si], pos)  # "more than two minutes ahead"
        labels = (("hedge", " ".join(d.m.words[si][hedge[1] : pos])),) if hedge else ()
        yield Relation("race-gap", (("gap", gi), ("a", a), ("b", b)), (), "sentence", labels)


def _seconds(unit: str | None, value: Decimal) -> Decimal:
    return value * {"second": 1, "minute": 60, "hour": 3600}.get(unit or "second", 1)
