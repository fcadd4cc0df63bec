"""A share of a whole its sentence names but does not count ("shed 1,200 posts, about 25% of its staff"),
against the count of that whole told in another sentence ("The company employs 12,000 people").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

from numcheck.mentions import same_holder
from numcheck.model import Fact
from numcheck.relations.base import Relation, _Doc
from numcheck.relations.stated import _concept_before
from numcheck.vocab import PhraseTable, _toml

# Sentences either side of the share that the whole's count may stand.
WHOLE_REACH = 12


@functools.cache
def _whole_verbs() -> PhraseTable:
    """ "employs" → staff: a verb before a generic count that says what the count is as a whole."""
    data = _toml("vocab.toml")["whole_verbs"]
    return PhraseTable.build((p, concept) for concept, phrases in data.items() for p in phrases)


# Words of a share's whole that say it is the holder's whole, not a part of it ("28% of group sales"): the
# figure of that whole may be told without them ("Sales rose 4.1% to £9.8bn").
WHOLE_WORDS = frozenset({"group", "total", "overall", "company", "firm", "annual", "whole", "its", "their", "the"})
# Tokens between a money figure and the share set beside it (", or about 28% of", " (12% of").
BESIDE = 2

# Roles that make a count something other than the whole itself.
_NOT_WHOLE = frozenset({"part", "remainder", "another", "each", "forecast"})


def _told_wholes(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A percentage "of" a whole named without a figure (a ``portion``), the count before it in its clause
    that counts the same thing (the part: "1,200 posts" of "its staff"), and the one count of that whole
    told in another sentence nearby, by frame: the same concept ("employs 12,000 people" counts staff),
    one holder, no place the whole's name does not give, larger than the part. A ``share`` relation."""
    tied = {i for rel in built.get("share", {}).values() for _, i in rel.roles}
    for rel in built.get("portion", {}).values():
        xi = rel.get("share")
        whole = rel.label("whole")
        if xi is None or xi in tied or not whole or d.facts[xi].kind != "percent":
            continue
        named = whole.split()
        concept = d.v.concept(named[-1])
        if not concept or concept in d.v.generic:
            continue
        si, pos = d.pos_of(xi)
        pi = _part_before(d, si, pos, concept)
        if pi < 0 or pi in tied:
            continue
        wi = _whole_told(d, si, pi, concept, frozenset(named[:-1]))
        if wi >= 0:
            yield Relation("share", (("part", pi), ("whole", wi), ("share", xi)), rel.cues, "document")


def _part_before(d: _Doc, si: int, pos: int, concept: str) -> int:
    """The nearest count before token ``pos`` in its clause that counts ``concept``, else -1."""
    toks = d.m.tokens[si]
    for k in range(pos - 1, d.m.clause_start(si, pos) - 1, -1):
        fi = toks[k].fact
        if fi < 0 or d.facts[fi].kind not in ("count", "number"):
            continue
        m = d.m.by_fact.get(fi)
        return fi if m is not None and (m.concept == concept or d.m.frame(fi).concept == concept) else -1
    return -1


def _whole_told(d: _Doc, si: int, pi: int, concept: str, modifiers: frozenset[str]) -> int:
    """The one count of ``concept`` in another sentence within ``WHOLE_REACH`` that may be the part's whole:
    nearest first; two at one distance that disagree leave it unclear (-1)."""
    part = d.facts[pi]
    holder = d.m.frame(pi).holder
    found: list[tuple[int, int]] = []
    for s2 in range(max(0, si - WHOLE_REACH), min(len(d.m.tokens), si + WHOLE_REACH + 1)):
        if s2 == si:
            continue
        words = set(d.m.words[s2])
        if not modifiers <= words:
            continue  # "15% of its UK workforce": a whole told without "UK" may be another one
        for tok in d.m.tokens[s2]:
            wi = tok.fact
            if wi < 0 or d.facts[wi].kind not in ("count", "number") or d.facts[wi].is_range:
                continue
            m = d.m.by_fact.get(wi)
            fr = d.m.frame(wi)
            if m is None or m.roles & _NOT_WHOLE or m.direction:
                continue
            if fr.concept != concept and _counted_by_verb(d, s2, d.pos_of(wi)[1]) != concept:
                continue
            if _may_hold(d, wi, part, holder):
                found.append((abs(s2 - si), wi))
    return _nearest_agreeing(d, found)


