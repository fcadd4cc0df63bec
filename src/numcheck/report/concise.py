"""The concise format: one line per finding, ``path:line:col: CODE [severity] message``."""

from __future__ import annotations

from numcheck.model import Report
from numcheck.report import Options, view


def render(report: Report, options: Options) -> str:
    lines: list[str] = []
    for file in report.files:
        for loc in view(file).findings:
            f = loc.finding
            # One finding, one line: a message never spans lines here.
            message = " ".join(f.message.split())
            lines.append(f"{file.path}:{loc.line}:{loc.column}: {f.code} [{f.severity}] {message}")
    return "".join(line + "\n" for line in lines)
