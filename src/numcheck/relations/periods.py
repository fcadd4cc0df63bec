"""A part of a period against the whole period: "Carrow sold 5.3 million vans in 2021. In the fourth quarter
alone, it sold 5.6 million" cannot both be true, nor can "3.1bn texts were sent in 2022 ... 1.9bn in December
alone ... the previous monthly high was March 2022, when 1.7bn were sent".

What flows over a period (units sold, sales, spending, texts sent, visitors, passengers, deaths:
vocab.toml ``[periods.flow_words]``) adds up over its quarters, months, halves and seasons, so the figure of
one of them is a part of the whole year's figure of the same flow, for the same holder, place and year.
Levels (staff, prices, debt) and amounts that may be negative in another quarter (profit) are not read,
nor rates ("an annual rate of", "a month"), running counts ("so far this year"), forecasts, or a part of
another year. Each part is a ``part`` of its year's figure; two or more parts whose months are told and do
not overlap (December and March; the first half and the second) are a ``breakdown`` that is open (the
year has other months): their sum is at most the year's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from numcheck.mentions import _QUARTERS, same_holder
from numcheck.model import Fact
from numcheck.relations.base import COUNTABLE, FRAME_KINDS, Relation, _Doc, same_family, since_then
from numcheck.relations.stated import _names

# Sentences either side of a part-period figure that its year's figure may stand in (a results story
# gives the quarter first and the year paragraphs later).
PERIOD_REACH = 8
# Sentences before an elided part ("Some 1.9bn were sent in December") that its whole may stand in.
ELIDED_REACH = 3
MONTHS_IN_YEAR = 12
# Whole-year figures of one flow kept as candidates (the latest ones): a bound, so building stays linear.
CANDIDATES = 4
# Words either side of a figure read for the verb of its flow ("spent a record £4.1bn", "were sent").
FLOW_VERB_REACH = 6
# Words before a figure read back for the noun of its flow ("Net sales for the six months to June came to").
FLOW_NOUN_REACH = 12
# Parts of one year read together as a breakdown of it (the first ones in the text).
MAX_PARTS = 6
# Words after "N months of" read for the name whose sales or trading they count ("of Ardent sales").
NAME_WORDS = 3
_HALVES = {"first": frozenset(range(1, 7)), "second": frozenset(range(7, 13))}
_QUARTER_MONTHS = {f"Q{q}": frozenset(range(3 * q - 2, 3 * q + 1)) for q in range(1, 5)}
# Auxiliaries before the verb after an elided figure: "1.9bn were sent", "2.4bn have been fired off".
_AUX = frozenset("were was are is have has had been being".split())
_CUE_KINDS = frozenset({"date", "ordinal", "duration"})
_PREPOSITIONS = frozenset("on of from for in at to with by against than over during".split())
_COMPARED = frozenset("against from than versus vs compared same".split())
_OVER = frozenset("over for in during across throughout".split())
_SEPARATORS = frozenset([",", "and", "while", "but", "whereas", "with"])
_RELATIVE = frozenset("who which that whose whom where when".split())


@dataclass(frozen=True, slots=True)
class _When:
    """When a figure is: ``kind`` "part" (a month, a quarter, a half, a season) or "year" (the whole
    year), else ""; its year ("2004") or ""; the months a part covers when they are told, else empty."""

    kind: str
    year: str
    months: frozenset[int]


_NONE = _When("", "", frozenset())


def _over_years(d: _Doc, si: int, pos: int) -> bool:
    """The figure's clause tells it over a span of years ("£2.8bn over the five years from April 2025"): a
    month named there is where the span starts, and the figure is no part of one year."""
    for tok in d.m.tokens[si][d.m.clause_start(si, pos) : d.m.clause_end(si, pos)]:
        f = d.facts[tok.fact] if tok.fact >= 0 else None
        if f is not None and f.kind == "duration" and f.unit == "year" and (f.value or 0) > 1:
            return True
    return False


def _period_parts(d: _Doc) -> Iterator[Relation]:
    if not _cued(d):
        return
    years: dict[str, list[tuple[int, int, str]]] = {}  # flow -> [(sentence, fact, year)] of whole years
    parts: list[tuple[int, int, str, _When]] = []  # (sentence, fact, flow or "" when elided, when)
    told: tuple[int, int, str] = (-1, -1, "")  # the last flow figure read: (sentence, fact, flow)
    for si, pos, fi, f in d.figures(COUNTABLE):
        if f.value is None or f.value <= 0:
            continue
        flow = _flow(d, si, pos, fi)
        if flow:
            told = (si, fi, flow)
        elif _unnamed(d, si, pos, fi) and told[0] == si and same_family(d.facts[told[1]], f):
            flow = told[2]  # "5.2m tickets were sold in the first half, and 4.9m in the second"
        elif not _elided(d, si, pos):
            continue
        m = d.m.by_fact.get(fi)
        if m is not None and ("forecast" in m.roles or m.frame == "future" or "each" in m.roles):
            continue
        if d.m.frame(fi).mood or _change_amount(d, si, pos):
            continue
        when = _period(d, si, pos)
        if not when.kind and flow and _last_year(d, si, pos):
            when = _When("year", "last", frozenset())  # "Last year's toll of 1,200 road deaths": no part of this year
        if when.kind == "year" and flow:
            if (_older_end(d, si, pos) and not _last_year(d, si, pos)) or _said(
                d, si, pos, d.v.running_words + d.v.period_rates
            ):
                continue  # "against 6.3bn a year earlier"; "so far this year" is a running count
            years.setdefault(flow, []).append((si, fi, when.year))
        elif (
            when.kind == "part"
            and not _said(d, si, pos, d.v.period_rates)
            and not _year_before(d, si, pos)
            and not _over_years(d, si, pos)
        ):
            parts.append((si, fi, flow, _in_year(d, si, pos, when)))
    if not parts or not years:
        return
    every = sorted(x for members in years.values() for x in members)
    of_whole: dict[int, list[tuple[int, frozenset[int]]]] = {}
    for si, pi, flow, when in parts:
        pool, reach = (years.get(flow, ()), PERIOD_REACH) if flow else (every, ELIDED_REACH)
        near = sorted((abs(s2 - si), s2, wi, y) for s2, wi, y in pool if abs(s2 - si) <= reach and (flow or s2 <= si))
        for _, s2, wi, wyear in near[:CANDIDATES]:
            if (when.year and wyear and when.year != wyear) or (wyear == "last" and when.year):
                continue
            if not when.year and since_then(d, si, d.pos_of(pi)[1]) and _not_now(d, wyear):
                continue  # "seven cases ... since September" (to now, 2026) is no part of "the whole of 2024"
            if not same_family(d.facts[pi], d.facts[wi]) or not _same_frame(d, pi, wi):
                continue
            if _other_names(d, pi, wi):
                continue  # "rival Meyer sold 5.6 million" is not Carrow's (the part may leave the whole's name out)
            evidence = "sentence" if s2 == si else "document"
            yield Relation("part", (("part", pi), ("whole", wi)), (), evidence)
            of_whole.setdefault(wi, []).append((pi, when.months))
            break
    for wi, members in of_whole.items():
        rel = _disjoint_parts(d, wi, members)
        if rel is not None:
            yield rel


def _not_now(d: _Doc, year: str) -> bool:
    """The text's reporting date is known and falls in another year than ``year``."""
    now = d.view.reporting_date
    return now is not None and year.isdigit() and int(year) != now.year


