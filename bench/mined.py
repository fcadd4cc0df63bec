"""Mined relations: arithmetic that holds in real articles, broken once as an editor's slip would.

Run ``python bench/mined.py`` from the repository (reads ``../shared/corpus``;
skips with a message when it is absent). The development measure of numcheck's
relations: unlike a hand-written mutation set it covers every article and
every shape of sentence in which the arithmetic holds.

Each miner reads numcheck's fact table for the figures only (value, printed
interval, unit, kind, sentence, span), never numcheck's relations (that would
measure numcheck against itself), and yields the relations whose arithmetic
holds in the original text:

- ``sum``: a total equal, within the printed precision of every figure, to the
  sum of two to four other figures of its family and unit nearby;
- ``share``: a percentage equal to part / whole of two figures of one family
  nearby;
- ``change``: a percentage equal to the change between two figures of one
  family nearby, (to - from) / from;
- ``restated``: one distinctive figure told in two sentences, with the same
  counted word beside both;
- ``span``: a length in years equal to the difference of two years told beside it;
- ``age``: an age equal to the years between a birth year and the year of the
  event it is told at;
- ``rate``: an amount converted in brackets ("$18.4m (£9.7m)") at the rate the
  article's other conversions between the same currencies use.

Every miner keeps to exact figures (no "about", no "more than") and to
relations tight enough that a one-digit slip breaks them: a coincidence is not
a relation, so each keeps precise rather than big (the windows and thresholds
below say why; the numbers of real relations in read samples are in the
README). Each figure of a relation is then changed once, as a slip: one digit
(or a number word for a near one) so that the arithmetic fails beyond
rounding; a restated figure only in its second telling, a conversion only in
its converted amount. The slip is *caught* when numcheck gives a warning or an
error on the changed text that it does not give on the original (same code and
span) and that points at one of the relation's figures: the strictness of
``../shared/mutations/score.py``.

``--misses`` prints each missed relation's figures (corpus text goes to the
terminal only, never into files); ``--sample N`` prints N relations of each
family with their sentences, for reading whether they are real.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from numcheck import check_text, extract, load_rules
from numcheck.model import Document, Fact, FileReport, Rule

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# --- figures ---------------------------------------------------------------------------------

# The one run of digits a figure may have to be changed by a slip ("£3.2bn", "1,200", "45.5%").
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# Which figures can be added, divided or compared with each other: kind (and unit) → family.
_FAMILY_KINDS = {"count": "count", "number": "count", "money": "money", "percent": "percent", "measure": "measure"}
# Kinds whose whole figures are exact, not rounded.
_EXACT_KINDS = ("count", "number", "money")
# Kinds whose figures are told in years of time (the span and age miners read them).
_YEARS = ("year", "date")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@dataclass(frozen=True)
class Figure:
    """A fact the miners can use: an exact single value with its printed interval."""

    index: int  # position in the fact table
    fact: Fact
    group: str | None  # arithmetic family: "count", "money GBP", "percent", "measure metre"; None: not additive
    low: Decimal
    high: Decimal
    aside: bool = False  # money or a measure in brackets: most often a conversion of the figure before it

    @property
    def value(self) -> Decimal:
        assert self.fact.value is not None
        return self.fact.value

    @property
    def sentence(self) -> int:
        return self.fact.sentence

    @property
    def text(self) -> str:
        return self.fact.text


def _group(fact: Fact) -> str | None:
    family = _FAMILY_KINDS.get(fact.kind)
    if family is None:
        return None
    return f"{family} {fact.unit}" if family in ("money", "measure") else family


_CAPITAL_BEFORE = re.compile(r"[A-Z][A-Za-z]* $")


def _named(text: str, start: int, fact: Fact) -> bool:
    """A count that is part of a name: right after a capitalised word inside a sentence ("Apollo 13",
    "Windows 95", "Channel Nine"), or a number word capitalised there ("Formula One", "the Famous Five")."""
    if fact.kind not in ("count", "number"):
        return False
    before = text[start : fact.span.start]
    inside = len(_WORD.findall(before)) > 1 or (bool(_WORD.search(before)) and fact.text[:1].isupper())
    return inside and (bool(_CAPITAL_BEFORE.search(before)) or fact.text[:1].isupper())


def figures(doc: Document) -> list[Figure]:
    """The exact, single-valued, bounded figures of a fact table (years and dates included), but for
    counts that are part of a name."""
    out = []
    text = doc.clean or doc.text
    for i, fact in enumerate(doc.facts):
        iv = fact.interval
        if fact.value is None or fact.is_range or fact.hedge != "exact" or iv.low is None or iv.high is None:
            continue
        if _named(text, doc.sentences[fact.sentence].span.start, fact):
            continue
        low, high = iv.low, iv.high
        if fact.kind in _EXACT_KINDS and high - low == 1 and fact.value == fact.value.to_integral():
            # A whole count or sum written to the unit ("1,200 staff", "$20") is exact: things add up to
            # the unit, and "two and three make six" within rounding would be a coincidence mined. A
            # percentage or a measure is rounded ("14%" is 13.5-14.5).
            low = high = fact.value
        before = text[max(0, fact.span.start - 2) : fact.span.start].rstrip()
        aside = before.endswith("(") and fact.kind in ("money", "measure")
        out.append(Figure(i, fact, _group(fact), low, high, aside))
    return out


# --- relations -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mined:
    """A relation whose arithmetic holds in the original text, its figures in the order its arithmetic reads them."""

    family: str
    figures: tuple[Figure, ...]
    formula: str  # the arithmetic, for reading a sample: "700 + 500 = 1,200"

    @property
    def key(self) -> tuple[str, tuple[int, ...]]:
        return self.family, tuple(f.index for f in self.figures)

    @property
    def changeable(self) -> tuple[int, ...]:
        """Which figures a slip may change: any of them, but only the second telling of a restated one
        and only the converted amount of the last conversion of a rate."""
        last = len(self.figures) - 1
        return (last,) if self.family in ("restated", "rate") else tuple(range(len(self.figures)))


Bounds = tuple[Decimal, Decimal]


def _overlap(a: Bounds, b: Bounds) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _sum_holds(bounds: Sequence[Bounds]) -> bool:
    *parts, total = bounds
    return _overlap((sum((p[0] for p in parts), Decimal(0)), sum((p[1] for p in parts), Decimal(0))), total)


def _share_bounds(part: Bounds, whole: Bounds) -> Bounds:
    return part[0] / whole[1] * 100, part[1] / whole[0] * 100


def _share_holds(bounds: Sequence[Bounds]) -> bool:
    part, whole, pct = bounds
    return whole[0] > 0 and _overlap(_share_bounds(part, whole), pct)


def _change_bounds(start: Bounds, end: Bounds) -> Bounds:
    """The size of the change from ``start`` to ``end`` in percent of ``start``, rise or fall."""
    lo, hi = end[0] / start[1], end[1] / start[0]  # end / start
    return ((lo - 1) * 100, (hi - 1) * 100) if lo >= 1 else ((1 - hi) * 100, (1 - lo) * 100)


def _change_holds(bounds: Sequence[Bounds]) -> bool:
    start, end, pct = bounds
    return start[0] > 0 and _overlap(_change_bounds(start, end), pct)


def _same_holds(bounds: Sequence[Bounds]) -> bool:
    return _overlap(bounds[0], bounds[1])


def _span_holds(bounds: Sequence[Bounds]) -> bool:
    first, last, length = bounds
    return _overlap((last[0] - first[1], last[1] - first[0]), length)


def _age_holds(bounds: Sequence[Bounds]) -> bool:
    # Born in B, told in year Y: the age is Y - B, or one less before the birthday.
    born, told, age = bounds
    return _overlap((told[0] - born[1] - 1, told[1] - born[0]), age)


def _rate_holds(bounds: Sequence[Bounds]) -> bool:
    # Pairs (amount, its conversion in brackets): one rate of exchange fits every pair.
    rates = [(y[0] / x[1], y[1] / x[0]) for x, y in zip(bounds[::2], bounds[1::2]) if x[0] > 0]
    return len(rates) * 2 == len(bounds) and max(r[0] for r in rates) <= min(r[1] for r in rates)


HOLDS: dict[str, Callable[[Sequence[Bounds]], bool]] = {
    "sum": _sum_holds,
    "share": _share_holds,
    "change": _change_holds,
    "restated": _same_holds,
    "span": _span_holds,
    "age": _age_holds,
    "rate": _rate_holds,
}


def holds(rel: Mined, which: int | None = None, bounds: Bounds | None = None) -> bool:
    """Does the relation's arithmetic hold (with ``bounds`` in place of figure ``which``'s interval)?"""
    every = [(f.low, f.high) for f in rel.figures]
    if which is not None and bounds is not None:
        every[which] = bounds
    return HOLDS[rel.family](every)


def _fmt(figs: Iterable[Figure]) -> list[str]:
    return [f.text for f in figs]


# --- sum ---------------------------------------------------------------------------------------

# Parts are looked for from one sentence before the total to two after it: a total leads its
# breakdown ("1,200 staff. 700 in France and 500 in Spain") or closes it ("bringing the total to").
# The parts are told in one sentence: over the corpus, parts gathered from the whole window gave
# 20 sums of which 5 were real (a profit, a revenue and a loss make some unrelated total), and parts
# from two sentences added 4 sums, 1 of them real.
SUM_BEFORE, SUM_AFTER = 1, 2
# The nearest figures of the family are tried (by sentence distance, then position): C(10, 2..4) =
# 375 combinations at most per total keeps the corpus run to seconds.
SUM_NEAREST = 10
SUM_PARTS = (2, 3, 4)
# The rounding the sum can absorb (half a printed step per figure), as a share of the total, at most:
# "£3bn is £1bn and £2bn" absorbs ±£1.5bn and fits many unrelated pairs; 5% keeps money told to two
# digits or more (whole counts are exact and absorb nothing).
SUM_SLACK = Decimal("0.05")
# Counts: small sums add up by chance ("four and three make seven" of unrelated things, most often in
# sport); a total of 20 or more from parts of 2 or more keeps the breakdowns.
SUM_COUNT_TOTAL, SUM_COUNT_PART = Decimal(20), Decimal(2)


def _big_enough(total: Figure, part: Figure) -> bool:
    return total.group != "count" or (total.value >= SUM_COUNT_TOTAL and part.value >= SUM_COUNT_PART)


def _slack(figs: Sequence[Figure]) -> Decimal:
    return sum(((f.high - f.low) / 2 for f in figs), Decimal(0))


def mine_sum(doc: Document, figs: Sequence[Figure]) -> Iterator[Mined]:
    """A total equal to the sum of 2-4 distinct nearby figures of its family (the smallest such set, if unique)."""
    additive = [f for f in figs if f.group not in (None, "percent") and f.value > 0 and not f.aside]
    for total in additive:
        near = [
            f
            for f in additive
            if f is not total
            and f.group == total.group
            and f.value < total.value
            and _big_enough(total, f)
            and -SUM_BEFORE <= f.sentence - total.sentence <= SUM_AFTER
        ]
        near.sort(key=lambda f: (abs(f.sentence - total.sentence), abs(f.fact.span.start - total.fact.span.start)))
        near = sorted(near[:SUM_NEAREST], key=lambda f: f.fact.span.start)
        for size in SUM_PARTS:
            found = [
                combo
                for combo in itertools.combinations(near, size)
                if len({c.value for c in combo}) == size
                and len({c.sentence for c in combo}) == 1
                and _slack([*combo, total]) <= total.value * SUM_SLACK
                and _sum_holds([(c.low, c.high) for c in combo] + [(total.low, total.high)])
            ]
            if len(found) == 1:
                parts = found[0]
                yield Mined("sum", (*parts, total), f"{' + '.join(_fmt(parts))} = {total.text}")
            if found:
                break  # several sets of one size add up: a coincidence, no relation


# --- share and change ------------------------------------------------------------------------

# A stated share or change and its two figures: the percentage's sentence and the one before
# (its whole or its start is often told first); at least one of the two in the percentage's own.
RATIO_BEFORE = 1
# The arithmetic must pin the percentage: the range part/whole (or the change) can take from the
# printed precision of its figures is at most this many points wide ("£3bn of £7bn" is 36%-50%).
RATIO_WIDTH = Decimal(2)
# A change told in one sentence is one statement ("income rose 14% to £6.2bn from £5.4bn",
# 12.8%-16.8% from the rounding): a wider range is still one relation, up to half the percentage
# and 6 points ("$3.7bn" against "$3.8bn" is any change from 0 to 5.5%: it fits a 4.5% told of
# something else). Not for shares: a read sample's one-sentence share this wide was a list of
# unrelated statistics.
RATIO_WIDTH_CLAUSE = Decimal(6)
# A share or change from 1% up to 100% (the whole itself, or "doubled", is a multiple, not a percent).
RATIO_RANGE = (Decimal(1), Decimal(100))


def _ratio_candidates(figs: Sequence[Figure]) -> Iterator[tuple[Figure, list[Figure]]]:
    for pct in figs:
        if pct.group != "percent" or not RATIO_RANGE[0] <= pct.value < RATIO_RANGE[1]:
            continue
        near = [
            f
            for f in figs
            if f.group not in (None, "percent")
            and f.value > 0
            and not f.aside
            and 0 <= pct.sentence - f.sentence <= RATIO_BEFORE
        ]
        yield pct, near


def _direction(pct: Figure) -> str | None:
    """The way a percentage is told to move ("rose 12%", "a 12% fall"), when the fact table marks one."""
    moves = {m for m in pct.fact.markers if m in ("rise", "fall")}
    return moves.pop() if len(moves) == 1 else None


def _ratio_fits(
    family: str, pct: Figure, near: Sequence[Figure], bounds: Callable[[Bounds, Bounds], Bounds]
) -> dict[frozenset[int], tuple[Decimal, Figure, Figure]]:
    """The pairs of figures whose share (or change) fits the percentage: for each pair, in either
    order, the order nearest the percentage with how far its middle is from it."""
    fits: dict[frozenset[int], tuple[Decimal, Figure, Figure]] = {}
    for a, b in itertools.permutations(near, 2):
        if a.group != b.group or a.value == b.value or pct.sentence not in (a.sentence, b.sentence):
            continue
        if family == "share" and (a.value >= b.value or _direction(pct) is not None):
            continue  # "profits fell 15%" is a change, whatever it happens to be a share of
        if family == "change" and _direction(pct) not in (None, "rise" if b.value > a.value else "fall"):
            continue  # "rose 12% to A" and "fell 4% to B": no change from B to A is told
        lo, hi = bounds((a.low, a.high), (b.low, b.high))
        width = RATIO_WIDTH
        if family == "change" and a.sentence == b.sentence == pct.sentence:
            width = max(RATIO_WIDTH, min(RATIO_WIDTH_CLAUSE, pct.value / 2))
        if hi - lo <= width and _overlap((lo, hi), (pct.low, pct.high)):
            off = abs((lo + hi) / 2 - pct.value)
            key = frozenset((a.index, b.index))
            if key not in fits or off < fits[key][0]:
                fits[key] = (off, a, b)
    return fits


def _ratio_mine(
    family: str, figs: Sequence[Figure], bounds: Callable[[Bounds, Bounds], Bounds], sign: str
) -> Iterator[Mined]:
    by_pair: dict[frozenset[int], list[tuple[Decimal, bool, Figure, Figure, Figure]]] = {}
    for pct, near in _ratio_candidates(figs):
        fits = _ratio_fits(family, pct, near, bounds)
        for key, (off, a, b) in fits.items():
            # Two pairs give the same percentage: no telling which is meant.
            by_pair.setdefault(key, []).append((off, len(fits) == 1, a, b, pct))
    for _key, told in sorted(by_pair.items(), key=lambda kv: sorted(kv[0])):
        # One pair and two percentages near its ratio ("a 16% rise to £5.4bn ... is to rise 14% to £6.2bn"):
        # the nearest is the one told of it, if no other pair fits it too; a tie tells nothing.
        told.sort(key=lambda x: x[0])
        if len(told) > 1 and told[0][0] == told[1][0]:
            continue
        off, alone, a, b, pct = told[0]
        if alone:
            yield Mined(family, (a, b, pct), f"{a.text} {sign} {b.text} = {pct.text}")


def mine_share(doc: Document, figs: Sequence[Figure]) -> Iterator[Mined]:
    """A percentage equal to part / whole of two nearby figures of one family (part < whole)."""
    yield from _ratio_mine("share", figs, _share_bounds, "of")


def mine_change(doc: Document, figs: Sequence[Figure]) -> Iterator[Mined]:
    """A percentage equal to the change from one nearby figure of a family to another."""
    yield from _ratio_mine("change", figs, _change_bounds, "->")


# --- restated --------------------------------------------------------------------------------

# Words read beside a figure for what it counts: the four after it and the three before it.
WORDS_AFTER, WORDS_BEFORE = 4, 3
# Words compared by their first letters, so that "settled", "settlement" and "settle" agree.
STEM = 5
# Words that say nothing about what a figure counts.
_STOP = frozenset(
    """a an the of in on at to for from by with and or but as than that this these those its it his her
    their our was were is are be been being has have had will would could should can may might said says
    also more less about some over under up down around nearly almost just only per cent percent year
    years million billion bn m k last new next first after before since while when which who what
    total totalling worth each every all one two three four five six seven eight nine ten""".split()
)


def _words(text: str, start: int, end: int) -> list[str]:
    return [m.group().lower().removesuffix("'s") for m in _WORD.finditer(text, start, end)]


def _counted(doc: Document, fig: Figure) -> set[str]:
    """Content words right after and just before a figure, in its sentence (a crude plural fold)."""
    sent = doc.sentences[fig.sentence].span
    text = doc.clean or doc.text
    after = _words(text, fig.fact.span.end, sent.end)[:WORDS_AFTER]
    before = _words(text, sent.start, fig.fact.span.start)[-WORDS_BEFORE:]
    return {w.removesuffix("s")[:STEM] for w in after + before if len(w) > 2 and w not in _STOP}


def _significant(fig: Figure) -> str:
    m = _DIGITS.search(fig.text)
    digits = m.group().replace(",", "") if m else ""
    whole, _, frac = digits.partition(".")
    return (whole.lstrip("0") + frac).rstrip("0") if not frac else (whole + frac).lstrip("0")


def distinctive(fig: Figure) -> bool:
    """A figure unlikely to be told twice by chance: three significant digits, a decimal point, or two
    digits of money or percent ("1,230", "0.7%", "£3.2bn", "£25m", "18%"; not "8%", "20", "300", "2005").

    Read sample: counts told twice with fewer digits are as often names ("Formula One", "Apollo 13") or
    unrelated ("two clubs", "two sets") as the same quantity."""
    if fig.group is None or fig.fact.kind == "year":
        return False
    m = _DIGITS.search(fig.text)
    if m is None:
        return False
    sig = len(_significant(fig))
    return sig >= 3 or "." in m.group() or (sig >= 2 and fig.fact.kind in ("money", "percent"))


def _opposite(a: Figure, b: Figure) -> bool:
    """One told as a rise, the other as a fall: "car sales fell 0.4%" and "book sales rose 0.4%"."""
    moves = {m for m in a.fact.markers if m in ("rise", "fall")}, {m for m in b.fact.markers if m in ("rise", "fall")}
    return bool(moves[0] and moves[1] and not moves[0] & moves[1])


def mine_restated(doc: Document, figs: Sequence[Figure]) -> Iterator[Mined]:
    """One distinctive figure told in two sentences with a counted word in common beside both."""
    first: dict[tuple[str | None, Decimal], Figure] = {}
    for fig in figs:
        if not distinctive(fig) or fig.aside:  # a conversion is worked out, not told
            continue
        key = (fig.group, fig.value)
        earlier = first.get(key)
        if earlier is None:
            first[key] = fig
            continue
        if earlier.sentence == fig.sentence or _opposite(earlier, fig):
            continue
        shared = _counted(doc, earlier) & _counted(doc, fig)
        if shared:
            yield Mined("restated", (earlier, fig), f"{earlier.text} = {fig.text} ({', '.join(sorted(shared))})")


# --- span and age ------------------------------------------------------------------------------

# A length in years against two years of its own sentence or the one before.
SPAN_BEFORE = 1
# Years of a span far apart enough to be told as one ("two years" from 2003 to 2005 is often
# a coincidence of a date and a deadline; from two years up the pairs read as spans).
SPAN_MIN = Decimal(2)


def _years(doc: Document) -> list[tuple[int, Figure]]:
    """Every year told (a year, a date's year, both ends of a range of years), with the figure it is in."""
    out = []
    for i, fact in enumerate(doc.facts):
        if fact.kind not in _YEARS or not fact.iso or not fact.iso[:4].isdigit():
            continue
        iv = fact.interval
        ends = (
            [iv.low, iv.high]
            if fact.is_range and fact.kind == "year" and iv.low and iv.high
            else [Decimal(fact.iso[:4])]
        )
        for year in ends:
            assert year is not None
            out.append((int(year), Figure(i, fact, None, Decimal(year), Decimal(year))))
    return out


def mine_span(doc: Document, figs: Sequence[Figure]) -> Iterator[Mined]:
    """A length of N years equal to the difference of two years told beside it (one pair only)."""
    years = _years(doc)
    for length in figs:
        if length.fact.kind != "duration" or length.fact.unit != "year" or length.value < SPAN_MIN:
            continue
        near = [(y, f) for y, f in years if 0 <= length.sentence - f.sentence <= SPAN_BEFORE]
        found = {
            (a, b): (fa, fb)
            for (a, fa), (b, fb) in itertools.combinations(near, 2)
            if b - a == length.value or a - b == length.value
        }
        if len(found) == 1:
            (a, b), (fa, fb) = next(iter(found.items()))
            first, last = (fa, fb) if a < b else (fb, fa)
            lo, hi = sorted((a, b))
            yield Mined("span", (_at(first, lo), _at(last, hi), length), f"{hi} - {lo} = {length.text}")


def _at(fig: Figure, year: int) -> Figure:
    return Figure(fig.index, fig.fact, None, Decimal(year), Decimal(year))


# An age against a birth year: "born" in the birth year's sentence, the age in it or the next two.
AGE_AFTER = 2
_BORN = re.compile(r"\bborn\b", re.I)


def mine_age(doc: Document, figs: Sequence[Figure]) -> Iterator[Mined]:
    """An age equal to the years from a birth year ("born in 1950") to a year told with the age."""
    text = doc.clean or doc.text
    years = _years(doc)
    births = [
        (y, f)
        for y, f in years
        if _BORN.search(text, doc.sentences[f.sentence].span.start, f.fact.span.start) and not f.fact.is_range
    ]
    for age in figs:
        if age.fact.kind != "age" or age.fact.unit != "year":
            continue
        for born, fb in births:
            if not 0 <= age.sentence - fb.sentence <= AGE_AFTER:
                continue
            told = [
                (y, f)
                for y, f in years
                if f.index != fb.index and f.sentence == age.sentence and y - born - 1 <= age.value <= y - born
            ]
            if len(told) == 1:
                year, fy = told[0]
                yield Mined("age", (_at(fb, born), _at(fy, year), age), f"{year} - {born} ~ {age.text}")
                break


# --- rate ------------------------------------------------------------------------------------

# Text between an amount and its conversion: "$18.4m (£9.7m)"; and its second conversion:
# "4.6bn yen ($41.2m; £21.9m)".
_CONVERSION_GAP = re.compile(r"\s*\(\s*")
_SECOND_GAP = re.compile(r"\s*\([^()]*;\s*")


def _conversions(doc: Document, figs: Sequence[Figure]) -> dict[tuple[str, str], list[tuple[Figure, Figure]]]:
    """Each money amount and its conversion in brackets, by the pair of currencies."""
    text = doc.clean or doc.text
    money = [f for f in figs if f.fact.kind == "money" and f.group is not None and f.value > 0]
    out: dict[tuple[str, str], list[tuple[Figure, Figure]]] = {}
    for amount, converted in itertools.pairwise(money):
        gap = text[amount.fact.span.end : converted.fact.span.start]
        if amount.group == converted.group or amount.aside:
            continue
        if _CONVERSION_GAP.fullmatch(gap):
            out.setdefault((amount.group or "", converted.group or ""), []).append((amount, converted))
    # "X (Y; Z)": Z converts X too, not Y.
    for amount, first, second in itertools.zip_longest(money, money[1:], money[2:]):
        if amount is None or first is None or second is None or amount.aside or not first.aside:
            continue
        gap = text[amount.fact.span.end : second.fact.span.start]
        if second.group not in (amount.group, first.group) and _SECOND_GAP.fullmatch(gap):
            out.setdefault((amount.group or "", second.group or ""), []).append((amount, second))
    return {k: sorted(v, key=lambda pair: pair[0].fact.span.start) for k, v in sorted(out.items())}


def mine_rate(doc: Document, figs: Sequence[Figure]) -> Iterator[Mined]:
    """Every amount converted in brackets, against the other conversions between the same two currencies
    in the article: one rate of exchange fits them all (a draft converts at one day's rate)."""
    for pairs in _conversions(doc, figs).values():
        if len(pairs) < 2:
            continue
        for i, (amount, converted) in enumerate(pairs):
            others = [f for j, pair in enumerate(pairs) if j != i for f in pair]
            rel = Mined(
                "rate",
                (*others, amount, converted),
                f"{amount.text} ({converted.text}) at the rate of {len(others) // 2} other conversion(s)",
            )
            if holds(rel):
                yield rel


MINERS: dict[str, Callable[[Document, Sequence[Figure]], Iterator[Mined]]] = {
    "sum": mine_sum,
    "share": mine_share,
    "change": mine_change,
    "restated": mine_restated,
    "span": mine_span,
    "age": mine_age,
    "rate": mine_rate,
}


def mine(doc: Document, families: Sequence[str] = tuple(MINERS)) -> list[Mined]:
    """Every mined relation of a document, family by family, each set of figures once."""
    figs = figures(doc)
    out: list[Mined] = []
    seen: set[tuple[str, tuple[int, ...]]] = set()
    for family in families:
        for rel in MINERS[family](doc, figs):
            if rel.key not in seen:
                seen.add(rel.key)
                out.append(rel)
    return out


# --- slips -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slip:
    """One figure changed as a slip would: its span in the original, its text before and after."""

    start: int
    end: int
    old: str
    new: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new + text[self.end :]

    @property
    def shift(self) -> int:
        """How far every offset after the figure moves in the changed text."""
        return len(self.new) - len(self.old)

    def back(self, start: int, end: int) -> tuple[int, int] | None:
        """A span of the changed text in the original's offsets; None when it touches the changed figure."""
        if end <= self.start:
            return start, end
        if start >= self.start + len(self.new):
            return start - self.shift, end - self.shift
        return None

    def forth(self, start: int, end: int) -> tuple[int, int]:
        """A span of the original (not inside the changed figure) in the changed text's offsets."""
        if end <= self.start:
            return start, end
        if start >= self.end:
            return start + self.shift, end + self.shift
        return self.start, self.start + len(self.new)


# The changes tried on one digit, in order: the first that breaks the arithmetic is the slip.
DIGIT_STEPS = (1, -1, 2, -2, 3, -3)
# A year moves by two or more: a span told in whole years may be a year off by the months
# ("12 years" from 1988 to 2000 can be eleven and a bit), a clear slip is not.
YEAR_STEPS = (2, -2, 3, -3)
# A figure written in words ("three years", "five million") slips to another word of the same
# list (units or tens), the nearest first.
WORD_STEPS = (1, -1, 2, -2, 3, -3)
_NUMBER_WORD = re.compile(r"[A-Za-z]+")


def _digit_slips(fig: Figure) -> Iterator[tuple[str, Decimal]]:
    """Each one-digit change of the figure's single run of digits, with the change in value it makes."""
    runs = list(_DIGITS.finditer(fig.text))
    if len(runs) != 1:
        return
    run = runs[0]
    literal = Decimal(run.group().replace(",", ""))
    if literal == 0:
        return
    scale = fig.value / literal
    places = [i for i, c in enumerate(run.group()) if c.isdigit()]
    # A year slips in its last digits ("2007" for "2004"), any other figure in its first.
    year = fig.fact.kind in _YEARS
    for pos in reversed(places) if year else places:
        for step in YEAR_STEPS if year else DIGIT_STEPS:
            digit = int(run.group()[pos]) + step
            if not 0 <= digit <= 9 or (digit == 0 and pos == places[0]):
                continue
            new_run = run.group()[:pos] + str(digit) + run.group()[pos + 1 :]
            new = fig.text[: run.start()] + new_run + fig.text[run.end() :]
            yield new, (Decimal(new_run.replace(",", "")) - literal) * scale


def _word_slips(fig: Figure) -> Iterator[tuple[str, Decimal]]:
    """The figure's one number word changed to a near one of its list ("three" → "four", "twenty" → "thirty")."""
    from numcheck.numwords import TENS, UNITS

    if _DIGITS.search(fig.text):
        return
    words = [
        (m, table) for m in _NUMBER_WORD.finditer(fig.text) for table in (UNITS, TENS) if m.group().lower() in table
    ]
    if len(words) != 1:
        return
    m, table = words[0]
    value = table[m.group().lower()]
    if value == 0:
        return
    by_value = {v: w for w, v in sorted(table.items(), reverse=True)}  # one word per value, the first in order
    scale = fig.value / value
    step_of = Decimal(10) if table is TENS else Decimal(1)
    for step in WORD_STEPS:
        word = by_value.get(value + step * step_of)
        if word is None or word == "zero":
            continue
        if m.group()[0].isupper():
            word = word.capitalize()
        yield fig.text[: m.start()] + word + fig.text[m.end() :], step * step_of * scale


def slip(rel: Mined, which: int) -> Slip | None:
    """Change figure ``which`` of the relation so that its arithmetic fails beyond rounding: one digit
    (the most significant first, never to a leading zero; a year's last digit first) or, for a figure
    in words, its number word.

    None when the figure has no single run of digits and no single number word, or no change breaks it.
    """
    fig = rel.figures[which]
    for new, delta in itertools.chain(_digit_slips(fig), _word_slips(fig)):
        if not holds(rel, which, (fig.low + delta, fig.high + delta)):
            return Slip(fig.fact.span.start, fig.fact.span.end, fig.text, new)
    return None


def slips(rel: Mined) -> list[tuple[int, Slip]]:
    """One slip for each figure of the relation that may change (and can be changed)."""
    return [(i, s) for i in rel.changeable if (s := slip(rel, i)) is not None]


# --- scoring ---------------------------------------------------------------------------------

SERIOUS = ("warning", "error")


def _serious(report: FileReport) -> set[tuple[str, int, int]]:
    return {(f.code, f.span.start, f.span.end) for f in report.findings if f.severity in SERIOUS}


def caught(original: FileReport, changed: FileReport, rel: Mined, change: Slip) -> bool:
    """A new warning or error on the changed text whose spans touch one of the relation's figures.

    New as ``score.py`` counts it: no finding of the same code on the same span (offsets after the
    change moved back) in the original; a finding on the changed figure itself is always new.
    """
    before = _serious(original)
    targets = [change.forth(f.fact.span.start, f.fact.span.end) for f in rel.figures]
    for f in changed.findings:
        if f.severity not in SERIOUS:
            continue
        at = change.back(f.span.start, f.span.end)
        if at is not None and (f.code, *at) in before:
            continue
        spans = [(f.span.start, f.span.end), *((r.span.start, r.span.end) for r in f.related)]
        if any(s < te and ts < e for s, e in spans for ts, te in targets):
            return True
    return False


def held(doc: Document, changed: Sequence[tuple[Mined, int]]) -> list[bool]:
    """For each relation and changed figure: does numcheck build a relation of its own holding that figure
    and another of the relation's?"""
    from numcheck.patterns import View
    from numcheck.relations import build

    groups = [{i for _, i in r.roles} for rs in build(View(doc, None)).values() for r in rs]
    out = []
    for rel, which in changed:
        fig = rel.figures[which].index
        # A conversion's own amount does not count: the relation is with the other conversions.
        mates = rel.figures[:-2] if rel.family == "rate" else rel.figures
        others = {f.index for f in mates} - {fig}
        out.append(any(fig in g and g & others for g in groups))
    return out


@dataclass(frozen=True)
class Outcome:
    """One mined relation, one slip in one of its figures, and whether numcheck caught it."""

    file: str
    rel: Mined
    which: int  # the figure the slip changed
    slip: Slip
    caught: bool
    held: bool


def score_text(text: str, name: str, rules: Sequence[Rule], families: Sequence[str] = tuple(MINERS)) -> list[Outcome]:
    """Mine one article, slip each figure of each relation once, check the original and every changed text."""
    doc = extract(text, name)
    changed = [(rel, i, s) for rel in mine(doc, families) for i, s in slips(rel)]
    if not changed:
        return []
    original = check_text(text, name, rules=rules)
    known = held(doc, [(rel, i) for rel, i, _ in changed])
    return [
        Outcome(name, rel, i, s, caught(original, check_text(s.apply(text), name, rules=rules), rel, s), k)
        for (rel, i, s), k in zip(changed, known)
    ]


@dataclass
class Result:
    """The outcomes of a run over a folder of articles."""

    articles: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def table(self, families: Sequence[str]) -> dict[str, dict[str, float | int]]:
        """Per family and overall: relations mined, slips made (one per figure that can change), slips
        caught, the rate, and held (numcheck already relates the changed figure to another of them)."""
        out: dict[str, dict[str, float | int]] = {}
        for name in [*families, "overall"]:
            rows = [o for o in self.outcomes if name in ("overall", o.rel.family)]
            hit = sum(o.caught for o in rows)
            out[name] = {
                "relations": len({(o.file, o.rel.key) for o in rows}),
                "mined": len(rows),
                "caught": hit,
                "rate": round(hit / len(rows), 4) if rows else 0.0,
                "held": sum(o.held for o in rows),
            }
        return out


def run(
    corpus: Path,
    families: Sequence[str] = tuple(MINERS),
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Result:
    """Score every article (``*.txt``, in name order) of a folder, the first ``limit`` if given."""
    paths = sorted(corpus.glob("*.txt"))[:limit]
    rules = load_rules()
    out = Result()
    start = time.perf_counter()
    for n, path in enumerate(paths, 1):
        out.outcomes.extend(score_text(path.read_text(encoding="utf-8"), path.name, rules, families))
        out.articles += 1
        if progress is not None:
            progress(n, len(paths))
    out.seconds = time.perf_counter() - start
    return out


# --- the command -----------------------------------------------------------------------------


def _progress() -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """A progress bar on stderr when it is a terminal, else a line every 50 articles."""
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        bar = Progress(console=Console(stderr=True), transient=True)
        task = bar.add_task("mining", total=None)
        bar.start()

        def tick(n: int, total: int) -> None:
            bar.update(task, completed=n, total=total)

        return tick, bar.stop

    def line(n: int, total: int) -> None:
        if n % 50 == 0 or n == total:
            print(f"  {n}/{total} articles", file=sys.stderr)

    return line, lambda: None


def _families(spec: str) -> list[str]:
    names = [s.strip() for s in spec.split(",") if s.strip()]
    unknown = [n for n in names if n not in MINERS]
    if unknown:
        raise SystemExit(f"unknown family: {', '.join(unknown)} (known: {', '.join(MINERS)})")
    return names


def _sample(result: Result, families: Sequence[str], n: int, seed: int, corpus: Path) -> None:
    """N relations per family, drawn with a seed, with their sentences (to the terminal only)."""
    for family in families:
        slips: dict[tuple[str, object], list[Outcome]] = {}
        for o in result.outcomes:
            if o.rel.family == family:
                slips.setdefault((o.file, o.rel.key), []).append(o)
        rels = list(slips.values())
        picked = random.Random(seed).sample(rels, min(n, len(rels)))
        print(f"\n== {family}: {len(picked)} of {len(rels)} relations")
        for rows in picked:
            first = rows[0]
            text = (corpus / first.file).read_text(encoding="utf-8")
            doc = extract(text, first.file)
            hit = sum(o.caught for o in rows)
            print(f"-- {first.file}  {first.rel.formula}  caught {hit}/{len(rows)}")
            for s in sorted({f.sentence for f in first.rel.figures}):
                span = doc.sentences[s].span
                print("   " + " ".join(text[span.start : span.end].split()))


def main(argv: Sequence[str] = ()) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=SHARED / "corpus", help="folder of articles (default ../shared/corpus)"
    )
    parser.add_argument("--family", default=",".join(MINERS), help=f"families to mine (default {','.join(MINERS)})")
    parser.add_argument("--limit", type=int, default=None, help="the first N articles only")
    parser.add_argument("--json", action="store_true", help="print a JSON summary to stdout")
    parser.add_argument("--misses", action="store_true", help="list every relation whose slip is not caught")
    parser.add_argument("--sample", type=int, default=0, help="print N relations per family with their sentences")
    parser.add_argument("--seed", type=int, default=16, help="seed for --sample")
    args = parser.parse_args(list(argv))
    families = _families(args.family)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (mined relations need ../shared/corpus); skipped", file=sys.stderr)
        return 0
    tick, done = _progress()
    try:
        result = run(args.corpus, families, args.limit, tick)
    finally:
        done()
    table = result.table(families)
    misses = [o for o in result.outcomes if not o.caught]
    if args.json:
        data = {
            "schema": 1,
            "articles": result.articles,
            "families": table,
            "misses": [
                {
                    "file": o.file,
                    "family": o.rel.family,
                    "old": o.slip.old,
                    "new": o.slip.new,
                    "relation": o.rel.formula,
                }
                for o in misses
            ]
            if args.misses
            else [],
        }
        print(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))
        return 0
    print(f"Mined relations over {result.articles} articles, each figure slipped once ({result.seconds:.1f} s):")
    print(f"  {'family':10} {'relations':>9} {'mined':>6} {'caught':>7} {'rate':>7} {'held':>6}")
    for name, row in table.items():
        print(f"  {name:10} {row['relations']:9} {row['mined']:6} {row['caught']:7} {row['rate']:7.1%} {row['held']:6}")
    print("  mined: slips made, one per figure that can change; caught: a new warning or error on them;")
    print("  held: numcheck has a relation of its own holding the changed figure and another of them")
    if args.misses:
        print("\nMissed:")
        for o in misses:
            print(f"  {o.file}  {o.rel.family}  {o.slip.old!r} -> {o.slip.new!r}  [{o.rel.formula}]")
    if args.sample:
        _sample(result, families, args.sample, args.seed, args.corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
