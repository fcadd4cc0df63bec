"""Conversions: a figure and the same amount in other units, in brackets ("785m euros ($1bn)"), or over
another period ("£1.2bn a year, or £33m a week")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from numcheck.mentions import CLAUSE_END, CONVERSION_JOINS, CONVERTIBLE, _other_unit_word
from numcheck.model import Fact, Span
from numcheck.relations.base import _DETERMINERS, Relation, _Doc, family, same_family


def _conversions(d: _Doc) -> Iterator[Relation]:
    """ "785m euros ($1bn)", "$186m (£98m; 143m euros)", "about 19,800 yen (145 euros)".

    Roles ``figure`` and ``conversion``; label ``hedge`` ("yes" when the
    conversion carries "about" or "approximately"). Two conversions in one
    bracket are conversions of each other too ("£98m" and "143m euros"),
    with label ``sibling``. A bracket that holds only conversions is read by
    the mentions as its figure's attachment (``Mentions.converted``) and is
    no token; a bracket left in the tokens (a figure of the same kind and unit,
    "£9m (£7m)") is read here from the tokens.
    """
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            ai = tok.fact
            if ai < 0:
                continue
            folded = d.m.converted.get(ai)
            if folded is not None:
                yield from _bracket(ai, folded.items, (folded.open,))
            elif d.facts[ai].kind in CONVERTIBLE and pos + 1 < len(words) and words[pos + 1] == "(":
                cue = (d.span(si, pos + 1, pos + 2),)
                pair = _dimensions(d, si, pos)
                if pair is not None:
                    # "32m by 12m (105ft by 39ft)", "from 30mph to 20mph (48km/h to 32km/h)": each side
                    # against its own conversion
                    (first, conv_first), (second, conv_second) = pair
                    yield from _bracket(first, [conv_first], cue)
                    yield from _bracket(second, [conv_second], cue)
                    continue
                yield from _bracket(ai, _told_after(d, si, pos), cue)
            elif d.facts[ai].kind in CONVERTIBLE:
                aside = _aside(d, si, pos)
                if aside is not None:
                    bi, hedged, opener = aside
                    yield from _bracket(ai, [(bi, hedged)], (d.span(si, opener, opener + 1),))


# Marks that open an aside holding the figure again in other units: "12lb - about 5kg", "300m, roughly
# 980ft, above", "$5m – about £4m –".
_ASIDE_OPENERS = frozenset({",", "-", "\u2013", "\u2014"})
# Words after the opener that say the aside tells the same amount again, longest first: "£40m, equivalent to
# $50m", "300m, or the equivalent of 980ft", "12lb, or about 5kg" (a hedge may follow any of them).
_ASIDE_JOINS = (
    ("or", "the", "equivalent", "of"),
    ("or", "equivalent", "to"),
    ("the", "equivalent", "of"),
    ("equivalent", "to"),
    ("equal", "to"),
    ("or",),
)


def _aside(d: _Doc, si: int, pos: int) -> tuple[int, bool, int] | None:
    """The figure at token ``pos`` told again in other units in an aside after it, as in a bracket: "The
    fish weighed 12lb - about 5kg", "stands 300m, roughly 980ft, above", "a $5m fine - about £4m -".
    A comma aside needs "or", "equivalent to" or a hedge before its figure ("300m, 250m" is a list); the aside closes its
    figure (the same mark again, a clause's end, or the sentence's). Returns (figure, hedged, opener)."""
    words = d.m.words[si]
    opener = pos + 1
    if opener >= len(words) or words[opener] not in _ASIDE_OPENERS:
        return None
    j = opener + 1
    join = next((w for w in _ASIDE_JOINS if tuple(words[j : j + len(w)]) == w), ())
    told_or = bool(join)
    j += len(join)
    k = d.skip_hedge(si, j)
    if words[opener] == "," and not told_or and k == j:
        return None
    bi = d.fact_at(si, k)
    if bi < 0:
        return None
    a, b = d.facts[d.fact_at(si, pos)], d.facts[bi]
    if b.kind != a.kind or not a.unit or not b.unit or (b.unit == a.unit and not _other_unit_word(a, b)):
        return None
    close = k + 1
    if close < len(words) and words[close] not in CLAUSE_END and words[close] not in (words[opener], ","):
        return None
    return bi, k > j, opener


# Words that join two figures converted pair by pair in the bracket after them: a size "32m by 12m (105ft by
# 39ft)", a move or range "from 30mph to 20mph (48km/h to 32km/h)", "5-8 miles (8-13km)".
_PAIR_JOINS = (frozenset({"by", "x", "\u00d7"}), frozenset({"to", "-", "\u2013"}))


def _dimensions(d: _Doc, si: int, pos: int) -> tuple[tuple[int, tuple[int, bool]], tuple[int, tuple[int, bool]]] | None:
    """Two figures told "A by B (C by D)" or "A to B (C to D)" with B at token ``pos``: ((A, C), (B, D)),
    each conversion with whether a hedge stands before it; else None."""
    words = d.m.words[si]
    if pos < 2 or d.fact_at(si, pos - 2) < 0:
        return None
    joins = next((j for j in _PAIR_JOINS if words[pos - 1] in j), None)
    if joins is None:
        return None
    c = d.skip_hedge(si, pos + 2)
    if c + 2 >= len(words) or words[c + 1] not in joins:
        return None
    e = d.skip_hedge(si, c + 2)
    if e + 1 >= len(words) or words[e + 1] != ")":
        return None
    a, b, ci, ei = d.fact_at(si, pos - 2), d.fact_at(si, pos), d.fact_at(si, c), d.fact_at(si, e)
    if min(ci, ei) < 0 or len({d.facts[x].kind for x in (a, b, ci, ei)}) != 1:
        return None
    return (a, (ci, c > pos + 2)), (b, (ei, e > c + 2))


def _told_after(d: _Doc, si: int, pos: int) -> list[tuple[int, bool]]:
    """The figures of the figure's kind in the bracket after token ``pos``, each with whether a hedge
    stands before it, up to the first other token."""
    words = d.m.words[si]
    kind = d.facts[d.fact_at(si, pos)].kind
    out: list[tuple[int, bool]] = []
    j = pos + 2
    while j < len(words):
        k = d.skip_hedge(si, j)
        bi = d.fact_at(si, k)
        if bi < 0 or d.facts[bi].kind != kind:
            break
        out.append((bi, k > j))
        j = k + 1
        if j < len(words) and words[j] in CONVERSION_JOINS:
            j += 1
            continue
        break
    return out


def _bracket(ai: int, items: Sequence[tuple[int, bool]], cue: tuple[Span, ...]) -> Iterator[Relation]:
    """The conversion relations of figure ``ai`` and the figures its bracket holds: each a conversion of
    it, and each after the first a conversion of the first too (label ``sibling``)."""
    first = -1
    for bi, hedged in items:
        hedge = "yes" if hedged else ""
        yield Relation("conversion", (("figure", ai), ("conversion", bi)), cue, "clause", (("hedge", hedge),))
        if first >= 0:
            labels = (("hedge", hedge), ("sibling", "yes"))
            yield Relation("conversion", (("figure", first), ("conversion", bi)), cue, "clause", labels)
        else:
            first = bi


# Rates over periods ---------------------------------------------------------------------------------

# Kinds an amount over a period may be of ("£33m a week", "40 tonnes a day").
RATE_KINDS = frozenset({"money", "measure", "count", "number"})
# Words that may join an amount over one period to the same amount over another: "£1.2bn a year, or
# about £33m a week", "£2.7bn a year (£7.4m a day)", "… a year, the equivalent of £7.4m a day".
_RATE_JOINERS = frozenset({",", "or", "(", "-", "–", "—", "that", "is", "equivalent", "to", "the", "of", "i.e."})
# Tokens that may stand between an amount's period and the other amount.
RATE_GAP = 4
# Words of what is counted between an amount and its period ("21.9 million passengers a year").
RATE_NOUN = 3
# Words in a figure's clause that make it a year's amount ("annual profits of $16.2bn", "in the year to March").
_YEARLY = frozenset({"annual", "annually", "year", "full-year", "yearly", "year's"})
# Words a rate's subject may hold and still be the holder of the year's figure ("the company is earning",
# "that means it is earning"); any other word ("its new field") makes it a part of the holder.
_HOLDER_WORDS = frozenset(
    "it that this which means company firm group bank business retailer giant chain carrier they he she".split()
)


def _period_after(d: _Doc, si: int, pos: int) -> tuple[str, int]:
    """The period an amount is a rate over ("£33m a week" → ("week", token after it)), or ("", -1)."""
    words = d.m.words[si]
    j = pos + 1
    # "21.9 million passengers a year": the period may follow what is counted.
    while j < len(words) and j - pos <= RATE_NOUN and words[j][:1].isalpha() and not d.v.rates.starting_at(words, j):
        j += 1
    hit = d.v.rates.starting_at(words, j)
    if hit:
        return hit[0], hit[1]
    ti = d.m.tokens[si][j].fact if j < len(words) else -1
    if ti >= 0 and d.facts[ti].kind == "relative" and d.facts[ti].unit == "year" and not d.older_end(si, pos):
        # "31 million passengers last year, or about 85,000 a day"; but "£1,062 a month, up from £975 a
        # year earlier" is the older level of a monthly amount, not a year's
        return "year", j + 1
    return "", -1


def _length_words(length: Fact) -> str:
    """A length as the message says it: its text ("three days"), or "6 weeks" for a compound ("six-week")."""
    if "-" not in length.text:
        return length.text
    n = length.value.normalize() if length.value is not None else ""
    return f"{n} {length.unit}{'' if n == 1 else 's'}"


def _rate_words_after(d: _Doc, si: int, pos: int) -> bool:
    """The amount's period is told by words of a rate ("a day", "per week"), not by a time ("last year")."""
    period, end = _period_after(d, si, pos)
    return bool(period) and d.m.tokens[si][end - 1].fact < 0


