"""Judge ``currency-rate``: a bracketed currency conversion far from the text's own rate or any plausible one.

"785m euros ($3bn)" implies $3.82 to the euro. The implied rate is judged
against, first, the text's other conversions between the same two
currencies ("$32m (£17m)" sets about £0.53 to the dollar for "$23,000
(£42,000)"), and, where the text has none, the middle of each currency's
plausible band (the rule's ``rates``: the value of one unit in US dollars,
low and high). Rates move, so only a rate more than ``far`` times off (2 by
default) is a finding, and then it is a warning: a wrong scale word or
currency sign, not a market move.

A rate outside the band itself is a finding too: the band of the pair in the
rule's ``pairs`` table (the lowest and highest the pair has had), or else
the band the two dollar bands allow, widened by ``BAND_SLACK`` because those
are plausible bands rather than records. The rate is read at the printed
precision of both figures, so "$1bn (£1bn)" is never outside a band.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.checks.conversion import BOUNDS, printed, significant
from numcheck.judges.arith import value_interval
from numcheck.model import Fact, Hit
from numcheck.patterns import View, compile_templates, format_number
from numcheck.relations import Relation, build

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"conversion"})
ROLES = ("figure", "conversion")
TEMPLATE_ROLES = {"a": "figure", "b": "conversion"}
PARAMS: dict[str, tuple[type, Any]] = {
    "templates": (list, []),
    "rates": (dict, {}),
    "pairs": (dict, {}),
    "far": (Decimal, Decimal(2)),
}
FIELDS = frozenset({"figure", "conversion", "rate", "reason"})
# How far past the band two dollar bands allow a rate may go before it is outside any plausible one: the
# dollar bands are plausible ranges, not the records of every pair ("$75,000 (£89,000)" is 1.25 times past).
BAND_SLACK = 1.1
# A text whose own conversions agree closely sets its rate more firmly than any band: with at least
# ``AGREEING`` other conversions of the pair no more than ``TIGHT_SPREAD`` apart (one story converts at
# one day's rate; a bank holiday's move is a few per cent), a rate ``NEAR`` times off theirs is a slip
# ("$14.1m (£14.6m)" among three others at about £0.53 to the dollar), not a market move.
AGREEING = 3
TIGHT_SPREAD = math.log(1.25)
NEAR = math.log(1.5)
# Two or more other conversions whose rates agree to within ``SHARED`` fix the text's rate firmly: a
# conversion whose own rate, read at the printed precision of both figures, stays more than ``CLEAR`` off
# theirs at every rounding is a slip ("$30.2m (£16m)" and "$25.4m (£13.5m)" give about
# 0.53; "$14.1m (£9.9m)" cannot be read as under 0.69). Over the corpus, conversions of one article stay
# within 1.06 of their others' common rate unless a figure is wrong; a dated series ("in 2004 … in 2015")
# does not share a rate and sets none.
SHARED = math.log(1.1)
CLEAR = math.log(1.2)


def _band(key: str, band: Any) -> tuple[float, float]:
    if (
        not isinstance(band, list)
        or len(band) != 2
        or not all(isinstance(v, Decimal | int | float) and not isinstance(v, bool) for v in band)
        or not 0 < band[0] <= band[1]
    ):
        raise ValueError(f"{key}: must be [low, high], two positive numbers, low first")
    return float(band[0]), float(band[1])


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    rates = {code.upper(): _band(f"rates.{code}", band) for code, band in params["rates"].items()}
    pairs: dict[tuple[str, str], tuple[float, float]] = {}
    for key, band in params["pairs"].items():
        codes = key.upper().split("/")
        if len(codes) != 2 or not all(codes):
            raise ValueError(f"pairs.{key}: must name two currencies as 'GBP/EUR'")
        pairs[(codes[0], codes[1])] = _band(f"pairs.{key}", band)
    if not rates:
        raise ValueError("rates: a currency judge needs a table of rates")
    if params["far"] <= 1:
        raise ValueError("far: must be more than 1 (a factor)")
    return {
        "templates": compile_templates("templates", params["templates"], ("a", "b")),
        "rates": rates,
        "pairs": pairs,
        "far": math.log(float(params["far"])),
    }


def _rate(a: Fact, b: Fact) -> float | None:
    """Units of b's currency per unit of a's, from the printed values (hedges do not move a rate)."""
    if a.kind != "money" or b.kind != "money" or not a.unit or not b.unit or a.unit == b.unit:
        return None
    if a.value is None or b.value is None or a.value <= 0 or b.value <= 0 or a.is_range or b.is_range:
        return None
    return float(b.value) / float(a.value)


def _printed_range(a: Fact, b: Fact) -> tuple[float, float] | None:
    """Units of b per unit of a at the printed precision of both figures (hedges do not move a rate, and
    "about 19,800 yen (145 euros)" hedges the price, not the rate): (lowest, highest), or None."""
    ia, ib = (value_interval(printed(f, (*BOUNDS, "about"))) for f in (a, b))
    if ia.low is None or ia.high is None or ib.low is None or ib.high is None or ia.low <= 0:
        return None
    return float(ib.low / ia.high), float(ib.high / ia.low)


def _off_shared(here: tuple[float, float] | None, others: list[float]) -> float | None:
    """The common log rate of two or more ``others`` that agree to within ``SHARED`` when ``here`` (a
    printed-precision range of the rate) is more than ``CLEAR`` from them at every rounding; else None."""
    if here is None or here[0] <= 0 or len(others) < 2 or max(others) - min(others) > SHARED:
        return None
    here = (math.log(here[0]), math.log(here[1]))
    low, high = min(others), max(others)
    if here[0] - high > CLEAR or low - here[1] > CLEAR:
        return (low + high) / 2
    return None


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
        bar = NEAR if len(others) >= AGREEING and max(others) - min(others) <= TIGHT_SPREAD else far
        if abs(here - own) > bar and trusted:
            reason = f"while the text's other conversions give 1 {a.unit} = {_show(math.exp(own))} {b.unit}"
        else:
            shared = _off_shared(_printed_range(a, b), others)
            if shared is not None:
                reason = f"while the text's other conversions give 1 {a.unit} = {_show(math.exp(shared))} {b.unit}"
    if not reason and mid is not None and abs(here - mid) > far:
        reason = "far from any plausible exchange rate"
    if not reason:
        reason = _outside_band(a, b, rule.compiled)
    if not reason:
        return None
    rate = f"1 {a.unit} = {_show(r)} {b.unit}"
    return Hit(b.span, (a.span,), (("figure", a.text), ("conversion", b.text), ("rate", rate), ("reason", reason)))


def _plausible(a: str, b: str, compiled: Mapping[str, Any]) -> tuple[float, float] | None:
    """The band of units of ``b`` per unit of ``a``: the pair's own record, or what the dollar bands allow
    with ``BAND_SLACK``; None when a currency is in neither table."""
    pairs: Mapping[tuple[str, str], tuple[float, float]] = compiled["pairs"]
    rates: Mapping[str, tuple[float, float]] = compiled["rates"]
    if (a, b) in pairs:
        return pairs[(a, b)]
    if (b, a) in pairs:
        lo, hi = pairs[(b, a)]
        return 1 / hi, 1 / lo
    if a in rates and b in rates:
        (alo, ahi), (blo, bhi) = rates[a], rates[b]
        return alo / bhi / BAND_SLACK, ahi / blo * BAND_SLACK
    return None


def _outside_band(a: Fact, b: Fact, compiled: Mapping[str, Any]) -> str:
    """The reason a conversion's rate, at the printed precision of both figures, is outside its band, or ""."""
    assert a.unit and b.unit
    band = _plausible(a.unit, b.unit, compiled)
    rate = _printed_range(a, b)
    if band is None or rate is None:
        return ""
    low, high = rate
    if band[0] <= high and low <= band[1]:
        return ""
    return f"outside any rate the two have had (1 {a.unit} = {_show(band[0])} to {_show(band[1])} {b.unit})"


def _show(x: float) -> str:
    return format_number(significant(Decimal(repr(x))))
