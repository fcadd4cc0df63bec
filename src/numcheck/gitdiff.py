"""Changed lines since a git revision, for ``--changed-since REF``.

Lists, per file, the lines of the current text that were added or changed:

- ``REF`` (``main``): what this branch changed since it left ``REF``, as
  ``git diff main...HEAD`` shows, plus uncommitted edits: the working tree
  is compared with the merge base of ``REF`` and ``HEAD``, so commits made on
  ``main`` after the branch started never count as this branch's lines.
  Untracked files count as changed throughout.
- ``A...B``: exactly ``git diff A...B``, the changes on ``B`` since its merge
  base with ``A`` (committed only; untracked files do not count). The files
  checked are the ones on disk, so ``B`` is normally ``HEAD``.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from numcheck.model import FileReport

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class GitError(Exception):
    """git could not answer: not a repository, unknown revision, git missing."""


@dataclass(frozen=True, slots=True)
class Changes:
    """Changed lines per resolved path; ``None`` means every line (an untracked file)."""

    root: Path
    lines: Mapping[str, frozenset[int] | None]

    def of(self, path: str) -> frozenset[int] | None:
        """The changed lines of ``path``: empty when git says it is unchanged."""
        return self.lines.get(str(Path(path).resolve()), frozenset())


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    if proc.returncode != 0:
        detail = proc.stderr.strip().splitlines()
        raise GitError(detail[-1] if detail else f"git {' '.join(args)} failed")
    return proc.stdout


def _unquote(name: str) -> str:
    """git quotes odd file names C-style even with core.quotepath=off."""
    if len(name) >= 2 and name[0] == name[-1] == '"':
        raw = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
        return raw.encode("latin-1", "ignore").decode("utf-8", "replace")
    return name


def parse_diff(diff: str) -> dict[str, frozenset[int]]:
    """``git diff -U0`` text -> new-side path (relative to the root) -> added/changed lines."""
    out: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = _unquote(line[4:].rstrip("\t"))
            if target == "/dev/null":
                current = None  # a deleted file has no lines to report on
                continue
            if target.startswith("b/"):
                target = target[2:]
            current = out.setdefault(target, set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start = int(m.group(1))
                count = 1 if m.group(2) is None else int(m.group(2))
                current.update(range(start, start + count))
    return {k: frozenset(v) for k, v in out.items()}


def _commit(ref: str, root: Path) -> str:
    """The commit ``ref`` names; GitError "unknown revision" if none."""
    try:
        return _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root).strip()
    except GitError:
        raise GitError(f"unknown revision {ref!r}") from None


def _merge_base(a: str, b: str, root: Path) -> str:
    try:
        return _git(["merge-base", a, b], root).strip()
    except GitError:
        raise GitError(f"{a} and {b} have no common ancestor") from None


def changed_since(ref: str, cwd: Path | None = None) -> Changes:
    """Lines changed since ``ref`` (``REF`` or ``A...B``, see the module docstring); raises GitError."""
    cwd = (cwd or Path.cwd()).resolve()
    root = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip()).resolve()
    left, dots, right = ref.partition("...")
    if dots:
        # git reads an empty side as HEAD ("main..." is "main...HEAD").
        a, b = _commit(left or "HEAD", root), _commit(right or "HEAD", root)
        sides = [_merge_base(a, b, root), b]
    else:
        sides = [_merge_base(_commit(ref, root), _commit("HEAD", root), root)]
    diff = _git(["diff", "--no-ext-diff", "--no-color", "--no-textconv", "-U0", *sides, "--"], root)
    lines: dict[str, frozenset[int] | None] = {
        str((root / rel).resolve()): changed for rel, changed in parse_diff(diff).items()
    }
    if not dots:
        for rel in _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0"):
            if rel:
                lines[str((root / rel).resolve())] = None
    return Changes(root, lines)


def keep_changed(file: FileReport, changes: Changes) -> FileReport:
    """``file`` with only the findings that have a figure on a changed line."""
    if file.path == "-" or not file.findings:
        return file  # stdin has no history: everything in it is new
    changed = changes.of(file.path)
    if changed is None:
        return file
    from numcheck.source import LineIndex

    index = LineIndex(file.text)

    def touches(start: int, end: int) -> bool:
        first = index.position(start)[0]
        last = index.position(max(start, end - 1))[0]
        return any(n in changed for n in range(first, last + 1))

    kept = tuple(
        f
        for f in file.findings
        if touches(f.span.start, f.span.end) or any(touches(r.span.start, r.span.end) for r in f.related)
    )
    return replace(file, findings=kept)
