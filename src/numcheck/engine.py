"""Run rules over a document's fact table and return findings in a stable order.

For each rule the engine asks its check kind (``checks.CHECKS[rule.check]``)
for hits, fills the rule's message template from each hit's fields, and
turns the hit into a Finding. All checks share one ``patterns.View`` of the
document, so skeletons and indexes are built once per document, not per rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from types import ModuleType

from numcheck.checks import CHECKS
from numcheck.model import Document, Finding, Hit, Related
from numcheck.patterns import View
from numcheck.rules import Rule


def _hits(check: ModuleType, rule: Rule, view: View) -> Iterator[Hit]:
    """The rule's hits; a figure too large for Decimal arithmetic ends this rule on this text, not the run."""
    try:
        yield from check.find(rule, view)
    except ArithmeticError:
        return


def run(doc: Document, rules: Sequence[Rule], *, today: dt.date | None = None) -> tuple[Finding, ...]:
    """Every finding of ``rules`` on ``doc``, sorted by span, then code.

    ``today`` is the reporting date; without it the dateline (if any) is used,
    and rules that need "now" stay silent when there is neither.
    """
    if not doc.facts:
        return ()
    view = View(doc, today)
    text = doc.text
    out: dict[tuple[str, int, int], Finding] = {}
    for rule in rules:
        check = CHECKS[rule.check]
        for hit in _hits(check, rule, view):
            key = (rule.code, hit.span.start, hit.span.end)
            if key in out:
                continue
            # Every field the check declares is present, so a template never fails to fill.
            fields = dict.fromkeys(check.FIELDS, "") | dict(hit.fields)
            related = tuple(
                Related(span, text[span.start : span.end]) for span in dict.fromkeys(hit.related) if span != hit.span
            )
            out[key] = Finding(
                code=rule.code,
                rule=rule.name,
                severity=rule.severity,
                # A figure written across a line break reads as one line in a message.
                message=" ".join(rule.message.format_map(fields).split()),
                span=hit.span,
                text=text[hit.span.start : hit.span.end],
                related=related,
            )
    return tuple(sorted(out.values(), key=lambda f: (f.span.start, f.span.end, f.code, f.message)))
