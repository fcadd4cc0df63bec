"""The engine over real fact tables: the reporting date, stable order, the whole rule set together."""

from __future__ import annotations

import datetime as dt

from numcheck.engine import run
from numcheck.facts import extract
from numcheck.rules import load_rules

RULES = load_rules()
BY_NAME = {r.name: r for r in RULES}


def _codes(text: str, today: dt.date | None = None) -> list[str]:
    return [f.code for f in run(extract(text), RULES, today=today)]


def test_a_dateline_is_the_reporting_date() -> None:
    body = "The violinist, born in 1981, gave her last concert aged 30 on the south coast."
    assert "NC305" not in _codes(body)
    assert "NC305" in _codes("LONDON, May 14, 2018 - " + body)
    # --date wins over nothing; the age fits a 2011 reporting date.
    assert "NC305" not in _codes(body, today=dt.date(2011, 12, 1))


def test_reporting_weekday_anchors_relative_days() -> None:
    text = (
        "The mayor said on Tuesday that the trade fair, due to open on Thursday, would go ahead. "
        "Some exhibitors were still missing {n} days before the trade fair."
    )
    assert "NC304" not in _codes(text.format(n="two"))
    found = [f for f in run(extract(text.format(n="three")), RULES) if f.code == "NC304"]
    assert len(found) == 1
    assert "Tuesday" in found[0].message and "Thursday" in found[0].message
    assert {r.text for r in found[0].related} >= {"Tuesday"}


def test_findings_in_stable_order_across_runs() -> None:
    text = (
        "A majority (40%) of the 50 members agreed. Of the 50 members, 20 (50%) agreed. "
        "The meeting was on Friday, 3 March 2021. Turnout fell from 30 to 35."
    )
    first = run(extract(text), RULES)
    second = run(extract(text), tuple(reversed(RULES)))
    assert first == second
    assert [f.span.start for f in first] == sorted(f.span.start for f in first)
    assert {f.code for f in first} >= {"NC201", "NC405", "NC301", "NC210"}


def test_clean_text_with_many_figures_has_no_findings() -> None:
    text = (
        "Of the 200 delegates, 120 (60%) voted for the motion and 80 against. "
        "Attendance rose from 1,500 to 1,800, an increase of 20%. "
        "The hall is 50 metres (164 feet) long. The vote was on Tuesday, 7 March 2023."
    )
    assert run(extract(text), RULES) == ()


def test_message_of_a_figure_across_a_line_break_is_one_line() -> None:
    from numcheck import check_text

    text = "The hall opens on Saturday,\n14 August 2026, after a long wait."
    report = check_text(text)
    messages = [f.message for f in report.findings if f.code == "NC301"]
    assert messages and all("\n" not in m and "Saturday, 14 August 2026" in m for m in messages)
