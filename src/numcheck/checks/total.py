"""Check kind ``total``: parts must fit inside, or sum to, the total they belong to.

Tests:

- ``part``: templates bind ``part`` and ``whole``; the part cannot be larger
  ("26 million of a population of 23 million").
- ``disjoint``: a part marked as separate from the figures before it (the
  ``separate`` regex, matched on the text just before it: "another", "a
  further", "the remaining") plus the counts of its own and the previous
  sentence cannot add up to more than the whole it is bound to.
- ``sum``: templates bind a ``total`` and end where a list of parts of the same
  kind begins ("120 staff: 70 men, 40 women"); the parts must add up to the
  total (or, with an ``incl`` group such as "including", stay within it).
- ``shares``: the percents of one breakdown in one sentence (each followed,
  within 200 characters, by the ``breakdown`` regex: "45% said yes, 40% said
  no") cannot add up to more than 100%, unless the sentence matches ``exclude``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck import startcache
from numcheck.interval import Interval
from numcheck.model import Fact, Hit
from numcheck.patterns import View, compile_regex, compile_templates, entirely_above, format_number, point, round_to

if TYPE_CHECKING:
    from numcheck.model import Rule

PARAMS: dict[str, tuple[type, Any]] = {
    "test": (str, "part"),
    "templates": (list, []),
    "separate": (str, r"(?:another|a further|an additional|the remaining|the rest|the other)\s*$"),
    # Answers to one question: "45% said ...". Not "were": "60% were women, 70% were over 40" splits two ways.
    "breakdown": (
        str,
        r"^\s+(?:said|say|says|voted|backed|supported|opposed|chose|preferred|favou?red|answered|replied)\b",
    ),
    "exclude": (str, r"(?!)"),
    # (Never across a change's older end: "eight women and six men, up from 11 swimmers"; an item's place
    # may be long: "96 in the neighbouring village of Glanrhyd and 41 in ..."; never across "while", which
    # opens another subject's clause: "12 medals, including five golds, while the rowers took eight".)
    "list_gap": (
        str,
        r"^(?![^#]*\b(?:from|than|compared|while|whereas)\b)[^#]{0,60}?(?:,|\band\b|;|\bor\b)[^#]{0,40}?$",
    ),
    # A listed sum far from its total (more than this factor either way) is another
    # quantity ("3 winners: 10, 20 and 30 points"), not a miscount.
    "max_ratio": (Decimal, Decimal(2)),
}
FIELDS = frozenset({"part", "whole", "parts", "sum", "total"})
TESTS = ("part", "disjoint", "sum", "shares")
_KINDS = ("count", "number", "money", "measure", "percent")


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    test = params["test"]
    if test not in TESTS:
        raise ValueError(f"test: {test!r} is not one of {', '.join(TESTS)}")
    roles = {"part": ("part", "whole"), "disjoint": ("part", "whole"), "sum": ("total",), "shares": ()}[test]
    return {
        "templates": compile_templates("templates", params["templates"], roles),
        "separate": compile_regex("separate", params["separate"]),
        "breakdown": compile_regex("breakdown", params["breakdown"]),
        "exclude": compile_regex("exclude", params["exclude"]),
        "list_gap": compile_regex("list_gap", params["list_gap"]),
    }


def find(rule: Rule, view: View) -> Iterator[Hit]:
    test = rule.params["test"]
    if test == "part":
        yield from _part(rule, view)
    elif test == "disjoint":
        yield from _disjoint(rule, view)
    elif test == "sum":
        yield from _sum(rule, view)
    else:
        yield from _shares(rule, view)


def _family(kind: str) -> str:
    # A bare number and a count are the same sort of figure ("drove 4 million from their homes").
    return "count" if kind == "number" else kind


def _same_unit(a: Fact, b: Fact) -> bool:
    if a.kind == "money" or b.kind == "money" or a.kind == "measure" or b.kind == "measure":
        return a.kind == b.kind and a.unit == b.unit
    return True


def _part(rule: Rule, view: View) -> Iterator[Hit]:
    facts = view.facts
    for b in view.bind(rule.compiled["templates"], trusted=rule.trusted):
        part, whole = facts[b.roles["part"]], facts[b.roles["whole"]]
        if not _same_unit(part, whole) or part.is_range or whole.is_range:
            continue
        if entirely_above(part.interval, whole.interval):
            pv, wv = point(part), point(whole)
            share = f"{format_number(round_to(pv / wv * 100, Decimal(1)))}%" if pv and wv else "more than 100%"
            yield Hit(
                part.span,
                (whole.span,),
                (("part", part.text), ("whole", whole.text), ("sum", share), ("parts", part.text)),
            )


def _disjoint(rule: Rule, view: View) -> Iterator[Hit]:
    facts = view.facts
    for b in view.bind(rule.compiled["templates"], trusted=rule.trusted):
        pi, wi = b.roles["part"], b.roles["whole"]
        part, whole = facts[pi], facts[wi]
        if "another" not in part.markers and not view.search(
            rule.compiled["separate"], view.before(part, 30), trusted=rule.trusted
        ):
            continue
        sentences = [part.sentence]
        if (
            part.sentence > 0
            and view.doc.sentences[part.sentence - 1].paragraph == view.doc.sentences[part.sentence].paragraph
        ):
            sentences.insert(0, part.sentence - 1)
        earlier = [
            i
            for s in sentences
            for i in view.by_sentence[s]
            if i < pi
            and i != wi
            and _family(facts[i].kind) == _family(part.kind)
            and facts[i].value is not None
            and facts[i].interval.low is not None
            and _same_unit(facts[i], part)
        ]
        if not earlier:
            continue
        total = part.interval
        for i in earlier:
            total = total + Interval(facts[i].interval.low, None, facts[i].interval.low_open)
        if not entirely_above(total, whole.interval) or entirely_above(part.interval, whole.interval):
            continue  # a part alone larger than the whole is part-exceeds-whole's finding
        parts = [facts[i] for i in earlier] + [part]
        shown = sum(((point(f) or Decimal(0)) for f in parts), Decimal(0))
        yield Hit(
            part.span,
            tuple(f.span for f in parts[:-1]) + (whole.span,),
            (
                ("part", part.text),
                ("whole", whole.text),
                ("parts", " + ".join(f.text for f in parts)),
                ("sum", _scaled(shown, parts)),
            ),
        )


def _scaled(value: Decimal, like: list[Fact]) -> str:
    """A sum written the way its parts are ("12.1 million" when they say "million")."""

    texts = " ".join(f.text.lower() for f in like)
    signs = {m.group() for f in like if (m := re.match(r"[£$€¥]", f.text.strip()))}
    sign = signs.pop() if len(signs) == 1 else ""
    for word, factor in (("billion", Decimal(10) ** 9), ("million", Decimal(10) ** 6)):
        if word in texts and abs(value) >= factor / 10:
            return f"{sign}{format_number(round_to(value / factor, '0.01').normalize())} {word}"
    # "$15bn + $3bn = $18bn", "£5m + £6m = £11m": a scale letter glued on by the parts; with mixed ones
    # ("$2.9bn + $1.5bn + $700m") the largest a part uses ("$5.1bn").
    for suffix, factor in (("tn", Decimal(10) ** 12), ("bn", Decimal(10) ** 9), ("m", Decimal(10) ** 6)):
        if any(re.search(rf"\d{suffix}$", f.text.strip().lower()) for f in like) and abs(value) >= factor / 10:
            return f"{sign}{format_number(round_to(value / factor, '0.01').normalize())}{suffix}"
    return sign + format_number(value)


def _sum(rule: Rule, view: View) -> Iterator[Hit]:
    facts = view.facts
    for b in view.bind(rule.compiled["templates"], trusted=rule.trusted):
        ti = b.roles["total"]
        total = facts[ti]
        skel = view.skeletons[b.sentence]
        parts = _list_after(view, skel, b.end, total, rule)
        if len(parts) < 2:
            continue
        acc = Interval(Decimal(0), Decimal(0))
        for i in parts:
            acc = acc + facts[i].interval
        inclusive = "incl" in b.groups
        if acc.overlaps(total.interval) or (inclusive and not entirely_above(acc, total.interval)):
            continue
        shown = sum(((point(facts[i]) or Decimal(0)) for i in parts), Decimal(0))
        tv = point(total)
        limit = rule.params["max_ratio"]
        if not tv or tv <= 0 or not (tv / limit <= shown <= tv * limit):
            continue
        yield Hit(
            total.span,
            tuple(facts[i].span for i in parts),
            (
                ("parts", " + ".join(facts[i].text for i in parts)),
                ("sum", _scaled(shown, [facts[i] for i in parts])),
                ("total", total.text),
                ("whole", total.text),
                ("part", facts[parts[0]].text),
            ),
        )


_TOKEN = startcache.compile(r"#(\d+):[a-z]+#")


def _tokens(skel: str, start: int) -> Iterator[tuple[int, int, int]]:
    """(fact index, token start, token end) for every token at or after ``start``, lazily.

    Offsets are into ``skel``. Lazy and without slicing, so a caller that stops
    at the first token not in its list costs what it reads, not the sentence.
    """
    for m in _TOKEN.finditer(skel, start):
        yield int(m.group(1)), m.start(), m.end()


def _list_after(view: View, skel: str, start: int, total: Fact, rule: Rule) -> list[int]:
    """The facts listed right after ``start``: same kind and unit as the total, list punctuation between."""
    facts = view.facts
    out: list[int] = []
    prev_end = start
    for fi, s, e in _tokens(skel, start):
        f = facts[fi]
        gap = skel[prev_end:s]
        if out and not view.search(rule.compiled["list_gap"], gap, trusted=rule.trusted):
            break
        if not out and len(gap) > 40:
            break
        if _family(f.kind) != _family(total.kind) or not _same_unit(f, total) or not f.interval.bounded:
            break
        out.append(fi)
        prev_end = e
    return out


_PERCENT_TOKEN = startcache.compile(r"#(\d+):percent#")
_AFTER = 200  # characters of skeleton after a share that ``breakdown`` may look at


def _shares(rule: Rule, view: View) -> Iterator[Hit]:
    for listed in listed_answers(view, rule.compiled["breakdown"], rule.compiled["exclude"], rule.trusted):
        hit = over_100(view.facts, listed)
        if hit is not None:
            yield hit


def listed_answers(view: View, breakdown: Any, exclude: Any, trusted: bool) -> Iterator[list[int]]:
    """Per sentence, the shares each followed by an answer word ("55% said ..., 40% said ..."), two or more."""
    facts = view.facts
    for si, idxs in enumerate(view.by_sentence):
        pcts = [i for i in idxs if facts[i].kind == "percent" and facts[i].interval.low is not None]
        if len(pcts) < 2:
            continue
        skel = view.skeletons[si]
        if view.search(exclude, skel, trusted=trusted):
            continue
        # One pass for the token ends (a find per token is quadratic in a long sentence);
        # the breakdown words follow within a short window.
        ends = {int(m.group(1)): m.end() for m in _PERCENT_TOKEN.finditer(skel)}
        listed = [
            i for i in pcts if i in ends and view.search(breakdown, skel[ends[i] : ends[i] + _AFTER], trusted=trusted)
        ]
        if len(listed) >= 2:
            yield listed


def over_100(facts: Sequence[Fact], listed: Sequence[int]) -> Hit | None:
    """A hit when shares of one whole add up to more than 100% at every value they may stand for."""
    acc = Interval(Decimal(0), Decimal(0))
    for i in listed:
        if facts[i].interval.low is None:
            return None
        acc = acc + Interval(facts[i].interval.low, facts[i].interval.high)
    if not entirely_above(acc, Interval(Decimal(0), Decimal(100))):
        return None
    shown = sum(((point(facts[i]) or Decimal(0)) for i in listed), Decimal(0))
    return Hit(
        facts[listed[0]].span,
        tuple(facts[i].span for i in listed[1:]),
        (
            ("parts", " + ".join(facts[i].text for i in listed)),
            ("sum", format_number(shown) + "%"),
            ("total", "100%"),
            ("whole", "100%"),
            ("part", facts[listed[0]].text),
        ),
    )
