"""Judge ``rank-clash``: one place of one chart in one week holds one entry.

"Red Harbour fell to number three" and "Paper Moon entered at number three", told of one chart and
one week, cannot both be true unless the two share the place, which the text would say ("joint
third"). The builder (relations/compare.py ``_rank_clashes``) pairs two places of the same number whose
entries are named apart; the judge checks that the two places' own numbers agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit
from numcheck.patterns import View
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"rank-clash"})
ROLES = ("a", "b")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"place", "first", "second", "said_first", "said_second"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    ai, bi = rel.get("a"), rel.get("b")
    place = rel.label("place")
    if ai is None or bi is None or not place or len(rel.cues) < 2:
        return None
    a, b = view.facts[ai], view.facts[bi]
    for f in (a, b):
        # A place's own ordinal must be the place the pair is told at; a figure stands for its entry.
        if f.kind == "ordinal" and (f.value is None or int(f.value) != int(place)):
            return None
    text = view.doc.text
    said = [text[c.start : c.end] for c in rel.cues[:2]]
    fields = (
        ("place", place),
        ("first", rel.label("first") or "one entry"),
        ("second", rel.label("second") or "another"),
        ("said_first", said[0]),
        ("said_second", said[1]),
    )
    return Hit(rel.cues[1], (rel.cues[0], a.span, b.span), fields)
