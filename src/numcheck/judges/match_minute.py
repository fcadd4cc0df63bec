"""Judge ``match-minute``: a goal's minute as the report tells it ("made it two 20 minutes later", "five
minutes before the break … the opening goal") against the minutes of the goal list for that scorer, and a
substitution's ("gave way on 65 minutes") against the line-up's."""

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
FIELDS = frozenset({"minute", "told", "goal", "listed", "list"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def goal_name(scorer: str) -> str:
    """ "Pereira's goal", "a goal by Lund or Okoro", "the opening goal"."""
    if scorer == OPENING:
        return OPENING
    return f"a goal by {scorer}" if " or " in scorer else f"{scorer}'s goal"


def event_name(rel: Relation) -> tuple[str, str]:
    """What the minute is told of and the list that gives it: ("Pereira's goal", "goal list"), ("the
    substitution of Fuller or Yakubu", "line-up")."""
    if rel.label("event") == "substitution":
        return f"the substitution of {rel.label('scorer')}", "line-up"
    return goal_name(rel.label("scorer")), "goal list"


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
    event, listing = event_name(rel)
    return Hit(
        view.facts[fi].span,
        others,
        (
            ("minute", view.facts[fi].text),
            ("told", f"{told} or before" if at_most else told),
            ("goal", event),
            ("listed", ", ".join(listed)),
            ("list", listing),
        ),
    )
