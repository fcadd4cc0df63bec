"""A whole told plainly and its parts told holder by holder over the sentences after it.

"Storms damaged 1,900 homes across the county. In Ashford 900 were flooded, Tenby lost 400 and Crewe
350." "The £36m scheme is paid for by three bodies. The agency will pay £20m. The council has committed
£9m, and businesses the remaining £7m." "The show drew 190,000 visits. Thursday brought 40,000 and Friday
60,000; Saturday's crowd was 50,000."

The structure, not the wording: a count or an amount told as a plain level (no "a total of": that whole is
``itemised``'s), then, in the sentences after its own, the levels of its family that each name a holder
of their own in their clause (a place, a body, a day, a kind: "In Ashford", "The council has", "and
Wales 96", "on Friday") and count what it counts (the noun after each is the whole's, one of its
equivalents, ``[heldparts] equivalents``, or none). Parts with different holders do not overlap: together
they are at most the whole; closed by a rest ("the remaining £7m", "the rest, 855,"), exactly it. The
run ends at a figure as large as the whole, a figure counting another thing, or a sentence without a part.
Not parts (passed over, and a rest then closes nothing exactly): a change's older level or size, a gap, a
rate, a figure of another year, a part of another set ("Of those, 150 ..."), a difference. A run whose
parts share a holder ("London lost 300 and London's suburbs 200") or whose part has no holder of its own
is not read. Each run yields a ``breakdown`` labelled ``spread`` and ``itemised`` (judged by ``sum``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal

from numcheck.relations.base import Relation, _Doc, family
from numcheck.relations.itemised import (
    _closing,
    _compound,
    _net_or_held,
    _of_opener,
    _other_whole,
    _other_year,
    _planned_apart,
    _threshold,
    _whole_level,
    _whole_marked,
)
from numcheck.relations.sumruns import (
    _level,
    _nested,
    _no_holding,
    _other_flow,
    _part_of_other,
    _periods_agree,
    _plural_after,
    _single,
    _superlative_words,
)
from numcheck.relations.superlatives import _placing
from numcheck.vocab import PhraseTable, _toml, singular

# Sentences from the first part's that the parts may be told in (a region's closures place by place, a
# scheme's funders one sentence each).
RUN_SENTENCES = 4
# Sentences after the whole's that its first part may wait for (the cause and a past flood told between).
FIRST_REACH = 3
# Fewest parts a run is read with: two figures after a whole are as often peers (two films' takings after
# a third's) as its parts, and two closed by a rest follow a part as often as their whole.
MIN_PARTS = 3
MIN_CLOSED = 3
# Sentences before a whole that a larger figure it is a part of may stand in.
PEER_BACK = 2
# How far past the whole an open run's parts may add up and still be its parts: one slipped figure
# ("840" for "540") moves a sum by a fraction of it; peers told after one of them (the biggest region's
# parcels, then the next three) add up to far more.
MAX_OVER = Decimal("1.3")
# Tokens after a part that a day or place holding it may stand ("grew to 67,000 on Friday").
AFTER_REACH = 4

_AMOUNTS = frozenset({"count", "number", "money"})


@functools.cache
def _data() -> dict[str, frozenset[str]]:
    data = _toml("vocab.toml")["heldparts"]
    return {k: frozenset(str(w) for w in v) for k, v in data.items() if isinstance(v, list) and k != "equivalents"}


@functools.cache
def _equivalents() -> dict[str, frozenset[str]]:
    """Nouns one whole is counted by ("homes" and "properties", "closures" and "shops")."""
    out: dict[str, frozenset[str]] = {}
    for group in _toml("vocab.toml")["heldparts"]["equivalents"]:
        words = frozenset(str(w) for w in group)
        for w in words:
            out[w] = out.get(w, frozenset()) | words
    return out


def _counts_alike(d: _Doc, whole: int, fi: int) -> bool:
    """The part counts what the whole counts: no noun of its own ("and Wales 96"), the whole's noun or
    concept, or an equivalent ("1,260 properties" ... "840 homes"; "84,000 visitors" ... "21,000 people")."""
    if d.facts[whole].kind == "money":
        return True
    a = _plural_after(d, whole) or d.m.frame(whole).concept
    b = _plural_after(d, fi) or (c if (c := d.m.frame(fi).concept) in d.v.concept_names else "")
    if not b or a == b or d.m.frame(fi).concept == d.m.frame(whole).concept:
        return True
    return b in _equivalents().get(a, frozenset())


def _holder(d: _Doc, si: int, pos: int) -> frozenset[str]:
    """The words naming whose part the figure is: a day or a place right after it ("grew to 67,000 on
    Friday and peaked at 62,000 on Saturday"), else the words before it in its clause since the figure
    before ("In Ledbury 310", "The council has committed £9m", "and Scotland 390"); no verbs, no function
    words, no figures."""
    words, toks = d.m.words[si], d.m.tokens[si]
    end = min(d.m.clause_end(si, pos), pos + 2 + AFTER_REACH)
    for j in range(pos + 1, end - 1):
        if toks[j].fact >= 0 or words[j] in (",", "and", "while", ";"):
            break  # the next item's label begins: "310 and in Upton Vale 270"
        if words[j] in ("on", "in", "at") and (day := _day(d, si, j + 1) or _named_at(d, si, j + 1)):
            return frozenset({day})
    stop = _data()["not_holders"]
    lo = d.m.clause_start(si, pos)
    k = d.hedge_start(si, pos)
    like = family(d.facts[toks[pos].fact])
    for j in range(k - 1, lo - 1, -1):
        if toks[j].fact >= 0 and family(d.facts[toks[j].fact]) == like:
            lo = j + 1  # the label of this figure starts after the one before ("62,000 on Saturday" after 67,000)
            break
    got = {
        words[j]
        for j in range(lo, k)
        if toks[j].fact < 0 and words[j].isalpha() and words[j] not in stop and not d.verb_like(words[j])
    }
    return frozenset(got | {_day(d, si, j) for j in range(lo, k)} - {""})  # "Friday's fun run drew 21,000"


def _day(d: _Doc, si: int, j: int) -> str:
    """The day or month the token at ``j`` tells, in lower case ("Friday", "December"), else ""."""
    fi = d.m.tokens[si][j].fact
    return d.facts[fi].text.lower() if fi >= 0 and d.facts[fi].kind in ("weekday", "date") else ""


def _named_at(d: _Doc, si: int, j: int) -> str:
    """The word at ``j`` when it is written with a capital: a place or a body ("in Leeds"), else ""."""
    tok = d.m.tokens[si][j]
    return d.m.words[si][j] if tok.fact < 0 and d.view.text[tok.start].isupper() else ""


def _of_whole(d: _Doc, whole: int, si: int, pos: int) -> bool:
    """The figure is told as a part of the whole named again right after it: "1,720 of them", "1,470 of the
    closures" (the whole's noun or an equivalent)."""
    words = d.m.words[si]
    if pos + 2 >= len(words) or words[pos + 1] != "of":
        return False
    if words[pos + 2] in ("them", "those", "these"):
        return True
    if words[pos + 2] not in ("the", "its", "their") or pos + 3 >= len(words):
        return False
    noun = singular(words[pos + 3])
    a = _plural_after(d, whole) or d.m.frame(whole).concept
    return noun == a or noun in _equivalents().get(a, frozenset())


def _after_of_whole(d: _Doc, whole: int, si: int, pos: int) -> bool:
    """A part of the whole named again ("1,840 of them") stands before the figure in its sentence."""
    return any(d.m.tokens[si][p].fact >= 0 and _of_whole(d, whole, si, p) for p in range(pos))


def _reading(d: _Doc, whole: int, si: int, pos: int, like: str) -> str:
    """What the figure at ``pos`` is to the run of ``whole``: "part", "end" (as large as the whole, or
    counting another thing) or "" (passed over: no level, another year, a part of another set)."""
    fi = d.m.tokens[si][pos].fact
    f = d.facts[fi]
    if not _single(f) or family(f) != like:
        return ""
    # (a move's size may be a part: "The North West lost 510 shops", a share of the closures told)
    level = _level(d, si, pos, like) or _level(d, si, pos, like, whole=True)
    if not level or _other_year(d, whole, fi) or _threshold(d, si, pos):
        return ""
    if _planned_apart(d, whole, fi) or _compound(d, si, pos):
        return ""
    if not _counts_alike(d, whole, fi) or (f.kind == "money" and _other_flow(d, whole, fi)):
        return "end"  # "Revenue was £318m. ... Wages were £204m": money going the other way
    if (f.value or Decimal(0)) >= (d.facts[whole].value or Decimal(0)):
        return "end"
    if _of_whole(d, whole, si, pos):
        return "part"  # "London accounted for 1,470 of the closures", "1,720 of them"
    m = d.m.by_fact.get(fi)
    if m is not None and "part" in m.roles and _after_of_whole(d, whole, si, pos):
        return "part"  # "accounted for 1,840 of them, Northfield for 860": the list the first part opens
    if m is not None and m.roles & {"part", "each"} or d.m.frame(fi).definite:
        return ""  # "The £2m mark was passed": a figure told as known, no part
    if _part_of_other(d, si, pos) or _no_holding(d, si, pos) or _other_whole(d, si, pos) or _net_or_held(d, si, pos):
        return ""
    return "part"


def _parts_after(d: _Doc, si: int, pos: int, like: str) -> tuple[list[tuple[int, int]], bool, bool]:
    """(sentence, position) of the whole's parts in the sentences after its own, whether a rest closes
    them with nothing of the family passed over, and whether every part names a holder of its own."""
    from numcheck.judges.arith import value_interval  # (judges import relations)

    whole = d.m.tokens[si][pos].fact
    told = value_interval(d.facts[whole])
    out: list[tuple[int, int]] = []
    passed = False
    sents = d.view.doc.sentences
    for s2 in range(si + 1, min(len(d.m.tokens), si + 1 + FIRST_REACH + RUN_SENTENCES)):
        if out and s2 - out[0][0] >= RUN_SENTENCES:
            break
        if out and sents[s2].paragraph != sents[out[0][0]].paragraph and not _days_on(d, out, s2):
            break  # another paragraph: another cut of the whole ("Fashion chains were hardest hit, with 412")
        if _of_opener(d, s2):
            break  # "Of those, 150 ...": the parts of another figure
        got = 0
        for p in range(len(d.m.tokens[s2])):
            if d.m.tokens[s2][p].fact < 0:
                continue
            what = _reading(d, whole, s2, p, like)
            if what == "end":
                if out:
                    return out, False, True
                g = d.facts[d.m.tokens[s2][p].fact]
                if g.value == d.facts[whole].value:
                    continue  # the headline's whole told again in the lead ("recruits 420" ... "recruited 420")
                if (g.value or Decimal(0)) >= (d.facts[whole].value or Decimal(0)) and not _aside_paragraph(
                    d, si, s2, p, like
                ):
                    return [], False, True  # "450,000 residents ... issued 612,000 notices ... 231,000 of them"
                continue  # ("Damage was later estimated at £42m" ending a paragraph on the last flood)
            if not what:
                passed = passed or (bool(out) and family(d.facts[d.m.tokens[s2][p].fact]) == like)
                continue
            out.append((s2, p))
            got += 1
            if _closing(d, s2, p):
                return out, not passed, True
        if not got and (out or s2 - si >= FIRST_REACH):
            break
        if out and told.contains(sum((d.facts[d.m.tokens[a][b].fact].value or Decimal(0) for a, b in out), Decimal(0))):
            break  # the parts made the whole: "A legacy added £0.4m" after them is more than it
    return out, False, True


def _aside_paragraph(d: _Doc, si: int, s2: int, p: int, like: str) -> bool:
    """The larger figure at ``p`` of sentence ``s2`` stands in a paragraph of its own between the whole's
    and the parts', with no figure of the family after it there: an aside ("In February 2020 the river
    flooded 610 properties. Damage was later estimated at £42m."), not a whole whose parts follow it
    ("issued 612,000 notices. Riverside issued 231,000 of them")."""
    sents = d.view.doc.sentences
    para = sents[s2].paragraph
    if para == sents[si].paragraph:
        return False
    for s3 in range(s2, len(d.m.tokens)):
        if sents[s3].paragraph != para:
            return True
        for k in range(p + 1 if s3 == s2 else 0, len(d.m.tokens[s3])):
            g = d.m.tokens[s3][k].fact
            if g >= 0 and family(d.facts[g]) == like:
                return False
    return True


def _days_on(d: _Doc, out: list[tuple[int, int]], s2: int) -> bool:
    """The parts so far are held by days and sentence ``s2`` goes on with another day, a run of days that
    may cross a paragraph ("... peaked at 62,000 on Saturday. // A crowd of 52,000 turned out on Sunday")."""
    return all(any(_day(d, s, j) for j in range(len(d.m.tokens[s]))) for s, _ in out) and any(
        _day(d, s2, j) for j in range(len(d.m.tokens[s2]))
    )


def _held_apart(d: _Doc, parts: list[tuple[int, int]]) -> bool:
    """Each part names a holder of its own, none the same as another's ("In Ledbury 310 ... Upton 270")."""
    seen: list[frozenset[str]] = []
    for s, p in parts:
        h = _holder(d, s, p)
        if not h or any(h <= o or o <= h for o in seen):
            return False
        seen.append(h)
    return True


def _nearer_whole(d: _Doc, si: int, pos: int, parts: list[tuple[int, int]]) -> bool:
    """A figure of the family between the whole and its first part, smaller than the whole and larger than
    every part, may be the parts' own whole: "fell to 1,610. The court dealt with 1,180 cases ...
    Motoring offences made up 720 of them"."""
    whole = d.m.tokens[si][pos].fact
    like, top = family(d.facts[whole]), d.facts[whole].value or Decimal(0)
    floor = max(d.facts[d.m.tokens[s][p].fact].value or Decimal(0) for s, p in parts)
    first = parts[0]
    for s2 in range(si, first[0] + 1):
        for p in range(pos + 1 if s2 == si else 0, first[1] if s2 == first[0] else len(d.m.tokens[s2])):
            g = d.m.tokens[s2][p].fact
            if g < 0 or not _single(d.facts[g]) or family(d.facts[g]) != like:
                continue
            if _known(d, s2, p):
                continue  # "passing its £2m target", "The £2m mark was passed": a line, no whole
            if floor < (d.facts[g].value or Decimal(0)) < top and _level(d, s2, p, like):
                return True
    return False


def _ranked(d: _Doc, si: int, pos: int) -> bool:
    """The whole's sentence ranks its holder among peers, one of them rather than their whole: "EasyJet
    remained the biggest airline at the airport, carrying 3.1 million passengers"."""
    return any(w in _superlative_words() for w in d.m.words[si][: d.hedge_start(si, pos)])


def _times_agree(d: _Doc, whole: int, facts: list[int]) -> bool:
    """The parts are told of the whole's time and mood: not "Last year 45,000 votes were cast. This year
    A took 26,900 ...", nor "plans to open 30 stores. It opened 12 in Spain"."""
    if not _periods_agree(d, whole, facts):
        return False
    fw = d.m.frame(whole)
    for fi in facts:
        ff = d.m.frame(fi)
        if fw.period and ff.period and fw.period != ff.period:
            return False  # "-1 year" and "0 year": last year's whole, this year's parts
        if fw.period == "past" and ff.period != "past":
            return False
        if plan_against_result(d, whole, fi):
            return False
    return True


def plan_against_result(d: _Doc, whole: int, fi: int) -> bool:
    """The whole is a plan or forecast and the part a result told as done: "plans to open 30 stores. It
    opened 12 in Spain" (but not a part promised or raised for it: "has pledged £2m")."""
    return d.m.frame(whole).mood == "forecast" and d.m.frame(fi).mood != "forecast" and not _committed(d, fi)


def _committed(d: _Doc, fi: int) -> bool:
    """The part is told as promised to the whole ("The league has pledged £2m"): a word of
    ``[heldparts] committed`` before it in its clause."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si][d.m.clause_start(si, pos) : pos]
    table = _committed_words()
    return any(table.starting_at(words, k) for k in table.starts_in(words))


@functools.cache
def _committed_words() -> PhraseTable:
    return PhraseTable.build((p, "committed") for p in _data()["committed"])


def _summed_within(d: _Doc, facts: list[int]) -> bool:
    """A part is the sum of the parts told after it, their own whole: "meant to deliver £22m. So far, £14.5m
    has been found, leaving £7.5m"."""
    values = [d.facts[fi].value or Decimal(0) for fi in facts]
    return any(values[i] == sum(values[i + 1 :], Decimal(0)) for i in range(len(values) - 1))


def _run(d: _Doc, si: int, pos: int) -> Iterator[Relation]:
    whole = d.m.tokens[si][pos].fact
    like = family(d.facts[whole])
    parts, exact, _ = _parts_after(d, si, pos, like)
    if len(parts) < (MIN_CLOSED if exact else MIN_PARTS) or not _held_apart(d, parts):
        return
    facts = [d.m.tokens[s][p].fact for s, p in parts]
    if not _times_agree(d, whole, facts) or _nested(d, facts) or _summed_within(d, facts):
        return  # "was meant to deliver £22m. So far, £14.5m has been found, leaving £7.5m": a part and its own
    if any(_of_whole(d, whole, s, p) for s, p in parts[1:]):
        return  # "The court heard 1,300 cases. ... made up 800 of them": "them" are the part before, not the whole
    if _nearer_whole(d, si, pos, parts) or _peers_moved(d, si, pos, parts):
        return
    if any(_placing(d, s, p)[0] > 1 for s, p in parts):
        return  # "won with 2,310 votes. The Lib Dems came second with 1,870, ahead of ...": rivals, not parts
    total = sum((d.facts[fi].value or Decimal(0) for fi in facts), Decimal(0))
    value = d.facts[whole].value or Decimal(0)
    if not exact and (total <= value or total > value * MAX_OVER):
        return  # some of the whole, as told; or far past it, a list of peers ("The North West received the most")
    roles = (("total", whole),) + tuple(("item", fi) for fi in facts)
    labels = (("inclusive", "" if exact else "yes"), ("spread", "yes"), ("itemised", "yes"))
    yield Relation("breakdown", roles, (d.span(si, pos, pos + 1),), "document", labels)


def _known(d: _Doc, si: int, pos: int) -> bool:
    """The figure is told as already known, a line or a target rather than an amount of the run: "its £2m
    target", "The £2m mark"."""
    k = d.hedge_start(si, pos)
    return k > 0 and d.m.words[si][k - 1] in ("its", "their", "the") or d.m.frame(d.m.tokens[si][pos].fact).definite


def _listed_with_peers(d: _Doc, si: int, pos: int) -> bool:
    """The figure is one of a list of peers in its own sentence, which of them the parts split is not told:
    "The North West lost 510 shops and Scotland 390", "built 5,000 cars in March and 6,200 cars in April"
    (another level in the sentence counting the same thing, not one told as known)."""
    fi = d.m.tokens[si][pos].fact
    like = family(d.facts[fi])
    for p in range(len(d.m.tokens[si])):
        g = d.m.tokens[si][p].fact
        if p == pos or g < 0 or not _single(d.facts[g]) or family(d.facts[g]) != like:
            continue
        if _known(d, si, p):
            continue  # "passing its £2m target": a figure told as known, no peer
        if _net_or_held(d, si, p):
            continue  # "lost a net 1,213 shops, as 2,318 closures outstripped 1,105 openings": a difference
        if _level(d, si, p, like) and _counts_alike(d, fi, g):
            return True
    return False


def _larger_before(d: _Doc, si: int, pos: int) -> bool:
    """A larger level of the family counting the same thing is told in the sentences just before (the
    headline aside): the figure is one of its parts, a peer of the rest ("lifted sales to $412m. Europe
    took $150m. The Americas took $121m, ... and Africa the remaining $53m")."""
    fi = d.m.tokens[si][pos].fact
    like, value = family(d.facts[fi]), d.facts[fi].value or Decimal(0)
    sents = d.view.doc.sentences
    for s in range(max(0, si - PEER_BACK), si + 1):
        if sents[s].paragraph == sents[0].paragraph:
            continue  # the headline tells the story's figures again
        for p in range(pos if s == si else len(d.m.tokens[s])):
            g = d.m.tokens[s][p].fact
            if g < 0 or not _single(d.facts[g]) or family(d.facts[g]) != like:
                continue
            if (d.facts[g].value or Decimal(0)) > value and _level(d, s, p, like) and _counts_alike(d, g, fi):
                return True
    return False


def _moved(d: _Doc, si: int, pos: int) -> bool:
    """The figure is a level a move reached, its older end told after it in its clause: "falling to 38
    seats from 47", "rose to 24 from 19"."""
    like = family(d.facts[d.m.tokens[si][pos].fact])
    for j in range(pos + 1, d.m.clause_end(si, pos)):
        g = d.m.tokens[si][j].fact
        if g >= 0 and family(d.facts[g]) == like:
            return d.older_end(si, j)
    return False


def _peers_moved(d: _Doc, si: int, pos: int, parts: list[tuple[int, int]]) -> bool:
    """The whole and a part are both levels a move reached, peers told alike rather than a whole and its
    parts: "the National Alliance falling to 38 seats from 47. The Greens rose to 24 from 19"."""
    return _moved(d, si, pos) and any(_moved(d, s, p) for s, p in parts)


def _not_a_whole(d: _Doc, si: int, pos: int) -> bool:
    """The figure is a move's size ("Labour gained 12 seats"), a difference ("lost a net 1,213 shops") or
    told as a share of something larger in its clause ("More than a third of the parcels – 1,094,000 –"):
    no whole a run of holders' parts is told of."""
    fi = d.m.tokens[si][pos].fact
    if d.move_size(fi) and d.facts[fi].kind != "money" or _net_or_held(d, si, pos):  # (money "raised" is collected)
        return True
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    return any((g := d.m.tokens[si][j].fact) >= 0 and d.facts[g].kind == "share" for j in range(lo, hi))


def _held_runs(d: _Doc) -> Iterator[Relation]:
    """Each plainly told whole with its parts told holder by holder in the sentences after it."""
    for si, pos, fi, f in d.figures(_AMOUNTS):
        if not _single(f) or _whole_marked(d, si, pos) or not _whole_level(d, si, pos):
            continue
        if _of_opener(d, si) or d.m.frame(fi).definite or not _level(d, si, pos, family(f), whole=True):
            continue
        m = d.m.by_fact.get(fi)
        if m is not None and m.roles & {"part", "remainder", "another"}:
            continue
        if _listed_with_peers(d, si, pos) or _ranked(d, si, pos) or _not_a_whole(d, si, pos):
            continue
        if _larger_before(d, si, pos):
            continue
        yield from _run(d, si, pos)
