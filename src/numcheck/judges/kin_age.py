"""Judge ``kin-age``: a son or daughter cannot be nearly as old as a parent ("Audrey, aged 86, … their
76-year-old daughter")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit
from numcheck.patterns import View
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"kin"})
ROLES = ("child", "parent")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"child", "parent", "gap"})
# The youngest a parent is at a child's birth that a careful editor would let pass.
MIN_PARENT_GAP = 13


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    ci = rel.get("child")
    parents = rel.all("parent")
    if ci is None or not parents:
        return None
    child = view.facts[ci]
    ages = [(view.facts[p].value, p) for p in parents if view.facts[p].value is not None]
    if child.value is None or not ages:
        return None
    youngest, pi = min(ages)
    if youngest is None or youngest - child.value >= MIN_PARENT_GAP:
        return None
    return Hit(
        child.span,
        tuple(view.facts[p].span for p in parents),
        (("child", child.text), ("parent", view.facts[pi].text), ("gap", str(youngest - child.value))),
    )
