"""Splits: a total told once and its parts told apart from it, in the sentences after it or as equal
instalments.

- a total and its parts by place over the next sentences ("about 9,600 jobs will go. Some 4,000 in A
  would go. Another 1,900 in B, 2,100 in C and 1,500 in D");
- a deal's value and how it is paid, told right after it ("its $12bn takeover. It will pay with $10bn
  of shares as well as a $2bn special dividend");
- a group split by what follows each part ("31 new seats ... the 17 seats where ... and the 14 where");
- equal instalments against the total they make ("the £5.4bn loan in £1.8bn instalments in 2014, 2015
  and 2016", "in three equal instalments of $250m").

Each yields a ``breakdown`` (judged by ``sum``), label ``inclusive`` when a word leaves the parts open
("include", "the rest", "the biggest"): then the parts may be fewer than the total, not more. Every
builder walks each sentence's tokens once and looks a fixed number of sentences back.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from decimal import Decimal

from numcheck.dates import MONTHS, WEEKDAYS
from numcheck.mentions import CLAUSE_END
from numcheck.model import Fact, Span
from numcheck.relations.base import (
    _NP_STOP,
    COUNTABLE,
    FRAME_KINDS,
    SHARES,
    Relation,
    _Doc,
    _lead_sentences,
    family,
    whole_floors,
)
from numcheck.relations.breakdowns import _items_from
from numcheck.relations.heldparts import plan_against_result
from numcheck.relations.lists import opener_concept
from numcheck.relations.referents import words as referent_words
from numcheck.vocab import PhraseTable, _toml

# Words between a part and its place ("900 jobs will go at the Hull depot").
PLACE_GAP = 4
# Sentences back from a list given category by category that its total may stand (a lead, then a
# sentence on what the cuts cost, then the list).
RESPECTIVE_BACK = 3
# Words between two listed parts ("4,000 in A would go. Another 1,900 in B, 2,100 in C and 1,500 in D").
ITEM_GAP = 8
# Fewest parts by place that make a list: two places may be the two named of many.
PLACES_MIN = 3
# Tokens before the figure that opens a sentence ("A further 95 in Wales", "But another 1,900").
OPENING = 3
# Sentences back from a group split by relative clauses that the group's count may stand.
GROUP_BACK = 6
# Words from a payment cue to its first part ("It will pay with $10bn"), and between two parts.
PAYMENT_REACH = 4
PAYMENT_GAP = 6
# Sentences back from "the deal will be financed with ..." that the deal's value may stand.
DEAL_BACK = 5
# Words before an amount that a verb of paying may stand ("agreed to pay its partner €2.4bn").
PAID_REACH = 3
# Words from an amount to the cue of the next stage ("$510m in the July-to-September quarter, on top of").
STAGE_GAP = 8
# Sentences back from two stages that the amount they make may stand (besides the lead).
STAGES_BACK = 2
# Least value of a figure without a currency read as the next stage of an amount ("another 800m").
BARE_AMOUNT = 1000
# Words between an instalment's amount and its noun or years ("£1.8bn annual instalments in 2014").
INSTALMENT_REACH = 3
# Most instalments read from a count word: "in three equal instalments" (a larger count is a rate).
INSTALMENTS_MAX = 12
# Sentences back from the first "in N cases" that the count they split may stand: the count, a sentence or
# three on something else ("Most were settled quickly."), then the cases; a nearer count stops it.
CASES_BACK = 4
# Sentences after the first "in N cases" that the run of categories may go on (one category a sentence).
CASES_AHEAD = 2
# Sentences after a group's total that its brands' or divisions' figures may run (one or two a sentence,
# or a sentence on something else between two of them).
UNITS_AHEAD = 4
# Kinds of figure a group's total and its units' parts may be.
_UNIT_KINDS = frozenset({"count", "number", "money", "measure"})
# Words before a figure that make it an end of a change or a comparison, not a unit's level.
_CHANGE_ENDS = frozenset({"from", "than", "on", "against", "with"})

# Words a part told after "Another N" may carry before the next, when the sentence before told the first
# part "of" its whole: "Another 41 died in the neighbouring province of Tessa, and 26 elsewhere".
PAIR_ITEM_GAP = 12
# Words between "of" and a whole that its part is told of: "74 of the 131 dead", "38 of its 66 stores".
_OF_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our"})

_NOT_PLACES = frozenset(m.lower() for m in MONTHS) | frozenset(w.lower() for w in WEEKDAYS)


@functools.cache
def _tables() -> dict[str, PhraseTable]:
    data = _toml("vocab.toml")["sums"]
    return {key: PhraseTable.build((p, key) for p in phrases) for key, phrases in data.items()}


def _find(table: str, words: Sequence[str], start: int, end: int) -> int:
    """The first position in ``words[start:end]`` where a phrase of ``table`` starts, else -1."""
    t = _tables()[table]
    for k in t.starts_in(words, start, end):
        if t.starting_at(words, k):
            return k
    return -1


def _single(d: _Doc, fi: int) -> bool:
    f = d.facts[fi]
    return f.kind in COUNTABLE and not f.is_range and f.value is not None


# --- a total and its parts by place over the next sentences -------------------------------------------


def _placed(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is given to a place: "5,000 posts in Germany", "700 will go at Leeds"."""
    words, toks = d.m.words[si], d.m.tokens[si]
    text = d.view.text
    places = _tables()["place_words"]
    for j in range(pos + 1, min(len(words), pos + 2 + PLACE_GAP)):
        if toks[j].fact >= 0 or words[j] in CLAUSE_END or words[j] == ",":
            return False
        hit = places.starting_at(words, j)
        if hit:
            k = hit[1] + (1 if hit[1] < len(words) and words[hit[1]] == "the" else 0)
            return k < len(words) and toks[k].fact < 0 and text[toks[k].start].isupper() and words[k] not in _NOT_PLACES
    return False


def _placed_items(d: _Doc, si: int) -> list[int]:
    """The figures of sentence ``si`` given to places, listed close together, of the first one's family."""
    out: list[int] = []
    last = -1
    for pos, tok in enumerate(d.m.tokens[si]):
        fi = tok.fact
        if fi < 0 or not _single(d, fi) or d.facts[fi].kind == "percent":
            continue
        if not _placed(d, si, pos):
            continue
        if out and (family(d.facts[fi]) != family(d.facts[out[0]]) or pos - last > ITEM_GAP + PLACE_GAP):
            break
        out.append(fi)
        last = pos
    return out


