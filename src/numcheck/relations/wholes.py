"""A share of a whole its sentence names but does not count ("shed 1,200 posts, about 25% of its staff"),
against the count of that whole told in another sentence ("The company employs 12,000 people").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

from numcheck.mentions import same_holder
from numcheck.relations.base import Relation, _Doc
from numcheck.vocab import PhraseTable, _toml

# Sentences either side of the share that the whole's count may stand.
WHOLE_REACH = 12


@functools.cache
def _whole_verbs() -> PhraseTable:
    """ "employs" → staff: a verb before a generic count that says what the count is as a whole."""
    data = _toml("vocab.toml")["whole_verbs"]
    return PhraseTable.build((p, concept) for concept, phrases in data.items() for p in phrases)


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
            if fr.holder and holder and not same_holder(fr.holder, holder):
                continue
            w = d.facts[wi]
            if w.value is None or part.value is None or w.value <= part.value:
                continue
            found.append((abs(s2 - si), wi))
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