def _disjoint_parts(d: _Doc, wi: int, members: list[tuple[int, frozenset[int]]]) -> Relation | None:
    """Parts of one year whose told months do not overlap ("in December alone" and "in March, when"; the
    first half and the second), two or more: an open breakdown of the year, whose sum is at most its whole.
    Not read when one part alone passes the whole (the part relation tells that)."""
    whole = d.facts[wi]
    taken: set[int] = set()
    chosen: list[int] = []
    for pi, months in members[:MAX_PARTS]:
        if not months or months & taken:
            continue
        part = d.facts[pi]
        if part.value is None or whole.value is None or part.value > whole.value:
            return None
        taken |= months
        chosen.append(pi)
    if len(chosen) < 2:
        return None
    sentences = {d.facts[i].sentence for i in chosen} | {whole.sentence}
    evidence = "sentence" if len(sentences) == 1 else "document"
    roles = (("total", wi),) + tuple(("item", i) for i in chosen)
    return Relation("breakdown", roles, (), evidence, (("inclusive", "yes"), ("frame", "period")))


def _cued(d: _Doc) -> bool:
    """The text names a part of a year somewhere: a month (a date figure), a quarter, a half ("Fourth-quarter"
    is an ordinal), a span of months, a season."""
    cues = d.v.part_periods | d.v.seasons
    if any(f.kind in _CUE_KINDS or (f.kind == "relative" and cues & set(f.text.lower().split())) for f in d.facts):
        return True
    return any(w in cues or w.endswith("-quarter") for words in d.m.words for w in words)


