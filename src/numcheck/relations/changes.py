"""Changes, ranges and comparisons: two values of one quantity and the words between them
("up 30% from 20,000 to 26,000", "150 to 135 passengers", "slightly below the average of 4%").
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from numcheck.dates import MONTHS, WEEKDAYS
from numcheck.mentions import CLAUSE_END, CLAUSE_OPENERS, Mention, Token, event_noun, same_holder
from numcheck.model import Fact, Span
from numcheck.numbers import scale_word
from numcheck.relations.base import (
    _NOT_PART_NOUNS,
    COPULAS,
    FRAME_KINDS,
    Relation,
    _bare,
    _Doc,
    counted_set,
    divided,
    held_excess,
    is_average,
    is_gap,
    one_or_more,
    same_family,
)
from numcheck.relations.conversions import _dimensions, _period_after
from numcheck.relations.flows import flow_figures
from numcheck.relations.referents import opens_clause, referent, subject_at
from numcheck.relations.referents import words as referent_words
from numcheck.relations.stated import _kinds, _names, _stated_concept, _subject_concept
from numcheck.relations.tallies import is_tally
from numcheck.units import ARTICLE_WORDS
from numcheck.vocab import PhraseTable, _toml, singular

# Figure kinds that count or measure something and can stand in arithmetic.
AMOUNTS = frozenset({"count", "number", "money", "measure", "percent", "duration", "age"})
# Tokens a multiple word may stand before the first end of its change ("more than doubled its profit from").
MULTIPLE_REACH = 8
# Words of the first end's own noun between it and "to" ("from 2,000 units to 4,000").
OWN_NOUN_WORDS = 3
# Words after the newer figure (and its direction word) that name the older one: "B, up from A".
CHANGE_LINKS = (
    ("compared", "with"),
    ("compared", "to"),
    ("against",),
    ("versus",),
    ("vs",),
    ("from",),
    ("on",),
    ("over",),
    ("than",),  # only after a stated change: "42m, 8% more than the 36m"
)
# Nouns after an amount that give it a sign: a loss set against a profit is no change between two levels.
SIGNED = {"loss": "-", "losses": "-", "deficit": "-", "profit": "+", "profits": "+", "surplus": "+"}
# Tokens after an amount its sign noun may stand ("a $410m (£320m) loss").
SIGN_REACH = 5
# Words of a time phrase between a direction verb and its "from" ("fell in 2004 from", "rose over the year").
TIME_PREPOSITIONS = frozenset("in on at during over for the this that last of".split())
# Words before a bare figure that make it a rank or a position ("at five", "to number two").
RANK_BEFORE = frozenset("at number no position place spot".split())
# Subjects that point back at the last figure: "In 2024 they rose to 25,000", "this has dropped to 76%".
PRONOUN_SUBJECTS = frozenset("they it".split())
NEAR_PRONOUNS = frozenset("this that".split())
# Linking words that may open a sentence before its pointing subject ("However, this has ...").
OPENING_LINKS = frozenset("however but yet still since then now and".split())
HAVE = frozenset({("has",), ("have",), ("had",)})  # "this has been cut to": not "That is because ..."
VERBS = frozenset("is are was were has have had remained remains stood stands will would could".split())
DETERMINERS = frozenset("the a an its their his her our this that last".split())
# Tokens of a phrase closed by a comma between a figure and its link word ("in after-hours trade,").
ASIDE_PHRASE = 6
# A bracket between a figure and its link word holds at most this many tokens ("(£98m; 143m euros)").
ASIDE_BRACKET = 12
# Words of a time frame that may stand between a figure and its link word ("in the same period in 2003").
FRAME_WORDS = frozenset(
    """in the a of during for over at same period year years quarter quarters month months week weeks
    first second third fourth final last past previous this that fiscal financial half end start beginning
    earlier ago before three six nine twelve summer winter spring autumn weekend""".split()
)
FRAME_NOUNS = frozenset(
    """period year years quarter quarters month months week weeks half end start beginning earlier ago
    summer winter spring autumn weekend holidays decade""".split()
)
_PERIOD_NOUNS = frozenset((w,) for w in "half quarter month week year season term".split())
# Tokens back that the earlier figure of "they rose to B" may stand.
EARLIER_REACH = 40
# Tokens before "rose to B" read for its "from" and its subject.
WINDOW_TO = 16
# Tokens back that a sentence's "a decline in" may stand from the comparison it directs.
SENTENCE_DIRECTION_REACH = 30
# Tokens a direction verb may stand before the figure it governs ("losses had deepened to £51.6m").
DIRECTION_REACH = 8
# Tokens more a direction verb may stand back when an aside set off by a comma comes before ", to" ("rose for
# the 16th year in a row, to 5.9 million").
ASIDE_BEFORE_TO = 6
# Sentences back that the latest figure of a comparison's subject may stand ("Its profits ... were below").
SUBJECT_BACK = 2
# Words of a noun phrase between a figure and "compared with" ("512 flats above £2m sold compared to").
NOUN_PHRASE_SKIP = 6
# Words of a predicate between a figure and ", compared with" ("2,800 cars were built there in 2005
# after a plant closed, compared with 3,500"): a clause's worth.
PREDICATE_SKIP = 16
# Words after the direction word of "This is a decrease from ..." that name the earlier figure.
SAID_FROM = frozenset("from on since against over".split())
SENTENCE_END = frozenset(".!?")
# Tokens of the next sentence read for the level before a change.
THEN_REACH = 30
# Sentences either side of a level reached that its older end may be told in, found by frame.
THEN_SENTENCES = 1
# Heads of a subject that stand for the figure told before ("the number had doubled to").
# Heads that point back at the level told before, as "it" does ("the number", "that share"): data, in
# vocab.toml [comparison] pointing_nouns.
BACK_HEADS = frozenset(_toml("vocab.toml")["comparison"]["pointing_nouns"])
# Sentences back that the older end of a level told with its stated change alone may stand ("In 2022 it
# raised £3.2m. … Last year it raised £4.8m, a 30% increase").
EARLIER_SENTENCES = 2
# Words that say whose a noun is: "its shops raised £1.1m" tells a part's level.
POSSESSIVES = frozenset("its their his her".split())
# Events told by their years, held every few years: the change from the one before spans years.
EVENT_WORDS = frozenset("election elections census referendum poll polls olympics games vote".split())
# Words that make a level a running total, no one period's level ("since 2015", "in total", "so far").
CUMULATIVE_WORDS = frozenset("since total altogether cumulative cumulatively so-far".split())
# Counted heads that name no one quantity ("people", "figures").
GENERIC_HEADS = frozenset({"people", "figure", "number", "total"})
# Words of a time figure that set the level before a change ("a year ago", "the previous quarter").
THEN_WORDS = frozenset("ago earlier before previous last prior".split())
# Verbs that set the figure just told against an earlier one: "That compared with $700m a year earlier".
COMPARED_WORDS = frozenset("compared compares comparing against versus".split())
# Tokens after "to B" that "having closed at A" may reach.
LEVEL_AFTER_REACH = 14
# Tokens after that figure that its time phrase may stand ("£80m in the same half last year").
THEN_AFTER_REACH = 5
# Tokens after a multiple word that "it was A ... taken it up to B" may stand.
LEVELS_REACH = 40
# Words for a hundredth of a currency unit after an amount ("65 Canadian cents"), and the tokens after a
# stated percentage that the level reached ("to 1.90 dollars") may stand.
SMALL_COINS = frozenset("cents cent pence penny".split())
LEVEL_REACH = 8
# Tokens after "This is a decrease from" that its earlier figure may stand ("the year before, when it was").
SAID_REACH = 12
# A bare count before one of these between two percentages is a change in points ("fell 4 points").
POINT_WORDS = frozenset({("points",), ("point",), ("pts",)})
# Kinds of a stated change ("30% higher than", "£2m more than", "500 fewer than").
STATED_KINDS = frozenset({"percent", "money", "count", "number", "measure"})
# Tokens a stated change may stand from the nearer end of its change ("rose by almost 30% this year to").
STATED_REACH = 10
# Comparison words: the second figure within this many words after, the first within this many before.
COMPARE_HOLDER = 5
COMPARE_REACH = 14


def _changes_and_ranges(d: _Doc) -> Iterator[Relation]:
    for si, pos, ai, _ in d.figures(AMOUNTS):
        words, toks = d.m.words[si], d.m.tokens[si]
        k = d.hedge_start(si, pos)
        if k >= 2 and words[k - 1] == "(" and _dimensions(d, si, k - 2) is not None:
            continue  # "from 30mph to 20mph (48km/h to 32km/h)": the bracket converts the move's ends, no range
        prev = pos - 1
        # "pushed rates up to 4.5%": no hedge to pass over when the fact says so (``_Doc.hedge_start``).
        hedged = d.hedge_start(si, pos) < pos
        while hedged and prev >= 0 and d.v.hedges.ending_at(words, prev + 1) and toks[prev].fact < 0:
            hit = d.v.hedges.ending_at(words, prev + 1)
            assert hit is not None
            prev = hit[1] - 1
        before = words[prev] if prev >= 0 else ""
        # "A to B", "A- to B-", "A-B", "between A and B", "from A ($x) in 2003 to B".
        link, j = _link(d, si, pos, before)
        if link:
            bi = d.figure_after(si, j + 1)
            if bi >= 0 and bi != ai and not _chart_places(d, si, ai, bi):
                b = d.facts[bi]
                if b.kind in AMOUNTS and not b.is_range and b.value is not None:
                    yield from _unbounded(d, _pair(d, si, pos, prev, before, link, ai, bi, j))
        # "B, up from A", "B, up 30% from A", "B, a $597m improvement from A", "B compared with A".
        yield from _unbounded(d, _back_change(d, si, pos, ai))
        # "has trebled to B since 2018, when it stood at A".
        yield from _unbounded(d, _reached_since_when(d, si, pos, ai))


def _unbounded(d: _Doc, rels: Iterable[Relation]) -> Iterator[Relation]:
    """The relations with no figure that bounds a group's size ("Schools with over 1,000 pupils rose from 84
    to 97", "those with 500 or more cows": ``_Doc.size_bound_at``): such a figure is no end nor size of a
    change."""
    for rel in rels:
        if not any(fi is not None and d.size_bound_at(*d.pos_of(fi)) for _, fi in rel.roles):
            yield rel


# Words after a level reached that open the older time it is counted from: "has trebled to 9,000 since
# 2018, when it stood at 4,000", "rose 40% to £95m from 2019, when it was £68m".
SINCE_WORDS = frozenset({"since", "from", "on"})


def _reached_since_when(d: _Doc, si: int, pos: int, bi: int) -> Iterator[Relation]:
    """A level reached by a verb of moving, a multiple or a stated move ("has trebled to 9,000", "rose 40% to
    £95m") and the older level told after its time by ", when": "The waiting list has trebled to 9,000 since
    2018, when it stood at 4,000"."""
    words = d.m.words[si]
    if pos < 2 or words[pos - 1] != "to" or pos + 2 >= len(words) or words[pos + 1] not in SINCE_WORDS:
        return
    k = pos - 2
    moved = d.fact_at(si, k)
    if moved >= 0 and d.facts[moved].kind != "multiple":
        k = d.hedge_start(si, k) - 1  # "rose 40% to", "went up by about 40% to"
        k -= int(k >= 0 and words[k] == "by")
        moved = -1
    told = (moved >= 0 and d.facts[moved].kind == "multiple") or (k >= 0 and words[k] in d.v.multiples)
    if not told and (k < 0 or d.fact_at(si, k) >= 0 or d.v.direction.ending_at(words, k + 1) is None):
        return
    ai = _when_it_was(d, si, pos + 2, d.facts[bi])
    if ai >= 0 and ai != bi:
        yield _change(d, si, ai, bi, (d.span(si, pos + 1, pos + 2),))


def _chart_places(d: _Doc, si: int, ai: int, bi: int) -> bool:
    """ "Southside Tapes climbs from three to two" among "this week's top five" and "number one": two bare
    whole numbers (at most 100) in a sentence (or after one) that tells a ranking are places, where a climb
    ends on the smaller number; the rank reader reads them (relations/positions.py). "The waiting list has
    halved, from 12,000 to 8,000" names a list, but its figures are amounts."""
    if not (_bare_place(d.facts[ai]) and _bare_place(d.facts[bi])):
        return False
    lists, top = _rank_words()
    for s2 in (si, si - 1):
        if s2 < 0:
            continue
        words = d.m.words[s2]
        if lists.intersection(words):
            return True
        for k, w in enumerate(words):
            if top.starting_at(words, k) or (w == "top" and d.fact_at(s2, k + 1) >= 0):
                return True  # "number one", "top of the table", "the top five"
    return False


def _bare_place(f: Fact) -> bool:
    """A whole number from 1 to 100 told with no noun of its own (or a name as its subject)."""
    v = f.value
    if f.kind not in ("count", "number") or f.is_range or v is None or f.hedge != "exact":
        return False
    if v != v.to_integral_value() or not 1 <= v <= 100:
        return False
    return not f.subject or f.subject[:1].isupper()


@functools.cache
def _list_size_words() -> frozenset[str]:
    """Words that make the bare figure after them a ranked list's size (data: comparisons.toml
    [ranks] list_sizes): "the top 100", "the bottom three"."""
    return frozenset(_toml("comparisons.toml")["ranks"]["list_sizes"])


def _list_size(d: _Doc, si: int, pos: int) -> bool:
    """The bare figure at ``pos`` names the size of a ranked list: "made the top 100", "in the bottom
    three"; its clause's count moved, not the list."""
    words = d.m.words[si]
    fi = d.m.tokens[si][pos].fact
    return pos >= 2 and words[pos - 1] in _list_size_words() and words[pos - 2] == "the" and _bare(d.facts[fi])


@functools.cache
def _rank_words() -> tuple[frozenset[str], PhraseTable]:
    """The words of a ranking (data: comparisons.toml [ranks] lists and top)."""
    ranks = _toml("comparisons.toml")["ranks"]
    return frozenset(ranks["lists"]), PhraseTable.build((p, "1") for p in ranks["top"])


def _bracket_end(words: Sequence[str], j: int) -> int:
    """The ")" closing the bracket opened at token ``j`` within ``ASIDE_BRACKET`` tokens, else -1."""
    k = j + 1
    while k < len(words) and words[k] != ")" and k - j <= ASIDE_BRACKET:
        k += 1
    return k if k < len(words) and words[k] == ")" else -1


def _unit_price_after(d: _Doc, si: int, j: int) -> bool:
    """``words[j:j+2]`` is the unit a money figure just before it is paid for: "£160 a tonne",
    "42p per litre" (unit words that read "a" as one, `units.toml` ``article``)."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    if j < 1 or j + 1 >= len(words) or words[j] not in ("a", "an", "per"):
        return False
    prev = toks[j - 1].fact
    return prev >= 0 and d.facts[prev].kind == "money" and words[j + 1] in ARTICLE_WORDS


def skip_aside(d: _Doc, si: int, j: int) -> int:
    """Past what may stand between a figure and the word that ties it to the next: a bracketed
    conversion ("($6.13bn)", "(£98m; 143m euros)") and a time frame ("in 2003", "a year earlier",
    "at the end of 2003", "during October to December", "in the same period")."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    n = len(words)
    while j < n:
        if words[j] == "(":
            k = _bracket_end(words, j)
            if k >= 0:
                j = k + 1
                continue
            return j
        each = d.v.roles_after.starting_at(words, j)
        if each and each[0] == "each":
            j = each[1]  # "to 17 cents a share from 44 cents"
            continue
        if _unit_price_after(d, si, j):
            j += 2  # "from about £160 a tonne to £320": the unit a price is paid for
            continue
        fr = d.v.frames.starting_at(words, j)
        if fr and fr[0] == "past" and words[j] not in ("from", "before", "then", "once"):
            j = fr[1]
            continue

        def framing(k: int) -> bool:
            if toks[k].fact >= 0:
                kind = d.facts[toks[k].fact].kind
                # "in the first half", "for the third quarter": an ordinal of a period
                return kind in FRAME_KINDS or (kind == "ordinal" and words[k + 1 : k + 2] in _PERIOD_NOUNS)
            if words[k] == "to":  # "the three months to December": "to" before a date only
                return k + 1 < n and toks[k + 1].fact >= 0 and d.facts[toks[k + 1].fact].kind in FRAME_KINDS
            return words[k] in FRAME_WORDS

        if framing(j):
            k = j
            while k < n and framing(k):
                k += 1
            # A frame holds a date or a frame noun ("in 2003", "in the same period"), not just "in the".
            if any(toks[x].fact >= 0 or words[x] in FRAME_NOUNS for x in range(j, k)):
                j = k
                continue
        if words[j] in ("in", "on", "at", "during", "for"):
            # "in after-hours trade, from", "in the July-to-September quarter, down from": a short phrase
            # closed by a comma, with no figure in it but a date.
            k = j + 1
            while k < n and k - j <= ASIDE_PHRASE and words[k] not in (",", "(") and words[k] not in CLAUSE_END:
                if toks[k].fact >= 0 and d.facts[toks[k].fact].kind not in FRAME_KINDS:
                    break
                k += 1
            if k < n and words[k] == "," and k - j <= ASIDE_PHRASE:
                return k
        return j
    return j


def _link(d: _Doc, si: int, pos: int, before: str) -> tuple[str, int]:
    """The word joining a figure at ``pos`` to the next one: ("to" | "and" | "-", its index), or ("", -1)."""
    words = d.m.words[si]
    nxt = words[pos + 1] if pos + 1 < len(words) else ""
    if nxt == "-" and pos + 2 < len(words) and words[pos + 2] in ("to", "and"):
        return words[pos + 2], pos + 2  # "200- to 300-seat"
    if nxt in ("to", "and", "-", "–"):
        return "-" if nxt == "–" else nxt, pos + 1
    if nxt == "(":
        # "$10 (£5.20) to $5": a conversion in brackets stands between the two ends.
        toks = d.m.tokens[si]
        close = _bracket_end(words, pos + 1)
        inside = [toks[k].fact for k in range(pos + 2, close) if toks[k].fact >= 0] if close > 0 else []
        if inside and all(d.facts[i].kind == "money" for i in inside) and close + 1 < len(words):
            if words[close + 1] in ("to", "and") and d.facts[toks[pos].fact].kind == "money":
                return words[close + 1], close + 1
    # "from £1.85bn ($2.40bn) in 2017 to £1.62bn": asides only inside a change that says "from".
    from_at = _from_before(words, pos)
    if from_at < 0:
        return "", -1
    j = _past_place(d, si, pos + 1)
    if j > pos + 1 and j < len(words) and words[j] == "to" and from_at > 0 and words[from_at - 1] in d.v.range_verbs:
        return "to", j  # "range from £2,046 in Tarley to £2,188": each end told with its place
    rate = d.v.rates.starting_at(words, pos + 1)
    if rate is not None and rate[1] < len(words) and words[rate[1]] == "to":
        return "to", rate[1]  # "from an average of 8.2 a month to 3.9": the rate's period between the ends
    j = skip_aside(d, si, pos + 1)
    if j > pos + 1 and j < len(words) and words[j] == "to":
        return "to", j
    # "from 2,000 units to 4,000 units", "from 12 stores last year to 20": the noun of the first end.
    k = _past_own_noun(d, si, pos)
    if k > pos + 1:
        j = skip_aside(d, si, k)
        if j < len(words) and words[j] == "to" and _same_noun_after(d, si, pos, j + 1):
            return "to", j
    return "", -1


# Words of a place's name after "in"/"at" ("in the North Stand"): names are short.
PLACE_WORDS = 3


def _past_place(d: _Doc, si: int, j: int) -> int:
    """Past a named place at token ``j`` ("in Tarley", "at Kingsmead Hospital", "in the North Stand"): the
    index after its capitalised words, else ``j``."""
    words, toks = d.m.words[si], d.m.tokens[si]
    text = d.m.view.text
    if j >= len(words) or words[j] not in ("in", "at"):
        return j
    k = j + 1 + (words[j + 1 : j + 2] == ("the",))
    end = k
    while end < len(words) and end - k < PLACE_WORDS and toks[end].fact < 0:
        if not (words[end][:1].isalpha() and text[toks[end].start].isupper()):
            break
        end += 1
    return end if end > k else j


def _same_noun_after(d: _Doc, si: int, pos: int, j: int) -> bool:
    """The figure after "to" at ``j`` counts what the figure at ``pos`` counts, or names nothing: "from 3
    depots to 40 shops" moves goods, it is no change."""
    bi = d.figure_after(si, j)
    first, second = d.m.by_fact.get(d.m.tokens[si][pos].fact), d.m.by_fact.get(bi)
    if first is None or second is None or not first.noun or not second.noun:
        return True
    _, bpos = d.pos_of(bi)
    words = d.m.words[si]
    if bpos + 1 >= len(words) or not words[bpos + 1][:1].isalpha():
        return True  # "from 300 staff to 900.": the second end names no noun of its own
    return singular(first.noun.split()[-1].lower()) == singular(second.noun.split()[-1].lower())


def _past_own_noun(d: _Doc, si: int, pos: int) -> int:
    """The token after the noun that the figure at ``pos`` counts, when that noun follows it ("2,000 units
    to"): at most OWN_NOUN_WORDS words, each a word of the mention's noun; else ``pos + 1``."""
    mm = d.m.by_fact.get(d.m.tokens[si][pos].fact)
    if mm is None or not mm.noun:
        return pos + 1
    noun = set(mm.noun.lower().split())
    words = d.m.words[si]
    k = pos + 1
    while k < len(words) and k - pos <= OWN_NOUN_WORDS and words[k] in noun:
        k += 1
    return k


def _from_before(words: Sequence[str], pos: int) -> int:
    """Index of a "from" at most three words before ``pos`` ("from his favoured 400m"), or five past a
    level's noun and "of" ("from an average of 8.2 a month", "from a peak of 41"), or -1."""
    reach = 6 if pos >= 2 and words[pos - 1] == "of" and words[pos - 2] in FROM_LEVEL_NOUNS else 4
    for k in range(pos - 1, max(-1, pos - reach), -1):
        if words[k] == "from":
            return k
        if words[k] in CLAUSE_END or words[k] == ",":
            return -1
    return -1


# Nouns of a level between "from" and the older end ("from an average of 8.2", "from a high of 41").
FROM_LEVEL_NOUNS = frozenset("average high peak low total mean median level record".split())


def _pair(
    d: _Doc, si: int, pos: int, prev: int, before: str, link: str, ai: int, bi: int, j: int
) -> Iterator[Relation]:
    a, b = d.facts[ai], d.facts[bi]
    words = d.m.words[si]
    cue = d.span(si, j, j + 1)
    from_at = _from_before(words, pos)
    if link == "to" and from_at >= 0:
        if from_at > 0 and words[from_at - 1] in d.v.range_verbs and same_family(a, b, bare_ok=True):
            # "Prices range from £4 to £7": the ends of a range, not a change
            yield Relation("range", (("low", ai), ("high", bi)), (d.span(si, from_at, from_at + 1), cue), "clause")
            return
        if _range_then_link(d, si, from_at) and same_family(a, b, bare_ok=True):
            # "£40m to £45m, down from the £50m to £55m": a range told against an older range
            yield Relation("range", (("low", ai), ("high", bi)), (cue,), "clause")
            return
        if same_family(a, b, bare_ok=True):
            yield _change(d, si, ai, bi, (d.span(si, from_at, from_at + 1), cue), _verb_before_time(d, si, from_at))
        return
    if link == "and" and before != "between":
        return
    if link in ("to", "-") and (is_tally(d, si, pos) or _governed(d, si, pos)):
        return
    if a.kind in ("year", "date") or not (
        same_family(a, b, bare_ok=True) or _bare(a) and b.kind == "duration" or a.kind == "age" and _bare(b)
    ):
        return  # a bare end takes the other's unit: "between 12 and 8 years", "aged 25 to 24"
    if link == "to" and _bare(a) and _bare(b) and b.value == 1 and b.text.lower() == "one":
        return  # "by a margin of three to one": a ratio, not a range
    if link == "-":
        toks = d.m.tokens[si]
        if toks[j].start != a.span.end or toks[j].end != b.span.start and words[j + 1 : j + 2] != ("to",):
            return  # "£35bn - £2.5bn": a spaced dash is punctuation, not a range
        if _bare(a) and _bare(b) and not _counted_pair(d, si, ai, bi):
            return  # "3-1" is a score, "6-4" a set, "2004-05" a season: a range needs a unit on one end
    cues = (d.span(si, prev, prev + 1), cue) if before == "between" else (cue,)
    yield Relation("range", (("low", ai), ("high", bi)), cues, "clause")


def _counted_pair(d: _Doc, si: int, ai: int, bi: int) -> bool:
    """Two bare figures joined by a hyphen that count something, as no score or set does: a thousands
    separator or decimals on either end, "an estimated 5,000-3,000 people", "1,200-800 jobs" ("a 42-7
    triumph", "won 12-8" stay scores)."""
    return any(mark in d.facts[x].text for x in (ai, bi) for mark in (",", "."))


# Tokens between a range and the comma before ", down from": a short time phrase ("3% to 4% this year,").
RANGE_LINK_REACH = 4


def _range_then_link(d: _Doc, si: int, from_at: int) -> bool:
    """The "from" at ``from_at`` closes ", down from" / ", up from" right after a range: "expects £40m to
    £45m, down from the £50m to £55m it forecast", so the two ends after "from" are a range as well."""
    words = d.m.words[si]
    hit = d.v.direction.ending_at(words, from_at)
    if hit is None or hit[1] < 2 or words[hit[1] - 1] != ",":
        return False
    toks = d.m.tokens[si]
    for k in range(hit[1] - 2, max(-1, hit[1] - 2 - RANGE_LINK_REACH), -1):
        fi = toks[k].fact
        if fi >= 0 and d.facts[fi].kind not in FRAME_KINDS:
            return d.facts[fi].is_range
    return False


def _verb_before_time(d: _Doc, si: int, k: int) -> str:
    """ "is projected to drop in 2021 from 4.6% to 4.1%", "rose last year from": the direction word before
    a time phrase that stands between it and "from" at ``k`` (the figure's own reading stops at the year);
    else ""."""
    words = d.m.words[si]
    j = k
    while j > 0 and (words[j - 1] in TIME_PREPOSITIONS or _frame_at(d, si, j - 1)):
        j -= 1
    if j == k:
        return ""
    hit = d.v.direction.ending_at(words, j)
    return hit[0] if hit and words[j - 1] not in ("up", "down", "more", "less") else ""


def _frame_at(d: _Doc, si: int, k: int) -> bool:
    fi = d.fact_at(si, k)
    return fi >= 0 and d.facts[fi].kind in FRAME_KINDS


def _governed(d: _Doc, si: int, pos: int) -> bool:
    """A direction verb right before the figure ("rose 10 to 12", "cut by 40 to 35") makes it a change."""
    words = d.m.words[si]
    k = pos - 1
    if k >= 0 and words[k] == "by":
        k -= 1
    return k >= 0 and d.v.direction.ending_at(words, k + 1) is not None


def _change(
    d: _Doc,
    si: int,
    ai: int,
    bi: int,
    cues: tuple[Span, ...],
    direction: str = "",
    stated: tuple[int, str, Span | None] | None = None,
) -> Relation:
    """A change from ``ai`` to ``bi``, with its stated change and direction read from the clause."""
    roles: list[tuple[str, int]] = [("from", ai), ("to", bi)]
    labels: list[tuple[str, str]] = []
    cue_list = list(cues)
    bm, am = d.m.by_fact.get(bi), d.m.by_fact.get(ai)
    stated = stated or _stated(d, si, ai, bi)
    if stated is not None:
        roles.append(("stated", stated[0]))
        direction = direction or stated[1] or ""
        if stated[2]:
            cue_list.append(stated[2])
    factor = _multiple_in_clause(d, si, ai, bi)
    word = _multiple_word(d, si, ai, bi) if factor is None else None
    if factor is None and word is None:
        told = _multiple_after(d, si, max(d.pos_of(ai)[1], d.pos_of(bi)[1]))
        if told is not None and told[0] >= 0:
            factor = told[0], told[1]
        elif told is not None:
            word = told[1], told[2]
    if word is not None:
        labels.append(("multiple", word[0]))
        cue_list.append(word[1])
        direction = direction or ("up" if d.v.multiples[word[0]] > 1 else "down")
    if factor is not None:
        fi, factor_word = factor
        roles.append(("factor", fi))
        labels.append(("multiple", factor_word))
        _, fpos = d.pos_of(fi)
        hedge = d.v.hedges.ending_at(d.m.words[si], fpos)
        if hedge:
            labels.append(("hedge", hedge[0]))
        cue_list.append(d.facts[fi].span)
        value = d.facts[fi].value
        if not direction and value is not None:
            direction = "up" if value > 1 else "down" if value < 1 else ""
    for mm in (bm, am):
        if mm and mm.direction and not direction:
            direction = mm.direction
            if mm.direction_span:
                cue_list.append(mm.direction_span)
        if mm and mm.multiple and factor is None:
            labels.append(("multiple", mm.multiple))
            if mm.direction_span:
                cue_list.append(mm.direction_span)
    if direction:
        labels.append(("direction", direction))
    return Relation("change", tuple(roles), tuple(dict.fromkeys(cue_list)), "clause", tuple(labels))


@functools.cache
def _level_verbs() -> frozenset[str]:
    """Verbs read as a rise that tell a holder's level right before its figure: ``comparisons.toml``
    ``[peers] level_verbs``."""
    return frozenset(_toml("comparisons.toml")["peers"]["level_verbs"])


def _takings_verb(d: _Doc, si: int, k: int) -> bool:
    """Token ``k`` is a verb of takings right before a sum of money, which tells its level and no move: "The
    charity raised $60,000, compared with $120,000 last year"; "The appeal raised £8,000 this year"."""
    if d.m.words[si][k] not in _level_verbs():
        return False
    fi = d.figure_after(si, k + 1)
    return fi >= 0 and d.facts[fi].kind == "money" and d.hedge_start(si, d.pos_of(fi)[1]) == k + 1


def _occasions(d: _Doc, si: int, k: int) -> bool:
    """Token ``k``, right after "twice" or "three times", makes it how often: a time ("this year", "in
    2004") or an occasion word ("since", "already"; vocab.toml [occasions])."""
    fi = d.m.tokens[si][k].fact
    return d.m.words[si][k] in d.v.occasions_after or (fi >= 0 and d.facts[fi].kind in FRAME_KINDS)


def _multiple_in_clause(d: _Doc, si: int, ai: int, bi: int) -> tuple[int, str] | None:
    """A multiple figure ("doubled", "a threefold rise", "tripled") in the clause before the change's ends."""
    _, apos = d.pos_of(ai)
    _, bpos = d.pos_of(bi)
    first = min(apos, bpos)
    lo = d.m.clause_start(si, first)
    toks = d.m.tokens[si]
    words = d.m.words[si]
    for k in range(first - 1, max(lo, first - MULTIPLE_REACH) - 1, -1):
        if (words[k] == "," and not _comma_before_from(d, si, k, first)) or (
            words[k] in CLAUSE_OPENERS and not _time_after(d, si, k)
        ):
            break
        fi = toks[k].fact
        if fi >= 0 and d.facts[fi].kind == "multiple" and d.facts[fi].value is not None:
            said = d.facts[fi].text.lower()
            if (
                k + 1 < len(words)
                and (said in ("twice", "thrice") or said.endswith(" times"))
                and _occasions(d, si, k + 1)
            ):
                return None  # "raised twice since May", "cut twice this year": occasions, not a factor
            return fi, d.facts[fi].text.lower()
        if fi >= 0 and d.facts[fi].kind not in FRAME_KINDS:
            break  # "tripled in five years, from 1,200 to 3,600": a time between is passed over
    return None


# Tokens after a change's later end that a time phrase may take before the aside telling its multiple:
# "from 4 million in 2015 - a fourfold rise".
MULTIPLE_AFTER_REACH = 4
# Marks that open that aside.
_MULTIPLE_ASIDE = frozenset({",", "-", "\u2013", "\u2014", "("})


def _multiple_after(d: _Doc, si: int, last: int) -> tuple[int, str, Span] | None:
    """A multiple told as an indefinite noun in an aside after the change's later end at token ``last``:
    "rose to $8bn, from $2bn, a threefold increase", "up from 4 million in 2015 - a fourfold rise", "from 120
    to 250, a doubling". The multiple's figure (-1 for a word the fact table leaves alone), words and span.
    An article must open the aside ("three times the national average" sets another level)."""
    words = d.m.words[si]
    j = last + 1
    while j < min(len(words), last + 1 + MULTIPLE_AFTER_REACH) and words[j] not in _MULTIPLE_ASIDE:
        fi = d.m.tokens[si][j].fact
        if not (words[j] in TIME_PREPOSITIONS or (fi >= 0 and d.facts[fi].kind in FRAME_KINDS)):
            return None
        j += 1
    if j + 2 >= len(words) or words[j] not in _MULTIPLE_ASIDE or words[j + 1] not in ("a", "an"):
        return None
    k = d.skip_hedge(si, j + 2)
    if k >= len(words):
        return None
    fi = d.m.tokens[si][k].fact
    # "a threefold increase", or a noun of the move itself: "a doubling", "a halving".
    said = d.facts[fi].text.lower() if fi >= 0 else words[k]
    moved = d.v.direction.starting_at(words, k + 1) is not None or said.endswith("ing")
    if fi >= 0 and d.facts[fi].kind == "multiple" and d.facts[fi].value is not None and moved:
        return fi, said, d.facts[fi].span
    if fi < 0 and words[k] in d.v.multiples and moved:
        return -1, words[k], d.span(si, k, k + 1)
    return None


def _time_after(d: _Doc, si: int, k: int) -> bool:
    """ "since 2019", "before 2010": the word at ``k`` is a preposition of the time figure after it."""
    fi = d.fact_at(si, k + 1)
    return fi >= 0 and d.facts[fi].kind in FRAME_KINDS


def _comma_before_from(d: _Doc, si: int, k: int, first: int) -> bool:
    """The comma at ``k`` only sets off the "from" of the change's first end or the "to" of its level
    reached: "has tripled in five years, from 1,200 to 3,600", "had doubled, to 12 million", also with a
    verb of the move and a hedge between: "has doubled since 2019, climbing from about 80p to £1.60"."""
    words = d.m.words[si]
    j = k + 1
    way = d.v.direction.starting_at(words, j)
    if way is not None and way[1] < first:
        j = way[1]  # "climbing from", "falling to": the move the multiple already tells
    if j >= first or words[j] not in ("from", "to"):
        return False
    return d.skip_hedge(si, j + 1) == first


def _multiple_word(d: _Doc, si: int, ai: int, bi: int) -> tuple[str, Span] | None:
    """A multiple written as a word the fact table leaves alone: "a threefold rise in profits ... to"."""
    _, apos = d.pos_of(ai)
    _, bpos = d.pos_of(bi)
    first = min(apos, bpos)
    lo = d.m.clause_start(si, first)
    words = d.m.words[si]
    for k in range(first - 1, max(lo, first - MULTIPLE_REACH) - 1, -1):
        if words[k] == "," or words[k] in CLAUSE_OPENERS or d.m.tokens[si][k].fact >= 0:
            break
        if words[k] in d.v.multiples:
            return words[k], d.span(si, k, k + 1)
    return None


# Words after a change's ends that open the span it took ("over the past two years"), and the kinds of
# figure that span may hold; at most ``SPAN_WORDS`` tokens to its comma.
_SPAN_PREPS = frozenset({"over", "in", "during", "within", "across", "since", "on"})
_SPAN_KINDS = frozenset({"duration", "relative", "year", "date", "month", "weekday"})
SPAN_WORDS = 8


def _stated(d: _Doc, si: int, ai: int, bi: int) -> tuple[int, str, Span | None] | None:
    """The stated change in the clause of a change: a figure governed by a direction word ("rose 30%"),
    or given after the change (", or 12.9%")."""
    b = d.facts[bi]
    _, apos = d.pos_of(ai)
    _, bpos = d.pos_of(bi)
    words = d.m.words[si]
    toks = d.m.tokens[si]
    last = max(apos, bpos)
    # "dropped from 4,210 to 3,580, or 15%": the change restated as a share of the start.
    if last + 2 < len(words) and words[last + 1] == "," and words[last + 2] == "or":
        ci = d.figure_after(si, last + 3, frozenset({"percent"}))
        if ci >= 0:
            return ci, "", None
    # "from £1,893.40 to £1,987.88 a year, a rise of £94.48 or 4.99%": past the ends' period, the move
    # told as an amount and restated as a percentage.
    j = last + 1
    rate = d.v.rates.starting_at(words, j)
    if rate is not None:
        j = rate[1]  # "a year", "a week" (vocab [rates])
    elif j < len(words) and toks[j].fact >= 0 and d.facts[toks[j].fact].kind == "duration":
        j += 1
    if j < len(words) and words[j] in _SPAN_PREPS:
        # "from £64m to £48m over the past two years, a drop of 33%": the span the move took, then its size
        comma = next((x for x in range(j + 1, min(len(words), j + SPAN_WORDS)) if words[x] == ","), -1)
        if comma > 0 and all(toks[x].fact < 0 or d.facts[toks[x].fact].kind in _SPAN_KINDS for x in range(j, comma)):
            j = comma
            if j + 2 < len(words) and words[j + 1] == "or":
                # "fell from 7,600 to 6,600 in the year to March, or 13%": past the span, the share of the start
                ci = d.figure_after(si, j + 2, frozenset({"percent"}))
                if ci >= 0:
                    return ci, "", None
    if j + 1 < len(words) and words[j] == "," and words[j + 1] in ("a", "an"):
        hit = d.v.direction.starting_at(words, j + 2)
        if hit is not None and j > last + 1 and hit[1] + 1 < len(words) and words[hit[1]] == "of":
            ci = toks[hit[1] + 1].fact  # "... over the past two years, a drop of 33%"
            if ci >= 0 and d.facts[ci].kind == "percent" and d.facts[ci].value is not None:
                return ci, hit[0], d.span(si, j + 2, hit[1])
        for k in range(j + 2, min(len(words), j + 2 + AMOUNT_OR_REACH)):
            ci = toks[k].fact
            if ci < 0:
                continue
            if d.facts[ci].kind == "percent" and d.facts[ci].value is not None:
                moved = _amount_or_percent(d, si, k, b)
                if moved is not None:
                    return ci, moved[0], moved[1]
            if d.facts[ci].kind == "percent":
                break
    near = min(apos, bpos)
    lo = max(d.m.clause_start(si, near), near - 2 * STATED_REACH)
    hi = min(d.m.clause_end(si, last), last + 2 * STATED_REACH)
    # Nearest first: in "rose £300m to £700m, while ... rose from £340m to £400m" each change keeps its own.
    order = sorted(range(lo, hi), key=lambda k: abs(k - near))
    for k in order:
        if abs(k - near) > STATED_REACH and not (near <= k <= last):
            fk = toks[k].fact
            if (
                last < k <= last + 2 * STATED_REACH
                and fk >= 0
                and d.facts[fk].kind not in ("percent", "points")
                and same_family(d.facts[fk], b)
                and _move_noun_of(d, si, k)
            ):
                pass  # "to 4,210, from 3,900 in 2022, a net gain of 310": the amount's noun after both ends
            else:
                continue
        ci = toks[k].fact
        if ci < 0 or ci in (ai, bi):
            continue
        c = d.facts[ci]
        cm = d.m.by_fact.get(ci)
        if cm is None or c.is_range or c.value is None:
            continue
        if c.kind not in ("percent", "points") and _part_before_whole(d, si, k) in (ai, bi):
            continue  # "41 of the 86 seats, up from 33": the part's whole, no stated change
        if c.kind not in ("percent", "points") and _listed_whole(d, si, k) in (ai, bi):
            continue  # "48,200, 31,500 at Central and 16,700 at Riverside, up from 43,000": a part of the whole
        if c.kind in ("percent", "points"):
            pass
        elif c.kind in ("count", "number") and b.kind == "percent" and words[k + 1 : k + 2] in POINT_WORDS:
            pass  # "fell 4 points to 27%": a bare count of points between two percentages
        elif c.kind == "share" and k > 0 and d.m.words[si][d.hedge_start(si, k) - 1] == "by":
            pass  # "rose by a third to £120m", "fell by almost half"
        elif same_family(c, b) and c.kind != "percent":
            # An amount is a stated change only after "by" or a direction verb ("rose by $697m", "gained 983").
            prev = words[k - 1] if k > 0 else ""
            if prev != "by" and not (cm.direction and prev not in ("from", "to", "of", "at")):
                if not (k > last and _move_noun_of(d, si, k)):
                    continue
            if prev != "by" and ci in flow_figures(d, si, b, ai, bi):
                continue  # "gained three seats and lost five, leaving it with 20": moves, not the net change
            own = _period_after(d, si, k)[0]
            if _period_after(d, si, bpos)[0] and own != _period_after(d, si, bpos)[0]:
                if own or not (k > last and _move_noun_of(d, si, k)):
                    continue  # "from £184.90 to £192.50 a week, giving them about £395 more over the year"
        else:
            continue
        if k > 0 and words[k - 1] in ("from", "to"):
            continue  # an end of another change, not a stated change
        if k < near and _own_predicate(d, si, k, near):
            continue  # "sales rose 9% and now account for 31% of revenue, up from 27%": another predicate's move
        if cm.direction:
            return ci, cm.direction, cm.direction_span
        # "a 52% rise", "an 8.1% increase": the direction word right after.
        hit = d.v.direction.starting_at(words, k + 1)
        if hit:
            return ci, hit[0], d.span(si, k + 1, hit[1])
        if c.kind == "percent":
            moved = _amount_or_percent(d, si, k, b)
            if moved is not None:
                return ci, moved[0], moved[1]
    return None


def _move_noun_start(d: _Doc, si: int, k: int) -> int:
    """Where a move told as a noun starts when the amount at token ``k`` (its hedge passed) follows it and
    "of": the "increase" of "an increase of £315", the "gain" of "a net gain of 243"; else -1."""
    words = d.m.words[si]
    j = d.hedge_start(si, k) - 1
    if j < 1 or words[j] != "of":
        return -1
    hit = d.v.direction.ending_at(words, j)
    return hit[1] if hit is not None else -1


def _move_noun_of(d: _Doc, si: int, k: int) -> bool:
    """The amount at token ``k`` is the size of a move told as an indefinite noun after the change's ends:
    "from £6,840 to £7,155, an increase of £315", "from 840 to 955, a rise of 115"."""
    words = d.m.words[si]
    start = _move_noun_start(d, si, k)
    if start < 2:
        return False
    j = start - 1
    while j > 0 and words[j] in ("net", "further", "total", "overall"):
        j -= 1  # "a net increase of 243"
    return words[j] in ("a", "an") and words[j - 1] == ","


# Tokens after ", a" that "rise of £94.48 or 4.99%" may take to its percentage.
AMOUNT_OR_REACH = 8


def _amount_or_percent(d: _Doc, si: int, k: int, b: Fact) -> tuple[str, Span] | None:
    """The percentage at token ``k`` restates a move told as an amount just before it, and ends its phrase:
    "a rise of £94.48 or 5.99%", "up £9.10, or 5%" → the move's direction and its words, else None (not
    "or 40% more than tenants were warned of")."""
    words = d.m.words[si]
    if k + 1 < len(words) and words[k + 1] not in CLAUSE_END and words[k + 1] not in (",", "and", "but"):
        return None
    j = k - 1
    if j < 1 or words[j] != "or":
        return None
    j -= 1
    if words[j] == ",":
        j -= 1
    ai = d.fact_at(si, j)
    if ai < 0 or not same_family(d.facts[ai], b) or d.facts[ai].kind == "percent":
        return None
    h = d.hedge_start(si, j)
    if h >= 1 and words[h - 1] == "by":
        h -= 1  # "rose by £9.10, or 5%"
    if h >= 2 and words[h - 1] == "of":
        hit = d.v.direction.ending_at(words, h - 1)  # "a rise of £94.48"
    else:
        hit = d.v.direction.ending_at(words, h)  # "up £9.10"
    if hit is None:
        return None
    return hit[0], d.span(si, hit[1], k + 1)


# Tokens back from ", against A% a year earlier" that the newer percentage may stand, past what the clause
# says of it ("61.5% of the 24,800 people who went to A&E at A, B and C were seen within four hours").
AGAINST_REACH = 45
# Words that open another clause between a newer percentage and its ", against": the percentage is not
# the one set against the older level.
AGAINST_STOPS = frozenset({".", ";", ":", "?", "!", '"', "but", "while", "whereas", "although", "though"})


def _against_then(d: _Doc) -> Iterator[Relation]:
    """A percentage set against its level at an earlier time after a long clause: "61.5% of the 24,800
    people who went to A&E at A, B and C were seen within four hours, against 68.2% in January last
    year", "just 47.3% of the households surveyed said ..., compared with 52.8% a year earlier". The older
    level follows a comma and a word of comparison ([COMPARED_WORDS]); an earlier time closes its clause
    ("in 2023", "a year earlier", "the year before"); the newer level is the nearest percentage before
    the comma, no other percentage and no other clause between. A change with no way: the stated change
    told after it is read by the stage that reads them."""
    for si, pos, ai, a in d.figures(frozenset({"percent"})):
        words, toks = d.m.words[si], d.m.tokens[si]
        h = d.hedge_start(si, pos)
        if h >= 3 and tuple(words[h - 2 : h]) in (("compared", "with"), ("compared", "to")):
            comma = h - 3
        elif h >= 2 and words[h - 1] in ("against", "versus"):
            comma = h - 2
        else:
            continue
        if words[comma] != ",":
            continue
        end = _past_time_phrase(d, si, pos + 1)
        if end == pos + 1 or (end < len(words) and words[end] not in CLAUSE_END and words[end] not in (",", ";")):
            continue
        if not any(_then_marker(d, si, k) for k in range(pos + 1, end)):
            continue  # "against 68.2% in Wales", "against a target of 95%": no earlier level
        bi = -1
        for k in range(comma - 1, max(-1, comma - 1 - AGAINST_REACH), -1):
            if words[k] in AGAINST_STOPS:
                break
            fi = toks[k].fact
            if fi >= 0 and d.facts[fi].kind == "percent":
                bi = fi
                break
        if bi < 0 or d.facts[bi].is_range or d.facts[bi].value is None or a.is_range:
            continue
        cue = d.span(si, comma + 1, h)
        told = _stated_at(d, si, end)  # "..., compared with 12.6% a year earlier, a rise of 1.5%"
        if told is None and _moved_by(d, si, d.pos_of(bi)[1]):
            continue  # "prices rose by 5.1% over the year, compared with 6.8% a month earlier": two rates of a rise
        yield _change(d, si, ai, bi, (cue,), told[1] if told else "", told[:3] if told else None)


def _then_marker(d: _Doc, si: int, k: int) -> bool:
    """Token ``k`` tells an earlier time: a year, a time before now ("a year earlier", "last year") or a
    word of one ("before", "previous")."""
    fi = d.fact_at(si, k)
    if fi < 0:
        return d.m.words[si][k] in THEN_WORDS
    f = d.facts[fi]
    return f.kind == "year" or f.kind == "relative" and f.value is not None and f.value < 0


# Links that set a level beside another without a way: the other may be another place's level.
SCOPE_LINKS = frozenset({("against",), ("versus",), ("vs",), ("compared", "with"), ("compared", "to")})


def _other_scope_after(d: _Doc, si: int, k: int) -> bool:
    """Tokens from ``k`` name another place or group for the figure before them and no earlier time: "in
    Wales", "across England", "for the Conservatives" (a capitalised word that is no figure); "by US
    companies", "by its rivals" (the agent of another count, whatever its case)."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if k + 1 >= len(words) or words[k] not in ("in", "across", "for", "among", "by"):
        return False
    j = k + 1 + (words[k + 1] == "the")
    if j >= len(words) or toks[j].fact >= 0:
        return False
    if words[k] == "by":
        if not words[j].isalpha() or words[j] in ("end", "start", "middle", "close", "time", "then", "now"):
            return False  # "by the end of 2023", "by then": a time, not an agent
    elif not d.view.text[toks[j].start : toks[j].start + 1].isupper() and not _group_for(words, k, j):
        return False
    end = next((x for x in range(j, len(words)) if words[x] in CLAUSE_END or words[x] in (",", ";")), len(words))
    return not any(_then_marker(d, si, x) for x in range(j, end))


@functools.cache
def _other_groups() -> frozenset[str]:
    """Lower-case words naming another group of people (data: vocab.toml [comparison] other_groups)."""
    return frozenset(_toml("vocab.toml")["comparison"]["other_groups"])


def _group_for(words: Sequence[str], k: int, j: int) -> bool:
    """ "for those on placebo", "among people on the older drug": "for" or "among" at ``k`` and a group of
    people at ``j``, the other side of a comparison, not an earlier time."""
    return words[k] in ("for", "among") and words[j] in _other_groups()


def _scale(f: Fact) -> str:
    """The scale a figure is written in ("million" for "18m" and "18 million"), or "" (`numbers.scale_word`)."""
    return scale_word(f.text)


# Punctuation that sets a link to an older figure after the newer one: a comma or a dash.
_LINK_PUNCT = frozenset({",", "-", "–", "—"})
# Words that end a clause or link a change, never an item of a list of single words.
_NOT_LISTED = frozenset("which who while but and or up down compared against from to".split())


# Words that bring in a change's older end after its stated size ("a rise of 14% on the 1,715").
OLDER_LINKS = frozenset({"on", "from", "over", "compared", "against"})


def _past_predicate(d: _Doc, si: int, j: int) -> int:
    """Past what a clause says of its figure when ", compared with" or ", up from" closes it: "2,800 cars
    were built there in 2005, compared with 3,500 in 2004" (no other amount and no clause end
    between); else ``j``."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    k = j
    reach = j + PREDICATE_SKIP
    while k < min(len(words) - 2, reach):
        listed = _word_list_end(d, si, k)
        if listed > k:
            k = listed  # "were admitted, transferred or discharged within four hours, down from"
            continue
        framed = skip_aside(d, si, k) if k > j and words[k] in ("in", "during", "over") else k
        if framed > k and words[framed - 1] != ",":
            reach += framed - k  # "of the clients it helped in the year to December were behind": a time
            k = framed  # frame inside the predicate is not counted against its reach
            continue
        if words[k] in CLAUSE_END or words[k] in ("(", "and", "but", "while", "which", "who"):
            return j
        fi = toks[k].fact
        if fi >= 0 and d.facts[fi].kind not in FRAME_KINDS:
            return j
        if words[k] == "," and words[k + 1] == "compared" and words[k + 2] in ("with", "to"):
            return k
        if words[k] == "," and words[k + 1] in ("against", "versus"):
            return k  # "3.1 million passengers in 2023, against 3.3 million in 2022"
        if words[k] in _LINK_PUNCT and words[k + 1] in ("up", "down") and _change_link_at(d, words, k + 1):
            return k  # "54 million homes reach the net through fibre, up from 34 million" (or " - up from")
        if words[k] == "," and (told := _attribution_end(d, si, k)) > k:
            reach += told - k  # "in January, figures obtained by this newspaper show, up from 15,800"
            k = told
            continue
        if words[k] in _LINK_PUNCT and words[k + 1] in ("a", "an") and _way_at(d, si, k + 1):
            if OLDER_LINKS.intersection(words[k + 2 : k + 2 + PREDICATE_SKIP]):
                return k  # "1,870 students enrolled this autumn, an increase of 14% on the 1,715 who joined"
        if words[k] in _LINK_PUNCT:
            return j  # a comma that opens anything else ends what the clause says of its figure
        k += 1
    return j


