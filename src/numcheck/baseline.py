"""Baselines: record today's findings by fingerprint and report only new ones.

A fingerprint hashes what a finding is about (its code, the figures' texts
and the sentence they sit in, whitespace and case normalised), never where it
is, so edits elsewhere in a file do not turn old findings into new ones.

Paths in a baseline are relative to the project root (``project_root``): the
folder holding the configuration file, else the root of the git work tree,
else the current folder. So a baseline written by ``numcheck docs/
--write-baseline b.json`` at the top still matches when run from ``docs/``
or with absolute paths.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from numcheck.model import BaselineEntry, BaselineUse, FileReport, Finding, context

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read: names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def normalise(sentence: str) -> str:
    return " ".join(sentence.split()).casefold()


def fingerprint(finding: Finding, sentence: str) -> str:
    """16 hex digits identifying ``finding`` independently of its line."""
    parts = [finding.code, finding.text, *(r.text for r in finding.related), normalise(sentence)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def of(finding: Finding, text: str) -> str:
    """The fingerprint of ``finding`` in the file whose text is ``text``."""
    s = context(finding)
    return fingerprint(finding, text[s.start : s.end])


Entry = BaselineEntry


def project_root(config_root: str | None = None, cwd: str | None = None) -> str:
    """The folder baseline paths are relative to: the config file's, else the git work tree's, else ``cwd``."""
    import os

    if config_root is not None:
        return os.path.abspath(config_root)
    start = os.path.abspath(cwd or os.getcwd())
    folder = start
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return start
        folder = parent


def entries(files: Iterable[FileReport], root: str | None = None) -> list[Entry]:
    """Baseline entries for every finding, in a stable order; paths relative to ``root`` (else as given)."""
    out: list[Entry] = []
    for file in files:
        for f in file.findings:
            out.append(Entry(_key(file.path, root), f.code, of(f, file.text), f.message))
    return sorted(out, key=lambda e: (e.path, e.code, e.fingerprint, e.message))


def dumps(items: Iterable[Entry]) -> str:
    """The baseline file's text: JSON, one entry per finding, sorted."""
    doc = {
        "version": BASELINE_VERSION,
        "findings": [
            {"path": e.path, "code": e.code, "fingerprint": e.fingerprint, "message": e.message} for e in items
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def load_entries(path: str) -> list[Entry]:
    """The entries of a baseline file; raises BaselineError naming the file and the reason."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(path, "no such file") from None
    except OSError as err:
        raise BaselineError(path, err.strerror or str(err)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise BaselineError(path, f"not a numcheck baseline (invalid JSON: {err})") from None
    if not isinstance(doc, dict) or doc.get("version") != BASELINE_VERSION or not isinstance(doc.get("findings"), list):
        raise BaselineError(path, f"not a numcheck baseline (expected version {BASELINE_VERSION} with a findings list)")
    out: list[Entry] = []
    for i, item in enumerate(doc["findings"]):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("path"), str)
            or not isinstance(item.get("fingerprint"), str)
        ):
            raise BaselineError(path, f"findings[{i}] needs a string path and fingerprint")
        code, message = item.get("code"), item.get("message")
        out.append(
            Entry(
                item["path"],
                code if isinstance(code, str) else "",
                item["fingerprint"],
                message if isinstance(message, str) else "",
            )
        )
    return out


def load(path: str) -> Counter[tuple[str, str]]:
    """How many findings each (path, fingerprint) had when the baseline was written."""
    return counts(load_entries(path))


def counts(items: Iterable[Entry]) -> Counter[tuple[str, str]]:
    return Counter((e.path, e.fingerprint) for e in items)


def subtract(file: FileReport, known: Counter[tuple[str, str]], root: str | None = None) -> FileReport:
    """``file`` without the findings the baseline already knows (paths relative to ``root``).

    Counts matter: if the baseline had one such finding and the file now has
    two identical ones, one is new. ``known`` is not changed.
    """
    from dataclasses import replace

    left = Counter(known)
    keep: list[Finding] = []
    for f in file.findings:
        key = (_key(file.path, root), of(f, file.text))
        if left[key] > 0:
            left[key] -= 1
        else:
            keep.append(f)
    return replace(file, findings=tuple(keep))


def use(
    path: str, recorded: Iterable[Entry], before: Iterable[FileReport], after: Iterable[FileReport], root: str
) -> BaselineUse:
    """What the baseline at ``path`` did: findings hidden, and entries that matched nothing.

    ``before`` and ``after`` are the run's files without and with the baseline
    applied. An entry is stale when its file was checked in this run and no
    finding matched it, or when its file no longer exists under ``root``;
    entries for files this run did not check are left alone.
    """
    import os

    before, after = list(before), list(after)
    hidden = sum(len(b.findings) - len(a.findings) for b, a in zip(before, after))
    checked = {_key(f.path, root) for f in before if f.error is None}
    found = Counter((_key(f.path, root), of(x, f.text)) for f in before if f.error is None for x in f.findings)
    stale: list[Entry] = []
    for e in recorded:
        key = (e.path, e.fingerprint)
        if found[key] > 0:
            found[key] -= 1
        elif e.path in checked or not os.path.exists(os.path.join(root, e.path)):
            stale.append(e)
    return BaselineUse(path, hidden, tuple(sorted(stale, key=lambda e: (e.path, e.code, e.fingerprint, e.message))))


def _key(path: str, root: str | None = None) -> str:
    """Paths as stored: relative to ``root`` when given, forward slashes, so a baseline works on every OS."""
    import os.path

    if root is not None and path != "-":
        full = os.path.abspath(path)
        try:
            path = os.path.relpath(full, root)
        except ValueError:  # another drive on Windows: no relative path exists
            path = full
    return os.path.normpath(path).replace("\\", "/")
