"""Suppression comments through the ``numcheck`` command, with the real rules.

Every case has one sentence the rules flag (NC201: 90 of 200 is 45%, not
60%) and a comment that should, or should not, silence it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

FLAGGED = "Of the 200 members, 90 (60%) backed the new rota."


def codes(main, tmp_path: Path, name: str, text: str) -> list[str]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    status, out, err = main(name, "--no-config", "-f", "concise", "-q", "--fail-on", "note", cwd=tmp_path)
    assert status in (0, 1), err
    assert (status == 1) == bool(out), out
    return [line.split()[1] for line in out.splitlines()]


def test_the_sentence_is_flagged_without_a_comment(main, tmp_path: Path) -> None:
    assert codes(main, tmp_path, "a.md", FLAGGED + "\n") == ["NC201"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("same line", f"{FLAGGED} <!-- numcheck-disable-line NC201: as printed in the minutes -->\n"),
        ("whole file", f"Intro.\n\n{FLAGGED}\n\n<!-- numcheck-disable-file NC2 -- a quoted survey -->\n"),
        ("next line", f"<!-- numcheck-disable-next-line NC201: as printed -->\n{FLAGGED}\n"),
        (
            "next line, sentence wrapped onto the line after",
            "<!-- numcheck-disable-next-line NC201: as printed -->\nOf the 200 members, 90\n(60%) backed the new rota.\n",
        ),
    ],
)
def test_comment_forms_silence_the_finding_and_are_used(main, tmp_path: Path, name: str, text: str) -> None:
    # No NC201, and no NC001 (unused) or NC002 (invalid) note about the comment either.
    assert codes(main, tmp_path, "a.md", text) == [], name


def test_next_line_does_not_reach_a_second_sentence(main, tmp_path: Path) -> None:
    text = f"<!-- numcheck-disable-next-line NC201: as printed -->\nIt met twice.\n{FLAGGED}\n"
    assert codes(main, tmp_path, "a.md", text) == ["NC001", "NC201"]


def test_disable_line_covers_only_its_own_line(main, tmp_path: Path) -> None:
    text = f"Intro. <!-- numcheck-disable-line NC201: as printed -->\n{FLAGGED}\n"
    assert codes(main, tmp_path, "a.md", text) == ["NC001", "NC201"]


def test_restructuredtext_comment_form(main, tmp_path: Path) -> None:
    text = f"Minutes\n=======\n\n.. numcheck-disable-next-line NC201: as printed in the minutes\n\n{FLAGGED}\n"
    assert codes(main, tmp_path, "minutes.rst", text) == []
    # The comment's codes are not read as figures, and a reasonless one is reported, not honoured.
    bad = f".. numcheck-disable-next-line NC201\n\n{FLAGGED}\n"
    assert codes(main, tmp_path, "bad.rst", bad) == ["NC002", "NC201"]


def test_the_library_applies_the_same_comments() -> None:
    import numcheck

    text = f"{FLAGGED} <!-- numcheck-disable-line NC201: as printed -->\n"
    assert numcheck.check_text(text, "a.md").findings == ()
