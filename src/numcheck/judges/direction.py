"""Judge ``direction``: a rise or fall word (or above/below word) agrees with the two figures it relates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.judges.changes import TEMPLATE_ROLES, from_binding
from numcheck.model import Hit
from numcheck.patterns import View, compile_regex, compile_templates, entirely_above
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

__all__ = ["TEMPLATE_ROLES", "from_binding", "judge"]

RELATIONS = frozenset({"change", "comparison"})
ROLES = ("a", "b")
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, []), "exclude": (str, r"(?!)")}
FIELDS = frozenset({"from", "to", "direction", "word"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "templates": compile_templates("templates", params["templates"], ROLES),
        "exclude": compile_regex("exclude", params["exclude"]),
    }


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    from numcheck.checks.change import _endpoints_ok

    facts = view.facts
    if rel.kind == "comparison":
        ai, bi = rel.get("a"), rel.get("b")
        if ai is None or bi is None:
            return None
        a, b = facts[ai], facts[bi]
        if not _endpoints_ok(a, b) and not (a.kind == b.kind == "percent"):
            return None
        order = rel.label("order")
        if order == "above" and entirely_above(b.interval, a.interval):
            return Hit(
                a.span,
                (b.span,),
                (("from", b.text), ("to", a.text), ("direction", "below"), ("word", "it is said to be above")),
            )
        if order == "below" and entirely_above(a.interval, b.interval):
            return Hit(
                a.span,
                (b.span,),
                (("from", b.text), ("to", a.text), ("direction", "above"), ("word", "it is said to be below")),
            )
        return None
    ai, bi = rel.get("from"), rel.get("to")
    if ai is None or bi is None:
        return None
    a, b = facts[ai], facts[bi]
    if not _endpoints_ok(a, b):
        return None
    direction = rel.label("direction")
    if direction == "up" and entirely_above(a.interval, b.interval):
        return Hit(b.span, (a.span,), (("from", a.text), ("to", b.text), ("direction", "a fall"), ("word", "it rose")))
    if direction == "down" and entirely_above(b.interval, a.interval):
        return Hit(b.span, (a.span,), (("from", a.text), ("to", b.text), ("direction", "a rise"), ("word", "it fell")))
    return None
