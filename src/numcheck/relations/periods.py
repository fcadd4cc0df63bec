"""A part of a year against the whole year: "Carrow sold 5.3 million vans in 2021. In the fourth quarter
alone, it sold 5.6 million" cannot both be true.

What flows over a period (units sold, sales, visitors, deaths: vocab.toml ``[periods] flows``) adds up
over its quarters, months or halves, so the figure of one of them is a part of the whole year's figure of
the same thing, for the same subject and year. Levels (staff, prices, debt) and amounts that may be
negative in another quarter (profit) are not read. The relation is a ``part`` with document evidence.
"""

from __future__ import annotations

from collections.abc import Iterator

from numcheck.model import Fact
from numcheck.relations.base import COUNTABLE, FRAME_KINDS, Relation, _Doc, same_family
from numcheck.relations.stated import _clause_concept, _names

# Sentences either side of a part-period figure that its year's figure may stand in (a results story
# gives the quarter first and the year paragraphs later).
PERIOD_REACH = 8
MONTHS_IN_YEAR = 12
# Whole-year figures of one flow kept as candidates (the latest ones): a bound, so building stays linear.
CANDIDATES = 4


def _period_parts(d: _Doc) -> Iterator[Relation]:
    flows = d.v.flows
    years: dict[str, list[tuple[int, int, str]]] = {}  # flow -> [(sentence, fact, year)] of whole years
    parts: list[tuple[int, int, str, str]] = []  # (sentence, fact, flow, year)
    for si, pos, fi, f in d.figures(COUNTABLE):
        m = d.m.by_fact.get(fi)
        flow = _clause_concept(d, fi) or (m.concept if m is not None and m.concept else "")
        if flow not in flows or f.value is None or f.value <= 0:
            continue
        if m is not None and ("forecast" in m.roles or m.frame == "future" or "each" in m.roles):
            continue
        if _change_amount(d, si, pos):
            continue
        period, year = _period(d, si, pos)
        if period == "year" and _older_end(d, si, pos):
            continue  # "against 6.3bn a year earlier": the other end of a comparison
        if period == "year":
            years.setdefault(flow, []).append((si, fi, year))
        elif period == "part":
            parts.append((si, fi, flow, year))
    for si, pi, flow, year in parts:
        near = [(abs(s2 - si), s2, wi, y) for s2, wi, y in years.get(flow, ()) if abs(s2 - si) <= PERIOD_REACH]
        for _, s2, wi, wyear in sorted(near)[:CANDIDATES]:
            if year and wyear and year != wyear:
                continue
            if not same_family(d.facts[pi], d.facts[wi]):
                continue
            if _other_names(d, pi, wi) or _other_names(d, wi, pi):
                continue  # "rival Meyer sold 5.6 million" is not Carrow's
            evidence = "sentence" if s2 == si else "document"
            yield Relation("part", (("part", pi), ("whole", wi)), (), evidence)
            break


def _change_amount(d: _Doc, si: int, pos: int) -> bool:
    """ "sales grew $2bn to $90bn", "up nearly $3bn from 2003", "grew by 40,000": the figure is the size of a
    change, not the period's level; nor is the older end of a change ("from 117.7bn") this period's."""
    words = d.m.words[si]
    start = d.hedge_start(si, pos)
    before = words[start - 1] if start > 0 else ""
    after = words[pos + 1] if pos + 1 < len(words) else ""
    if before in ("to", "at", "of", "was", "were", "reached", "totalled", "totaled"):
        return False  # "climbed to 131.9bn from 117.7bn": the level reached
    if before in ("by", "from") or after in ("to", "from"):
        return True  # "rose $7.2bn to", "up nearly $3bn from 2003", and the older end of a change
    return start > 0 and d.v.direction.ending_at(words, start) is not None


def _other_names(d: _Doc, a: int, b: int) -> bool:
    """``a``'s clause names someone (a capitalised name) that ``b``'s sentence does not."""
    names = _names(d, a)
    if not names:
        return False
    span = d.view.doc.sentences[d.facts[b].sentence].span
    other = d.view.text[span.start : span.end]
    return not any(n in other for n in names)


def _older_end(d: _Doc, si: int, pos: int) -> bool:
    """The figure is the earlier end of a comparison ("against 6.3bn", "compared with", "from") or told of
    an earlier time."""
    m = d.m.by_fact.get(d.fact_at(si, pos))
    if m is not None and m.frame == "past":
        return True
    words = d.m.words[si]
    start = d.hedge_start(si, pos)
    return start > 0 and words[start - 1] in ("against", "with", "from", "versus", "vs", "on")


def _short_span(f: Fact) -> bool:
    """ "in the last three months", "over six weeks": a length of time shorter than a year."""
    if f.kind != "duration" or f.value is None:
        return False
    return (f.unit == "month" and f.value < MONTHS_IN_YEAR) or f.unit in ("week", "day")


def _owned_by_other(d: _Doc, si: int, pos: int, k: int) -> bool:
    """Another amount stands between the figure at ``pos`` and the time figure at ``k``."""
    toks = d.m.tokens[si]
    lo, hi = (pos + 1, k) if k > pos else (k + 1, pos)
    return any(toks[x].fact >= 0 and d.facts[toks[x].fact].kind in COUNTABLE for x in range(lo, hi))


def _period(d: _Doc, si: int, pos: int) -> tuple[str, str]:
    """("part", year) when the figure's clause puts it in a quarter, half, month or week ("in the fourth
    quarter", "Fourth-quarter", "in December"), ("year", year) when in a whole year ("in 2004", "for the
    full year", "annual"), else ("", ""); the year is the year figure of the clause, or ""."""
    toks = d.m.tokens[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    part = whole = False
    year = ""
    for k in range(lo, hi):
        fi = toks[k].fact
        if fi == d.fact_at(si, pos):
            continue
        if fi >= 0 and _owned_by_other(d, si, pos, k):
            continue  # "to 132bn from 118bn in 2003": the year of the older figure
        if fi < 0:
            w = toks[k].text
            part = part or w in d.v.part_periods
            whole = whole or w in d.v.whole_periods
            continue
        f = d.facts[fi]
        words = set(f.text.lower().replace("-", " ").split())
        if words & d.v.part_periods or _short_span(f):
            part = True
        if f.kind == "year" and f.iso:
            year, whole = f.iso[:4], True
        elif f.kind == "date" and f.iso:
            if f.iso.startswith("--") or len(f.iso) == 7:
                part = True  # "in December", "December 2004": a month
            if f.iso[:4].isdigit():
                year = f.iso[:4]
        elif f.kind in FRAME_KINDS and "this" in words and "year" in words:
            whole = True  # "this year" ("last year" is as often the same quarter a year before)
    if part:
        return "part", year
    return ("year", year) if whole else ("", "")
