"""Judge ``grim``: a percentage that no whole number of a small group can give (the GRIM test).

Of 9 people, 7 is 77.8% and 6 is 66.7%, so "70% of 9 people" cannot be right
at the precision it is written to. The group's size is a whole count ("of
the 9 patients") or the sum of the counts that make it up ("38 men and 2
women were treated" … "43.5% of patients"). A share written to one decimal
place tests groups of up to 1,000; larger groups can give any such share.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit
from numcheck.patterns import Binding, View, as_percent, compile_templates, format_number, point, rounded_like
from numcheck.relations import Relation
from numcheck.vocab import vocab, words_of

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"sample"})
ROLES = ("whole", "share")
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, []), "max_n": (Decimal, Decimal(1000))}
FIELDS = frozenset({"part", "whole", "share", "computed"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {"templates": compile_templates("templates", params["templates"], ROLES)}


def _exact(value: Decimal | None, hedge: str) -> bool:
    return value is not None and hedge == "exact" and value > 0 and value == value.to_integral_value()


_WORDS = re.compile(r"[a-z][a-z-]*")


def _weighted(view: View) -> bool:
    """The text says its shares are weighted (vocab.toml ``[samples] weighting``)."""
    words = vocab().weighting
    return any(w in words for w in _WORDS.findall(view.text.lower()))


# Words between "of" and a whole that leave it the same whole ("of the 19", "of its 40").
_OF_DETERMINERS = frozenset({"the", "its", "their", "these", "all"})


def from_binding(rel: Relation, b: Binding, view: View, rule: Rule) -> Relation | None:
    """A template's whole told as a gap's size is no group: "a lead of 19 points, 41% to 22%", "a margin of
    12 votes, 55% to 45%" (the gap nouns of vocab.toml ``[comparison] gap_before``, as ``base.is_gap``)."""
    wi = rel.get("whole")
    if wi is None:
        return rel
    before = words_of(view.doc.text[max(0, view.facts[wi].span.start - 60) : view.facts[wi].span.start])
    while before and before[-1] in _OF_DETERMINERS:
        before = before[:-1]
    if len(before) >= 2 and before[-1] == "of" and before[-2] in vocab().gap_before:
        return None
    return rel


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    if view.memo("weighted", _weighted):
        return None  # "the results were weighted": a share of a weighted group need not be k of n
    si = rel.get("share")
    wi = rel.get("whole")
    parts = rel.all("item")
    if si is None or (wi is None and not parts):
        return None
    share = view.facts[si]
    members = (wi,) if wi is not None else parts
    if not all(_exact(view.facts[i].value, view.facts[i].hedge) for i in members):
        return None
    n = int(sum((view.facts[i].value or Decimal(0) for i in members), Decimal(0)))
    stated = as_percent(share) if share.kind == "percent" and share.hedge == "exact" else None
    if stated is None or not (0 < n <= rule.params["max_n"]):
        return None
    if stated.low is not None and stated.low > 100:
        return None  # "120% of the 400 staff" is more than the whole: the portion-bound judge says so
    if any(stated.contains(Decimal(k) * 100 / n) for k in range(n + 1)):
        return None
    target = point(share) or Decimal(0)
    k = min(range(n + 1), key=lambda k: abs(Decimal(k) * 100 / n - target))
    near = rounded_like(Decimal(k) * 100 / n, share.text + ".0")
    whole = view.facts[wi].text if wi is not None else format_number(Decimal(n))
    related = tuple(view.facts[i].span for i in members)
    fields = (("part", format_number(Decimal(k))), ("whole", whole), ("share", share.text), ("computed", f"{near}%"))
    return Hit(share.span, related, fields)
