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
