"""Judge ``qualifier-range``: a qualifier and the figure beside it must agree ("a majority (48%)").

The qualifier's range comes from ``data/qualifiers.toml`` (a rule's own
``qualifiers`` table adds or overrides entries), a fraction word's from its
value and hedge: "more than two-thirds" is above 66.7%, "just under
three-quarters" below 75%, "nearly half" a little under 50%, a plain
"a third" about 33%. The rule's ``unit`` says which qualifiers it judges:
shares (in percent) or scale words (in units).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import Interval
from numcheck.judges.arith import near_interval, value_interval
from numcheck.model import Fact, Hit
from numcheck.patterns import View, as_percent, compile_templates, format_number, round_to, share_of
from numcheck.relations import Relation
from numcheck.vocab import _toml, vocab

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"qualifier"})
ROLES = ("figure",)
TEMPLATE_ROLES = {"x": "figure"}
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, []), "unit": (str, "share"), "qualifiers": (dict, {})}
FIELDS = frozenset({"qualifier", "figure", "means"})
UNITS = ("share", "count", "change")
_ENTRY_KEYS = {"low": Decimal, "high": Decimal, "low_open": bool, "high_open": bool, "means": str}
# How far below its fraction "nearly"/"almost" may reach: "nearly half" is 40% to 50%.
NEARLY_REACH = Decimal("0.8")
# Hedges that bound a figure on one side only.
_ONE_SIDED = frozenset({"more than", "at least", "less than", "at most"})
# How far past its figure an open bound is read when it is a part of a whole: "more than £5m" of
# £21.7m is a little over £5m, not any sum at all.
OPEN_REACH = Decimal("1.5")
# "just over a third", "slightly more than half": a fraction word only a little above its figure, read up
# to a fifth above it (a third: 33.3% to 40%; half: 50% to 60%); the words are data (vocab [fractions]).
CLOSE_REACH = Decimal("1.2")
CLOSE_CHARS = 24


@functools.cache
def _close_above() -> re.Pattern[str]:
    words = _toml("vocab.toml")["fractions"]["close_above"]
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in words) + r")\s+\Z", re.IGNORECASE)


def told_close_above(view: View, q: Fact) -> bool:
    """The words right before the fraction word ``q`` say it is only a little above it ("just over a third",
    "slightly more than half"; ``[fractions] close_above``): read by this judge and the share judge."""
    return bool(_close_above().search(view.text, max(0, q.span.start - CLOSE_CHARS), q.span.start))


def _entry(phrase: str, entry: Mapping[str, Any]) -> tuple[Interval, str]:
    for key, value in entry.items():
        want = _ENTRY_KEYS.get(key)
        if want is None:
            raise ValueError(f"qualifiers.{phrase}.{key}: unknown key (allowed: {', '.join(_ENTRY_KEYS)})")
        if want is Decimal and isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            continue
        if not isinstance(value, want):
            raise ValueError(f"qualifiers.{phrase}.{key}: must be a {want.__name__}")
    if "means" not in entry or ("low" not in entry and "high" not in entry):
        raise ValueError(f"qualifiers.{phrase}: needs means and at least one of low, high")
    low = Decimal(str(entry["low"])) if "low" in entry else None
    high = Decimal(str(entry["high"])) if "high" in entry else None
    return Interval(low, high, bool(entry.get("low_open")), bool(entry.get("high_open"))), str(entry["means"])


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    unit = params["unit"]
    if unit not in UNITS:
        raise ValueError(f"unit: {unit!r} is not one of {', '.join(UNITS)}")
    table: dict[str, tuple[Interval, str]] = {}
    for phrase, (u, entry) in vocab().ranges.items():
        if u == unit:
            table[phrase] = _entry(phrase, entry)
    for phrase, entry in params["qualifiers"].items():
        if not isinstance(entry, dict):
            raise ValueError(f"qualifiers.{phrase}: must be a table with low/high/means")
        table[re.sub(r"\s+", " ", phrase.strip().lower())] = _entry(phrase, entry)
    return {"templates": compile_templates("templates", params["templates"], ("x",)), "table": table}


def fraction_range(q: Fact, close: bool = False) -> tuple[Interval, str] | None:
    """What a fraction word allows, in percent, read with its hedge ("more than two-thirds": above 66.7%);
    ``close``: the hedge says only a little more ("just over a third": above 33.3%, up to 40%)."""
    if q.value is None:
        return None
    v = q.value * 100
    shown = format_number(round_to(v, Decimal("0.1")))
    if q.hedge in ("more than", "at least") and close:
        return Interval(v, min(Decimal(100), v * CLOSE_REACH), q.hedge == "more than", False), f"a little over {shown}%"
    if q.hedge in ("more than", "at least"):
        return Interval(v, Decimal(100), q.hedge == "more than", False), f"{q.hedge} {shown}%"
    if q.hedge in ("less than", "at most"):
        return Interval(Decimal(0), v, False, q.hedge == "less than"), f"{q.hedge} {shown}%"
    if q.hedge == "nearly":
        return Interval(v * NEARLY_REACH, v), f"a little under {shown}%"
    iv = as_percent(q)
    return (iv, f"about {shown}%") if iv is not None else None


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    fi = rel.get("figure") if rel.get("figure") is not None else rel.get("whole")
    if fi is None:
        return None
    x = view.facts[fi]
    unit = rule.params["unit"]
    phrase = rel.label("phrase") or dict(rel.labels).get("q", "")
    qi = rel.get("qualifier")
    if qi is not None:
        if unit != "share":
            return None
        q = view.facts[qi]
        got = fraction_range(q, told_close_above(view, q))
        if got is None:
            return None
        want, means = got
        phrase = q.text.lower() if q.hedge == "exact" else f"{q.hedge} {q.text.lower()}"
    else:
        key = re.sub(r"\s+", " ", phrase.strip().lower())
        if key not in rule.compiled["table"] or (rel.label("unit") and rel.label("unit") != unit):
            return None
        want, means = rule.compiled["table"][key]
        phrase = _as_said(view, rel, key)
    pi, wi = rel.get("part"), rel.get("whole")
    if pi is not None and wi is not None:
        part, whole = view.facts[pi], view.facts[wi]
        if part.hedge == whole.hedge and part.hedge in _ONE_SIDED:
            # "at least 9,053 of at least 19,273": two bounds of one tally, read near their printed figures.
            have = share_of(near_interval(part), near_interval(whole))
        else:
            have = share_of(_near(part), value_interval(whole))
        shown = view.facts[pi].text + " of " + view.facts[wi].text
    else:
        have = (
            as_percent(x)
            if unit in ("share", "change")
            else value_interval(x)
            if x.kind in ("count", "number")
            else None
        )
        shown = x.text
    if rel.evidence == "document" and x.kind in ("count", "number") and (pi is None or wi is None):
        # A scale word in the headline against the body's count: the count read near its figure
        # ("over 45"), and only a count below the word's range (a headline ahead of the body's
        # older count is not flagged).
        have = _near(x)
        if have.high is None or want.low is None or have.overlaps(want) or have.high > want.low:
            return None
    elif have is None or not have.bounded or have.overlaps(want):
        return None
    if pi is not None and wi is not None and qi is not None:
        related = (view.facts[pi].span, view.facts[wi].span)
        return Hit(view.facts[qi].span, related, (("qualifier", phrase), ("figure", shown), ("means", means)))
    if pi is not None and wi is not None:
        # "A majority of the 600 members, 280,": the count is the figure the word misdescribes.
        fields = (("qualifier", phrase), ("figure", shown), ("means", means))
        return Hit(view.facts[pi].span, (view.facts[wi].span,), fields)
    return Hit(x.span, (), (("qualifier", phrase), ("figure", shown), ("means", means)))


def _near(f: Fact) -> Interval:
    """A part's interval, an open bound read as near its figure ("more than £5m": £5m to £7.5m)."""
    iv = value_interval(f)
    v = f.value
    if v is None or v <= 0:
        return iv
    if f.hedge in ("more than", "at least"):
        return Interval(v, v * OPEN_REACH, f.hedge == "more than", False)
    if f.hedge in ("less than", "at most"):
        return Interval(v / OPEN_REACH, v, False, f.hedge == "less than")
    return iv


def _as_said(view: View, rel: Relation, key: str) -> str:
    """The qualifier as the text words it ("the overwhelming majority"), when its cue is the table's phrase
    with another article; else the table's phrase."""
    if not rel.cues:
        return key
    said = re.sub(r"\s+", " ", view.text[rel.cues[0].start : rel.cues[0].end].strip().lower())
    return said if said.partition(" ")[2] == key.partition(" ")[2] and said.split(" ")[0] in ("a", "an", "the") else key
