"""The github format: GitHub Actions workflow commands that annotate the diff."""

from __future__ import annotations

from numcheck.model import Report
from numcheck.report import Options, view

# numcheck's severities -> workflow command names.
COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    """Escape a message as GitHub's runner requires (the part after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus the ``:`` and ``,`` that delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, options: Options) -> str:
    out: list[str] = []
    for file in report.files:
        if file.error is not None:
            # Also on stderr; as an annotation it shows on the pull request too.
            out.append(f"::error file={escape_property(file.path)},title=numcheck::{escape_data(file.error)}")
            continue
        v = view(file)
        for loc in v.findings:
            f = loc.finding
            # GitHub's endColumn names the last annotated column, inclusive.
            end_line, end_col = v.position(max(f.span.start, f.span.end - 1))
            props = ",".join(
                [
                    f"file={escape_property(file.path)}",
                    f"line={loc.line}",
                    f"col={loc.column}",
                    f"endLine={end_line}",
                    f"endColumn={end_col}",
                    f"title={escape_property(f'{f.code} {f.rule}')}",
                ]
            )
            # A figure quoted across a line break would split the annotation; escape_data
            # still guards the rest (\r, \n and % from any other source).
            message = " ".join(f.message.split()) or f.message
            out.append(f"::{COMMANDS.get(f.severity, 'warning')} {props}::{escape_data(message)}")
    return "".join(line + "\n" for line in out)
