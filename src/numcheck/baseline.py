"""Baselines: record today's findings by fingerprint and report only new ones.

A fingerprint hashes what a finding is about (its code, the figures' texts
and the sentence they sit in, whitespace and case normalised), never where it
is, so edits elsewhere in a file do not turn old findings into new ones.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from numcheck.model import FileReport, Finding, context

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


@dataclass(frozen=True, slots=True)
class Entry:
    path: str
    code: str
    fingerprint: str
    message: str


def entries(files: Iterable[FileReport]) -> list[Entry]:
    """Baseline entries for every finding, in a stable order."""
    out: list[Entry] = []
    for file in files:
        for f in file.findings:
            out.append(Entry(_key(file.path), f.code, of(f, file.text), f.message))
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


def load(path: str) -> Counter[tuple[str, str]]:
    """How many findings each (path, fingerprint) had when the baseline was written."""
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
    out: Counter[tuple[str, str]] = Counter()
    for i, item in enumerate(doc["findings"]):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("path"), str)
            or not isinstance(item.get("fingerprint"), str)
        ):
            raise BaselineError(path, f"findings[{i}] needs a string path and fingerprint")
        out[(item["path"], item["fingerprint"])] += 1
    return out


def subtract(file: FileReport, known: Counter[tuple[str, str]]) -> FileReport:
    """``file`` without the findings the baseline already knows.

    Counts matter: if the baseline had one such finding and the file now has
    two identical ones, one is new. ``known`` is not changed.
    """
    from dataclasses import replace

    left = Counter(known)
    keep: list[Finding] = []
    for f in file.findings:
        key = (_key(file.path), of(f, file.text))
        if left[key] > 0:
            left[key] -= 1
        else:
            keep.append(f)
    return replace(file, findings=tuple(keep))


def _key(path: str) -> str:
    """Paths as stored: forward slashes, so a baseline works on every OS."""
    import os.path

    return os.path.normpath(path).replace("\\", "/")
