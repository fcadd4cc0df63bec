"""Increments: a percentage rise or fall told of a thing, then what it means for one payer, with the
amount paid and the extra amount: "Regulated fares will rise by 4.6% from 1 March. A commuter paying
£1,260 for an annual season ticket will have to find an extra £85 a year" (4.6% of £1,260 is £58). The
words are data ([increments] in vocab.toml).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from numcheck.relations.base import Relation, _Doc
from numcheck.vocab import PhraseTable, _toml

# Sentences before the payer's sentence in which the percentage may be told.
RATE_BACK = 2
# Tokens from a base word ("paying", "on") to the amount paid ("on a typical salary of £30,000").
BASE_GAP = 5


@functools.cache
def _table() -> tuple[PhraseTable, frozenset[str], frozenset[str], frozenset[str]]:
    data = _toml("vocab.toml")["increments"]
    return (
        PhraseTable.build((p, "extra") for p in data["extra_before"]),
        frozenset(data["extra_after"]),
        frozenset(data["base_before"]),
        frozenset(data["base_nouns"]),
    )


def _extra_at(d: _Doc, si: int, pos: int) -> bool:
    """The money figure at ``pos`` is told as an extra amount: "an extra £85", "£85 more", "adding £36"."""
    words = d.m.words[si]
    extra_before, extra_after, _, _ = _table()
    k = d.hedge_start(si, pos)
    if extra_before.ending_at(words, k) is not None:
        return True
    return pos + 1 < len(words) and words[pos + 1] in extra_after


def _base_at(d: _Doc, si: int, pos: int) -> bool:
    """The money figure at ``pos`` is what one payer pays or earns: "paying £1,260", "a bill of £450",
    "on a salary of £30,000"."""
    words = d.m.words[si]
    _, _, base_before, base_nouns = _table()
    k = d.hedge_start(si, pos)
    for j in range(k - 1, max(-1, k - 1 - BASE_GAP), -1):
        if d.fact_at(si, j) >= 0:
            return False
        if words[j] in base_before or (words[j] == "of" and j > 0 and words[j - 1] in base_nouns):
            return True
    return False


def _increments(d: _Doc) -> Iterator[Relation]:
    """A ``change`` with roles ``from`` (the amount paid), ``stated`` (the percentage) and ``amount`` (the
    extra): the one money figure told as extra in its sentence, the one other figure of its currency told
    as what a payer pays, and the one percentage with a direction in that sentence or the ``RATE_BACK``
    before it."""
    percents = list(d.figures(frozenset({"percent"})))
    for si, pos, xi, x in d.figures(frozenset({"money"})):
        if not _extra_at(d, si, pos):
            continue
        words = d.m.words[si]
        if "than" in words[pos + 1 : pos + 3]:
            continue  # "now costs £2.49, 30p more than 12 months ago": a change from an earlier level
        if any(s == si and p > pos for s, p, _, _ in percents):
            continue  # "..., an increase of almost 14%": the sentence tells its own rate
        bases = [
            fi
            for s, p, fi, f in d.figures(frozenset({"money"}))
            if s == si and fi != xi and f.unit == x.unit and _base_at(d, s, p)
        ]
        if len(bases) != 1:
            continue
        bi = bases[0]
        if any(s == si and d.older_end(s, p) for s, p, fi, f in d.figures(frozenset({"money"})) if f.unit == x.unit):
            continue  # "now costs £5,840, up from £5,583, an increase of £257": the move's own ends size the extra
        b = d.facts[bi]
        if b.value is None or x.value is None or b.value <= x.value:
            continue
        rates: list[tuple[int, str]] = []
        told: set[object] = set()
        for s in range(si, max(-1, si - 1 - RATE_BACK), -1):
            for s2, p, pi, f in percents:
                if s2 != s or (s == si and p > pos):
                    continue
                told.add(f.value)
                m = d.m.by_fact.get(pi)
                if m is not None and m.direction in ("up", "down"):
                    rates.append((pi, m.direction))
            if rates:
                break
        if not rates or len(told) != 1:
            continue  # none, or two percentages it might be ("fares by 3.9% and parking by 6%")
        pi, direction = rates[-1]
        roles = (("from", bi), ("stated", pi), ("amount", xi))
        evidence = "sentence" if d.facts[pi].sentence == si else "document"
        cues = (d.facts[pi].span,)
        yield Relation("change", roles, cues, evidence, (("direction", direction), ("increment", "yes")))
