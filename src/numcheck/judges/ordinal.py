"""Judge ``ordinal-within``: an ordinal counted within a whole is at most the whole's count.

"The fourth day of his three-day tour" names a day the tour does not have; so does "the fifth of
their four meetings". Both figures are whole numbers as written, so any ordinal above the whole is
a finding.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit
from numcheck.patterns import View, format_number
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"ordinal"})
ROLES = ("ordinal", "whole")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"ordinal", "whole", "noun", "count"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    oi, wi = rel.get("ordinal"), rel.get("whole")
    if oi is None or wi is None:
        return None
    o, w = view.facts[oi], view.facts[wi]
    if o.value is None or w.value is None or o.value <= w.value:
        return None
    fields = (("ordinal", o.text), ("whole", w.text), ("noun", rel.label("noun")), ("count", format_number(w.value)))
    return Hit(o.span, (w.span,), fields)
