"""Judge ``set-told``: a set told by its place in the match ("took the opening set 6-3") against that
set in the match score printed for it ("6-4 3-6 7-5"). The games are compared as a pair in any order:
a report may give a set from the side that lost it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit, Span
from numcheck.patterns import View
from numcheck.relations import Relation
from numcheck.relations.compare import _games

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"set-told"})
ROLES = ("set", "told")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"told", "place", "set", "score"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    si = rel.get("set")
    told = _games(rel.label("told"))
    start, _, end = rel.label("told_span").partition(":")
    if si is None or told is None or not start.isdigit() or not end.isdigit():
        return None
    printed = view.facts[si]
    games = _games(printed.text)
    if games is None or sorted(games) == sorted(told):
        return None
    fields = (
        ("told", rel.label("told")),
        ("place", rel.label("place")),
        ("set", printed.text),
        ("score", rel.label("score")),
    )
    return Hit(Span(int(start), int(end)), (printed.span,), fields)
