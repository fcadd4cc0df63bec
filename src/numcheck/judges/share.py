"""Judge ``share``: does a stated share match part ÷ whole? ("70 of 120 (48%)": 58%, not 48%)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import Interval
from numcheck.judges.arith import value_interval
from numcheck.model import Fact, Hit
from numcheck.patterns import View, as_percent, compile_templates, point, rounded_like, share_of
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"share"})
ROLES = ("part", "whole", "share")
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, []), "lookup": (list, [])}
FIELDS = frozenset({"part", "whole", "share", "computed"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "templates": compile_templates("templates", params["templates"], ROLES),
        "lookup": compile_templates("lookup", params["lookup"], ("part", "share")),
    }


def more_relations(rule: Rule, view: View) -> Iterator[Relation]:
    """ "5.6 million, or 24% of the population": the whole found elsewhere by its noun."""
    from numcheck.checks.ratio import _lookup_whole

    for b in view.bind(rule.compiled["lookup"], trusted=rule.trusted):
        pi, si = b.roles["part"], b.roles["share"]
        wi = _lookup_whole(view, b.groups.get("noun", ""), pi, si, view.facts[pi].sentence)
        if wi is not None:
            yield Relation("share", (("part", pi), ("whole", wi), ("share", si)), (), "document")


def _stated(share: Fact, view: View) -> Interval | None:
    """The share in percent; a bound on a share word is a bound: "less than a fourth" is under 25%, and "just
    over a quarter" only a little above it (``qualifier.fraction_range``: a quarter to 30%)."""
    if share.kind == "share" and share.value is not None and share.hedge in ("less than", "at most"):
        return Interval(Decimal(0), share.value * 100, high_open=share.hedge == "less than")
    if share.kind == "share" and share.value is not None and share.hedge in ("more than", "at least"):
        from numcheck.judges.qualifier import fraction_range, told_close_above

        if told_close_above(view, share):
            got = fraction_range(share, close=True)
            if got is not None:
                return got[0]
        return Interval(share.value * 100, Decimal(100), low_open=share.hedge == "more than")
    if share.kind == "percent" and not share.interval.bounded:
        # "more than 60% of the 500 residents": a share of a whole is at most 100% and at least 0%.
        low, high = share.interval.low, share.interval.high
        return Interval(
            Decimal(0) if low is None else low,
            Decimal(100) if high is None else high,
            low_open=share.interval.low_open,
            high_open=share.interval.high_open,
        )
    return as_percent(share)


def _said(share: Fact, view: View) -> str:
    """The share as the text bounds it: "less than a fourth", "a little over a quarter"."""
    if share.kind == "share" and share.hedge in ("more than", "at least"):
        from numcheck.judges.qualifier import told_close_above

        if told_close_above(view, share):
            return f"a little over {share.text}"
    if share.kind == "share" and share.hedge == "nearly":
        return f"nearly {share.text}"
    if share.kind in ("share", "percent") and share.hedge in ("less than", "at most", "more than", "at least"):
        return f"{share.hedge} {share.text}"
    return share.text


def _ratio(rel: Relation, view: View) -> Hit | None:
    """ "70 out of 120, i.e. 48%": both counts in one figure, each exact."""
    from numcheck.relations.shares import RATIO_TEXT

    ri, si = rel.get("ratio"), rel.get("share")
    if ri is None or si is None:
        return None
    ratio, share = view.facts[ri], view.facts[si]
    m = RATIO_TEXT.match(ratio.text)
    stated = as_percent(share)
    if not m or stated is None:
        return None
    part, whole = (Decimal(g.replace(",", "")) for g in m.groups())
    if whole == 0:
        return None
    exact = part / whole * 100
    if stated.contains(exact):
        return None
    value = rounded_like(exact, share.text) + "%"
    fields = (("part", m.group(1)), ("whole", m.group(2)), ("share", share.text), ("computed", value))
    return Hit(share.span, (ratio.span,), fields)


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    if rel.get("ratio") is not None:
        return _ratio(rel, view)
    pi, wi, si = rel.get("part"), rel.get("whole"), rel.get("share")
    if pi is None or wi is None or si is None:
        return None
    facts = view.facts
    part, whole, share = facts[pi], facts[wi], facts[si]
    if (part.kind == "money" or whole.kind == "money") and part.unit != whole.unit:
        return None
    if part.unit and whole.unit and part.unit != whole.unit:
        return None
    stated = _stated(share, view)
    piv, wiv = value_interval(part), value_interval(whole)
    computed = share_of(piv, wiv) if piv.bounded else None
    if stated is None or computed is None or computed.overlaps(stated):
        return None
    pv, wv = point(part), point(whole)
    if pv is None or wv is None or wv == 0:
        return None
    value = rounded_like(pv / wv * 100, share.text) + "%"
    return Hit(
        share.span,
        (part.span, whole.span),
        (("part", part.text), ("whole", whole.text), ("share", _said(share, view)), ("computed", value)),
    )
