"""Judge ``points``: a change between two percentages written in % that is the change in points.

"From 4% to 6%, up 2%" says a relative change of 2%, but 4% to 6% is a rise
of 50%, or of 2 percentage points: the figure is the points and should say
so. The judge reads every ``change`` relation with percent ends and a
stated change in %, wherever its ends were found (one clause, or the level
reached in an earlier sentence); a stated change that matches the relative
change, or a change given in points, is not a finding.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit
from numcheck.patterns import View, compile_templates
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"change"})
ROLES = ("from", "to", "stated")
# The rule's templates name the ends a, b and the stated change c.
TEMPLATE_ROLES = {"a": "from", "b": "to", "c": "stated"}
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, [])}
FIELDS = frozenset({"from", "to", "stated", "computed", "points", "direction", "word", "change", "claim"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {"templates": compile_templates("templates", params["templates"], ("a", "b", "c"))}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    from numcheck.checks.change import _endpoints_ok, _stated_change
    from numcheck.checks.conversion import printed

    ai, bi, ci = rel.get("from"), rel.get("to"), rel.get("stated")
    if ai is None or bi is None or ci is None:
        return None
    a, b, c = view.facts[ai], view.facts[bi], view.facts[ci]
    if rel.label("to") == "printed":
        b = printed(b)  # "pushed rates up to 2.25%": a level reached, not a bound
    if a.kind != "percent" or b.kind != "percent" or c.kind != "percent" or not _endpoints_ok(a, b):
        return None
    # A template binds no direction: both signs are tried.
    direction = {"up": "rise", "down": "fall"}.get(rel.label("direction"), "")
    return _stated_change(a, b, c, direction, "points")
