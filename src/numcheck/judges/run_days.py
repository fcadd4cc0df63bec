"""Judge ``run-days``: a day counted from the day of "her second defeat in two days" must fall inside the
run ("… on Sunday. Three days earlier, she lost to …" puts the first defeat outside two days)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit
from numcheck.patterns import View
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"run"})
ROLES = ("within", "other")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"other", "within", "day", "apart"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    wi, oi, di = rel.get("within"), rel.get("other"), rel.get("day")
    shift = rel.label("shift").lstrip("-")
    if wi is None or oi is None or di is None or not shift.isdigit() or view.facts[wi].value is None:
        return None
    # Events "in two days" fall on two days in a row: at most one day apart.
    allowed = int(view.facts[wi].value or 0) - 1
    if int(shift) <= allowed:
        return None
    others = tuple(view.facts[i].span for r, i in rel.roles if r not in ("other",))
    return Hit(
        view.facts[oi].span,
        others,
        (
            ("other", view.facts[oi].text),
            ("within", view.facts[wi].text),
            ("day", view.facts[di].text),
            ("apart", shift),
        ),
    )