# Most words an attribution between commas may hold ("figures obtained by this newspaper show").
ATTRIBUTION_WORDS = 8


@functools.cache
def _attribution_verbs() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["comparison"]["attribution_verbs"])


def _attribution_end(d: _Doc, si: int, k: int) -> int:
    """The comma closing an attribution that opens at the comma ``k`` (", figures obtained by this newspaper
    show,", ", the report found,"): no figure, a reporting verb last; else ``k``."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for m in range(k + 2, min(len(words), k + 2 + ATTRIBUTION_WORDS)):
        if toks[m].fact >= 0 or words[m] in CLAUSE_END:
            return k
        if words[m] == ",":
            return m if words[m - 1] in _attribution_verbs() else k
    return k


def _word_list_end(d: _Doc, si: int, k: int) -> int:
    """Past a list of single words joined by commas and a last "or"/"and" that starts at ``k``
    ("admitted, transferred or discharged", "red, amber and green"), else ``k``."""
    words, toks = d.m.words[si], d.m.tokens[si]

    def plain(i: int) -> bool:
        return i < len(words) and toks[i].fact < 0 and words[i].isalpha() and words[i] not in _NOT_LISTED

    if not plain(k) or k + 1 >= len(words) or words[k + 1] != ",":
        return k
    i = k + 1
    while i + 1 < len(words) and words[i] == "," and plain(i + 1):
        i += 2
    if i + 1 < len(words) and words[i] in ("or", "and") and plain(i + 1) and i > k + 1:
        return i + 2
    return k


def _skip_noun_phrase(d: _Doc, si: int, j: int) -> int:
    """Past the newer figure's noun phrase when a comparison link follows it: "512 flats above £2m
    sold compared to 487" (nouns, a bounded figure, a participle; nothing else)."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    k = j
    while k < len(words) and k - j < NOUN_PHRASE_SKIP:
        if tuple(words[k : k + 2]) in (("compared", "with"), ("compared", "to")) or words[k] == "against":
            return k
        if k > j and _change_link_at(d, words, k + (words[k] == ",")):
            return k  # "doubled to 900 units, from 300", "rose to 40 stores, up from 31"
        w = words[k]
        if k > j and w in ("in", "during", "for", "at", "on"):
            past = skip_aside(d, si, k)
            if past > k:
                k = past  # "5,000 bikes in 2024, 10% fewer than": a time frame after the noun
                continue
        if toks[k].fact >= 0:
            if k > j and words[k - 1] in ("over", "under", "above", "below", "worth", "of"):
                k += 1
                continue
            if k > j and d.facts[toks[k].fact].kind in FRAME_KINDS:
                k += 1  # "42m passengers last year, 8% more than"
                continue
            return j
        if not w[0].isalpha() or w in _NOT_PART_NOUNS or w in CLAUSE_OPENERS:
            return j
        k += 1
    return j


