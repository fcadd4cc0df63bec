"""Messages read as a person would write them: named cases, real CLI, exact message text.

Each case is a sentence of our own, the rule code it must raise and the whole
message it must say, so a failure names the case and shows the words that
changed. The summary line's file counts are pinned here too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from numcheck import cli

# (name, sentence, code, message)
CASES = [
    (
        "glued-temperature-conversion-stays-glued",
        "The day was hot, 30C (80F) by the afternoon.",
        "NC501",
        "30C is 86F, not 80F.",
    ),
    (
        "figure-sets-the-spacing-of-the-computed-value",
        "The day was hot, 30C (80 F) by the afternoon.",
        "NC501",
        "30C is 86F, not 80 F.",
    ),
    (
        "spaced-degree-sign-stays-spaced",
        "The day was hot, 30 °C (80 °F) by the afternoon.",
        "NC501",
        "30 °C is 86 °F, not 80 °F.",
    ),
    (
        "unit-word-is-always-spaced",
        "The trail is 10km (25 miles) long.",
        "NC501",
        "10km is 6.2 miles, not 25 miles.",
    ),
    (
        "compound-adjective-shown-as-a-quantity",
        "The 26.2-mile (50 km) race starts at nine.",
        "NC501",
        "26.2 miles is 42.2 km, not 50 km.",
    ),
    (
        "compound-adjective-irregular-plural",
        "They built a 10-foot (5 m) wall around the yard.",
        "NC501",
        "10 feet is 3 m, not 5 m.",
    ),
    (
        "compound-adjective-of-one-stays-singular",
        "We took a one-mile (5 km) walk after lunch.",
        "NC501",
        "one mile is 1.6 km, not 5 km.",
    ),
    (
        "implied-rate-to-three-significant-figures",
        "The prize is worth $1 (£531,746) this year.",
        "NC502",
        "$1 (£531,746) implies 1 USD = 532,000 GBP, far from any plausible exchange rate.",
    ),
    (
        "small-implied-rate-keeps-its-digits",
        "The prize is worth £7,000 ($3) this year.",
        "NC502",
        "£7,000 ($3) implies 1 GBP = 0.000429 USD, far from any plausible exchange rate.",
    ),
    (
        "said-rise-was-a-fall",
        "Revenue rose 10% to $1.1 billion from $1.2 billion last year.",
        "NC207",
        "From $1.2 billion to $1.1 billion is a fall of 8%, not a rise of 10%.",
    ),
    (
        "said-fall-was-a-rise",
        "Profit fell 10% to $1.3 billion from $1.2 billion.",
        "NC207",
        "From $1.2 billion to $1.3 billion is a rise of 8%, not a fall of 10%.",
    ),
    (
        "right-direction-wrong-size",
        "Membership fell by 10% from 400 to 300 over the winter.",
        "NC207",
        "From 400 to 300 is a fall of 25%, not 10%.",
    ),
    (
        "points-read-as-a-count-keep-their-word",
        "Support climbed 3 points from 41% to 48% this spring.",
        "NC207",
        "From 41% to 48% is a rise of 7 points, not 3 points.",
    ),
]


def _check(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.app, [*args, "--no-config", "--color", "never"], input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("name", "sentence", "code", "message"), CASES, ids=[c[0] for c in CASES])
def test_message(name: str, sentence: str, code: str, message: str) -> None:
    status, out, err = _check("-", "--format", "jsonl", "--quiet", input=sentence + "\n")
    assert status in (0, 1), err
    said = [json.loads(line) for line in out.splitlines() if line.strip()]
    found = [f["message"] for f in said if f.get("code") == code]
    assert found == [message], f"{name}: {sentence!r} gave {[(f.get('code'), f.get('message')) for f in said]}"


def test_summary_counts_files_with_problems_of_files_checked(tmp_path: Path) -> None:
    bad = "Revenue rose 10% to $1.1 billion from $1.2 billion last year.\n"
    for name, text in [("a.md", bad), ("b.md", bad + "\n" + bad), ("c.md", "Nothing to see here.\n")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    status, out, _ = _check(str(tmp_path))
    assert status == 1
    assert out.splitlines()[-1] == "Found 3 problems (3 errors) in 2 of 3 files."
    status, out, _ = _check(str(tmp_path), "--format", "json", "--quiet")
    summary = json.loads(out)["summary"]
    assert (summary["files"], summary["files_with_findings"], summary["findings"]) == (3, 2, 3)


def test_summary_of_one_file_says_one_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Revenue rose 10% to $1.1 billion from $1.2 billion last year.\n", encoding="utf-8")
    status, out, _ = _check(str(tmp_path / "a.md"))
    assert out.splitlines()[-1] == "Found 1 problem (1 error) in 1 file."
