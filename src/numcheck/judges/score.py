"""Judge ``score``: a score in a match report against the final score in its title.

A score on the way ("making it 5-1") has no more goals for either side than
the final one ("Dundee Utd 4-1 Aberdeen"); a score the report gives as the
result ("the match ended 3 – 1") is the final one. Goals are compared in
order of size, since the report need not name the sides in the title's order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit, Span
from numcheck.patterns import View
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"score"})
ROLES = ("score",)
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"score", "final", "why"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def _pair(label: str) -> tuple[int, int] | None:
    a, _, b = label.partition("-")
    return (int(a), int(b)) if a.isdigit() and b.isdigit() else None


def _span(label: str) -> Span | None:
    a, _, b = label.partition(":")
    return Span(int(a), int(b)) if a.isdigit() and b.isdigit() else None


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    goals, final = _pair(rel.label("goals")), _pair(rel.label("final"))
    span, final_span = _span(rel.label("span")), _span(rel.label("final_span"))
    if goals is None or final is None or span is None or final_span is None:
        return None
    text = view.doc.text
    if rel.label("said") == "final":
        if goals == final:
            return None
        why = "the result is given twice, differently"
    else:
        if goals[0] <= final[0] and goals[1] <= final[1]:
            return None
        why = "a score on the way cannot have more goals than the final score"
    fields = (("score", text[span.start : span.end]), ("final", text[final_span.start : final_span.end]), ("why", why))
    return Hit(span, (final_span,), fields)
