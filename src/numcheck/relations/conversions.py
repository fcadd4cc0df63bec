"""Conversions: a figure and the same amount in other units, in brackets ("785m euros ($1bn)")."""

from __future__ import annotations

from collections.abc import Iterator

from numcheck.relations.base import Relation, _Doc

# Figures a bracket may hold as conversions of the figure before it: "$186m (£98m; 143m euros)".
CONVERTIBLE = frozenset({"money", "measure"})


def _conversions(d: _Doc) -> Iterator[Relation]:
    """ "785m euros ($1bn)", "$186m (£98m; 143m euros)", "about 19,800 yen (145 euros)".

    Roles ``figure`` and ``conversion``; label ``hedge`` ("yes" when the
    conversion carries "about" or "approximately"). Two conversions in one
    bracket are conversions of each other too ("£98m" and "143m euros"),
    with label ``sibling``.
    """
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            ai = tok.fact
            if ai < 0 or d.facts[ai].kind not in CONVERTIBLE or pos + 1 >= len(words) or words[pos + 1] != "(":
                continue
            a = d.facts[ai]
            j = pos + 2
            first = -1
            while j < len(words):
                k = d.skip_hedge(si, j)
                bi = d.fact_at(si, k)
                if bi < 0 or d.facts[bi].kind != a.kind:
                    break
                hedge = "yes" if k > j else ""
                cue = (d.span(si, pos + 1, pos + 2),)
                yield Relation("conversion", (("figure", ai), ("conversion", bi)), cue, "clause", (("hedge", hedge),))
                if first >= 0:
                    labels = (("hedge", hedge), ("sibling", "yes"))
                    yield Relation("conversion", (("figure", first), ("conversion", bi)), cue, "clause", labels)
                else:
                    first = bi
                j = k + 1
                if j < len(words) and words[j] in (";", ",", "or", "/"):
                    j += 1
                    continue
                break
