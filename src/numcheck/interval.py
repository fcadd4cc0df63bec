"""Interval arithmetic over Decimals: printed precision and hedges become ranges.

statcheck's idea applied to every figure: a printed number stands for every
value that rounds to it ("5.6 million" is [5.55M, 5.65M]); a hedge widens or
opens the range ("about", "more than"). Rules compare intervals, never floats
with a tolerance.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

# Relative widening for "about"-type hedges, on top of the rounding range.
ABOUT_WIDTH = Decimal("0.1")
# "nearly 50" / "almost 50": somewhere below 50 but close.
NEARLY_WIDTH = Decimal("0.15")
# A hedge never widens a figure past one unit of its last printed digit (three for "nearly"): "about
# 48,200" is told to the hundred and means 48,100 to 48,300, not 43,400 to 53,000 (10%); "about 61,000"
# cannot hold "some 64,000"; "about 50,000" keeps its 10% (45,000 to 55,000), less than one unit of its
# ten thousands. The printed precision is the writer's own statement of how close the figure is.
HEDGE_STEPS = Decimal(1)
NEARLY_STEPS = Decimal(3)

HEDGES = ("exact", "about", "nearly", "more than", "at least", "less than", "at most", "vague")


@dataclass(frozen=True, slots=True)
class Interval:
    """A range of values; ``None`` on a side means unbounded on that side.

    ``low_open``/``high_open`` say whether the bound itself is excluded
    ("more than 5" excludes 5).
    """

    low: Decimal | None
    high: Decimal | None
    low_open: bool = False
    high_open: bool = False

    @staticmethod
    def point(value: Decimal) -> Interval:
        return Interval(value, value)

    @property
    def bounded(self) -> bool:
        return self.low is not None and self.high is not None

    def contains(self, value: Decimal) -> bool:
        if self.low is not None and (value < self.low or (self.low_open and value == self.low)):
            return False
        if self.high is not None and (value > self.high or (self.high_open and value == self.high)):
            return False
        return True

    def overlaps(self, other: Interval) -> bool:
        """True when some value lies in both intervals."""
        return not (_below(self, other) or _below(other, self))

    def __add__(self, other: Interval) -> Interval:
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(low, high, self.low_open or other.low_open, self.high_open or other.high_open)

    def __sub__(self, other: Interval) -> Interval:
        low = None if self.low is None or other.high is None else self.low - other.high
        high = None if self.high is None or other.low is None else self.high - other.low
        return Interval(low, high, self.low_open or other.high_open, self.high_open or other.low_open)

    def scale(self, factor: Decimal) -> Interval:
        """Multiply both bounds by a non-negative exact factor."""
        low = None if self.low is None else self.low * factor
        high = None if self.high is None else self.high * factor
        return Interval(low, high, self.low_open, self.high_open)

    def divide(self, other: Interval) -> Interval | None:
        """self ÷ other for non-negative intervals; None when other may be 0."""
        if other.low is None or other.low <= 0 or self.low is None or self.low < 0:
            return None
        with localcontext() as ctx:
            ctx.prec = 28
            low = self.low / other.high if other.high is not None else Decimal(0)
            high = None if self.high is None else self.high / other.low
        return Interval(low, high, self.low_open, self.high_open or other.low_open)

    def __str__(self) -> str:
        lo = "-∞" if self.low is None else _fmt(self.low)
        hi = "∞" if self.high is None else _fmt(self.high)
        return f"{'(' if self.low_open or self.low is None else '['}{lo}, {hi}{')' if self.high_open or self.high is None else ']'}"


def _below(a: Interval, b: Interval) -> bool:
    """True when every value of ``a`` is below every value of ``b``."""
    if a.high is None or b.low is None:
        return False
    if a.high < b.low:
        return True
    return a.high == b.low and (a.high_open or b.low_open)


def _fmt(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s


def step_of(written: str) -> Decimal:
    """The place value of the last written digit: "5.6" → 0.1, "23" → 1, "2.50" → 0.01."""
    digits = written.replace(",", "").replace("_", "").strip().lstrip("+-−")
    if "." in digits:
        return Decimal(1).scaleb(-len(digits.split(".", 1)[1]))
    return Decimal(1)


def rounding(value: Decimal, step: Decimal) -> Interval:
    """Every value that rounds to ``value`` at resolution ``step``."""
    half = step / 2
    return Interval(value - half, value + half)


def _told_step(value: Decimal, step: Decimal) -> Decimal:
    """The place of the last digit the writer chose: a whole number's trailing zeros are rounding
    ("about 12,800" is told to the hundred even where a count's step is one)."""
    if value == 0 or value != value.to_integral_value():
        return step
    n = abs(int(value))
    place = 1
    while n % 10 == 0:
        n //= 10
        place *= 10
    return max(step, Decimal(place))


def hedged(value: Decimal, step: Decimal, hedge: str, digits: bool = True) -> Interval:
    """The interval a writer could mean by ``value`` written to ``step`` under ``hedge``.

    ``step`` is the place value of the last significant digit, already scaled
    ("5.6 million" has step 100,000). Exact integers of count kind use step 1
    and so cover [n - 0.5, n + 0.5].
    """
    base = rounding(value, step)
    mag = abs(value)
    if hedge == "exact":
        return base
    # A figure in words ("about two-thirds", "almost a third") prints no digit to cap its hedge by.
    told = _told_step(value, step) if digits else mag
    if hedge == "about":
        width = max(step / 2, min(mag * ABOUT_WIDTH, told * HEDGE_STEPS))
        return Interval(value - width, value + width)
    if hedge == "nearly":
        return Interval(value - max(step, min(mag * NEARLY_WIDTH, told * NEARLY_STEPS)), base.high)
    if hedge == "more than":
        return Interval(value, None, low_open=True)
    if hedge == "at least":
        return Interval(base.low, None)
    if hedge == "less than":
        return Interval(None if value < 0 else Decimal(0), value, high_open=True)
    if hedge == "at most":
        return Interval(None if value < 0 else Decimal(0), base.high)
    if hedge == "vague":
        return Interval(value, None)
    raise ValueError(f"unknown hedge {hedge!r}")
