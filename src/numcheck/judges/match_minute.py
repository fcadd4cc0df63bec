"""Judge ``match-minute``: a goal's minute as the report tells it ("made it two 20 minutes later", "five
minutes before the break … the opening goal") against the minutes of the goal list for that scorer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.minutes import MINUTE_SLACK, OPENING
from numcheck.model import Hit
from numcheck.patterns import View
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"match-minute"})
ROLES = ("minute",)
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"minute", "told", "goal", "listed"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def goal_name(scorer: str) -> str:
    """ "Pereira's goal", "a goal by Lund or Okoro", "the opening goal"."""
    if scorer == OPENING:
        return OPENING
    return f"a goal by {scorer}" if " or " in scorer else f"{scorer}'s goal"


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    fi = rel.get("minute")
    told, listed = rel.label("told"), rel.label("listed").split()
    if fi is None or not told.lstrip("-").isdigit() or not listed:
        return None
    minute = int(told)
    at_most = rel.label("bound") == "at-most"  # "level within three minutes": by that minute at the latest
    if at_most and any(int(g) <= minute + MINUTE_SLACK for g in listed):
        return None
    if not at_most and any(abs(minute - int(g)) <= MINUTE_SLACK for g in listed):
        return None
    others = tuple(view.facts[i].span for r, i in rel.roles if r != "minute")
    return Hit(
        view.facts[fi].span,
        others,
        (
            ("minute", view.facts[fi].text),
            ("told", f"{told} or before" if at_most else told),
            ("goal", goal_name(rel.label("scorer"))),
            ("listed", ", ".join(listed)),
        ),
    )
