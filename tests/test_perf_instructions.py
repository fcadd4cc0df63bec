"""bench/perf.py reads valgrind's instruction count (the `instructions` part) from fixed text.

Nothing here runs valgrind or times anything: the part itself is a measurement, run by hand.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _perf():  # bench/ is not a package: load the script by path
    spec = importlib.util.spec_from_file_location("bench_perf", ROOT / "bench" / "perf.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


perf = _perf()

CACHEGRIND_OUT = """\
desc: I1 cache:         32768 B, 64 B, 8-way associative
cmd: /tmp/tree/.venv/bin/numcheck --jobs 1 --format json a.txt
events: Ir
fl=./csu/../csu/libc-start.c
fn=__libc_start_main@@GLIBC_2.34
128 2
summary: 6450123456
"""

CALLGRIND_OUT = """\
# callgrind format
version: 1
creator: callgrind-3.19.0
positions: line
events: Ir
summary: 723750994

ob=(2) ???
fn=(852) 0x0000000004e25360
0 136

totals: 723750994
"""

# Cache simulation on: Ir is one column among several, not always the first.
CACHE_SIM_OUT = """\
events: I1mr Ir ILmr Dr
summary: 17 9876543210 3 1234
"""

CACHEGRIND_LOG = """\
==8855== Command: /tmp/tree/.venv/bin/numcheck --jobs 1 --format json a.txt
==8855== brk segment overflow in thread #1: can't grow to 0x4855000
No problems found in 1 file.
==8855==
==8855== I   refs:      1,065,062,800
"""

CALLGRIND_LOG = """\
==8968== For interactive control, run 'callgrind_control -h'.
==8968==
==8968== Events    : Ir
==8968== Collected : 724097053
==8968==
"""


def test_cachegrind_out_file() -> None:
    assert perf.parse_instructions(CACHEGRIND_OUT) == 6_450_123_456


def test_callgrind_out_file() -> None:
    assert perf.parse_instructions(CALLGRIND_OUT) == 723_750_994


def test_ir_column_among_cache_events() -> None:
    assert perf.parse_instructions(CACHE_SIM_OUT) == 9_876_543_210


def test_log_i_refs_with_thousands_separators() -> None:
    assert perf.parse_instructions(CACHEGRIND_LOG) == 1_065_062_800


def test_callgrind_log_collected() -> None:
    assert perf.parse_instructions(CALLGRIND_LOG) == 724_097_053


def test_no_count() -> None:
    assert perf.parse_instructions("==1== Command: numcheck\nNo problems found in 1 file.\n") is None
    assert perf.parse_instructions("events: Dr\nsummary: 5\n") is None


def test_tree_cli_runs_that_tree_with_a_fixed_hash_seed(tmp_path: Path) -> None:
    cmd, python, env = perf.tree_cli(tmp_path, tmp_path / "cache")
    assert cmd == [sys.executable, "-m", "numcheck"] and python == sys.executable  # no .venv: this interpreter
    assert env["PYTHONPATH"] == str(tmp_path / "src") and env["PYTHONHASHSEED"] == "0"
    assert env["NUMCHECK_CACHE_DIR"] == str(tmp_path / "cache") and "PYTHONDONTWRITEBYTECODE" not in env
