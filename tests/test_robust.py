"""Hostile text and hostile runs (issue 6): no exception, spans true, inputs untouched, Ctrl-C clean.

The big cases run here scaled down (about 10^5 characters, one 1 MB line);
bench/robust.py runs them at full size and checks that time grows linearly.
Nothing in this file times anything.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest

from numcheck.model import KINDS, SEVERITIES, Document, Finding

TODAY = dt.date(2024, 3, 14)
ROOT = Path(__file__).resolve().parents[1]


def need(module: str) -> ModuleType:
    """The module, or a skip while its owner has not landed it yet.

    Only a missing module skips: an import that fails inside an existing
    module is a real failure and must show.
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name == module:
            pytest.skip(f"{module} not written yet (another owner is landing it)")
        raise


@pytest.fixture(scope="module")
def rules() -> tuple:
    return need("numcheck.rules").load_rules()


def extract(text: str, path: str = "") -> Document:
    return need("numcheck.facts").extract(text, path)


def check_document(doc: Document, text: str) -> None:
    """The invariants every fact table keeps, whatever the text."""
    assert doc.source.text == text
    n = len(text)
    last = (-1, -1)
    for fact in doc.facts:
        s = fact.span
        assert 0 <= s.start <= s.end <= n, (fact, n)
        assert fact.text == text[s.start : s.end], fact
        assert fact.kind in KINDS, fact.kind
        assert (s.start, s.end) >= last, "facts not in span order"
        last = (s.start, s.end)
        assert 0 <= fact.sentence < max(1, len(doc.sentences)), fact
    for sentence in doc.sentences:
        assert 0 <= sentence.span.start <= sentence.span.end <= n
    if doc.clean:
        assert len(doc.clean) == n, "prepared text must keep every offset"


def check_findings(findings: tuple[Finding, ...], text: str) -> None:
    n = len(text)
    for f in findings:
        assert 0 <= f.span.start <= f.span.end <= n, f
        assert f.text == text[f.span.start : f.span.end], f
        assert f.severity in SEVERITIES
        assert f.code.startswith("NC") and f.message
        for r in f.related:
            assert 0 <= r.span.start <= r.span.end <= n, r
            assert r.text == text[r.span.start : r.span.end], r
    keys = [(f.span.start, f.span.end, f.code) for f in findings]
    assert keys == sorted(keys), "findings not in a stable (span, code) order"


def pipeline(text: str, rules: tuple, path: str = "") -> None:
    doc = extract(text, path)
    check_document(doc, text)
    engine = need("numcheck.engine")
    findings = engine.run(doc, rules, today=TODAY)
    check_findings(findings, text)


# --- hostile text -------------------------------------------------------------

# Scaled down: bench/robust.py runs 10^6 and more and checks the growth. The
# size is small enough that a quadratic pass still finishes here (and is
# caught there), so these tests judge answers, not speed.
N = 20_000
# Texts that are nothing but figures (a fact every two characters) are
# smaller again: the extractor's per-fact work makes them the slowest shape.
R = 2_000


def _unicode_digits() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Nd")


def _unicode_spaces() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs")


DIGITS = _unicode_digits()
SPACES = _unicode_spaces()


