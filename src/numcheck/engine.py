"""Run rules over a document's fact table and return findings in a stable order.

For each rule the engine asks its check kind (``checks.CHECKS[rule.check]``)
for hits, fills the rule's message template from each hit's fields, and
turns the hit into a Finding. All checks share one ``patterns.View`` of the
document, so skeletons and indexes are built once per document, not per rule.

``pieces`` says where the command line cuts a long file (an archive, not an
article) to check it piece by piece in bounded memory and linear time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from types import ModuleType

from numcheck.checks import module as check_module
from numcheck.judges import find as judge_find
from numcheck.judges import module as judge_module
from numcheck.model import Document, Finding, Hit, Related, Rule, severity_rank
from numcheck.patterns import View

# A text longer than this is checked in pieces of at most this many characters
# (a long news article is ~10,000): memory stays bounded and time linear, and
# figures are compared within a piece, where one story's figures are.
PIECE_CHARS = 256 * 1024


def pieces(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces covering ``text``, each at most ``size`` characters.

    Each piece ends at the last blank line in its second half, else the last
    line break, else the last space, so that no figure or sentence is cut
    where the text gives a better place; only a run of ``size / 2``
    characters without a space is cut where it stands.
    """
    size = PIECE_CHARS if size is None else size
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while n - start > size:
        low, limit = start + size // 2, start + size
        cut = text.rfind("\n\n", low, limit)
        if cut >= 0:
            cut += 2
        else:
            cut = text.rfind("\n", low, limit)
            cut = cut + 1 if cut >= 0 else text.rfind(" ", low, limit) + 1 or limit
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def _hits(check: ModuleType | None, rule: Rule, view: View) -> Iterator[Hit]:
    """The rule's hits; a figure too large for Decimal arithmetic ends this rule on this text, not the run."""
    try:
        yield from (judge_find(rule, view) if check is None else check.find(rule, view))
    except ArithmeticError:
        return


def _weaker(rule: str, hit: str | None) -> str:
    """The lower of the rule's severity and the one its evidence allows."""
    if hit is None:
        return rule
    return min(rule, hit, key=severity_rank)


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
        # A judge's module loads only when its rule has something to judge (``judges.find``).
        check = None if rule.judge else check_module(rule.check)
        for hit in _hits(check, rule, view):
            key = (rule.code, hit.span.start, hit.span.end)
            if key in out:
                continue
            if check is None:
                check = judge_module(rule.judge)
            # Every field the check declares is present, so a template never fails to fill.
            fields = dict.fromkeys(check.FIELDS, "") | dict(hit.fields)
            related = tuple(
                Related(span, text[span.start : span.end]) for span in dict.fromkeys(hit.related) if span != hit.span
            )
            out[key] = Finding(
                code=rule.code,
                rule=rule.name,
                severity=_weaker(rule.severity, hit.severity),
                # A figure written across a line break reads as one line in a message.
                message=" ".join(rule.message.format_map(fields).split()),
                span=hit.span,
                text=text[hit.span.start : hit.span.end],
                related=related,
            )
    return tuple(sorted(out.values(), key=lambda f: (f.span.start, f.span.end, f.code, f.message)))
