"""Judge ``currency-rate``: a bracketed currency conversion far from the text's own rate or any plausible one.

"785m euros ($3bn)" implies $3.82 to the euro. The implied rate is judged
against, first, the text's other conversions between the same two
currencies ("$32m (£17m)" sets about £0.53 to the dollar for "$23,000
(£42,000)"), and, where the text has none, the middle of each currency's
plausible band (the rule's ``rates``: the value of one unit in US dollars,
low and high). Rates move, so only a rate more than ``far`` times off (2 by
default) is a finding, and then it is a warning: a wrong scale word or
currency sign, not a market move.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.checks.conversion import significant
from numcheck.model import Fact, Hit
from numcheck.patterns import View, compile_templates, format_number
from numcheck.relations import Relation, build

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"conversion"})
ROLES = ("figure", "conversion")
TEMPLATE_ROLES = {"a": "figure", "b": "conversion"}
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, []), "rates": (dict, {}), "far": (Decimal, Decimal(2))}
FIELDS = frozenset({"figure", "conversion", "rate", "reason"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    rates: dict[str, tuple[float, float]] = {}
    for code, band in params["rates"].items():
        if (
            not isinstance(band, list)
            or len(band) != 2
            or not all(isinstance(v, Decimal | int | float) and not isinstance(v, bool) for v in band)
            or not 0 < band[0] <= band[1]
        ):
            raise ValueError(f"rates.{code}: must be [low, high], two positive numbers, low first")
        rates[code.upper()] = (float(band[0]), float(band[1]))
    if not rates:
        raise ValueError("rates: a currency judge needs a table of rates")
    if params["far"] <= 1:
        raise ValueError("far: must be more than 1 (a factor)")
    return {
        "templates": compile_templates("templates", params["templates"], ("a", "b")),
        "rates": rates,
        "far": math.log(float(params["far"])),
    }


def _rate(a: Fact, b: Fact) -> float | None:
    """Units of b's currency per unit of a's, from the printed values (hedges do not move a rate)."""
    if a.kind != "money" or b.kind != "money" or not a.unit or not b.unit or a.unit == b.unit:
        return None
    if a.value is None or b.value is None or a.value <= 0 or b.value <= 0 or a.is_range or b.is_range:
        return None
    return float(b.value) / float(a.value)


def _pair_rates(view: View, pair: tuple[str, str], skip: tuple[int, int]) -> list[float]:
    """log rates (b per a, in ``pair`` order) of the text's other conversions between the two currencies."""
    out: list[float] = []
    for rel in view.memo("relations", build).get("conversion", ()):
        ai, bi = rel.get("figure"), rel.get("conversion")
        if ai is None or bi is None or (ai, bi) == skip:
            continue
        a, b = view.facts[ai], view.facts[bi]
        r = _rate(a, b)
        if r is None:
            continue
        if (a.unit, b.unit) == pair:
            out.append(math.log(r))
        elif (b.unit, a.unit) == pair:
            out.append(-math.log(r))
    return out


def _median(xs: list[float]) -> float:
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    ai, bi = rel.get("figure"), rel.get("conversion")
    if ai is None or bi is None:
        return None
    a, b = view.facts[ai], view.facts[bi]
    r = _rate(a, b)
    if r is None:
        return None
    assert a.unit and b.unit
    far = rule.compiled["far"]
    rates = rule.compiled["rates"]
    here = math.log(r)
    # The middle of the plausible band for b per a, when both currencies are in the table.
    mid: float | None = None
    if a.unit in rates and b.unit in rates:
        (alo, ahi), (blo, bhi) = rates[a.unit], rates[b.unit]
        mid = (math.log(alo) + math.log(ahi) - math.log(blo) - math.log(bhi)) / 2
    others = _pair_rates(view, (a.unit, b.unit), (ai, bi))
    reason = ""
    if others:
        own = _median(others)
        # With one other conversion, the one nearer the plausible band is taken as right; with no
        # band known, only a rate two others agree on is.
        # Conversions that disagree among themselves set no rate ("KSh17m (£2.4m)" beside "KSh38m (£11m)").
        agree = max(others) - min(others) <= far
        trusted = agree and (len(others) >= 2 or (mid is not None and abs(own - mid) < abs(here - mid)))
        if abs(here - own) > far and trusted:
            reason = f"while the text's other conversions give 1 {a.unit} = {_show(math.exp(own))} {b.unit}"
    if not reason and mid is not None and abs(here - mid) > far:
        reason = "far from any plausible exchange rate"
    if not reason:
        return None
    rate = f"1 {a.unit} = {_show(r)} {b.unit}"
    return Hit(b.span, (a.span,), (("figure", a.text), ("conversion", b.text), ("rate", rate), ("reason", reason)))


def _show(x: float) -> str:
    return format_number(significant(Decimal(repr(x))))