def _period_rates(d: _Doc) -> Iterator[Relation]:
    """One amount over two periods: "£1.2bn a year, or about £33m a week" in one clause; or a rate whose
    clause says what is earned, spent or lost ("The group is earning roughly $2.1m an hour") against the
    first year's figure of that concept in the text ("yearly profits ... $11.4bn"), its holder not
    narrowed ("its new field is earning"); or a rate that points back at the year's amount of the
    sentence before ("That works out at £7.1m a day"). Relation ``period-rate``: roles ``rate``,
    ``other``; labels ``period`` and ``other_period``."""
    yearly: dict[str, int] = {}  # concept → first year's amount of it
    rates: list[tuple[int, str, str]] = []  # figure, period, concept of its verb
    last_yearly: tuple[int, int] = (-1, -1)  # the latest year's amount and its sentence
    last_per_year: tuple[int, int] = (-1, -1)  # the latest amount told "a year" and its sentence
    for si, pos, fi, f in d.figures(RATE_KINDS):
        period, end = _period_after(d, si, pos)
        if period:
            other = _joined_rate(d, si, end, f, period)
            if other is not None:
                oi, operiod = other
                labels = (("period", operiod), ("other_period", period))
                yield Relation("period-rate", (("rate", oi), ("other", fi)), (), "clause", labels)
                continue
            over = _total_over(d, si, pos, f) if _rate_words_after(d, si, pos) else None
            if over is not None and _moved_rate(d, si, pos, end, over[0]):
                over = None  # "that difference is worth about £85 a month": a change of the rate, not the rate
            if over is not None:
                # "48,000 visitors over three days, an average of 21,000 a day"
                oi, li = over
                length = d.facts[li]
                # "On a £200,000 mortgage over 25 years, ... about £1,170 a month": repaid with interest
                bound = (("bound", "at-least"),) if _lent(d, si, oi) else ()
                over_labels: tuple[tuple[str, str], ...] = (
                    ("period", period),
                    ("other_period", str(length.unit)),
                    ("other_length", str(length.value)),
                    ("other_over", _length_words(length)),
                    *bound,
                )
                yield Relation(
                    "period-rate", (("rate", fi), ("other", oi), ("length", li)), (), "sentence", over_labels
                )
                continue
            # "will add £80.30 a year ..., taking it from £1,609.18 to £1,689.48. That works out at £1.54 a
            # week": an amount told "a year" in the sentence before is what "that" points at.
            ai, asi = last_per_year if last_per_year[1] == si - 1 else last_yearly
            told_back = period != "year" and ai >= 0 and asi == si - 1 and _told_back(d, si, pos)
            if told_back and end < len(d.m.words[si]) and d.m.words[si][end] in d.v.rate_moves:
                pass  # "That works out at about £9.25 a month more": the change of the bill, not the bill
            elif told_back:
                # "The firm made an annual profit of £2.6bn. That works out at £7.1m a day."
                labels = (("period", period), ("other_period", "year"))
                yield Relation("period-rate", (("rate", fi), ("other", ai)), (), "sentence", labels)
            elif period != "year":
                rates.append((fi, period, _rate_verb(d, si, pos)))
        concepts = _yearly_concepts(d, si, pos) if f.kind == "money" and not period else frozenset()
        for concept in concepts:
            yearly.setdefault(concept, fi)
        if period == "year" or concepts:
            last_yearly = (fi, si)
        if period == "year":
            last_per_year = (fi, si)
    for fi, period, concept in rates:
        ai = yearly.get(concept, -1) if concept else -1
        if ai < 0 or family(d.facts[ai]) != family(d.facts[fi]):
            continue
        labels = (("period", period), ("other_period", "year"))
        yield Relation("period-rate", (("rate", fi), ("other", ai)), (), "document", labels)


