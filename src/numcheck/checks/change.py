"""Check kind ``change``: does a stated change (%, points, "doubled", a direction) match from → to?

Templates bind ``a`` (from) and ``b`` (to) and, for stated changes, ``c``
(a percent or points figure). The words of the match decide the direction
(``rise`` / ``fall`` regexes); a ``mult`` group names a multiple ("doubled")
looked up in the ``multiples`` table. Tests:

- ``change``: the stated change matches neither the relative change nor, for
  percent endpoints, the change in points;
- ``points``: percent endpoints, a change written in % that is the change in
  points, not the relative change ("from 20% to 25%, up 5%");
- ``multiple``: "doubled from 10 to 25";
- ``direction``: "fell from 10 to 12".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import ABOUT_WIDTH, NEARLY_WIDTH, Interval
from numcheck.model import Fact, Hit
from numcheck.patterns import (
    View,
    as_percent,
    compile_regex,
    compile_templates,
    format_number,
    point,
    round_to,
    rounded_like,
)

if TYPE_CHECKING:
    from numcheck.model import Rule

PARAMS: dict[str, tuple[type, Any]] = {
    "test": (str, "change"),
    "templates": (list, []),
    "rise": (
        str,
        r"\b(?:rose|rise|rises|risen|rising|increased?|increases|increasing|grew|grow|grown|growth|climbed?|jumped?|soared?|surged?|gained?|up|went up|doubled|tripled|trebled|quadrupled)\b",
    ),
    "fall": (
        str,
        r"\b(?:fell|fall|falls|fallen|falling|dropped|drop|drops|declined?|declines|decreased?|decreases|shrank|shrunk|down|slumped?|plunged?|tumbled?|slid|sank|dipped|halved|went down|cut)\b",
    ),
    "multiples": (dict, {}),
    # Sentences about ranks and positions, where "up from 13 to 5" is a rise.
    "exclude": (str, r"(?!)"),
}
# ``change`` is the change the endpoints make, with its direction ("a fall of 8%"); ``claim`` is
# the stated change, with the direction the words give it when that is the wrong one
# ("a rise of 10%"), so "rose 10% to 1.1 from 1.2" is shown to be a fall.
FIELDS = frozenset({"from", "to", "stated", "computed", "points", "direction", "word", "change", "claim"})
TESTS = ("change", "points", "multiple", "direction")
_ENDPOINT_KINDS = ("count", "number", "money", "percent", "measure", "duration")


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    test = params["test"]
    if test not in TESTS:
        raise ValueError(f"test: {test!r} is not one of {', '.join(TESTS)}")
    roles = ("a", "b", "c") if test in ("change", "points") else ("a", "b")
    multiples: dict[str, Decimal] = {}
    for word, factor in params["multiples"].items():
        if not isinstance(factor, Decimal | int) or isinstance(factor, bool) or factor <= 0:
            raise ValueError(f"multiples.{word}: must be a positive number")
        multiples[word.lower()] = Decimal(factor)
    if test == "multiple" and not multiples:
        raise ValueError("multiples: a multiple test needs a table of words and factors")
    return {
        "templates": compile_templates("templates", params["templates"], roles),
        "rise": compile_regex("rise", params["rise"]),
        "fall": compile_regex("fall", params["fall"]),
        "multiples": multiples,
        "exclude": compile_regex("exclude", params["exclude"]),
    }


def _endpoints_ok(a: Fact, b: Fact) -> bool:
    if a.kind not in _ENDPOINT_KINDS or b.kind not in _ENDPOINT_KINDS:
        return False
    if "duration" in (a.kind, b.kind) and (a.kind != b.kind or a.unit != b.unit):
        return False  # "from 15,800 hours to 21,400 hours"; never "948 ... to 12 hours" or hours against days
    # A bare figure takes its unit from the other end: "from 10 million to 12 million tonnes".
    bare_kinds = ("number", "count")
    if a.kind != b.kind and (a.kind in bare_kinds or b.kind in bare_kinds):
        bare = a if a.kind in bare_kinds and not a.unit else b if b.kind in bare_kinds and not b.unit else None
        if bare is None or "percent" in (a.kind, b.kind):
            return False
    elif a.kind != b.kind or a.unit != b.unit:
        return False
    return a.interval.bounded and b.interval.bounded and not a.is_range and not b.is_range


def _ratio(a: Interval, b: Interval) -> Interval | None:
    """b ÷ a for positive a."""
    if a.low is None or a.low <= 0 or b.low is None or b.low < 0:
        return None
    return b.divide(a)


def _relative(a: Interval, b: Interval) -> Interval | None:
    """The relative change from a to b, in percent."""
    r = _ratio(a, b)
    if r is None or r.low is None or r.high is None:
        return None
    return Interval((r.low - 1) * 100, (r.high - 1) * 100)


def _neg(iv: Interval) -> Interval:
    return Interval(
        None if iv.high is None else -iv.high, None if iv.low is None else -iv.low, iv.high_open, iv.low_open
    )


def find(rule: Rule, view: View) -> Iterator[Hit]:
    facts = view.facts
    test = rule.params["test"]
    comp = rule.compiled
    excluded: dict[int, bool] = {}  # per sentence: one search, not one per binding
    for bnd in view.bind(comp["templates"], trusted=rule.trusted):
        a, b = facts[bnd.roles["a"]], facts[bnd.roles["b"]]
        if not _endpoints_ok(a, b):
            continue
        if bnd.sentence not in excluded:
            excluded[bnd.sentence] = bool(
                view.search(comp["exclude"], view.skeletons[bnd.sentence], trusted=rule.trusted)
            )
        if excluded[bnd.sentence]:
            continue
        words = re.sub(r"#\d+:[a-z]+#", " ", view.skeletons[bnd.sentence][bnd.start : bnd.end])
        rise = bool(view.search(comp["rise"], words, trusted=rule.trusted))
        fall = bool(view.search(comp["fall"], words, trusted=rule.trusted))
        direction = "rise" if rise and not fall else "fall" if fall and not rise else ""
        base = (("from", a.text), ("to", b.text))
        if test == "direction":
            if direction == "rise" and a.interval.overlaps(b.interval) is False and _above(a, b):
                yield Hit(b.span, (a.span,), base + (("direction", "a fall"), ("word", "it rose")))
            elif direction == "fall" and not a.interval.overlaps(b.interval) and _above(b, a):
                yield Hit(b.span, (a.span,), base + (("direction", "a rise"), ("word", "it fell")))
            continue
        if test == "multiple":
            word = facts[bnd.roles["m"]].text.lower() if "m" in bnd.roles else (bnd.groups.get("mult") or "").lower()
            factor = comp["multiples"].get(word)
            if factor is None and "m" in bnd.roles:
                factor = facts[bnd.roles["m"]].value  # "three times": the fact's own factor
            ratio = _ratio(a.interval, b.interval)
            if factor is None or ratio is None:
                continue
            hedge = bnd.groups.get("hedge", "").strip().lower()
            if hedge in ("nearly", "almost"):
                want = Interval(factor * (1 - NEARLY_WIDTH), factor)
            elif hedge in ("more than", "over"):
                want = Interval(factor, None, low_open=True)
            else:
                want = Interval(factor * (1 - ABOUT_WIDTH), factor * (1 + ABOUT_WIDTH))
            if ratio.overlaps(want):
                continue
            av, bv = point(a), point(b)
            shown = f"{format_number(round_to(bv / av, '0.01').normalize())} times" if av and bv else "?"
            yield Hit(b.span, (a.span,), base + (("stated", word), ("computed", shown), ("word", word)))
            continue
        c = facts[bnd.roles["c"]]
        if c.kind == "count":
            # "3 points" read as a count of points: a change in points all the same.
            if not re.match(r"^\s+(?:percentage\s+)?points?\b", view.after(c, 25)):
                continue
            c = replace(c, kind="points")
        hit = _stated_change(a, b, c, direction, test)
        if hit:
            yield hit


def _above(x: Fact, y: Fact) -> bool:
    return x.interval.low is not None and y.interval.high is not None and x.interval.low >= y.interval.high


def _stated_change(a: Fact, b: Fact, c: Fact, direction: str, test: str) -> Hit | None:
    av, bv = point(a), point(b)
    if av is None or bv is None:
        return None
    diff = b.interval - a.interval
    if c.kind == "points":
        if a.kind != "percent" or test != "change":
            return None
        points = c.interval
        options = [points] if direction == "rise" else [_neg(points)] if direction == "fall" else [points, _neg(points)]
        if any(diff.overlaps(o) for o in options):
            return None
        shown = format_number(abs(bv - av)) + " points"
        return Hit(c.span, (a.span, b.span), _fields(a, b, c, shown, format_number(abs(bv - av)), direction))
    stated = as_percent(c)
    rel = _relative(a.interval, b.interval)
    if stated is None or rel is None or av == 0:
        return None
    if test == "points" and _the_points_told(a, b, c, direction):
        shown = rounded_like(abs(bv - av) / av * 100, c.text) + "%"
        return Hit(c.span, (a.span, b.span), _fields(a, b, c, shown, format_number(abs(bv - av)), direction))
    options = [stated] if direction == "rise" else [_neg(stated)] if direction == "fall" else [stated, _neg(stated)]
    if any(rel.overlaps(o) for o in options):
        return None
    as_points = a.kind == "percent" and any(diff.overlaps(o) for o in options)
    if (test == "points") != as_points:
        return None
    shown = rounded_like(abs(bv - av) / av * 100, c.text) + "%"
    return Hit(c.span, (a.span, b.span), _fields(a, b, c, shown, format_number(abs(bv - av)), direction))


def _the_points_told(a: Fact, b: Fact, c: Fact, direction: str) -> bool:
    """A change in % that is exactly the printed levels' difference ("cut by 1% from 5% to 4%"), while
    the relative change at the printed levels is another figure: the points, whatever the rounding
    of whole-number levels would allow (at those levels a relative change equal to the difference needs
    a level near 100%)."""
    av, bv, cv = point(a), point(b), point(c)
    if a.kind != "percent" or b.kind != "percent" or av is None or bv is None or cv is None or av <= 0:
        return False
    if direction and (bv > av) != (direction == "rise"):
        return False
    if cv != abs(bv - av) or cv == 0:
        return False
    return not c.interval.contains(abs(bv - av) / av * 100)


def _fields(a: Fact, b: Fact, c: Fact, computed: str, points: str, said: str) -> tuple[tuple[str, str], ...]:
    """The message fields of a stated change; ``said`` is the direction the words give ("rise", "fall" or "")."""
    av, bv = point(a), point(b)
    went = "" if av is None or bv is None or av == bv else "rise" if bv > av else "fall"
    change = f"a {went} of {computed}" if went else "no change"
    # "3" read as a count before "points" is shown with its word: "not 3 points".
    stated = f"{c.text} points" if c.kind == "points" and "point" not in c.text else c.text
    claim = f"a {said} of {stated}" if said and said != went else stated
    return (
        ("from", a.text),
        ("to", b.text),
        ("stated", c.text),
        ("computed", computed),
        ("points", points),
        ("direction", ""),
        ("word", ""),
        ("change", change),
        ("claim", claim),
    )