def _concepts(d: _Doc, items: Sequence[int]) -> set[str]:
    """What the listed parts name they count (a bare "1,900 in B" names nothing)."""
    out: set[str] = set()
    for fi in items:
        m = d.m.by_fact.get(fi)
        words = d.m.words[m.sentence] if m else ()
        head = m.noun.split()[0] if m and m.noun else ""
        if m and m.concept and head not in _NP_STOP and m.position + 1 < len(words) and head == words[m.position + 1]:
            out.add(m.concept)  # the noun written right after the part, not the subject read from its clause
    return out


def _total_for(d: _Doc, si: int, items: Sequence[int]) -> int:
    """The total of parts that start in sentence ``si``: the figure of the sentence before of their family
    that counts what they count (the only one of the family there when the parts name nothing)."""
    if si == 0:
        return -1
    concepts = _concepts(d, items)
    named = opener_concept(d, si, d.pos_of(items[0])[1])
    if named:
        concepts.add(named)  # "Of the schools hit, 20 are in A, ...": the opener says what the parts count
    if len(concepts) > 1:
        return -1
    like = family(d.facts[items[0]])
    found = [
        tok.fact
        for tok in d.m.tokens[si - 1]
        if tok.fact >= 0 and _single(d, tok.fact) and family(d.facts[tok.fact]) == like
    ]
    if concepts:
        (concept,) = concepts
        found = [fi for fi in found if (m := d.m.by_fact.get(fi)) is not None and m.concept == concept]
    if len(found) != 1:
        return -1
    ti = found[0]
    m = d.m.by_fact.get(ti)
    if m is not None and m.roles & {"part", "another", "each", "remainder"}:
        return -1
    if _share_of_beside(d, ti):
        return -1  # "raised £19.4m, roughly 40% of the final total": a part of another whole, no total
    return ti


def _told_apart(d: _Doc, fi: int) -> bool:
    """The figure is told of one place or holder of its own ("Some 2,100 work in Britain", "North America
    accounts for 9.6 million"): a sibling of the places listed after it, not their whole."""
    f = d.m.frame(fi)
    return f.scope not in ("", "whole") or (bool(f.holder) and not f.scope and f.part != "whole")


def _whole_before_sibling(d: _Doc, sibling: int) -> int:
    """The whole of a first part told in its own sentence and the places listed after it: the one figure
    of their family in the sentence before that part's, of no place or of the whole scope ("worldwide",
    "in total"), above the part, else -1 (then the part itself stays the whole: "about 9,600 jobs would
    go across Europe" is told of a place too)."""
    si = d.pos_of(sibling)[0]
    like = family(d.facts[sibling])
    concept = d.m.frame(sibling).concept
    found = []
    if si > 0:
        for tok in d.m.tokens[si - 1]:
            fi = tok.fact
            if fi < 0 or not _single(d, fi) or family(d.facts[fi]) != like:
                continue
            f = d.m.frame(fi)
            # A whole told "worldwide" or "in total" needs no noun in common ("Some 2,100 work in Britain").
            if f.scope not in ("", "whole") or (f.scope != "whole" and concept and f.concept and f.concept != concept):
                continue
            found.append(fi)
    if len(found) == 1 and (d.facts[found[0]].value or 0) > (d.facts[sibling].value or 0):
        m = d.m.by_fact.get(found[0])
        if m is None or not m.roles & {"part", "another", "each", "remainder"}:
            return found[0]
    return -1


# Tokens after a figure where a share "of" a whole set beside it may start (", roughly 40% of the total").
SHARE_BESIDE = 4


def _share_of_beside(d: _Doc, fi: int) -> bool:
    """A share "of" some whole is set right after the figure: the figure is that whole's part."""
    si, pos = d.pos_of(fi)
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(pos + 1, min(len(words) - 1, pos + 1 + SHARE_BESIDE)):
        if words[k] in CLAUSE_END:
            return False
        sf = toks[k].fact
        if sf >= 0:
            return d.facts[sf].kind in ("percent", "share") and words[k + 1] == "of"
    return False


def _open(d: _Doc, sentences: Sequence[int]) -> bool:
    """A word in these sentences leaves a list open: "They include ...", "the biggest cuts", "the rest"."""
    return any(_find("open", d.m.words[s], 0, len(d.m.words[s])) >= 0 for s in sentences)


def _first_figure(d: _Doc, si: int) -> tuple[int, int]:
    """(position, fact) of the first countable figure of sentence ``si`` if it opens the sentence
    ("Another 700 will go", "A further 95 in Wales"), else (-1, -1)."""
    for pos, tok in enumerate(d.m.tokens[si]):
        if tok.fact >= 0 and d.facts[tok.fact].kind not in FRAME_KINDS:
            if pos <= OPENING and _single(d, tok.fact):
                return pos, tok.fact
            break
    return -1, -1


def _only_figure(d: _Doc, si: int, like: str) -> int:
    """The one figure of family ``like`` in sentence ``si`` (dates and years aside), else -1."""
    found = [t.fact for t in d.m.tokens[si] if t.fact >= 0 and _single(d, t.fact) and family(d.facts[t.fact]) == like]
    return found[0] if len(found) == 1 else -1


def _runs(d: _Doc) -> Iterator[tuple[list[int], list[int], bool, int]]:
    """(sentences, parts, some, whole) of each list of parts: three or more given to places in one sentence, a part
    told alone and, in the next sentence, "Another N ..., M ... and K ..." (the parts after it), or two or
    more given to places and, in the next sentence, "A further N ..." (``some``: places named one by one
    may be only some of the total's). ``whole`` is the whole the first part is told of ("74 of the 131 dead
    were in A. Another 41 died in B, and 26 elsewhere"), else -1: the total is looked for before."""
    for si in range(len(d.m.tokens)):
        pos, fi = _first_figure(d, si)
        m = d.m.by_fact.get(fi) if fi >= 0 else None
        if m is None or "another" not in m.roles or si == 0:
            placed = _placed_items(d, si)
            if len(placed) >= PLACES_MIN:
                yield [si], placed, False, -1
            continue
        items = _items_from(d, si, pos, d.facts[fi])
        first = _only_figure(d, si - 1, family(d.facts[fi]))
        if len(items) >= 2 and first >= 0:
            yield [si - 1, si], [first] + items, False, -1
            continue
        pair = _part_of_whole(d, si - 1, family(d.facts[fi]))
        if pair is not None:
            # "Another 48 died in the neighbouring province of A, and 27 elsewhere": each place may take a
            # few more words
            items = _items_from(d, si, pos, d.facts[fi], item_gap=PAIR_ITEM_GAP)
            if _same_set(d, pair[1], items):
                yield [si - 1, si], [pair[0]] + items, True, pair[1]  # the places told may be only some
            continue
        # "21 died in A and 14 in B. A further 19 deaths were recorded in C.": a list, then "another N".
        listed = _listed_before(d, si - 1, d.facts[fi])
        if len(listed) >= 2 and _further_place(d, si, pos, listed):
            yield [si - 1, si], listed + items, True, -1  # places named one by one may be only some


