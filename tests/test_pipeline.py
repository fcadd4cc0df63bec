"""One pipeline: the library (``check_text``, ``check_paths``) and the CLI give the same findings.

Each case renders the library's reports with the json reporter and compares
them, byte for byte, with what ``numcheck -f json`` prints for the same files.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import pytest
from typer.testing import CliRunner

import numcheck
from numcheck import cli
from numcheck.files import read
from numcheck.pipeline import Settings
from numcheck.report import Options
from numcheck.report.json import dumps, file_dict, render

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DRAFT = "examples/draft.md"  # the input of every file in tests/golden
SUPPRESSED = "tests/fixtures/suppressed.md"
TODAY = dt.date(2025, 3, 4)


@pytest.fixture
def cli_json(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)

    def invoke(*args: str) -> str:
        result = CliRunner().invoke(cli.app, [*args, "--no-config", "-f", "json", "-q", "-j", "1"])
        assert result.exit_code in (0, 1), result.stderr
        return result.stdout

    return invoke


def test_check_paths_gives_the_cli_bytes_on_the_golden_draft_and_the_suppression_fixture(
    cli_json, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    for args, today in (([DRAFT], TODAY), ([SUPPRESSED], None), ([DRAFT, SUPPRESSED], TODAY)):
        flags = ["--date", today.isoformat()] if today else []
        library = render(numcheck.check_paths(args, today=today), Options())
        assert library == cli_json(*args, *flags), args


def test_check_text_applies_suppression_comments_as_the_cli_does(cli_json) -> None:
    text = (ROOT / SUPPRESSED).read_text(encoding="utf-8")
    report = numcheck.check_text(text, SUPPRESSED)
    codes = [f.code for f in report.findings]
    # NC201 on the next line and NC401 in the block are silenced; the unsilenced
    # NC201, the stale comment (NC001), the malformed one (NC002) and the
    # figure it fails to silence (NC401) remain.
    assert codes == ["NC201", "NC001", "NC002", "NC401"], codes
    assert report.findings[0].text == "60%"
    cli_file = json.loads(cli_json(SUPPRESSED))["files"][0]
    assert dumps(file_dict(report)) == dumps(cli_file)


def test_check_text_with_settings_selects_like_the_cli(cli_json) -> None:
    text = (ROOT / SUPPRESSED).read_text(encoding="utf-8")
    report = numcheck.check_text(text, SUPPRESSED, settings=Settings(ignore=("NC0",)))
    assert [f.code for f in report.findings] == ["NC201", "NC401"]
    cli_file = json.loads(cli_json(SUPPRESSED, "--ignore", "NC0"))["files"][0]
    assert dumps(file_dict(report)) == dumps(cli_file)


def test_library_and_cli_agree_on_every_corpus_file(cli_json) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared news corpus is not here ({CORPUS}); nothing to compare on")
    from numcheck.pipeline import read_rules

    rules = read_rules(())
    cli_files = json.loads(cli_json(str(CORPUS)))["files"]
    assert len(cli_files) >= 400
    mismatched = []
    for cli_file in cli_files:
        source = read(cli_file["path"])
        report = numcheck.check_text(source.text, source.path, rules=rules)
        if dumps(file_dict(report)) != dumps(cli_file):
            mismatched.append(cli_file["path"])
    assert mismatched == []


def test_settings_pickle_for_worker_processes() -> None:
    settings = Settings(extra_rules=("house",), today=TODAY, select=("NC2",), jobs=2, keep_facts=False)
    assert pickle.loads(pickle.dumps(settings)) == settings


def test_settings_from_config_flags_override_or_extend() -> None:
    from numcheck.config import Config

    cfg = Config(path="numcheck.toml", select=("NC2",), ignore=("NC201",), date=TODAY, exclude=("drafts",))
    assert Settings.from_config(cfg) == Settings(
        select=("NC2",), ignore=("NC201",), today=TODAY, exclude=("drafts",), root=str(Path.cwd().resolve())
    )
    s = Settings.from_config(cfg, select=("NC3",), ignore=("NC4",), today=None, exclude=["old"], jobs=3)
    assert (s.select, s.ignore, s.today, s.exclude, s.jobs) == (("NC3",), ("NC201", "NC4"), TODAY, ("drafts", "old"), 3)


def test_check_text_cuts_a_long_text_into_pieces_as_the_cli_does(
    cli_json, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import numcheck.engine

    draft = (ROOT / DRAFT).read_text(encoding="utf-8")
    three = tmp_path / "three.md"
    three.write_text("\n\n".join([draft.strip()] * 3) + "\n", encoding="utf-8")
    monkeypatch.setattr(numcheck.engine, "PIECE_CHARS", len(draft) + 10)
    text = three.read_text(encoding="utf-8")
    report = numcheck.check_text(text, str(three), today=TODAY)
    single = numcheck.check_text(draft, DRAFT, today=TODAY)
    assert len(report.findings) == 3 * len(single.findings) > 0
    cli_file = json.loads(cli_json(str(three), "--date", TODAY.isoformat()))["files"][0]
    assert dumps(file_dict(report)) == dumps(cli_file)


def test_findings_carry_their_sentence_so_reporters_need_not_split_the_text() -> None:
    text = "The hall seats 300.\n\n<!-- numcheck-disable-next-line -->\nOf the 200 members, 90 (60%) backed the rota. It rained.\n"
    report = numcheck.check_text(text, "a.md")
    by_code = {f.code: f for f in report.findings}
    share = by_code["NC201"]
    assert share.sentence is not None
    assert text[share.sentence.start : share.sentence.end] == "Of the 200 members, 90 (60%) backed the rota."
    assert by_code["NC002"].sentence is None  # a comment is in no sentence: shown on its own span


def test_library_settings_carry_severity_overrides_and_per_file_ignores() -> None:
    text = "Of the 200 members, 90 (60%) backed the new rota.\n"
    lowered = numcheck.check_text(text, "a.md", settings=Settings(severity=(("NC2", "note"),)))
    assert [(f.code, f.severity) for f in lowered.findings] == [("NC201", "note")]
    ignored = Settings(per_file_ignores=(("archive/*", ("NC201",)),))
    assert numcheck.check_text(text, "archive/a.md", settings=ignored).findings == ()
    assert [f.code for f in numcheck.check_text(text, "docs/a.md", settings=ignored).findings] == ["NC201"]


def test_the_readme_library_snippet_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Library\n") :]
    snippet = section[
        section.index("```python\n") + len("```python\n") : section.index("```\n", section.index("```python"))
    ]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("Of the 200 members, 90 (60%) backed the new rota.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    exec(compile(snippet, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "NC201 error" in out and "docs/a.md 1 findings" in out
