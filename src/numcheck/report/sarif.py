"""The sarif format: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from numcheck.model import Report, Span
from numcheck.report import FileView, Options, RuleInfo, view
from numcheck.report.json import dumps

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    # SARIF wants a URI reference; a relative one resolves against the
    # repository root in GitHub code scanning, an absolute path becomes file://.
    from pathlib import PurePosixPath, PureWindowsPath

    if PurePosixPath(path).is_absolute():
        return PurePosixPath(path).as_uri()
    if PureWindowsPath(path).is_absolute():
        return PureWindowsPath(path).as_uri()
    return quote(path.replace("\\", "/"), safe="/@!$&'()*+,;=-._~")


def _region(v: FileView, span: Span, snippet: str) -> dict[str, Any]:
    line, col = v.position(span.start)
    end_line, end_col = v.position(span.end)
    return {
        "startLine": line,
        "startColumn": col,
        "endLine": end_line,
        "endColumn": end_col,
        "snippet": {"text": snippet},
    }


def _rule(rule: RuleInfo) -> dict[str, Any]:
    # Rule files wrap "why" at 80 columns; viewers reflow text themselves.
    why = " ".join((rule.why or "").split())
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": why or rule.summary},
        "help": {"text": f"{rule.summary}\n\n{why}".strip()},
        "defaultConfiguration": {"level": rule.severity},
        "properties": {"tags": ["numbers"]},
    }


def render(report: Report, options: Options) -> str:
    # Only the rules that produced a result (as ESLint's SARIF does): viewers need
    # no more, and the log does not change when an unrelated rule's text does.
    used = {f.code for file in report.files for f in file.findings}
    rules = sorted((r for r in {r.code: r for r in options.rules}.values() if r.code in used), key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    unreadable: list[dict[str, Any]] = []
    for file in report.files:
        if file.error is not None:
            unreadable.append(
                {
                    "level": "error",
                    "message": {"text": f"{file.path}: {file.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(file.path)}}}],
                }
            )
            continue
        v = view(file)
        uri = _uri(file.path)
        for loc in v.findings:
            f = loc.finding
            result: dict[str, Any] = {"ruleId": f.code}
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            result["level"] = f.severity
            result["message"] = {"text": f.message}
            result["locations"] = [
                {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(v, f.span, f.text)}}
            ]
            if f.related:
                result["relatedLocations"] = [
                    {
                        "id": i,
                        "physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(v, r.span, r.text)},
                        "message": {"text": r.text},
                    }
                    for i, r in enumerate(f.related)
                ]
            result["partialFingerprints"] = {"numcheck/v1": loc.fingerprint}
            if f.fix:
                # Display-only: SARIF "fixes" need replacement text we do not claim to know.
                result["properties"] = {"suggestion": f.fix}
            results.append(result)
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "numcheck",
                        "version": options.version or "0",
                        "rules": [_rule(r) for r in rules],
                    }
                },
                "invocations": [{"executionSuccessful": not unreadable, "toolExecutionNotifications": unreadable}],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return dumps(doc, flat_depth=99) + "\n"
