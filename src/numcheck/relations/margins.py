"""Margins told beside both sides' own figures, not as a tally "A to B".

"Pryce took 9,870 votes to finish 1,750 ahead of Reed, who polled 8,120"; "The win took her to 186 points,
22 clear of Okoro on 164"; "Yes won by 2,410 votes, with 25,784 in favour and 22,374 against"; "Holt won
with 9,870 votes to Reed's 8,120, a majority of 1,750". The margin must be the difference of the two sides,
so each is a ``tally-order`` relation (``first``, ``second``, ``margin``; judge ``tally-order``) with no
``winning`` label: which side won is not read, only the gap.

Two shapes, both inside one sentence:

- a side word after the margin (``[margins] sides``: "ahead", "behind", "clear", "adrift"): the subject's
  figure is the nearest level before the margin, the rival's the nearest level after the side word;
- a margin told as a margin noun's size ("a majority of 1,750", "a margin of 12", "won by 2,410 votes";
  ``base.is_gap``): the two other levels of its sentence, when it has exactly two.

A margin told again in another sentence with no sides of its own ("Officials said a majority of 1,750 was
hardly a landslide") is that contest's margin when the document tells exactly one contest with both sides.

Levels are counts of the margin's noun (``[margins] nouns``, or none told): never a cricket score's wickets
("311 for eight"), a move's size, an average, another gap, or a count of another noun ("Hull, who have
played 30 games"). A margin told of another time ("a majority of 9,000 at the last election") is left alone.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal

from numcheck.relations.base import Relation, _Doc, is_average, is_gap
from numcheck.relations.tallies import _second, is_tally
from numcheck.vocab import _toml, singular

KINDS = frozenset({"count", "number"})
# Tokens between a side's figure and the margin or its side word.
SIDE_REACH = 20
# Tokens between the two sides of a margin told as a noun's size, joined by a pair word ("9,870 votes to
# Reed's 8,120", "25,784 in favour and 22,374 against").
PAIR_REACH = 8
# How far a margin may be from its sides' difference and still be read as theirs: a misprint (a digit
# swapped, one slip of a key) stays inside; "two ahead of Hessel, who took 26 points" from 399 is another
# count bound by mistake. A margin told in another sentence must be nearer: it may be another contest's.
SENTENCE_BAND = Decimal(5)
DOCUMENT_BAND = Decimal("1.5")


@functools.cache
def _words(key: str) -> frozenset[str]:
    """The words of ``[margins] key`` in vocab.toml ("sides", "nouns", "majority", ...)."""
    words: list[str] = _toml("vocab.toml")["margins"][key]
    return frozenset(words)


def _noun(d: _Doc, fi: int) -> str:
    """The first word of what the figure counts, singular ("votes" → "vote"), or ""."""
    m = d.m.by_fact.get(fi)
    return singular(m.noun.split()[0]) if m is not None and m.noun else ""


def _gap_noun(d: _Doc, gi: int) -> str:
    """What the margin counts: the word right after it ("1,750 votes ahead", "a majority of 12 seats"), or ""
    ("22 clear of", "a majority of 1,750.")."""
    si, pos = d.pos_of(gi)
    words = d.m.words[si]
    w = words[pos + 1] if pos + 1 < len(words) else ""
    return singular(w) if w.isalpha() and w not in _words("sides") and w not in _words("not_nouns") else ""


def _level(d: _Doc, fi: int) -> bool:
    """A side's own count: no gap, move, average, or a cricket score's wickets ("311 for eight")."""
    f = d.facts[fi]
    if f.kind not in KINDS or f.value is None or f.is_range or fi not in d.m.by_fact:
        return False
    if is_gap(d, fi) or d.move_size(fi) or is_average(d, fi):
        return False
    si, pos = d.pos_of(fi)
    k = d.hedge_start(si, pos)
    words = d.m.words[si]
    if k >= 2 and words[k - 1] == "for" and d.fact_at(si, k - 2) >= 0:
        return False
    if pos + 2 < len(words) and words[pos + 1] == "for" and d.fact_at(si, pos + 2) >= 0:
        return False
    if pos + 1 < len(words) and words[pos + 1] in _words("not_after"):
        return False  # "on 16 under": a golfer's score against par, no count of strokes
    return not _part_of(d, si, k, pos)


# Tokens between "of" and the whole after a part ("22 of the council's 40 seats").
WHOLE_REACH = 4
# Words between "of" and a whole ("22 of its 40 seats").
_OWNERS = frozenset({"the", "its", "their", "his", "her", "our", "all"})


def _part_of(d: _Doc, si: int, k: int, pos: int) -> bool:
    """The figure is a part told with its whole or the whole of one ("367 of the 650 seats"): a majority
    over all the rest, never a difference of these two."""
    words = d.m.words[si]
    j = pos + 2 if pos + 1 < len(words) and words[pos + 1] == "of" else -1
    if 0 < j < len(words) and words[j] in _OWNERS:
        j += 1
    if j > 0 and d.fact_at(si, j) >= 0:
        return True
    j = k - 1
    if j >= 0 and words[j] in _OWNERS:
        j -= 1
    return j >= 1 and words[j] == "of" and d.fact_at(si, j - 1) >= 0


def _side_word(d: _Doc, si: int, pos: int) -> int:
    """Token of the side word after the margin at ``pos`` ("1,750 ahead", "22 points clear"), or -1."""
    words = d.m.words[si]
    for k in range(pos + 1, min(len(words), pos + 3)):
        if words[k] in _words("sides"):
            return k
        if d.fact_at(si, k) >= 0 or not words[k][:1].isalpha():
            return -1
    return -1


def _nearest(d: _Doc, si: int, ks: range) -> int:
    """The first level among tokens ``ks`` of sentence ``si``, stopping at a sentence's joint or another
    margin."""
    words = d.m.words[si]
    for k in ks:
        if words[k] in (";", ".", ":"):
            return -1
        fi = d.fact_at(si, k)
        if fi < 0:
            continue
        if _level(d, fi):
            if _countable(d, fi):
                return fi
            continue  # "on 52 points from 20 matches, nine ahead": past a count of another noun
        if is_gap(d, fi):
            return -1
    return -1


def _countable(d: _Doc, fi: int) -> bool:
    noun = _noun(d, fi)
    return not noun or noun in _words("nouns")


def _nouns_agree(d: _Doc, gi: int, sides: tuple[int, int]) -> bool:
    """The three count one margin's noun ("votes", "points"), told of one of them at least."""
    told = {n for n in (_gap_noun(d, gi), *(_noun(d, fi) for fi in sides)) if n}
    return len(told) == 1 and told <= _words("nouns")