def _moved_rate(d: _Doc, si: int, pos: int, end: int, oi: int) -> bool:
    """A word between the amount ``oi`` and the rate at ``pos`` in the rate's clause, or right after the
    rate's period, makes the rate a change of a rate ("On a £200,000 mortgage over 25 years, that
    difference is worth about £85 a month", "the cut saves £70 a month", "£90 a month more")."""
    words = d.m.words[si]
    moves = d.v.rate_moves
    if end < len(words) and words[end] in moves:
        return True
    j = d.hedge_start(si, pos) - 1  # "more than 16,000 a day" is a hedge, not a change
    while j >= 0 and d.m.tokens[si][j].fact != oi:
        if words[j] in CLAUSE_END:
            return False
        if words[j] in moves:
            return True
        j -= 1
    return False


def _lent(d: _Doc, si: int, oi: int) -> bool:
    """The amount ``oi`` is an amount lent: a noun of lending within two words after it ("a £200,000
    repayment mortgage", "a £150,000 loan") or just before it ("borrowing £180,000", "a loan of")."""
    words = d.m.words[si]
    k = next((k for k, tok in enumerate(d.m.tokens[si]) if tok.fact == oi), -1)
    if k < 0:
        return False
    near = words[k + 1 : k + 4] + words[max(0, k - 2) : k]
    return any(w in d.v.lent_nouns for w in near)


