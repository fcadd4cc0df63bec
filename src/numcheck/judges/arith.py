"""Interval arithmetic the judges share: exact whole counts, shares, sums."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from numcheck import startcache
from numcheck.interval import Interval
from numcheck.model import Fact

# Written without a scale word, a decimal point or a hedge, a whole count is
# exact ("3 of the 4 judges"): a count of people or things cannot be 3.4.
_PLAIN_WHOLE = startcache.compile(r"^\s*\d{1,3}(?:,\d{3})*\s*$|^\s*\d+\s*$")


def value_interval(f: Fact) -> Interval:
    """The fact's interval, narrowed to its value for a plain whole count."""
    if (
        f.kind in ("count", "number")
        and f.hedge == "exact"
        and f.value is not None
        and f.value == f.value.to_integral_value()
        and (_PLAIN_WHOLE.match(f.text) or _is_word_number(f.text))
    ):
        return Interval(f.value, f.value)
    return f.interval


# How far from its printed figure an editor reads a one-sided hedge that sets two figures against each
# other: "almost 34,000 of those 31,000" is more than 31,000; "from 62% to more than 58%" is no rise.
NEAR_READING = Decimal("0.05")


def near_interval(f: Fact, reach: Decimal = NEAR_READING) -> Interval:
    """The fact's interval with "almost", "nearly", "more than", "at least", "about" read as near the
    printed figure.

    A writer who means far more (or far less) writes the other figure; so "almost 34,000" is read as
    [32,300, 34,000], "more than 58%" as (58%, 60.9%] and "approximately 76%" as [72.2%, 79.8%]. Other
    hedges keep their interval."""
    iv = value_interval(f)
    v = f.value
    if v is None or v <= 0 or f.is_range:
        return iv
    width = v * reach
    if f.hedge == "nearly" and iv.high is not None:
        low = iv.high - width if iv.low is None else max(iv.low, iv.high - width)
        return Interval(low, iv.high)
    if f.hedge in ("more than", "at least") and iv.low is not None:
        return Interval(iv.low, iv.low + width, iv.low_open)
    if f.hedge == "about" and iv.low is not None and iv.high is not None:
        # "dropped to approximately 76%" from 70%: about its figure, not anywhere within a tenth of it.
        return Interval(max(iv.low, v - width), min(iv.high, v + width))
    return iv


def near_fact(f: Fact, reach: Decimal = NEAR_READING) -> Fact:
    """The fact with ``near_interval`` as its interval."""
    iv = near_interval(f, reach)
    return f if iv == f.interval else replace(f, interval=iv)


def percent_fact(f: Fact) -> Fact:
    """A share word ("a quarter", "one in five") as a percentage, to set against another percentage; read
    as "about", as a share word is a rounding. Other facts are returned as they are."""
    if f.kind != "share" or f.value is None:
        return f
    from numcheck.patterns import as_percent

    iv = as_percent(f)
    return replace(f, kind="percent", unit="%", value=f.value * 100, interval=iv) if iv is not None else f


# How far apart (as a ratio) the growth two figures in different sentences imply and the growth the text
# states can be before the two are read as wrongly linked rather than one figure mistyped: a slip in one
# figure moves a change a few-fold at most ("a fall of 84%, not 64%" is 0.16 against 0.36), while
# "It was up 14% from £1.21m" linked to the previous sentence's "£22,500" is 0.019 against 1.14. Within one
# sentence a link is not guessed, so a dropped digit stays an error ("up from A$246bn" to 1.33bn).
MISLINK_FACTOR = Decimal(5)


def mislinked(a: Fact, b: Fact, stated: Decimal) -> bool:
    """``a`` and ``b`` sit in different sentences and the growth they imply (b ÷ a) is more than
    ``MISLINK_FACTOR`` from the one the text states ("up 14%": 1.14; a bare rise or fall: 1), so the
    link, not a figure, is wrong: "sold for £22,500. It was up from £1.21m last year, an increase of 14%"."""
    if a.sentence == b.sentence or a.value is None or b.value is None or a.value <= 0 or b.value <= 0:
        return False
    implied = b.value / a.value
    if stated <= 0:
        return False
    return max(implied, stated) / min(implied, stated) > MISLINK_FACTOR


def lengths_alike(a: Fact, b: Fact) -> bool:
    """Two single lengths of time in one unit ("13 weeks" and "26 weeks"): a multiple relates them."""
    return (
        a.kind == b.kind == "duration"
        and a.unit == b.unit
        and not a.is_range
        and not b.is_range
        and a.interval.bounded
        and b.interval.bounded
    )


def _is_word_number(text: str) -> bool:
    return text.replace("-", "").replace(" ", "").isalpha() and len(text) < 30


def total_of(facts: list[Fact]) -> Interval:
    acc = Interval(Decimal(0), Decimal(0))
    for f in facts:
        acc = acc + value_interval(f)
    return acc