def _change_link_at(d: _Doc, words: Sequence[str], k: int) -> bool:
    """A word that ties a newer figure to an older one starts at ``k``: "from", "up from", "down 5% on"."""
    if k >= len(words):
        return False
    if words[k] in ("from", "on"):
        return True
    hit = d.v.direction.starting_at(words, k)
    if hit is None and words[k] == "#":
        hit = d.v.direction.starting_at(words, k + 1)  # "8% more than", "5% down on": a stated change first
        return hit is not None and hit[1] < len(words) and words[hit[1]] in ("from", "on", "than")
    if hit is not None and words[hit[1] : hit[1] + 1] == ("#",):
        return words[hit[1] + 1 : hit[1] + 2] in (("from",), ("on",))  # "up 30% on the year before"
    return hit is not None and hit[1] < len(words) and words[hit[1]] in ("from", "on", "by")


def _other_nouns(d: _Doc, ai: int, bi: int) -> bool:
    """Each end names what it counts right after it, and the two are different things ("16 points from 12
    games", "£4m from 300 donors"): no change of one quantity."""
    am, bm = d.m.by_fact.get(ai), d.m.by_fact.get(bi)
    if am is None or bm is None or not am.noun or not bm.noun:
        return False
    if d.facts[ai].kind not in ("count", "number") or d.facts[bi].kind not in ("count", "number"):
        return False  # "22mm of rain ... on the average of 64mm": amounts in units name their stuff
    ca, cb = _counted_noun(d, am.noun), _counted_noun(d, bm.noun)
    return bool(ca and cb and ca != cb and ca not in d.v.generic and cb not in d.v.generic)


def _counted_noun(d: _Doc, noun: str) -> str:
    """The concept of a noun right after a count: a listed word, or a plain plural ("games"); else ""."""
    first = noun.split()[0]
    listed = d.v.concepts.get(first)
    if listed:
        return listed
    return singular(first) if first.isalpha() and first.endswith("s") and first not in FRAME_WORDS else ""


# Words between "of" and a whole that say it is the most there was ("19 of a possible 30 points").
_WHOLE_ADJECTIVES = frozenset({"possible", "available", "maximum"})


