"""Judge ``within-100``: the shares of one whole, each a separate group, add up to at most 100%."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit
from numcheck.patterns import View, compile_regex
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"shares"})
ROLES = ()
PARAMS: dict[str, tuple[type, Any]] = {
    # Answers to one question: "45% said ...". Not "were": "60% were women, 70% were over 40" splits two ways.
    "breakdown": (
        str,
        r"^\s+(?:said|say|says|voted|backed|supported|opposed|chose|preferred|favou?red|answered|replied)\b",
    ),
    "exclude": (str, r"(?!)"),
}
FIELDS = frozenset({"part", "whole", "parts", "sum", "total"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    # The rule's exclude words guard its own sentence reading (more_relations), not the relations the
    # builders find, which carry their own guards: "59% are men compared to 51% women" is one whole.
    return {
        "templates": (),
        "breakdown": compile_regex("breakdown", params["breakdown"]),
        "sentence_exclude": compile_regex("exclude", params["exclude"]),
    }


def more_relations(rule: Rule, view: View) -> Iterator[Relation]:
    """Answers to one question in one sentence: every share followed by an answer verb ("55% said")."""
    from numcheck.checks.total import listed_answers

    compiled = rule.compiled
    for listed in listed_answers(view, compiled["breakdown"], compiled["sentence_exclude"], rule.trusted):
        yield Relation("shares", tuple(("item", i) for i in listed), (), "template")


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    from numcheck.checks.total import over_100

    items = rel.all("item")
    return over_100(view.facts, items) if len(items) >= 2 else None
