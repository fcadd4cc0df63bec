"""A whole told as such and its items told one clause each over the sentences after it, whatever their shape.

"In all, 180 homes were flooded overnight. Ashby and Kelton accounted for 95 and 70 respectively, with
the other 35 scattered along the coast road." "Trustees approved a £11.8m budget. Exhibitions take the
largest share, £4.6m. Staff will cost £4.1m, and the building a further £3.6m." "The airline has settled
the fate of all 40 of its older jets. Eighteen will be scrapped. A further 15 are being sold ..."

The structure, not the wording: a figure told as a whole by the words around it ("a total of", "In all,",
"all 40 of its", "valid votes", "a ... budget", "an ... hole"; ``[itemised] whole_before``,
``whole_nouns``), then, in the sentences after its own, the levels of its family (counts, or money of
its currency) each smaller than it and counting what it counts (no other plural noun after them): its
items, up to a rest that closes them ("the other 35", "the remaining 19", "leaving £109m for everything
else"), a figure that ends the list (another noun counted, a figure as large as the whole), a run of
sentences without one, or the point where they already make the whole. Not items: a change's older level
or size, a gap, a rate or a figure of another time (``sumruns._level``), a line to reach ("29 seats
needed for a majority"), a part of another set ("lost four of its 13 seats", "Of those, 150 ..."), a
difference or an earlier holding ("a net loss of 750", "having held 14"), a plan for a later year, a size
joined to its noun ("an 820-bed hall"). The items are some of the whole: together at most it; closed by a
rest with no figure of the family passed over among them, exactly it. A whole that sums up in a sentence
of its own what was told before it ("... and an independent 88. In all, 3,985 valid votes were cast") is
read back over the items before it the same way (``_items_before``), at most it. Each run yields a ``breakdown``
(judged by ``sum``, NC205) labelled ``spread`` and ``itemised``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from decimal import Decimal

from numcheck.relations.base import Relation, _Doc, family, is_average
from numcheck.relations.sumruns import (
    _level,
    _nested,
    _no_holding,
    _part_of_other,
    _periods_agree,
    _plural_after,
    _rest_at,
    _single,
    _spans_sentences,
)
from numcheck.vocab import PhraseTable, _toml

# Sentences after the whole's that its items may be told in (a council's seats party by party, a budget
# line by line over four paragraphs).
RUN_SENTENCES = 6
# Sentences in a row with no item that end the run (a quote or an aside between two items is passed).
EMPTY_SENTENCES = 2
# Sentences after the whole's that its first item may wait for ("approved a £684m budget. Bills will rise
# to £1,692.86. The vote was 41 to 23. Adult social care takes the biggest slice, £262m, ...").
FIRST_REACH = 3
# Tokens before an item that "net" may stand ("a net loss of 750").
NET_REACH = 4
# Fewest items a run is read with: two figures after a whole are as often a comparison as a breakdown.
MIN_ITEMS = 3
# Tokens after a whole's figure that its whole noun may stand ("a £684m budget", "6,284 valid votes").
NOUN_REACH = 3

_AMOUNTS = frozenset({"count", "number", "money"})


@functools.cache
def _data() -> dict[str, frozenset[str]]:
    data = _toml("vocab.toml")["itemised"]
    return {k: frozenset(str(w) for w in v) for k, v in data.items()}


def _whole_marked(d: _Doc, si: int, pos: int) -> bool:
    """The figure is told as a whole: "a total of 41,170 hours", "In all, 260", "All 60 seats", "a £684m
    budget", "6,284 valid votes" (``[itemised] whole_before``, ``whole_nouns``)."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    if _whole_before().ending_at(words, k) or _whole_before().ending_at(words, pos):
        return True
    nouns = _data()["whole_nouns"]
    if k > 0 and words[k - 1] in ("the", "that", "this"):
        return False  # "included in the 51,200 total": a whole told before, named again
    for w in words[pos + 1 : pos + 1 + NOUN_REACH]:
        if w in nouns:
            return True
        if not w.isalpha() or w in _data()["not_modifiers"]:
            return False  # "£7.5m towards the shortfall": the noun of another phrase
    return False


@functools.cache
def _whole_before() -> PhraseTable:
    return PhraseTable.build((p, "whole") for p in _toml("vocab.toml")["itemised"]["whole_before"])


