"""Samples: a share of a small group whose size the text gives, for the GRIM test.

"Between January and May, 38 men and 2 women were treated for burns" and,
later, "smoke damage was found in 43.5% of patients": the patients are the
40 treated, and no whole number of 40 gives 43.5%. A group is a count (or
counts joined by "and": "38 men and 2 women") in a clause with a verb that
gathers a group ("were admitted", "took part", "were surveyed"); a share
"of" a group noun ("of patients", "of cases", "of respondents"), or of
those asked ("30% admitted ..."), with no whole of its own, is a share of
the nearest group told before it. Relation ``sample``: ``whole`` or its
``item``s, and ``share``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from numcheck.mentions import CLAUSE_END
from numcheck.relations.base import Relation, _Doc

# Tokens after a group's count that its gathering verb may stand ("149 men and one woman aged 19 to 97
# were admitted").
GROUP_VERB_REACH = 16
# Tokens before a group's count that its gathering verb may stand ("surveyed a total of 80 nurses").
GROUP_VERB_BEFORE = 4
# Words that may stand between a gathering verb and the group's count.
_FILLER = frozenset("a an the total of some all".split())
# Words between a count and its noun and the "and" that joins the next count ("38 men and 2 women").
ITEM_NOUN = 3


def _group_at(d: _Doc, si: int, pos: int) -> tuple[int, ...]:
    """The counts of a group starting at token ``pos`` ("38 men and 2 women were treated"), or ()."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    items = [toks[pos].fact]
    k = pos + 1
    while True:
        j = k
        while j < len(words) and j - k < ITEM_NOUN and toks[j].fact < 0 and words[j][:1].isalpha():
            if words[j] == "and":
                break
            j += 1
        if j + 1 < len(words) and words[j] == "and" and toks[j + 1].fact >= 0 and j > k:
            f = d.facts[toks[j + 1].fact]
            if f.kind in ("count", "number") and f.hedge == "exact":
                items.append(toks[j + 1].fact)
                k = j + 2
                continue
        break
    end = min(d.m.clause_end(si, pos), pos + GROUP_VERB_REACH)
    for j in range(k, end):
        if words[j] in CLAUSE_END:
            break
        if d.v.group_verbs.starting_at(words, j):
            return tuple(items)  # "38 men and 2 women were treated"
    j = pos
    while j > 0 and pos - j < GROUP_VERB_BEFORE and words[j - 1] in _FILLER:
        j -= 1
    if d.v.group_verbs_before.ending_at(words, j):
        return tuple(items)  # "doctors treated 38 men and 2 women", "surveyed a total of 80 nurses"
    return ()


def _exact_whole(d: _Doc, fi: int) -> bool:
    f = d.facts[fi]
    return (
        f.kind in ("count", "number")
        and f.hedge == "exact"
        and not f.is_range
        and f.value is not None
        and f.value > 0
        and f.value == f.value.to_integral_value()
    )


def _samples(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """Shares "of" a group noun (first-pass ``portion`` relations) and the nearest group told before them."""
    shares: dict[int, str] = {}
    for rel in built.get("portion", {}).values():
        si = rel.get("share")
        if si is not None:
            shares[si] = rel.label("whole")
    if not shares:
        return
    group: tuple[int, ...] = ()
    for si, pos, fi, _ in d.figures():
        if fi in shares:
            noun = shares[fi]
            if group and d.v.group_nouns.starting_at(noun.split(), 0):
                roles = (("whole", group[0]),) if len(group) == 1 else tuple(("item", i) for i in group)
                yield Relation("sample", (*roles, ("share", fi)), (), "document", (("whole", noun),))
            continue
        if _exact_whole(d, fi) and (not group or fi not in group):
            g = _group_at(d, si, pos)
            if g and all(_exact_whole(d, i) for i in g):
                group = g
