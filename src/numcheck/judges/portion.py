"""Judge ``portion-bound``: a part of a whole is at most all of it ("180% of Ethiopians")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit
from numcheck.patterns import View, compile_templates
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"portion"})
ROLES = ("share",)
TEMPLATE_ROLES = {"x": "share"}
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, [])}
FIELDS = frozenset({"figure", "noun"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {"templates": compile_templates("templates", params["templates"], ROLES)}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    si = rel.get("share")
    if si is None:
        return None
    f = view.facts[si]
    # "about 105% of voters": a share said to be above the whole is wrong however loosely it is said;
    # "nearly 102%" may be 100.5% and is read by its interval.
    low = f.value if f.hedge == "about" else f.interval.low
    if f.kind != "percent" or low is None or low <= 100:
        return None
    noun = rel.label("whole") or dict(rel.labels).get("noun", "") or "its whole"
    return Hit(f.span, (), (("figure", f.text), ("noun", noun.strip())))
