"""The json format: one versioned document (schema in numcheck/schema/report-v1.json)."""

from __future__ import annotations

import json as _json
import math
from decimal import Decimal
from typing import Any

from numcheck.model import Fact, FileReport, Report
from numcheck.report import Located, Options, counts, view

SCHEMA_VERSION = 1


def number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when whole (exact at any size), else a float.

    JSON readers turn numbers into doubles anyway, so a float loses nothing
    they would keep; values beyond a double's range become null, never the
    non-JSON ``Infinity``.
    """
    if value is None or not value.is_finite():
        return None
    if value == value.to_integral_value() and value.adjusted() <= 40:
        return int(value)
    f = float(value)
    return f if math.isfinite(f) else None


_COMPACT = _json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(", ", ": ")).encode


def dumps(obj: Any, indent: int | None = 2, flat_depth: int = 4) -> str:
    """JSON text, keys in the order given: indented down to ``flat_depth``, one line below it.

    Facts and findings sit at depth 4, so each is one line: readable, greppable,
    and written by the C encoder (the indenting encoder is ~50x slower on big runs).
    """
    if indent is None:
        return _COMPACT(obj)

    def enc(o: Any, depth: int) -> str:
        if depth >= flat_depth or not isinstance(o, (dict, list, tuple)) or not o:
            return _COMPACT(o)
        inner = "\n" + " " * indent * (depth + 1)
        close = "\n" + " " * indent * depth
        if isinstance(o, dict):
            items = [f"{_COMPACT(k)}: {enc(v, depth + 1)}" for k, v in o.items()]
            return "{" + inner + ("," + inner).join(items) + close + "}"
        return "[" + inner + ("," + inner).join(enc(v, depth + 1) for v in o) + close + "]"

    return enc(obj, 0)


def fact_dict(fact: Fact, file: FileReport, position: tuple[int, int]) -> dict[str, Any]:
    line, column = position
    iv = fact.interval
    return {
        "start": fact.span.start,
        "end": fact.span.end,
        "line": line,
        "column": column,
        "text": fact.text,
        "kind": fact.kind,
        "value": number(fact.value),
        "unit": fact.unit,
        "hedge": fact.hedge,
        "low": number(iv.low),
        "high": number(iv.high),
        "subject": fact.subject,
        "iso": fact.iso,
    }


def finding_dict(loc: Located) -> dict[str, Any]:
    f = loc.finding
    return {
        "code": f.code,
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "start": f.span.start,
        "end": f.span.end,
        "line": loc.line,
        "column": loc.column,
        "related": [{"start": r.span.start, "end": r.span.end, "text": r.text} for r in f.related],
        "fingerprint": loc.fingerprint,
    }


def file_dict(file: FileReport) -> dict[str, Any]:
    v = view(file)
    return {
        "path": file.path,
        "facts": [fact_dict(fact, file, v.position(fact.span.start)) for fact in file.facts],
        "findings": [finding_dict(loc) for loc in v.findings],
    }


def summary(report: Report) -> dict[str, Any]:
    c = counts(report)
    by_code: dict[str, int] = {}
    for file in report.files:
        for f in file.findings:
            by_code[f.code] = by_code.get(f.code, 0) + 1
    out: dict[str, Any] = {
        "files": sum(1 for f in report.files if f.error is None),
        "files_with_findings": sum(1 for f in report.files if f.findings),
        "findings": sum(c.values()),
        "by_severity": c,
        "by_code": dict(sorted(by_code.items())),
        "unreadable": [{"path": f.path, "reason": f.error} for f in report.files if f.error is not None],
    }
    if report.baseline is not None:
        b = report.baseline
        out["baseline"] = {
            "path": b.path,
            "hidden": b.hidden,
            "stale": [
                {"path": e.path, "code": e.code, "fingerprint": e.fingerprint, "message": e.message} for e in b.stale
            ],
        }
    return out


def render(report: Report, options: Options) -> str:
    doc = {
        "version": SCHEMA_VERSION,
        "files": [file_dict(f) for f in report.files if f.error is None],
        "summary": summary(report),
    }
    return dumps(doc) + "\n"
