"""A level told in the clause right after a move of the same thing: "It has risen by 50% since then and now
stands at 7,000", "has since doubled, and the total now stands at 12,300", "climbed 30% since, reaching
30,000 this year", "has fallen by a quarter and is now 2,000".

The move's clause tells the stated change (a percentage, a fraction after "by", or a multiple verb) with no
figure reached; the next clause, joined by "and" or a comma, tells the level reached by a verb of a level
(``vocab.toml [reached] phrases``). The older end is the figure of the same thing told before, found as
for "rose 30% to 25,000" with no "from" (``changes._earlier_same``, ``_frame_then``). Each is a ``change``
(from, to, and ``stated`` or ``factor``) for the change, direction and multiple judges. Cost: one look at
the tokens before each figure.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from numcheck.relations.base import FRAME_KINDS, Relation, _Doc
from numcheck.relations.changes import (
    BACK_HEADS,
    NEAR_PRONOUNS,
    PRONOUN_SUBJECTS,
    _clause_direction,
    _earlier_same,
    _frame_then,
)
from numcheck.relations.multiples import _multiple_move
from numcheck.relations.stated import _subject_concept
from numcheck.vocab import PhraseTable, _toml

# Tokens of a subject between the join and the verb of the level ("and the total now stands at").
SUBJECT_REACH = 3
# Tokens back from the join that the move's verb and its stated change may stand.
MOVE_REACH = 10
_LEVEL_KINDS = frozenset({"count", "number", "money", "measure"})


@functools.cache
def _phrases() -> PhraseTable:
    return PhraseTable.build((p, "level") for p in _toml("vocab.toml")["reached"]["phrases"])


@functools.cache
def _joins() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["reached"]["joins"])


def _move_before(d: _Doc, si: int, at: int) -> tuple[int, int] | None:
    """(join token, move clause start) when the level phrase starting at ``at`` follows a join ("and", ",")
    past a short subject, after a clause of its own; else None."""
    words = d.m.words[si]
    k = at
    toks = d.m.tokens[si]
    while k > 0 and at - k < SUBJECT_REACH and words[k - 1] not in _joins():
        if toks[k - 1].fact >= 0 and d.facts[toks[k - 1].fact].kind not in FRAME_KINDS:
            return None  # another figure between the join and the level's verb
        k -= 1
    if k == 0 or words[k - 1] not in _joins():
        return None
    join = k - 1
    while join > 0 and words[join - 1] in _joins():
        join -= 1  # ", and"
    if join == 0:
        return None
    return join, max(d.m.clause_start(si, join - 1), join - MOVE_REACH)


def _stated_in(d: _Doc, si: int, lo: int, hi: int) -> tuple[str, int] | None:
    """The move's own size, the nearest figure before token ``hi`` (not before ``lo``): ("stated", a
    percentage or a fraction after "by") or ("factor", a multiple verb); None when the nearest is another
    amount ("rose to 4,000 and now stands at 7,000": a level of its own, read elsewhere)."""
    toks, words = d.m.tokens[si], d.m.words[si]
    for k in range(hi - 1, lo - 1, -1):
        fi = toks[k].fact
        if fi < 0 or d.facts[fi].kind in FRAME_KINDS:
            continue
        f = d.facts[fi]
        if f.value is None:
            return None
        if f.kind == "multiple":
            return ("factor", fi) if _multiple_move(d, fi) else None  # "have won only twice": how often
        if d.v.rates.starting_at(words, k + 1) is not None:
            return None  # "has grown by 10% a year since": a rate, not the move's size
        if f.kind == "percent" or (f.kind == "share" and k > 0 and words[d.hedge_start(si, k) - 1] == "by"):
            return "stated", fi
        return None
    return None


# Words of a move's clause that name no subject of their own ("but has since fallen by").
_UNNAMING = frozenset(
    "but and yet has have had having since then also now it they this that which so has been was were is are".split()
)


def _unnamed(d: _Doc, si: int, lo: int, hi: int) -> bool:
    """The move's clause (tokens ``lo``..``hi``) names no subject: only joins, auxiliaries, pronouns and its
    direction words ("but has fallen by")."""
    words = d.m.words[si]
    k = lo
    while k < hi:
        hit = d.v.direction.starting_at(words, k)
        if hit is not None:
            k = hit[1]
            continue
        w = words[k].lower()
        if w.isalpha() and w not in _UNNAMING and w not in ("by", "a", "an", "the", "some", "about"):
            return False
        k += 1
    return True


def _reached_after_move(d: _Doc) -> Iterator[Relation]:
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            bi = tok.fact
            if bi < 0:
                continue
            b = d.facts[bi]
            if b.kind not in _LEVEL_KINDS or b.is_range or b.value is None:
                continue
            at = d.hedge_start(si, pos)
            while at > 0 and toks[at - 1].fact >= 0 and d.facts[toks[at - 1].fact].kind in FRAME_KINDS:
                at -= 1  # "is now 7,000": "now" is a time of the fact table
            hit = _phrases().ending_at(words, at)
            if hit is None:
                continue
            move = _move_before(d, si, hit[1])
            if move is None:
                continue
            join, lo = move
            direction = _clause_direction(d, si, join)
            stated = _stated_in(d, si, lo, join)
            if not direction or stated is None:
                continue
            lo = max(lo, d.pos_of(stated[1])[1] - MOVE_REACH // 2)
            said = set(words[lo:join])
            pronoun = bool(said & (PRONOUN_SUBJECTS | NEAR_PRONOUNS))
            concept = "" if pronoun else _subject_concept(d, bi)
            if concept in BACK_HEADS or (not concept and _unnamed(d, si, lo, d.pos_of(stated[1])[1])):
                # "and the total now stands at": a head that names no thing; "stood at 4,000 but has fallen
                # by a quarter and now stands at": the subject left out is the one before
                pronoun, concept = True, ""
            ai = _earlier_same(d, si, lo, b, concept, pronoun, False, bi)
            if ai < 0:
                ai = _frame_then(d, bi)
            if ai < 0 or ai == bi or d.facts[ai].value is None:
                continue
            role, ci = stated
            labels: dict[str, str] = {"direction": direction}
            cues = (d.span(si, hit[1], at), d.facts[ci].span)
            if role == "factor":
                labels["multiple"] = d.facts[ci].text.lower()
                hedge = d.v.hedges.ending_at(words, d.pos_of(ci)[1])
                if hedge:
                    labels["hedge"] = hedge[0]
            evidence = "sentence" if d.facts[ai].sentence == si else "document"
            roles = (("from", ai), ("to", bi), (role, ci))
            yield Relation("change", roles, cues, evidence, tuple(sorted(labels.items())))
