"""Check kind ``conversion``: a figure and its bracketed conversion ("10 miles (16 km)") must agree.

Templates bind ``a`` (the figure) and ``b`` (its conversion); an optional
``hedge`` group ("about", "ca.") marks the conversion as approximate.

- ``test = "units"``: both are measures; ``a``'s interval is converted
  through pint (``numcheck.units``) and must overlap ``b``'s, so a
  conversion is judged at the precision it is written to.
- ``test = "currency"``: both are money in different currencies; the implied
  rate must lie inside the plausible band of ``rates`` (value of one unit in
  US dollars, low and high). Rates move, so this is a note.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import Interval, hedged
from numcheck.model import Fact, Hit
from numcheck.patterns import View, compile_templates, format_number, point, round_to

if TYPE_CHECKING:
    from numcheck.model import Rule

# The largest rounding step, as a share of the value, that trailing zeros are read as.
ROUNDING_SHARE = Decimal("0.05")
# Significant figures an implied exchange rate is shown to: rates are quoted to three or
# four ("1 GBP = 1.27 USD"); more digits only repeat the arithmetic of two rounded figures.
RATE_DIGITS = 3

PARAMS: dict[str, tuple[type, Any]] = {
    "test": (str, "units"),
    "templates": (list, []),
    "rates": (dict, {}),
}
FIELDS = frozenset({"figure", "conversion", "computed", "rate"})
TESTS = ("units", "currency")


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    if params["test"] not in TESTS:
        raise ValueError(f"test: {params['test']!r} is not one of {', '.join(TESTS)}")
    rates: dict[str, Interval] = {}
    for code, band in params["rates"].items():
        if (
            not isinstance(band, list)
            or len(band) != 2
            or not all(isinstance(v, Decimal | int) and not isinstance(v, bool) for v in band)
            or not 0 < band[0] <= band[1]
        ):
            raise ValueError(f"rates.{code}: must be [low, high], two positive numbers, low first")
        rates[code.upper()] = Interval(Decimal(band[0]), Decimal(band[1]))
    if params["test"] == "currency" and not rates:
        raise ValueError("rates: a currency test needs a table of rates")
    return {"templates": compile_templates("templates", params["templates"], ("a", "b")), "rates": rates}


def find(rule: Rule, view: View) -> Iterator[Hit]:
    facts = view.facts
    for bnd in view.bind(rule.compiled["templates"], trusted=rule.trusted):
        a, b = _unbracket(facts[bnd.roles["a"]]), _unbracket(facts[bnd.roles["b"]])
        if not (a.interval.bounded and b.interval.bounded) or a.unit is None or b.unit is None:
            continue
        b_iv = _approximate(b) if bnd.groups.get("hedge") else _round_zeros(b)
        if rule.params["test"] == "units":
            hit = _units(a, b, b_iv)
        else:
            hit = _currency(a, b, b_iv, rule.compiled["rates"])
        if hit:
            yield hit


# Hedges ``printed`` reads through: the bounds a conversion shares with its figure.
BOUNDS = ("at least", "at most", "more than", "less than")


def printed(f: Fact, hedges: tuple[str, ...] = BOUNDS) -> Fact:
    """A figure under a bound ("up to 290km/h", "at least 6 feet") read at its printed precision
    (under any of ``hedges``).

    A bound in front of a figure and its bracketed conversion bounds both:
    "up to 290km/h (180 mph)" converts 290 km/h to 180 mph, so the two are
    compared as printed.
    """
    import re
    from dataclasses import replace

    if f.value is None or f.hedge not in hedges:
        return f
    from numcheck import numwords

    m = re.search(r"\d[\d,]*(?:\.(\d+))?", f.text)
    if m:
        shown = Decimal(m.group().replace(",", ""))
        places = len(m.group(1) or "")
    else:
        # A figure in words is told to its last word: "at least two metres" is 1.5 to 2.5 metres as "2 metres" is.
        w = next(numwords.finditer(f.text), None)
        value = numwords.parse(w.group()) if w else None
        if value is None or value != value.to_integral_value():
            return f
        shown, places = value, 0
    if not shown:
        return f
    step = Decimal(1).scaleb(-places) * (f.value / shown)
    return replace(f, hedge="exact", interval=hedged(f.value, step, "exact"))


def _unbracket(f: Fact) -> Fact:
    """A bracketed figure read as an accounting negative ("($130)") is the positive conversion."""
    if f.text.startswith("(") and f.value is not None and f.value < 0:
        from dataclasses import replace

        iv = f.interval
        return replace(f, value=-f.value, interval=Interval(-iv.high, -iv.low) if iv.bounded else iv)  # type: ignore[operator]
    return f


def _round_zeros(f: Fact) -> Interval:
    """The fact's interval, widened when its digits end in zeros ("3,300 lb" may be rounded to the hundred).

    Converted figures are usually rounded: "1,500 kg (3,300 lb)" is a fair
    conversion, though 1,500 read to the unit is 3,307 lb.
    """
    import re

    m = re.search(r"\d[\d,]*(?:\.\d+)?", f.text)
    if f.value is None or f.hedge != "exact" or not m or "." in m.group() or not f.interval.bounded:
        return f.interval
    digits = m.group().replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == 0 or zeros == len(digits):
        return f.interval
    # Each trailing zero may be rounding, as long as the rounding stays within 5% of the
    # value: "29,000 feet" may be rounded to the thousand, "200 km" not to the hundred.
    base = f.interval.high - f.interval.low  # type: ignore[operator]
    for k in range(zeros, 0, -1):
        width = base * Decimal(10) ** k
        if width <= abs(f.value) * ROUNDING_SHARE:
            return Interval(min(f.interval.low, f.value - width / 2), max(f.interval.high, f.value + width / 2))  # type: ignore[type-var]
    return f.interval


def _approximate(f: Fact) -> Interval:
    step = (f.interval.high - f.interval.low) if f.hedge == "exact" and f.interval.bounded else Decimal(1)  # type: ignore[operator]
    return hedged(f.value, step, "about") if f.value is not None else f.interval


def _units(a: Fact, b: Fact, b_iv: Interval) -> Hit | None:
    if a.kind != "measure" or b.kind != "measure" or a.unit == b.unit:
        return None
    from numcheck import units

    a_iv = _round_zeros(a)
    at = point(a)
    if a.unit is None or b.unit is None or a_iv.low is None or a_iv.high is None or at is None:
        return None
    mid = Decimal(0)
    # Each reading of an ambiguous unit ("gallons": US or imperial); any that fits clears the conversion.
    for ua in units.alternates(a.unit):
        for ub in units.alternates(b.unit):
            try:
                lo = units.convert(a_iv.low, ua, ub)
                hi = units.convert(a_iv.high, ua, ub)
                m = units.convert(at, ua, ub)
            except ValueError:
                return None  # not the same dimension: "10 km (an hour's drive)"
            if Interval(min(lo, hi), max(lo, hi)).overlaps(b_iv):
                return None
            if ua == a.unit and ub == b.unit:
                mid = m
    shown = _like(mid, b, a)
    return Hit(
        b.span, (a.span,), (("figure", as_quantity(a)), ("conversion", b.text), ("computed", shown), ("rate", ""))
    )


def as_quantity(f: Fact) -> str:
    """A figure written as a compound adjective, shown as the quantity it is ("26.2-mile" → "26.2 miles").

    "A 26.2-mile race" is right in the sentence, but "26.2-mile is 42.2 km"
    is not English; other figures are shown as written.
    """
    import re

    from numcheck.units import is_word, plural

    m = re.fullmatch(r"(?P<num>.*[\w.])\s*-\s*(?P<unit>[A-Za-z]+)", f.text)
    if m is None or not is_word(m["unit"]):
        return f.text
    unit = m["unit"] if f.value == 1 else plural(m["unit"])
    return f"{m['num']} {unit}"


# Scale words a converted figure may carry before its unit ("60 million gallons").
_SCALES = {
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
}


def _like(value: Decimal, f: Fact, figure: Fact) -> str:
    """``value`` written as ``f`` is (one more digit, ``f``'s unit), spaced as ``figure`` is.

    The message reads "30C is 86F" and "30 °C is 86 °F", whichever way the
    conversion was spaced: one style on both sides of "is". A unit word is
    always spaced ("16.1 km", "6.2 miles").
    """
    import re

    from numcheck.units import is_word

    two = re.fullmatch(r"(\d+)(\s*)([A-Za-z]+)(\s+(?:and\s+)?)\d+(?:\.\d+)?(\s*)(\S+)", f.text)
    per = {"inch": 12, "pound": 14, "ounce": 16}.get(f.unit or "")
    if two is not None and per is not None:
        # "6ft 2in", "15st 4lb": the value (in the smaller unit) told the same way.
        whole = round_to(value, Decimal(1))
        big, small = divmod(int(whole), per)
        return f"{big}{two[2]}{two[3]}{two[4]}{small}{two[5]}{two[6]}"
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", f.text)
    places = (len(m.group(1)) if m and m.group(1) else 0) + 1
    unit = f.text[m.end() :].strip() if m else ""
    scale = _SCALES.get(unit.split()[0].lower(), 1) if unit else 1
    if scale != 1:
        value = value / scale  # "60 million gallons": the value in the figure's own scale ("108.8 million")
    q = round_to(value, Decimal(1).scaleb(-places))
    if not unit:
        return format_number(q)
    word = unit[0].isalpha() and is_word(unit.split()[0])
    glued = re.search(r"\d[A-Za-z°º]", figure.text) is not None and not word
    return f"{format_number(q)}{'' if glued else ' '}{unit}"


def significant(value: Decimal, digits: int = RATE_DIGITS) -> Decimal:
    """``value`` rounded half-up to ``digits`` significant figures (531,746.032 → 532,000)."""
    if not value:
        return value
    return round_to(value, Decimal(1).scaleb(value.adjusted() - digits + 1))


def _currency(a: Fact, b: Fact, b_iv: Interval, rates: Mapping[str, Interval]) -> Hit | None:
    if a.kind != "money" or b.kind != "money" or a.unit == b.unit:
        return None
    ra, rb = rates.get((a.unit or "").upper()), rates.get((b.unit or "").upper())
    if ra is None or rb is None:
        return None
    # b should be a × (value of a's currency ÷ value of b's currency), over the whole plausible band.
    band = ra.divide(rb)
    lo_a, hi_a = a.interval.low, a.interval.high
    if band is None or band.low is None or band.high is None or lo_a is None or hi_a is None:
        return None
    expected = Interval(lo_a * band.low, hi_a * band.high)
    if expected.overlaps(b_iv):
        return None
    av, bv = point(a), point(b)
    rate = f"1 {a.unit} = {format_number(significant(bv / av))} {b.unit}" if av and bv else "?"
    return Hit(b.span, (a.span,), (("figure", a.text), ("conversion", b.text), ("computed", ""), ("rate", rate)))
