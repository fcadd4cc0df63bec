"""The jsonl format: one finding per line with its path, for streaming large batches.

A file that could not be checked gets a line of its own at its place,
``{"version": 1, "path": ..., "reason": ...}`` with no ``code``, so a pipe
can tell "checked, clean" (no line) from "not checked" (a reason).
Both shapes are in the JSON schema (``$defs/jsonl_finding``, ``$defs/jsonl_unreadable``).
"""

from __future__ import annotations

from numcheck.model import Report
from numcheck.report import Options, view
from numcheck.report.json import SCHEMA_VERSION, dumps, finding_dict


def render(report: Report, options: Options) -> str:
    out: list[str] = []
    for file in report.files:
        if file.error is not None:
            out.append(dumps({"version": SCHEMA_VERSION, "path": file.path, "reason": file.error}, indent=None))
            continue
        for loc in view(file).findings:
            # version and path first so a line read on its own is self-describing.
            out.append(dumps({"version": SCHEMA_VERSION, "path": file.path, **finding_dict(loc)}, indent=None))
    return "".join(line + "\n" for line in out)