# Words before a length that make an amount told over it: "48,000 visitors over three days".
_OVER = frozenset({"over", "in", "during", "across", "throughout"})


def _total_over(d: _Doc, si: int, pos: int, f: Fact) -> tuple[int, int] | None:
    """The one amount of ``f``'s family before the rate at ``pos`` in its sentence and the one length
    its sentence tells it over ("over three days", "in its first week", "during the 10-day festival"):
    (amount, length), else None."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    amounts, lengths = [], []
    fm = d.m.by_fact.get(toks[pos].fact)
    bare = not (fm is not None and fm.noun)  # "600 pupils a year" counts pupils: no share of "£2.3m"
    for k, tok in enumerate(toks):
        ti = tok.fact
        if ti < 0:
            continue
        t = d.facts[ti]
        if k < pos and t.kind != "duration" and (same_family(t, f, bare_ok=bare) or same_family(f, t, bare_ok=bare)):
            if _period_after(d, si, k)[0]:
                return None  # two rates: read by the joined-rate reader
            amounts.append(ti)
        elif t.kind == "duration" and str(t.unit) in _LENGTH_UNITS and t.value and not t.is_range:
            # "over" may be read as a hedge ("over three days"), so the words before the figure are read
            # as they stand: "over three days", "in its first week", "over the past four weeks".
            j = k - 1
            while j >= 0 and k - j <= OVER_REACH and words[j] in _OVER_FILLERS:
                j -= 1
            if j >= 0 and words[j] in _OVER:
                lengths.append(ti)
    if len(amounts) != 1 or len(lengths) != 1:
        return None
    return amounts[0], lengths[0]


_LENGTH_UNITS = frozenset({"day", "week", "month", "year", "hour", "minute"})
# Words between "over" and its length: "over the past four weeks", "in its first week".
_OVER_FILLERS = frozenset("the its their his her past last first opening".split())
OVER_REACH = 3


def _told_back(d: _Doc, si: int, pos: int) -> bool:
    """The rate's sentence opens by pointing back at the figure just told: "That is £2m a day", "That
    works out at", "This means"."""
    words = d.m.words[si]
    hit = d.v.back_refs.starting_at(words, 0)
    return hit is not None and all(w in _BACK_LINKS for w in words[hit[1] : d.hedge_start(si, pos)])


