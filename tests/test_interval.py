"""Intervals from printed precision and hedges."""

from decimal import Decimal as D

from numcheck.interval import Interval, hedged, step_of


def test_step_of_written_digits() -> None:
    assert step_of("5.6") == D("0.1")
    assert step_of("23") == D(1)
    assert step_of("2.50") == D("0.01")
    assert step_of("1,234.5") == D("0.1")


def test_rounding_interval_of_scaled_figure() -> None:
    # "5.6 million": last digit is 100,000, so [5.55M, 5.65M].
    iv = hedged(D("5600000"), D("100000"), "exact")
    assert iv == Interval(D("5550000"), D("5650000"))
    assert iv.contains(D("5550000")) and not iv.contains(D("5700000"))


def test_about_widens_and_agrees_with_nearby_value() -> None:
    about = hedged(D("5600000"), D("100000"), "about")
    assert about.overlaps(hedged(D("5550000"), D("10000"), "exact"))
    assert not hedged(D("5600000"), D("100000"), "exact").overlaps(hedged(D("3000000"), D("1000000"), "exact"))


def test_open_hedges() -> None:
    more = hedged(D("1000000"), D("1000000"), "more than")
    assert more.high is None and more.low_open and not more.contains(D("1000000"))
    assert more.contains(D("1000001"))
    less = hedged(D(10), D(1), "less than")
    assert not less.contains(D(10)) and less.contains(D("9.9"))


def test_arithmetic() -> None:
    a = Interval(D(1), D(2))
    b = Interval(D(3), D(5))
    assert a + b == Interval(D(4), D(7))
    assert b - a == Interval(D(1), D(4))
    assert b.divide(Interval(D(10), D(10))) == Interval(D("0.3"), D("0.5"))
    assert Interval(D(1), D(2)).divide(Interval(D(0), D(1))) is None
    assert not Interval(D(1), D(2), high_open=True).overlaps(Interval(D(2), D(3)))


def test_a_hedge_keeps_printed_precision() -> None:
    # "about 48,200" is told to the hundred: at most one unit of its last digit either way, not 10%.
    told = hedged(D(48200), D(1), "about")
    assert (told.low, told.high) == (D(48100), D(48300))
    # A round figure keeps its 10% ("about 50,000" is 45,000 to 55,000).
    round_ = hedged(D(50000), D(1), "about")
    assert (round_.low, round_.high) == (D(45000), D(55000))
    # A figure in words has no digit to cap by ("about two-thirds").
    words = hedged(D("0.6"), D("0.01"), "about", digits=False)
    assert words.low == D("0.54")
