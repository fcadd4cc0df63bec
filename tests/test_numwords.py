"""Number words: the phrases news writers use, valued exactly."""

from decimal import Decimal as D

import pytest

from numcheck.numwords import ORDINAL, PATTERN, finditer, parse, parse_ordinal


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("seven", D(7)),
        ("twenty-three", D(23)),
        ("Forty two", D(42)),
        ("one hundred and five", D(105)),
        ("a hundred", D(100)),
        ("two thousand and twelve", D(2012)),
        ("three hundred thousand", D(300000)),
        ("twenty-one trillion", D(21) * D(10) ** 12),
        ("a dozen", D(12)),
        ("half a dozen", D(6)),
        ("four dozen", D(48)),
        ("half a million", D(500000)),
        ("a quarter of a million", D(250000)),
        ("one and a half million", D(1500000)),
        ("a quarter", D("0.25")),
        ("three quarters", D("0.75")),
        ("one fifth", D("0.2")),
        ("a couple", D(2)),
        ("minus four", D(-4)),
        ("two lakh", D(200000)),
        # "&" for "and", and a comma before a smaller group with its own scale.
        ("four hundred & nine", D(409)),
        ("two thousand, six hundred and one", D(2601)),
        ("five million, seventy thousand", D(5070000)),
        # Scale ordinals and compound ordinals as denominators.
        ("a billionth", D("1e-9")),
        ("a hundred millionths", D("1e-4")),
        ("seven thirtieths", D(7) / D(30)),
        ("two forty-thirds", D(2) / D(43)),
        ("one sixty-fourth", D(1) / D(64)),
    ],
)
def test_parse_values(phrase: str, value: D) -> None:
    assert parse(phrase) == value


def test_compound_denominator_needs_a_numerator() -> None:
    # "thirty fifths" alone is 30/5; after a numerator the tens word joins the ordinal;
    # after "and" it belongs to the numerator: a mixed number's fraction is proper, so
    # "one hundred and thirty fifths" is 130/5, while "one hundred and three quarters" is 100¾.
    assert parse("thirty fifths") == D(6)
    assert parse("nine thirty fifths") == D(9) / D(35)
    assert parse("one hundred and thirty fifths") == D(26)
    assert parse("one hundred and thirty-two fifths") == D("26.4")
    assert parse("one hundred and three quarters") == D("100.75")
    assert parse("two thousand and seven halves") == D("1003.5")
    assert parse("three and three fifths") == D("3.6")
    assert _found("the twenty-fifth day") == ["twenty"]  # an ordinal, read elsewhere


def test_a_singular_denominator_over_a_hundred() -> None:
    # "one one-hundred-fifth" is 1/105; a plural takes only a tens word before its ordinal,
    # so "ninety-five hundred fifths" is 9,500 fifths.
    assert parse("one one hundred fifth") == D(1) / D(105)
    assert parse("one one hundred and fifth") == D(1) / D(105)
    assert parse("ninety-five hundred fifths") == D(1900)
    assert parse("twenty twenty fifths") == D(20) / D(25)
    assert _found("He finished one hundred fifth of 300.")[0] == "one hundred"


def test_two_thirds_is_a_fraction() -> None:
    v = parse("two-thirds")
    assert v is not None and abs(v - D(2) / D(3)) < D("1e-20")


@pytest.mark.parametrize(
    "phrase",
    [
        "one two",
        "twenty thirty",
        "and",
        "a",
        "hundred and",
        "purple",
        # Groups must shrink: these are lists, not sums.
        "four million six million",
        "one thousand, nine thousand",
        # A comma before a bare small number ends the figure ("a million, two weeks on").
        "a million, two",
        "six hundred, seven hundred",
    ],
)
def test_parse_rejects_non_numbers(phrase: str) -> None:
    assert parse(phrase) is None


def _found(text: str) -> list[str]:
    return [m.group() for m in PATTERN.finditer(text)]


def test_pattern_finds_whole_phrases_in_running_text() -> None:
    assert _found("We hired twenty-three people and half a million sheep.") == ["twenty-three", "half a million"]
    assert _found("A nine-year project, due two days ahead.") == ["nine", "two"]
    # "and" joins only after a scale word: a list of two numbers stays two numbers.
    assert _found("between four and six") == ["four", "six"]
    assert _found("Six hundred and ten geese") == ["Six hundred and ten"]
    assert _found("It drew nine thousand, four hundred & six fans.") == ["nine thousand, four hundred & six"]


def test_pattern_leaves_ordinals_and_durations_alone() -> None:
    # "twenty-fifth" is an ordinal, not 20/5; "two seconds" is not 2/2.
    assert _found("the twenty-fifth day") == ["twenty"]
    assert _found("in two seconds") == ["two"]
    assert _found("the third quarter") == []


def test_pattern_does_not_cross_lines() -> None:
    assert _found("five\nsix") == ["five", "six"]


@pytest.mark.parametrize(
    ("text", "value"), [("third", D(3)), ("twenty-first", D(21)), ("21st", D(21)), ("103rd", D(103))]
)
def test_ordinals(text: str, value: D) -> None:
    m = ORDINAL.search(f"the {text} place")
    assert m is not None and m.group() == text
    assert parse_ordinal(text) == value


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("It grew by one and a half million.", ["one and a half million"]),
        ("about two and three quarters of them", ["two and three quarters"]),
        ("two hundred and fifty and three quarters", ["two hundred and fifty and three quarters"]),
        ("two hundred and three quarters", ["two hundred and three quarters"]),
        ("one hundred and five and a half", ["one hundred and five and a half"]),
        ("one and twenty-three hundredths", ["one and twenty-three hundredths"]),
        ("three million and a half", ["three million and a half"]),
        # The numerator has no "and" of its own (parse reads it after the last "and"):
        ("one and one hundred and five thousandths", ["one", "one hundred and five thousandths"]),
        ("one hundred and " * 50 + "one people", ["one hundred and " * 50 + "one"]),
    ],
)
def test_pattern_reads_mixed_numbers(text: str, phrases: list[str]) -> None:
    assert [m.group() for m in finditer(text)] == phrases
    assert [m.group() for m in PATTERN.finditer(text)] == phrases
