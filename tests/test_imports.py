"""Start-up stays cheap: what a run does not need, it does not import (issue 5).

Each case runs in a fresh interpreter and reports which of the heavy
packages (pint, rich, regex) and numcheck modules ended up in
``sys.modules``; no timing is asserted.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Figures of many kinds, none with a unit pint would be asked about.
UNIT_FREE = (
    "Some 40 staff, or 12% of the firm, lost £3.2bn on Monday, two days ahead of the vote. "
    "Of the 120 members, 70 (58%) agreed; the share rose from 41% in 2019 to 48% last year."
)

_PROBE = (
    "import atexit, json, sys\n"
    "def _report():\n"
    "    heavy = sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in ('pint', 'rich', 'regex')})\n"
    "    ours = sorted(m for m in sys.modules if m.startswith('numcheck.'))\n"
    "    sys.stderr.write('MODULES=' + json.dumps({'heavy': heavy, 'ours': ours}) + '\\n')\n"
    "atexit.register(_report)\n"
)


def _modules(body: str, *args: str, cwd: Path = ROOT) -> tuple[dict[str, list[str]], subprocess.CompletedProcess[str]]:
    proc = subprocess.run([sys.executable, "-c", _PROBE + body, *args], cwd=cwd, capture_output=True, text=True)
    line = next(ln for ln in proc.stderr.splitlines() if ln.startswith("MODULES="))
    return json.loads(line.removeprefix("MODULES=")), proc


def test_checking_a_unit_free_text_imports_neither_pint_nor_rich() -> None:
    body = (
        "import numcheck\n"
        f"report = numcheck.check_text({UNIT_FREE!r}, 'a.txt')\n"
        "assert len(report.facts) >= 8, report.facts\n"
    )
    found, proc = _modules(body)
    assert proc.returncode == 0, proc.stderr
    assert "pint" not in found["heavy"] and "rich" not in found["heavy"]


def test_bundled_rules_need_neither_the_regex_module_nor_importlib_resources() -> None:
    # regex (and its compile in Python) is for users' rules, which run under its timeout;
    # data files and bundled rules are read with open(). ~25 ms of a start between them.
    body = (
        "import sys\nimport numcheck\n"
        f"report = numcheck.check_text({UNIT_FREE!r}, 'a.txt')\n"
        "assert report.findings == (), report.findings\n"
        "print(sorted(m for m in ('regex', 'importlib.resources', 'html') if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", body], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "[]\n"


def test_a_clean_text_run_without_colour_does_not_import_rich(tmp_path: Path) -> None:
    (tmp_path / "clean.txt").write_text(UNIT_FREE + "\n", encoding="utf-8")
    body = "import sys\nfrom numcheck.cli import main\nmain(sys.argv[1:])\n"
    found, proc = _modules(body, "clean.txt", "--no-config", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "No problems found in 1 file.\n"
    assert "rich" not in found["heavy"] and "pint" not in found["heavy"]


def test_version_and_help_import_no_part_of_the_pipeline() -> None:
    body = "import sys\nfrom numcheck.cli import main\nmain(sys.argv[1:])\n"
    for flag in ("--version", "--help"):
        found, proc = _modules(body, flag)
        assert proc.returncode == 0, proc.stderr
        assert found["heavy"] == [], flag
        # numcheck.report is the registry the --format choices are read from; it imports nothing else
        # but the start-up cache its dataclasses' methods come from.
        assert found["ours"] == ["numcheck.cli", "numcheck.report", "numcheck.startcache"], (flag, found["ours"])