def _margin_told(d: _Doc, si: int, pos: int, gi: int) -> bool:
    """The figure is a margin: a gap (``base.is_gap``: "1,750 ahead", "won by 300 votes", "a margin of 12")
    or a majority's size ("a majority of 1,750"; not "the majority of 1,200 staff", most of a set)."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    if k >= 1 and words[k - 1] == "to":
        return False  # "stretched their advantage to two points": a lead that moved, told at its new size
    if is_gap(d, gi):
        return True
    if k < 3 or words[k - 1] != "of" or words[k - 2] not in _words("majority") or words[k - 3] == "the":
        return False
    noun = _gap_noun(d, gi)
    return not noun or noun in _words("nouns")


def _majority_size(d: _Doc, si: int, pos: int) -> bool:
    """The figure is a majority's size: "a majority of 84", "an overall majority of six" (not "a working
    majority", which leaves out members who do not vote)."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    return (
        k >= 3
        and words[k - 1] == "of"
        and words[k - 2] in _words("majority")
        and words[k - 3] != "the"
        and words[k - 3] not in _words("not_overall")
    )


def _whole_after(d: _Doc, si: int, pos: int) -> int:
    """The whole told right after a part: "367 of the 650 seats", "22 of the council's 40 seats"; else -1."""
    words = d.m.words[si]
    if pos + 2 >= len(words) or words[pos + 1] != "of":
        return -1
    for k in range(pos + 2, min(len(words), pos + 2 + WHOLE_REACH)):
        fi = d.fact_at(si, k)
        if fi >= 0:
            return fi if d.facts[fi].kind in KINDS and d.facts[fi].value is not None else -1
        if not (words[k] in _OWNERS or words[k].endswith("'s")):
            return -1
    return -1


def _overall_majorities(d: _Doc) -> Iterator[Relation]:
    """A majority told with the seats won and the seats there are in its sentence: ``overall-majority``
    (``part``, ``whole``, ``majority``; judge ``overall-majority``)."""
    for si, pos, mi, _ in d.figures(KINDS):
        if not _majority_size(d, si, pos) or _other_time(d, si):
            continue
        pairs = []
        for _, p, pi, f in d.figures(KINDS):
            if d.m.by_fact[pi].sentence != si or pi == mi:
                continue
            wi = _whole_after(d, si, p)
            if wi >= 0 and f.value is not None and f.value < (d.facts[wi].value or 0):
                pairs.append((pi, wi))
        if len(pairs) == 1:
            pi, wi = pairs[0]
            yield Relation("overall-majority", (("part", pi), ("whole", wi), ("majority", mi)), (), "sentence")


