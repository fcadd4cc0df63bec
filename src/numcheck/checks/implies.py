"""Check kind ``implies``: a qualifier and the figure it describes must agree ("a majority (45%)").

Templates bind ``x`` (the figure) and a ``q`` group (the qualifier words);
the ``qualifiers`` table gives, for each qualifier, the range it implies and
how to say it: ``"a majority" = { low = 50, low_open = true, means = "more
than 50%" }``. The figure's interval must overlap that range. Percent and
share figures are compared in percent, counts as they are ("millions" for
800,000).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import Interval
from numcheck.model import Hit
from numcheck.patterns import View, as_percent, compile_templates, format_number, round_to

if TYPE_CHECKING:
    from numcheck.model import Rule

PARAMS: dict[str, tuple[type, Any]] = {
    "templates": (list, []),
    "qualifiers": (dict, {}),
}
FIELDS = frozenset({"qualifier", "figure", "means"})
_ENTRY_KEYS = {"low": Decimal, "high": Decimal, "low_open": bool, "high_open": bool, "means": str}


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    table: dict[str, tuple[Interval, str]] = {}
    if not params["qualifiers"]:
        raise ValueError("qualifiers: the table of qualifiers is empty")
    for phrase, entry in params["qualifiers"].items():
        if not isinstance(entry, dict):
            raise ValueError(f"qualifiers.{phrase}: must be a table with low/high/means")
        for key, value in entry.items():
            want = _ENTRY_KEYS.get(key)
            if want is None:
                raise ValueError(f"qualifiers.{phrase}.{key}: unknown key (allowed: {', '.join(_ENTRY_KEYS)})")
            if want is Decimal and isinstance(value, int) and not isinstance(value, bool):
                value = Decimal(value)
            if not isinstance(value, want):
                raise ValueError(f"qualifiers.{phrase}.{key}: must be a {want.__name__}")
        if "means" not in entry or ("low" not in entry and "high" not in entry):
            raise ValueError(f"qualifiers.{phrase}: needs means and at least one of low, high")
        low = Decimal(entry["low"]) if "low" in entry else None
        high = Decimal(entry["high"]) if "high" in entry else None
        iv = Interval(low, high, bool(entry.get("low_open")), bool(entry.get("high_open")))
        table[_key(phrase)] = (iv, entry["means"])
    # The q group is checked when a template compiles (on first use for bundled rules).
    templates = tuple(
        replace(t, group="q", missing="has no #q# role or (?P<q>…) group for the qualifier")
        for t in compile_templates("templates", params["templates"], ("x",))
    )
    return {"templates": templates, "qualifiers": table}


def _key(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.strip().lower())


def find(rule: Rule, view: View) -> Iterator[Hit]:
    facts = view.facts
    table = rule.compiled["qualifiers"]
    for b in view.bind(rule.compiled["templates"], trusted=rule.trusted):
        x = facts[b.roles["x"]]
        if "q" in b.roles:
            # A fraction word read as a fact ("half", "two-thirds"): it means its own value.
            qf = facts[b.roles["q"]]
            share = as_percent(qf)
            if share is None or qf.value is None:
                continue
            want = share
            q = qf.text.lower() if qf.hedge == "exact" else f"{qf.hedge} {qf.text.lower()}"
            means = (
                ("under " if qf.hedge == "nearly" else "about ")
                + format_number(round_to(qf.value * 100, Decimal(1)))
                + "%"
            )
        else:
            q = _key(b.groups.get("q", ""))
            if q not in table:
                continue
            want, means = table[q]
        have = as_percent(x) if x.kind in ("percent", "share") else x.interval
        if have is None or have.overlaps(want):
            continue
        yield Hit(x.span, (), (("qualifier", q), ("figure", x.text), ("means", means)))