def _same_set(d: _Doc, whole: int, items: Sequence[int]) -> bool:
    """The parts told after "Another N" count the set an event's one count names ("the 131 dead",
    ``[referents] definite_sets``): the first says so ("Another 41 died"), none counts another thing the
    vocabulary knows ("Another 40 were injured") or is told of another time or mood ("will open next year")."""
    wf = d.m.frame(whole)
    if not items or wf.concept not in referent_words().definite_sets:
        return False
    known = d.v.concept_names
    for n, fi in enumerate(items):
        f = d.m.frame(fi)
        if f.period != wf.period or f.mood != wf.mood:
            return False
        if f.concept != wf.concept and (n == 0 or f.concept in known):
            return False
    return True


def _part_of_whole(d: _Doc, si: int, like: str) -> tuple[int, int] | None:
    """(part, whole) when the figures of family ``like`` in sentence ``si`` are just a part and the whole
    it is told "of" ("74 of the 131 dead were in A", "38 of its 66 stores are in B"), else None."""
    figs = [(p, t.fact) for p, t in enumerate(d.m.tokens[si]) if t.fact >= 0 and _single(d, t.fact)]
    figs = [(p, fi) for p, fi in figs if family(d.facts[fi]) == like]
    if len(figs) != 2:
        return None
    (p1, part), (p2, whole) = figs
    words = d.m.words[si]
    between = words[p1 + 1 : p2]
    if (
        not between
        or between[0] != "of"
        or len(between) > 2
        or (len(between) == 2 and between[1] not in _OF_DETERMINERS)
    ):
        return None
    if (d.facts[part].value or 0) >= (d.facts[whole].value or 0):
        return None
    if not any(w in _tables()["place_words"].by_first for w in words[p2 + 1 : d.m.clause_end(si, p2)]):
        return None  # "40 of the 90 dead were children": a kind, not a place the next parts go on from
    return part, whole


def _further_place(d: _Doc, si: int, pos: int, listed: Sequence[int]) -> bool:
    """ "A further N" at ``pos`` goes on the list of places before it: it is given to a place too, told of
    the list's time, by the same holder (no rival's, "Rivals will shut ..."), and not as what a holder has
    ("It employs another 2,000 in Hull")."""
    words = d.m.words[si]
    prev = d.m.words[si - 1]
    if not _placed(d, si, pos) or any(
        _find(t, w, 0, len(w)) >= 0 for t in ("other_holders", "has_words") for w in (words, prev)
    ):
        return False
    told = {d.m.frame(fi).period for fi in listed} | {d.m.frame(d.m.tokens[si][pos].fact).period}
    return len(told - {""}) <= 1


def _listed_before(d: _Doc, si: int, like: Fact) -> list[int]:
    """The figures of ``like``'s family in sentence ``si`` when they are all one list of two or more given
    to places ("21 died in Ohio and 14 in Indiana"), else []."""
    figs = [
        t.fact for t in d.m.tokens[si] if t.fact >= 0 and _single(d, t.fact) and family(d.facts[t.fact]) == family(like)
    ]
    placed = _placed_items(d, si)
    return placed if len(placed) >= 2 and placed == figs else []


def _placed_parts(d: _Doc) -> Iterator[Relation]:
    for sents, items, some, whole in _runs(d):
        ti = whole if whole >= 0 else _total_for(d, sents[0], items)
        if ti >= 0 and whole < 0 and _told_apart(d, ti):
            # "The club has 23 million members worldwide. North America accounts for 9.6 million. There
            # were 8.9 million in Europe, ...": the figure before is the first place's part, and the whole
            # is the one told before it.
            before = _whole_before_sibling(d, ti)
            if before >= 0:
                ti, items = before, [ti, *items]
        if ti < 0 or all(plan_against_result(d, ti, i) for i in items):
            continue  # "plans to open 30 stores next year. It opened 12 in Spain, 11 in Portugal and 9 in France"
        after = [sents[-1] + 1] if sents[-1] + 1 < len(d.m.tokens) else []
        inclusive = some or _open(d, sents + after)
        roles = (("total", ti),) + tuple(("item", i) for i in items)
        yield Relation("breakdown", roles, (), "document", (("inclusive", "yes" if inclusive else ""),))


# --- a list given category by category ("respectively") and the total told before it --------------------


def _respective_parts(d: _Doc) -> Iterator[Relation]:
    """ "The carrier will cut 1,500 jobs. About 600 posts will go in sales, while 700 and 400 will go in
    engineering and support respectively.": a sentence that gives its counts category by category
    ("respectively", "in that order") lists parts; every count of the list's family in it is one, and
    their whole is the count of what they count told before (up to ``RESPECTIVE_BACK`` sentences, the
    nearest with a count of that concept, only one there). The categories may be only some: inclusive.
    Years told with the parts ("in 2003 and 2004") make a comparison, and rivals' counts are not parts."""
    for si, words in enumerate(d.m.words):
        if _find("respective", words, 0, len(words)) < 0 or _find("other_holders", words, 0, len(words)) >= 0:
            continue
        toks = d.m.tokens[si]
        figs = [t.fact for t in toks if t.fact >= 0]
        if any(d.facts[i].kind in ("year", "date", "decade") for i in figs):
            continue
        items = [i for i in figs if d.facts[i].kind in ("count", "number") and _single(d, i)]
        if len(items) < 2 or any(family(d.facts[i]) != family(d.facts[items[0]]) for i in items):
            continue
        concepts = {c for i in items if (c := d.m.frame(i).concept) and c not in d.v.generic}
        if len(concepts) != 1:
            continue
        (concept,) = concepts
        ti = _counted_before(d, si, concept, family(d.facts[items[0]]))
        # One part may pass the whole by a slip; a "whole" below two of them is another count.
        if ti < 0 or (d.facts[ti].value or 0) <= whole_floors(d.facts[i].value for i in items)[1]:
            continue
        roles = (("total", ti),) + tuple(("item", i) for i in items)
        yield Relation("breakdown", roles, (), "document", (("inclusive", "yes"),))


