"""Numerals: the values, precision and ranges ``numbers.find`` reads, on sentences written for these tests."""

from __future__ import annotations

from decimal import Decimal as D

from numcheck.numbers import find


def _read(text: str) -> list[tuple[str, D]]:
    return [(text[n.start : n.end], n.value) for n in find(text)]


def test_power_of_another_base() -> None:
    # "a×b^c" is exact as written, like scientific notation with base 10.
    assert _read("The cache holds 4x2^20 entries.") == [("4x2^20", D(4194304))]
    assert _read("Drift was 5 × 2^-3 units.") == [("5 × 2^-3", D("0.625"))]
    assert _read("Light covers 3 x 10^8 metres.") == [("3 x 10^8", D(300000000))]


def test_range_with_a_negative_low_end() -> None:
    (n,) = find("Nights were -12-3 degrees in the pass.")
    assert (n.low, n.high, n.value) == (D(-12), D(3), D("-4.5"))


def test_digits_glued_after_plus_belong_to_a_catalogue_name() -> None:
    # "J0412.7+3318" names a star; neither piece is a figure.
    assert _read("The probe imaged J0412.7+3318 last spring.") == []
