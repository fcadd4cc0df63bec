"""``numcheck explain`` through the command: examples highlighted, never with literal <mark> tags."""

from __future__ import annotations

import re

import pytest

import numcheck


def test_plain_output_marks_the_figure_on_the_line_below(main) -> None:
    status, out, _ = main("explain", "NC305", "--color", "never")
    assert status == 0 and "<mark>" not in out and "\x1b[" not in out
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if "recital aged 34" in line)
    start = lines[i].index("aged 34")
    assert lines[i + 1] == " " * start + "^" * len("aged 34")


def test_example_reporting_date_is_stated(main) -> None:
    out = main("explain", "NC304")[1]
    assert "The examples assume the reporting date 2016-03-04 (as with --date 2016-03-04)." in out
    assert "reporting date" not in main("explain", "NC201")[1].split("Flagged")[1]  # no date, no line


def test_colour_highlights_the_figure_instead(main) -> None:
    out = main("explain", "NC305", "--color", "always")[1]
    assert "<mark>" not in out and "^^^" not in out
    assert re.search(r"\x1b\[[0-9;]*m(aged 34)\x1b\[0m", out)


@pytest.mark.parametrize("columns", ["60", "80"])
def test_every_rule_marks_exactly_its_figures_at_any_width(main, monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    for rule in numcheck.load_rules():
        status, out, _ = main("explain", rule.code, "--color", "never")
        assert status == 0 and "<mark>" not in out, rule.code
        lines = out.splitlines()
        assert all(len(line) <= int(columns) for line in lines if "<!--" not in line), rule.code
        marked = [
            "".join(above[m.start() : m.end()] for m in re.finditer(r"\^+", line))
            for above, line in zip(lines, lines[1:])
            if line.strip() and set(line.strip()) == {"^"}
        ]
        wanted = ["".join(re.findall(r"<mark>(.*?)</mark>", e, re.S)) for e in rule.examples.flagged]
        # Each flagged example's marks, perhaps split where a line wraps.
        assert "".join(marked).replace(" ", "") == "".join(wanted).replace(" ", "").replace("\n", ""), rule.code


@pytest.mark.parametrize("width", [40, 41, 42, 43, 44, 45])
def test_a_mark_that_wraps_is_no_wider_than_its_text(width: int) -> None:
    """A marked phrase cut where the line wraps: its "^" line stops where the text line does (the space
    the text line drops is not marked), and the marks still spell the phrase."""
    from numcheck.report.text import _plain_example

    example = "Copper prices slipped on the day, with the metal <mark>down 40 cents</mark> at $3.10 a pound."
    lines = _plain_example(example, width)
    assert all(len(line) <= width for line in lines)
    pairs = zip(lines, lines[1:])
    marked = "".join(
        above[m.start() : m.end()]
        for above, line in pairs
        if set(line.strip()) == {"^"}
        for m in re.finditer(r"\^+", line)
    )
    assert marked.replace(" ", "") == "down40cents"