def _flow(d: _Doc, si: int, pos: int, fi: int) -> str:
    """The flow the figure counts (``[periods.flow_words]``): through its concept or noun, else a verb of a
    flow among the few words before it ("spent a record £4.1bn") or after it ("were sent"); else ""."""
    table = d.v.flow_words
    m = d.m.by_fact.get(fi)
    for c in (d.m.frame(fi).concept, m.concept if m is not None else None):
        if c and c in table:
            return table[c]
        if c and c in d.v.concept_names and c not in d.v.generic:
            return ""  # "the grocer earned £50m on turnover of £2bn": a profit, no flow
    words = d.m.words[si]
    toks = d.m.tokens[si]
    concepts = d.v.concepts
    # Back to the nearest flow word of the clause ("Whisky exports were worth £4bn"); another amount, or a
    # listed concept that is no flow ("profit was"), ends the search.
    start = d.hedge_start(si, pos)
    for k in range(start - 1, max(d.m.clause_start(si, pos), start - FLOW_NOUN_REACH) - 1, -1):
        if toks[k].fact >= 0 and d.facts[toks[k].fact].kind not in FRAME_KINDS:
            break
        hit = table.get(words[k]) or table.get(concepts.get(words[k], ""))
        if hit:
            return hit  # "turnover", "spent", or a word whose listed concept flows
        if words[k] in concepts and concepts[words[k]] not in d.v.generic:
            break
    # After it: "2.2 million people visited", "1.9bn were sent"; up to a relative word or another figure.
    for k in range(pos + 1, min(d.m.clause_end(si, pos), pos + 1 + FLOW_VERB_REACH)):
        if toks[k].fact >= 0 or words[k] in _RELATIVE or words[k] in _PREPOSITIONS:
            break  # "£50m on turnover of £2bn": the turnover is another figure's
        if words[k] in table:
            return table[words[k]]
    return ""


def _unnamed(d: _Doc, si: int, pos: int, fi: int) -> bool:
    """The figure names nothing it counts ("and 4.9m in the second half"), or is a record or a total of what
    its sentence counts ("the previous monthly record of £2.1bn")."""
    m = d.m.by_fact.get(fi)
    return m is None or not m.concept or _record_of(d, si, pos)