def hostile_cases() -> dict[str, str]:
    words = "The budget rose 12% to £3.4bn in 2021, about 5,600 jobs. "
    digit_blocks = [DIGITS[i : i + 10] for i in range(0, len(DIGITS), 10)]
    return {
        # 1 MB at full size in bench/robust.py; 200 KB keeps this test under a minute.
        "one long line without a newline": (words * (200_000 // len(words) + 1))[:200_000].replace(". ", "; "),
        "10^5-digit number": "A total of " + "7" * 100_000 + " people came.",
        "10^5-digit decimal with scale": "It cost $" + "9" * 50_000 + "." + "9" * 50_000 + " billion.",
        "1,1,1,... repeated": "1," * R + "1",
        "1.1.1.... repeated": "1." * R + "1",
        "1 1 1 ... repeated": "1 " * R,
        "1-1-1-... repeated": "1-" * R + "1",
        "1/1/1/... repeated": "1/" * R + "1",
        "1:1:1:... repeated": "1:" * R + "1",
        "12% 12% ... repeated": "12% " * (R // 2),
        "nested round brackets": "(" * N + "42 people" + ")" * N,
        "nested mixed brackets": "([{" * (N // 3) + "3 of 4 (75%)" + "}])" * (N // 3),
        "unbalanced brackets": "(" * N + "10 miles (16 km" + "[" * (N // 20),
        "every Unicode digit": DIGITS,
        "every Unicode digit, blocks as numbers": " ".join(f"{b} people, {b[1:3]}% of {b}." for b in digit_blocks),
        "every Unicode space": SPACES,
        "Unicode spaces inside numbers": " ".join(f"1{s}000{s}000 people and 5{s}%" for s in SPACES),
        "right-to-left text": "ارتفع عدد اللاجئين إلى 5.6 مليون في عام 2016، أي 48% منهم أطفال. "
        "מספר הפליטים עלה ל-5.6 מיליון ב-2016. \u202e12 people\u202c and \u200f34%\u200e.",
        "bidi and zero-width controls in figures": "1\u200b000 and 4\u200d5% and 3\ufeff.5 million and 7\u2066%\u2069",
        "combining marks on digits": "5\u0301 people, 4\u20e35%, 3\u0336.2 million",
        "other numerics": "½ of Ⅻ, ² and ³, ⅔ of 10⁶ people, ①②③, 𝟓𝟔%",
        "huge exponents": "1e999999999 people, 1E+999999999, 10^999999999 km, 2×10^99999 and 1.5e-999999999%",
        "scale words stacked": "5 " + "million " * (N // 10) + "people, " + "billion billion trillion " * (N // 40),
        "number words stacked": "one hundred and " * (R // 8) + "one people; " + "twenty-" * (R // 4) + "three",
        "hedges stacked": "about nearly more than at least " * (N // 30) + "5 people",
        "percent and currency signs alone": "%" * N + "£$€¥" * (N // 20) + "--" * (N // 20),
        "dates back to back": "1 May 2020 Monday " * (R // 4) + "31/12/2020-" * (R // 4),
        "a word with no spaces": "a1" * N,
        "control characters": "".join(chr(c) for c in range(32)) * 100 + " 12 people\x00 and 13%\x7f",
        "CR only line endings": "12 people.\r34% of them.\r\r56 left.\r" * (R // 10),
        "line and paragraph separators": "12 people\u2028 34%\u2029 56 left\x85 7 days" * (R // 10),
        "full stops and abbreviations": "U.S. " * (R // 2) + "Mr. " * (R // 2) + "12." * (R // 2),
        "backticks and markup": "`" * N + "```" + "<" * N + "<!--" * (N // 4) + "&#" * (N // 4),
    }


CASES = hostile_cases()


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_text_extract(name: str) -> None:
    check_document(extract(CASES[name]), CASES[name])


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_text_extract_and_rules(name: str, rules: tuple) -> None:
    pipeline(CASES[name], rules)


@pytest.mark.parametrize("suffix", [".md", ".html"])
@pytest.mark.parametrize(
    "name", ["nested round brackets", "backticks and markup", "1,1,1,... repeated", "right-to-left text"]
)
def test_hostile_text_as_markup(name: str, suffix: str, rules: tuple) -> None:
    pipeline(CASES[name], rules, path="hostile" + suffix)


def test_markup_that_never_closes(rules: tuple) -> None:
    text = (
        "---\ntitle: 12 things\n"  # front matter without its closing fence
        + "```\n"
        + "code 42\n" * 1000  # fence without a close
        + "<script>"
        + "var x = 5;" * 1000  # script without a close
        + "<!-- 99 people" * 100
    )
    for path in ("a.md", "a.html", "a.txt"):
        pipeline(text, rules, path=path)


def test_every_unicode_digit_is_safe_one_by_one(rules: tuple) -> None:
    # Each decimal digit of every script in a figure-shaped phrase.
    text = " ".join(f"{d}{d}% of {d},{d}{d}{d} people." for d in DIGITS[::7])
    pipeline(text, rules)


def test_superscript_digits_where_a_place_may_stand(rules: tuple) -> None:
    # "²" is a digit to str.isdigit but not to int(): a place reader once crashed on it.
    for text in ("The park covers 300 km², and it finished ² in the list.", "0:FINISHED²", "It came ³rd."):
        pipeline(text, rules)


def test_public_check_text_on_hostile_text() -> None:
    numcheck = importlib.import_module("numcheck")
    need("numcheck.facts")
    need("numcheck.engine")
    for name in ("1,1,1,... repeated", "every Unicode space", "right-to-left text"):
        text = CASES[name]
        report = numcheck.check_text(text, today=TODAY)
        assert report.error is None
        check_findings(report.findings, text)
        assert [f.text for f in report.facts] == [text[f.span.start : f.span.end] for f in report.facts]


def test_hostile_output_is_deterministic(rules: tuple) -> None:
    engine = need("numcheck.engine")
    for name in ("every Unicode digit, blocks as numbers", "dates back to back", "nested mixed brackets"):
        text = CASES[name]
        first = extract(text)
        second = extract(text)
        assert first == second
        assert engine.run(first, rules, today=TODAY) == engine.run(second, rules, today=TODAY)


# --- the CLI: inputs untouched, bad files reported, Ctrl-C ------------------


def cli_cmd() -> list[str]:
    need("numcheck.cli")
    return [sys.executable, "-m", "numcheck"]


def run_cli(
    args: list[str], *, cwd: Path, stdin: bytes | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run([*cli_cmd(), *args], cwd=cwd, input=stdin, capture_output=True, timeout=timeout, env=env)


def snapshot(root: Path) -> dict[str, tuple[bytes, int, int]]:
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            st = p.lstat()
            data = p.read_bytes() if p.is_file() and not p.is_symlink() else b""
            out[str(p.relative_to(root))] = (data, st.st_mtime_ns, st.st_mode)
    return out


def make_inputs(root: Path) -> None:
    (root / "docs" / "sub").mkdir(parents=True)
    (root / "docs" / "a.txt").write_text("Of the 120 staff, 70 (48%) voted yes on Monday 3 March 2024.\n")
    (root / "docs" / "b.md").write_text("# Budget\n\nSpending rose from £3m to £4m, a 50% rise.\n")
    (root / "docs" / "sub" / "c.html").write_text("<p>About 1,200 people (40% of 3,000) came.</p>\n")
    (root / "docs" / "bom.txt").write_bytes(b"\xef\xbb\xbfIt took 3 days, or 72 hours.\n")
    (root / "docs" / "wide.txt").write_bytes("Half of 90 is 45.\n".encode("utf-16"))
    (root / "docs" / "empty.txt").write_bytes(b"")
    (root / "docs" / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (root / "docs" / "latin1.txt").write_bytes("Prices rose 5% in the café.".encode("latin-1"))
    (root / "docs" / "loop").symlink_to(root / "docs", target_is_directory=True)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "concise", "jsonl"])
def test_cli_never_writes_to_its_inputs(tmp_path: Path, fmt: str) -> None:
    make_inputs(tmp_path)
    before = snapshot(tmp_path)
    time.sleep(0.01)  # so a rewrite with identical bytes would still move an mtime
    proc = run_cli(["--format", fmt, "--no-config", "--jobs", "2", "docs", "docs/a.txt"], cwd=tmp_path)
    assert proc.returncode in (0, 1, 2), proc.stderr
    assert b"Traceback" not in proc.stderr
    assert snapshot(tmp_path) == before


def test_cli_reports_each_bad_file_in_one_line_and_checks_the_rest(tmp_path: Path) -> None:
    make_inputs(tmp_path)
    proc = run_cli(["--format", "json", "--no-config", "docs", "docs/nope.md", "docs/sub"], cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr  # input errors exit 2 even with findings
    assert b"Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    unreadable = {u["path"]: u["reason"] for u in report["summary"]["unreadable"]}
    checked = {f["path"] for f in report["files"]}
    assert any(p.endswith("binary.txt") for p in unreadable)
    assert any(p.endswith("latin1.txt") and "UTF-8" in r for p, r in unreadable.items())
    assert any(p.endswith("nope.md") for p in unreadable)
    assert any(p.endswith("loop") and "symlink loop" in r for p, r in unreadable.items())
    for name in ("a.txt", "b.md", "c.html", "bom.txt", "wide.txt", "empty.txt"):
        assert any(p.endswith(name) for p in checked), name
    for reason in unreadable.values():
        assert "\n" not in reason
    stderr = proc.stderr.decode()
    for path in unreadable:
        assert sum(path in line for line in stderr.splitlines()) >= 1, stderr


def test_cli_spans_match_the_decoded_text(tmp_path: Path) -> None:
    make_inputs(tmp_path)
    proc = run_cli(["--format", "json", "--no-config", "docs/bom.txt", "docs/wide.txt", "docs/a.txt"], cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    from numcheck.files import read

    for file in report["files"]:
        text = read(str(tmp_path / file["path"])).text
        for fact in file["facts"]:
            assert text[fact["start"] : fact["end"]] == fact["text"]
        for finding in file["findings"]:
            assert 0 <= finding["start"] <= finding["end"] <= len(text)


def _blocked_reading_stdin(pid: int) -> bool:
    """Whether the process sits in read(0, ...): ready for the signal (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/syscall").read_text().split()
    except OSError:
        return False
    return len(fields) > 1 and fields[0] == "0" and int(fields[1], 16) == 0


def _wait_until_reading(proc: subprocess.Popen, limit: float = 60) -> None:
    if not Path(f"/proc/{proc.pid}/syscall").exists():
        time.sleep(5)  # no /proc: give startup a generous head start
        return
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if _blocked_reading_stdin(proc.pid):
            return
        time.sleep(0.02)
    pytest.fail("numcheck never got to reading stdin")


def _assert_interrupted(proc: subprocess.Popen) -> None:
    _, err = proc.communicate(timeout=60)
    lines = [line for line in err.decode().splitlines() if line.strip()]
    assert proc.returncode == 130, err
    assert len(lines) == 1, err
    assert "Traceback" not in err.decode()


def test_ctrl_c_while_reading_stdin_exits_130_with_one_line(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [*cli_cmd(), "-"], cwd=tmp_path, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        proc.stdin.write(b"It rose 12% to 4,000 people. " * 100)  # type: ignore[union-attr]
        proc.stdin.flush()  # type: ignore[union-attr]
        _wait_until_reading(proc)
        proc.send_signal(signal.SIGINT)
        _assert_interrupted(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_ctrl_c_during_a_parallel_run_exits_130_and_leaves_no_workers(tmp_path: Path) -> None:
    # Many files keep the pool busy; the last "file" is a FIFO nobody writes,
    # so the run is still going, deterministically, when the signal comes.
    docs = tmp_path / "docs"
    docs.mkdir()
    body = "Of the 120 staff, 70 (48%) voted yes; spending rose from £3m to £4m, a 50% rise. " * 50
    for i in range(60):
        (docs / f"{i:03d}.txt").write_text(body)
    os.mkfifo(docs / "zzz-pipe.txt")
    proc = subprocess.Popen(
        [*cli_cmd(), "--jobs", "2", "--no-config", "--quiet", str(docs), str(docs / "zzz-pipe.txt")],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        # Wait until some process of the run has opened the FIFO (and blocks in it).
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None and not _fifo_opened(proc.pid, docs / "zzz-pipe.txt"):
            time.sleep(0.05)
        assert proc.poll() is None, proc.communicate()[1]
        proc.send_signal(signal.SIGINT)
        _assert_interrupted(proc)
        # Every worker of the run is gone: workers exit on their own after the parent, which takes
        # longer on a loaded machine, so wait for the group to empty (a bound, not a timing assertion).
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        with pytest.raises(ProcessLookupError):
            os.killpg(proc.pid, 0)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _fifo_opened(pid: int, fifo: Path) -> bool:
    """Whether ``pid`` or one of its descendants is opening or holding ``fifo``."""
    target = str(fifo)
    pids = [pid]
    try:
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        time.sleep(3)
        return True
    for p in pids:
        try:
            # A process blocked in open() of a FIFO shows it in its syscall args only as a
            # pointer, so look at the command-independent wait channel instead.
            if Path(f"/proc/{p}/wchan").read_text() in ("fifo_open", "wait_for_partner"):
                return True
            for fd in Path(f"/proc/{p}/fd").iterdir():
                if os.readlink(fd) == target:
                    return True
        except OSError:
            continue
    return False


def test_change_words_are_the_words_of_the_change_verb_pattern() -> None:
    """_subject looks change words up in a set (the alternation regex was ~1 µs a character); both must agree."""
    from numcheck import facts

    for word in facts._RISE_OR_FALL:
        assert facts._CHANGE_VERB.fullmatch(word), word
    # Every spelling the regex accepts, generated from its alternatives with their optional endings.
    body = facts._CHANGE_VERB.pattern.replace("?P<rise>", "").replace("?P<fall>", "").replace(r"\b", "")
    stems = set(re.findall(r"[a-z]+(?:\[[a-z]+\]\??|\(\?:[a-z|]+\)\??|\?)?", body))
    for stem in stems:
        for word in _spellings(stem):
            assert word in facts._RISE_OR_FALL, word


def _spellings(stem: str) -> set[str]:
    m = re.fullmatch(r"([a-z]+)(?:\[([a-z]+)\]\?|\(\?:([a-z|]+)\)\?|(\?))?", stem)
    assert m, stem
    base, cls, alts, opt = m.groups()
    if cls:
        return {base} | {base + c for c in cls}
    if alts:
        return {base} | {base + a for a in alts.split("|")}
    if opt:
        return {base, base[:-1]}
    return {base}


def test_shares_of_a_long_sentence_are_still_read_as_a_breakdown(rules: tuple) -> None:
    """The shares check reads each share's own window; a breakdown deep in a long sentence still counts."""
    engine = need("numcheck.engine")
    extract = need("numcheck.facts").extract
    filler = "and, as the survey of shoppers in the town found last spring, " * 40
    text = f"Asked about the plan {filler}55% said they backed it, 40% said they opposed it and 12% said they did not know."
    codes = [f.code for f in engine.run(extract(text), rules)]
    assert "NC206" in codes


def test_year_typos_later_in_a_long_sentence_are_each_found(rules: tuple) -> None:
    """The year check searches on from each match (no slice per match); every typo still counts once."""
    engine = need("numcheck.engine")
    extract = need("numcheck.facts").extract
    text = "The scheme began in 20014, " + "was reviewed, " * 50 + "and ended in 20019 after a vote."
    found = [(f.code, text[f.span.start : f.span.end]) for f in engine.run(extract(text), rules) if f.code == "NC404"]
    assert found == [("NC404", "20014"), ("NC404", "20019")]


def test_change_checks_a_long_sentence_of_changes(rules: tuple) -> None:
    """One exclude search per sentence; each 'from A to B' binding is still judged."""
    engine = need("numcheck.engine")
    extract = need("numcheck.facts").extract
    text = "Sales rose from 40 to 30 units in May, " + "and costs were flat, " * 30 + "and staff rose from 12 to 10."
    found = [(f.code, text[f.span.start : f.span.end]) for f in engine.run(extract(text), rules) if f.code == "NC210"]
    assert found == [("NC210", "30"), ("NC210", "10")]


# --- patterns made linear (bench/robust.py --regex-only) keep their matches ------------------
# Each rewrite was checked against the plain form on random text and on every window of the
# shared corpus; these pin the phrases each pattern exists for. Nothing here is timed.


@pytest.mark.parametrize(
    ("before", "np"),
    [
        ("The island had a pre-flood population of ", "had a pre-flood population "),
        ("the council's total budget of\u00a0", "the council's total budget "),
        ("the 2020s population of ", "s population "),  # starts at the first letter of a run, as before
        ("aa bb cc dd ee of ", "bb cc dd ee "),  # at most four words
        ("ulation of ", "ulation "),  # a window cut mid-word
        ("twenty-" * 40 + " of ", "twenty-" * 40 + " "),
        ("the rise in 12 of ", None),
        ("a population of", None),
    ],
)
def test_of_before_keeps_its_phrases(before: str, np: str | None) -> None:
    m = need("numcheck.facts")._OF_BEFORE.search(before)
    assert (m.group("np") if m else None) == np


def test_of_before_names_the_subject() -> None:
    doc = extract("The island had a pre-flood population of 410,000.")
    assert [(f.text, f.subject) for f in doc.facts] == [("410,000", "pre-flood population")]


@pytest.mark.parametrize(
    ("window", "event"),
    [
        ("Russia joined the war in ", "Russia joined the war"),
        ("Prices have doubled since ", "Prices have doubled"),
        ("It rained. The firm was founded in the ", " The firm was founded"),  # after the last full stop
        ("Talks broke down; they resumed during\u00a0the ", " they resumed"),
        ("The plant, which closed IN ", "The plant, which closed"),  # any case
        ("the firm's 2nd-quarter profit fell by ", "the firm's 2nd-quarter profit fell"),
        ("no word here 12 in ", None),  # the word before the preposition needs a letter
        ("Russia joined the war in", None),
        ("1e" * 50 + " at ", "1e" * 50),
    ],
)
def test_event_before_keeps_its_phrases(window: str, event: str | None) -> None:
    m = need("numcheck.facts")._EVENT_BEFORE.search(window)
    assert (m.group("e") if m else None) == event


def test_event_before_names_what_a_date_is_the_time_of() -> None:
    doc = extract("Russia joined the war in September 2015.")
    assert [(f.text, f.subject) for f in doc.facts] == [("September 2015", "Russia joined the war")]


@pytest.mark.parametrize(
    ("before", "noun"),
    [
        ("the pre-war population of ", "the pre-war population"),
        ("with a population of about ", "with a population"),
        ("the country's refugees of more than ", "the country's refugees"),
        ("rock 'n' roll fans of ", "'n' roll fans"),  # at most three words
        ("in 2020 a total of ", "a total"),
        ("'" * 60 + " of ", "'" * 60),
        ("population of", None),
        ("of ", None),
    ],
)
def test_noun_of_keeps_its_phrases(before: str, noun: str | None) -> None:
    m = need("numcheck.patterns")._NOUN_OF.search(before)
    assert (m.group(1) if m else None) == noun


def test_noun_of_labels_a_figure() -> None:
    view = need("numcheck.patterns").View(extract("Syria had a population of about 23 million before the war."))
    assert "population" in view.labels[0]


@pytest.mark.parametrize(
    ("text", "fences"),
    [
        ("Text 12.\n```python\nx = 42\n```\nAfter 13.", ["```python\nx = 42\n```"]),
        ("A\n~~~\n7 days\n~~~ \nB 5", ["~~~\n7 days\n~~~ "]),
        ("  ````\n1\n```\n2\n  ````\nC 3", ["  ````\n1\n```\n2\n  ````"]),  # closed by its own fence only
        ("open\n```\n4 5 6", ["```\n4 5 6"]),  # never closed: to the end
        ("```` no newline", []),
        ("`" * 500, []),
        ("x ```not at line start```\n1", []),
    ],
)
def test_fence_keeps_its_blocks(text: str, fences: list[str]) -> None:
    source = need("numcheck.source")
    assert [m.group() for m in source._FENCE.finditer(text)] == fences


def test_fenced_code_is_blanked_in_markdown() -> None:
    doc = extract("Of 40 people,\n```\n99 of 100\n```\n10 came.", "draft.md")
    assert [f.text for f in doc.facts] == ["40", "10"]


def test_a_stopped_pools_manager_thread_is_quiet_and_other_threads_are_not() -> None:
    # On an interrupt the pool's manager thread may raise InvalidStateError on a cancelled future
    # (Python 3.11); only that thread's exceptions are silenced, others still reach the hook before.
    import threading

    from numcheck import pipeline

    def boom() -> None:
        raise RuntimeError("boom")

    class Pool:
        _executor_manager_thread = threading.Thread(target=boom)

    seen: list[threading.Thread | None] = []
    before = threading.excepthook
    threading.excepthook = lambda args: seen.append(args.thread)
    try:
        pipeline._quiet_manager(Pool())
        Pool._executor_manager_thread.start()
        Pool._executor_manager_thread.join()
        assert seen == []
        other = threading.Thread(target=boom)
        other.start()
        other.join()
        assert seen == [other]
    finally:
        threading.excepthook = before