def _counted_before(d: _Doc, si: int, concept: str, like: str) -> int:
    """The one count of ``concept`` in the nearest of the ``RESPECTIVE_BACK`` sentences before ``si`` that
    has one, not itself a part, a rest or one more; else -1."""
    for s2 in range(si - 1, max(-1, si - RESPECTIVE_BACK - 1), -1):
        found = [
            t.fact
            for t in d.m.tokens[s2]
            if t.fact >= 0
            and _single(d, t.fact)
            and family(d.facts[t.fact]) == like
            and d.m.frame(t.fact).concept == concept
        ]
        if not found:
            continue
        if len(found) != 1:
            return -1
        m = d.m.by_fact.get(found[0])
        if m is not None and m.roles & {"part", "another", "each", "remainder"}:
            return -1
        return found[0]
    return -1


# --- a deal's value and how it is paid ------------------------------------------------------------------


def _deal_value(d: _Doc, si: int, pos: int) -> bool:
    """A money figure that is a deal's value: "its $12bn takeover", "the £4.2bn deal", "a bid of €900m"."""
    words, toks = d.m.words[si], d.m.tokens[si]
    deals = _tables()["deal_nouns"]
    start = pos + 1
    if start + 2 < len(words) and words[start] == "(" and toks[start + 1].fact >= 0 and words[start + 2] == ")":
        start += 3  # "its $12bn (£6.4bn) takeover": past the conversion
    for j in range(start, min(len(words), start + 2)):
        if toks[j].fact >= 0 or words[j] in CLAUSE_END:
            break
        if deals.starting_at(words, j):
            return True
    k = pos - 1
    if k >= 1 and words[k] == "of" and deals.ending_at(words, k):
        return True
    return False


def _payment_parts(d: _Doc, si: int, cue: int) -> list[int] | None:
    """The parts listed after the payment cue at ``cue`` ("financed with $10bn of shares as well as a $2bn
    dividend"), of the first one's family; None when one is a price per share or for something else."""
    words, toks = d.m.words[si], d.m.tokens[si]
    hit = _tables()["payment"].starting_at(words, cue)
    if hit is None:
        return []
    j = hit[1]
    items: list[int] = []
    gap = 0
    limit = PAYMENT_REACH
    while j < len(words) and words[j] not in CLAUSE_END:
        fi = toks[j].fact
        if fi >= 0:
            f = d.facts[fi]
            if f.kind in FRAME_KINDS:
                j += 1
                continue
            if f.kind != "money" or not _single(d, fi) or (items and family(f) != family(d.facts[items[0]])):
                break
            m = d.m.by_fact.get(fi)
            if m is not None and "each" in m.roles:
                return None  # "$15 a share": a price per share, not a part of the deal
            if j + 1 < len(words) and words[j + 1] == "for":
                return None  # "$10bn for Alpha": what was paid for something else
            items.append(fi)
            gap = 0
            limit = PAYMENT_GAP
        else:
            gap += 1
            if gap > limit:
                break
        j += 1
    return items


def _deal_before(d: _Doc, si: int, end: int, like: str, back: int) -> int:
    """The nearest deal value of family ``like`` before token ``end`` of sentence ``si``, up to ``back``
    sentences back."""
    for s2, k, fi in d.m.figures_before(si, end, back):
        if d.facts[fi].kind == "money" and family(d.facts[fi]) == like and _deal_value(d, s2, k):
            return fi
    return -1


def _payments(d: _Doc) -> Iterator[Relation]:
    pay = _tables()["payment"]
    for si, words in enumerate(d.m.words):
        for cue in pay.starts_in(words):
            if not pay.starting_at(words, cue):
                continue
            items = _payment_parts(d, si, cue)
            if items is None or len(items) < 2:
                continue
            like = family(d.facts[items[0]])
            ti = _deal_before(d, si, cue, like, 0)
            evidence = "sentence"
            if ti < 0:
                # "The deal will be financed with ...": the deal named before the cue is the one told last;
                # "It will pay ...": the one of the sentence before.
                named = _find("deal_nouns", words, d.m.clause_start(si, cue), cue) >= 0
                ti = _deal_before(d, si - 1, len(d.m.tokens[si - 1]), like, DEAL_BACK if named else 0) if si else -1
                evidence = "document"
            if ti >= 0:
                inclusive = _open(d, [si])
                cues = (d.span(si, cue, cue + 1),)
                roles = (("total", ti),) + tuple(("item", i) for i in items)
                yield Relation("breakdown", roles, cues, evidence, (("inclusive", "yes" if inclusive else ""),))
            break


# --- an amount paid in stages --------------------------------------------------------------------------


# Tokens after a whole to be shared out that its noun may stand: "a £14.5m roads improvement package".
ALLOCATED_REACH = 3
# Tokens after a shared-out sum that the preposition naming what it goes to may stand: "£3.1m on".
ALLOCATED_TO_REACH = 1
# Subjects of a clause sharing out the whole told before: "It will spend", "They will put".
_ALLOCATING_PRONOUNS = frozenset({"it", "they"})


def _allocated_whole(d: _Doc, si: int) -> int:
    """The one money figure of sentence ``si`` when a noun of a whole to be shared out follows it within
    ``ALLOCATED_REACH`` words ("a £9.6m recovery plan", "a $14.5m roads package"), else -1."""
    like = [t.fact for t in d.m.tokens[si] if t.fact >= 0 and d.facts[t.fact].kind == "money"]
    if len(like) != 1 or not _single(d, like[0]):
        return -1
    pos = d.pos_of(like[0])[1]
    words = d.m.words[si]
    wholes = _tables()["allocated_wholes"]
    for k in range(pos + 1, min(len(words), pos + 1 + ALLOCATED_REACH)):
        if d.m.tokens[si][k].fact >= 0 or words[k] in CLAUSE_END:
            break
        if wholes.starting_at(words, k):
            m = d.m.by_fact.get(like[0])
            return -1 if m is not None and m.roles & {"part", "another", "each", "remainder"} else like[0]
    return -1


