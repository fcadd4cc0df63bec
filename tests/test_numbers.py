"""Numerals: the values, precision and ranges ``numbers.find`` reads, on sentences written for these tests."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

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


def test_currency_written_with_letters_glued_to_the_digits() -> None:
    # The digits after "$US", "Rs." or "RM" are a figure; the scale word is not one on its own.
    assert _read("They raised $US4.2 billion.") == [("4.2 billion", D(4200000000))]
    assert _read("A loss of $A1.5bn was booked.") == [("1.5bn", D(1500000000))]
    assert _read("The scheme costs Rs.250 crore.") == [("250 crore", D(2500000000))]
    assert _read("Petronas made RM2.4bn and paid USD40m.")[0] == ("2.4bn", D(2400000000))


def test_a_scale_word_alone_is_never_a_figure() -> None:
    assert _read("The studio spent billion after billion.") == []
    assert _read("Thousand Oaks lies west of the city.") == []
    assert _read("She bought a million-pound flat.") == [("a million", D(1000000))]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The grant was Rs 12,34,567 last year.", "12,34,567", D(1234567)),
        ("The fund holds 1,00,000 rupees.", "1,00,000", D(100000)),
        ("Some 1,23,45,678 voters took part.", "1,23,45,678", D(12345678)),
        ("It rose to 2,50,000.50 in all.", "2,50,000.50", D("250000.50")),
    ],
)
def test_indian_digit_grouping(text: str, surface: str, value: D) -> None:
    assert (surface, value) in _read(text)


def test_western_grouping_is_not_read_as_indian() -> None:
    assert _read("Exactly 1,234,567 forms arrived.") == [("1,234,567", D(1234567))]
    assert _read("Scores were 22,24 and 26.")[0] == ("22", D(22))


@pytest.mark.parametrize(
    ("text", "surface", "value", "step"),
    [
        ("Turnout was 17·4% in the ward.", "17·4", D("17.4"), D("0.1")),
        ("The fee was £2·50 a head.", "2·50", D("2.50"), D("0.01")),
        ("It weighs 1,204·75 tonnes.", "1,204·75", D("1204.75"), D("0.01")),
    ],
)
def test_middle_dot_is_a_decimal_point(text: str, surface: str, value: D, step: D) -> None:
    found = [n for n in find(text) if text[n.start : n.end].startswith(surface)]
    assert found and (found[0].value, found[0].step) == (value, step)


def test_middle_dot_before_a_power_of_ten_still_multiplies() -> None:
    assert _read("A sample held 3·10^5 cells.") == [("3·10^5", D(300000))]


def test_a_list_of_figures_without_spaces() -> None:
    assert _read("See exercises 22,24,26,31.") == [("22", D(22)), ("24", D(24)), ("26", D(26)), ("31", D(31))]
    # Single digits may be a decimal comma or a chemical locant ("1,3-butadiene"): left alone.
    assert _read("The code is 1,3.") == [("1", D(1))]
    assert _read("Rs 12,34,567 and 1,234,567.") == [("12,34,567", D(1234567)), ("1,234,567", D(1234567))]


def test_a_hyphen_after_a_figure_and_a_space_is_a_dash() -> None:
    assert [v for _, v in _read("Lenses of 75 -300mm.")] == [D(75), D(300)]
    assert [v for _, v in _read("It fell to -5 overnight.")] == [D(-5)]


def test_a_scale_word_after_spaces_or_a_hyphen() -> None:
    assert [v for _, v in _read("3 - million, 4-million and 5  million")] == [D(3000000), D(4000000), D(5000000)]
    # A run of spaces after a figure is read once, not once per way to split it around a hyphen.
    assert _read("1" + " " * 5000 + "x") == [("1", D(1))]


def test_a_figure_glued_to_an_adjective_word_is_no_figure() -> None:
    from numcheck import numbers

    for text in ("a zero-based index", "arrays are 1-indexed", "a three-dimensional scan", "a one-sided final"):
        assert numbers.find(text) == [], text
    assert [n.value for n in numbers.find("a three-day strike")] == [3]


def test_a_version_wildcard_is_no_figure() -> None:
    from numcheck import numbers

    assert [n.value for n in numbers.find("Python 2.6 and later (including 3.x)")] == [D("2.6")]
    assert numbers.find("releases 1.2.x and 4.*") == []


def test_a_glued_m_before_a_unit_is_million() -> None:
    from numcheck import extract

    facts = {f.text: f for f in extract("The buses covered 31.4m miles (about 50.5m km).").facts}
    assert facts["50.5m km"].unit == "kilometre" and facts["50.5m km"].value == 50_500_000
    wall = {f.text: f for f in extract("The wall is 4m in height.").facts}
    assert wall["4m"].unit == "metre" and wall["4m"].value == 4


def test_zero_before_a_hyphened_word_is_a_kind_not_a_figure() -> None:
    from numcheck import extract

    assert [f.text for f in extract("The fleet will be zero-emission by 2028.").facts] == ["2028"]
    assert [f.text for f in extract("Staff on zero-hours contracts.").facts] == ["zero-hours"]
