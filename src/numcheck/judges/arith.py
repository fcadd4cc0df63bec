"""Interval arithmetic the judges share: exact whole counts, shares, sums."""

from __future__ import annotations

import re
from decimal import Decimal

from numcheck.interval import Interval
from numcheck.model import Fact

# Written without a scale word, a decimal point or a hedge, a whole count is
# exact ("3 of the 4 judges"): a count of people or things cannot be 3.4.
_PLAIN_WHOLE = re.compile(r"^\s*\d{1,3}(?:,\d{3})*\s*$|^\s*\d+\s*$")


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


def _is_word_number(text: str) -> bool:
    return text.replace("-", "").replace(" ", "").isalpha() and len(text) < 30


def total_of(facts: list[Fact]) -> Interval:
    acc = Interval(Decimal(0), Decimal(0))
    for f in facts:
        acc = acc + value_interval(f)
    return acc