def _record_of(d: _Doc, si: int, pos: int) -> bool:
    """ "the previous record of £2.1bn", "a monthly high of 1.7bn": a record word, "of", the figure."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    return k >= 2 and words[k - 1] == "of" and words[k - 2] in d.v.period_records


def _elided(d: _Doc, si: int, pos: int) -> bool:
    """ "Some 1.9bn were sent in December alone", "2.4 billion were fired off", "a monthly high of 1.7bn": a
    figure with no noun of its own whose verb follows it, or a record; what it counts is the flow of the
    sentences before."""
    words = d.m.words[si]
    return (pos + 2 < len(words) and words[pos + 1] in _AUX and words[pos + 2][:1].isalpha()) or _record_of(d, si, pos)


def _same_frame(d: _Doc, pi: int, wi: int) -> bool:
    """The part and the whole are of one holder and place, as their frames tell ("in Japan" is not
    "worldwide"), and neither is a forecast."""
    pf, wf = d.m.frame(pi), d.m.frame(wi)
    if pf.mood or wf.mood:
        return False
    if pf.holder and wf.holder and not same_holder(pf.holder, wf.holder):
        return False
    if pf.scope == "whole" and wf.scope != "whole" and (wf.scope or wf.holder):
        return False  # "Britain's shoppers spent £4.1bn" … "Globally, consumers spent £9bn in December"
    return not (pf.scope and wf.scope and pf.scope != wf.scope)


def _said(d: _Doc, si: int, pos: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """One of ``phrases`` stands in the figure's clause ("an annual rate of", "so far this year")."""
    words = d.m.words[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    clause = words[lo:hi]
    for p in phrases:
        n = len(p)
        if any(tuple(clause[k : k + n]) == p for k in range(len(clause) - n + 1) if clause[k] == p[0]):
            return True
    return False


def _in_year(d: _Doc, si: int, pos: int, when: _When) -> _When:
    """A part with no year of its own takes the year told before it in its sentence ("In 2003 they
    spent £3.5bn, with £2bn in the first half")."""
    if when.year:
        return when
    toks = d.m.tokens[si]
    words = d.m.words[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    if any(
        words[k] == "this" or (toks[k].fact >= 0 and "this" in d.facts[toks[k].fact].text.lower())
        for k in range(lo, hi)
    ):
        return _When(when.kind, "this", when.months)  # "This December alone it sold 950,000": not last year's
    for k in range(pos - 1, -1, -1):
        fi = toks[k].fact
        if fi >= 0 and d.facts[fi].kind in ("year", "date") and (iso := d.facts[fi].iso) and iso[:4].isdigit():
            return _When(when.kind, iso[:4], when.months)
    return when


def _change_amount(d: _Doc, si: int, pos: int) -> bool:
    """ "sales grew $2bn to $90bn", "up nearly $3bn from 2003", "grew by 40,000": the figure is the size of a
    change, not the period's level; nor is the older end of a change ("from 117.7bn") this period's."""
    words = d.m.words[si]
    start = d.hedge_start(si, pos)
    before = words[start - 1] if start > 0 else ""
    after = words[pos + 1] if pos + 1 < len(words) else ""
    if before in ("to", "at", "of", "was", "were", "reached", "totalled", "totaled"):
        return False  # "climbed to 131.9bn from 117.7bn": the level reached
    if before in ("by", "from") or (after in ("to", "from") and _figure_soon(d, si, pos + 2)):
        return True  # "rose $7.2bn to", "up nearly $3bn from 2003", and the older end of a change
    hit = d.v.direction.ending_at(words, start) if start > 0 else None
    return hit is not None and words[start - 1] not in d.v.flow_words  # "raised £14m" is a flow


def _figure_soon(d: _Doc, si: int, k: int) -> bool:
    """A figure at token ``k`` or the one after ("to $90bn", "from about 2003"): "gave £12m to the appeal"
    is no change."""
    toks = d.m.tokens[si]
    return any(0 <= j < len(toks) and toks[j].fact >= 0 for j in (k, k + 1))


def _other_names(d: _Doc, a: int, b: int) -> bool:
    """``a``'s clause names someone (a capitalised name) that ``b``'s sentence does not."""
    names = _names(d, a)
    if not names:
        return False
    span = d.view.doc.sentences[d.facts[b].sentence].span
    other = d.view.text[span.start : span.end].lower()  # the names are read in lower case
    return not any(n in other for n in names)


def _last_year(d: _Doc, si: int, pos: int) -> bool:
    """ "Last year, shoppers spent £4.1bn", "last year's toll of 1,200": the whole of last year, told with no
    comparison in its clause (not "against £3bn last year", "up from", "than")."""
    words = d.m.words[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    toks = d.m.tokens[si]
    told = any(words[k] == "last" and words[k + 1] in ("year", "year's") for k in range(lo, hi - 1)) or any(
        toks[k].fact >= 0 and d.facts[toks[k].fact].text.lower() in ("last year", "last year's") for k in range(lo, hi)
    )
    if not told or any(words[k] in _COMPARED for k in range(lo, hi)):
        return False
    return all(d.v.direction.ending_at(words, k + 1) is None for k in range(lo, hi))


def _year_before(d: _Doc, si: int, pos: int) -> bool:
    """The part is of the year before: "Sales a year earlier, over the Christmas period, were £950m"."""
    words = d.m.words[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    toks = d.m.tokens[si]
    for k in range(lo, hi):
        fi = toks[k].fact
        if fi >= 0 and d.facts[fi].kind == "relative":
            said = d.facts[fi].text.lower().split()
            if "year" in said and any(w in said for w in ("earlier", "ago", "before", "last", "previous")):
                return True  # "a year earlier", "last year", a fact of its own
        if words[k] in ("year", "year's") and (
            (k > lo and words[k - 1] in ("last", "previous", "prior"))
            or (k + 1 < hi and words[k + 1] in ("earlier", "ago", "before"))
        ):
            return True
    return False


def _older_end(d: _Doc, si: int, pos: int) -> bool:
    """The figure is the earlier end of a comparison ("against 6.3bn", "compared with", "from") or told of
    an earlier time."""
    m = d.m.by_fact.get(d.fact_at(si, pos))
    if m is not None and m.frame == "past":
        return True
    words = d.m.words[si]
    start = d.hedge_start(si, pos)
    return (start > 0 and words[start - 1] in ("against", "with", "from", "versus", "vs", "on")) or d.older_end(si, pos)


def _short_span(f: Fact) -> bool:
    """ "in the last three months", "over six weeks": a length of time shorter than a year."""
    if f.kind != "duration" or f.value is None:
        return False
    return (f.unit == "month" and f.value < MONTHS_IN_YEAR) or f.unit in ("week", "day")


def _span_months(words: Sequence[str], k: int, f: Fact) -> frozenset[int]:
    """The months of "the first six months", "the last three months" (a duration at token ``k``)."""
    if f.unit != "month" or f.value is None or not 0 < f.value < MONTHS_IN_YEAR or k == 0:
        return frozenset()
    n = int(f.value)
    if words[k - 1] == "first":
        return frozenset(range(1, n + 1))
    if words[k - 1] in ("last", "final"):
        return frozenset(range(MONTHS_IN_YEAR - n + 1, MONTHS_IN_YEAR + 1))
    return frozenset()


def _word_months(words: Sequence[str], k: int) -> frozenset[int]:
    """The months a quarter or a half named at token ``k`` covers ("fourth quarter", "second-half")."""
    w = words[k]
    if w.endswith("-quarter") or (k + 1 < len(words) and words[k + 1] in ("quarter", "quarter's")):
        q = _QUARTERS.get(w.removesuffix("-quarter"), "")
        return _QUARTER_MONTHS.get(q, frozenset())
    if w.endswith("-half") or (k + 1 < len(words) and words[k + 1] in ("half", "half's")):
        return _HALVES.get(w.removesuffix("-half"), frozenset())
    return frozenset()


def _owned_by_other(d: _Doc, si: int, pos: int, k: int) -> bool:
    """Another amount stands between the figure at ``pos`` and the time figure at ``k``."""
    toks = d.m.tokens[si]
    lo, hi = (pos + 1, k) if k > pos else (k + 1, pos)
    return any(toks[x].fact >= 0 and d.facts[toks[x].fact].kind in COUNTABLE for x in range(lo, hi))


def _after_other(d: _Doc, si: int, lo: int, k: int, pos: int) -> bool:
    """The time at ``k`` follows an earlier amount of the clause and an "and" or a comma parts it from the
    figure at ``pos``: "3bn euros in the second quarter and 2.9bn euros in the third quarter"."""
    words = d.m.words[si]
    if not any(words[j] in ("and", ",", "while", "but") for j in range(k + 1, pos)):
        return False
    toks = d.m.tokens[si]
    return any(toks[j].fact >= 0 and d.facts[toks[j].fact].kind in COUNTABLE for j in range(lo, k))


def _leads_other(d: _Doc, si: int, pos: int, k: int, hi: int) -> bool:
    """The time at ``k``, after the figure, stands nearer the amount after it: "sales were £5.2bn, beating
    its full-year total of £4.8bn" (the full year is the £4.8bn's)."""
    words = d.m.words[si]
    if k <= pos or not any(words[j] in _SEPARATORS for j in range(pos + 1, k)):
        return False
    toks = d.m.tokens[si]
    for j in range(k + 1, min(hi, k + (k - pos))):
        if words[j] in _SEPARATORS:
            return False
        if toks[j].fact >= 0 and d.facts[toks[j].fact].kind in COUNTABLE:
            return True
    return False


def _period(d: _Doc, si: int, pos: int) -> _When:
    """A part when the figure's clause puts it in a quarter, half, month, week or season ("in the fourth
    quarter", "Fourth-quarter", "in December", "over Christmas"), the year when in a whole year ("in 2004",
    "for the full year", "annual"); the year is the year figure of the clause, or "". A clause opened by
    "when" reads the time of the clause before it ("in March 2022, when 1.7bn were sent")."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    if lo > 1 and words[lo] == "when" and words[lo - 1] == ",":
        lo = d.m.clause_start(si, lo - 2)
    part = whole = nearer = False  # nearer: a word of the whole year is nearer than any part's
    year = ""
    months: frozenset[int] = frozenset()
    # An ordinal is one figure token ("#"): "the #first half" is read by its text.
    words = tuple(
        d.facts[t.fact].text.lower() if t.fact >= 0 and d.facts[t.fact].kind == "ordinal" else w
        for t, w in zip(toks, words, strict=True)
    )
    for k in sorted(range(lo, hi), key=lambda j: abs(j - pos)):  # the nearest time is the figure's
        fi = toks[k].fact
        if fi == d.fact_at(si, pos):
            continue
        if (
            _owned_by_other(d, si, pos, k)
            or (k < pos and _after_other(d, si, lo, k, pos))
            or _leads_other(d, si, pos, k, hi)
        ):
            continue  # "to 132bn from 118bn in 2003": the year of the older figure; "in the third quarter
            # 2.9bn euros, against 5.5bn euros for the full year": the quarter is the 2.9bn's
        if fi < 0:
            w = toks[k].text
            if w in d.v.part_periods or w in d.v.seasons:
                part = True
                months = months or (_word_months(words, k - 1) if k > 0 else months)
            elif w.endswith(("-quarter", "-half")):
                part = True
                months = months or _word_months(words, k)
            if w in d.v.whole_periods or _the_year(words, k):
                whole = True
                nearer = nearer or not part  # "annual sales came in at $4.06tn ... December's data"
            continue
        f = d.facts[fi]
        fwords = set(f.text.lower().replace("-", " ").split())
        if f.kind == "duration" and fwords & d.v.whole_periods:
            whole = True  # "for the whole year", "over the full year": a length that is the year
            nearer = nearer or not part
        if fwords & d.v.part_periods or fwords & d.v.seasons or _short_span(f):
            part = True
            months = months or _span_months(words, k, f) or _fact_quarter(f)
        if f.kind == "year" and f.iso:
            year, whole = year or f.iso[:4], True
        elif f.kind == "date" and f.iso:
            if f.iso.startswith("--") or len(f.iso) in (7, 10):  # ("--12", "2004-12", "--12-26", "2004-12-26")
                part = True  # "in December", "December 2004", "on 26 December": a month or a day of one
                months = months or _iso_month(f.iso)
            if f.iso[:4].isdigit():
                year = year or f.iso[:4]
        elif f.kind in FRAME_KINDS and "this" in fwords and "year" in fwords:
            whole = True  # "this year" ("last year" is as often the same quarter a year before)
    if part and not nearer:
        return _When("part", year, months)
    return _When("year", year, frozenset()) if whole else _NONE


def _the_year(words: Sequence[str], k: int) -> bool:
    """ "over the year", "for the year", "during the year" at token ``k`` ("year"), not "the year before"."""
    if words[k] != "year" or k < 2 or words[k - 1] != "the" or words[k - 2] not in _OVER:
        return False
    return k + 1 >= len(words) or words[k + 1] not in ("before", "earlier", "ago", "to", "after")


def _iso_month(iso: str) -> frozenset[int]:
    """The month of a date's ISO text ("--12", "--12-26", "2004-12", "2004-12-26"), else empty."""
    month = iso[2:4] if iso.startswith("--") else iso[5:7]
    n = int(month) if month.isdigit() else 0
    return frozenset({n}) if 1 <= n <= MONTHS_IN_YEAR else frozenset()


def _fact_quarter(f: Fact) -> frozenset[int]:
    """The months of a quarter or half told as one figure ("the fourth quarter", "Q3")."""
    words = f.text.lower().replace("-", " ").split()
    for k, w in enumerate(words[:-1]):
        if words[k + 1] == "quarter":
            return _QUARTER_MONTHS.get(_QUARTERS.get(w, ""), frozenset())
        if words[k + 1] == "half":
            return _HALVES.get(w, frozenset())
    return frozenset()


def _months_since(d: _Doc) -> Iterator[Relation]:
    """ "Kessel's sales rose 20% in 2019, with eleven months of Ardent sales" against "Kessel bought Ardent in
    March 2019": a length in months "of" a name's sales, trading or results within a year holds at most the months
    from the month that name was bought, launched or opened (told elsewhere, with that year) to the year's end.
    A ``span`` labelled ``within``, from the event's month to the end of the year."""
    lengths: list[tuple[int, frozenset[str], int]] = []  # (length fact, names after it, year fact)
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if f.unit != "month" or f.value is None or not 0 < f.value <= MONTHS_IN_YEAR:
            continue
        words = d.m.words[si]
        if pos + 1 >= len(words) or words[pos + 1] != "of":
            continue
        names = _names_after(d, si, pos + 2)
        yi = _year_fact(d, si)
        if names and yi >= 0:
            lengths.append((fi, names, yi))
    if not lengths:
        return
    events: list[tuple[int, int]] = []  # (sentence, date fact) of a month something was bought or opened in
    for fi, f in enumerate(d.facts):
        if f.kind == "date" and f.iso and len(f.iso) == 7 and f.iso[:4].isdigit():  # a month of a year
            if set(d.m.words[f.sentence]) & d.v.period_events:
                events.append((f.sentence, fi))
    for li, names, yi in lengths:
        year = d.facts[yi].iso or ""
        for s2, ei in events:
            iso = d.facts[ei].iso or ""
            if iso[:4] != year[:4]:
                continue
            span = d.view.doc.sentences[s2].span
            told = d.view.text[span.start : span.end].lower()
            if not any(n in told for n in names):
                continue
            roles = (("length", li), ("start", ei), ("end", yi))
            yield Relation("span", roles, (), "document", (("within", "yes"),))
            break


def _names_after(d: _Doc, si: int, k: int) -> frozenset[str]:
    """Capitalised words in the few tokens from ``k`` ("of Ardent sales" → {"ardent"}), in lower case."""
    toks = d.m.tokens[si]
    text = d.view.text
    out: set[str] = set()
    for j in range(k, min(len(toks), k + NAME_WORDS)):
        tok = toks[j]
        if tok.fact >= 0:
            break
        if text[tok.start : tok.start + 1].isupper():
            out.add(tok.text.removesuffix("'s"))
    return frozenset(out)


def _year_fact(d: _Doc, si: int) -> int:
    """The sentence's one year figure ("in 2004"), else -1."""
    years = [t.fact for t in d.m.tokens[si] if t.fact >= 0 and d.facts[t.fact].kind == "year"]
    return years[0] if len(years) == 1 and (d.facts[years[0]].iso or "").isdigit() else -1
