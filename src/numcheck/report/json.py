"""The json format: one versioned document (schema in numcheck/schema/report-v1.json)."""

from __future__ import annotations

import json as _json
from decimal import Decimal
from typing import Any

from numcheck.model import Fact, FileReport, Report
from numcheck.report import Located, Options, counts, view

SCHEMA_VERSION = 1


def number(value: Decimal | None) -> Any:
    """A Decimal as a JSON number written exactly as the Decimal reads (see ``dumps``)."""
    if value is None or not value.is_finite():
        return None
    return value


def dumps(obj: Any, indent: int | None = 2) -> str:
    """JSON text with Decimals as exact JSON numbers and keys in the order given.

    The standard encoder would turn a Decimal into a float (and lose digits);
    here a Decimal is written as its own digits, which JSON's number grammar
    accepts ("5.60", "1.2E+7").
    """
    pad = "" if indent is None else "\n"
    sep = ", " if indent is None else ","

    def enc(o: Any, depth: int) -> str:
        if isinstance(o, Decimal):
            return _decimal(o)
        if isinstance(o, dict):
            if not o:
                return "{}"
            inner = (" " * (indent or 0) * (depth + 1)) if indent is not None else ""
            items = [f"{pad}{inner}{_json.dumps(k, ensure_ascii=False)}: {enc(v, depth + 1)}" for k, v in o.items()]
            close = (pad + " " * (indent or 0) * depth) if indent is not None else ""
            return "{" + sep.join(items) + close + "}"
        if isinstance(o, (list, tuple)):
            if not o:
                return "[]"
            inner = (" " * (indent or 0) * (depth + 1)) if indent is not None else ""
            items = [f"{pad}{inner}{enc(v, depth + 1)}" for v in o]
            close = (pad + " " * (indent or 0) * depth) if indent is not None else ""
            return "[" + sep.join(items) + close + "]"
        return _json.dumps(o, ensure_ascii=False)

    return enc(obj, 0)


def _decimal(d: Decimal) -> str:
    if not d.is_finite():
        return "null"
    if d == d.to_integral_value() and -18 <= d.adjusted() <= 18:
        return str(d.quantize(Decimal(1)))  # "5E+6" -> "5000000": what readers expect
    text = str(d)
    return text.replace("e", "E")


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
    return {
        "files": sum(1 for f in report.files if f.error is None),
        "findings": sum(c.values()),
        "by_severity": c,
        "by_code": dict(sorted(by_code.items())),
        "unreadable": [{"path": f.path, "reason": f.error} for f in report.files if f.error is not None],
    }


def render(report: Report, options: Options) -> str:
    doc = {
        "version": SCHEMA_VERSION,
        "files": [file_dict(f) for f in report.files if f.error is None],
        "summary": summary(report),
    }
    return dumps(doc) + "\n"