def _has_tally(d: _Doc, si: int) -> bool:
    """The sentence tells a tally "A to B", which the tally reader binds with its margin."""
    return any(
        d.fact_at(si, p) >= 0 and is_tally(d, si, p) and _second(d, si, p)[1] >= 0 for p in range(len(d.m.words[si]))
    )


def _other_time(d: _Doc, si: int) -> bool:
    words = d.m.words[si]
    return any(w in _words("other_times") for w in words)


def _sides_of(d: _Doc, si: int, pos: int, gi: int) -> tuple[int, int] | None:
    words = d.m.words[si]
    side = _side_word(d, si, pos)
    if side >= 0:
        before = _nearest(d, si, range(d.hedge_start(si, pos) - 1, max(-1, pos - SIDE_REACH), -1))
        after = _nearest(d, si, range(side + 1, min(len(words), side + SIDE_REACH)))
        return (before, after) if before >= 0 and after >= 0 else None
    if not _noun_sized(d, si, pos) or _other_time(d, si) or d.m.by_fact[gi].frame is not None:
        return None
    levels = [
        fi
        for _, _, fi, _ in d.figures(KINDS)
        if d.m.by_fact[fi].sentence == si and fi != gi and _level(d, fi) and _countable(d, fi)
    ]
    if len(levels) != 2:
        return None
    (_, p1), (_, p2) = d.pos_of(levels[0]), d.pos_of(levels[1])
    between = words[p1 + 1 : p2]
    return (levels[0], levels[1]) if len(between) <= PAIR_REACH and _words("pairs").intersection(between) else None


def _noun_sized(d: _Doc, si: int, pos: int) -> bool:
    """The margin is told as a noun's size or after "by" ("a majority of 1,750", "won by 300 votes"), not
    with a side word of its own that names no rival figure ("31 points back")."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    return k >= 1 and words[k - 1] in ("of", "by")


def _near(told: Decimal, apart: Decimal, band: Decimal) -> bool:
    return told > 0 and apart > 0 and max(told, apart) <= band * min(told, apart)


def _margins(d: _Doc) -> Iterator[Relation]:
    contests: set[tuple[int, int]] = set()  # the sides of each margin told with them
    alone: list[int] = []  # margins told with no sides in their sentence
    for si, pos, gi, g in d.figures(KINDS):
        if not _margin_told(d, si, pos, gi) or _has_tally(d, si):
            continue
        sides = _sides_of(d, si, pos, gi)
        if sides is None:
            if _noun_sized(d, si, pos) and not _other_time(d, si) and d.m.by_fact[gi].frame is None:
                alone.append(gi)
            continue
        a, b = sides
        fa, fb = d.facts[a], d.facts[b]
        assert fa.value is not None and fb.value is not None and g.value is not None
        if not _nouns_agree(d, gi, sides) or not _near(g.value, abs(fa.value - fb.value), SENTENCE_BAND):
            continue
        contests.add((a, b))
        side = _side_word(d, si, pos)
        if side < 0:
            yield Relation("tally-order", (("first", a), ("second", b), ("margin", gi)), (), "sentence")
            continue
        # The side word orders the two sides too: "42 points, three ahead of Kelso on 45" puts the subject
        # above the rival whatever the gap; "behind" puts it below (the rival first).
        word = d.m.words[si][side]
        first, second = (b, a) if word in _words("behind") else (a, b)
        roles = (("first", first), ("second", second), ("margin", gi))
        yield Relation("tally-order", roles, (d.span(si, side, side + 1),), "sentence", (("side", word),))
    if len(contests) != 1 or not alone:
        return
    a, b = next(iter(contests))
    va, vb = d.facts[a].value, d.facts[b].value
    assert va is not None and vb is not None
    for gi in alone:
        g = d.facts[gi]
        if _nouns_agree(d, gi, (a, b)) and g.value is not None and _near(g.value, abs(va - vb), DOCUMENT_BAND):
            yield Relation("tally-order", (("first", a), ("second", b), ("margin", gi)), (), "document")
