"""Check kind ``bounds``: could the figure be true at all?

Tests:

- ``share``: templates bind ``x`` (a percent) as a share of a whole named in a
  ``noun`` group; when the noun is one of ``wholes`` (people counted: "of the
  population", "of voters") the share cannot exceed 100%. Growth rates and
  ratios such as debt to GDP are not shares of a head count and are left alone.
- ``negative``: a count of things (named right after the figure) below zero; a
  level named before it ("temperatures dropped to -40") or a balance (a word of
  ``levels`` earlier in the sentence: "net", "balance") may be negative.
- ``people``: a count of ``people`` (by the noun after or the subject) larger
  than ``limit`` (the world's population).
- ``year``: a five-digit year typo found by the ``pattern`` regex (a ``year``
  group, "May 20014"), when deleting one digit gives a year in ``years``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck import startcache
from numcheck.model import Hit, Span
from numcheck.patterns import View, compile_regex, compile_templates, content_words, format_number

if TYPE_CHECKING:
    from numcheck.model import Rule

PARAMS: dict[str, tuple[type, Any]] = {
    "test": (str, "share"),
    "templates": (list, []),
    "wholes": (list, []),
    "people": (list, []),
    "limit": (Decimal, Decimal("8200000000")),
    "pattern": (str, r"(?!)"),
    "levels": (list, []),
    "first_year": (Decimal, Decimal(1000)),
    "last_year": (Decimal, Decimal(2100)),
}
FIELDS = frozenset({"figure", "noun", "limit", "year"})
TESTS = ("share", "negative", "people", "year")


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    test = params["test"]
    if test not in TESTS:
        raise ValueError(f"test: {test!r} is not one of {', '.join(TESTS)}")
    # The group is checked when the pattern compiles (on first use for bundled rules).
    pattern = compile_regex(
        "pattern", params["pattern"], ("year",) if test == "year" else (), "needs a (?P<year>…) group"
    )
    templates = compile_templates("templates", params["templates"], ("x",) if test == "share" else ())
    return {
        "templates": templates,
        "pattern": pattern,
        "wholes": frozenset(w for p in params["wholes"] for w in content_words(p)),
        "people": frozenset(w for p in params["people"] for w in content_words(p)),
        "levels": frozenset(w for p in params["levels"] for w in content_words(p)),
    }


_NOUN_AFTER = startcache.compile(r"[^\S\n]+([A-Za-z][A-Za-z-]+)")


def find(rule: Rule, view: View) -> Iterator[Hit]:
    test = rule.params["test"]
    facts = view.facts
    if test == "share":
        for b in view.bind(rule.compiled["templates"], trusted=rule.trusted):
            x = facts[b.roles["x"]]
            noun = content_words(b.groups.get("noun", ""))
            if x.interval.low is None or x.interval.low <= 100 or not noun & rule.compiled["wholes"]:
                continue
            yield Hit(x.span, (), (("figure", x.text), ("noun", b.groups.get("noun", "").strip())))
    elif test == "negative":
        levels = rule.compiled["levels"]
        text = view.text
        for i in view.by_kind.get("count", ()):
            f = facts[i]
            if f.interval.high is None or f.interval.high >= 0:
                continue
            # A count of things names them after the figure ("-40 households"); a level that can go below
            # zero is named before it ("net migration fell to -12,000", "temperatures dropped to -40").
            after = _NOUN_AFTER.match(text, f.span.end)
            counted = after.group(1).lower() if after else ""
            subject = (f.subject or "").lower().split()
            if not counted or not subject or counted.rstrip("s") != subject[0].rstrip("s"):
                continue
            if counted.endswith("ed") and len(counted) > 4:
                continue  # "the -9 recorded a year earlier": a participle after a level, no counted noun
            sentence = view.doc.sentences[f.sentence].span
            if content_words(text[sentence.start : f.span.start]) & levels:
                continue  # "a net loss of -300 jobs": a balance, which can be negative
            yield Hit(f.span, (), (("figure", f.text),))
    elif test == "people":
        limit = rule.params["limit"]
        for i in view.by_kind.get("count", ()):
            f = facts[i]
            if f.interval.low is None or f.interval.low <= limit:
                continue
            if not view.labels[i] & rule.compiled["people"]:
                continue
            yield Hit(f.span, (), (("figure", f.text), ("limit", _people(limit))))
    else:
        yield from _years(rule, view)


def _people(n: Decimal) -> str:
    """A head count the way a reader says it: "8.2 billion"."""
    if n >= 10**9:
        return f"{format_number(n / 10**9)} billion"
    return format_number(n)


def _years(rule: Rule, view: View) -> Iterator[Hit]:
    first, last = rule.params["first_year"], rule.params["last_year"]
    text = view.text
    for sent in view.doc.sentences:
        chunk = text[sent.span.start : sent.span.end]
        if not re.search(r"\d{5}", chunk):
            continue
        pos = 0
        while (m := view.search(rule.compiled["pattern"], chunk, pos, trusted=rule.trusted)) is not None:
            digits = m.group("year")
            start = sent.span.start + m.start("year")
            pos = max(m.end(), pos + 1)
            fixes = {digits[:k] + digits[k + 1 :] for k in range(len(digits))}
            if any(first <= Decimal(y) <= last for y in fixes if y[0] != "0"):
                yield Hit(Span(start, start + len(digits)), (), (("figure", digits), ("year", digits)))
            if pos >= len(chunk):
                break
