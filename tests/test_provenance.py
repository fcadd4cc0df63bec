"""No tracked file of the repository shares an 8-word run with the shared texts in ../shared.

House rule: the repository holds only what its authors wrote. The news corpus, the
mutation set and the shared examples are read from ../shared by tests and benchmarks;
their wording must never be copied into rule examples, comments, docstrings or data.
This test builds every 8-word shingle of those texts (lower-cased word tokens, so
punctuation, case and line breaks do not hide a copied run) and lists each tracked
file that contains one, with the line, the run and a shared file it comes from.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# (folder under ../shared, file patterns read from it, recursively)
SOURCES = (
    ("corpus", ("*.txt", "*.md", "*.tsv")),
    ("mutations", ("*.txt",)),
    ("examples", ("*.txt", "*.md", "*.json")),
)
CHECKED_SUFFIXES = {".py", ".toml", ".md", ".txt", ".json", ".jsonl"}
WIDTH = 8
# A word token: letters and digits of any script; everything else separates tokens.
# "2,838th" reads as "2" "838th" and "51-year-old" as "51" "year" "old" on both sides.
_WORD = re.compile(r"[^\W_]+")


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _shingles(words: list[str]) -> Iterator[tuple[int, str]]:
    for i in range(len(words) - WIDTH + 1):
        yield i, " ".join(words[i : i + WIDTH])


def _shared_files() -> list[Path]:
    found: set[Path] = set()
    for folder, patterns in SOURCES:
        base = SHARED / folder
        for pattern in patterns:
            found.update(p for p in base.rglob(pattern) if p.is_file())
    return sorted(found)


def _tracked_files() -> list[Path]:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
        names = [n for n in out.split("\0") if n]
    except (OSError, subprocess.CalledProcessError):
        # Not a git checkout (an unpacked source tree): read every file but tooling folders.
        skip = {".git", ".venv", "venv", "build", "dist", "__pycache__", ".pytest_cache", ".ruff_cache"}
        names = [
            str(p.relative_to(ROOT))
            for p in ROOT.rglob("*")
            if p.is_file() and not skip.intersection(p.relative_to(ROOT).parts)
        ]
    return [ROOT / n for n in sorted(names) if Path(n).suffix in CHECKED_SUFFIXES and (ROOT / n).is_file()]


def _hits(shared: set[str], path: Path) -> list[tuple[int, int, str]]:
    """(line, first shingle index, run) for each maximal run of ``path`` found in ``shared``."""
    text = path.read_text(encoding="utf-8", errors="replace")
    toks = _tokens(text)
    words = [t.group().lower() for t in toks]
    marked = [i for i, s in _shingles(words) if s in shared]
    runs: list[tuple[int, int, str]] = []
    start = prev = None
    for i in [*marked, None]:
        if start is not None and (i is None or i != prev + 1):
            first = toks[start]
            line = text.count("\n", 0, first.start()) + 1
            runs.append((line, start, " ".join(words[start : prev + WIDTH])))
            start = None
        if i is not None:
            start = i if start is None else start
            prev = i
    return runs


def _source_of(run: str, files: list[Path], texts: dict[Path, str]) -> str:
    first = " ".join(run.split()[:WIDTH])
    for p in files:
        if p not in texts:
            texts[p] = " ".join(w.lower() for w in _WORD.findall(p.read_text(encoding="utf-8")))
        if first in texts[p]:
            return str(p.relative_to(SHARED))
    return "?"


def test_no_tracked_file_shares_an_8_word_run_with_the_shared_texts() -> None:
    if not all((SHARED / folder).is_dir() for folder, _ in SOURCES):
        pytest.skip(f"../shared (corpus, mutations, examples) not found: {SHARED}; nothing to compare with")
    files = _shared_files()
    assert files, f"no shared texts read under {SHARED}"
    shared: set[str] = set()
    for p in files:
        words = [w.lower() for w in _WORD.findall(p.read_text(encoding="utf-8"))]
        shared.update(s for _, s in _shingles(words))
    texts: dict[Path, str] = {}
    problems = []
    for path in _tracked_files():
        for line, _, run in _hits(shared, path):
            source = _source_of(run, files, texts)
            problems.append(f"{path.relative_to(ROOT)}:{line}: [{source}] {run}")
    assert not problems, (
        f"{len(problems)} run(s) of {WIDTH}+ words copied from ../shared; rewrite them in your own words:\n"
        + "\n".join(problems)
    )


def test_shingles_ignore_case_and_punctuation() -> None:
    words = [w.lower() for w in _WORD.findall('The Mayor, aged 61, said: "we\'ll open 3,400 new homes."')]
    other = [w.lower() for w in _WORD.findall("the mayor aged 61 said we ll open 3 400 new homes")]
    assert [s for _, s in _shingles(words)] == [s for _, s in _shingles(other)]
    assert len(list(_shingles(words))) == len(words) - WIDTH + 1


def test_a_copied_run_is_found_across_punctuation_and_line_breaks(tmp_path: Path) -> None:
    source = "Yesterday the Harbour Board said that 1,250 boats had moored in the marina since May."
    shared = {s for _, s in _shingles([w.lower() for w in _WORD.findall(source)])}
    copied = tmp_path / "copied.py"
    copied.write_text(
        "x = 1\n# the harbour board said - that 1,250 BOATS had\n# moored in the marina\n", encoding="utf-8"
    )
    assert _hits(shared, copied) == [(2, 2, "the harbour board said that 1 250 boats had moored in the marina")]
    written = tmp_path / "written.py"
    written.write_text("# the harbour board said that 1,250 yachts were sold at the marina\n", encoding="utf-8")
    assert _hits(shared, written) == []
