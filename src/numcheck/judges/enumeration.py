"""Judge ``count-items``: a count agrees with the list of names it introduces ("Nine countries — A, B, ...")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit
from numcheck.patterns import View
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"enumeration"})
ROLES = ("count",)
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"count", "items", "list"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    ci = rel.get("count")
    items = rel.label("items")
    if ci is None or not items.isdigit():
        return None
    count = view.facts[ci]
    if count.value is None or int(count.value) == int(items):
        return None
    if rel.label("partial") and int(items) < int(count.value):
        return None  # "eight countries, including A and B": a partial list may name fewer, never more
    return Hit(count.span, (), (("count", count.text), ("items", items), ("list", rel.label("list"))))