# Words between "That" and the rate it restates: "That is", "That works out at", "This means about".
_BACK_LINKS = frozenset("is was works worked out at means meant comes came to equals roughly around some".split())


def _joined_rate(d: _Doc, si: int, end: int, f: Fact, before: str) -> tuple[int, str] | None:
    """The same amount over another period than ``before`` right after a rate's period: "…a year, or
    about £33m a week"."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    j = end
    while j < len(words) and j - end < RATE_GAP and toks[j].fact < 0 and words[j] in _RATE_JOINERS:
        if words[j] == "to" and words[j - 1] != "equivalent":
            return None  # "lifted by 30,000 tonnes a week to 2.1 million": the end of a change
        j += 1
    j = d.skip_hedge(si, j)
    oi = d.fact_at(si, j)
    if oi < 0 or not (same_family(d.facts[oi], f, bare_ok=True) or same_family(f, d.facts[oi], bare_ok=True)):
        return None
    period, _ = _period_after(d, si, j)
    return (oi, period) if period and period != before else None


def _rate_verb(d: _Doc, si: int, pos: int) -> str:
    """The concept of the verb before a rate in its clause ("is earning about $2.8m" → profit), when its
    subject is the holder itself ("the company", "it"), else ""."""
    words = d.m.words[si]
    lo = d.m.clause_start(si, pos)
    for k in range(d.hedge_start(si, pos) - 1, lo - 1, -1):
        hit = d.v.rate_verbs.starting_at(words, k)
        if hit:
            subject = {w for w in words[lo:k] if w not in _DETERMINERS and w not in _AUX}
            return hit[0] if subject <= _HOLDER_WORDS else ""
    return ""


_AUX = frozenset("is are was were has have had be been being now still currently".split())


def _yearly_concepts(d: _Doc, si: int, pos: int) -> frozenset[str]:
    """The noun concepts of a year's amount: its clause has a year word ("annual profits to $16.2bn",
    "a profit of £876m in the year to March"); empty when it has none."""
    words = d.m.words[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    if not _YEARLY.intersection(words[lo:hi]):
        return frozenset()
    return frozenset(c for w in words[lo:hi] if w not in CLAUSE_END and (c := d.v.concepts.get(w)))