def _other_whole(d: _Doc, si: int, pos: int) -> bool:
    """The figure is the set another figure is told a part of: "lost four of its 13 seats"."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    j = k - 1
    while j >= 0 and words[j] in ("the", "its", "their", "his", "her", "our") or (j >= 0 and words[j].endswith("'s")):
        j -= 1
    return j > 0 and words[j] == "of" and d.fact_at(si, j - 1) >= 0


def _other_noun(d: _Doc, whole: int, fi: int) -> bool:
    """The item counts another thing than the whole, by the plural noun written after each ("260
    properties" ... "73 rescues"); an item with no noun of its own ("and Keswick 70") counts the whole's."""
    a, b = _plural_after(d, whole), _plural_after(d, fi)
    return bool(a and b and a != b)


@functools.cache
def _rest_before() -> PhraseTable:
    return PhraseTable.build((p, "rest") for p in _toml("vocab.toml")["itemised"]["rest_before"])


def _closing(d: _Doc, si: int, pos: int) -> bool:
    """The item is told as what is left of the whole: "the remaining 6,420", "the final £6.7m", "leaving
    £109m for everything else" (``[sums] closing``, ``[itemised] rest_before``)."""
    return _rest_at(d, si, pos) or _rest_before().ending_at(d.m.words[si], d.hedge_start(si, pos)) is not None


def _of_opener(d: _Doc, si: int) -> bool:
    """The sentence opens on "Of" and a set it splits other than the whole: "Of those, 150 ...", "Of the
    2,104 ambulances ..."; not "Of the total," or "Of that," (``[itemised] whole_nouns``), the whole's own."""
    words = d.m.words[si]
    if len(words) < 3 or words[0] != "of":
        return False
    if words[1] in ("those", "these", "them", "which"):
        return True
    return words[1] in ("the", "its", "all") and words[2] not in _data()["whole_nouns"]


def _net_or_held(d: _Doc, si: int, pos: int) -> bool:
    """The item is a difference of two levels ("a net loss of 750") or a level held before ("slumped to 9,
    having held 14"; ``[itemised] not_items_before``)."""
    k = d.hedge_start(si, pos)
    words = d.m.words[si][max(d.m.clause_start(si, pos), k - NET_REACH) : k]
    return any(w in _data()["not_items_before"] for w in words)


@functools.cache
def _threshold_after() -> PhraseTable:
    return PhraseTable.build((p, "line") for p in _toml("vocab.toml")["itemised"]["threshold_after"])


def _threshold(d: _Doc, si: int, pos: int) -> bool:
    """The figure is a line to reach, no holding: "With 29 seats needed for a majority"."""
    words = d.m.words[si]
    table = _threshold_after()
    return any(table.starting_at(words, j) for j in range(pos + 1, min(len(words), pos + 1 + NOUN_REACH)))


def _planned_apart(d: _Doc, whole: int, fi: int) -> bool:
    """The item is a plan for a year of its own, told after a whole that is not planned: "has 24,300
    students and plans to grow to 27,000 by 2030"."""
    fw, ff = d.m.frame(whole), d.m.frame(fi)
    return ff.mood == "forecast" and fw.mood != "forecast" and ff.period.isdigit()


def _compound(d: _Doc, si: int, pos: int) -> bool:
    """The figure is joined by a hyphen to the noun after it, a size that describes a thing: "820-bed"."""
    text = d.view.text
    end = d.m.tokens[si][pos].end
    return end < len(text) and text[end] == "-"


def _other_year(d: _Doc, whole: int, fi: int) -> bool:
    """The item is told of another year than the whole ("who had run the council since 2011")."""
    tp, pp = d.m.frame(whole).period, d.m.frame(fi).period
    return pp == "past" and tp != "past" or (tp.isdigit() and pp.isdigit() and tp != pp)


def _reading(d: _Doc, whole: int, si: int, pos: int, like: str) -> str:
    """What the figure at ``pos`` is to the run of ``whole``: "item", "end" (a figure that ends the list:
    another thing counted, another whole) or "" (passed over: no level, another year, a line to reach, a
    part of another set, a difference)."""
    fi = d.m.tokens[si][pos].fact
    f = d.facts[fi]
    if not _single(f) or family(f) != like:
        return ""
    if not _level(d, si, pos, like) or _other_year(d, whole, fi) or _threshold(d, si, pos):
        return ""
    if _planned_apart(d, whole, fi) or _compound(d, si, pos):
        return ""  # "plans to grow to 27,000 by 2030" after what is; "a new 820-bed residence"
    if _other_noun(d, whole, fi) or (f.value or Decimal(0)) >= (d.facts[whole].value or Decimal(0)):
        return "end"  # "... with the other 40. Crews carried out 73 rescues": the list is over
    m = d.m.by_fact.get(fi)
    if m is not None and "part" in m.roles:
        return ""  # "13 cases including 11 deaths": a part of the figure before it
    if _part_of_other(d, si, pos) or _no_holding(d, si, pos) or _other_whole(d, si, pos) or _net_or_held(d, si, pos):
        return ""
    return "item"


def _new_set(d: _Doc, whole: int, si: int, pos: int, like: str) -> bool:
    """A set of another thing split after the whole and before any item of it ("A total of 7,812 voted. ...
    Independents won 18 of the council's 40 seats. The Greens won 11, ..."): the figures after it are its
    parts, not the whole's."""
    fi = d.m.tokens[si][pos].fact
    if family(d.facts[fi]) != like or not _other_whole(d, si, pos):
        return False
    a, b = _plural_after(d, whole), _plural_after(d, fi)
    if a and b and a == b:
        return False
    # Its parts follow it: the next figure of the family is smaller ("40 seats. The Greens won 11"), not one
    # past it ("70 stalls. Saturday drew 7,100": the whole's items again).
    after = [
        t.fact
        for s2 in range(si, min(len(d.m.tokens), si + 2))
        for x, t in enumerate(d.m.tokens[s2])
        if (s2 > si or x > pos) and t.fact >= 0 and family(d.facts[t.fact]) == like
    ]
    size, nxt = d.facts[fi].value, d.facts[after[0]].value if after else None
    return size is not None and nxt is not None and nxt < size


def _items_after(d: _Doc, si: int, pos: int, like: str) -> tuple[list[tuple[int, int]], bool]:
    """(sentence, position) of the whole's items: the levels of its family after it, smaller than it and
    counting what it counts, up to a rest that closes them ("the remaining 6,420"), a figure that ends
    the list, or ``EMPTY_SENTENCES`` sentences in a row without one. Items that already make the whole
    end it at their sentence's end ("Of the 72 seats, A won 40 and B 32. ..."), but for a rest told
    after them in it."""
    from numcheck.judges.arith import value_interval  # (judges import relations)

    whole = d.m.tokens[si][pos].fact
    told = value_interval(d.facts[whole])
    out: list[tuple[int, int]] = []
    empty = 0
    shown = Decimal(0)
    passed = False  # a figure of the family passed over among the items: a rest cannot close them exactly
    # The items are told in the sentences after the whole's (a list in its own sentence is ``partlists``'):
    # "a total of 81 cases including 63 deaths" names a part of another kind, no item.
    for s2 in range(si, min(len(d.m.tokens), si + 1 + RUN_SENTENCES)):
        if s2 > si and _of_opener(d, s2):
            continue  # "Of those, 150 had also flooded": the parts of another figure, no items of the whole
        got = 0
        for p in range(len(d.m.tokens[s2]) if s2 == si else 0, len(d.m.tokens[s2])):
            if d.m.tokens[s2][p].fact < 0:
                continue
            if not out and s2 > si and _new_set(d, whole, s2, p, like):
                return out, False  # "won 18 of the council's 40 seats. The Greens won 11": that set's items
            if not (what := _reading(d, whole, s2, p, like)):
                passed = passed or (bool(out) and family(d.facts[d.m.tokens[s2][p].fact]) == like)
                continue
            if what == "end":
                if out:
                    return out, False
                continue  # ("a fleet of 90 vehicles" before the breakdown of "all 86 of its diesel buses")
            if told.contains(shown) and not _closing(d, s2, p):
                continue  # the items made the whole: only a rest told after them in the sentence
            out.append((s2, p))
            got += 1
            shown += d.facts[d.m.tokens[s2][p].fact].value or Decimal(0)
            if _closing(d, s2, p):
                return out, not passed  # "the remaining 6,420", "leaving £109m for everything else": the run is closed
        if out and told.contains(shown):
            return out, False
        if out and s2 > si:
            empty = 0 if got else empty + 1
            if empty >= EMPTY_SENTENCES:
                break
        elif s2 - si >= FIRST_REACH:
            break
    return out, False


def _items_before(d: _Doc, si: int, pos: int, like: str) -> list[tuple[int, int]]:
    """The items told before a whole that sums them up in a sentence of its own ("Hart won 4,100 votes ...
    the Greens 590. In all, 9,420 valid votes were cast"): read back from the whole's sentence, with the
    same tests as after it, up to a figure that ends the list, a sentence without one, or the point where
    they make the whole."""
    from numcheck.judges.arith import value_interval  # (judges import relations)

    whole = d.m.tokens[si][pos].fact
    if any(t.fact >= 0 and family(d.facts[t.fact]) == like for t in d.m.tokens[si][:pos]):
        return []  # a figure of the family before the whole in its sentence: which it sums is not told
    told = value_interval(d.facts[whole])
    out: list[tuple[int, int]] = []
    shown = Decimal(0)
    empty = 0
    for s2 in range(si - 1, max(-1, si - 1 - RUN_SENTENCES), -1):
        if _of_opener(d, s2):
            return []
        got: list[tuple[int, int]] = []
        for p in range(len(d.m.tokens[s2])):
            if d.m.tokens[s2][p].fact < 0 or not (what := _reading(d, whole, s2, p, like)):
                continue
            if what == "end":
                got = []  # the list begins after it
                continue
            got.append((s2, p))
        if not got:
            empty += 1
            if (out and empty >= EMPTY_SENTENCES) or (not out and empty >= FIRST_REACH):
                break
            continue  # "The count ended at 03:40 on Friday.": an aside between the items and their sum
        empty = 0
        out = got + out
        shown += sum((d.facts[d.m.tokens[a][b].fact].value or Decimal(0) for a, b in got), Decimal(0))
        if told.contains(shown) or shown > (d.facts[whole].value or Decimal(0)):
            break
    return out


def _run(d: _Doc, si: int, pos: int) -> Iterator[Relation]:
    whole = d.m.tokens[si][pos].fact
    like = family(d.facts[whole])
    items, exact = _items_after(d, si, pos, like)
    if len(items) < MIN_ITEMS:
        items, exact = _items_before(d, si, pos, like), False
    if len(items) < MIN_ITEMS:
        return
    facts = [d.m.tokens[s][p].fact for s, p in items]
    if not _whole_marked(d, si, pos):
        return
    if not _fits(d, whole, facts):
        return
    roles = (("total", whole),) + tuple(("item", fi) for fi in facts)
    labels = (("inclusive", "" if exact else "yes"), ("spread", "yes"), ("itemised", "yes"))
    yield Relation("breakdown", roles, (d.span(si, pos, pos + 1),), "document", labels)


def _fits(d: _Doc, whole: int, facts: Sequence[int]) -> bool:
    """The items may be the whole's: told apart from it (a list in the whole's own sentence is
    ``partlists``'), of its time, none a breakdown of another. What each counts is known by the noun
    written after it (``_other_noun``), not by its verb: "Eighteen will be scrapped. A further 15 are being
    sold" are two of "all 40 of its older jets"."""
    return _spans_sentences(d, (whole, *facts)) and _periods_agree(d, whole, facts) and not _nested(d, facts)


def _itemised_runs(d: _Doc) -> Iterator[Relation]:
    """Each whole with its items told one clause each in the sentences after it."""
    for si, pos, _fi, f in d.figures(_AMOUNTS):
        if not _single(f) or not _whole_marked(d, si, pos) or not _whole_level(d, si, pos):
            continue
        if _of_opener(d, si):
            continue  # "Of the 164 schools, 27 are outstanding and 122 good, a total of 149": itself a part
        yield from _run(d, si, pos)


def _whole_level(d: _Doc, si: int, pos: int) -> bool:
    """The marked figure is a level a run may split: no change's older end or size, no gap, no rate."""
    fi = d.m.tokens[si][pos].fact
    m = d.m.by_fact.get(fi)
    if m is not None and "each" in m.roles:
        return False
    return not (d.older_end(si, pos) or d.move_told(si, pos) or d.gap_told(si, pos) or is_average(d, fi))