def _allocations(d: _Doc) -> Iterator[Relation]:
    """ "The trust has agreed a £9.6m plan. It will spend £4.2m on nurses, £3.9m on wards and £2.3m on
    software.": a sentence opened by "It" or "They" whose verb shares out sums (``[sums] allocate``), each told
    "on", "into" or "for" what it goes to, lists parts of the plan, fund or budget the sentence before tells
    (``allocated_wholes``). The parts may be only some (inclusive); none told of a past time ("Last year it
    spent")."""
    for si in range(1, len(d.m.tokens)):
        words = d.m.words[si]
        if len(words) < 4 or words[0] not in _ALLOCATING_PRONOUNS:
            continue
        pos, fi = _first_figure(d, si)
        if fi < 0 or d.facts[fi].kind != "money":
            continue
        verb = d.hedge_start(si, pos) - 1
        if verb < 1 or not _tables()["allocate"].ending_at(words, verb + 1):
            continue
        total = _allocated_whole(d, si - 1)
        if total < 0:
            continue
        items = _items_from(d, si, pos, d.facts[fi])
        if len(items) < 2:
            continue
        to = _tables()["allocated_to"]
        if not all(
            any(to.starting_at(words, k) for k in range(p + 1, min(len(words), p + 2 + ALLOCATED_TO_REACH)))
            for p in (d.pos_of(i)[1] for i in items)
        ):
            continue
        if any(d.m.frame(i).period not in ("", "now", "future") for i in items):
            continue
        if (d.facts[total].value or 0) <= whole_floors(d.facts[i].value for i in items)[1]:
            continue
        roles = (("total", total),) + tuple(("item", i) for i in items)
        yield Relation("breakdown", roles, (d.span(si, 0, pos),), "document", (("inclusive", "yes"),))


def _paid_value(d: _Doc, si: int, pos: int) -> bool:
    """A deal's value, or an amount right after a verb of paying ("agreed to pay its partner €2.4bn")."""
    if _deal_value(d, si, pos):
        return True
    words = d.m.words[si]
    paid = _tables()["paid"]
    return any(paid.ending_at(words, k) for k in range(max(0, pos - PAID_REACH), pos + 1))


