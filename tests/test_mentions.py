"""Mentions: what each figure counts and which role words stand before it."""

from __future__ import annotations

from numcheck.facts import extract
from numcheck.mentions import Mentions
from numcheck.patterns import View


def roles_of(text: str, written: str) -> frozenset[str]:
    view = View(extract(text))
    m = Mentions(view)
    (fi,) = [i for i, f in enumerate(view.facts) if f.text == written]
    return m.by_fact[fi].roles


def test_a_forecast_word_makes_a_forecast() -> None:
    assert "forecast" in roles_of("Analysts expected 2.1% growth in May.", "2.1%")
    assert "forecast" in roles_of("The firm forecast profits of $3bn for the year.", "$3bn")


def test_a_result_measured_against_a_forecast_is_no_forecast() -> None:
    # "more than expected": the figure that follows is the result, not what was expected.
    assert "forecast" not in roles_of("Output grew more than expected, rising 2.4% in May.", "2.4%")
    assert "forecast" not in roles_of("Sales did better than had been forecast, at $3bn.", "$3bn")
    assert "forecast" not in roles_of("Profits were twice as high as predicted, at $40m.", "$40m")
