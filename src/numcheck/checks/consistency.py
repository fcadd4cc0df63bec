"""Check kind ``consistency``: is the same quantity stated differently elsewhere?

Facts are grouped by (kind, unit, head noun): the head is the last content
word of the fact's subject, or the noun written right after the figure
("3 million refugees" → refugee). Within a group, two figures whose
intervals do not overlap are a restatement that cannot hold, unless a time
word or date in either sentence makes them different quantities ("last
year", "before the war", "in 2015"), or either figure is an endpoint or a
comparison ("from", "to", "than"). Grouping first keeps the pass linear in
the number of facts, not quadratic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from numcheck.model import Fact, Hit
from numcheck.patterns import TIME_WORDS, View, compile_regex, content_words

PARAMS: dict[str, tuple[type, Any]] = {
    "kinds": (list, ["count", "money"]),
    "ignore": (list, []),
    "context": (str, r"\b(?:from|to|by|than|between|and|or|up|down|over|under|of|per|each|every|another|a further)\s*$"),
    "after": (str, r"^\s*(?:more|fewer|less|than|times|of\b|per\b|each\b|a\s+(?:year|day|week|month))"),
    "max_compare": (int, 20),
}
FIELDS = frozenset({"figure", "other", "subject"})
_TIME_KINDS = frozenset({"year", "date", "decade", "relative", "time", "weekday"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "ignore": frozenset(w for p in params["ignore"] for w in content_words(p)),
        "context": compile_regex("context", params["context"]),
        "after": compile_regex("after", params["after"]),
    }


_NOUN = re.compile(r"^\s*(?:(?:[a-z'-]+\s+){0,2}?)([a-z][a-z'-]*)\b")


def _head(view: View, i: int) -> str | None:
    f = view.doc.facts[i]
    if f.subject:
        words = [w for w in re.findall(r"[a-z][a-z'’-]*", f.subject.lower()) if content_words(w)]
        if words:
            return next(iter(content_words(words[-1])))
    m = re.match(r"^\s+([a-z][a-z'-]*)\b", view.after(f, 30))
    if m and content_words(m.group(1)):
        return next(iter(content_words(m.group(1))))
    return None


def _time_context(view: View, sentence: int) -> frozenset[str]:
    facts = view.doc.facts
    marks = {facts[i].iso or facts[i].text.lower() for i in view.by_sentence[sentence] if facts[i].kind in _TIME_KINDS}
    words = set(re.findall(r"[a-z][a-z'-]*", view.sentence_text(sentence).lower())) & TIME_WORDS
    return frozenset(marks | words)


def find(rule: Any, view: View) -> Iterator[Hit]:
    facts = view.doc.facts
    comp = rule.compiled
    groups: dict[tuple[str, str | None, str], list[int]] = {}
    for kind in rule.params["kinds"]:
        for i in view.by_kind.get(kind, ()):
            f = facts[i]
            if f.value is None or f.hedge == "vague" or f.is_range or not f.interval.bounded:
                continue
            head = _head(view, i)
            if head is None or head in comp["ignore"]:
                continue
            if view.search(comp["context"], view.before(f, 25), trusted=rule.trusted):
                continue
            if view.search(comp["after"], view.after(f, 25), trusted=rule.trusted):
                continue
            groups.setdefault((kind, f.unit, head), []).append(i)
    contexts: dict[int, frozenset[str]] = {}
    for (_, _, head), members in groups.items():
        if len(members) < 2:
            continue
        for n, i in enumerate(members):
            fi = facts[i]
            for j in members[max(0, n - rule.params["max_compare"]) : n]:
                fj = facts[j]
                if fj.sentence == fi.sentence or fi.interval.overlaps(fj.interval):
                    continue
                ci = contexts.setdefault(fi.sentence, _time_context(view, fi.sentence))
                cj = contexts.setdefault(fj.sentence, _time_context(view, fj.sentence))
                if ci or cj:
                    continue
                yield _hit(fi, fj, head)
                break


def _hit(later: Fact, earlier: Fact, head: str) -> Hit:
    return Hit(later.span, (earlier.span,), (("figure", later.text), ("other", earlier.text), ("subject", head)))
