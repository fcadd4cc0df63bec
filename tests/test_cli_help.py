"""Help through the ``numcheck`` command: -h, the command list, ``numcheck help``."""

from __future__ import annotations

import pytest

COMMANDS = ("check", "facts", "rules", "explain", "help")


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_root_help_lists_every_command(main, flag: str) -> None:
    status, out, err = main(flag)
    assert status == 0, err
    assert out.startswith("Usage: numcheck [OPTIONS] COMMAND")
    listed = [
        line.split()[0] for line in out.split("Commands:")[1].splitlines() if line.startswith("  ") and line.split()
    ]
    assert set(COMMANDS) <= set(listed), listed
    assert "`numcheck check --help` lists its options" in " ".join(out.split())


def test_help_command_gives_the_same_text_as_the_flags(main) -> None:
    assert main("help")[1] == main("--help")[1]
    status, out, _ = main("help", "check")
    assert status == 0 and out == main("check", "-h")[1]
    assert "--output-file" in out and "--statistics" in out


def test_help_for_each_command(main) -> None:
    for command in COMMANDS:
        status, out, err = main(command, "-h")
        assert status == 0, (command, err)
        assert out.startswith(f"Usage: numcheck {command}"), command


def test_help_for_an_unknown_command_is_exit_2(main) -> None:
    status, _, err = main("help", "lint")
    assert status == 2 and "no command 'lint'" in err


def test_a_path_named_like_nothing_is_still_checked(main, tmp_path) -> None:
    # `numcheck PATH` stays `numcheck check PATH`, even with an option first.
    (tmp_path / "a.md").write_text("Of the 200 members, 90 (60%) backed the new rota.\n", encoding="utf-8")
    status, out, _ = main("-q", "-f", "concise", "a.md", "--no-config", cwd=tmp_path)
    assert status == 1 and out.startswith("a.md:1:25: NC201")