def _may_hold(d: _Doc, wi: int, part: Fact, holder: str) -> bool:
    """The figure ``wi`` may be the whole of ``part``: one holder (when both name one), and larger."""
    fr = d.m.frame(wi)
    if fr.holder and holder and not same_holder(fr.holder, holder):
        return False
    w = d.facts[wi]
    return w.value is not None and part.value is not None and w.value > part.value


def _nearest_agreeing(d: _Doc, found: list[tuple[int, int]]) -> int:
    """The nearest of the (distance, fact) wholes found; two at one distance that disagree leave it
    unclear (-1), as does none."""
    if not found:
        return -1
    found.sort()
    best = found[0]
    for dist, wi in found[1:]:
        if dist > best[0]:
            break
        if not d.facts[wi].interval.overlaps(d.facts[best[1]].interval):
            return -1
    return best[1]


def _counted_by_verb(d: _Doc, si: int, pos: int) -> str:
    """The concept a verb right before the figure (past a hedge) gives it as a whole ("employs about 4,800
    people" → staff), else ""."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    hit = _whole_verbs().ending_at(words, k)
    return hit[0] if hit is not None else ""


def _money_shares(d: _Doc) -> Iterator[Relation]:
    """A sum of money and its share of a whole named without a figure, set beside it ("the shops brought in
    £1.76bn, about 28% of group sales", "£40m (12% of its revenue)"), against the one figure of that whole
    told in another sentence within ``WHOLE_REACH``: the same concept (vocab.toml's money concepts) and
    currency, one holder, a level (not a part, a forecast, a change's start or its amount), larger than the
    part. A ``share`` relation, by document evidence."""
    for si, pos, xi, _ in d.figures(frozenset({"percent"})):
        m = d.m.by_fact.get(xi)
        words = d.m.words[si]
        if m is None or not m.noun or m.concept not in d.v.money_concepts or words[pos + 1 : pos + 2] != ("of",):
            continue
        k = d.hedge_start(si, pos) - 1
        stop = k - BESIDE
        while k > stop and k >= 0 and words[k] in (",", "or", "(", "-", "—"):
            k -= 1
        pi = d.fact_at(si, k)
        if pi < 0 or d.facts[pi].kind != "money" or d.facts[pi].value is None or k == d.hedge_start(si, pos) - 1:
            continue
        named = frozenset(m.noun.lower().split()[:-1]) - WHOLE_WORDS
        wi = _money_whole(d, si, pi, m.concept, named)
        if wi >= 0 and d.m.frame(xi).period not in ("", d.m.frame(wi).period):
            continue  # "46% of its revenue in 2019": the whole of another year
        if wi >= 0:
            yield Relation(
                "share", (("part", pi), ("whole", wi), ("share", xi)), (d.span(si, pos + 1, pos + 2),), "document"
            )


def _money_whole(d: _Doc, si: int, pi: int, concept: str, modifiers: frozenset[str]) -> int:
    """The one sum of ``concept`` in the part's currency told in another sentence nearby that may be its
    whole: nearest first; two at one distance that disagree leave it unclear (-1)."""
    part = d.facts[pi]
    holder = d.m.frame(pi).holder
    found: list[tuple[int, int]] = []
    for s2 in range(max(0, si - WHOLE_REACH), min(len(d.m.tokens), si + WHOLE_REACH + 1)):
        if s2 == si or not modifiers <= set(d.m.words[s2]):
            continue
        words = d.m.words[s2]
        for k, tok in enumerate(d.m.tokens[s2]):
            wi = tok.fact
            if wi < 0 or d.facts[wi].kind != "money" or d.facts[wi].unit != part.unit or d.facts[wi].is_range:
                continue
            m = d.m.by_fact.get(wi)
            fr = d.m.frame(wi)
            if m is not None and m.roles & _NOT_WHOLE or concept not in (fr.concept, _concept_before(d, wi)):
                continue
            before = words[max(0, d.hedge_start(s2, k) - 2) : d.hedge_start(s2, k)]
            if "from" in before or "by" in before or (m is not None and m.direction and "to" not in before):
                continue  # "up from £8bn", "rose by £1bn", "rose 4% £9bn": not the level now
            if _may_hold(d, wi, part, holder):
                found.append((abs(s2 - si), wi))
    return _nearest_agreeing(d, found)
