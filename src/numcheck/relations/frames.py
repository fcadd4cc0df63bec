"""Parts told by their frames: a part of a figure's time against its whole ("in its first week" …
"in total"), and a holder's figure against the same count across the whole region or world.

Both read ``Mentions.frame``: whose figure it is, what it counts, its part of time and its scope.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from numcheck.mentions import Frame, same_holder
from numcheck.relations.base import Relation, _Doc, same_family

# Kinds a part of time or of a place can be counted in.
_PARTED = frozenset({"count", "number", "money"})
# Figures a whole-scope figure is read against, per concept (the nearest ones in the text): bounds the
# comparisons to a fixed number per figure.
SCOPE_PARTS = 4
# Sentences apart that a holder's figure and the whole's may stand: a story's lead and the paragraph
# that gives the region's toll (a long story moves on to other counts).
SCOPE_SENTENCES = 10
# Roles that make a figure something other than a level of its own: another group, a share of each.
_NOT_LEVELS = frozenset({"another", "each", "remainder", "part"})


def _period_slices(d: _Doc) -> Iterator[Relation]:
    """ "sold 900,000 copies in its first week and 700,000 in all": in one sentence, a figure
    for a part of the time ("first week", "opening weekend") and one for the whole of it ("in total",
    "overall") of one thing; the part is at most the whole. Both count the same concept (or the whole
    names none, as an elided "700,000 in all"), have one holder and place and neither is a forecast."""
    for toks in d.m.tokens:
        parts: list[tuple[int, Frame]] = []
        wholes: list[tuple[int, Frame]] = []
        for tok in toks:
            fi = tok.fact
            if fi < 0:
                continue
            f = d.facts[fi]
            if f.kind not in _PARTED or f.is_range or f.value is None:
                continue
            fr = d.m.frame(fi)
            if fr.mood:
                continue
            if fr.part == "part":
                parts.append((fi, fr))
            elif fr.part == "whole":
                wholes.append((fi, fr))
        for pi, pf in parts:
            for wi, wf in wholes:
                if not same_family(d.facts[pi], d.facts[wi]):
                    continue
                if wf.concept and pf.concept and wf.concept != pf.concept:
                    continue
                if pf.holder and wf.holder and not same_holder(pf.holder, wf.holder):
                    continue
                if pf.scope and wf.scope and pf.scope != wf.scope:
                    continue  # "$42m on its opening weekend in the US and $35m overall in Britain"
                yield Relation("part", (("part", pi), ("whole", wi)), (), "sentence", (("frame", "period"),))
                break


def _scope_parts(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A holder's count and the same count across the whole region or world, told sentences apart:
    "the storm killed more than 3,000 people in Ruritania" … "across the region some 2,000 people are
    now feared dead". The holder's figure (a name owns it, or a place after "in") is part of the whole's
    (scope "whole": "across the region", "worldwide"), of one concept, time and mood. The whole names no
    holder of its own, or the part's holder when the part names a place ("Acme sold 5m phones in Brazil"
    … "worldwide, Acme sold 4m"). Each whole is read against the ``SCOPE_PARTS`` nearest parts."""
    in_change = {i for rel in built.get("change", {}).values() for _, i in rel.roles}
    by_concept: dict[str, list[tuple[int, int, Frame]]] = {}
    for si, _, fi, _f in d.figures(_PARTED):
        m = d.m.by_fact.get(fi)
        if m is None or fi in in_change or m.roles & _NOT_LEVELS:
            continue
        fr = d.m.frame(fi)
        if fr.concept and fr.concept not in d.v.generic:
            by_concept.setdefault(fr.concept, []).append((si, fi, fr))
    for members in by_concept.values():
        wholes = [x for x in members if x[2].scope == "whole" and x[2].part != "part"]
        if not wholes:
            continue
        for ws, wi, wf in wholes[:1]:  # the first whole: a later one may be a newer or wider count
            near = sorted(
                (x for x in members if x[1] != wi and x[0] != ws and abs(x[0] - ws) <= SCOPE_SENTENCES),
                key=lambda x: abs(x[0] - ws),
            )
            for _ps, pi, pf in near[:SCOPE_PARTS]:
                if pf.scope == "whole" or pf.mood != wf.mood or pf.part:
                    continue
                if not _parted(pf, wf) or not same_family(d.facts[pi], d.facts[wi]):
                    continue
                if pf.period and wf.period and pf.period != wf.period:
                    continue
                yield Relation("part", (("part", pi), ("whole", wi)), (), "document", (("frame", "scope"),))


def _parted(part: Frame, whole: Frame) -> bool:
    """The part is a holder's or a place's share of the whole's scope."""
    if whole.holder:
        return bool(part.scope) and bool(part.holder) and same_holder(part.holder, whole.holder)
    return bool(part.holder or part.scope)
