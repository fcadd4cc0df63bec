"""Check kind ``consistency``: one quantity given two values in one text that cannot both hold.

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
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck import startcache
from numcheck.model import Fact, Hit
from numcheck.patterns import TIME_WORDS, View, compile_regex, content_words

if TYPE_CHECKING:
    from numcheck.model import Rule

PARAMS: dict[str, tuple[type, Any]] = {
    "kinds": (list, ["count", "money"]),
    "ignore": (list, []),
    "context": (
        str,
        r"\b(?:from|to|by|than|between|and|or|up|down|over|under|of|per|each|every|another|a further)\s*$",
    ),
    "after": (
        str,
        r"^\s*(?:[a-z'-]+\s+)?(?:more|fewer|less|than|times|of\b|per\b|each\b|an?\s+(?:year|day|week|month|second|minute|hour|head|person|piece|time))",
    ),
    "max_compare": (int, 20),
    # How far from a figure (in characters, inside its sentence) time and scope words count.
    "window": (int, 80),
    # Figures below this are mostly different small groups ("two teams", "six shells").
    "min_value": (Decimal, Decimal(1000)),
    # A qualifier right after the counted noun narrows it: "jobs in investment banking".
    "scope": (
        str,
        r"^\s*[a-z'-]+\s+(?:in|from|at|across|outside|inside|within|among|on|for|per|a|an|each|of|by|under|over|with|without)\b",
    ),
    # Words that make a figure a part, an addition or one of several ("while", "another").
    "partial": (
        str,
        r"\b(?:while|whereas|respectively|another|other|others|further|additional|more(?!\s+than)|new|first|latest|including|include|includes|of whom|of which|of those|of them|among|each|every|per|only|up to|compared)\b",
    ),
    # Words that put a figure at another moment or in the future ("plans", "will").
    "when": (
        str,
        r"\b(?:will|would|could|may|might|plan|plans|planned|planning|expected|expects|forecast|forecasts|target|targets|aim|aims|predicted|projected|proposed|hope|hopes|want|wants|set to|due to)\b",
    ),
}
FIELDS = frozenset({"figure", "other", "subject"})
_TIME_KINDS = frozenset({"year", "date", "decade", "relative", "time", "weekday"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "scope": compile_regex("scope", params["scope"]),
        "partial": compile_regex("partial", params["partial"]),
        "when": compile_regex("when", params["when"]),
        "ignore": frozenset(w for p in params["ignore"] for w in content_words(p)),
        "context": compile_regex("context", params["context"]),
        "after": compile_regex("after", params["after"]),
    }


_NOUN = startcache.compile(r"^\s*(?:(?:[a-z'-]+\s+){0,2}?)([a-z][a-z'-]*)\b")


def _head(view: View, i: int) -> tuple[str, str] | None:
    """The counted noun of fact ``i``: (normalised head for grouping, the word as written)."""
    f = view.facts[i]
    if f.subject:
        words = [w for w in re.findall(r"[a-z][a-z'’-]*", f.subject.lower()) if content_words(w)]
        if words:
            return next(iter(content_words(words[-1]))), words[-1]
    m = re.match(r"^\s+([a-z][a-z'-]*)\b", view.after(f, 30))
    if m and content_words(m.group(1)):
        return next(iter(content_words(m.group(1)))), m.group(1)
    return None


_SAID = startcache.compile(r"\b(?:said|says|told|announced|added|stated|reported|warned|confirmed)\b[^.]{0,12}$")


def _time_context(view: View, index: int, rule: Rule) -> frozenset[str]:
    """What marks a figure as another moment, a part, or a plan (empty: none).

    Only the words near the figure count (``window`` characters each side, inside
    its sentence): "now that peace has come" at the far end of a long sentence
    says nothing about a figure at its start.
    """
    facts = view.facts
    f = facts[index]
    sent = view.doc.sentences[f.sentence].span
    width = rule.params["window"]
    start, end = max(sent.start, f.span.start - width), min(sent.end, f.span.end + width)
    text = view.text[start:end].lower()
    for key in ("partial", "when"):
        m = view.search(rule.compiled[key], text, trusted=rule.trusted)
        if m:
            return frozenset({m.group(0)})
    marks = {
        facts[i].iso or facts[i].text.lower()
        for i in view.by_sentence[f.sentence]
        if facts[i].kind in _TIME_KINDS
        and facts[i].span.start < end
        and start < facts[i].span.end
        # "said on Monday" dates the saying, not the figure.
        and not _SAID.search(view.before(facts[i], 30))
    }
    words = set(re.findall(r"[a-z][a-z'-]*", text)) & TIME_WORDS
    return frozenset(marks | words)


def find(rule: Rule, view: View) -> Iterator[Hit]:
    facts = view.facts
    comp = rule.compiled
    groups: dict[tuple[str, str | None, str], list[int]] = {}
    written: dict[int, str] = {}
    for kind in rule.params["kinds"]:
        for i in view.by_kind.get(kind, ()):
            f = facts[i]
            if f.value is None or f.hedge == "vague" or f.is_range or not f.interval.bounded:
                continue
            if abs(f.value) < rule.params["min_value"]:
                continue
            named = _head(view, i)
            if named is None or named[0] in comp["ignore"]:
                continue
            head = named[0]
            written[i] = named[1]
            if view.search(comp["context"], view.before(f, 25), trusted=rule.trusted):
                continue
            after = view.after(f, 40)
            if view.search(comp["after"], after, trusted=rule.trusted) or view.search(
                comp["scope"], after, trusted=rule.trusted
            ):
                continue
            groups.setdefault((kind, f.unit, head), []).append(i)
    contexts: dict[int, frozenset[str]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        for n, i in enumerate(members):
            fi = facts[i]
            for j in members[max(0, n - rule.params["max_compare"]) : n]:
                fj = facts[j]
                if fj.sentence == fi.sentence or fi.interval.overlaps(fj.interval):
                    continue
                if i not in contexts:
                    contexts[i] = _time_context(view, i, rule)
                if j not in contexts:
                    contexts[j] = _time_context(view, j, rule)
                ci, cj = contexts[i], contexts[j]
                if ci or cj:
                    continue
                yield _hit(fi, fj, written[i])
                break


def _hit(later: Fact, earlier: Fact, head: str) -> Hit:
    return Hit(later.span, (earlier.span,), (("figure", later.text), ("other", earlier.text), ("subject", head)))
