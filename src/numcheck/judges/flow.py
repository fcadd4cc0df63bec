"""Judge ``flow``: a stock's later level is its earlier level plus what came in less what went out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.judges.arith import value_interval
from numcheck.model import Hit
from numcheck.patterns import View, format_number
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"flow"})
ROLES = ("from", "to")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"start", "end", "moves", "computed"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    ai, bi = rel.get("from"), rel.get("to")
    ins, outs = rel.all("in"), rel.all("out")
    if ai is None or bi is None or not ins or not outs:
        return None
    facts = view.facts
    acc = value_interval(facts[ai])
    point = facts[ai].value
    if point is None:
        return None
    for i in ins + outs:
        iv = value_interval(facts[i])
        v = facts[i].value
        if iv.low is None or iv.high is None or v is None:
            return None  # "more than 40 left": what went out is not pinned down
        if i in ins:
            acc, point = acc + iv, point + v
        else:
            acc, point = acc - iv, point - v
    if acc.low is None or acc.high is None or acc.overlaps(value_interval(facts[bi])):
        return None
    moves = " ".join(("+ " if r == "in" else "- ") + facts[i].text for r, i in rel.roles if r in ("in", "out"))
    return Hit(
        facts[bi].span,
        tuple(facts[i].span for i in (ai, *ins, *outs)),
        (
            ("start", facts[ai].text),
            ("end", facts[bi].text),
            ("moves", moves),
            ("computed", format_number(point)),
        ),
    )