def _part_before_whole(d: _Doc, si: int, pos: int) -> int:
    """The part told before the whole at token ``pos`` ("41 of the corporation's 86 seats"), else -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = d.hedge_start(si, pos) - 1
    steps = 0
    while (
        k >= 0
        and steps < 3
        and toks[k].fact < 0
        and (words[k] in DETERMINERS or words[k] in _WHOLE_ADJECTIVES or words[k].endswith("'s"))
    ):
        k -= 1
        steps += 1
    if k < 1 or words[k] != "of" or toks[k - 1].fact < 0:
        return -1
    part, whole = d.facts[toks[k - 1].fact], d.facts[toks[pos].fact]
    if not same_family(part, whole) or part.value is None or whole.value is None or part.value >= whole.value:
        return -1
    return toks[k - 1].fact


def _older_listed(d: _Doc, si: int, ai: int) -> bool:
    """The older figure at ``ai`` is the first of several joined by "and" ("down from the 48 and 39 the two
    councils have now"): the older level is theirs together, not one of them."""
    words = d.m.words[si]
    _, k = d.pos_of(ai)
    j = k + 1
    if j < len(words) and words[j].isalpha() and words[j] != "and" and d.fact_at(si, j) < 0:
        j += 1  # "from 48 seats and 39"
    if j + 1 >= len(words) or words[j] != "and":
        return False
    nxt = d.fact_at(si, j + 1)
    return nxt >= 0 and same_family(d.facts[nxt], d.facts[ai]) and d.facts[nxt].kind not in ("year", "date")


# Words before a count that tell what an amount is spread over ("averaged 36,880 across 15 home games").
_SPREAD_PREPS = frozenset({"across", "over", "among", "from", "in"})
# Words after such a count that its plural noun may stand in ("15 home league games").
SPREAD_NOUN_REACH = 3


def _spread_over(d: _Doc, si: int, pos: int) -> bool:
    """The count at ``pos`` tells what another figure of its clause is spread over ("has averaged 36,880
    across 15 home league games, up from 31,400"): a preposition before it, a plural noun after it, and an
    amount of its family before it in the clause."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = d.hedge_start(si, pos)
    if k < 1 or words[k - 1] not in _SPREAD_PREPS or d.facts[toks[pos].fact].kind not in ("count", "number"):
        return False
    if not any(w.isalpha() and w.endswith("s") for w in words[pos + 1 : pos + 1 + SPREAD_NOUN_REACH]):
        return False
    lo = d.m.clause_start(si, k)
    return any(toks[x].fact >= 0 and d.facts[toks[x].fact].kind in ("count", "number") for x in range(lo, k - 1))


def _level_before_rate(d: _Doc, si: int, pos: int, rate: Fact) -> int:
    """The figure a rate set off after it is worked out from ("4.1m appointments last year, about 6.4 per
    resident,"): the nearest count before the rate's comma in its clause, else -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = d.hedge_start(si, pos) - 1
    if k < 1 or words[k] != ",":
        return -1
    for x in range(k - 1, max(-1, d.m.clause_start(si, k) - 1), -1):
        fi = toks[x].fact
        if fi >= 0 and d.facts[fi].kind in ("count", "number") and same_family(d.facts[fi], rate):
            return fi
    return -1


# Tokens from ", based on" to the base figure ("based on a housing stock of 418,000").
BASE_ASIDE_REACH = 7


@functools.cache
def _base_aside_words() -> PhraseTable:
    """Phrases opening a base aside (data: vocab.toml [comparison] base_asides): "based on", "assuming"."""
    return PhraseTable.build((p, "base") for p in _toml("vocab.toml")["comparison"]["base_asides"])


def _base_aside(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is the base of an aside opened after a comma: ", based on a population of
    1,128,000,"; a link after it belongs to the figure before the aside, not to the base."""
    words = d.m.words[si]
    for k in range(pos - 1, max(0, pos - BASE_ASIDE_REACH), -1):
        if words[k] in (",", ";") or words[k] in CLAUSE_END:
            return False
        if words[k - 1] == "," and _base_aside_words().starting_at(words, k) is not None:
            return True
    return False


def _amount_after_level(d: _Doc, si: int, pos: int, b: Fact) -> bool:
    """The amount at token ``pos`` follows a way word that follows a level of its family and a comma ("rose to
    £8.4m, up £1.6m on the £6.8m", "closed at 412p, down 28p from 440p"): it is the size of the move from the
    older figure to that level, never a level of its own. Percentages are read by ``after_verb``."""
    if b.kind in ("percent", "points", "share"):
        return False
    words = d.m.words[si]
    hit = d.v.direction.ending_at(words, d.hedge_start(si, pos))
    if hit is None or hit[1] < 2 or words[hit[1] - 1] != ",":
        return False
    level = d.fact_at(si, hit[1] - 2)
    return level >= 0 and same_family(d.facts[level], b) and not d.facts[level].is_range


def _stated_link_after(d: _Doc, si: int, k: int, direction: str) -> bool:
    """A link to the older level starts at token ``k`` after a stated change and its comma: "from", "compared
    with", "against", or "up from" / "down from" of the stated change's own way ("rose to 46,200, a rise of
    18%, up from 41,300"). "on" and "over" are left: after a comma they open a time ("..., on Monday")."""
    words = d.m.words[si]
    if words[k] in ("up", "down"):
        if (words[k] == "up") != (direction == "up") or k + 1 >= len(words):
            return False
        k += 1
    link = next((p for p in _COMMA_LINKS if tuple(words[k : k + len(p)]) == p), None)
    return link is not None and d.figure_after(si, _past_older_words(d, si, k + len(link))) >= 0


# The links to an older level that may follow a stated change's comma ("on" and "over" open a time there).
_COMMA_LINKS = tuple(p for p in CHANGE_LINKS if p not in (("on",), ("over",), ("than",)))
# Words an older level's own words may run to after its link ("from the previous £130m").
OLDER_WORDS = 3


def _past_older_words(d: _Doc, si: int, m: int) -> int:
    """Past the determiners, possessives and level adjectives between a link and the older level: "from the
    £130m", "from November's 4.5%", "on the previous 1,715"."""
    words, toks = d.m.words[si], d.m.tokens[si]
    start = m
    while (
        m < len(words)
        and m - start < OLDER_WORDS
        and toks[m].fact < 0
        and (words[m] in DETERMINERS or words[m].endswith("'s") or words[m] in d.v.older_adjectives)
    ):
        m += 1
    return m


def _back_change(d: _Doc, si: int, pos: int, bi: int) -> Iterator[Relation]:
    """The newer figure first: "$3.4bn, down from $3.8bn", "25,000, up 30% from 20,000",
    "$850m, a $597m improvement from $153m", "77m euros (£53m) ..., up from 18m", "469m compared with 496m"."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    part = _part_before_whole(d, si, pos)
    if part >= 0:
        bi = part  # "won 41 of the corporation's 86 seats, up from 33": the part moved, not the whole
    whole = _listed_whole(d, si, pos)
    if whole >= 0:
        bi = whole  # "lent 48,200 books, 31,500 at Central and 16,700 at Riverside, up from 43,000": the whole moved
    if _base_aside(d, si, pos):
        return  # "52.3 per 10,000 homes, based on a stock of 418,000, down from 57.9": the base did not move
    b = d.facts[bi]
    if pos > 0 and words[pos - 1] in ("a", "an", "by") and d.v.direction.starting_at(words, pos + 1):
        return  # "a $597m improvement from $153m": the stated change, not the newer figure
    if _amount_after_level(d, si, pos, b):
        return  # "rose to £8.4m, up £1.6m on the £6.8m": the stated amount, not the newer figure
    if (h := d.hedge_start(si, pos)) > 0 and words[h - 1] == "from" and part < 0:
        return  # "fell to 65,400 in January from 66,900 in December, a drop of 2%": the older end, no newer one
    if pos + 1 < len(words) and words[pos + 1] == "per" and b.kind in ("count", "number"):
        rate_end = next((x for x in range(pos + 2, min(len(words), pos + 5)) if words[x] == ","), -1)
        if rate_end > 0 and (earlier := _level_before_rate(d, si, pos, b)) >= 0:
            # "4.1m appointments last year, about 6.4 per resident, up from 3.8m": the level before the rate
            bi, b = earlier, d.facts[earlier]  # (the link is still read after the rate)
        else:
            return  # "6.4 per resident": a rate, no newer level of a count
    if one_or_more(b):
        return  # "7,270 households now include at least one adult in work, up from 5,430": the households moved
    if counted_set(d, si, pos) or _spread_over(d, si, pos):
        return  # "87 admissions across the county's three hospitals ..., up from 52": a set's size, no level
    if is_gap(d, bi) or d.gap_told(si, pos):
        return  # "lifts them to 52 points, two behind leaders Castleford on 54", "2.3% lower than": a gap, no level
    h0 = d.hedge_start(si, pos)
    if h0 > 0 and words[h0 - 1] == "including":
        return  # "employed 612 full-time staff, including 71 players, up from 584": the whole moved, not its part
    if _last_listed(d, si, pos):
        return  # "a team of 14 made up of eight women and six men, up from 11": the list's whole moved
    h = d.hedge_start(si, pos)
    if b.kind not in ("percent", "points") and h > 1 and words[h - 1] in ("of", "by"):
        if d.v.direction.ending_at(words, h - 1):
            return  # "an increase of £900m on £3.5bn", "rose by £2m from £10m": the stated change again
    verb_end = d.hedge_start(si, pos - 1 if pos > 0 and words[pos - 1] == "by" else pos)
    focus = _focus_words().ending_at(words, verb_end)
    if focus is not None:
        verb_end = focus[1]  # "rose only 1.2%, against 4.1% in ...": still the size of the rise
    # "had risen 0.4% over the quarter from 6.8%": a percentage right after its verb is the change, not
    # the level reached, unless the link says which way on its own ("grew 1.9%, slightly down from").
    after_verb = b.kind in ("percent", "points") and d.v.direction.ending_at(words, verb_end) is not None
    j = skip_aside(d, si, pos + 1)
    j = _skip_noun_phrase(d, si, j)
    j = _past_predicate(d, si, j)
    if j < len(words) and words[j] not in _LINK_PUNCT and _LINK_PUNCT.intersection(words[j : j + NOUN_PHRASE_SKIP]):
        head = d.m.head(si, pos)
        k = _past_time_phrase(d, si, pos + 1 + len(head.split()))
        if k < len(words) and words[k] in _LINK_PUNCT and _way_at(d, si, k + 1):
            j = k  # "it carried 700,000 passengers, up 25%", "290,000 visitors, a rise on 2022"
    comma = j < len(words) and words[j] in _LINK_PUNCT  # ", up from" or " - up from"
    if not comma and j == pos + 1 and j < len(words) and words[j] in COPULAS and _change_link_at(d, words, j + 1):
        comma = True  # "The crowd of 6,240 was down on last year's 5,880": the copula links as a comma does
    if comma:
        j += 1
        aside = skip_aside(d, si, j)
        if j < aside < len(words) and words[aside] == ",":
            j = aside + 1  # "$212.4m, for the six months to June, up from $230.5m"
    start = j
    direction = ""
    multiple = ""
    stated: tuple[int, str, Span | None] | None = None
    # "up 30% from", "down by $20m on", "a $597m improvement from", "an 8% rise on"
    k = j
    if k < len(words) and words[k] in ("a", "an"):
        k += 1
    if k < len(words) and (words[k].endswith("ly") or words[k] in ("well", "still", "just")):
        k += 1  # "slightly down from", "sharply up on"
    hit = d.v.direction.starting_at(words, k)
    if hit:
        direction, k = hit[0], hit[1]
        if k < len(words) and words[k] in ("by", "of"):
            k += 1  # "up by 30% on", "an increase of 30% on the $4.5bn"
        ci = d.figure_after(si, k)
        if ci >= 0 and d.facts[ci].kind in (
            "percent",
            "points",
            "money",
            "count",
            "number",
            "measure",
            "multiple",
            "share",
        ):
            _, cpos = d.pos_of(ci)
            stated = (ci, direction, d.span(si, start, hit[1]))
            k = _past_span_of_move(d, si, cpos + 1)
            if k + 1 < len(words) and words[k] == "or" and d.facts[ci].kind != "percent":
                # "down £122 or 7.2% from the current £1,690": the amount, then its rate; the rate is
                # the stated change a judge can weigh against the two ends.
                ri = d.figure_after(si, k + 1, frozenset({"percent"}))
                if ri >= 0:
                    stated = (ri, direction, d.span(si, start, hit[1]))
                    k = d.pos_of(ri)[1] + 1
        elif k < len(words) and words[k] in d.v.multiples and toks[k].fact < 0:
            multiple = words[k]  # "up threefold from $8m": a multiple word the fact table leaves alone
            k += 1
    else:
        ci = d.figure_after(si, k)
        if ci >= 0 and k == start + (words[start] in ("a", "an")):
            _, cpos = d.pos_of(ci)
            after = d.v.direction.starting_at(words, cpos + 1)
            if after:
                direction = after[0]
                stated = (ci, direction, d.span(si, cpos + 1, after[1]))
                k = after[1]
    if stated is not None and k + 2 < len(words) and words[k] == "," and _stated_link_after(d, si, k + 1, direction):
        # "grew to £11.5bn, a rise of 8.5%, from £11bn": the stated change set off by commas before the link
        k += 1 if words[k + 1] not in ("up", "down") else 2
    phrase_at = k
    if stated is not None and _clause_done(d, si, k):
        # "Last year it raised £4.8m, a 30% increase", "£4.8m last year, up 30%": no older figure told with
        # it; the older level is the one of the same quantity at an earlier time, found by frame.
        older = _frame_then(d, bi, back=EARLIER_SENTENCES, ahead=0, within=True, next_to=True)
        if older >= 0:
            rel = _change(d, si, older, bi, (stated[2] or d.span(si, start, k),), direction, stated)
            yield Relation(rel.kind, rel.roles, rel.cues, _evidence(d, older, si), rel.labels)
        return
    for phrase in CHANGE_LINKS:
        if tuple(words[phrase_at : phrase_at + len(phrase)]) != phrase:
            continue
        m = _past_older_words(d, si, phrase_at + len(phrase))  # "from the £130m", "on last year's 12%"
        m = _past_time_owner(d, si, m)  # "on last year's $4.5bn"
        m = _past_yardstick_noun(d, si, m)  # "on the long-term average of 72mm"
        ai = d.figure_after(si, m)
        if stated is None and direction and phrase != ("than",) and _year_at(d, si, m):
            # "Last year it raised £2.8m, an increase on 2022": the way alone, against the level told of
            # that year, found by frame.
            older = _frame_then(d, bi, back=EARLIER_SENTENCES, ahead=0, within=True, next_to=True)
            if older >= 0 and d.m.frame(older).period == _period_of(d.facts[ai]):
                cue = d.span(si, start, phrase_at + len(phrase))
                rel = _change(d, si, older, bi, (cue,), direction)
                yield Relation(rel.kind, rel.roles, rel.cues, _evidence(d, older, si), rel.labels)
            return
        when = _when_it_was(d, si, phrase_at + len(phrase), b) if stated is not None else -1
        if when >= 0:
            # "64.2%, up 3.1% on the last election, when it was 61.1%": the older level told after its time.
            yield _change(d, si, when, bi, (d.span(si, start, phrase_at + len(phrase)),), direction, stated)
            return
        if stated is not None and _past_time_at(d, si, phrase_at + len(phrase)):
            # "12 million passengers, up 30% on the year before": the older level is told in a sentence
            # beside it, found by frame.
            older = _frame_then(d, bi, base=d.fact_at(si, phrase_at + len(phrase)))
            if older >= 0:
                rel = _change(d, si, older, bi, (d.span(si, start, phrase_at + len(phrase)),), direction, stated)
                yield Relation(rel.kind, rel.roles, rel.cues, "document", rel.labels)
            return
        if ai < 0 or ai == bi:
            return
        if _older_listed(d, si, ai):
            return  # "60 members, down from the 48 and 39 the two councils have now": several levels together
        if phrase == ("against",) and d.hedge_start(si, pos) > 0 and words[d.hedge_start(si, pos) - 1] == "for":
            return  # "goals for 58, against 27": the two sides of a tally, no change
        if _other_nouns(d, ai, bi):
            return  # "16 points from 12 games": a rate's two counts, no change
        a = d.facts[ai]
        # "77m euros ..., up from 18m": a bare older figure takes the newer one's currency or unit.
        alike = same_family(a, b) or (_bare(a) and b.kind in ("money", "measure") and _scale(a) == _scale(b) != "")
        if a.is_range or a.value is None or not alike or a.kind in ("year", "date"):
            return
        if stated is not None and stated[0] == ai:
            return
        if phrase == ("than",) and stated is None:
            return  # "15,000, more than 20,000 …": "more than" may hedge the older figure
        if not direction and after_verb:
            return
        if not direction:
            direction = _clause_direction(d, si, pos)
            if not direction and phrase in (("from",), ("on",), ("over",)):
                return  # "25,000 from 20,000" with no direction word in its clause is no change
        if _bare(a) and _bare(b) and pos > 0 and words[pos - 1] in RANK_BEFORE:
            return  # "at five, up from 13", "to number two": ranks or positions, not amounts
        if _list_size(d, si, pos):
            return  # "made the top 100, down from 12": the size of the list, not the level that moved
        apos = d.pos_of(ai)[1]
        if phrase in SCOPE_LINKS and not hit and _other_scope_after(d, si, apos + 1):
            return  # "61.5% in January, against 68.2% in Wales": another place's level, not an earlier one
        signs_b = {SIGNED[w] for w in words[pos + 1 : pos + 1 + SIGN_REACH] if w in SIGNED}
        signs_a = {SIGNED[w] for w in words[apos + 1 : apos + 1 + SIGN_REACH] if w in SIGNED}
        if signs_a and signs_b and signs_a != signs_b:
            return  # "a $410m loss, against a $220m profit": amounts of opposite sign, not two levels
        cue = d.span(si, start, phrase_at + len(phrase))
        if stated is None:
            # "Turnout was 64%, compared with 71% in 2019, a rise of seven points": the stated change told
            # after the older end and its time.
            told = _stated_at(d, si, _past_time_phrase(d, si, apos + 1))
            if told is not None:
                stated = (told[0], told[1], told[2])
                direction = direction or told[1]
            else:
                second = _second_older(d, si, apos, b)
                if second is not None:
                    # "up from 49.6 million at the end of June and 44.8 million a year earlier, a rise of
                    # 14.5% over 12 months": the stated change is the newer figure's against the second end.
                    ci, told2 = second
                    yield _change(d, si, ci, bi, (cue,), direction or told2[1], (told2[0], told2[1], told2[2]))
        rel = _change(d, si, ai, bi, (cue,), direction, stated)
        if multiple and not rel.label("multiple"):
            rel = Relation(rel.kind, rel.roles, rel.cues, rel.evidence, (*rel.labels, ("multiple", multiple)))
        verb = _verb_direction(d, si, pos)
        if verb is not None and direction and verb[0] != direction:
            # "Inflation eased to 3.1%, up from 2.9%": the verb says the other way from the link; the
            # figures side with one of them, and the other is the error.
            rel = Relation(
                rel.kind, rel.roles, (*rel.cues, verb[1]), rel.evidence, (*rel.labels, ("verb_direction", verb[0]))
            )
        yield rel
        return


# Words of an item's label between its figure and the next item's join ("31,500 at Central and").
LIST_LABEL_REACH = 3
# Tokens between a whole and the comma that opens the list of its parts ("48,200 books between them in 2025,").
LISTED_WHOLE_REACH = 8
# Items a list of parts after its whole may hold.
LISTED_ITEMS_MAX = 6


def _item_before(d: _Doc, si: int, k: int, like: Fact) -> int:
    """The token of the item figure a list joins at token ``k`` ("and", ","), its label words between
    ("31,500 at Central and"): the nearest figure of ``like``'s family within ``LIST_LABEL_REACH`` words
    before it, else -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    j = k - 1
    while j >= 0 and toks[j].fact < 0 and words[j].isalpha() and k - 1 - j < LIST_LABEL_REACH:
        j -= 1
    if j < 0 or toks[j].fact < 0 or not same_family(d.facts[toks[j].fact], like):
        return -1
    return j


def _listed_whole(d: _Doc, si: int, pos: int) -> int:
    """The whole that a list of parts closed by the figure at ``pos`` spells out after a comma ("lent 48,200
    books between them in 2025, 31,500 at Central and 16,700 at Riverside, up from 43,000"; "£12.5m, £8.1m
    from shops and £4.4m online"): the figure of its family before the list's opening comma that the parts
    add up to, at its printed precision; else -1. A move told after such a list is the whole's."""
    words, toks = d.m.words[si], d.m.tokens[si]
    like = d.facts[toks[pos].fact]
    if like.kind not in ("count", "number", "money", "measure") or like.value is None:
        return -1
    k = d.hedge_start(si, pos) - 1
    if k < 1 or words[k] != "and":
        return -1
    first = _item_before(d, si, k, like)
    items = [pos, first]
    while first >= 0 and len(items) <= LISTED_ITEMS_MAX:
        k = d.hedge_start(si, first) - 1
        if k < 1 or words[k] != ",":
            return -1
        cand = -1
        for j in range(k - 1, max(-1, k - 1 - LISTED_WHOLE_REACH), -1):
            fi = toks[j].fact
            if words[j] in CLAUSE_END:
                break
            if fi >= 0 and same_family(d.facts[fi], like) and d.facts[fi].kind not in ("year", "date"):
                cand = j
                break
        if cand < 0:
            return -1
        values = [v for x in items if (v := d.facts[toks[x].fact].value) is not None]
        iv = d.facts[toks[cand].fact].interval
        if len(values) == len(items) and iv.bounded and iv.contains(sum(values, Decimal(0))):
            return toks[cand].fact
        first = _item_before(d, si, k, like) if cand == _item_before(d, si, k, like) else -1
        items.append(first)
    return -1


def _second_older(d: _Doc, si: int, apos: int, like: Fact) -> tuple[int, tuple[int, str, Span, int]] | None:
    """A second older end joined by "and" after the first and its time, then the stated change closing the
    clause ("up from A at the end of June and B a year earlier, a rise of P%"): (B, the stated change)."""
    words = d.m.words[si]
    k = _past_time_phrase(d, si, apos + 1)
    if k >= len(words) or words[k] != "and":
        return None
    ci = d.figure_after(si, k + 1)
    if ci < 0 or not same_family(d.facts[ci], like) or d.facts[ci].is_range:
        return None
    told = _stated_at(d, si, _past_time_phrase(d, si, d.pos_of(ci)[1] + 1))
    return (ci, told) if told is not None else None


def _verb_direction(d: _Doc, si: int, pos: int) -> tuple[str, Span] | None:
    """The direction word right before the figure at ``pos`` and its "to" ("eased to 3.1%"): its way and
    span; words that judge rather than measure ("improved", "worsened") are left out."""
    words = d.m.words[si]
    at = d.hedge_start(si, pos)
    if at < 2 or words[at - 1] != "to":
        return None
    hit = d.v.direction.ending_at(words, at - 1)
    if hit is None or " ".join(words[hit[1] : at - 1]) in d.v.judging_directions:
        return None
    return hit[0], d.span(si, hit[1], at - 1)


def _stated_than(d: _Doc) -> Iterator[Relation]:
    """A stated change set against an older figure with "than", wherever the newer figure stands in
    the clause: "Admissions, at 1,300, were 30% higher than the 1,100 in January", "The 5,000 sold
    were 10% fewer than the 6,000 of 2023". The stated figure, a direction word and "than" come in
    that order; the older figure follows "than"; the newer is the nearest figure of its family before
    the stated one, with no clause end between. A clause whose subject points back to a figure told
    just before ("The figure was 14% higher than the C$1.21bn it earned a year earlier", "That was 37%
    down on its opening weekend of £4.6m") takes that figure as the newer end, after "than", "on" or
    "from"."""
    for si, pos, ci, _ in d.figures(STATED_KINDS):
        words, toks = d.m.words[si], d.m.tokens[si]
        hit = d.v.direction.starting_at(words, pos + 1)
        opened = -1  # where a way told before the stated change starts ("That was a rise of 40% on the")
        if hit is None and (before := _way_before(d, si, pos)) is not None:
            if pos + 1 < len(words) and words[pos + 1] in ("on", "from"):
                hit, opened = (before[0], pos + 1), before[1]
        margin = hit is None and _margin_way(d, si, pos)
        if margin:
            hit = (margin, pos + 1)  # "6.1m, 70cm above its previous high of 5.6m": the way and its link
        elif hit is None or hit[1] >= len(words) or words[hit[1]] not in POINTED_LINKS:
            continue
        m = hit[1] + 1
        while m < len(words) and m - hit[1] <= 3 and toks[m].fact < 0 and words[m] in DETERMINERS:
            m += 1
        m = _past_time_owner(d, si, m)  # "down on last year's £4.6m"
        m = _past_noun_of(d, si, m)  # "down on its opening weekend of £4.6m"
        if m >= len(words) or toks[m].fact < 0:
            continue  # "30% higher than in January", "10% more than expected": no older figure here
        ai = toks[m].fact
        a = d.facts[ai]
        if a.kind in FRAME_KINDS or a.is_range or a.value is None:
            continue
        bi = _newer_before(d, si, pos, a) if words[hit[1]] == "than" or margin else -1
        if bi < 0:
            bi = _pointed_newer(d, si, pos, a, opened)
        if bi < 0 or bi == ai:
            continue
        cue = d.span(si, pos + 1, hit[1] + 1) if opened < 0 else d.span(si, opened, pos)
        rel = _change(d, si, ai, bi, (cue,), hit[0], (ci, hit[0], cue))
        yield rel if d.facts[bi].sentence == si else Relation(rel.kind, rel.roles, rel.cues, "sentence", rel.labels)


# Words right after an amount that tell it as a margin over or under the figure after them, and their way:
# "6.1m, 70cm above its previous high of 5.6m", "£4.2m, £300,000 below the £4.5m asked".
MARGIN_WAYS = {"above": "up", "below": "down"}
# Kinds of an amount read as such a margin: a percentage or a count "above" a figure is often its level.
MARGIN_KINDS = frozenset({"measure", "money"})


def _margin_way(d: _Doc, si: int, pos: int) -> str:
    """The way of the amount at token ``pos`` told as a margin by the word right after it ("70cm above the
    previous high of 5.6m": "up"), else ""."""
    words = d.m.words[si]
    f = d.facts[d.m.tokens[si][pos].fact]
    if f.kind not in MARGIN_KINDS or pos + 1 >= len(words):
        return ""
    return MARGIN_WAYS.get(words[pos + 1], "")


# Words after a stated change's direction that bring in its older end ("14% higher than", "37% down on",
# "12% up from"): "on" and "from" only where the clause's subject points back (``_pointed_newer``).
POINTED_LINKS = frozenset({"than", "on", "from"})
# Words of a noun phrase before "of" and the older figure ("its opening weekend of £4.6m").
NOUN_OF_WORDS = 3


def _past_noun_of(d: _Doc, si: int, m: int) -> int:
    """Past a short noun phrase and "of" before a figure at token ``m`` ("opening weekend of £4.6m", "the
    average of 71,000"), else ``m``."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(m, min(len(words) - 2, m + NOUN_OF_WORDS)):
        if toks[k].fact >= 0 or not words[k].isalpha():
            return m
        if words[k + 1] == "of" and toks[k + 2].fact >= 0:
            return k + 2
    return m


@functools.cache
def _focus_words() -> PhraseTable:
    return PhraseTable.build((p, "focus") for p in _toml("vocab.toml")["change_size"]["focus"])


def _way_before(d: _Doc, si: int, pos: int) -> tuple[str, int] | None:
    """The way of a change told right before the stated change at token ``pos`` (past its hedge): "up 40%",
    "a rise of 40%", "an increase of about 40%": (direction, the token the phrase starts at), else None."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    if k > 0 and words[k - 1] in ("of", "by"):
        k -= 1
    hit = d.v.direction.ending_at(words, k)
    if hit is None:
        return None
    start = hit[1] - (hit[1] > 0 and words[hit[1] - 1] in ("a", "an"))
    return hit[0], start


def _pointed_newer(d: _Doc, si: int, pos: int, like: Fact, opened: int = -1) -> int:
    """The figure the clause's subject points back to, when the clause is that subject, a link verb and
    the stated change at token ``pos`` ("That was 37% down on", "The figure was 14% higher than"), an
    aside between the subject and its verb passed over ("said the total, collected over November, was
    21% higher than"): the last figure of ``like``'s family told before it (``referents.referent``),
    else -1."""
    words = d.m.words[si]
    start = d.hedge_start(si, pos) if opened < 0 else opened
    w = referent_words()
    for link_start in range(start - 1, max(-1, start - 4), -1):
        hit = w.change_links.starting_at(words, link_start)
        if hit is not None and hit[1] == start:
            break
    else:
        return -1
    end = link_start
    if end > 0 and words[end - 1] == ",":
        # "the total, collected between 1 and 30 November, was": back over the aside to its opening comma
        k = end - 2
        while k >= max(0, end - 2 - POINTED_ASIDE) and words[k] not in (",",) + tuple(CLAUSE_END):
            k -= 1
        if k < 0 or words[k] != ",":
            return -1
        end = k
    for lo in range(end - 1, max(-1, end - 4), -1):
        if subject_at(d, si, lo) == end and (opens_clause(d, si, lo) or _said_before(words, lo)):
            return referent(d, si, lo, like)
    return -1


# Tokens of an aside between a pointing subject and its verb ("the total, collected ... 2024, was").
POINTED_ASIDE = 16


def _said_before(words: Sequence[str], k: int) -> bool:
    """A verb of saying right before token ``k`` ("The trust said the total ... was"): the reported clause
    opens there."""
    return k > 0 and words[k - 1] in ("said", "says", "added", "reported", "announced", "confirmed", "that")


# Tokens a rate set beside the level ("an average of 2,413 a day and") adds to the search for the level.
RATE_ASIDE = 8


def _newer_before(d: _Doc, si: int, pos: int, like: Fact) -> int:
    """The nearest figure before token ``pos`` in its clause that is of ``like``'s family and no frame
    (a year, a date), or -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if held_excess(d, si, pos):
        return -1  # "closed seven, leaving it with 11 more than the 601": no level set beside the 601
    floor = pos - COMPARE_REACH
    k = pos
    while k - 1 > max(-1, floor):
        k -= 1
        if words[k] in CLAUSE_END or words[k] == ";":
            return -1
        fi = toks[k].fact
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.kind in FRAME_KINDS:
            continue
        if is_average(d, fi) or d.v.rates.starting_at(words, k + 1):
            floor -= RATE_ASIDE  # "74,812 calls, an average of 2,413 a day and 7.6% more than": the level before
            continue
        if f.is_range or f.value is None or not same_family(f, like, bare_ok=True):
            return -1
        part = _part_before_whole(d, si, k)
        return part if part >= 0 else fi  # "holds 24 of the council's 54 seats, four fewer than": the 24
    return -1


def _past_time_owner(d: _Doc, si: int, m: int) -> int:
    """Past a time figure with a possessive ("last year's", "2003's") at token ``m``: where the figure it
    owns starts; else ``m``."""
    words = d.m.words[si]
    fi = d.fact_at(si, m)
    if fi < 0 or d.facts[fi].kind not in FRAME_KINDS:
        return m
    if d.facts[fi].text.endswith(("'s", "’s")):
        return m + 1  # the fact holds its possessive: "last year's"
    return m + 3 if words[m + 1 : m + 3] == ("'", "s") else m


def _verb_like(word: str) -> bool:
    return word in VERBS or word.endswith("ed")


def _moved_by(d: _Doc, si: int, pos: int) -> bool:
    """The figure at token ``pos`` is the size of the move its verb tells ("grew 3.8%", "rose by 5.1%"): a
    comparison after it sets that size against another, and the verb says nothing of which is larger."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    if k > 0 and words[k - 1] == "by":
        k -= 1
    return k > 0 and d.v.direction.ending_at(words, k) is not None


def _clause_direction(d: _Doc, si: int, pos: int) -> str:
    """The nearest direction word before ``pos`` in its clause ("rose by 30%, to 25,000 from"), or ""."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    reach = DIRECTION_REACH
    if words[pos - 2 : pos] == (",", "to"):
        reach += ASIDE_BEFORE_TO  # "rose for the 16th year in a row, to 5.9 million from 5.5 million"
    lo = max(d.m.clause_start(si, pos), pos - reach)
    for k in range(pos, lo, -1):
        fi = toks[k - 1].fact
        if fi >= 0 and d.facts[fi].kind == "multiple" and d.facts[fi].value is not None:
            return "up" if (d.facts[fi].value or 0) > 1 else "down"  # "halving its dividend to 17 cents from 44"
        hit = d.v.direction.ending_at(words, k)
        if hit and event_noun(words, hit[1]):
            continue  # "put the chance of a cut at 60%": the event named, no move of the figure
        if hit and _takings_verb(d, si, hit[1]):
            continue
        if hit and hit[1] >= lo and (hit[1] < k - 1 or words[k - 1] not in ("more", "less", "up", "down")):
            # A bare "up" or "more" may belong to the figure ("up to", "more than"); "went up" is a move.
            if d.m.others_move(si, hit[1], k, pos):
                return ""  # "Five records fell over five days, three of them ..., compared with two"
            return hit[0]
    # "There was a decline in the number of homes sold, with 496 ... compared to 469": the sentence's
    # "a <change> in" names the direction of what it goes on to compare.
    for k in range(max(0, pos - SENTENCE_DIRECTION_REACH), pos - 2):
        if words[k] in ("a", "an") and words[k + 2] == "in":
            hit = d.v.direction.starting_at(words, k + 1)
            if hit and hit[1] == k + 2:
                return hit[0]
    return ""


# Possessive pronouns that open a subject pointing back to its owner's figure ("its share climbed to 40%").
_OWNERS = frozenset({"its", "their"})


def _level_then_move(d: _Doc, si: int, at: int, pos: int) -> str:
    """The figure at ``pos`` is a level told with a verb of a level ("The figure now stands at 57.9%", "It
    is now 57.9%") by a subject pointing back, then sized as a move after a comma (", a fall of 3.5%"):
    the move's direction, else ""."""
    words = d.m.words[si]
    level = d.v.level_verbs.ending_at(words, at)
    if level is None or level[0] != "level":
        return ""
    lo = d.m.clause_start(si, pos)
    said = set(words[lo : level[1]])
    if not (said & (PRONOUN_SUBJECTS | NEAR_PRONOUNS | BACK_HEADS)):
        return ""
    j = pos + 1
    if j + 2 >= len(words) or words[j] != "," or words[j + 1] not in ("a", "an"):
        return ""
    hit = d.v.direction.starting_at(words, j + 2)
    if hit is None or hit[1] >= len(words) or words[hit[1]] != "of" or d.fact_at(si, hit[1] + 1) < 0:
        return ""
    return hit[0]


def _owned_subject(words: Sequence[str], lo: int, at: int) -> bool:
    """The clause before the figure at ``at`` has "its" or "their" and a noun right before its verb ("On
    Thursday its share climbed to"): the subject points back to its owner's figure."""
    for k in range(lo, min(at, len(words)) - 2):
        if words[k] in _OWNERS and words[k + 1].isalpha():
            return True
    return False


def _to_without_from(d: _Doc) -> Iterator[Relation]:
    """ "In 2023 sales were 20,000. In 2024 they rose 30% to 25,000.", "… 64% of users in 2015;
    this has slipped to 58% now": a figure reached ("rose to", "has dropped to") with no "from" in its
    clause starts from the last figure of the same thing, found through a pronoun or the same noun."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            bi = tok.fact
            if bi < 0:
                continue
            # "dropped to approximately 76 percent"; "edged up to 4.4%" is the level reached, no bound
            at = d.hedge_start(si, pos)
            moved = ""
            if at > 0 and words[at - 1] != "to":
                moved = _level_then_move(d, si, at, pos)
                if not moved:
                    continue
            if at == 0:
                continue
            b = d.facts[bi]
            if b.kind not in ("count", "number", "money", "percent", "measure") or b.is_range or b.value is None:
                continue
            lo = max(d.m.clause_start(si, pos), pos - WINDOW_TO)
            if "from" in words[lo:pos] or _has_from_after(d, si, pos):
                continue
            pos_to = at - 1
            direction = moved or _clause_direction(d, si, pos)
            if not direction:
                continue
            said = set(words[lo:pos])
            # "they", "it" may point to the sentence before; "this", "that" only inside their sentence;
            # "its share", "their total": the owner's own figure told before.
            concept = _subject_concept(d, bi)
            # ("its annual revenue rose to $193bn": a thing of its own, met by its concept, not by "its")
            owned = _owned_subject(words, lo, at) and (not concept or concept in BACK_HEADS)
            pronoun = bool(said & PRONOUN_SUBJECTS) or bool(said & NEAR_PRONOUNS) or owned
            if pronoun and concept in said:
                concept = ""  # the subject is the pronoun itself
            # "by 2024 the number had doubled to 12 million": a head that names no thing points back too.
            head = _back_head(d, si, lo, pos) if not concept or concept in BACK_HEADS else -1
            generic = head >= 0
            if generic:
                pronoun, concept = True, ""
            # "Since then this has been cut to 4.9bn": a sentence opening on "this" points back too.
            opening = _opening_pronoun(words, d.m.clause_start(si, pos))
            ai = _level_told_after(d, si, pos, b)
            if ai < 0:
                ai = _earlier_same(
                    d,
                    si,
                    head - 1 if generic else lo,
                    b,
                    concept,
                    pronoun,
                    not (said & PRONOUN_SUBJECTS) and not owned and not opening and not generic,
                    bi,
                )
            if ai < 0:
                ai = _then_after(d, si, b, concept)
            if ai < 0:
                ai = _frame_then(d, bi)
            if ai < 0 or _kinds_apart(d, ai, si, lo, pos) or _parallel_clause(d, ai, si, pos):
                continue
            stated = _stated(d, si, bi, bi)
            evidence = "sentence" if d.facts[ai].sentence == si else "document"
            rel = _change(d, si, bi, bi, (d.span(si, pos_to, pos_to + 1),), direction, stated)
            roles = tuple((r, ai if r == "from" else i) for r, i in rel.roles)
            yield Relation("change", roles, rel.cues, evidence, rel.labels)


def _from_without_to(d: _Doc) -> Iterator[Relation]:
    """ "Inflation rose to 3.4% in May. The rate was up from 3.1% in April, a rise of 0.3%": a clause that
    tells only where a figure came from ("was up from", "has fallen from") of a subject that points back
    ("it", "the rate", "the figure", or the thing's own name) ends at the level told of it just before.
    The newer end is the nearest figure of the older one's family before the clause (in its sentence or
    the one before) that names that thing or that the pronoun points at; the stated change is read from
    the older end's clause (", a rise of 0.3%")."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            ai = tok.fact
            if ai < 0 or pos < 2:
                continue
            at = d.hedge_start(si, pos)
            if at < 2 or words[at - 1] != "from":
                continue
            hit = d.v.direction.ending_at(words, at - 1)
            if hit is None:
                continue
            a = d.facts[ai]
            if a.kind not in ("count", "number", "money", "percent", "measure") or a.is_range or a.value is None:
                continue
            lo = d.m.clause_start(si, pos)
            verb = hit[1]  # where the direction phrase starts
            if any(toks[k].fact >= 0 and same_family(d.facts[toks[k].fact], a) for k in range(lo, pos)):
                continue  # "25,000, up from 20,000": the newer end is in the clause
            if _has_to_after(d, si, pos, a):
                continue  # "rose from 20,000 to 25,000"
            said = set(words[lo:verb])
            pronoun = bool(said & PRONOUN_SUBJECTS) or bool(said & (BACK_HEADS | RATE_HEADS))
            concept = "" if pronoun else _subject_concept(d, ai)
            if not pronoun and not concept:
                continue
            if a.kind in ("count", "number") and (d.m.frame(ai).concept == "sold" or concept in d.v.money_concepts):
                # "sold a record 412,000 tickets ... Sales were up from 381,500": what was sold, by its verb
                bi = _sold_before(d, si, lo, a)
            else:
                bi = _earlier_same(d, si, lo, a, concept, pronoun, False, ai)
            if bi < 0 or d.m.by_fact.get(bi) is None or d.m.by_fact[bi].direction and not _reached(d, bi):
                continue  # "fell 0.3%": a move, not a level
            if pronoun and d.m.by_fact[bi].roles & {"remainder", "part", "another"}:
                continue  # "... accounted for the remaining 165. The figure was up from 1,187": the whole's, not the rest's
            stated = _stated(d, si, ai, ai)
            cue = d.span(si, at - 1, at)
            rel = _change(d, si, ai, bi, (cue,), hit[0], stated)
            evidence = "sentence" if d.facts[bi].sentence == si else "document"
            yield Relation("change", rel.roles, rel.cues, evidence, rel.labels)


# Sentences back that a count told sold may stand before "Sales were up from N" (a paragraph of other
# figures may come between: "sold a record 412,000 tickets ... ¶ ... ¶ Sales were up from 381,500").
SOLD_BACK = 4


def _sold_before(d: _Doc, si: int, lo: int, a: Fact) -> int:
    """The one count told with a verb of selling ("has sold a record 412,000 tickets") in the ``SOLD_BACK``
    sentences before token ``lo`` of sentence ``si``, else -1 (none, or two that differ)."""
    found: list[int] = []
    for s2 in range(max(0, si - SOLD_BACK), si + 1):
        toks, words = d.m.tokens[s2], d.m.words[s2]
        for k in range(lo if s2 == si else len(toks)):
            bi = toks[k].fact
            if bi < 0 or not same_family(d.facts[bi], a) or d.facts[bi].is_range or d.facts[bi].value is None:
                continue
            h = d.hedge_start(s2, k)
            j = h - 1
            while j >= 0 and toks[j].fact < 0 and words[j] in ("a", "record", "new", "total", "of", "the", "its"):
                j -= 1
            if j >= 0 and words[j] in _SELLING:
                found.append(bi)
    values = {d.facts[b].value for b in found}
    return found[-1] if len(values) == 1 else -1


# Verbs of selling right before a count of what was sold (past a hedge and "a record").
_SELLING = frozenset({"sold", "sells", "sell", "selling"})


# Heads of a subject that stand for a rate told just before: "The rate was up from 4.7%".
RATE_HEADS = frozenset({"rate", "level", "share", "proportion"})


def _reached(d: _Doc, fi: int) -> bool:
    """The figure is a level reached ("rose to 3.4%"), not a move ("rose 0.3%")."""
    si, pos = d.pos_of(fi)
    k = d.hedge_start(si, pos)
    return k > 0 and d.m.words[si][k - 1] in ("to", "at")


def _has_to_after(d: _Doc, si: int, pos: int, a: Fact) -> bool:
    """A "to" and a figure of ``a``'s family follow the figure at ``pos`` in its clause."""
    words = d.m.words[si]
    hi = d.m.clause_end(si, pos)
    for k in range(pos + 1, min(hi, pos + 1 + NOUN_PHRASE_SKIP + 2)):
        if words[k] == "to":
            bi = d.figure_after(si, k + 1)
            return bi >= 0 and same_family(d.facts[bi], a)
    return False


def _kinds_apart(d: _Doc, ai: int, si: int, lo: int, pos: int) -> bool:
    """The earlier figure's noun and the subject of the move to the figure at ``pos`` name one thing with
    different words before it ("needs 135,000 new donors" … "the number of active donors fell to 780,000"):
    two quantities, no change from one to the other."""
    am = d.m.by_fact.get(ai)
    said = (am.noun or "").split() if am is not None else []
    if len(said) < 2:
        return False
    head, kind = said[-1], said[-2]
    words = d.m.words[si]
    for k in range(max(lo, 1), pos):
        if words[k] == head:
            before = words[k - 1]
            return before.isalpha() and before not in _NOT_KINDS and before != kind
    return False


# Words before a noun that name no kind of it ("the donors", "its staff", "number of donors").
_NOT_KINDS = frozenset("the of its their a an all total those these his her our this that".split())


def _parallel_clause(d: _Doc, ai: int, si: int, pos: int) -> bool:
    """The earlier figure is told in sentence ``si`` before a contrast word ("while", "whereas") whose clause
    names a place or kind of its own before its move to the figure at ``pos``: "House prices in London fell
    2% to £520,000, while in the north-west they rose 4% to £210,000" tells two levels side by side, no
    move from one to the other ("while in 2023 they rose" names only a time: one thing moving on)."""
    s2, k = d.pos_of(ai)
    if s2 != si or k >= pos:
        return False
    words = d.m.words[si]
    c = next((j for j in range(k + 1, pos) if words[j] in _PARALLEL_JOINS), -1)
    if c < 0:
        return False
    first = set(words[d.m.clause_start(si, k) : k])
    for j in range(c + 1, pos):
        if d.v.direction.starting_at(words, j) is not None:
            return False  # the move's verb: no word of a place or kind of its own before it
        w = words[j]
        if w in BACK_HEADS:
            return False  # "; by December the number had doubled to": the figure before, moved on
        if w in MONTHS or w.capitalize() in WEEKDAYS:
            continue  # "by December", "on Monday": a time
        if w[:1].isalpha() and w not in first and w not in _PARALLEL_PLAIN and not _frame_at(d, si, j):
            return True  # "in the north-west", "for detached homes", "Spanish sales", "by sea"
    return False


# Words of a contrast clause before its verb that name no place or kind of its own ("while in 2023 they",
# "but in the second half it").
_PARALLEL_PLAIN = frozenset(
    "in on at for of by over during among across the a an its their his her our this that these those they it "
    "there then now since meanwhile however also still year years first second third fourth final half "
    "quarter month week has have had is are was were been will would".split()
)


def _back_head(d: _Doc, si: int, lo: int, pos: int) -> int:
    """ "the number had doubled to", "that figure had risen to", ", a figure that has doubled to": where a
    subject whose head names no thing, standing for the figure told before, starts; -1 if none."""
    words = d.m.words[si]
    for x in range(max(lo, 1), pos):
        if words[x] not in BACK_HEADS or words[x + 1 : x + 2] in (("of",), ("for",), ("in",), ("on",)):
            continue  # "the number of people in work rose to", "the number in employment": its thing after it
        if words[x - 1] in NEAR_PRONOUNS or words[x - 1] == "the":
            return x - 1
        if words[x - 1] == "a" and words[x + 1 : x + 2] in (("that",), ("which",)):
            return x - 1
    return -1


def _said_changes(d: _Doc) -> Iterator[Relation]:
    """ "... only a fifth of members backed it. That is down on the previous poll, when it was
    26%.", "Turnout was 52%, which is up on 2019, when it stood at 58%": a change told of the figure
    before it (the nearest of a family that compares, in its sentence or the one before), from the
    figure its own clause gives after the direction word."""
    for si, words in enumerate(d.m.words):
        for k, w in enumerate(words):
            if w not in d.v.said_change_subjects or (k > 0 and words[k - 1] not in (",", "and", "but")):
                continue
            at = _said_direction(d, si, k + 1)
            if at is None:
                continue
            direction, j = at
            ai = _figure_in_clause_after(d, si, j)
            if ai < 0:
                continue
            bi = _figure_before(d, si, k, d.facts[ai])
            if bi < 0:
                continue
            cue = d.span(si, k, j)
            if _moves(d, ai, cue) or _moves(d, bi, cue):
                continue  # "That beat the spring quarter, when it slid 1.4%": changes, not levels
            evidence = "sentence" if d.facts[bi].sentence == si else "document"
            stated = _stated(d, si, ai, ai)  # "That was up from $1.9bn, a rise of 40%"
            if stated is not None and d.facts[stated[0]].kind in ("percent", "points", "share"):
                rel = _change(d, si, ai, bi, (cue,), direction, stated)
                yield Relation("change", rel.roles, rel.cues, evidence, rel.labels)
                continue
            labels = (("direction", direction),)
            yield Relation("change", (("from", ai), ("to", bi)), (cue,), evidence, labels)


def _moves(d: _Doc, fi: int, cue: Span) -> bool:
    """The figure has a direction word of its own (outside ``cue``): it is a change, not a level."""
    mm = d.m.by_fact.get(fi)
    if mm is None or not mm.direction:
        return False
    span = mm.direction_span
    return span is None or not (cue.start <= span.start and span.end <= cue.end)


def _said_direction(d: _Doc, si: int, k: int) -> tuple[str, int] | None:
    """After "this"/"which": a verb ("is", "marks"), up to two words ("a slight"), a direction word and
    the word that names the earlier figure ("from", "on"): (the direction, the index after that word)."""
    words = d.m.words[si]
    if k >= len(words) or words[k] not in d.v.said_change_verbs:
        return None
    for j in range(k + 1, min(len(words), k + 4)):
        hit = d.v.direction.starting_at(words, j)
        if hit and words[j] not in ("more", "less"):
            end = hit[1]
            if end < len(words) and words[end] in SAID_FROM:
                return hit[0], end + 1
            return None
        if not words[j].isalpha():
            return None
    return None


def _figure_in_clause_after(d: _Doc, si: int, j: int) -> int:
    """The first figure after ``j`` in the sentence (past years and other time figures), within reach."""
    toks = d.m.tokens[si]
    for k in range(j, min(len(toks), j + SAID_REACH)):
        if toks[k].text in (";", ".", "!", "?"):
            return -1
        fi = toks[k].fact
        if fi < 0 or d.facts[fi].kind in FRAME_KINDS:
            continue
        f = d.facts[fi]
        if f.kind in ("percent", "share", "count", "number", "money", "measure") and not f.is_range:
            return fi if f.value is not None else -1
        return -1
    return -1


def _figure_before(d: _Doc, si: int, k: int, like: Fact) -> int:
    """The nearest figure before token ``k`` (in its sentence, else the one before) that compares with
    ``like``: its family, or a share word against a percentage ("a quarter" against "15%")."""
    for s2, pos in d.m.previous_figures(si, k, back=1):
        fi = d.fact_at(s2, pos)
        f = d.facts[fi]
        words = d.m.words[s2]
        if f.kind in FRAME_KINDS or (f.kind == "ordinal" and words[pos + 1 : pos + 2] in _PERIOD_NOUNS):
            continue  # "in 2024", "in the first half"
        if pos > 0 and words[pos - 1] == "(" and f.kind == like.kind == "money" and not same_family(f, like):
            continue  # "$2.4bn (£1.9bn)": the conversion in brackets
        if f.is_range or f.value is None:
            return -1
        if same_family(f, like) or {f.kind, like.kind} == {"percent", "share"}:
            return fi
        return -1
    return -1


def _has_from_after(d: _Doc, si: int, pos: int) -> bool:
    words = d.m.words[si]
    j = skip_aside(d, si, pos + 1)
    if j + 1 < len(words) and words[j] == "per":
        j = skip_aside(d, si, j + 2)  # "to 36.75p per litre from 39.25p"
    if j < len(words) and words[j] == ",":
        j += 1
    return j < len(words) and words[j] in ("from", "compared", "against", "on", "versus", "vs")


def _opening_pronoun(words: Sequence[str], lo: int) -> bool:
    """The clause at ``lo`` opens its sentence with "this" or "that" and "has", after at most a linking
    word ("However, this has now been cut to ..."; not "That is because ...")."""
    k = 0
    if words[:1] and words[0] in OPENING_LINKS:
        k = 2 if words[1:2] == (",",) else 1
    return lo <= k and words[k : k + 1] != () and words[k] in NEAR_PRONOUNS and words[k + 1 : k + 2] in HAVE


def _included(d: _Doc, si: int, k: int) -> bool:
    """The figure at token ``k`` is an item of an "including" list in its clause, after a figure before it."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for x in range(k - 1, max(-1, d.m.clause_start(si, k) - 1), -1):
        if words[x] in ("including", "among"):
            return any(toks[y].fact >= 0 for y in range(0, x))
    return False


def _earlier_same(
    d: _Doc, si: int, lo: int, b: Fact, concept: str, pronoun: bool, same_only: bool, bi: int = -1
) -> int:
    """The nearest figure before token ``lo`` of sentence ``si`` (or in the sentence before, unless
    ``same_only``) of ``b``'s family and, unless a pronoun points at it, naming the same concept."""
    for s2 in (si,) if same_only else (si, si - 1):
        if s2 < 0:
            break
        toks = d.m.tokens[s2]
        top = lo if s2 == si else len(toks)
        for k in range(top - 1, max(-1, top - 1 - EARLIER_REACH), -1):
            ai = toks[k].fact
            if ai < 0:
                continue
            a = d.facts[ai]
            if a.kind in FRAME_KINDS or a.kind == "multiple":
                continue
            if _scale_apart(a, b):
                continue  # "flew 4.8 million, with two leased aircraft. The total was up from 4.1 million"
            if not same_family(a, b) or a.is_range or a.value is None:
                if pronoun:
                    return -1  # the pronoun's antecedent is the nearest figure; it is another quantity
                continue
            if s2 < si and _included(d, s2, k):
                continue  # "412 schools were closed, including 187 in A and 96 in B. By Thursday the number had
                # dropped to 260": the items of "including" are parts, the number their whole
            am = d.m.by_fact.get(ai)
            target = am is not None and bool(am.noun) and (am.noun or "").split()[-1] in d.v.target_nouns
            if pronoun and am is not None and ("forecast" in am.roles or target):
                continue  # "3.8%, almost double the Bank's 2% target. It expects it to fall to 3.0%": the level, no target
            other = _subject_concept(d, ai)
            if bi >= 0 and not _holders_agree(d, ai, bi):
                return -1  # "Rival Shell made $17.5bn. It is raising its dividend to 8.5 cents": another holder's
            if pronoun and (not concept or not other or other == concept):
                return ai
            if concept and other == concept:
                return ai
            return -1
    return -1


def _level_before(d: _Doc, si: int, k: int, a: Fact) -> bool:
    """A figure of ``a``'s family told before token ``k`` in its sentence as a level, no move's size: the one
    a later "That" stands for ("has risen to 3,655, ..., a net gain of 243")."""
    toks = d.m.tokens[si]
    for pos in range(k - 1, -1, -1):
        fi = toks[pos].fact
        if fi >= 0 and same_family(d.facts[fi], a) and not d.move_size(fi) and not d.older_end(si, pos):
            return True
    return False


def _moved_amount(d: _Doc, si: int, k: int) -> bool:
    """The figure at token ``k`` is the amount of a move told as a noun: "a net gain of 243", "an increase
    of 400,000", "a rise of 160 on last year"."""
    if _move_noun_start(d, si, k) >= 0:
        return True
    words = d.m.words[si]
    j = d.hedge_start(si, k) - 1
    return j >= 1 and words[j] == "of" and words[j - 1] == "loss"  # "a loss of 40": no direction word, a move


def _scale_apart(a: Fact, b: Fact) -> bool:
    """One figure is written with a scale word ("4.1 million") and the other without, and they are a
    thousandfold apart: no two levels of one thing ("12 counties" is no later level of "1.4 million")."""
    if (_scale(a) == "") == (_scale(b) == "") or a.value is None or b.value is None:
        return False
    lo, hi = sorted((abs(a.value), abs(b.value)))
    return lo * SCALE_APART <= hi


# How far apart (times) a scaled and an unscaled figure are to be no two levels of one thing.
SCALE_APART = 1000


def _holders_agree(d: _Doc, a: int, b: int) -> bool:
    """Two figures' frames name one holder, or one of them names none; neither is a division's figure
    alone ("Sales in its paper business fell to 8.2bn" is no start of the group's "sales rose 2% to 6.1bn")."""
    if divided(d, a) != divided(d, b):
        return False
    ha, hb = d.m.frame(a).holder, d.m.frame(b).holder
    return not ha or not hb or same_holder(ha, hb)


def _older_then_stated(d: _Doc) -> Iterator[Relation]:
    """A level told now, then its older level bare in the next sentence with the change told after it:
    "The trust employs 2,300 nurses. Five years ago it had 1,900, a rise of about 21%"; "In 2019 there
    were 520, and numbers are up by almost 25% since then". The older figure names nothing of its own
    (its subject is "it", "there", "they") and is set at a time before the newer one's; the newer one is
    the one figure of its family in the sentence before that counts a thing and is told of now; the stated
    change is the first percentage with a way after the older figure in its sentence, and names no other
    thing ("the cost has grown 40%" is the cost's)."""
    for si in range(1, len(d.m.tokens)):
        toks = d.m.tokens[si]
        for pos, tok in enumerate(toks):
            ai = tok.fact
            if ai < 0:
                continue
            a, fa, ma = d.facts[ai], d.m.frame(ai), d.m.by_fact.get(ai)
            if a.kind not in ("count", "number", "money") or a.is_range or a.value is None or ma is None:
                continue
            if fa.concept or ma.noun or not fa.period or ma.direction or ma.roles:
                continue
            ci, ci_pos, direction = -1, -1, ""
            for k in range(pos + 1, len(toks)):
                fk = toks[k].fact
                if fk < 0 or d.facts[fk].kind in FRAME_KINDS:
                    continue
                mk = d.m.by_fact.get(fk)
                if d.facts[fk].kind == "percent" and mk is not None and mk.direction and not d.facts[fk].is_range:
                    if a.kind != "money":  # (a sum's older level is read with the amount moved only)
                        ci, ci_pos, direction = fk, k, mk.direction
                elif mk is not None and mk.direction and same_family(d.facts[fk], a):
                    # "it had been £318m, so profits rose by £94m, or nearly 23%": the amount moved, then its rate
                    rate = _rate_after_amount(d, si, k)
                    if rate >= 0:
                        ci, ci_pos, direction = rate, d.pos_of(rate)[1], mk.direction
                break  # the first figure after the older level, whatever it is
            if ci < 0:
                continue
            bi = _now_level_before(d, si, ai, fa.period.startswith("-"))
            if bi < 0 or fa.mood or not _before_now(d, fa.period, d.m.frame(bi).period, ai, bi):
                continue
            said = _stated_concept(d, ci)
            if said and said != d.m.frame(bi).concept and said not in GENERIC_HEADS:
                continue
            cue = d.span(si, pos + 1, ci_pos + 1)
            yield Relation(
                "change", (("from", ai), ("to", bi), ("stated", ci)), (cue,), "document", (("direction", direction),)
            )


def _rate_after_amount(d: _Doc, si: int, k: int) -> int:
    """The percentage told as the rate of the amount moved at token ``k``: ", or nearly 23%", "(23%)";
    else -1."""
    fi = d.percent_beside(si, k)
    if fi < 0:
        return -1
    before = d.m.words[si][d.hedge_start(si, d.pos_of(fi)[1]) - 1]
    return fi if before in ("or", "(") else -1


def _before_now(d: _Doc, a: str, b: str, ai: int, bi: int) -> bool:
    """Period ``a`` is before ``b``, where a level told with no time (``b`` "") is of now: a year before
    the reporting date's (any year, without one) is before it."""
    if _told_earlier(d, a, b, ai, bi):
        return True
    if b not in ("", "now") or not a.isdigit():
        return False
    when = d.view.reporting_date
    return when is None or int(a) < when.year


def _now_level_before(d: _Doc, si: int, ai: int, dated: bool = False) -> int:
    """The one figure of ``ai``'s family in the sentence before that counts a thing and is told of now (or,
    with ``dated``, of a year: "Profit for 2024 was £412m. A year earlier it had been £318m")."""
    a = d.facts[ai]
    found = [
        bi
        for tok in d.m.tokens[si - 1]
        if (bi := tok.fact) >= 0
        and same_family(d.facts[bi], a)
        and not d.facts[bi].is_range
        and d.facts[bi].value is not None
        and d.m.frame(bi).concept
        and d.m.frame(bi).concept not in GENERIC_HEADS
        and (d.m.frame(bi).period in ("", "now") or dated and d.m.frame(bi).period.isdigit())
        and not d.m.frame(bi).mood
    ]
    return found[0] if len(found) == 1 else -1


def _versus_year(d: _Doc) -> Iterator[Relation]:
    """ "8.42 million barrels in 2018, 21% higher than in 2017" … "In 2017, output came to 6.96
    million barrels": a stated change against a year whose figure the text gives elsewhere."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            ci = tok.fact
            if ci < 0 or d.facts[ci].kind != "percent":
                continue
            hit = d.v.direction.starting_at(words, pos + 1)
            if not hit or words[hit[1] : hit[1] + 1] != ("than",):
                continue
            k = hit[1] + 1
            if k < len(words) and words[k] == "in":
                k += 1
            yi = d.fact_at(si, k)
            iso = d.facts[yi].iso if yi >= 0 and d.facts[yi].kind == "year" else None
            if not iso:
                continue
            year = iso[:4]
            # The newer figure: the nearest amount before the stated change in its clause.
            bi = next(
                (
                    toks[b].fact
                    for b in range(pos - 1, max(d.m.clause_start(si, pos), pos - STATED_REACH) - 1, -1)
                    if toks[b].fact >= 0 and d.facts[toks[b].fact].kind in ("count", "number", "money", "measure")
                ),
                -1,
            )
            if bi < 0:
                continue
            ai = _figure_in_year(d, si, year, d.facts[bi], bi)
            if ai < 0:
                continue
            cues = (d.span(si, pos + 1, k + 1),)
            yield Relation(
                "change", (("from", ai), ("to", bi), ("stated", ci)), cues, "document", (("direction", hit[0]),)
            )


def _figure_in_year(d: _Doc, si: int, year: str, like: Fact, not_this: int) -> int:
    """A figure of ``like``'s family whose clause is set in ``year``, within two sentences of ``si``."""
    for s2 in sorted(range(max(0, si - 2), min(len(d.m.tokens), si + 3)), key=lambda x: abs(x - si)):
        for tok in d.m.tokens[s2]:
            fi = tok.fact
            if fi < 0 or fi == not_this:
                continue
            f = d.facts[fi]
            if f.is_range or f.value is None or not same_family(f, like) or f.kind in FRAME_KINDS:
                continue
            if d.m.by_fact[fi].frame == year:
                return fi
    return -1


def _comparisons(d: _Doc) -> Iterator[Relation]:
    """A comparison word between two figures of one family: "5.1%, just under the regional average
    of 5%", "spending of $3bn ... is well below his promise of $2bn", "the Greens lead the Liberals by
    27% to 31%". The second figure follows the word closely; the first is the nearest before it."""
    comparison = d.v.comparison
    for si in range(len(d.m.tokens)):
        words = d.m.words[si]
        after = 0
        for j in comparison.starts_in(words):
            if j < after:
                continue  # inside the comparison phrase read last
            hit = comparison.starting_at(words, j)
            if not hit or (j > 0 and words[j - 1] in ("a", "an", "the")):
                continue
            order, after = hit
            if words[j] in _causal() and after < len(words) and words[after] == "to":
                continue  # "15% of complaints led to a warning": a cause, no lead
            rel = _comparison_at(d, si, j, after, order)
            if rel is not None:
                yield rel


@functools.cache
def _causal() -> frozenset[str]:
    """Comparison words that tell a cause before "to": ``[comparison] causal_before_to``."""
    return frozenset(_toml("vocab.toml")["comparison"]["causal_before_to"])


# Words of a yardstick named before "of" and its figure: "the long-term average of 72mm", "the record of 22".
YARDSTICK_WORDS = 2


def _past_yardstick_noun(d: _Doc, si: int, m: int) -> int:
    """Past a yardstick's noun and "of" at token ``m`` ("long-term average of", "previous record of"), up to
    ``YARDSTICK_WORDS`` words; else ``m``."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(m, min(len(words) - 1, m + YARDSTICK_WORDS)):
        if toks[k].fact >= 0 or not words[k][:1].isalpha():
            return m
        if words[k] in d.v.compared_nouns and words[k + 1] == "of":
            return k + 2
    return m


def _elided_owner(d: _Doc, si: int, bi: int, bm: Mention) -> bool:
    """The figure after the comparison word is another holder's, its noun left out: "an average of 96.3 was
    higher than Voss's 97.8" (the same measure, its noun given once)."""
    _, pos = d.pos_of(bi)
    words = d.m.words[si]
    nxt = words[pos + 1] if pos + 1 < len(words) else "."
    return (
        not bm.concept and pos > 0 and words[pos - 1].endswith("'s") and (not nxt[:1].isalpha() or nxt in _AFTER_ELIDED)
    )


# Words after an owner's figure that leave its noun out ("Ryan's 44.1 over the season").
_AFTER_ELIDED = frozenset("over in at for on this last during across and but while with".split())


def _yardstick(d: _Doc, si: int, after: int, bi: int) -> bool:
    """The figure after a comparison word is named by a noun that counts no thing of its own ("beating the
    previous total of 230", "outstripping the record of 33,500"): it is compared with the figure before,
    whatever that one counts."""
    words = d.m.words[si]
    return any(words[x] in d.v.compared_nouns for x in range(after, d.pos_of(bi)[1]))


# Pronouns a comparison word may take as its object for the holder of the sentence before.
_OBJECT_PRONOUNS = frozenset({"them", "it", "him", "her"})


def _pronoun_rival(d: _Doc, si: int, after: int) -> int:
    """ "Blue tits were third, at 2.3 birds per garden. Blackbirds, on 2.1, were just ahead of them": a
    pronoun right after the comparison word, closing its clause, stands for the holder of the sentence
    before; its figure is that sentence's one amount. Else -1."""
    words = d.m.words[si]
    if si == 0 or after >= len(words) or words[after] not in _OBJECT_PRONOUNS:
        return -1
    if after + 1 < len(words) and words[after + 1] not in CLAUSE_END and words[after + 1] != ",":
        return -1  # "ahead of them in the table by 3 points": more is told of the comparison
    found = [t.fact for t in d.m.tokens[si - 1] if t.fact >= 0 and d.facts[t.fact].kind in AMOUNTS]
    if len(found) > 1:
        # "The survey of 1,204 adults puts Maddox on 34%. Quinn, on 26%, leads him": the amount of the
        # family of the figure compared, the one told before the comparison word in its sentence
        toks = d.m.tokens[si]
        own = next((toks[k].fact for k in range(after - 1, -1, -1) if toks[k].fact >= 0), -1)
        if own >= 0:
            found = [fi for fi in found if same_family(d.facts[fi], d.facts[own])]
    return found[0] if len(found) == 1 else -1


@functools.cache
def _bases() -> PhraseTable:
    return PhraseTable.build((p, "base") for p in _toml("vocab.toml")["comparison"]["base_before"])


def _base_of(d: _Doc, si: int, k: int) -> bool:
    """The figure at token ``k`` is the base another figure of its clause is told on ("a loss of $52m on
    sales of $610m"; ``[comparison] base_before``), never the side of a comparison after it."""
    h = d.hedge_start(si, k)
    hit = _bases().ending_at(d.m.words[si], h)
    return hit is not None and any(d.m.tokens[si][x].fact >= 0 for x in range(max(0, hit[1] - BASE_REACH), hit[1]))


# Tokens before "on sales of" that the figure told on that base may stand in ("a loss of $52m (£41m) on").
BASE_REACH = 6


_TIME_PREPS = frozenset({"in", "on", "at", "during", "over"})


def _comparison_at(d: _Doc, si: int, j: int, after: int, order: str) -> Relation | None:
    words = d.m.words[si]
    toks = d.m.tokens[si]
    if words[j] in ("over", "under") and _time_span_at(d, si, after):
        return None  # "risen 0.4% over the quarter": a stretch of time, not a comparison
    # "lead the Liberals by 27% to 31%": both figures after the word.
    framed = after
    if after + 1 < len(words) and words[after] in _TIME_PREPS and toks[after + 1].fact >= 0:
        framed = after + 1  # "2.3% lower than in October to December, compared with a 1.1% fall": a time
    while framed < len(words) and toks[framed].fact >= 0 and d.facts[toks[framed].fact].kind in FRAME_KINDS:
        framed += 1  # "well above 2003's 9.8%"
    if framed > after and (framed >= len(words) or words[framed] in CLAUSE_END or words[framed] == ","):
        return None  # "4.6% higher than a year earlier, down from 4.9%": compared with a time, the figure is a move
    k = framed
    timed = _durations_compared(d, si, j)

    def plain(k: int) -> bool:  # no figure, or a time that names the level ("the June average of 15.9C")
        if toks[k].fact < 0:
            return True
        kind = d.facts[toks[k].fact].kind
        return k > framed and kind in FRAME_KINDS and not (timed and kind == "duration")

    while k < len(words) and k - after <= COMPARE_HOLDER and plain(k) and words[k] not in CLAUSE_END:
        if words[k] in (")", "|"):
            return None  # "(target 300 MB, missed) | 1 MB": the bracket or table cell ends the comparison
        if words[k] in ("and", "but", "while"):
            return None  # "£73 less than the new rate and £12 below the current one": the figure after is another's
        # "a 40% chance of rain below average, a 35% chance of ...": the yardstick is told without a figure.
        if words[k] == "," and k > after and words[after] not in _OBJECT_PRONOUNS and _rival_figure(d, si, after) < 0:
            return None
        if words[k] == "by":
            ai = d.figure_after(si, k + 1)
            if ai >= 0:
                _, apos = d.pos_of(ai)
                if apos + 1 < len(words) and words[apos + 1] in ("to", "-"):
                    bi = d.figure_after(si, apos + 2)
                    if bi >= 0 and same_family(d.facts[ai], d.facts[bi]) and not _bare(d.facts[ai]):
                        return Relation(
                            "comparison", (("a", ai), ("b", bi)), (d.span(si, j, after),), "clause", (("order", order),)
                        )
            return None
        k += 1
    if framed == after and after < len(words) and toks[after].fact >= 0:
        return None  # "above 50%", "more than 500": a hedge on the figure, not a comparison
    bi = d.figure_after(si, k) if k < len(words) else -1
    rival = _rival_figure(d, si, after)
    if bi < 0 or (rival >= 0 and bi != rival):
        bi = rival
    pronoun = bi < 0
    if pronoun:
        bi = _pronoun_rival(d, si, after)
    if bi < 0:
        return None
    b = d.facts[bi]
    if b.kind not in AMOUNTS or b.is_range or b.value is None:
        return None
    # The first figure: the nearest one before the word, past frames ("during 2004") and asides.
    for back in range(j - 1, max(-1, j - COMPARE_REACH), -1):
        if words[back] in (";", ".", "!", "?", ":"):
            return _earlier_subject(d, si, j, after, bi, order)
        if words[back] in ("and", "but") and back + 1 < j and _verb_like(words[back + 1]):
            # "... 612m franc result and were well short": "were" has another subject
            return _earlier_subject(d, si, j, after, bi, order)
        if words[back] in _NEW_SUBJECT:
            return None  # "the Greens 8.9%, while parties below the 4% threshold": another subject compared
        ai = toks[back].fact
        if ai < 0:
            continue
        a = d.facts[ai]
        if a.kind in FRAME_KINDS and not (timed and a.kind == b.kind == "duration"):
            continue
        if back > 0 and words[back - 1] == "per":
            continue  # "90 offences per 1,000 residents, below the average of 95": the rate's base, not its level
        if _base_of(d, si, back):
            continue  # "a loss of $52m on sales of $610m, narrower than ...": the sales are the loss's base
        if back >= 2 and words[back - 1] == "(" and toks[back - 2].fact >= 0:
            continue  # "14,200 hectares (35,100 acres) ..., more than": the bracket converts the figure before
        if back == j - 1 and (is_gap(d, ai) or held_excess(d, si, back)):
            return None  # "second, 17 seconds behind in 2:06:58", "leaving it with 11 more than": a gap, no level
        if d.older_end(si, back):
            return None  # "added 1.3km to the previous mark of 46.9km, and beat the 47.8km forecast"
        if not same_family(a, b, bare_ok=True) and _rise_noun(d, *d.pos_of(bi)):
            continue  # "rose 2.2% to 150p, outpacing a 3.5% rise": the change, told before its level
        if _rise_noun(d, *d.pos_of(bi)) and b.kind == "percent" and not _rise_told(d, ai):
            return None  # "fell 2% to 150p, outperforming a 3.5% rise": a fall set against a rise
        if back == d.hedge_start(si, j) - 1 and _difference_of(d, si, back, ai, bi):
            return None  # "£13.1bn on groceries, £500m more than the £12.6bn": the gap, not a level
        phrase = " ".join(words[j:after])
        if a.kind == b.kind == "duration" and phrase not in d.v.comparison_better and phrase not in _LENGTH_WORDS:
            return None  # "third in 13:05.10, ahead of Haile in 13:02.44": a place, read by the overtaking reader
        if phrase in d.v.comparison_better and d.timed(ai):
            order = "below" if order == "above" else "above"  # "a time of 47.92 beat the record of 48.06"
        # A range before the word is judged whole ("grew 1.1-1.2%, ahead of the 1.4% forecast").
        if a.kind in _MEASURED and same_family(a, b) and (a.is_range or a.value is not None):
            return Relation(
                "comparison", (("a", ai), ("b", bi)), (d.span(si, j, after),), "clause", (("order", order),)
            )
        am, bm = d.m.by_fact.get(ai), d.m.by_fact.get(bi)
        if (
            _bare(a)
            and _bare(b)
            and am
            and bm
            and (
                (
                    am.concept
                    and (am.concept == bm.concept or _yardstick(d, si, after, bi) or _elided_owner(d, si, bi, bm))
                )
                or (
                    _no_concept(bm)
                    and (rival == bi or _named_level(d, si, back) or (am.concept and _elided_noun(d, si, bi)))
                    and _plain_count(d, ai)
                )
                or (pronoun and not am.concept)  # "Blackbirds, on 2.1, were just ahead of them": the level elided
            )
        ):
            return Relation(
                "comparison", (("a", ai), ("b", bi)), (d.span(si, j, after),), "clause", (("order", order),)
            )
        return None
    if j - COMPARE_REACH <= 0:
        return _earlier_subject(d, si, j, after, bi, order)  # no figure before the word in its sentence
    return None


# Words of a rival's name between a comparison word and the comma before "who" ("trailed its rival
# Eastway, which managed 64%"), and words between "who" and the rival's figure ("who have", "which managed").
RIVAL_NAME_WORDS = 6
RIVAL_VERB_WORDS = 2


def _rival_figure(d: _Doc, si: int, after: int) -> int:
    """The figure a rival named after a comparison word is told with in a relative clause: "above Bexley,
    who have 66", "trailed its rival Eastway, which managed 64.0%"; -1 when there is none, or when it is
    told of another time ("who had 66 at this stage last season")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    text = d.view.text
    k, named = after, False
    while k < len(words) and k - after < RIVAL_NAME_WORDS and toks[k].fact < 0:
        w = words[k]
        capital = text[toks[k].start : toks[k].start + 1].isupper()
        if capital and w.replace("-", "").replace("'", "").isalpha():
            named = True  # "Eastway", "Cross-Pennine Express"
        elif named or not w.isalpha() or w in CLAUSE_OPENERS or d.verb_like(w):
            break  # a lower-case word after the name, or no word of a noun phrase: "neighbouring operator" only before it
        k += 1
    if not named or k + 1 >= len(words) or words[k] != "," or words[k + 1] not in ("who", "which"):
        return -1
    j = k + 2
    while j < len(words) and j - k - 2 < RIVAL_VERB_WORDS and toks[j].fact < 0 and words[j].isalpha():
        if d.skip_hedge(si, j) > j:
            break  # "which has a total of 2.6 million", "who have about 40": the figure's own words
        j += 1
    if j == k + 2:
        return -1  # "Bexley, who 66": no verb of holding
    bi = d.figure_after(si, j)
    if bi < 0 or d.facts[bi].kind not in AMOUNTS or d.m.by_fact[bi].frame is not None:
        return -1
    _, bpos = d.pos_of(bi)
    end = d.m.clause_end(si, bpos)
    if any(d.fact_at(si, x) >= 0 and d.facts[d.fact_at(si, x)].kind in FRAME_KINDS for x in range(bpos + 1, end)):
        return -1  # "who had 66 in 2019": another time's figure
    if any(w in THEN_WORDS or w in ("season", "year") for w in words[bpos + 1 : end]):
        return -1
    return bi


# Comparison words that set two lengths of time apart by their size, not by a place in a race: "now takes
# 6 hours 10 minutes, longer than the 6 hours 45 minutes".
_LENGTH_WORDS = frozenset({"longer than", "shorter than", "more than", "less than"})
# Kinds a comparison sets side by side by their unit alone: "6 hours 10 minutes, longer than the 6 hours 45".
_MEASURED = frozenset({"percent", "money", "measure", "duration"})
# Words right after a bare "the N" that close it with its noun left out: a time, a clause's end, or the
# subject of a relative clause with "that" dropped ("the 1,180 in 2023", "the 1,380 it handled").
_AFTER_ELIDED_NOUN = frozenset("in at for during over last this a , . ; it they he she we".split())


def _durations_compared(d: _Doc, si: int, j: int) -> bool:
    """The nearest figure before the comparison word at ``j``, in its sentence, is a length of time: "won in
    2:24:10, quicker than", "now takes 6 hours 10 minutes, longer than". Such a length is a side compared, no
    time frame, when the figure after the word is one too."""
    toks = d.m.tokens[si]
    for back in range(j - 1, max(-1, j - COMPARE_REACH), -1):
        if toks[back].fact >= 0:
            return d.facts[toks[back].fact].kind == "duration"
    return False


def _elided_noun(d: _Doc, si: int, bi: int) -> bool:
    """The figure after a comparison word is told as "the N" with its noun left out, so it counts what the
    figure before it counts: "1,240 cases last year, fewer than the 1,180 in 2023"."""
    _, pos = d.pos_of(bi)
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    nxt = words[pos + 1] if pos + 1 < len(words) else "."
    return k > 0 and words[k - 1] == "the" and nxt in _AFTER_ELIDED_NOUN


def _named_level(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is named by a noun that counts no thing of its own: "Their total of 290",
    "the side's tally of 184" (``[comparison] compared_nouns``)."""
    k = d.hedge_start(si, pos)
    words = d.m.words[si]
    return k >= 2 and words[k - 1] == "of" and words[k - 2] in d.v.compared_nouns


def _plain_count(d: _Doc, ai: int) -> bool:
    """A count a rival's bare figure may be set against ("With 38 points, ... above Dunleigh, who have 41",
    "With 2.1 million users, Zentro has overtaken Pixa, which has 2.6 million"): the subject's own, never one
    told inside a relative clause ("Carrow, who have played 30 games, climbed above")."""
    si, pos = d.pos_of(ai)
    words = d.m.words[si]
    lo = d.m.clause_start(si, pos)
    return not any(w in ("who", "which", "whose") for w in words[lo:pos])


def _no_concept(m: Mention) -> bool:
    """The figure names no concept of its own, or only a pronoun ("the 150 they scored")."""
    return not m.concept or not m.noun or any(w in _PRONOUN_CONCEPTS for w in (m.concept, m.noun.split(" ")[0]))


_PRONOUN_CONCEPTS = frozenset("they it he she we you them".split())


def _rise_noun(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is the size of a rise told by an indefinite noun: "a 3.5% rise", "a 4.4%
    increase in imports"."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    hit = d.v.direction.starting_at(words, pos + 1)
    return k >= 1 and words[k - 1] in ("a", "an") and hit is not None and hit[0] == "up"


def _rise_told(d: _Doc, ai: int) -> bool:
    m = d.m.by_fact.get(ai)
    return m is not None and m.direction == "up"


# Words that open a clause with a subject of its own: a comparison after one is not the figure's before it.
_NEW_SUBJECT = frozenset({"while", "whereas", "whilst", "although", "though"})
# Words joining a clause that may tell another thing's move beside the first ("while in Spain they rose",
# "; by sea, they fell", "but in Spain they rose").
_PARALLEL_JOINS = _NEW_SUBJECT | {"but", ";"}


def _own_predicate(d: _Doc, si: int, k: int, near: int) -> bool:
    """Between tokens ``k`` and ``near`` an "and" opens a predicate of its own ("rose 9% and now account
    for 31%"): what moves before it is not what the figure after it measures."""
    words = d.m.words[si]
    for j in range(k + 1, near - 1):
        if words[j] == "and":
            n = j + 1
            while n < near and (words[n] in ("now", "still", "also", "then") or _frame_at(d, si, n)):
                n += 1  # "and now account for": "now" is a time of its own
            nxt = words[n] if n < near else ""
            if d.verb_like(nxt) or nxt in ("account", "accounts", "make", "makes", "represent", "represents"):
                return True
    return False


def _last_listed(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` closes a list of counts, each with its own noun, right after "and": "eight
    women and six men" (a name between, "and the Tories 15", makes it a holder's figure of its own)."""
    j = d.list_count_before(si, pos, ("and",), LIST_NOUN)
    return j >= 0 and j < d.hedge_start(si, pos) - 2


# Words of an item's own noun between its figure and "and" ("eight women and").
LIST_NOUN = 2


def _difference_of(d: _Doc, si: int, pos: int, ai: int, bi: int) -> bool:
    """The figure ``ai`` right before a comparison word is the difference between an earlier figure of its
    sentence (or the one before) and ``bi``: "spent £13.1bn, £500m more than the £12.6bn", "a crowd of 38,612 was 17,162
    higher than the previous record of 21,450"."""
    a, b = d.facts[ai], d.facts[bi]
    if a.value is None or b.value is None:
        return False
    earlier = [t.fact for t in d.m.tokens[si][:pos]]
    if si > 0:
        earlier += [t.fact for t in d.m.tokens[si - 1]]  # "A record crowd of 38,612 ... It was 17,162 higher"
    for zi in earlier:
        if zi < 0 or zi == ai:
            continue
        z = d.facts[zi]
        if z.value is None or z.is_range or not same_family(z, a, bare_ok=True):
            continue
        gap = abs(z.value - b.value)
        if gap and abs(gap - a.value) <= max(a.value, gap) * DIFFERENCE_SLACK:
            return True
    return False


# How near a figure must be to the gap between two others to be read as that gap (rounding: "£500m"
# for £13.1bn less £12.6bn).
DIFFERENCE_SLACK = Decimal("0.05")


def _name_parts(words: Iterable[str]) -> frozenset[str]:
    """Words of names without their possessive, and the parts of hyphenated names: "Mercedes'" and
    "Mercedes-Benz's" share "mercedes"."""
    out: set[str] = set()
    for w in words:
        w = w.removesuffix("'s").removesuffix("'")
        out.add(w)
        if "-" in w:
            out.update(p for p in w.split("-") if p)
    return frozenset(out)


def _time_span_at(d: _Doc, si: int, k: int) -> bool:
    """ "the quarter", "the past five years", "a decade", "2004": a time frame starts at token ``k``."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    for j in range(k, min(len(words), k + 4)):
        if toks[j].fact >= 0:
            return d.facts[toks[j].fact].kind in FRAME_KINDS
        if words[j] in FRAME_NOUNS:
            return True
        if words[j] not in FRAME_WORDS:
            return False
    return False


def _earlier_subject(d: _Doc, si: int, j: int, after: int, bi: int, order: str) -> Relation | None:
    """ "Its profits slid to 20m euros. ... Mercedes' profits ... were well below expectations of 14m
    euros": no figure before the word in its clause, so the subject's latest figure stands for it."""
    words = d.m.words[si]
    lo = d.m.clause_start(si, j)
    known = [w for w in words[lo:j] if w in d.v.concepts]
    if not known:
        return _told_before(d, si, j, after, bi, order, lo)
    concept = d.v.concepts[known[0]]
    names = _name_parts(words[lo:j])
    b = d.facts[bi]
    for s2 in range(si - 1, max(-1, si - SUBJECT_BACK - 1), -1):
        for tok in reversed(d.m.tokens[s2]):
            ai = tok.fact
            if ai < 0:
                continue
            a = d.facts[ai]
            if a.is_range or a.value is None or not same_family(a, b) or a.kind in FRAME_KINDS:
                continue
            if _subject_concept(d, ai) != concept or (d.m.by_fact[ai].roles & {"forecast"}):
                continue
            other = _name_parts(_names(d, ai))
            if other and not other & names:
                continue
            return Relation(
                "comparison", (("a", ai), ("b", bi)), (d.span(si, j, after),), "document", (("order", order),)
            )
    return None


# Sentences a back-reference ("The figure was ahead of ...") may reach over to find the figure it
# stands for, passing sentences without one.
BACK_REF_SENTENCES = 3
# Words a subject such as "the new GDP figure" may hold before the verb.
BACK_REF_WORDS = 5
_LEADING = frozenset("and but however yet so also".split())
# Words between such a subject and the comparison word: "The figure was also well ahead of", "was
# significantly less than".
_LINKING = frozenset(
    """also has had have was were is are been now still came significantly much far slightly considerably
    substantially markedly marginally somewhat""".split()
)


def _told_before(d: _Doc, si: int, j: int, after: int, bi: int, order: str, lo: int) -> Relation | None:
    """ "Output grew 2.6%. ... The figure was above the 2.2% the treasury had projected": a
    clause whose subject stands for the figure told before ("the figure", "that", "the new GDP
    reading") compares that figure, the latest of its family in the sentences before, with the one
    after the comparison word. Forecasts and figures already compared are passed over."""
    words = d.m.words[si]
    k = lo
    while k < j and (words[k] in _LEADING or words[k] == ","):
        k += 1
    # "The new GDP figure, announced on Friday, also topped": the subject stands before the aside.
    end = j
    if "," in words[k:j]:
        end = words.index(",", k)
    elif all(w in _LINKING for w in words[k:j]) and k > 0 and words[k - 1] == ",":
        k = 0
        end = words.index(",")
    # "This year's total was": a frame opening the subject ("this year's") stands as its determiner.
    toks = d.m.tokens[si]
    subject = [
        "the" if t.fact >= 0 and d.facts[t.fact].kind in FRAME_KINDS else w
        for w, t in zip(words[k:end], toks[k:end], strict=True)
        if w not in _LINKING
    ]
    ref = d.v.back_refs.starting_at(words, k)
    holder = _holder_subject(d, si, k, end, subject, after, bi)
    if not (
        (
            ref is not None
            and all(w in _LINKING or w in _degrees() for w in words[_past_source(d, si, ref[1], end) : end])
        )
        or (
            subject
            and len(subject) <= BACK_REF_WORDS
            and subject[0] in ("the", "this", "that", "its", "their", "his", "her", "our")
            and subject[-1] in d.v.back_heads
        )
        or holder
    ):
        return None
    b = d.facts[bi]
    looked = 0
    for s2 in range(si - 1, -1, -1):
        toks = d.m.tokens[s2]
        if not any(t.fact >= 0 and (not holder or same_family(d.facts[t.fact], b)) for t in toks):
            continue  # a holder's sentences count only when they tell a figure of its family
        looked += 1
        if looked > (HOLDER_SENTENCES if holder else BACK_REF_SENTENCES):
            return None
        if holder and looked > 1 and not _names_subject(d, s2, subject):
            return None  # "Northline also trailed": past the sentence before, only one that names it
        for pos in range(len(toks) - 1, -1, -1):
            ai = toks[pos].fact
            if ai < 0:
                continue
            a = d.facts[ai]
            if a.is_range or a.value is None or a.kind in FRAME_KINDS or not same_family(a, b):
                continue
            m = d.m.by_fact.get(ai)
            if m is None or m.roles & {"forecast"} or _compared(d, s2, pos) or d.older_end(s2, pos):
                continue  # "fell to 5.8% in June, from 6.1%": the older end is not the figure it stands for
            if _indefinite_move(d, s2, pos):
                continue  # "That is a 25% fall": the size of another figure's change, not a level
            if _aside_figure(d, s2, pos):
                continue  # "made 311 for eight from their 50 overs": the figure told first is the level
            if (d.move_size(ai) or _moved_amount(d, s2, pos)) and _level_before(d, s2, pos, a):
                continue  # "risen to 3,655, a net gain of 243. That is still below": the level reached, not the gain
            return Relation(
                "comparison",
                (("a", ai), ("b", bi)),
                (d.span(si, j, after), d.span(si, k, end)),
                "document",
                (("order", order),),
            )
    return None


@functools.cache
def _degrees() -> frozenset[str]:
    """Words of degree before a comparison word ("well short of", "just below"): ``[comparison] degrees``."""
    return frozenset(_toml("vocab.toml")["comparison"]["degrees"])


# Words of a holder's name standing as a whole subject ("Northline also trailed").
HOLDER_WORDS = 3
# Sentences with figures such a subject may reach back over: the one before, or the one before that when it
# names the holder ("Only 68.4% of Northline trains ... That was down from 72.9% ... Northline also trailed").
HOLDER_SENTENCES = 2


def _names_subject(d: _Doc, si: int, subject: list[str]) -> bool:
    """Sentence ``si`` names the subject, a name of one to three words."""
    if subject in (["it"], ["they"]):
        return False
    words = {w.removesuffix("'s") for w in d.m.words[si]}
    return all(w in words for w in subject)


def _holder_subject(d: _Doc, si: int, k: int, end: int, subject: list[str], after: int, bi: int) -> bool:
    """The clause's subject is the holder itself, a pronoun or a name, whose figure the sentence before told:
    "It was also below the 2.9 million who watched" (a link verb before the word), "It still lagged behind
    Westway, which managed 79.0%", "Northline also trailed its rival Eastway, which managed 64%" (another
    verb: the rival's figure must be told in a relative clause after its name)."""
    if not subject or len(subject) > HOLDER_WORDS or k >= end:
        return False
    words, toks = d.m.words[si], d.m.tokens[si]
    text = d.view.text
    if subject in (["it"], ["they"]):
        if k + 1 < len(words) and words[k + 1] in ("was", "is", "were", "are"):
            return True
    elif not all(
        toks[x].fact < 0 and words[x].isalpha() and text[toks[x].start : toks[x].start + 1].isupper()
        for x in range(k, end)
        if words[x] not in _LINKING
    ):
        return False
    return _rival_figure(d, si, after) == bi


# Words of a source's name after a subject standing for the figure just told ("from the Office for National
# Statistics").
SOURCE_WORDS = 6


def _past_source(d: _Doc, si: int, k: int, end: int) -> int:
    """Where the words naming who put a figure out, starting at token ``k`` and running up to the linking
    words before ``end``, end ("The figure from the statistics office was above": from "from" to "was",
    ``[attach] back_ref_sources``); ``k`` itself when there are none, when they hold a figure or a time
    ("the figure from a year earlier": another figure; a weekday or date after "on" tells when it came
    out) or when they name no body ("the figure from food shops"): a capitalised name or a word of
    ``[attach] back_ref_bodies`` must end them."""
    words = d.m.words[si]
    hit = d.v.back_sources.starting_at(words, k)
    if hit is None:
        return k
    j, last = hit[1], -1
    while j < end and words[j] not in _LINKING:
        fi = d.fact_at(si, j)
        if fi >= 0 and words[j - 1] == "on" and d.facts[fi].kind in ("weekday", "date"):
            j += 1
            continue  # "released by Eurostat on Tuesday"
        if words[j] in CLAUSE_END or words[j] == "," or fi >= 0 or d.v.frames.starting_at(words, j):
            return k
        if words[j] != "on":
            last = j
        j += 1
    if not hit[1] < j <= hit[1] + SOURCE_WORDS or last < 0:
        return k
    said = d.m.tokens[si][last]
    named = d.view.text[said.start : said.start + 1].isupper() or words[last] in d.v.back_bodies
    return j if named else k


# Prepositions that make a figure after an earlier one of its sentence an aside to it: "311 for eight from
# their 50 overs", "a stand of 148", "in 14 stores".
_ASIDE_OPENERS = frozenset("for from in of at over across per among between with".split())


def _aside_figure(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` follows a preposition (past "their", "its"), after another figure of its
    sentence: it tells where, what of or out of what, not the level a later subject points at."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = d.hedge_start(si, pos) - 1
    if k >= 0 and words[k] in POSSESSIVES:
        k -= 1
    if k < 0 or words[k] not in _ASIDE_OPENERS:
        return False
    return any(
        t.fact >= 0 and d.facts[t.fact].kind not in FRAME_KINDS and d.facts[t.fact].value is not None for t in toks[:k]
    )


def _indefinite_move(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is told as the size of a change by an indefinite change noun: "a 25% fall",
    "an increase of 11%"."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    if k >= 1 and words[k - 1] in ("a", "an") and d.v.direction.starting_at(words, pos + 1) is not None:
        return True
    if k >= 3 and words[k - 1] == "of":
        hit = d.v.direction.ending_at(words, k - 1)
        return hit is not None and hit[1] >= 1 and words[hit[1] - 1] in ("a", "an")
    return False


def _compared(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` follows a comparison word or a forecast verb closely ("above the 2.2% the
    treasury had projected"): it is the yardstick, not the figure a later clause speaks of."""
    words = d.m.words[si]
    for back in range(pos - 1, max(-1, pos - 4), -1):
        if d.v.comparison.ending_at(words, back + 1) is not None:
            return True
    return any(d.v.yardsticks.starting_at(words, k) for k in range(pos + 1, min(len(words), pos + 5)))


def _amount_and_share(d: _Doc) -> Iterator[Relation]:
    """ "Shares fell 12p, or 3%, to 380p", "shed 40 Swiss francs or 8% on the report to 460 Swiss
    francs": a change given as an amount and a percentage before the level it reached; its starting
    level is the level and the amount together (the judge works it out)."""
    for si, pos, xi, x in d.figures(frozenset({"money", "count", "number"})):
        words = d.m.words[si]
        before = d.v.direction.ending_at(words, pos - 1 if pos > 0 and words[pos - 1] == "by" else pos)
        if before is None:
            continue
        j = pos + 1
        cents = False
        while j < len(words) and j - pos <= 3 and words[j][0].isalpha() and words[j] not in ("or", "to"):
            cents = cents or words[j] in SMALL_COINS
            j += 1
        if x.kind != "money" and not cents:
            continue
        if j < len(words) and words[j] in _LINK_PUNCT:
            j += 1
        if j >= len(words) or words[j] != "or":
            continue
        pi = d.figure_after(si, j + 1, frozenset({"percent"}))
        if pi < 0:
            continue
        _, ppos = d.pos_of(pi)
        yi = _level_reached(d, si, ppos + 1)
        if yi < 0:
            continue
        y = d.facts[yi]
        if y.kind != "money" or (x.kind == "money" and not same_family(x, y)):
            continue
        start = before[1]
        labels = [("direction", before[0])]
        if cents:
            labels.append(("amount-unit", "hundredth"))
        roles = (("to", yi), ("stated", pi), ("amount", xi))
        yield Relation("change", roles, (d.span(si, start, pos),), "clause", tuple(labels))


# Tokens back from "up 4,200 to 5,100" that the stated percentage of its clause may stand.
UP_BY_BACK = 16


def _share_then_amount(d: _Doc) -> Iterator[Relation]:
    """ "Membership rose 31% last year, up 1,200 to 5,100": a percentage change and, later in its clause,
    "up/down A to B". Writers mean A as the amount moved (the start is B less A) and now and then as the
    start ("up 4,200 to 5,100" for "from 4,200"): the judge takes either reading (label ``amount-or-start``)."""
    for si, pos, xi, x in d.figures(frozenset({"money", "count", "number"})):
        words = d.m.words[si]
        if pos == 0 or words[pos - 1] not in ("up", "down"):
            continue
        if pos + 1 >= len(words) or words[pos + 1] != "to":
            continue
        yi = d.figure_after(si, pos + 2)
        if yi < 0 or d.pos_of(yi)[1] != pos + 2 + (words[pos + 2] in ("a", "an", "about", "around", "some")):
            continue
        y = d.facts[yi]
        if y.is_range or y.value is None or not same_family(x, y, bare_ok=True):
            continue
        way = "up" if words[pos - 1] == "up" else "down"
        pi = _stated_share_before(d, si, pos - 1, way)
        if pi >= 0:
            labels = (("direction", way), ("amount-or-start", "yes"))
            yield Relation(
                "change", (("to", yi), ("stated", pi), ("amount", xi)), (d.span(si, pos - 1, pos),), "clause", labels
            )


def _stated_share_before(d: _Doc, si: int, k: int, way: str) -> int:
    """The percentage change of ``way`` told before token ``k`` in its clause ("rose by 31% last year,
    up ..."), with no other amount between; or -1."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    for x in range(k - 1, max(-1, k - UP_BY_BACK), -1):
        if words[x] in CLAUSE_END:
            return -1
        fi = toks[x].fact
        if fi < 0 or d.facts[fi].kind in FRAME_KINDS:
            continue
        m = d.m.by_fact.get(fi)
        if d.facts[fi].kind != "percent" or m is None or m.direction != way:
            return -1
        return fi
    return -1


def _level_reached(d: _Doc, si: int, j: int) -> int:
    """The figure after "to" or "at" within a few words from ``j`` ("on the news to 1.90 dollars", "were up
    8p, or 1.3%, at 605p"), or -1."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    for k in range(j, min(len(words), j + LEVEL_REACH)):
        if words[k] in CLAUSE_END:
            return -1
        if toks[k].fact >= 0 and d.facts[toks[k].fact].kind not in FRAME_KINDS:
            return -1
        if words[k] in ("to", "at"):
            fi = d.figure_after(si, k + 1)
            return fi if fi >= 0 and not d.facts[fi].is_range and d.facts[fi].value is not None else -1
    return -1


def _multiple_then_levels(d: _Doc) -> Iterator[Relation]:
    """ "We have tripled the grant for carers, it was £40 a week when we took office, we have lifted
    it to £120 a week": a multiple word, then the level before ("it was A") and the level reached ("taken
    it up to B") told of the same thing, through pronouns, later in its sentence."""
    for si, toks in enumerate(d.m.tokens):
        yield from _levels_after_multiples(d, si, toks)


def _levels_after_multiples(d: _Doc, si: int, toks: Sequence[Token]) -> Iterator[Relation]:
    words = d.m.words[si]
    for pos, tok in enumerate(toks):
        mi = tok.fact
        if mi < 0 or d.facts[mi].kind != "multiple":
            continue
        m = d.facts[mi]
        value = d.v.multiples.get(m.text.lower()) or m.value
        if not value:
            continue
        end = min(len(words), pos + LEVELS_REACH)
        ai, apos = _level_then(d, si, pos + 1, end)
        if ai < 0:
            continue
        bi = _level_now(d, si, apos + 1, end, d.facts[ai])
        if bi < 0:
            continue
        labels = (("direction", "up" if value > 1 else "down"), ("multiple", m.text.lower()))
        roles = (("from", ai), ("to", bi), ("factor", mi))
        yield Relation("change", roles, (m.span,), "sentence", labels)


def _level_then(d: _Doc, si: int, j: int, end: int) -> tuple[int, int]:
    """ "it was 13 weeks", "they were £200": (the figure, its position) after a pronoun and a past verb."""
    words = d.m.words[si]
    for k in range(j, end - 2):
        if words[k] in SENTENCE_END:
            return -1, -1
        if words[k] in PRONOUN_SUBJECTS | NEAR_PRONOUNS | {"they"} and words[k + 1] in ("was", "were"):
            fi = d.figure_after(si, k + 2)
            if fi >= 0 and d.facts[fi].kind in AMOUNTS and not d.facts[fi].is_range and d.facts[fi].value:
                return fi, d.pos_of(fi)[1]
            return -1, -1
    return -1, -1


def _level_now(d: _Doc, si: int, j: int, end: int, like: Fact) -> int:
    """ "we have taken it up to 26 weeks": the figure after "to" with a pronoun object before it."""
    words = d.m.words[si]
    seen_pronoun = False
    for k in range(j, end - 1):
        if words[k] in SENTENCE_END:
            return -1
        if d.fact_at(si, k) >= 0 and d.facts[d.fact_at(si, k)].kind not in FRAME_KINDS:
            return -1
        if words[k] in ("it", "them", "they", "since"):
            seen_pronoun = True
        if words[k] == "to" and seen_pronoun:
            fi = d.figure_after(si, k + 1)
            f = d.facts[fi] if fi >= 0 else None
            if f is not None and same_family(f, like) and not f.is_range and f.value is not None:
                return fi
            return -1
    return -1


def _level_told_after(d: _Doc, si: int, pos: int, b: Fact) -> int:
    """ "jumped 12% to 340p, having closed at 310p on Friday": the level before the change, told later in
    its sentence after "having"/"after" and a verb of a level ("closed", "ended"), then "at" or "on"."""
    words, toks = d.m.words[si], d.m.tokens[si]
    end = min(len(words), pos + 1 + LEVEL_AFTER_REACH)
    k = pos + 1
    while k < end and words[k] not in d.v.level_openers:
        if words[k] in CLAUSE_END or toks[k].fact >= 0 and d.facts[toks[k].fact].kind not in FRAME_KINDS:
            return -1
        k += 1
    if k + 1 >= end or words[k + 1] not in d.v.level_verbs_before:
        return -1
    k += 2
    while k < end and words[k] not in ("at", "on"):
        if not (words[k] in FRAME_WORDS or toks[k].fact >= 0 and d.facts[toks[k].fact].kind in FRAME_KINDS):
            return -1
        k += 1  # "after ending last week at 1,050"
    if k + 1 >= end or words[k] not in ("at", "on"):
        return -1
    ai = toks[k + 1].fact
    if ai < 0:
        return -1
    a = d.facts[ai]
    if a.is_range or a.value is None or not same_family(a, b, bare_ok=True):
        return -1
    return ai


def _then_after(d: _Doc, si: int, b: Fact, concept: str) -> int:
    """ "Inflation eased to 2.5% in June. In May it had been 2.1%.", "Revenue jumped 35% to $50m. A year
    ago revenue was $40m.": the level before, told in the next sentence as what it had been, or set a
    year (a month, a quarter) before, of the same thing or through "it"/"they"."""
    if si + 1 >= len(d.m.tokens):
        return -1
    toks = d.m.tokens[si + 1]
    words = d.m.words[si + 1]
    for k, tok in enumerate(toks[:THEN_REACH]):
        fi = tok.fact
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.kind in FRAME_KINDS:
            continue
        if not same_family(f, b) or f.is_range or f.value is None:
            return -1
        lo = d.m.clause_start(si + 1, k)
        before = words[lo:k]
        # "That compared with $700m a year earlier": the figure just told, set against an earlier one.
        compared = bool(set(before) & COMPARED_WORDS) and bool(set(before) & NEAR_PRONOUNS)
        then = (
            "had" in before
            and "been" in before
            or any(_then_phrase(d, toks[x].fact) for x in range(lo, k))
            or (
                (compared or bool(set(before) & PRONOUN_SUBJECTS) and _link_before(words, k))
                and any(
                    _then_phrase(d, toks[x].fact)
                    for x in range(k + 1, min(d.m.clause_end(si + 1, k), k + 1 + THEN_AFTER_REACH))
                )
            )
        )
        if not then:
            return -1
        other = _subject_concept(d, fi)
        if set(before) & PRONOUN_SUBJECTS or compared or (concept and (other == concept or concept in before)):
            return fi
        return -1
    return -1


# Verbs that tell a level of a pointing subject: "It was 22.5% last year".
_LEVEL_LINKS = frozenset({"was", "were", "stood"})


def _link_before(words: Sequence[str], k: int) -> bool:
    """A verb that tells a level stands right before token ``k`` ("was 22.5%", "stood at 22.5%")."""
    j = k - 1 if k >= 1 and words[k - 1] != "at" else k - 2
    return j >= 0 and words[j] in _LEVEL_LINKS


def _frame_then(
    d: _Doc,
    bi: int,
    back: int = THEN_SENTENCES,
    ahead: int = THEN_SENTENCES,
    within: bool = False,
    base: int = -1,
    next_to: bool = False,
) -> int:
    """The older end of a level reached, told in a sentence beside it however it is worded: the one
    figure there whose frame has the same holder (or none), counts the same thing and is set at an
    earlier time, in the same mood and part of time ("Output doubled to 90,000 cars in 2024. The plant
    built 60,000 cars in 2023."); else -1. ``back`` and ``ahead`` sentences are read, and with ``within``
    the level's own sentence before it ("raised £3.2m in 2022 and £4.8m last year"); ``base``, the time
    figure a change is measured from ("up 30% on the previous quarter"), must be of the older end's kind
    of period; with ``next_to``, the period just before the level's (a change told with no base is
    on the period before)."""
    fb = d.m.frame(bi)
    b = d.facts[bi]
    concept = fb.concept if fb.concept and fb.concept not in GENERIC_HEADS else _pronoun_concept(d, bi)
    if not concept:
        return -1
    if base >= 0 and not _base_fits(d, base, fb.period):
        return -1
    si = b.sentence
    found = -1
    for s2 in range(max(0, si - back), min(len(d.m.tokens), si + ahead + 1)):
        if s2 == si and not within:
            continue
        for tok in d.m.tokens[s2]:
            ai = tok.fact
            if ai < 0 or ai == bi:
                continue
            if s2 == si and d.pos_of(ai)[1] > d.pos_of(bi)[1]:
                break
            a = d.facts[ai]
            if a.kind in FRAME_KINDS or a.is_range or a.value is None or not same_family(a, b):
                continue
            fa = d.m.frame(ai)
            # "The fleet will double to 300 aircraft by 2020. The airline now flies 110 aircraft.": a level
            # forecast starts from the level told of now.
            from_now = fb.mood == "forecast" and not fa.mood and fa.period in ("", "now") and fb.period != fa.period
            if fa.concept != concept and not _short_name(d, ai, bi):
                continue
            if not (from_now or _told_earlier(d, fa.period, fb.period, ai, bi)):
                continue
            if base >= 0 and not _base_fits(d, base, fa.period):
                continue
            if next_to and not _next_period(d, fa.period, fb.period, ai, bi):
                continue  # "1,250 members in 2021 … in 2023, up 30%": up on 2022, which is not told
            if next_to and not _told_alike(d, ai, bi):
                continue  # "spent £40m … spent £12m on roads", "its rival made", "£50m in Spain"
            if _cumulative(d, ai):
                continue  # "has raised £10m since 2015": a running total, not one year's level
            if fa.holder and fb.holder and not same_holder(fa.holder, fb.holder):
                continue
            if (
                (fa.mood != fb.mood and not from_now)
                or fa.part != fb.part
                or (fa.scope and fb.scope and fa.scope != fb.scope)
            ):
                continue
            if a.kind in ("percent", "points") and d.m.by_fact[ai].direction:
                continue  # "fell 0.3%": a move, not a level
            if _paired_in_clause(d, ai, bi):
                continue  # "sales were £44m, against £46m": an end of its own clause's comparison
            if found >= 0:
                return -1  # two earlier levels of it: which one is the change's is not said
            found = ai
    return found


def _pronoun_concept(d: _Doc, bi: int) -> str:
    """What a level counts when its clause's subject is "it" or "they" and names nothing: the concept of the
    last figure of its family told in the sentence before ("Profit was £1.84bn last year. This year it
    reached £2.21bn, a 30% rise"); else ""."""
    si, pos = d.pos_of(bi)
    if si == 0:
        return ""
    words = d.m.words[si]
    lo = d.m.clause_start(si, pos)
    said = {w.lower() for w in words[lo:pos]}
    if not said & PRONOUN_SUBJECTS and _back_head(d, si, lo, pos) < 0:
        return ""  # ("that share rose to": a head that points back, as "it" does)
    b = d.facts[bi]
    for tok in reversed(d.m.tokens[si - 1]):
        ai = tok.fact
        if ai >= 0 and d.facts[ai].kind not in FRAME_KINDS and same_family(d.facts[ai], b):
            concept = d.m.frame(ai).concept
            return concept if concept not in GENERIC_HEADS else ""
    return ""


def _short_name(d: _Doc, ai: int, bi: int) -> bool:
    """Figure ``ai`` is told of the head of ``bi``'s noun alone, as known: "The jobless rate rose to 6.4%."
    … "The rate was 6.1% in the previous three months" (the rate, named again by its last word)."""
    ma, mb = d.m.by_fact.get(ai), d.m.by_fact.get(bi)
    if ma is None or mb is None or not ma.noun or not mb.noun:
        return False
    short, full = ma.noun.lower().split(), mb.noun.lower().split()
    if len(short) != 1 or short == full:
        return False
    # The last word of the later noun or of a longer name of its concept ("inflation" → "inflation rate").
    concept = d.v.concept(mb.noun.lower())
    names = {p.split()[-1] for p, c in d.v.concepts.items() if c == concept and " " in p} if concept else set()
    if not ((len(full) > 1 and short[-1] == full[-1]) or short[-1] in names):
        return False
    si, pos = d.pos_of(ai)
    words = d.m.words[si]
    k = words.index(short[0]) if short[0] in words[:pos] else -1
    return k >= 1 and words[k - 1] in ("the", "its", "their")


def _paired_in_clause(d: _Doc, fi: int, but: int = -1) -> bool:
    """Another amount of the figure's family (other than ``but``) stands in its clause."""
    si, pos = d.pos_of(fi)
    toks = d.m.tokens[si]
    return any(
        toks[k].fact >= 0 and toks[k].fact not in (fi, but) and same_family(d.facts[toks[k].fact], d.facts[fi])
        for k in range(d.m.clause_start(si, pos), d.m.clause_end(si, pos))
    )


def _evidence(d: _Doc, ai: int, si: int) -> str:
    """ "sentence" for an older end told in the change's own sentence, else "document"."""
    return "sentence" if d.facts[ai].sentence == si else "document"


def _clause_done(d: _Doc, si: int, k: int) -> bool:
    """Nothing but a time phrase stands from token ``k`` to its clause's end ("a 30% increase.", "up 30%
    last year,")."""
    words = d.m.words[si]
    if k < len(words) and words[k] == "percentage":
        k += 1
    if (words[k],) in POINT_WORDS if k < len(words) else False:
        k += 1  # "a rise of six points"
    if tuple(words[k : k + 3]) in (("on", "the", "year"), ("year", "on", "year")):
        k += 3  # "an increase of 18% on the year": the year's change, said again
    k = _past_time_phrase(d, si, k)
    return k >= len(words) or words[k] in CLAUSE_END or words[k] in (",", ";")


# Nouns of a time phrase after an older level besides the frame nouns: "up from $4.1m last season", "from
# 5.9% last term" (not frame nouns everywhere: "the sixth season" is an ordinal's noun).
TIME_PHRASE_NOUNS = FRAME_NOUNS | frozenset({"season", "seasons", "term"})


# Prepositions of the span a move is told over, before "the" and a time noun and "from": "down 38p on the
# day from 440p", "up 12% over the year from 4,100".
SPAN_PREPOSITIONS = frozenset({"on", "over", "in", "during", "across"})
# Time nouns of a trading or reporting span not in ``FRAME_NOUNS`` ("on the day", "in the session").
SPAN_NOUNS = frozenset({"day", "session", "night"})


def _past_span_of_move(d: _Doc, si: int, k: int) -> int:
    """Past a span the move is told over when "from" and the older level follow it ("down 38p on the day from
    440p"), else ``k``."""
    words = d.m.words[si]
    if k + 3 >= len(words) or words[k] not in SPAN_PREPOSITIONS or words[k + 1] != "the":
        return k
    noun = words[k + 2]
    if (noun in TIME_PHRASE_NOUNS or noun in SPAN_NOUNS) and words[k + 3] == "from":
        return k + 3
    return k


def _past_time_phrase(d: _Doc, si: int, k: int) -> int:
    """The token after a time phrase starting at ``k`` ("in 2019", "last year", "in the same period", "the
    previous season"), or ``k`` when none starts there."""
    words, toks = d.m.words[si], d.m.tokens[si]
    j = k
    while j < len(words) and (
        words[j] in FRAME_WORDS
        or words[j] in TIME_PHRASE_NOUNS
        or toks[j].fact >= 0
        and d.facts[toks[j].fact].kind in FRAME_KINDS
    ):
        j += 1
    if j < len(words) and words[j] in EVENT_WORDS and j > k and words[j - 1] in THEN_WORDS:
        return j + 1  # "at the last election", "in the previous poll"
    return j if j > k and any(toks[x].fact >= 0 or words[x] in TIME_PHRASE_NOUNS for x in range(k, j)) else k


def _stated_at(d: _Doc, si: int, k: int) -> tuple[int, str, Span, int] | None:
    """A stated change told at token ``k`` after a comma and closing its clause (", a rise of seven
    points", ", up 30%", ", a 30% increase"): its figure, way, cue span and end; else None."""
    words = d.m.words[si]
    if k >= len(words) or words[k] not in _LINK_PUNCT:
        return None
    start = k = k + 1
    if k < len(words) and words[k] in ("a", "an"):
        k += 1
    hit = d.v.direction.starting_at(words, k)
    if hit is not None:
        direction, k = hit
        if k < len(words) and words[k] in ("by", "of"):
            k += 1
        ci = d.figure_after(si, k, STATED_KINDS)
        if ci < 0:
            return None
        end = d.pos_of(ci)[1] + 1
        if end < len(words) and words[end] in ("points", "point", "percentage"):
            end += 1 + (words[end] == "percentage")
        span = d.span(si, start, hit[1])
    else:
        ci = d.figure_after(si, k, STATED_KINDS)
        if ci < 0:
            return None
        after = d.v.direction.starting_at(words, d.pos_of(ci)[1] + 1)
        if after is None:
            return None
        direction, end = after
        span = d.span(si, d.pos_of(ci)[1] + 1, end)
    return (ci, direction, span, end) if _clause_done(d, si, end) or _and_said_of(d, si, end) else None


# Words that open what ", a rise of 1.5% and ..." goes on to say of the move itself.
_SAID_OF_OPENERS = frozenset({"the", "its", "their", "a", "an"})
# Words that open a relative clause said of the move itself: "a rise of 0.3% which surprised economists".
_RELATIVE_OPENERS = frozenset({"that", "which"})


def _and_said_of(d: _Doc, si: int, k: int) -> bool:
    """From token ``k`` the clause goes on to say something of the move with no figure of its own: "a
    rise of 1.5% and the sharpest since 2019", "a fall of 0.6 points and its lowest reading in a year",
    a relative clause, "an improvement of 2.7% that the board welcomed" (times aside); not "a rise of 2%
    and 3% in the city" or "a rise of 2% that took it to 9%", where another figure follows."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if k + 1 < len(words) and words[k] in _RELATIVE_OPENERS:
        pass  # "an improvement of 2.7% that the chief executive praised": a relative clause of the move
    elif k + 1 >= len(words) or words[k] != "and" or words[k + 1] not in _SAID_OF_OPENERS:
        return False
    end = d.m.clause_end(si, k)
    return all(toks[x].fact < 0 or d.facts[toks[x].fact].kind in FRAME_KINDS for x in range(k + 1, end))


def _told_alike(d: _Doc, ai: int, bi: int) -> bool:
    """Two levels told alike, beyond their times: the later one's holder, when it names one, the earlier's
    too, one place (or none), the same words of another holder
    ("its rival", "a sister charity") before each, and nothing said of the later one after its noun that
    is not said of the earlier ("£12m on roads", "£50m from exports")."""
    fa, fb = d.m.frame(ai), d.m.frame(bi)
    if fb.holder and not (fa.holder and same_holder(fa.holder, fb.holder)):
        return False  # "Leeds raised £3.2m in 2022. Last year York raised £4.8m, up 30%": York's own change
    return (
        fa.scope == fb.scope
        and _others(d, ai) == _others(d, bi)
        and _tail(d, bi) in ((), _tail(d, ai))
        and _owned_alike(d, ai, bi)
        and _kinds_alike(d, ai, bi)
    )


def _kinds_alike(d: _Doc, ai: int, bi: int) -> bool:
    """One measure of one kind: the measure words of the two clauses are the same ("pre-tax profit" and
    "net profit" are two), and the words that make a kind of the later level's noun ("online revenue",
    "240,000 adult visitors") are told in the earlier level's clause too."""
    concept = d.m.frame(bi).concept
    sets = []
    for fi in (ai, bi):
        si, pos = d.pos_of(fi)
        lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
        words = frozenset(d.m.words[si][lo:hi])
        sets.append((words, words & d.v.measure_modifiers, _kinds(d, si, concept, lo, hi)))
    (words_a, measure_a, _), (_, measure_b, kinds_b) = sets
    return measure_a == measure_b and kinds_b <= words_a


def _owned_alike(d: _Doc, ai: int, bi: int) -> bool:
    """What the later level's clause says is its holder's ("its shops raised £1.1m") is said before the
    earlier level too, or names what both count ("its sales reached"): a part's level is not the
    whole's."""
    si, pos = d.pos_of(bi)
    words = d.m.words[si]
    sa, pa = d.pos_of(ai)
    before = frozenset(d.m.words[sa][d.m.clause_start(sa, pa) : pa])
    concept = d.m.frame(bi).concept
    for k in range(d.m.clause_start(si, pos), pos - 1):
        if words[k] not in POSSESSIVES or d.m.tokens[si][k + 1].fact >= 0:
            continue
        w = words[k + 1]
        if w in before or w in FRAME_WORDS or w in d.v.neutral_modifiers or d.v.concept(w) == concept:
            continue
        return False
    return True


def _others(d: _Doc, fi: int) -> frozenset[str]:
    """The words of another holder ("rival", "sister") in the figure's clause before it."""
    si, pos = d.pos_of(fi)
    return frozenset(w for w in d.m.words[si][d.m.clause_start(si, pos) : pos] if w in d.v.other_holders)


def _tail(d: _Doc, fi: int) -> tuple[str, ...]:
    """The words told after a figure's noun and its time, up to a comma, "and" or its clause's end ("on
    roads" in "spent £12m on roads last year, up 20%")."""
    si, pos = d.pos_of(fi)
    words, toks = d.m.words[si], d.m.tokens[si]
    k = _past_time_phrase(d, si, pos + 1 + len(d.m.head(si, pos).split()))
    out: list[str] = []
    while (
        k < len(words) and words[k] not in CLAUSE_END and words[k] not in (",", ";", "and", "-", "(") and len(out) < 6
    ):
        if toks[k].fact >= 0:
            if d.facts[toks[k].fact].kind not in FRAME_KINDS:
                break
        else:
            out.append(words[k])
        k = _past_time_phrase(d, si, k + 1) if toks[k].fact < 0 and words[k] in FRAME_WORDS else k + 1
    return tuple(w for w in out if w not in FRAME_WORDS)


def _way_at(d: _Doc, si: int, k: int) -> bool:
    """A direction word, or a figure and one, starts at token ``k`` past "a"/"an" ("up 25%", "a rise on",
    "a 30% increase")."""
    words = d.m.words[si]
    if k < len(words) and words[k] in ("a", "an"):
        k += 1
    if d.v.direction.starting_at(words, k) is not None:
        return True
    ci = d.figure_after(si, k, STATED_KINDS)
    return ci >= 0 and d.v.direction.starting_at(words, d.pos_of(ci)[1] + 1) is not None


def _year_at(d: _Doc, si: int, k: int) -> bool:
    """A year, and nothing more of its clause, at token ``k`` ("an increase on 2022.")."""
    fi = d.fact_at(si, k)
    words = d.m.words[si]
    return (
        fi >= 0
        and d.facts[fi].kind == "year"
        and (k + 1 >= len(words) or words[k + 1] in CLAUSE_END or words[k + 1] in (",", ";"))
    )


def _period_of(f: Fact) -> str:
    """A year figure's period as frames give it ("2022")."""
    return f.text.strip() if f.kind == "year" else ""


def _told_earlier(d: _Doc, a: str, b: str, ai: int, bi: int) -> bool:
    """Period ``a`` of figure ``ai`` is before period ``b`` of ``bi`` (see ``_earlier``); a year against a
    time counted from now ("In 2022 … Last year"): by the reporting date's year when there is one, else
    by the order they are told in, the year first."""
    if _earlier(a, b):
        return True
    ra, rb = _relative(a), _relative(b)
    after = d.facts[ai].span.start > d.facts[bi].span.start
    if after and ra is not None and ra[0] < 0 and (b.startswith("--") or b.isdigit()):
        # "rose to 2.8% in May" … "The rate was 3.2% a month earlier": counted back from May; "Profit for
        # 2024 was £412m. A year earlier it had been £318m": from 2024
        return True
    if after and a == "past" and (b.startswith("--") or rb is not None) and not _dated_clause(d, ai):
        return True  # "climbed to 7.3% last year" … "The rate was 6.6% the year before"
    if not a.isdigit() or rb is None or rb[1] != "year" or d.facts[ai].span.start > d.facts[bi].span.start:
        return False
    when = d.view.reporting_date
    return int(a) < when.year + rb[0] if when is not None else True


def _dated_clause(d: _Doc, fi: int) -> bool:
    """A date or a year stands in the figure's clause ("had previously peaked at 13.8 million in 2019"): its
    time is that, not the one just told."""
    si, pos = d.pos_of(fi)
    toks = d.m.tokens[si]
    return any(
        toks[k].fact >= 0 and d.facts[toks[k].fact].kind in ("date", "year")
        for k in range(d.m.clause_start(si, pos), d.m.clause_end(si, pos))
    )


def _next_period(d: _Doc, a: str, b: str, ai: int, bi: int) -> bool:
    """Period ``a`` is the one just before ``b``: years one apart ("2022" and "2023"; elections and other
    events told by their years may be years apart), relative times one step apart ("-1 year" and "0
    year"), a year and a time counted from now one year apart by the reporting date (without one, as
    told)."""
    ra = _relative(a)
    rb = _relative(b) if b else (0, ra[1]) if ra is not None else None
    if a.isdigit() and b.isdigit():
        return int(b) - int(a) == 1 or _event_years(d, ai, bi)
    if ra is not None and rb is not None:
        return ra[1] == rb[1] and rb[0] - ra[0] == 1
    when = d.view.reporting_date
    if a.isdigit() and rb is not None and rb[1] == "year" and when is not None:
        return when.year + rb[0] - int(a) == 1
    return True


def _event_years(d: _Doc, ai: int, bi: int) -> bool:
    """Either figure's sentence names an event held every few years ("the 2022 election")."""
    return any(any(w in EVENT_WORDS for w in d.m.words[d.facts[fi].sentence]) for fi in (ai, bi))


def _base_fits(d: _Doc, base: int, period: str) -> bool:
    """The time figure a change is measured from ("on the previous quarter", "a year earlier") is of the
    kind of ``period``: a year's level is measured from a year, a quarter's from a quarter."""
    f = d.facts[base]
    if f.kind != "relative" or not f.unit:
        return True
    rel = _relative(period)
    if rel is not None:
        return rel[1] == f.unit
    return f.unit == "year" or not period.isdigit()


def _cumulative(d: _Doc, fi: int) -> bool:
    """The figure is a running total: "since" or a word of so-far in its clause before it ("has raised
    £10m since 2015", "in total")."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    # "raised a total of £3.2m in 2022": words a figure's own (``_Doc.own_words``) say what it is, not so far.
    return any(w in CUMULATIVE_WORDS and not d.own_words(si, k) for k, w in enumerate(words[lo:hi], lo))


# Words between ", when" and the older level it tells ("when it was", "when the figure stood at").
WHEN_REACH = 6


def _when_it_was(d: _Doc, si: int, k: int, b: Fact) -> int:
    """The older level told after the time phrase starting at token ``k`` by ", when ... was Y" ("up 3.1% on
    the last election, when it was 61.1%", "on 2019, when it stood at £4.2m"): its fact, else -1."""
    words = d.m.words[si]
    j = _past_time_phrase(d, si, k)
    if j == k:
        hit = d.v.frames.starting_at(words, k)
        j = hit[1] if hit is not None else k
    if j == k and k + 2 < len(words) and words[k] == "the" and words[k + 2] in EVENT_WORDS:
        j = k + 3  # "on the last election", "on the previous poll"
    if j == k or j + 1 >= len(words) or words[j] != "," or words[j + 1] != "when":
        return -1
    for m in range(j + 2, min(len(words), j + 2 + WHEN_REACH)):
        fi = d.fact_at(si, m)
        if fi >= 0:
            a = d.facts[fi]
            return fi if same_family(a, b) and not a.is_range and a.value is not None else -1
        if words[m] in CLAUSE_END or words[m] == ",":
            return -1
    return -1


def _past_time_at(d: _Doc, si: int, k: int) -> bool:
    """An earlier time and nothing more of its clause starts at token ``k`` ("on the year before.", "from
    a year earlier,"): a time figure of the past or a past frame phrase."""
    words = d.m.words[si]
    fi = d.fact_at(si, k)
    if fi >= 0:
        end = k + 1 if _then_phrase(d, fi) else -1
    else:
        hit = d.v.frames.starting_at(words, k)
        end = hit[1] if hit is not None and hit[0] == "past" else -1
    return end > k and (end >= len(words) or words[end] in CLAUSE_END or words[end] in (",", ";"))


def _earlier(a: str, b: str) -> bool:
    """Frame period ``a`` is before ``b``: years ("2023" before "2024"), months of one year ("--02" before
    "--03"), relative times ("-1 year" before "0 year" or none), or a past word before none or "now"."""
    if a.isdigit() and b.isdigit():
        return int(a) < int(b)
    if a.startswith("--") and b.startswith("--"):
        return a < b
    ra = _relative(a)
    rb = _relative(b) if b else (0, ra[1]) if ra is not None else None  # none: the time told of
    if ra is not None and rb is not None:
        return ra[1] == rb[1] and ra[0] < rb[0]
    # "The rate was 6.1% in the previous three months" against "rose to 6.4% in the three months to June":
    # a past word is before the month the story tells of.
    return a == "past" and (b in ("", "now") or b.startswith("--"))


def _relative(period: str) -> tuple[int, str] | None:
    """ "-1 year" as (-1, "year"); else None."""
    parts = period.split()
    if len(parts) != 2:
        return None
    try:
        return int(parts[0]), parts[1]
    except ValueError:
        return None


def _then_phrase(d: _Doc, fi: int) -> bool:
    """Figure ``fi`` is a time phrase of an earlier period ("a year earlier", "last year")."""
    return fi >= 0 and d.facts[fi].kind == "relative" and any(w in THEN_WORDS for w in d.facts[fi].text.lower().split())


# Words that set one group's rate against another's in one sentence ("or 14%, ... compared with 132, or 22%, of
# those on the dummy pill").
GROUP_VERSUS = frozenset({"compared", "against", "versus", "vs"})
# Words after the comparative that name the group the gap is told of ("lower among those taking the drug",
# "higher in the tutored group", "lower where cameras stood"); a clause end also closes it.
GROUP_WORDS = frozenset({"among", "in", "for", "with", "where", "when", "amongst"})


def _group_gaps(d: _Doc) -> Iterator[Relation]:
    """``change``: the gap between two groups' rates told in % in the sentence after the two rates are set
    side by side: "84 people in the drug group, or 14%, had a stroke, compared with 132, or 22%, of those on
    the dummy pill. That means the rate was 8% lower among those taking the drug" (8 points: a relative fall
    of 36%). The gap is its sentence's first figure, after a link verb, with a comparative and then a word
    naming a group (or the clause's end), no older figure after "than"; the sentence before holds exactly
    two percentages joined by "compared with", "against" or "versus". Ends run from the larger rate to the
    smaller for "lower", the other way for "higher" (label ``direction``)."""
    for si, pos, ci, _ in d.figures(frozenset({"percent"})):
        if si == 0 or any(t.fact >= 0 for t in d.m.tokens[si][:pos]):
            continue  # the gap is the sentence's first figure
        words = d.m.words[si]
        hit = d.v.direction.starting_at(words, pos + 1)
        k = d.hedge_start(si, pos)
        if hit is None or hit[0] not in ("up", "down") or not _group_link(words, k):
            continue
        if hit[1] < len(words) and words[hit[1]] not in GROUP_WORDS and words[hit[1]] not in CLAUSE_END:
            continue  # "8% lower than in 2019": a base of its own
        pair = _rates_set_against(d, si - 1)
        if pair is None:
            continue
        lo, hi = pair
        ends = (hi, lo) if hit[0] == "down" else (lo, hi)
        roles = (("from", ends[0]), ("to", ends[1]), ("stated", ci))
        yield Relation("change", roles, (d.span(si, pos + 1, hit[1]),), "sentence", (("direction", hit[0]),))


# Words that may stand between the link verb and the gap ("was therefore 2% lower", "is still 5% higher").
GROUP_LINK_ADVERBS = frozenset({"therefore", "thus", "still", "now", "so"})


def _group_link(words: Sequence[str], k: int) -> bool:
    """A link verb ends the words before token ``k``, perhaps with an adverb after it ("was 8% lower", "was
    therefore 2% lower", "were roughly 5% higher")."""
    if k >= 1 and words[k - 1] in COPULAS:
        return True
    adverb = k >= 2 and (words[k - 1] in GROUP_LINK_ADVERBS or words[k - 1].endswith("ly"))
    return adverb and words[k - 2] in COPULAS


def _rates_set_against(d: _Doc, si: int) -> tuple[int, int] | None:
    """The two percentages of sentence ``si``, the smaller first, when they are its only ones and a word of
    ``GROUP_VERSUS`` stands between them ("14% ... compared with 132, or 22%,"); else None."""
    rates = [t.fact for t in d.m.tokens[si] if t.fact >= 0 and d.facts[t.fact].kind == "percent"]
    if len(rates) != 2:
        return None
    a, b = rates
    va, vb = d.facts[a].value, d.facts[b].value
    if va is None or vb is None or va == vb or d.facts[a].is_range or d.facts[b].is_range:
        return None
    if not GROUP_VERSUS & set(d.m.words[si][d.pos_of(a)[1] + 1 : d.pos_of(b)[1]]):
        return None
    return (a, b) if va < vb else (b, a)