def _stage_after(d: _Doc, si: int, pos: int) -> tuple[int, int] | None:
    """(the next stage's figure, cue position) after the amount at ``pos``: "1bn euros now, with another
    800m to come later", "$510m this quarter, on top of the $330m charge"; the later figure may leave its
    currency to the first ("another 800m")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    add = _tables()["additive"]
    first = d.facts[toks[pos].fact]
    for j in range(pos + 1, min(len(words), pos + 1 + STAGE_GAP)):
        if toks[j].fact >= 0 and d.facts[toks[j].fact].kind in FRAME_KINDS:
            continue  # "in the October-to-December quarter"
        if toks[j].fact >= 0 or words[j] in CLAUSE_END:
            return None
        hit = add.starting_at(words, j)
        if hit is None:
            continue
        fi = d.figure_after(si, hit[1], COUNTABLE)
        if fi < 0 or not _single(d, fi):
            return None
        f = d.facts[fi]
        bare = f.kind in ("count", "number") and not f.unit and f.value is not None and f.value >= BARE_AMOUNT
        return (fi, j) if family(f) == family(first) or bare else None
    return None


def _paid_before(d: _Doc, si: int, like: str, floors: tuple[Decimal, Decimal], lead: frozenset[int]) -> int:
    """The amount paid that the stages make: the nearest one of family ``like`` larger than both stages (else,
    when none is, larger than the smaller: one stage may pass the whole by a slip), in the sentences just
    before or in the lead; none that is a forecast ("analysts had expected a €2.4bn pay-off")."""
    for top in floors:
        found = _paid_above(d, si, like, top, lead)
        if found >= 0:
            return found
    return -1


def _paid_above(d: _Doc, si: int, like: str, top: Decimal, lead: frozenset[int]) -> int:
    near = range(si - 1, max(-1, si - STAGES_BACK - 1), -1)
    order: list[int] = [*near, *sorted((s for s in lead if s < si - STAGES_BACK), reverse=True)]
    for s2 in order:
        toks = d.m.tokens[s2]
        for k in range(len(toks) - 1, -1, -1):
            fi = toks[k].fact
            if fi < 0 or not _single(d, fi) or family(d.facts[fi]) != like:
                continue
            m = d.m.by_fact.get(fi)
            value = d.facts[fi].value
            if m is None or m.roles & {"forecast", "each", "part", "another"} or value is None:
                continue
            if value > top and _paid_value(d, s2, k):
                return fi
    return -1


def _stages(d: _Doc) -> Iterator[Relation]:
    lead = _lead_sentences(d)  # once: it reads every paragraph
    for si, pos, fi, f in d.figures(frozenset({"money"})):
        found = _stage_after(d, si, pos)
        if found is None or _find("stage_words", d.m.words[si], d.m.clause_start(si, pos), found[1]) < 0:
            continue  # "made $510m, on top of the $330m": no payment in stages
        later, cue = found
        ti = _paid_before(d, si, family(f), whole_floors((f.value, d.facts[later].value)), lead)
        if ti < 0:
            continue
        inclusive = _open(d, [si])
        roles = (("total", ti), ("item", fi), ("item", later))
        cues = (d.span(si, cue, cue + 1),)
        yield Relation("breakdown", roles, cues, "document", (("inclusive", "yes" if inclusive else ""),))


# --- a group split by relative clauses ----------------------------------------------------------------


def _split_members(d: _Doc, si: int) -> list[int]:
    """ "the 17 seats where ... and the 14 where ...": counts after "the", each followed (past its noun) by
    a relative word, of one family."""
    words, toks = d.m.words[si], d.m.tokens[si]
    rel = _tables()["relatives"]
    out: list[int] = []
    for pos, tok in enumerate(toks):
        fi = tok.fact
        if fi < 0 or pos == 0 or words[pos - 1] != "the" or not _single(d, fi) or d.facts[fi].kind == "money":
            continue
        j = pos + 1
        while j < len(words) and j - pos <= 3 and toks[j].fact < 0 and not rel.starting_at(words, j):
            if words[j] in CLAUSE_END or words[j] in (",", "and", "or"):
                break
            j += 1
        if j < len(words) and rel.starting_at(words, j) and (not out or family(d.facts[fi]) == family(d.facts[out[0]])):
            out.append(fi)
    return out


def _group_total(d: _Doc, si: int, members: Sequence[int]) -> int:
    """The group's count told before its split: the nearest figure of the first member's concept and family,
    larger than every member (else, when none is, than all but one: a slip may push one past it), in this
    sentence before the split or up to ``GROUP_BACK`` sentences back."""
    first = d.m.by_fact.get(members[0])
    if first is None or not first.concept:
        return -1
    for top in whole_floors(d.facts[i].value for i in members):
        found = _group_above(d, si, members, first.concept, top)
        if found >= 0:
            return found
    return -1


def _group_above(d: _Doc, si: int, members: Sequence[int], concept: str, top: Decimal) -> int:
    like = family(d.facts[members[0]])
    _, start = d.pos_of(members[0])
    for _, _, fi in d.m.figures_before(si, start, GROUP_BACK):
        if not _single(d, fi) or family(d.facts[fi]) != like:
            continue
        m = d.m.by_fact.get(fi)
        if m is None or m.concept != concept:
            continue
        value = d.facts[fi].value
        if value is not None and value > top and not (m.roles & {"part", "another", "each"}):
            return fi
    return -1


def _group_splits(d: _Doc) -> Iterator[Relation]:
    for si in range(len(d.m.tokens)):
        members = _split_members(d, si)
        if len(members) < 2:
            continue
        ti = _group_total(d, si, members)
        if ti < 0:
            continue
        nxt = [si + 1] if si + 1 < len(d.m.tokens) else []
        inclusive = _open(d, [si] + nxt)
        roles = (("total", ti),) + tuple(("item", i) for i in members)
        yield Relation("breakdown", roles, (), "document", (("inclusive", "yes" if inclusive else ""),))


# --- equal instalments ----------------------------------------------------------------------------------


def _instalment_count(d: _Doc, si: int, pos: int) -> tuple[int, list[Span]] | None:
    """How many equal instalments the amount at ``pos`` is paid in: the years listed after it ("£2.5bn
    instalments in 2014, 2015 and 2016") or the count before "instalments of" ("three equal instalments of
    $250m"), with the cue spans."""
    words, toks = d.m.words[si], d.m.tokens[si]
    inst = _tables()["instalments"]
    # "three equal instalments of $250m", "in tranches of €15m in 2024 and 2025"
    count = -1
    noun = -1
    if pos >= 2 and words[pos - 1] == "of":
        hit = inst.ending_at(words, pos - 1)
        if hit:
            noun = hit[1]
            k = noun - 1
            if k >= 0 and toks[k].fact >= 0 and d.facts[toks[k].fact].kind in ("count", "number"):
                count = toks[k].fact
    else:
        # "£2.5bn instalments", "£2.5bn annual instalments"
        for j in range(pos + 1, min(len(words), pos + 1 + INSTALMENT_REACH)):
            if toks[j].fact >= 0 or words[j] in CLAUSE_END:
                break
            if inst.starting_at(words, j):
                noun = j
                break
    if noun < 0:
        return None
    if count >= 0:
        n = d.facts[count].value
        if n is None or n != n.to_integral_value() or not 2 <= n <= INSTALMENTS_MAX:
            return None
        return int(n), [d.span(si, noun - 1, pos)]
    # The years listed right after: "in 2014, 2015 and 2016".
    years: list[int] = []
    j = pos + 1
    gap = 0
    while j < len(words) and words[j] not in CLAUSE_END and gap <= INSTALMENT_REACH:
        fi = toks[j].fact
        if fi >= 0:
            if d.facts[fi].kind != "year":
                break
            years.append(j)
            gap = 0
        elif words[j] in (",", "and") and years:
            gap = 0
        else:
            gap += 1
            if years:
                break
        j += 1
    if len(years) < 2:
        return None
    return len(years), [d.span(si, noun, noun + 1)] + [d.span(si, k, k + 1) for k in years]


def _instalment_total(d: _Doc, si: int, pos: int, like: str) -> int:
    """The amount the instalments make: the figure of their family before them in the sentence, else the
    last one of the sentence before; none when another amount stands between ("£1bn up front and ...")."""
    toks = d.m.tokens[si]
    seen = [
        toks[k].fact
        for k in range(pos)
        if toks[k].fact >= 0 and _single(d, toks[k].fact) and family(d.facts[toks[k].fact]) == like
    ]
    if len(seen) > 1:
        return -1
    if seen:
        return seen[0]
    if si == 0:
        return -1
    before = [t.fact for t in d.m.tokens[si - 1] if t.fact >= 0 and _single(d, t.fact)]
    before = [fi for fi in before if family(d.facts[fi]) == like]
    return before[-1] if len(before) == 1 else -1


def _instalments(d: _Doc) -> Iterator[Relation]:
    for si, pos, fi, f in d.figures(COUNTABLE):
        found = _instalment_count(d, si, pos)
        if found is None:
            continue
        n, cues = found
        ti = _instalment_total(d, si, pos, family(f))
        if ti < 0 or ti == fi:
            continue
        m = d.m.by_fact.get(ti)
        if m is not None and m.roles & {"each", "part", "another"}:
            continue
        roles = (("total", ti),) + (("item", fi),) * n
        yield Relation("breakdown", roles, tuple(cues), "sentence", (("inclusive", ""),))


# --- a count of things reported, split case by case ----------------------------------------------------


@functools.cache
def _case_words() -> tuple[frozenset[str], frozenset[str]]:
    data = _toml("vocab.toml")["sums"]
    return frozenset(data["case_wholes"]), frozenset(data["case_overlap"])


def _case_figures(d: _Doc, si: int) -> list[int]:
    """The figures of sentence ``si`` told as "in N cases", "in N of them", "in N instances": categories
    of a count told before; none when a clause says its cases may be among the others' ("also", "both")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    nouns = _tables()["case_nouns"]
    _, overlap = _case_words()
    out: list[int] = []
    for pos, tok in enumerate(toks):
        fi = tok.fact
        if fi < 0 or pos == 0 or words[pos - 1] != "in" or not nouns.starting_at(words, pos + 1):
            continue
        if d.facts[fi].kind not in ("count", "number") or not _single(d, fi):
            continue
        a, b = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
        if any(w in overlap for w in words[a:b]) or _find("case_overlap", words, a, b) >= 0:
            return []
        out.append(fi)
    return out


def _case_whole(d: _Doc, si: int, first: int) -> int:
    """The count the cases split: the nearest count before them, up to ``CASES_BACK`` sentences back, of
    something reported ("40 complaints", "25 reports of break-ins"); -1 when a nearer count stands between
    or the nearest is itself a part."""
    wholes, _ = _case_words()
    _, start = d.pos_of(first)
    for s2, k, fi in d.m.figures_before(si, start, CASES_BACK):
        f = d.facts[fi]
        if f.kind in FRAME_KINDS or f.kind in SHARES or f.is_range or f.value is None or _in_rate(d, s2, k):
            continue
        if f.kind not in ("count", "number"):
            return -1
        m = d.m.by_fact.get(fi)
        if m is None or m.roles & {"part", "another", "each", "remainder"}:
            return -1
        return fi if d.m.frame(fi).concept in wholes else -1
    return -1


def _in_rate(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is an end of a rate "one in 10,000", "two in five": no count of things."""
    words, toks = d.m.words[si], d.m.tokens[si]
    after = pos + 2 < len(words) and words[pos + 1] == "in" and toks[pos + 2].fact >= 0
    before = pos >= 2 and words[pos - 1] == "in" and toks[pos - 2].fact >= 0
    return after or before


def _case_splits(d: _Doc) -> Iterator[Relation]:
    """ "The regulator logged 40 complaints. In 18 cases, households were overcharged. In 22 cases, the
    meter failed.": the cases told one clause a category, in one sentence or the next ones in a row, are
    parts of the count of things reported before them. The categories may be only some: inclusive."""
    si = 0
    while si < len(d.m.tokens):
        parts = _case_figures(d, si)
        if not parts:
            si += 1
            continue
        run_end = si
        for s2 in range(si + 1, min(len(d.m.tokens), si + CASES_AHEAD + 1)):
            more = _case_figures(d, s2)
            if not more:
                break
            parts += more
            run_end = s2
        ti = _case_whole(d, si, parts[0]) if len(parts) >= 2 else -1
        if ti >= 0 and (d.facts[ti].value or 0) > whole_floors(d.facts[i].value for i in parts)[1]:
            roles = (("total", ti),) + tuple(("item", i) for i in parts)
            yield Relation("breakdown", roles, (), "document", (("inclusive", "yes"),))
        si = run_end + 1


# --- a company's revenue and its markets' sales ----------------------------------------------------------

# Sentences after the revenue that its markets' sales may start in ("Revenue reached $4.8bn. Analysts had
# expected ... Asia remained its biggest market, bringing in $2.6bn.").
MARKETS_AHEAD = 3
# The concepts of a whole the markets' sales are parts of.
_REVENUE = frozenset({"revenue"})


def _market_items(d: _Doc, si: int, like: str) -> list[int] | None:
    """The money figures of sentence ``si`` each given to a market or region by name, the first (or the
    sentence's subject) by a verb of bringing in sales (``[lists] region_verbs``: "Asia ..., bringing in
    $2.6bn", "North America contributed $1.3bn"), the rest by name alone ("and Europe $1.2bn"); [] when the
    sentence's first money figure is no such figure, None when a later one is given to nothing."""
    from numcheck.relations.lists import _capital, _name_entry
    from numcheck.relations.lists import _tables as list_tables

    words, toks = d.m.words[si], d.m.tokens[si]
    verbs = list_tables()["region_verbs"]
    if _find("other_holders", words, 0, len(words)) >= 0:
        return None  # "Its rival Kestrel said China brought in ...": another company's markets
    out: list[int] = []
    for pos, tok in enumerate(toks):
        fi = tok.fact
        if fi < 0 or d.facts[fi].kind != "money":
            continue
        if not _single(d, fi) or family(d.facts[fi]) != like:
            return None
        h = d.hedge_start(si, pos)
        if not out:
            hit = verbs.ending_at(words, h)
            if hit is None:
                return []  # no market's sales open this sentence's figures
            told = _name_entry(d, si, pos, "region_verbs") is not None or (
                _capital(d, toks[0]) and words[0] not in d.v.not_names and "," in words[: hit[1]]
            )
            if not told:
                return None
        elif _name_entry(d, si, pos) is None and _name_entry(d, si, pos, "region_verbs") is None:
            return None
        out.append(fi)
    times = list_tables()["region_times"]
    if out and any(
        times.starting_at(words, k) and (k == 0 or words[k - 1] not in ("the", "this")) for k in range(len(words))
    ):
        return None  # "Over the full year Asia brought in ...": another span; "in the quarter" is the story's
    return out


def _market_parts(d: _Doc) -> Iterator[Relation]:
    """ "Revenue for the quarter reached $4.8bn. ... Asia remained its biggest market, bringing in $2.6bn.
    North America contributed $1.3bn and Europe $1.2bn.": the markets' or regions' sales told by name, one
    after another in the ``MARKETS_AHEAD`` sentences after a revenue told as a level, are some of it
    (inclusive). No market's sales are read past another revenue figure, a change's end or another time."""
    for si, pos, ti, t in d.figures(frozenset({"money"})):
        if d.m.frame(ti).concept not in _REVENUE or not _single(d, ti) or d.older_end(si, pos):
            continue
        m = d.m.by_fact.get(ti)
        if m is None or m.roles & {"part", "another", "each", "remainder", "forecast"}:
            continue
        later = [fi for fi in _level_figures(d, si, family(t)) if d.pos_of(fi)[1] > pos]
        if any(d.m.frame(fi).concept in _REVENUE and not d.older_end(si, d.pos_of(fi)[1]) for fi in later):
            continue  # "Revenue reached $4.8bn, and sales ... $5.1bn": the later one is nearer the markets'"
        items: list[int] = []
        s2 = si
        while s2 + 1 < len(d.m.tokens) and (s2 + 1 <= si + MARKETS_AHEAD or items):
            s2 += 1  # the markets start within MARKETS_AHEAD sentences and run on while each tells some
            got = _market_items(d, s2, family(t))
            if got is None or (not got and items):
                break
            if not got:
                if any(d.m.frame(tok.fact).concept in _REVENUE for tok in d.m.tokens[s2] if tok.fact >= 0):
                    break  # another revenue told before the markets: theirs may be its parts
                continue
            items.extend(got)
        if len(items) < 2:
            continue
        tf = d.m.frame(ti)
        if any(d.m.frame(i).period not in ("", tf.period) or d.m.frame(i).mood for i in items):
            continue
        if (t.value or 0) <= whole_floors(d.facts[i].value for i in items)[1]:
            continue
        roles = (("total", ti),) + tuple(("item", i) for i in items)
        yield Relation("breakdown", roles, (), "document", (("inclusive", "yes"),))


# --- a group's total and its brands or divisions -------------------------------------------------------


@functools.cache
def _unit_words() -> tuple[frozenset[str], frozenset[str]]:
    data = _toml("vocab.toml")["sums"]
    return frozenset(data["unit_words"]), frozenset(data["unit_sales"])


def _level_figures(d: _Doc, si: int, like: str) -> list[int]:
    """The figures of family ``like`` in sentence ``si`` that are levels (not "by 3,000", not a year)."""
    words, toks = d.m.words[si], d.m.tokens[si]
    out: list[int] = []
    for pos, tok in enumerate(toks):
        fi = tok.fact
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.kind not in _UNIT_KINDS or f.is_range or f.value is None or family(f) != like:
            continue
        if pos > 0 and words[pos - 1] == "by":
            continue
        out.append(fi)
    return out


def _segment(d: _Doc, si: int, pos: int, figs: Sequence[int]) -> tuple[int, int]:
    """The tokens that tell of the figure at ``pos``: its clause, cut at the sentence's other figures ``figs``."""
    others = sorted(d.pos_of(fi)[1] for fi in figs)
    a = max([d.m.clause_start(si, pos)] + [k + 1 for k in others if k < pos])
    b = min([d.m.clause_end(si, pos)] + [k for k in others if k > pos])
    return a, b


def _unit_named(d: _Doc, si: int, pos: int, figs: Sequence[int]) -> bool:
    """The words of the figure at ``pos`` name a brand, a marque, a division ("the Luxa marque sold 45,000",
    "its cable arm made", "Torvik-brand sales")."""
    units, _ = _unit_words()
    words = d.m.words[si]
    a, b = _segment(d, si, pos, figs)
    return any(w in units or w.endswith("-brand") for w in words[a:b])


def _unit_clause(d: _Doc, si: int, pos: int) -> bool:
    return _unit_named(d, si, pos, ())


def _sales_like(d: _Doc, whole: int, part: int, *, named: bool) -> bool:
    """The part counts what the whole counts, or is the "sales" of the things the whole counts; a part whose
    words name a unit may also name nothing it counts."""
    _, sales = _unit_words()
    wc, pc = d.m.frame(whole).concept, d.m.frame(part).concept
    if not pc:
        return named
    return not wc or wc == pc or (pc in sales and d.facts[whole].kind != "money")


def _units_told(d: _Doc, si: int, figs: Sequence[int], whole: int) -> list[tuple[int, bool, set[str]]] | None:
    """(figure, names a unit, years told with it) for each of ``figs``, the level figures of sentence
    ``si``, if every one is a unit's part of ``whole``; else None."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if _find("other_holders", words, 0, len(words)) >= 0:
        return None
    top = d.m.frame(whole)
    out: list[tuple[int, bool, set[str]]] = []
    for fi in figs:
        pos = d.pos_of(fi)[1]
        if pos > 0 and words[pos - 1] in _CHANGE_ENDS:
            return None
        unit = _unit_named(d, si, pos, figs)
        frame = d.m.frame(fi)
        if not unit and not (frame.holder and frame.holder != top.holder):
            return None
        if not _sales_like(d, whole, fi, named=unit) or (frame.period and frame.period != top.period):
            return None
        a, b = _segment(d, si, pos, figs)
        years = {d.facts[t.fact].text for t in toks[a:b] if t.fact >= 0 and d.facts[t.fact].kind == "year"}
        out.append((fi, unit, years))
    return out


def _unit_run(d: _Doc, si: int, like: str, whole: int) -> list[int]:
    """The brands' or divisions' figures told in the sentences from ``si`` on (sentences with no figure
    between them are passed over): each names a unit in its words, or a holder other than the whole's
    ("Chrysler ... Its sales rose to 2.7 million"), and counts what the whole counts; at least one names a
    unit. None when a figure is an end of a change or a comparison ("from 80,000"), when rivals are told,
    or when a part is told of another time than the whole (a series, not a split)."""
    parts: list[int] = []
    named = False
    years: set[str] = set()
    for s2 in range(si, min(len(d.m.tokens), si + UNITS_AHEAD)):
        figs = _level_figures(d, s2, like)
        if not figs:
            if s2 == si:
                return []
            continue
        told = _units_told(d, s2, figs, whole)
        if told is None:
            if s2 == si:
                return []
            break  # the run of units has ended: the sentence tells of something else
        for fi, unit, told_years in told:
            named = named or unit
            years |= told_years
            parts.append(fi)
    if len(years) > 1:
        return []
    return parts if named and len(parts) >= 2 else []


def _unit_parts(d: _Doc) -> Iterator[Relation]:
    """ "Torvik sold 120,000 cars in Europe last year. Its Sprite brand sold 70,000, while sales of the Luxa
    marque reached 45,000.": a group's total, then in the next sentences its brands', marques' or divisions'
    figures, one clause each, are parts of it. The whole is the one figure of their family in the sentence
    before them, told of no unit. The units may be only some: inclusive."""
    for si in range(1, len(d.m.tokens)):
        toks = d.m.tokens[si]
        likes = {family(d.facts[t.fact]) for t in toks if t.fact >= 0 and d.facts[t.fact].kind in _UNIT_KINDS}
        for like in sorted(likes):
            before = _level_figures(d, si - 1, like)
            if len(before) != 1:
                continue
            ti = before[0]
            m = d.m.by_fact.get(ti)
            if m is None or m.roles & {"part", "another", "each"} or _unit_clause(d, si - 1, d.pos_of(ti)[1]):
                continue
            if d.facts[ti].hedge not in ("exact", "about"):
                continue  # "nearly 95,000" cars of units that make 95,400: a loose bound, not a sum
            parts = _unit_run(d, si, like, ti)
            if not parts:
                continue
            if (d.facts[ti].value or 0) <= whole_floors(d.facts[i].value for i in parts)[1]:
                continue
            roles = (("total", ti),) + tuple(("item", i) for i in parts)
            yield Relation("breakdown", roles, (), "document", (("inclusive", "yes"),))
