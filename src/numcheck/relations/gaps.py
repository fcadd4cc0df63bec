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

import functools
from collections.abc import Iterator
from decimal import Decimal

from numcheck.mentions import CLAUSE_END, same_holder
from numcheck.relations.base import Relation, _Doc, same_family
from numcheck.vocab import _toml

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
    if pos >= 2 and words[pos - 1] == "and" and words[pos - 2] in _UNIT_WORDS and _gap_lead(d, si, pos) < 0:
        return False  # "a minute and 10 seconds ahead": the fact table holds only the seconds
    if f.kind == "relative":
        return f.text.split()[-1].lower() in d.v.gap_after
    return f.kind == "duration" and pos + 1 < len(words) and words[pos + 1] in d.v.gap_after


def _gap_lead(d: _Doc, si: int, pos: int) -> int:
    """The minutes or hours told right before a gap's seconds ("1 minute 14 seconds ahead", "a minute and 10
    seconds clear"): that fact, which the gap adds to its seconds; else -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = pos - 1
    if k >= 1 and words[k] == "and":
        k -= 1
    if k < 0 or toks[k].fact < 0:
        return -1
    f = d.facts[toks[k].fact]
    if f.kind != "duration" or f.unit not in ("minute", "hour") or f.value is None or f.is_range:
        return -1
    return toks[k].fact


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
        lead = _gap_lead(d, si, pos)
        before = _times(d, si, 0, pos if lead < 0 else d.pos_of(lead)[1], False)
        after = _times(d, si, pos + 1, len(d.m.tokens[si]), bool(before))
        if before and after:
            a, b = before[-1], after[0]  # the nearest on each side: later times are further runners
        elif len(before) + len(after) == 1 and si > 0:
            # "Kim was second in 2:23:05, 70 seconds behind", "second, 17 seconds behind in 2:06:58": the
            # winner's time in the sentences before
            a = _time_before(d, si, gi)
            if a < 0:
                continue
            b = (before or after)[0]
        else:
            continue
        g, fa, fb = d.facts[gi], d.facts[a], d.facts[b]
        assert g.value is not None and fa.value is not None and fb.value is not None
        told = _seconds(g.unit, g.value)
        if lead >= 0:
            told += _seconds(d.facts[lead].unit, d.facts[lead].value or Decimal(0))
        if min(fa.value, fb.value) <= told:
            continue  # "0.2 seconds ahead" of a time of 0.1: no race time
        if max(fa.value, fb.value) > min(fa.value, fb.value) * RACE_SPREAD:
            continue  # two times of one race differ by a few per cent; these are not one race's (or misread)
        hedge = d.v.hedges.ending_at(d.m.words[si], pos)  # "more than two minutes ahead"
        labels = (("hedge", " ".join(d.m.words[si][hedge[1] : pos])),) if hedge else ()
        roles = (("gap", gi), ("a", a), ("b", b), *((("lead", lead),) if lead >= 0 else ()))
        yield Relation("race-gap", roles, (), "sentence", labels)


# Sentences before a gap's that may tell the time it is counted from ("Mwangi won in 2:21:09. Only Chebet's
# 2:20:37 has been quicker. Mwangi finished 74 seconds ahead of Njeri, who clocked 2:22:23").
PRIOR_SENTENCES = 2


def _time_before(d: _Doc, si: int, gi: int) -> int:
    """The time a gap told with one time is counted from, in the sentences before: the one time of the sentence
    before, unless another runner holds it ("Only Grace Chebet's 2:20:37 has been quicker" before "Mwangi
    finished 74 seconds ahead"); then the one time held by the gap's own runner a sentence further back; else
    -1."""
    own = d.m.frame(gi).holder
    for s2 in range(si - 1, max(-1, si - 1 - PRIOR_SENTENCES), -1):
        prior = _times(d, s2, 0, len(d.m.tokens[s2]), False)
        if len(prior) != 1:
            return -1
        if s2 == si - 1:
            if not _owned_by_other(d, prior[0], own):
                return prior[0]
            continue
        held = d.m.frame(prior[0]).holder
        return prior[0] if own and held and same_holder(own, held) else -1
    return -1


def _owned_by_other(d: _Doc, fi: int, own: str) -> bool:
    """The time ``fi`` is told as a named runner's with a possessive ("Only Grace Chebet's 2:20:37 has been
    quicker") who is not the gap's runner ``own``."""
    si, pos = d.pos_of(fi)
    k = d.hedge_start(si, pos) - 1
    if k < 0:
        return False
    tok = d.m.tokens[si][k]
    raw = d.view.text[tok.start : tok.end]
    if not raw[:1].isupper() or not raw.endswith(("'s", "\u2019s")):
        return False
    name = raw[:-2].lower()
    return name not in own.split()


def _seconds(unit: str | None, value: Decimal) -> Decimal:
    return value * {"second": 1, "minute": 60, "hour": 3600}.get(unit or "second", 1)


# Scales of comparisons.toml [outdone] whose comparatives say which way an amount lies from another ("£1.10
# cheaper", "12cm longer", "three years older"); speed and merit words are left out ("quicker" is a smaller
# time, "better" has no way of its own).
GAP_SCALES = ("size", "price", "length", "age", "heat", "wealth")
# Kinds an amount gap may be told in.
GAP_KINDS = frozenset({"money", "count", "measure"})


@functools.cache
def _gap_ways() -> dict[str, str]:
    """Comparatives after an amount and the way they put the figure before them from the other: "dearer"
    up, "cheaper" down (comparisons.toml [outdone]), with "more", "less" and "fewer"."""
    ways = {"more": "up", "less": "down", "fewer": "down"}
    table = _toml("comparisons.toml")["outdone"]
    for name in GAP_SCALES:
        up, down = table[name]
        ways.update({w: "up" for w in up if w.endswith("er")})
        ways.update({w: "down" for w in down if w.endswith("er")})
    return ways


def _told_gaps(d: _Doc) -> Iterator[Relation]:
    """A figure with the gap to another told right after it: "The same items at Lidl came to £122.50, £1.10
    cheaper" after "cost £121.40 at Aldi"; "In York they cost £52, £7 more". The gap is a stated change from
    the figure of the family told just before (in its sentence or the one before) to the figure it follows,
    its way the comparative's; a gap followed by "than" names its own yardstick and is not read here."""
    ways = _gap_ways()
    for si, pos, gi, _ in d.figures(GAP_KINDS):
        words = d.m.words[si]
        if pos < 2 or pos + 1 >= len(words) or words[pos + 1] not in ways or words[pos - 1] != ",":
            continue
        if pos + 2 < len(words) and words[pos + 2] not in CLAUSE_END and words[pos + 2] != ",":
            continue  # "£7 more than in Leeds", "£7 more expensive": not a bare gap
        bi = d.fact_at(si, pos - 2)
        if bi < 0 or not same_family(d.facts[bi], d.facts[gi]) or d.facts[bi].is_range:
            continue
        ai = _told_before(d, si, pos - 2, bi)
        if ai < 0:
            continue
        cue = d.span(si, pos + 1, pos + 2)
        told = "sentence" if d.facts[ai].sentence == si else "document"
        yield Relation(
            "change", (("from", ai), ("to", bi), ("stated", gi)), (cue,), told, (("direction", ways[words[pos + 1]]),)
        )


def _told_before(d: _Doc, si: int, pos: int, bi: int) -> int:
    """The last figure of ``bi``'s family before token ``pos`` in its sentence, else in the sentence before;
    -1 when none or when it is a range."""
    b = d.facts[bi]
    for s2, end in ((si, pos), (si - 1, None)):
        if s2 < 0:
            break
        toks = d.m.tokens[s2]
        for t in reversed(toks[:end] if end is not None else toks):
            if t.fact >= 0 and t.fact != bi and same_family(d.facts[t.fact], b):
                return -1 if d.facts[t.fact].is_range or d.facts[t.fact].value is None else t.fact
    return -1
