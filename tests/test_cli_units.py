"""The CLI's building blocks on their own: config files, suppression comments, baselines, git diffs."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from numcheck import baseline, config, gitdiff, suppress
from numcheck.model import FileReport, Finding, Related, Span


def _finding(text: str, needle: str, code: str = "NC201", nth: int = 0, related: str | None = None) -> Finding:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    rel = ()
    if related is not None:
        j = text.index(related)
        rel = (Related(Span(j, j + len(related)), related),)
    return Finding(code, "rule-" + code.lower(), "error", f"{needle} is wrong", Span(i, i + len(needle)), needle, rel)


# --- config ---------------------------------------------------------------------


def test_config_nearest_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.numcheck]\nselect = ["NC2"]\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (tmp_path / "a" / ".numcheck.toml").write_text('ignore = ["NC301"]\nfail-on = "warning"\n')
    assert config.find(sub) == tmp_path / "a" / ".numcheck.toml"
    assert config.find(tmp_path) == tmp_path / "pyproject.toml"
    (sub / "numcheck.toml").write_text("")
    (sub / ".numcheck.toml").write_text("")
    assert config.find(sub) == sub / "numcheck.toml"  # numcheck.toml before .numcheck.toml


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "numcheck.toml").write_text('select = ["NC1"]\n')
    sub = tmp_path / "pkg"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert config.find(sub) == tmp_path / "numcheck.toml"


def test_config_values(tmp_path: Path) -> None:
    path = tmp_path / "numcheck.toml"
    path.write_text(
        'select = ["nc2", "NC301"]\nignore = "NC205"\nfail-on = "note"\ndate = 2025-03-07\n'
        'include = ["*.md"]\nexclude = ["drafts/*"]\nextra-rules = ["house-rules"]\n'
    )
    cfg = config.load(path)
    assert cfg.select == ("NC2", "NC301") and cfg.ignore == ("NC205",)
    assert cfg.fail_on == "note" and cfg.date == dt.date(2025, 3, 7)
    assert cfg.include == ("*.md",) and cfg.exclude == ("drafts/*",)
    assert cfg.extra_rules == (str((tmp_path / "house-rules").resolve()),)
    path.write_text('date = "2025-03-07"\n')
    assert config.load(path).date == dt.date(2025, 3, 7)


@pytest.mark.parametrize(
    ("body", "key", "reason"),
    [
        ('selct = ["NC2"]\n', "selct", "did you mean 'select'"),
        ('fail-on = "fatal"\n', "fail-on", "must be one of note, warning, error"),
        ('select = ["XY1"]\n', "select", "not a rule code"),
        ("select = 3\n", "select", "list of non-empty strings"),
        ('date = "2025-02-30"\n', "date", "not a calendar date"),
        ('date = "soon"\n', "date", "YYYY-MM-DD"),
        ("select = [\n", "", "invalid TOML"),
    ],
)
def test_config_errors_name_file_and_key(tmp_path: Path, body: str, key: str, reason: str) -> None:
    path = tmp_path / "numcheck.toml"
    path.write_text(body)
    with pytest.raises(config.ConfigError) as info:
        config.load(path)
    assert info.value.file == str(path) and info.value.key == key
    assert reason in str(info.value) and str(path) in str(info.value)


def test_pyproject_errors_name_the_dotted_key(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.numcheck]\nfail_on = 'error'\n")
    with pytest.raises(config.ConfigError) as info:
        config.load(path)
    assert info.value.key == "tool.numcheck.fail_on" and "did you mean 'fail-on'" in info.value.reason


# --- suppression ----------------------------------------------------------------

DRAFT = (
    "Intro.\n"
    "<!-- numcheck-disable-next-line NC201: two different surveys -->\n"
    "\n"
    "Line A has 48% in it.\n"
    "Line B has 48% in it.\n"
    "<!-- numcheck-disable NC3 -- quoted from the minutes -->\n"
    "Line C has 12 May in it.\n"
    "Line D has 48% in it.\n"
    "<!-- numcheck-enable -->\n"
    "Line E has 12 May in it.\n"
)


def test_next_line_and_block_suppression() -> None:
    found = (
        _finding(DRAFT, "48%", "NC201", 0),  # line A: suppressed (blank line skipped)
        _finding(DRAFT, "48%", "NC201", 1),  # line B: kept
        _finding(DRAFT, "12 May", "NC301", 0),  # line C: suppressed by block NC3
        _finding(DRAFT, "48%", "NC201", 2),  # line D: in block, but NC201 is not NC3
        _finding(DRAFT, "12 May", "NC301", 1),  # line E: after enable
    )
    out = suppress.apply(FileReport("a.md", DRAFT, (), found))
    assert [(f.code, DRAFT.count("\n", 0, f.span.start) + 1) for f in out.findings] == [
        ("NC201", 5),
        ("NC201", 8),
        ("NC301", 10),
    ]


def test_unused_and_invalid_suppressions_are_notes() -> None:
    text = (
        "<!-- numcheck-disable-next-line NC4: a reason -->\nNothing flagged here.\n"
        "<!-- numcheck-disable-next-line NC201 -->\nThe 48% line.\n"
    )
    flagged = _finding(text, "48%", "NC201")
    out = suppress.apply(FileReport("a.md", text, (), (flagged,)))
    codes = [(f.code, f.severity) for f in out.findings]
    # The reasonless comment is not honoured: the finding stays, plus a note on each comment.
    assert codes == [("NC001", "note"), ("NC002", "note"), ("NC201", "error")]
    assert "NC4" in out.findings[0].message


def test_suppression_codes_lists_and_all() -> None:
    text = "<!-- numcheck-disable-next-line NC201, NC3: both known -->\nX 48% and 12 May.\n"
    found = (_finding(text, "48%", "NC201"), _finding(text, "12 May", "NC301"))
    assert suppress.apply(FileReport("a.md", text, (), found)).findings == ()
    text2 = "<!-- numcheck-disable ALL -- legacy page -->\nX 48% and 12 May.\n"
    found2 = (_finding(text2, "48%", "NC201"),)
    assert suppress.apply(FileReport("a.md", text2, (), found2)).findings == ()


def test_no_comments_no_change() -> None:
    f = FileReport("a.md", "48%", (), (_finding("48%", "48%"),))
    assert suppress.apply(f) is f


# --- baseline -------------------------------------------------------------------


def test_baseline_round_trip_survives_edits_elsewhere(tmp_path: Path) -> None:
    text = "Of 240 members, 90 (45%) voted.\n\nA second 45% here, 90 of 240.\n"
    before = FileReport("./docs/a.md", text, (), (_finding(text, "45%", nth=0, related="240"),))
    path = tmp_path / "baseline.json"
    path.write_text(baseline.dumps(baseline.entries([before])))
    known = baseline.load(str(path))
    assert sum(known.values()) == 1 and next(iter(known))[0] == "docs/a.md"
    edited = "New intro line.\n\n" + text
    after = FileReport(
        "docs/a.md",
        edited,
        (),
        (_finding(edited, "45%", nth=0, related="240"), _finding(edited, "45%", nth=1, related="240")),
    )
    left = baseline.subtract(after, known)
    assert [f.span.start for f in left.findings] == [edited.index("45%", edited.index("second"))]
    assert known == baseline.load(str(path))  # subtract does not consume the caller's counter


def test_baseline_counts_duplicates() -> None:
    text = "Same 45% sentence.\nSame 45% sentence.\n"
    two = FileReport("a.md", text, (), (_finding(text, "45%", nth=0), _finding(text, "45%", nth=1)))
    fp = baseline.entries([two])[0].fingerprint
    assert len(baseline.subtract(two, Counter({("a.md", fp): 1})).findings) == 1


@pytest.mark.parametrize("body", ["not json", '{"version": 9, "findings": []}', '{"version": 1, "findings": [3]}'])
def test_bad_baseline_is_an_error(tmp_path: Path, body: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(body)
    with pytest.raises(baseline.BaselineError) as info:
        baseline.load(str(path))
    assert str(path) in str(info.value)
    with pytest.raises(baseline.BaselineError, match="no such file"):
        baseline.load(str(tmp_path / "missing.json"))


# --- git diff -------------------------------------------------------------------


def test_parse_diff() -> None:
    diff = (
        "diff --git a/a.md b/a.md\n--- a/a.md\n+++ b/a.md\n"
        "@@ -3 +3 @@\n-old\n+new\n@@ -10,0 +11,2 @@\n+x\n+y\n@@ -20,3 +22,0 @@\n-z\n"
        "diff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-bye\n"
    )
    assert gitdiff.parse_diff(diff) == {"a.md": frozenset({3, 11, 12})}


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "config", "user.email", "t@example.org")
    _git(tmp_path, "config", "user.name", "t")
    (tmp_path / "a.md").write_text("one 10%\ntwo 20%\nthree 30%\n")
    _git(tmp_path, "add", "a.md")
    _git(tmp_path, "commit", "-qm", "start")
    return tmp_path


def test_changed_since_working_tree_and_untracked(repo: Path) -> None:
    (repo / "a.md").write_text("one 10%\ntwo 25%\nthree 30%\n")
    (repo / "new.md").write_text("fresh 5%\n")
    changes = gitdiff.changed_since("HEAD", repo)
    assert changes.of(str(repo / "a.md")) == frozenset({2})
    assert changes.of(str(repo / "new.md")) is None
    text = (repo / "a.md").read_text()
    report = FileReport(str(repo / "a.md"), text, (), tuple(_finding(text, n) for n in ("10%", "25%", "30%")))
    assert [f.text for f in gitdiff.keep_changed(report, changes).findings] == ["25%"]
    # A finding counts as changed when any of its figures is on a changed line.
    linked = FileReport(str(repo / "a.md"), text, (), (_finding(text, "30%", related="25%"),))
    assert len(gitdiff.keep_changed(linked, changes).findings) == 1


def test_changed_since_errors(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    with pytest.raises(gitdiff.GitError, match="unknown revision"):
        gitdiff.changed_since("no-such-ref", repo)
    outside = tmp_path_factory.mktemp("plain")
    with pytest.raises(gitdiff.GitError):
        gitdiff.changed_since("HEAD", outside)


def test_unterminated_comments_are_not_suppressions() -> None:
    # Each body stops at the next "<!--": no comment swallows the one after it.
    text = "<!-- numcheck-disable NC2: open " * 1000 + "<!-- numcheck-disable-next-line NC201: ok -->\nX 48%.\n"
    sups, bad = suppress.parse(text)
    assert [s.codes for s in sups] == [("NC201",)] and bad == ()
    assert sups[0].first_line == 2
