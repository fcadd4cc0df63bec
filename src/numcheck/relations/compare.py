"""Comparisons: one reader for the words that set a figure above or below others of its kind.

Superlatives before a change noun ("the steepest fall"), records ("a record $61bn", "the highest
total for any month ever", "the previous record"), ranks ("in eighth place", "at number 7"), near
misses ("just outside the 10.20 seconds qualifying time"), overtaking words with a named object
("overtaking Northvale Bank"), a pace against the previous period's ("more slowly than in the
quarter before") and a level reached after another ("fell to $41, only to bounce back to $44").
The words and which way each points are data (``data/comparisons.toml``); each reader binds its word
to its own figure and to the figure(s) it is compared with, of the same family and, where both say
it, the same concept, time frame and subject. The relations are ``superlative`` and ``comparison``
(a, b, label ``order``) and ``change`` (from, to, label ``direction``), read by judge ``direction``;
and ``qualifier`` (a share word against a part and its whole), read by judge ``qualifier-range``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from numcheck import startcache
from numcheck.mentions import _NOT_NOUNS, CLAUSE_END, Token, same_holder
from numcheck.model import Fact, Span
from numcheck.relations.base import (
    _DETERMINERS,
    FRAME_KINDS,
    NOT_NAMES,
    Relation,
    _Doc,
    _lead_sentences,
    _plain_tokens,
    family,
    is_gap,
    nouns_differ,
)
from numcheck.relations.golf import golf_told
from numcheck.relations.lists import _name_entry, _place_entries
from numcheck.relations.restatements import _bag, _caps, _direction, _frames_agree, _places
from numcheck.relations.superlatives import _opens_with_name
from numcheck.vocab import TOKEN, PhraseTable, _toml, singular

# Kinds a comparison word may rank or compare.
AMOUNTS = frozenset({"count", "number", "money", "percent", "measure", "duration"})
# Tokens after a rank its figure may stand ("The trio were in ninth place, their long summer tour
# having earned them $18.4m"): a clause and its aside.
RANK_FIGURE_REACH = 12
# Tokens after a first-place verb its "with" or "on" may stand ("topped the UK album chart with"), and
# after that word its figure ("won with just 4,210 votes"; not "won with a majority of 900", a margin).
WINNER_LINK_REACH = 8
WINNER_FIGURE_REACH = 3
# Ranks read per document (a chart of twenty entries at most): bounds the sort.
RANKS_PER_DOC = 40
# Tokens back from ", behind A" its first place's superlative may stand ("was the country's most visited
# tourist attraction, behind A"), and the words of A's name marked.
TOP_REACH = 10
AHEAD_NAME_WORDS = 5
# Tokens from "only" and its name to the comparative ("Only Ade Bolan has ever run faster"), and the
# sentences back the figure it is ahead of may be told in.
ONLY_REACH = 7
ONLY_SENTENCES = 2
# Tokens back from a superlative's place its entry's figure may stand ("Peru has 1,870 cases, the
# second-highest number"); tokens from the place to the word that puts another ahead ("the second-highest
# number of cases in the region, behind"), and from that entry's name to its figure ("behind A with 1,540").
OWN_BEFORE_REACH = 14
AHEAD_REACH = 12
AHEAD_FIGURE_REACH = 5
# Words of a first place's noun ("the most wanted gadget") and tokens from it to its figure ("(45%)",
# ", with 35%").
TOP_NOUN_WORDS = 3
TOP_FIGURE_REACH = 3
# Sentences apart two places of one chart may be told for the uniqueness of a place; a place named by a
# superlative ("the second best-paid") against a place in a chart, nearer.
CLASH_SENTENCES = 8
SUPERLATIVE_SENTENCES = 4
# Tokens back from a place its entry's figure may stand, joined by linking words only ("took $9.1m
# (£4.8m), landing at number six").
FIGURE_BEFORE_REACH = 12
# Tokens after a superlative's change noun its figure may stand ("The steepest fall was recorded in
# the south, where rents fell by 1.8%").
HEAD_FIGURE_REACH = 14
# Sentences either side of a superlative a rival change may be told in: a paragraph's worth.
RIVAL_SENTENCES = 2
# Rivals read per superlative or record: the bound on comparisons.
RIVALS_PER_WORD = 6
# Tokens between a superlative after a figure and its "ever" ("the highest total for any month ever"),
# and between the figure and the comma before it ("3.1 million were sold in March alone, the highest").
RECORD_MARK_REACH = 5
RECORD_APPOSITION_REACH = 8
# How many times apart a record and the level it passed may be: "some 104,000 factory jobs went in the
# quarter, pushing employment to a record low of 3.1 million" sets a change beside the level.
RECORD_RATIO = 3
# Sentences after a record its "previous record" may be told in.
PREVIOUS_SENTENCES = 5
# Tokens after "previous record" its figure may stand ("the previous best month was
# January, when 3.4 million were sold").
PREVIOUS_FIGURE_REACH = 16
# Words after "for" that may narrow a record ("a record 31.2C for a June day").
NARROW_WORDS = 4
# Tokens after a figure that a verb passing a record may stand ("10.02 seconds to break the previous").
PASSING_REACH = 6
# Words between "previous" and the record's noun ("the previous European indoor best").
PREVIOUS_GAP = 3
# Tokens between a near-miss word and its standard's figure ("close to the 2:10.00"), and between
# the standard and the figure achieved in its sentence.
NEAR_STANDARD_REACH = 6
NEAR_ACHIEVED_REACH = 30
# Words after a near miss its standard's noun may stand with no figure ("just short of its wettest day on
# record"), and words of the next sentence its noun ("That previous record") and its figure stand in.
NEAR_NOUN_REACH = 8
NEAR_NEXT_REACH = 12
# Tokens before an overtaking word its own figure may stand ("clocked up 49.8 gigaflops, narrowly
# surpassing"): the figure the verb's clause ends on, not one further back ("Over the last 200m Okafor
# pulled clear, so beating Lindqvist").
OVERTAKE_BACK = 5
# Tokens before "behind" or "ahead of" a runner's own time may stand ("Okoro (1:47.20) came second in
# the 800m behind Lund (1:46.90)").
TIMED_BACK = 12
# Tokens of an overtaking word's object read for its names; sentences either side its figure is looked for in.
OBJECT_WORDS = 6
OBJECT_SENTENCES = 20
# Sentences either side of a figure-less "has overtaken" that may set the two figures side by side.
PASSED_SENTENCES = 3
# Tokens back from "compared to" that the first of two figures set side by side may stand.
SIDE_REACH = 10
# Sentences after a pace word its two rates may be told in.
PACE_SENTENCES = 2
# Tokens between a rate and the "from" of the rate it is compared with ("climbed 1.4%, as analysts
# had expected, from a revised 0.9%").
PACE_FROM_REACH = 10
# Tokens between a sequence word and the "to" of the second level ("only to bounce back to").
SEQUENCE_REACH = 4
# Tokens back from a sequence word the first level may stand.
SEQUENCE_BACK = 12
# Words between "from" and the earlier rate ("from a revised 0.9% increase").
_RATE_FILLERS = frozenset("a an the revised upwardly downwardly downward upward its their".split())
# Nouns after an ordinal that make it another thing's ordinal: "the second half", "third volume".
_NOT_PLACE = frozenset(
    """half halves quarter quarters round rounds time times day days week weeks year years month leg set game
    innings period stage term minute hour lap attempt phase volume album edition series season largest
    biggest""".split()
)
# Units of a race's time (not a chart run's "for a third week").
_RACE_UNITS = frozenset({"second", "minute", "hour"})
# Words after a place that are no chart's noun ("at number two with", "second place in").
_NOT_CHART = frozenset(
    """with on in at for after behind ahead and or but this last next while as by from to of the a an is was
    were are has had have its their his her with taking selling after""".split()
)
# Prepositions that open a clause with the market its places are told for ("In the US, ...").
_MARKET_OPENERS = frozenset({"in", "on", "across", "for", "at"})
# Words of a chart's name that say nothing of which chart ("the top ten", "the official chart").
_CHART_FILLERS = frozenset("top official weekly new".split())
# Figures named by "the" before them are events, not results: "won the 400m".
_EVENT_BEFORE = frozenset({"the", "men's", "women's"})
# The same, and "over" ("only Kim has gone quicker over 100m").
_EVENT_WORDS = _EVENT_BEFORE | {"over"}


@dataclass(frozen=True, slots=True)
class _Tables:
    """The phrase tables of the comparison readers, from the vocabulary."""

    heads: PhraseTable  # "biggest" → above
    change_nouns: PhraseTable  # "decline" → down
    records_before: PhraseTable  # "a record high of" → above, "a record" → moved
    records_after: PhraseTable  # "the highest" → above (needs a mark after it)
    record_marks: frozenset[str]
    best_unknown: frozenset[str]  # "shot", "strokes": a best whose better way is not shown
    previous: PhraseTable
    previous_starts: frozenset[str]
    previous_nouns: frozenset[str]
    passing: PhraseTable
    earlier: frozenset[str]
    former_peaks: PhraseTable  # "peaked at": a former peak when a past year follows its figure
    narrow_opens: frozenset[str]  # "for": "a record 31.2C for a June day" narrows the record
    narrow: frozenset[str]  # "june", "day": the words that narrow a record to a part of the time
    record_wholes: frozenset[str]  # "all", "total": a previous figure of the whole, not of the record's part
    rank_nouns: frozenset[str]
    rank_totals: frozenset[str]  # "to take the team's total to 238": a running total reached, not a place's figure
    rank_before: PhraseTable
    ordinals: dict[str, int]
    cardinals: dict[str, int]
    numbered: frozenset[str]
    rank_lists: frozenset[str]
    rank_events: frozenset[str]  # "stage", "round": after an ordinal, an event with places of its own
    top: PhraseTable
    first: PhraseTable  # "won", "topped": first place when "with" or "on" brings its figure
    winner_links: frozenset[str]
    near_worse: PhraseTable
    standards: frozenset[str]
    near_next: frozenset[str]  # "that", "the": open the sentence after a near miss that tells its standard
    crossed: PhraseTable  # "broke through" → above, "fell below" → below: a mark crossed
    crossed_marks: frozenset[str]  # the nouns that name the mark crossed ("mark", "barrier", "level")
    overtake: PhraseTable
    passed: PhraseTable
    set_against: PhraseTable
    measures: frozenset[str]
    pace: PhraseTable
    pace_words: frozenset[str]  # the words of the pace phrases that tell them apart ("slower", "quickly")
    pace_then: PhraseTable  # "in the quarter before", "last year": what a pace is set against is a time
    rank_starts: frozenset[str]  # the words a rank can start on, but for figures and numbered ordinals
    race_starts: frozenset[str]  # the words a race's place with its time can start on
    links: PhraseTable
    recovery: PhraseTable  # "recovered", "gave up gains": a later move back towards the start
    closes: PhraseTable  # "to close", "to end the day": between a recovery word and its later move
    won: PhraseTable  # "won in", "took gold in": first place, its time after
    divisions: frozenset[str]  # "men's", "junior", "wheelchair": the division a place is won in
    runner_up: PhraseTable  # "runner-up": second place
    bare_at: frozenset[str]  # "at" before an ordinal with no noun: "was at seventh with $4m"
    bare_follow: frozenset[str]  # the words that may follow such a bare place
    superlatives: frozenset[str]  # "best-paid", "highest": "the second best-paid" names its ranking
    figure_links: frozenset[str]  # "landing at", "leaving her in": between a figure and its place
    ties: frozenset[str]  # "joint", "tied", "shared": two entries may hold one place
    markets: frozenset[str]  # "home", "album", "us": a chart's word that sets it apart from the story's chart
    top_words: frozenset[str]  # "most", "biggest": a superlative with no ordinal is a first place
    top_limits: frozenset[str]  # "outside", "except": words that narrow the ranking past the one ahead
    ahead: PhraseTable  # ", behind", "second only to": another entry ahead of the one in the clause
    ahead_words: frozenset[str]  # "behind", "after": the entry named next is ahead of a superlative's place
    low_superlatives: frozenset[str]  # "lowest", "smallest": rankings where less is better
    leaders: PhraseTable  # "number one", "chart-topper": after "last week's", the place a move starts from
    top_first: frozenset[str]  # "most", "favourite": a first place told with its figure after its noun
    top_links: frozenset[str]  # "(", "with": between such a place's noun and its figure
    step_nouns: frozenset[str]  # "places", "spots": "rose six places" tells how far a move went
    better_words: frozenset[str]  # "quicker", "more": "only A has gone quicker" puts A ahead
    ahead_cues: tuple[str, ...]  # text any of the phrases holds: the test before a sentence is read
    behind_words: frozenset[str]  # "behind": the entries named after it are ahead of the place before it
    entry_roles: frozenset[str]  # "leaders", "the": words before an entry's name that are not its name
    first_roles: frozenset[str]  # "leaders": an entry named so holds first place
    entry_links: frozenset[str]  # "on", "with": between an entry's name and its figure


@functools.cache
def _tables() -> _Tables:
    data = _toml("comparisons.toml")

    def table(section: dict[str, list[str]], *labels: str) -> PhraseTable:
        return PhraseTable.build((p, label) for label in labels for p in section.get(label, []))

    rec = data["records"]
    ranks = data["ranks"]
    return _Tables(
        heads=table(data["heads"], "above", "below"),
        change_nouns=table(data["heads"], "up", "down"),
        records_before=PhraseTable.build(
            [(p, label) for label in ("above", "below", "moved", "best") for p in rec.get(label, [])]
            + [(form.format(q), "moved") for q in rec["qualified"] for form in rec["qualified_forms"]]
        ),
        records_after=PhraseTable.build(
            [(p, "above") for p in rec["after_above"]] + [(p, "below") for p in rec["after_below"]]
        ),
        record_marks=frozenset(rec["after_marks"]),
        best_unknown=frozenset(rec["best_unknown"]),
        previous=PhraseTable.build((p, "previous") for p in rec["previous"]),
        previous_starts=frozenset(rec["previous_starts"]),
        previous_nouns=frozenset(rec["previous_nouns"]),
        passing=PhraseTable.build((p, "passing") for p in rec["passing"]),
        earlier=frozenset(rec["earlier"]),
        former_peaks=PhraseTable.build((p, "peak") for p in rec["former_peaks"]),
        narrow_opens=frozenset(rec["narrow_opens"]),
        narrow=frozenset(rec["narrow"]),
        record_wholes=frozenset(rec["wholes"]),
        rank_nouns=frozenset(ranks["nouns"]),
        rank_totals=frozenset(ranks["totals"]),
        rank_before=PhraseTable.build((p, "rank") for p in ranks["before"]),
        ordinals={w: i + 1 for i, w in enumerate(ranks["ordinals"])},
        cardinals={w: i + 1 for i, w in enumerate(ranks["cardinals"])},
        numbered=frozenset(ranks["numbered"]),
        rank_lists=frozenset(ranks["lists"]),
        rank_events=frozenset(ranks["events"]),
        top=PhraseTable.build((p, "1") for p in ranks["top"]),
        first=PhraseTable.build((p, "1") for p in ranks["first"]),
        winner_links=frozenset(ranks["winner_links"]),
        near_worse=table(data["near_miss"], "worse", "past"),
        near_next=frozenset(data["near_miss"]["next_opens"]),
        standards=frozenset(data["near_miss"]["standards"]),
        crossed=table(data["crossed"], "above", "below"),
        crossed_marks=frozenset(data["near_miss"]["standards"]) | frozenset(data["crossed"]["marks"]),
        overtake=table(data["overtake"], "above", "below"),
        passed=PhraseTable.build((p, "above") for p in data["overtake"]["passed"]),
        set_against=PhraseTable.build((p, "against") for p in data["overtake"]["set_against"]),
        measures=frozenset(data["overtake"]["measures"]),
        pace=table(data["pace"], "above", "below"),
        pace_then=PhraseTable.build((p, "then") for p in data["pace"]["then_words"]),
        pace_words=frozenset(
            w
            for label in ("above", "below")
            for p in data["pace"][label]
            for w in p.split()
            if w.endswith(("er", "ly"))
        ),
        rank_starts=frozenset(
            p.split()[0]
            for key in ("before", "top", "ordinals", "numbered", "first", "runner_up", "bare_at")
            for p in ranks[key]
        ),
        race_starts=frozenset(p.split()[0] for key in ("won", "runner_up") for p in ranks[key]),
        links=PhraseTable.build((p, "link") for p in data["sequence"]["links"]),
        recovery=table(data["recovery"], "back", "give_up"),
        closes=PhraseTable.build((p, "close") for p in data["recovery"]["closes"]),
        won=PhraseTable.build((p, "1") for p in ranks["won"]),
        divisions=frozenset(ranks["divisions"]),
        runner_up=PhraseTable.build((p, "2") for p in ranks["runner_up"]),
        bare_at=frozenset(ranks["bare_at"]),
        bare_follow=frozenset(ranks["bare_follow"]),
        superlatives=frozenset(ranks["superlatives"]),
        figure_links=frozenset(ranks["figure_links"]),
        ties=frozenset(ranks["ties"]),
        markets=frozenset(ranks["markets"]),
        top_words=frozenset(ranks["top_words"]),
        top_limits=frozenset(ranks["top_limits"]),
        ahead=PhraseTable.build(
            [(p, "comma") for p in ranks["ahead_after_comma"]] + [(p, "any") for p in ranks["ahead"]]
        ),
        ahead_cues=tuple(ranks["ahead_cues"]),
        behind_words=frozenset(ranks["behind_words"]),
        entry_roles=frozenset(ranks["entry_roles"]),
        first_roles=frozenset(ranks["first_roles"]),
        entry_links=frozenset(ranks["entry_links"]),
        better_words=frozenset(ranks["better_words"]),
        step_nouns=frozenset(ranks["step_nouns"]),
        top_first=frozenset(ranks["top_first"]),
        leaders=PhraseTable.build((p, "1") for p in ranks["leaders"]),
        top_links=frozenset(ranks["top_links"]),
        ahead_words=frozenset(ranks["ahead_words"]),
        low_superlatives=frozenset(ranks["low_superlatives"]),
    )


def _timed(d: _Doc, fi: int) -> bool:
    """A time (a race's), where the better figure is the smaller one."""
    return d.timed(fi)


def _better(d: _Doc, fi: int) -> str:
    """The order of a better figure against a worse one: above for amounts, below for times."""
    return "below" if _timed(d, fi) else "above"


def _alike(d: _Doc, a: int, b: int, concept: bool = False, forecast: bool = True) -> bool:
    """Two figures one comparison may relate: one family, neither a forecast beside a result and, with
    ``concept``, the same concept where both name one (the comparison word binds the figures; the
    concept is asked only where nothing else does). A standard missed is a target: ``forecast`` off."""
    fa, fb = d.facts[a], d.facts[b]
    if a == b or family(fa) != family(fb) or fa.is_range or fb.is_range or fa.value is None or fb.value is None:
        return False
    if fa.value < 0 or fb.value < 0:
        return False  # "net migration of -12,000": a signed level, not an amount to rank
    ma, mb = d.m.by_fact.get(a), d.m.by_fact.get(b)
    if ma is None or mb is None:
        return False
    if concept and ma.concept and mb.concept and ma.concept != mb.concept:
        return False
    return not forecast or not (("forecast" in ma.roles) ^ ("forecast" in mb.roles))


def _words(d: _Doc, si: int) -> Sequence[str]:
    """A sentence's words, also of a sentence without a figure (a pace told before its rates)."""
    return d.m.words[si] if d.m.tokens[si] else tuple(t.text for t in _plain_tokens(d, si))


def _figure_after(d: _Doc, si: int, j: int, reach: int, kinds: frozenset[str] = AMOUNTS) -> int:
    """The first figure of ``kinds`` after token ``j`` in its sentence, within ``reach`` tokens; not an
    event's name ("won the 400m") and not inside brackets (a conversion)."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    for k in range(j, min(len(toks), j + reach)):
        fi = toks[k].fact
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.kind not in kinds or f.is_range or f.value is None:
            continue
        if f.kind == "measure" and k > 0 and words[k - 1] in _EVENT_BEFORE:
            continue
        if k > 1 and words[k - 1] == "(" and toks[k - 2].fact >= 0:
            continue  # "$24m (£13m)": a conversion of the figure before
        return fi
    return -1


# --- ranks: "in eighth place, taking $31.2m" … "at number 7 took $30.5m" -----------------------------


def _rank_at(d: _Doc, si: int, k: int) -> tuple[int, int] | None:
    """The rank said at token ``k`` and one past its last token: "8th place", "second place", "at
    number 7", "ranked third", "top spot"; else None."""
    t = _tables()
    words = d.m.words[si]
    top = t.top.starting_at(words, k)
    if top is not None:
        return 1, top[1]
    runner_up = t.runner_up.starting_at(words, k)
    if runner_up is not None:
        return 2, runner_up[1]
    first = t.first.starting_at(words, k)
    if first is not None:
        toks = d.m.tokens[si]
        for j in range(first[1], min(len(words), first[1] + WINNER_LINK_REACH)):
            if words[j] in CLAUSE_END or toks[j].fact >= 0:
                return None  # "won 40 seats": a count won, not a place
            if words[j] in t.winner_links:
                return 1, j + 1
        return None
    fi = d.m.tokens[si][k].fact
    if fi >= 0 and d.facts[fi].kind == "ordinal" and d.facts[fi].text.lower().endswith("-placed"):
        value = d.facts[fi].value  # "Third-placed Sundara shipped 16.9 million": the fact table's one ordinal
        return (int(value), k + 1) if value is not None else None
    if fi >= 0 and d.facts[fi].kind == "ordinal" and d.facts[fi].text.lower().startswith("number"):
        # "at number 7": the fact table reads a chart place as one ordinal ("number 7").
        value = d.facts[fi].value
        if value is not None and (k + 1 >= len(words) or words[k + 1] not in _NOT_PLACE):
            return int(value), k + 1
        return None
    lead = t.rank_before.starting_at(words, k)
    if lead is not None:
        j = lead[1]
        if j < len(words) and words[j] in _DETERMINERS:
            return None  # "came the news", "finished the season"
        rank = _ordinal(d, si, j) or (_number_word(words[j]) if j < len(words) else 0)
        if rank and (j + 1 >= len(words) or words[j + 1] not in _NOT_PLACE):
            return rank, j + 1
        return None
    if words[k] in t.bare_at:
        # "was at seventh with $4m", "was at third.": an ordinal with no noun after "at"; not "at first"
        # (at the start), and not before a noun ("at third base").
        rank = _ordinal(d, si, k + 1)
        if rank > 1 and (k + 2 >= len(words) or words[k + 2] in t.bare_follow or words[k + 2] in t.rank_nouns):
            return rank, k + 2 + (k + 2 < len(words) and words[k + 2] in t.rank_nouns)
        return None
    rank = _ordinal(d, si, k)
    if rank and k + 1 < len(words) and words[k + 1] in t.rank_nouns:
        return rank, k + 2
    if words[k] in t.numbered and k + 2 < len(words) and words[k + 2] in t.rank_nouns:
        rank = _number_word(words[k + 1])  # "the number two spot", "the No 3 slot"
        if rank:
            return rank, k + 3
    return None


def _one_season(d: _Doc, a: int, b: int) -> bool:
    """Two placings of one table: their periods agree, and a placing told of the past ("won the league
    with 81 points last season") is not set against one told of no time (this season's runners-up)."""
    pa, pb = d.m.frame(a).period, d.m.frame(b).period
    return pa == pb or not ("past" in (pa, pb) or (pa and pb))


def _rank_place(d: _Doc, si: int, start: int, end: int, fi: int) -> frozenset[str]:
    """The place a rank (tokens ``start`` to ``end``) is told for, in the clause of its words and its
    figure ("opened at number one in its home market with $9.1m" → {home, market}; "In Spain it came
    second, taking $2m" → {spain}); the rank's own words ("at number 7") are no place."""
    hi = d.m.clause_end(si, d.pos_of(fi)[1])
    place = _places(d, si, d.m.clause_start(si, start), start) | _places(d, si, end, hi)
    return frozenset() if place & _tables().rank_lists else place  # "in the album chart": the list itself


def _ordinal(d: _Doc, si: int, k: int) -> int:
    """The ordinal at token ``k`` ("third", "10th"), or 0."""
    words = d.m.words[si]
    if k >= len(words):
        return 0
    fi = d.m.tokens[si][k].fact
    if fi >= 0:
        f = d.facts[fi]
        return int(f.value) if f.kind == "ordinal" and f.value is not None else 0
    w = words[k]
    if w in _tables().ordinals:
        return _tables().ordinals[w]
    if w[:-2].isdecimal() and w[-2:] in ("st", "nd", "rd", "th"):
        return int(w[:-2])
    return 0


_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


def _number_word(w: str) -> int:
    """A place told as a cardinal: "7", "two"; else 0."""
    # isdecimal, not isdigit: "²" is a digit that int() refuses ("finished ²" once crashed the run).
    return int(w) if w.isdecimal() and len(w) <= 3 else _tables().cardinals.get(w, 0)


@dataclass(frozen=True, slots=True)
class Placing:
    """A place in a ranking as the text tells it: "in eighth place, taking $31.2m", "took $9.1m, landing
    at number six", "dropped to number three", "at seventh with $4m", "the second best-paid singer"."""

    rank: int
    si: int
    start: int  # the place's first token and one past its last
    end: int
    figure: int  # the entry's figure told after the place or before it in its clause; -1 when none
    fact: int  # the place's own ordinal fact ("number five", "fifth"), or -1
    old: bool  # a place left ("rising from third", "down from number two"): not this chart's
    ranked_by: str  # a superlative that names the ranking ("second best-paid"), else ""


def _placings(d: _Doc) -> tuple[Placing, ...]:
    """Every place in a ranking the text tells, read once per document for every rank reader."""
    return d.once("placings", lambda: tuple(_read_placings(d)))


def _read_placings(d: _Doc) -> Iterator[Placing]:
    t = _tables()
    claimed: set[int] = set()  # figures told after a place: no later place takes them as its own
    count = 0
    for si, toks in enumerate(d.m.tokens):
        k = 0
        words = d.m.words[si]
        while k < len(toks) and count < RANKS_PER_DOC:
            w = words[k]
            if w in t.top_first and toks[k].fact < 0:
                top = _top_placing(d, si, k)
                if top is not None:
                    yield Placing(1, si, k, top[0], top[1], -1, False, f"top {w}")
                    count += 1
                    k = top[0]
                    continue
            if toks[k].fact < 0 and w not in t.rank_starts and not (w[:1].isdigit() and w[-2:] in _SUFFIXES):
                k += 1
                continue
            got = _rank_at(d, si, k)
            by = ""
            if got is None:
                by_sup = _ranked_by(d, si, k)
                if by_sup is None:
                    k += 1
                    continue
                got, by = (by_sup[0], by_sup[1]), by_sup[2]
            rank, end = got
            fi = -1
            if by:
                fi = _figure_after(d, si, end, RANK_FIGURE_REACH)  # "the second best-paid, earning 3m euros"
            else:
                by_verb = words[end - 1] in t.winner_links
                fi = _figure_after(d, si, end, WINNER_FIGURE_REACH if by_verb else RANK_FIGURE_REACH)
                if fi >= 0 and (_timed(d, fi) and (by_verb or d.facts[fi].unit not in _RACE_UNITS) or is_gap(d, fi)):
                    # A race's time is the race reader's; "22 seconds behind" is a gap, not a result; "at number
                    # one for a third week" is a run in the chart.
                    fi = -1
                if fi >= 0 and any(_rank_at(d, si, x) for x in range(end, d.pos_of(fi)[1])):
                    fi = -1
                if fi >= 0:
                    claimed.add(fi)
                else:
                    fi = _figure_before_place(d, si, k, claimed)
            place = next(
                (x for x in range(k, end) if toks[x].fact >= 0 and d.facts[toks[x].fact].kind == "ordinal"), -1
            )
            # A place left ("up from third") or one told of another week ("last week's number one").
            old = k > 0 and (words[k - 1] == "from" or _of_before(d, toks[k - 1].fact))
            yield Placing(rank, si, k, end, fi, toks[place].fact if place >= 0 else -1, old, by)
            count += 1
            k = end


def _of_before(d: _Doc, fi: int) -> bool:
    """A time of the past told as a possessive before a place: "last week's", "last year's"."""
    if fi < 0:
        return False
    f = d.facts[fi]
    return f.kind == "relative" and f.value is not None and f.value < 0 and f.text.lower().endswith(("'s", "\u2019s"))


def _top_placing(d: _Doc, si: int, k: int) -> tuple[int, int] | None:
    """ "the most wanted gadget (45%)", "the favourite, with 35%": a first place told by a superlative with
    no ordinal and its figure right after its noun; (one past the noun, the figure), else None."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    before = words[k - 1] if k else ""
    if before not in ("the", "its", "their") and not before.endswith(("'s", "\u2019s")):
        return None
    j = k + 1
    while j < len(words) and j - k <= TOP_NOUN_WORDS and words[j][:1].isalpha() and toks[j].fact < 0:
        if words[j] in _tables().top_links:
            break
        j += 1
    end = j
    if end == k + 1 and words[k] in ("most", "biggest", "highest", "largest"):
        return None  # "the most 10", "the biggest 5": no noun, no place
    while j < len(words) and j - end < TOP_FIGURE_REACH:
        fi = toks[j].fact
        if fi >= 0:
            f = d.facts[fi]
            ok = f.kind in ("percent", "count", "number", "money") and not f.is_range and f.value is not None
            if ok and j + 2 < len(words) and words[j + 1] == "and" and toks[j + 2].fact >= 0:
                return None  # "the biggest overseas markets, with $17m and $14m": a group, not a first place
            return (end, fi) if ok else None
        if words[j] not in _tables().top_links:
            return None
        j += 1
    return None


def _ranked_by(d: _Doc, si: int, k: int) -> tuple[int, int, str] | None:
    """ "the second best-paid singer", "its third-largest market": an ordinal before a superlative that
    names the ranking; (place, one past the superlative, the superlative and its noun), else None."""
    words = d.m.words[si]
    rank = _ordinal(d, si, k)
    if not rank:
        return None
    fi = d.m.tokens[si][k].fact
    text = d.facts[fi].text.lower() if fi >= 0 else words[k]
    sup = text.partition("-")[2] if "-" in text else ""
    j = k + 1
    if not sup and j < len(words) and words[j] in _tables().superlatives:
        sup, j = words[j], j + 1
    if sup not in _tables().superlatives:
        return None
    noun = words[j] if j < len(words) and words[j][:1].isalpha() else ""
    return rank, j, f"{sup} {noun}"


def _figure_before_place(d: _Doc, si: int, k: int, claimed: set[int]) -> int:
    """The entry's figure told before its place in one run of linking words: "took $9.1m, landing at
    number six", "sold 40,000 copies, enough for third place", "made 3m euros, leaving her in second place".
    A conversion in brackets is passed over; a figure another place took after it is not this one's."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    links = _tables().figure_links
    j = k - 1
    depth = 0
    while j >= 0 and k - j <= FIGURE_BEFORE_REACH:
        w = words[j]
        if w == ")":
            depth += 1
        elif w == "(":
            depth -= 1
        elif depth == 0:
            fi = toks[j].fact
            if fi >= 0 and d.facts[fi].kind in _WHEN_KINDS:
                pass  # "took $12m over the weekend, arriving at number two"
            elif fi >= 0:
                f = d.facts[fi]
                if f.kind not in AMOUNTS or f.is_range or f.value is None or fi in claimed or is_gap(d, fi):
                    return -1
                return fi
            if w != "," and w not in links:
                return -1
        j -= 1
    return -1


def _ranks(d: _Doc) -> Iterator[Relation]:
    """Places told with their figures anywhere in the text ("The band were in eighth place, taking
    $31.2m" … "The singer, who at number 7 took $30.5m"; "took $9.1m, landing at number six"): sorted
    by place, each against the next place of the same family. A better place cannot have less (a slower
    time): a ``superlative`` relation (a: the better place's figure)."""
    found = [
        (p.rank, p.figure, p.si, p.start, p.end)
        for p in _placings(d)
        if p.figure >= 0 and not p.old and not p.ranked_by
    ]
    by_family: dict[str, list[tuple[int, int, int, int, int]]] = {}
    for item in found:
        by_family.setdefault(family(d.facts[item[1]]), []).append(item)
    for items in by_family.values():
        items.sort()
        places = sorted({item[0] for item in items})
        for better, worse in zip(places, places[1:], strict=False):
            # Every figure told at a place against every one at the next place told: two figures said to
            # be at one place ("opened at number one") are both above the next.
            for _, a, s1, k1, e1 in (x for x in items if x[0] == better):
                for _, b, s2, k2, e2 in (x for x in items if x[0] == worse):
                    if not _alike(d, a, b) or not _frames_agree(d, a, b) or not _one_season(d, a, b):
                        continue
                    if nouns_differ(d, a, b):
                        continue  # "third with nine golds" … "fifth with 17 medals": two things counted
                    if _total_reached(d, a) or _total_reached(d, b):
                        continue  # "finished fifth to take the team's total to 238": the season's total
                    if s1 != s2 and _year_apart(d, a, b):
                        continue  # "peaked at number four in 2022 after 22,600" is no place in this week's chart
                    if _rank_place(d, s1, k1, e1, a) != _rank_place(d, s2, k2, e2, b):
                        continue  # "at number one in its home market": another chart's place
                    if _divisions_differ(d, (s1, k1), (s2, k2)):
                        continue  # "third in 2:10:12" in the men's race, "second in 2:25:02" in the women's
                    evidence = "sentence" if s1 == s2 else "document"
                    cues = (d.span(s1, k1, e1), d.span(s2, k2, e2))
                    yield Relation("superlative", (("a", a), ("b", b)), cues, evidence, (("order", _better(d, a)),))
    yield from _ranked_against_places(d)


def _divisions_differ(d: _Doc, one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Two places named in two divisions of an event ("won the men's race ... Harland was third in
    2:10:12" and "The women's race was won by ... Baird was second in 2:25:02"): two rankings."""
    a, b = _division(d, *one), _division(d, *other)
    return bool(a) and bool(b) and a != b


def _division(d: _Doc, si: int, k: int) -> str:
    """The division word nearest before token ``k`` in its sentence, else the first one its paragraph
    names before it ("The women's race was won by Wanjiru, 15 minutes behind the men's winner. Baird was
    second in" is in the women's race); "" when none is named."""
    divisions = _tables().divisions
    own = [w for w in d.m.words[si][:k] if w in divisions]
    if own:
        return own[-1]
    sentences = d.view.doc.sentences
    start = si
    while start > 0 and sentences[start - 1].paragraph == sentences[si].paragraph:
        start -= 1
    return next((w for s in range(start, si) for w in d.m.words[s] if w in divisions), "")


def _total_reached(d: _Doc, fi: int) -> bool:
    """The figure is a running total reached: "to" and a noun of ``[ranks] totals`` right before it ("took
    the British team's total to 238")."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    h = d.hedge_start(si, pos)
    return h >= 2 and words[h - 1] == "to" and words[h - 2] in _tables().rank_totals


def _year_apart(d: _Doc, a: int, b: int) -> bool:
    """Two places' figures told of different years, or one of a year the other does not name ("Her previous
    album peaked at number four in 2022 after a first week of 22,600" against this week's second place)."""
    pa, pb = d.m.frame(a).period, d.m.frame(b).period
    return pa != pb and (pa.isdigit() or pb.isdigit())


def _ranked_against_places(d: _Doc) -> Iterator[Relation]:
    """A place named by a superlative with its figure ("the third-biggest film of the weekend with $9m")
    against the places told near it with theirs ("Sideways, at number four, took $9.5m"), and against
    another place of the same superlative: the better place cannot have less. Only rankings where more is
    better ("biggest", "highest-paid"), within ``SUPERLATIVE_SENTENCES``."""
    places = [p for p in _placings(d) if not p.old]
    ranked = [(p, fi) for p in places if p.ranked_by and (fi := _own_figure(d, p)) >= 0 and _high(p.ranked_by)]
    for p, a in ranked:
        for q in places:
            if q is p or q.rank == p.rank or abs(q.si - p.si) > SUPERLATIVE_SENTENCES:
                continue
            if q.ranked_by and q.ranked_by != p.ranked_by:
                continue
            b = _own_figure(d, q) if q.ranked_by else q.figure
            if b < 0 or (q.ranked_by and q.si < p.si):
                continue  # two places of one superlative are paired once, from the first told
            if not _alike(d, a, b) or not _frames_agree(d, a, b) or not _one_season(d, a, b):
                continue
            if _divisions_differ(d, (p.si, p.start), (q.si, q.start)):
                continue  # "the women's second-fastest" against a place in the men's field
            (better, bp), (worse, wp) = sorted(((a, p), (b, q)), key=lambda x: x[1].rank)
            evidence = "sentence" if p.si == q.si else "document"
            cues = (d.span(bp.si, bp.start, bp.end), d.span(wp.si, wp.start, wp.end))
            yield Relation(
                "superlative", (("a", better), ("b", worse)), cues, evidence, (("order", _better(d, better)),)
            )


def _high(ranked_by: str) -> bool:
    """A ranking where more is better: not "the second-lowest", "the third smallest"."""
    return ranked_by.split()[0] not in _tables().low_superlatives


def _own_figure(d: _Doc, p: Placing) -> int:
    """The figure of the entry a superlative's place is told of: the one after it, unless an entry put ahead
    stands between ("the second-highest, behind Bolivia with 1,540"), else the one before it in its sentence
    ("Peru has 1,870 cases, the second-highest number")."""
    t = _tables()
    words = d.m.words[p.si]
    if p.figure >= 0:
        pos = d.pos_of(p.figure)[1]
        if not any(words[j] in t.ahead_words for j in range(p.end, pos)):
            return p.figure
    toks = d.m.tokens[p.si]
    for j in range(p.start - 1, max(-1, p.start - OWN_BEFORE_REACH), -1):
        fi = toks[j].fact
        if words[j] in CLAUSE_END:
            return -1
        if fi >= 0:
            f = d.facts[fi]
            if f.kind in _WHEN_KINDS:
                continue
            if f.kind in AMOUNTS and not f.is_range and f.value is not None and not is_gap(d, fi):
                if j and words[j - 1] == "(" and j > 1 and toks[j - 2].fact >= 0:
                    continue  # a conversion in brackets
                return fi
            return -1
    return -1


def _ranked_behind(d: _Doc) -> Iterator[Relation]:
    """A place named by a superlative with the entry ahead of it named after "behind", "after" or "second
    only to" ("Peru has 1,870 cases, the second-highest number in the region, behind Bolivia with 1,540"):
    the entry ahead has the better figure, told right after its name or in another sentence that names it
    with one figure of the family. A ``superlative`` relation (a: the entry ahead's figure)."""
    t = _tables()
    memo: dict[int, frozenset[str]] = {}
    for p in _placings(d):
        if not p.ranked_by or p.old or p.rank < 2:
            continue
        words = d.m.words[p.si]
        toks = d.m.tokens[p.si]
        k = next((j for j in range(p.end, min(len(words), p.end + AHEAD_REACH)) if words[j] in t.ahead_words), -1)
        if k < 0 or any(w in CLAUSE_END for w in words[p.end : k]):
            continue
        own = _own_figure(d, p)
        if own < 0:
            continue
        j = k + 1
        while j < len(words) and words[j] in ("only", "just", "the", "to"):
            j += 1
        end = j
        while end < len(words) and end - j < AHEAD_NAME_WORDS and toks[end].fact < 0:
            raw = d.view.text[toks[end].start : toks[end].end]
            if not raw[:1].isupper() and not words[end].endswith("'s"):
                break
            end += 1
        names = _caps(d, p.si, j, end)
        if not names:
            continue  # "behind schedule", "after the war": no entry named ahead
        ahead = next(
            (toks[x].fact for x in range(end, min(len(words), end + AHEAD_FIGURE_REACH)) if toks[x].fact >= 0), -1
        )
        if ahead >= 0 and not _alike(d, own, ahead):
            ahead = -1
        if ahead < 0:
            ahead = _named_figure(d, p.si, names, own, memo)
        if ahead < 0 or ahead == own:
            continue
        order = _better(d, own) if _high(p.ranked_by) else ("below" if _better(d, own) == "above" else "above")
        cue = d.span(p.si, p.start, end)
        ev = "sentence" if d.pos_of(ahead)[0] == p.si else "document"
        yield Relation("superlative", (("a", ahead), ("b", own)), (cue,), ev, (("order", order),))


# --- one place, one entry: "dropped to number three" … "a new entry at number three" ---------------------------


def _rank_clashes(d: _Doc) -> Iterator[Relation]:
    """Two entries told at one place of one chart in one week ("Last week's leader, Red Harbour, fell to
    number three" … "Paper Moon entered at number three"): one of the places is wrong. The places must be
    this chart's (not a place left, "up from third"), of one market and time ("in the US", "in 2003",
    "last week"), near each other, with no tie word ("joint second"); their entries are named, and by
    names that share no word. A ``rank-clash`` relation (a, b: the two places' own facts, or their figures)."""
    places = [p for p in _placings(d) if not p.old and not p.ranked_by.startswith("top ")]
    if len(places) < 2:
        return
    by_rank: dict[int, list[Placing]] = {}
    for p in places:
        by_rank.setdefault(p.rank, []).append(p)
    for group in by_rank.values():
        for x, p in enumerate(group):
            for q in group[x + 1 :]:
                if q.si - p.si > CLASH_SENTENCES:
                    break
                rel = _clash(d, p, q)
                if rel is not None:
                    yield rel


# Roles of a figure that make it no entry's level now: an older end, a part, a forecast.
_NOT_ENTRY_ROLES = frozenset({"part", "remainder", "another", "forecast", "total"})


def _places_outnumbered(d: _Doc) -> Iterator[Relation]:
    """A place told with its entry's figure ("Third-placed Sundara shipped 16.9 million phones", "came
    third with 18.1%") against the figures the text gives to other entries by name, in lists of named
    figures ("Tamp had 980 shops and Crema 910") within ``SUPERLATIVE_SENTENCES``: when at least as many
    other entries as the place number have a better figure beyond printed precision, the entry cannot
    hold that place ("third" with three larger rivals). The place's figure is a level (no change told of
    it), not a time (a race's places are the race reader's) and not golf; a rival is of the same kind,
    unit, measure and time, no older end of a change and no moved amount. A ``rank-clash`` relation
    (label ``larger``: how many; cues: the place and the rivals' figures)."""
    if golf_told(d):
        return
    olders = set(_change_froms(d))
    for p in _placings(d):
        if p.old or p.ranked_by or p.rank < 2 or p.figure < 0:
            continue
        x = p.figure
        own = d.m.frame(x).holder
        mx = d.m.by_fact.get(x)
        if not own or d.facts[x].hedge != "exact" or _timed(d, x) or mx is None or mx.direction:
            continue
        best: dict[str, int] = {}
        for s2 in range(max(0, p.si - SUPERLATIVE_SENTENCES), min(len(d.m.tokens), p.si + SUPERLATIVE_SENTENCES + 1)):
            listed = _named_figures(d, s2)
            scopes = {d.m.frame(oi).scope for _, oi in listed}
            for held, oi in listed:
                m = d.m.by_fact.get(oi)
                if oi == x or oi in olders or same_holder(held, own) or m is None or m.direction:
                    continue
                if m.roles & _NOT_ENTRY_ROLES or d.facts[oi].unit != d.facts[x].unit or not _one_measure(d, x, oi):
                    continue
                if not _alike(d, x, oi) or not _frames_agree(d, x, oi) or not _one_season(d, x, oi):
                    continue
                if _timed(d, oi) or _far_apart(d.facts[x], d.facts[oi]):
                    continue  # "second with nine" medals … "Bell (48.12)": another table's figures
                if d.m.frame(oi).scope not in ("", d.m.frame(x).scope) and len(scopes) > 1:
                    continue  # "had 1,240 shops, and its owner 3,100 across Europe": another ranking's figure
                if not _outranks(d.facts[oi], d.facts[x], "above"):
                    continue
                key = next((h for h in best if same_holder(h, held)), held)
                best.setdefault(key, oi)
        if len(best) < p.rank:
            continue
        rivals = sorted(best.values(), key=lambda i: d.facts[i].span.start)
        cues = (d.span(p.si, p.start, p.end), *(d.facts[i].span for i in rivals))
        labels = (("place", str(p.rank)), ("larger", str(len(best))))
        yield Relation("rank-clash", (("a", x), ("b", rivals[0])), cues, "document", labels)


# Tokens of a superlative's noun ("the fastest qualifier", "the warmest place overall").
NAMED_NOUN_WORDS = 2


@functools.cache
def _named_sup_table() -> tuple[dict[str, str], frozenset[str]]:
    data = _toml("comparisons.toml")["named_superlatives"]
    ways = {w: way for way in ("more", "less", "quick", "slow") for w in data[way]}
    return ways, frozenset(data["ends"])


@functools.cache
def _named_verbs() -> frozenset[str]:
    return frozenset(_toml("comparisons.toml")["named_superlatives"]["verbs"])


def _named_superlatives(d: _Doc) -> Iterator[Relation]:
    """A superlative said of a named entry with no figure beside it, as its apposition or after "was"
    ("Ellis, the fastest qualifier, said", "Dunmore was the warmest place."), against the entry's figure
    in a list of named figures told within ``SUPERLATIVE_SENTENCES`` ("Ferraro clocked 2:06.71, Ellis
    2:06.94 and Kiss 2:07.30"): each rival of that list must not be better. Read only where nothing after
    the noun narrows it. A ``superlative`` relation (a: the entry's figure, b: a rival's)."""
    ways, ends = _named_sup_table()
    cue_words = _named_sup_pattern()
    text = d.view.text
    for si, sent in enumerate(d.view.doc.sentences):
        if not cue_words.search(text, sent.span.start, sent.span.end):
            continue
        toks = d.m.sentence_tokens(si)
        words = [t.text for t in toks]
        for k in range(2, len(words) - 1):
            way = ways.get(words[k])
            if way is None or words[k - 1] != "the" or words[k - 2] not in (",", "was", "is"):
                continue
            j = k + 1
            while j < len(words) and j - k <= NAMED_NOUN_WORDS and words[j].isalpha() and words[j] not in ends:
                j += 1
            if j >= len(words) or words[j] not in ends or toks[j].fact >= 0:
                continue
            name = _name_before(d, toks, k - 2)
            if not name:
                continue
            cue = Span(toks[k - 1].start, toks[j - 1].end)
            yield from _named_against_list(d, si, name, way, cue)


@functools.cache
def _named_sup_pattern() -> re.Pattern[str]:
    ways, _ = _named_sup_table()
    return startcache.compile(r"\bthe (?:" + "|".join(sorted(map(re.escape, ways))) + r")\b", re.IGNORECASE)


def _name_before(d: _Doc, toks: Sequence[Token], end: int) -> str:
    """The capitalised name of at most three tokens ending before token ``end``, lower case; or ""."""
    k = end
    while k > 0 and end - k < 3 and toks[k - 1].fact < 0 and d.view.text[toks[k - 1].start].isupper():
        k -= 1
    if k == end or (k > 0 and toks[k - 1].fact >= 0):
        return ""
    name = " ".join(t.text for t in toks[k:end])
    return "" if name in NOT_NAMES else name


def _named_against_list(d: _Doc, si: int, name: str, way: str, cue: Span) -> Iterator[Relation]:
    for s2 in range(max(0, si - SUPERLATIVE_SENTENCES), min(len(d.m.tokens), si + SUPERLATIVE_SENTENCES + 1)):
        entries = _named_figures(d, s2)
        own = [fi for n, fi in entries if same_holder(n, name)]
        if len(own) != 1 or len(entries) < 3:
            continue
        a = own[0]
        if way in ("quick", "slow"):
            timed = _timed(d, a)
            order = "below" if (way == "quick") == timed else "above"
        else:
            order = "above" if way == "more" else "below"
        for n, b in entries:
            if b != a and not same_holder(n, name) and _alike(d, a, b) and d.facts[a].unit == d.facts[b].unit:
                yield Relation("superlative", (("a", a), ("b", b)), (cue,), "document", (("order", order),))
        return


# --- a superlative noun phrase and its own figure: "The largest single loss, £246,000, was ..., while ..." --

# Words between a superlative and the link to its figure ("largest single loss", "fastest lap of the race").
SUP_NOUN_WORDS = 6
# Sentences either side of a superlative's sentence its rival may be told in.
SUP_FIGURE_SENTENCES = 1


@dataclass(frozen=True, slots=True)
class _SupWords:
    """The words of the superlative-before-its-figure reader (``[superlative_figure]``)."""

    opens: frozenset[str]
    links: PhraseTable
    narrow: frozenset[str]
    of_not: frozenset[str]
    contrast: frozenset[str]
    rival_words: frozenset[str]
    wholes: frozenset[str]
    makes: PhraseTable
    makes_reach: int
    free_after: tuple[tuple[str, ...], ...]


@functools.cache
def _sup_words() -> _SupWords:
    data = _toml("comparisons.toml")["superlative_figure"]
    return _SupWords(
        opens=frozenset(data["opens"]),
        links=PhraseTable.build((p, "link") for p in data["links"]),
        narrow=frozenset(data["narrow"]),
        of_not=frozenset(data["of_not"]),
        contrast=frozenset(data["contrast"]),
        rival_words=frozenset(data["rival_words"]),
        wholes=frozenset(data["wholes"]),
        makes=PhraseTable.build((p, "makes") for p in data["makes"]),
        makes_reach=int(data["makes_reach"]),
        free_after=tuple(tuple(p.split()) for p in data["free_after"]),
    )


def _sup_before(d: _Doc, si: int, pos: int) -> tuple[str, int, int, str] | None:
    """A superlative noun phrase set right before the figure at ``pos`` ("The largest single loss,
    £246,000", "the race's fastest lap, a 1:31.598", "The heaviest fine was £9,200"): (its way, first and
    one past the last token of the phrase, its head noun), else None. The phrase opens on a determiner or
    a possessive and nothing in it narrows the ranking to a part, a place or a time."""
    w = _sup_words()
    ways, _ = _named_sup_table()
    words = d.m.words[si]
    toks = d.m.tokens[si]
    at = d.hedge_start(si, pos)
    if at > 0 and words[at - 1] in ("a", "an"):
        at -= 1
    link = w.links.ending_at(words, at)
    if link is None:
        return None
    end = _before_relative(d, si, link[1])
    for k in range(end - 1, max(0, end - 1 - SUP_NOUN_WORDS), -1):
        if toks[k].fact >= 0 or not words[k][:1].isalpha():
            return None
        way = ways.get(words[k])
        if way is None:
            continue
        before = words[k - 1] if k > 0 else ""
        if before not in w.opens and not before.endswith(("'s", "\u2019s")):
            return None
        noun = words[k + 1 : end]
        if not noun or w.narrow.intersection(noun) or ways.keys() & set(noun):
            return None
        if "of" in noun:
            x = noun.index("of")
            if x == 0 or x + 1 >= len(noun) or noun[x + 1] in w.of_not:
                return None
            head = noun[x - 1]
        else:
            head = noun[-1]
        return way, k, end, head
    return None


# Tokens of a relative clause between a superlative's noun and its link ("The heaviest fine, which was
# imposed in May, was £9,200").
RELATIVE_REACH = 10
_RELATIVES = frozenset({"which", "who", "whose", "that"})


def _before_relative(d: _Doc, si: int, end: int) -> int:
    """Where the noun phrase ends when a relative clause set off by commas stands between it and its link
    at ``end`` (", which is closely watched, was"): the first comma's token; else ``end``."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    if end < 1 or words[end - 1] != ",":
        return end
    for x in range(end - 2, max(0, end - 2 - RELATIVE_REACH), -1):
        if toks[x].fact >= 0 or words[x] in CLAUSE_END:
            return end
        if words[x] == ",":
            return x if x + 1 < end and words[x + 1] in _RELATIVES else end
    return end


def _sup_made(d: _Doc, si: int, pos: int) -> tuple[str, int, int, str] | None:
    """A superlative told of the figure at ``pos`` by a clause after it that makes it so ("Wind supplied 31%
    of the UK's power, making it the country's largest source of power"): (its way, first and one past the
    last token of the phrase, its head noun), else None. No other amount stands between; nothing after the
    noun narrows it but ``free_after`` ("for the first time")."""
    w = _sup_words()
    ways, _ = _named_sup_table()
    words = d.m.words[si]
    toks = d.m.tokens[si]
    for x in range(pos + 1, min(len(words), pos + 1 + w.makes_reach)):
        if words[x] in CLAUSE_END:
            return None
        fx = toks[x].fact
        if fx >= 0 and d.facts[fx].kind in AMOUNTS:
            return None
        hit = w.makes.starting_at(words, x) if words[x - 1] == "," or words[x] == "which" else None
        if hit is None:
            continue
        k = hit[1]
        if k >= len(words) or words[k] not in w.opens:
            return None
        k += 1
        if k < len(words) and words[k].endswith(("'s", "\u2019s")):
            k += 1  # "the country's largest"
        if k >= len(words) or words[k] not in ways:
            return None
        way, start = ways[words[k]], k
        j = k + 1
        while j < len(words) and toks[j].fact < 0 and words[j][:1].isalpha() and words[j] not in w.narrow:
            j += 1
        noun = [x for x in words[k + 1 : j] if x != "of"]
        if not noun or j - k > SUP_NOUN_WORDS + 1:
            return None
        rest = tuple(d.view.text[t.start : t.end].lower() for t in toks[j : d.m.clause_end(si, j)])
        if rest and rest[0] not in (",", ".", ";") and not any(rest[: len(p)] == p for p in w.free_after):
            return None  # "the largest source of power in Scotland": a part's ranking
        head = words[j - 1] if "of" not in words[k + 1 : j] else words[k + 1 + words[k + 1 : j].index("of") - 1]
        return way, start, j, head
    return None


def _stem_told(head: str, words: Sequence[str]) -> bool:
    """A word of ``words`` names the head noun again, in its own form or another ("loss" … "lost", "fine" …
    "fined"): the two share all but the head's last letter, at least three letters."""
    n = max(3, len(head) - 1)
    stem = head[:n]
    return len(head) >= 3 and any(x.startswith(stem) for x in words)


def _sup_figures(d: _Doc) -> Iterator[Relation]:
    """A superlative noun phrase and its own figure ("The largest single loss, £246,000, was suffered by a
    teacher, while a miner from Ashby lost £310,000"; "set the race's fastest lap, a 1:31.598, although
    Okoro's best of 1:31.402 came close"; "The heaviest fine was £9,200. A Leeds builder was fined
    £11,500") against a rival's figure of one family and unit, within three times of it: in a clause of its
    sentence opened by a contrast word, or in the sentence before or after when that clause names the
    noun again or calls its figure a rival's or a best. The rival's clause names a holder and tells no
    whole ("between them"); the time frames agree. Times: "fastest" is the smallest. A ``superlative``
    relation (a: the superlative's figure, b: the rival's)."""
    w = _sup_words()
    sup_words, _ = _named_sup_table()
    n = 0
    told: dict[int, bool] = {}  # per sentence: a superlative word in it (most have none)
    for si, pos, fi, f in d.figures(AMOUNTS):
        if f.hedge not in ("exact", "about") or n >= SUPERLATIVES_READ:
            continue  # "about £246,000" keeps its printed precision; a bound ("more than") ranks nothing
        if si not in told:
            told[si] = not sup_words.keys().isdisjoint(d.m.words[si])
        if not told[si]:
            continue
        said = _sup_before(d, si, pos) or _sup_made(d, si, pos)
        if said is None:
            continue
        way, start, end, head = said
        timed = _timed(d, fi)
        if way in ("quick", "slow"):
            if not timed:
                continue
            order = "below" if way == "quick" else "above"
        else:
            order = "above" if way == "more" else "below"
        n += 1
        cue = d.span(si, start, end)
        rivals = 0
        for s2 in range(max(0, si - SUP_FIGURE_SENTENCES), min(len(d.m.tokens), si + SUP_FIGURE_SENTENCES + 1)):
            words = d.m.words[s2]
            for k, tok in enumerate(d.m.tokens[s2]):
                oi = tok.fact
                if oi < 0 or oi == fi or rivals >= RIVALS_PER_WORD or (s2 == si and k <= pos):
                    continue
                if not _alike(d, fi, oi, concept=True) or d.facts[oi].unit != f.unit or not _one_size(d, fi, oi):
                    continue
                ways = {_direction(d, oi), _direction(d, fi)} - {""}
                if _timed(d, oi) != timed or len(ways) > 1 or d.older_end(s2, k):
                    continue
                lo, hi = d.m.clause_start(s2, k), d.m.clause_end(s2, k)
                clause = words[lo:hi]
                if s2 == si:
                    if not w.contrast.intersection(words[pos + 1 : k]):
                        continue
                    if _named_as_other(d, s2, k, head):
                        continue  # "while the council added £60,000 in grants": another kind of payment
                elif not (
                    (s2 > si and (_stem_told(head, clause) or _concept_told(d, head, clause)))
                    or w.rival_words.intersection(clause)
                ):
                    continue  # "Donors gave £1.2m. The largest single gift, £250,000, ...": a whole told before
                if w.wholes.intersection(clause) or not _frames_agree(d, fi, oi):
                    continue
                if _other_occasion(d, s2, lo, k, si):
                    continue  # "In qualifying, Lenz set a best of 1:42.655": another session's time
                # A rival in another sentence is named ("At Brook school, repairs cost £21,900"); one in a
                # clause of contrast has its own subject ("while parks will receive £72m").
                lo = lo if s2 == si else 0
                if s2 != si and not _caps(d, s2, lo, hi) and not (lo == 0 and _opens_with_name(d, s2)):
                    continue
                rivals += 1
                evidence = "sentence" if s2 == si else "document"
                yield Relation("superlative", (("a", fi), ("b", oi)), (cue,), evidence, (("order", order),))


def _concept_told(d: _Doc, head: str, words: Sequence[str]) -> bool:
    """A word of ``words`` names the head noun's concept ("bid" … "offer": a deal)."""
    concept = d.v.concepts.get(head) or d.v.concepts.get(singular(head))
    return bool(concept) and any(d.v.concepts.get(x) == concept for x in words)


def _named_as_other(d: _Doc, si: int, k: int, head: str) -> bool:
    """The figure at ``k`` is named by a noun after it that is not the superlative's ("£60,000 in grants",
    "£9,000 of loans"), or it counts a noun of its own ("14 aircraft")."""
    words = d.m.words[si]
    x = k + 1
    if x < len(words) and words[x] in ("in", "of") and x + 1 < len(words) and words[x + 1][:1].isalpha():
        return not _stem_told(head, words[x + 1 : x + 3])
    return False


def _other_occasion(d: _Doc, si: int, lo: int, k: int, own: int) -> bool:
    """The rival's clause (or its sentence's opening) tells another occasion of the figure's kind: a
    preposition of time or place before it with a common noun the superlative's sentence does not use ("In
    qualifying,", "while in the heats"), or "among" a narrower group ("Among 16- to 24-year-olds the rate
    was 14.2%"); a place's name ("in Tarn ward") is a rival's."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    mine = set(d.m.words[own])
    for x in range(lo, k):
        if words[x] in _GROUP_OPENS:
            return True  # "Among 16- to 24-year-olds the rate was 14.2%": a narrower group, no rival
        if words[x] not in _OCCASION_OPENS:
            continue
        y = x + 1 + (x + 1 < k and words[x + 1] in _DETERMINERS)
        if y >= k or toks[y].fact >= 0 or not words[y][:1].isalpha():
            continue
        if d.view.text[toks[y].start].isupper():
            continue
        if words[y] not in mine:
            return True
    return False


# Prepositions that may open another occasion before a rival's figure.
_OCCASION_OPENS = frozenset({"in", "during", "at"})
# Prepositions that open a narrower group of the superlative's own whole ("Among women, the rate was 9%").
_GROUP_OPENS = frozenset({"among", "amongst"})


# Superlatives before their figure read per document: bounds the comparisons.
SUPERLATIVES_READ = 6


def _named_figures(d: _Doc, si: int) -> list[tuple[str, int]]:
    """The figures sentence ``si`` gives to names, one kind, each name once: "Ferraro clocked 2:06.71, Ellis
    2:06.94 and Kiss 2:07.30", "24.1C in Tarnby, 25.3C in Dunmore"; else []."""
    out: list[tuple[str, int]] = []
    words = d.m.words[si]
    for pos, tok in enumerate(d.m.tokens[si]):
        fi = tok.fact
        if fi < 0 or d.facts[fi].kind in _WHEN_KINDS or d.facts[fi].value is None or d.facts[fi].is_range:
            continue
        got = _name_entry(d, si, pos, "name_verbs")
        if got is not None:
            e = got[0][0]
            out.append((" ".join(words[e.start : e.end]), fi))
            continue
        placed = _place_entries(d, si, pos)
        if placed is not None and len(placed[0]) == 1:
            e = placed[0][0]
            out.append((" ".join(words[e.start : e.end]), fi))
        elif pos > 1 and words[pos - 1] in _named_verbs():
            name = _name_before(d, d.m.tokens[si], pos - 1)  # "where Ferraro clocked 2:06.71"
            if name:
                out.append((name, fi))
    kinds = {family(d.facts[fi]) for _, fi in out}
    names = [n for n, _ in out]
    return out if len(kinds) == 1 and len(set(names)) == len(names) else []


def _one_measure(d: _Doc, a: int, b: int) -> bool:
    """Two entries' figures of one measure: one concept (or none told for one of them), or one scale word
    ("16.9 million phones" … "71.2 million units")."""
    ca, cb = d.m.frame(a).concept, d.m.frame(b).concept
    if not ca or not cb or ca == cb:
        return True
    sa, sb = (_SCALE_WORD.search(d.facts[i].text) for i in (a, b))
    return sa is not None and sb is not None and sa.group(1).lower() == sb.group(1).lower()


# A scale word a figure is written with ("18m", "71.2 million").
_SCALE_WORD = startcache.compile(r"(bn|m|k|tn|million|billion|trillion|thousand)\b", re.IGNORECASE)


def _change_froms(d: _Doc) -> Iterator[int]:
    """The older ends of the changes a sentence tells ("up 21% from 48.3 million"): no entry's level now."""
    for si, pos, fi, _f in d.figures(AMOUNTS):
        if d.older_end(si, pos):
            yield fi


def _outranks(a: Fact, b: Fact, better: str) -> bool:
    """``a`` is better than ``b`` beyond their printed precision: larger ("above") or smaller ("below")."""
    from numcheck.judges.arith import value_interval

    ia, ib = value_interval(a), value_interval(b)
    if ia.low is None or ia.high is None or ib.low is None or ib.high is None:
        return False
    return ia.low > ib.high if better == "above" else ia.high < ib.low


# Two figures at one place of one chart are near each other: more than this factor apart, they are two
# charts' ("second on 298.5 points" in a team table, "second in 7.91" in a race).
CHART_SPREAD = 4


def _far_apart(a: Fact, b: Fact) -> bool:
    if a.value is None or b.value is None or a.value <= 0 or b.value <= 0:
        return False
    return max(a.value, b.value) > CHART_SPREAD * min(a.value, b.value)


def _clash(d: _Doc, p: Placing, q: Placing) -> Relation | None:
    if p.ranked_by and q.ranked_by and p.ranked_by != q.ranked_by:
        return None  # "the second-largest bank" and "the second-biggest insurer": two rankings
    if (p.ranked_by or q.ranked_by) and q.si - p.si > SUPERLATIVE_SENTENCES:
        return None
    # The roles are the places' own facts, else their entries' figures; a place told in words alone ("ranked
    # fourth") has neither, and the relation is known by its cues.
    role_a = p.fact if p.fact >= 0 else p.figure
    role_b = q.fact if q.fact >= 0 else q.figure
    if role_a >= 0 and role_a == role_b:
        return None
    kp, kq = _clash_key(d, p), _clash_key(d, q)
    if kp is None or kq is None or _new_list_between(d, p, q):
        return None
    if kp[1] != kq[1] and (kp[1] and kq[1] or any(w in _tables().markets or w[0] == "@" for w in kp[1] | kq[1])):
        return None  # "in the US", "in its home market", "the album chart": another chart's place
    if kp[2] != kq[2] and not ((p.ranked_by or q.ranked_by) and not (kp[2] and kq[2])):
        return None  # "last week", "in 2003": another week's chart; a yearly ranking may name its year once
    first, second = kp[0], kq[0]
    if (
        not (first and second)
        and p.figure >= 0
        and q.figure >= 0
        and d.facts[p.figure].value != d.facts[q.figure].value
    ):
        # Entries told by common nouns ("the radio came third (22%)" … "the camera was third with 19%"): two
        # figures at one place tell two entries apart when their nouns do.
        first, second = _subject_words(d, p), _subject_words(d, q)
    if not first or not second or first & second:
        return None  # an entry unnamed ("it dropped to number three") or named twice
    if _one_entry(first | _opening_name(d, p), second | _opening_name(d, q), _opening_name(d, p) | _opening_name(d, q)):
        return None  # "The Green Party has won ..." … "Green candidate Lucy Fenwick won with": one entry, two names
    if p.figure >= 0 and q.figure >= 0 and not _alike(d, p.figure, q.figure):
        return None  # a film's takings and a book's copies: two charts
    if p.figure >= 0 and q.figure >= 0 and _far_apart(d.facts[p.figure], d.facts[q.figure]):
        return None  # "second on 298.5 points" in the team table, "second in 7.91" in one race: two charts
    evidence = "sentence" if p.si == q.si else "document"
    names = (("first", " ".join(sorted(first))), ("second", " ".join(sorted(second))))
    cues = (d.span(p.si, p.start, p.end), d.span(q.si, q.start, q.end))
    roles = tuple((name, fi) for name, fi in (("a", role_a), ("b", role_b)) if fi >= 0)
    return Relation("rank-clash", roles, cues, evidence, (("place", str(p.rank)), *names))


def _opening_name(d: _Doc, p: Placing) -> frozenset[str]:
    """The first word of a place's sentence, which the entry's names leave out (a capital there may open any
    sentence), when no other place stands before it there: "Green candidate Lucy Fenwick won with" -> green."""
    toks = d.m.tokens[p.si]
    if not toks or toks[0].fact >= 0 or any(x.si == p.si and x.end <= p.start for x in _placings(d)):
        return frozenset()
    raw = d.view.text[toks[0].start : toks[0].end]
    word = toks[0].text.removesuffix("'s")
    return frozenset({word}) if raw[:1].isupper() and word.isalpha() else frozenset()


def _one_entry(first: frozenset[str], second: frozenset[str], openers: frozenset[str]) -> bool:
    """Two entries' names share a sentence's opening word, singular or plural ("The Conservatives have won"
    … "Conservative candidate Gary Holt won with"): one entry told by its party and by its candidate."""
    a, b = {singular(w) for w in first}, {singular(w) for w in second}
    return bool(a & b & {singular(w) for w in openers})


def _new_list_between(d: _Doc, p: Placing, q: Placing) -> bool:
    """A list or chart named by its kind between two places ("was a new entry in the young millionaires
    list"): the later place may be that list's."""
    lists = _tables().rank_lists
    text = d.view.text
    sentences = d.view.doc.sentences
    for s in range(p.si + 1, q.si + 1):
        span = sentences[s].span
        hi = d.m.tokens[s][q.start].start if s == q.si and d.m.tokens[s] else span.end
        words = TOKEN.findall(text[span.start : hi].lower())
        # A list named by its kind ("the young millionaires list", "the album chart"), not "the chart" again.
        if any(
            w in lists and x and words[x - 1][:1].isalpha() and words[x - 1] not in _DETERMINERS
            for x, w in enumerate(words)
        ):
            return True
    return False


def _clash_key(d: _Doc, p: Placing) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    """(the entry's names, the chart's words, the times told) of a place, or None when its clause says
    two entries may share it or tells a race's distance or time (heats and events have places of their own)."""
    t = _tables()
    toks = d.m.tokens[p.si]
    words = d.m.words[p.si]
    lo, hi = d.m.clause_start(p.si, p.start), d.m.clause_end(p.si, max(p.end - 1, p.start))
    when: set[str] = set()
    for j in range(lo, hi):
        if words[j] in t.ties:
            return None
        fi = toks[j].fact
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.kind == "measure" or f.kind == "duration" and f.unit in _RACE_UNITS:
            return None  # "in the 100m", "in 10.2 seconds": a race's place; "for a third week" is a chart's run
        if f.kind == "ordinal" and j + 1 < hi and words[j + 1] in t.rank_events and fi != p.fact:
            when.add(f"{f.text.lower()} {words[j + 1]}")  # "second in the third stage": that stage's place
            continue
        if f.kind in _WHEN_KINDS and not f.text.lower().endswith(("'s", "’s")):
            # "last week's leader" names the entry, not the place's week; "this week", "over the weekend"
            # are the chart's own week, as is a place told with no time.
            if not (f.kind == "relative" and f.value == 0) and f.kind != "weekday":
                when.add(f.text.lower())
    # The entry: the names before the place, back to the place told before it in its sentence, else after it.
    before = max((x.end for x in _placings(d) if x.si == p.si and x.end <= p.start), default=0)
    entry = _caps(d, p.si, before, p.start) or _caps(d, p.si, p.end, hi)
    chart = _chart_words(d, p, lo, hi)
    return entry - chart, chart, frozenset(when)


def _subject_words(d: _Doc, p: Placing) -> frozenset[str]:
    """The plain words of a place's clause before it, back to the place told before it: "the radio came in"."""
    words = d.m.words[p.si]
    lo = max([d.m.clause_start(p.si, p.start)] + [x.end for x in _placings(d) if x.si == p.si and x.end <= p.start])
    links = _tables().figure_links
    return frozenset(
        w for w in words[lo : p.start] if w[:1].isalpha() and len(w) > 2 and w not in _NOT_NOUNS and w not in links
    )


def _chart_words(d: _Doc, p: Placing, lo: int, hi: int) -> frozenset[str]:
    """The market or chart a place is told for: "in the US", "in its home market", "on the album chart"
    (the list's own noun dropped, its kind kept), "the number one single" (the noun after the place)."""
    t = _tables()
    words = d.m.words[p.si]
    # The market told after the place ("at number two in the US"), or opening its clause ("In Spain, the
    # film was fifth"); not one inside the entry's own words ("a vampire loose in New York, in third").
    opening = lo
    if words[lo] in _MARKET_OPENERS:
        opening = next((j for j in range(lo, p.start) if words[j] == ","), lo)
    got = set(_places(d, p.si, lo, opening) | _places(d, p.si, p.end, hi)) - t.rank_lists - _CHART_FILLERS
    if not p.ranked_by and p.end < len(words) and words[p.end][:1].isalpha() and words[p.end] not in _NOT_CHART:
        got.add(words[p.end])  # "number one single", "fifth album"
    # A market named with a capital ("in the US", "on Spain's chart") is one of the markets.
    names = _caps(d, p.si, lo, hi)
    return frozenset(w for w in got - names if w not in _NOT_NOUNS) | frozenset("@" + w for w in got & names)


# --- the top place held behind another: "the most visited attraction, behind the pier" -----------------


def _tops_behind(d: _Doc) -> Iterator[Relation]:
    """A superlative with no ordinal before it is the first place of its ranking ("the country's most visited
    attraction", "the biggest seller"); an entry named after ", behind" or "second only to" in its clause is
    ahead of it, so one of the two is wrong ("the second most visited" fits). A ``rank-clash`` relation of
    words alone (its cues: the superlative and the words that put another ahead), label ``top``."""
    t = _tables()
    text = d.view.text
    for si, sentence in enumerate(d.view.doc.sentences):
        chunk = text[sentence.span.start : sentence.span.end].lower()
        if not any(cue in chunk for cue in t.ahead_cues):
            continue  # the cheap test first: no "behind", "trailing" or "second only" in the sentence's text
        toks = d.m.sentence_tokens(si)
        words = [tok.text for tok in toks]
        for k in t.ahead.starts_in(words):
            ahead = t.ahead.starting_at(words, k)
            if ahead is None or k < 2 or (words[k - 1] != "," and ahead[0] == "comma"):
                continue
            j = ahead[1]
            if j >= len(words) or not (toks[j].text[:1].isalpha() or toks[j].fact >= 0):
                continue
            name = j + 1 if words[j] in _DETERMINERS and j + 1 < len(words) else j
            raw = d.view.text[toks[name].start : toks[name].end]
            if ahead[0] == "comma" and not raw[:1].isupper():
                continue  # "behind schedule", "behind the station": a place or a state, no entry ahead
            top = _top_before(d, si, toks, words, k)
            if top is None:
                continue
            end = j + 1
            while (
                end < len(words) and end - j < AHEAD_NAME_WORDS and words[end] not in CLAUSE_END and words[end] != ","
            ):
                end += 1
            cues = (Span(toks[top[0]].start, toks[top[1] - 1].end), Span(toks[k].start, toks[end - 1].end))
            yield Relation("rank-clash", (), cues, "clause", (("place", "1"), ("top", words[top[0]])))


# Tokens before "behind" the place it follows may stand in ("second on 52 points, behind"), and entries
# named after it that are read at most.
BEHIND_PLACE_REACH = 10
BEHIND_ENTRIES = 6
# Tokens between an entry's name and its figure ("Astley on 60").
ENTRY_FIGURE_REACH = 2


def _places_behind(d: _Doc) -> Iterator[Relation]:
    """A place told with the entries ahead of it named after "behind" ("lifts Corby to second on 52 points,
    behind leaders Astley on 60 and Dunholm on 55"): each entry named with its figure holds a place above
    it, so the place is below their count ("third" fits); an entry named by its place ("three points behind
    third-placed Oakby", "behind leaders Astley") holds a better place. A place left ("up from second") is
    not read; the place is the last one told before "behind" in its clause. A ``rank-clash`` relation of
    words alone (its cues: the place and the entries ahead), labels ``place`` and ``ahead`` (how many are
    ahead) or ``above`` (the place of the entry ahead)."""
    t = _tables()
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        if not t.behind_words.intersection(words):
            continue
        for k, w in enumerate(words):
            if w not in t.behind_words:
                continue
            at = _place_before(d, si, k)
            if at is None:
                continue
            rank, start, end, own = at
            entries = _entries_after(d, si, k + 1, own)
            if entries is None:
                continue
            count, above, last = entries
            cues = (Span(toks[start].start, toks[end - 1].end), Span(toks[k].start, toks[last - 1].end))
            if above and above >= rank:
                yield Relation("rank-clash", (), cues, "clause", (("place", str(rank)), ("above", str(above))))
            elif count >= rank:
                yield Relation("rank-clash", (), cues, "clause", (("place", str(rank)), ("ahead", str(count))))


def _place_before(d: _Doc, si: int, k: int) -> tuple[int, int, int, int] | None:
    """The place told last before "behind" at token ``k`` in its clause ("to second on 52 points, behind"):
    (place, its first token, one past it, the entry's own figure or -1); not a place left ("from second"),
    not one of a superlative ("the second-biggest", read by its own reader)."""
    words, toks = d.m.words[si], d.m.tokens[si]
    own = -1
    for x in range(k - 1, max(-1, k - 1 - BEHIND_PLACE_REACH), -1):
        w = words[x]
        if w in CLAUSE_END:
            return None
        fi = toks[x].fact
        if fi >= 0 and d.facts[fi].kind in AMOUNTS and not is_gap(d, fi) and x + 1 < k:
            own = fi if own < 0 else own
        rank = _ordinal(d, si, x)
        if not rank:
            continue
        if x and words[x - 1] == "from":
            continue  # "up from fifth": the place left
        if fi >= 0 and d.facts[fi].text.lower().endswith("-placed"):
            return None  # "second-placed Corby, behind ...": an entry's label, read with its own sentence
        nxt = words[x + 1] if x + 1 < len(words) else ""
        if nxt in _tables().superlatives or (fi >= 0 and "-" in d.facts[fi].text):
            return None  # "the second-biggest lender behind A": a superlative's place
        if nxt and nxt not in (",", "on", "with", "in", "place", "position", "spot", "behind", "trailing", "and"):
            return None  # "the second half", "third round": not a place in a table
        return rank, x, x + 1 + (nxt in ("place", "position", "spot")), own
    return None


def _entries_after(d: _Doc, si: int, j: int, own: int) -> tuple[int, int, int] | None:
    """The entries named after "behind" from token ``j``: (how many, each told with its figure; the best
    place one of them is named by, or 0; one past the last token read), else None. A list with an entry
    told without a figure is counted only for the places it names ("behind Trinidad and Tobago" may be one
    entry); an entry's figure below the place's own figure says another ranking."""
    t = _tables()
    words, toks = d.m.words[si], d.m.tokens[si]
    text = d.view.text
    count, above, bare = 0, 0, False
    end = j
    while j < len(words) and count + bare < BEHIND_ENTRIES:
        place = 0
        while j < len(words) and toks[j].fact < 0 and words[j] in t.entry_roles:
            if words[j] in t.first_roles:
                place = 1
            j += 1
        if j < len(words) and toks[j].fact >= 0 and d.facts[toks[j].fact].kind == "ordinal":
            place = _ordinal(d, si, j)  # "third-placed Oakby"
            j += 1
        name = j
        while j < len(words) and toks[j].fact < 0 and text[toks[j].start : toks[j].end][:1].isupper():
            j += 1
        if j == name or words[name] in NOT_NAMES:
            break
        if place:
            above = min(above, place) if above else place
        x = j
        fi = -1
        if x < len(words) and words[x] in t.entry_links:
            fi = _figure_after(d, si, x + 1, ENTRY_FIGURE_REACH)
        if fi >= 0 and (own < 0 or _alike(d, own, fi)):
            if own >= 0 and (d.facts[fi].value or 0) < (d.facts[own].value or 0):
                return None  # the entry ahead has less: another ranking, or not a table
            count += 1
            j = d.pos_of(fi)[1] + 1
            while j < len(words) and toks[j].fact < 0 and words[j][:1].isalpha() and words[j] not in ("and",):
                if words[j] in t.entry_links or text[toks[j].start : toks[j].end][:1].isupper():
                    break
                j += 1  # "on 60 points"
        else:
            bare = True
        end = j
        if j < len(words) and words[j] in (",", "and"):
            nxt = j + 1 + (words[j] == "," and j + 1 < len(words) and words[j + 1] == "and")
            raw = text[toks[nxt].start : toks[nxt].end] if nxt < len(words) else ""
            if raw and toks[nxt].fact < 0 and (words[nxt] in t.entry_roles or raw[:1].isupper()):
                j = nxt
                continue  # ", Dunholm on 55", "and third-placed Oakby"
        break
    if bare:
        count = 0
    return (count, above, end) if count or above else None


def _top_before(d: _Doc, si: int, toks: Sequence[Token], words: Sequence[str], k: int) -> tuple[int, int] | None:
    """The superlative of a first place before token ``k`` in its clause: "the most visited", "its biggest";
    (its first token, one past it), else None. Not after an ordinal ("the second most visited") or a word
    that narrows the ranking past the one ahead ("the biggest outside London", "the largest but one")."""
    t = _tables()
    lo = max(0, k - TOP_REACH)
    for x in range(k - 1, lo - 1, -1):
        w = words[x]
        if w in CLAUSE_END or w in t.top_limits:
            return None
        if w not in t.top_words:
            continue
        before = words[x - 1] if x else ""
        fi = toks[x - 1].fact if x else -1
        if before in t.ordinals or (fi >= 0 and d.facts[fi].kind == "ordinal") or before[-2:] in _SUFFIXES:
            return None  # "the second most visited", "its 3rd biggest"
        if before not in _DETERMINERS and not before.endswith(("'s", "\u2019s")) and before not in ("its", "their"):
            return None
        return x, x + 1 + (x + 1 < k and w == "most")
    return None


# --- "Only Kim has run faster, setting 9.98": the ones said to be better than the figure told before ---------


def _only_better(d: _Doc) -> Iterator[Relation]:
    """ "The teenager clocked 20.05 seconds ... Only Ade Bolan has run faster, setting 20.11secs": a name
    after "only" with a comparative ("has gone quicker", "has scored more") tells the one entry ahead of the
    figure told just before; each figure told of that entry in its sentence must be the better (a faster
    time, a larger amount). Not when the two sentences name different events ("over 100m"). A
    ``superlative`` relation (a: the entry's figure, b: the figure it is ahead of)."""
    t = _tables()
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        if not toks or "only" not in words:
            continue
        for k in (x for x, w in enumerate(words) if w == "only"):
            if k + 1 >= len(words) or toks[k + 1].fact >= 0:
                continue
            raw = d.view.text[toks[k + 1].start : toks[k + 1].end]
            if not raw[:1].isupper() or words[k + 1] in NOT_NAMES:
                continue
            better = next(
                (j for j in range(k + 2, min(len(words), k + 2 + ONLY_REACH)) if words[j] in t.better_words), -1
            )
            if better < 0 or any(w in CLAUSE_END for w in words[k:better]):
                continue
            own = _told_before(d, si, k)
            if own < 0:
                continue
            rivals = 0
            for j in range(better + 1, len(words)):
                fi = toks[j].fact
                if fi < 0 or not _alike(d, fi, own) or rivals >= RIVALS_PER_WORD or words[j - 1] in _EVENT_WORDS:
                    continue
                rivals += 1
                cue = d.span(si, k, better + 1)
                yield Relation(
                    "superlative", (("a", fi), ("b", own)), (cue,), "document", (("order", _better(d, own)),)
                )


def _told_before(d: _Doc, si: int, k: int) -> int:
    """The figure an "only X has gone quicker" sentence is ahead of: the nearest amount or time before it in
    its sentence or the two before; none past a race of another distance ("in the 200m" … "over 100m")."""
    events = {d.facts[fi].value for fi in _events(d, si)}
    for s2, pos, fi in d.m.figures_before(si, k, ONLY_SENTENCES):
        f = d.facts[fi]
        if f.kind == "measure" and pos and d.m.words[s2][pos - 1] in _EVENT_WORDS:
            if events and f.value not in events:
                return -1
            continue
        if f.kind in AMOUNTS and not f.is_range and f.value is not None:
            return fi
    return -1


def _events(d: _Doc, si: int) -> Iterator[int]:
    """The distances a sentence names as its race ("over 100m", "the 200m")."""
    words = d.m.words[si]
    for pos, tok in enumerate(d.m.tokens[si]):
        if tok.fact >= 0 and d.facts[tok.fact].kind == "measure" and pos and words[pos - 1] in _EVENT_WORDS:
            yield tok.fact


# --- a race's places and times: "Okafor won in 3:41.20, with Lindqvist second in 3:41.90" -----------


def _timed_place_at(d: _Doc, si: int, k: int) -> tuple[int, int, int] | None:
    """A race place told with its time at token ``k``: (place, the time's fact, the end of its words) for "won in T", "took gold
    in a time of T", "second in T", "runner-up in T", "finished third in T"; else None."""
    t = _tables()
    words = d.m.words[si]
    won = t.won.starting_at(words, k)
    if won is not None:
        rank, j = 1, won[1]
        end = j - 1  # the words up to "in"
        if words[j : j + 3] == ("a", "time", "of"):
            j += 3
    else:
        second = t.runner_up.starting_at(words, k)
        rank = 2 if second is not None else _ordinal(d, si, k)
        j = second[1] if second is not None else k + 1
        if not rank or j >= len(words) or words[j] != "in":
            return None
        end = j
        j += 1
    fi = d.fact_at(si, j)
    if fi < 0 or d.facts[fi].kind != "duration" or d.facts[fi].value is None:
        return None
    return rank, fi, end


# Time figures that date a sentence (not a race's time, a duration).
_WHEN_KINDS = frozenset({"year", "date", "relative", "weekday", "decade"})
# Words that may stand between a place's time and the next place when the next place has no subject of
# its own ("won in 2:10:05 last year and came second in"): one runner's two races.
_SAME_RUNNER = frozenset("and then later also had has have been was came finished placed ran".split())


def _timed_apart(d: _Doc, s1: int, s2: int) -> bool:
    """The later of two sentences tells a time of its own ("A week earlier he had been second ..."): its
    place may be another race's."""
    return s1 != s2 and any(t.fact >= 0 and d.facts[t.fact].kind in _WHEN_KINDS for t in d.m.tokens[s2])


def _new_subject(d: _Doc, other: int, si: int, k: int) -> bool:
    """The place at token ``k`` has a runner of its own: a name or a noun between the other place's time
    (``other``, when in the same sentence) and the place, not only "and came", "then finished"."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    lo = d.m.clause_start(si, k)
    osi, opos = d.pos_of(other)
    if osi == si and opos < k:
        lo = max(lo, opos + 1)
    between = [
        j for j in range(lo, k) if toks[j].fact < 0 and words[j] not in CLAUSE_END and words[j] not in (",", ";")
    ]
    return any(words[j] not in _SAME_RUNNER and not _frame_word(d, si, j) for j in between) or not between


def _frame_word(d: _Doc, si: int, j: int) -> bool:
    return d.m.words[si][j] in ("last", "this", "next", "year", "week", "month", "in", "on", "at")


def _race_places(d: _Doc) -> Iterator[Relation]:
    """Places of one race told with their times in a sentence or the next ("Okafor won in 3:41.20, with
    Lindqvist second in 3:41.90"): each place against the next place; the better one cannot have the
    slower time (a ``superlative`` relation, as for ranks)."""
    t = _tables()
    found: list[tuple[int, int, int, int, int]] = []  # sentence, place, fact, first and last token
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for k in range(len(toks)):
            w = words[k]
            if w not in t.rank_starts and w not in t.race_starts:
                # An ordinal word is a rank start: past those, only a figure or a numeral like "10th" can be one.
                if (toks[k].fact < 0 and w[-2:] not in _SUFFIXES) or not _ordinal(d, si, k):
                    continue
            got = _timed_place_at(d, si, k)
            if got is not None:
                found.append((si, got[0], got[1], k, got[2]))
    for x, (s1, r1, a, k1, e1) in enumerate(found):
        for s2, r2, b, k2, e2 in found[x + 1 :]:
            if s2 - s1 > 1:
                break
            if r1 == r2 or not _alike(d, a, b) or d.facts[a].unit != d.facts[b].unit:
                continue
            if not _frames_agree(d, a, b) or not _new_subject(d, a, s2, k2) or _timed_apart(d, s1, s2):
                continue  # another day's race, or one runner's two races ("won in ... and came second in")
            if _divisions_differ(d, (s1, k1), (s2, k2)):
                continue  # "won the men's race in 2:08:41. In the women's, Baird was second in 2:25:02"
            better, worse = (a, b) if r1 < r2 else (b, a)
            evidence = "sentence" if s1 == s2 else "document"
            cues = (d.span(s1, k1, e1), d.span(s2, k2, e2)) if r1 < r2 else (d.span(s2, k2, e2), d.span(s1, k1, e1))
            yield Relation("superlative", (("a", better), ("b", worse)), cues, evidence, (("order", "below"),))


# --- superlatives before a change noun: "The steepest fall was in the south, where rents fell 1.8%" ----


def _head_at(d: _Doc, si: int, k: int) -> tuple[str, str, int] | None:
    """A superlative and its change noun at token ``k`` ("biggest decline", "largest monthly rise"):
    (order, the change's direction, one past the noun), else None."""
    t = _tables()
    words = d.m.words[si]
    head = t.heads.starting_at(words, k)
    if head is None:
        return None
    order, j = head
    for gap in range(2):  # "the biggest monthly fall", "the largest one-day rise"
        noun = t.change_nouns.starting_at(words, j + gap)
        if noun is not None:
            return order, noun[0], noun[1]
    return None


def _superlative_heads(d: _Doc) -> Iterator[Relation]:
    """The biggest (smallest) change of its kind, with its figure, against the changes of the same
    direction told of others around it: "Rents in the north fell by 2.3%" … "The steepest fall was
    recorded in the south, where rents fell by 1.8%". Rivals stand in another clause, within
    ``RIVAL_SENTENCES``, share a content word with it and its frame. A ``superlative`` relation."""
    heads = _tables().heads
    for si in range(len(d.m.tokens)):
        for k in heads.starts_in(d.m.words[si]):
            got = _head_at(d, si, k)
            if got is None:
                continue
            order, way, end = got
            fi = _figure_after(d, si, end, HEAD_FIGURE_REACH, frozenset({"percent", "money", "count", "number"}))
            if fi < 0 or _direction(d, fi) not in ("", way):
                continue
            yield from _rivals(d, fi, way, order, d.span(si, k, end))


def _rivals(d: _Doc, fi: int, way: str, order: str, cue: Span) -> Iterator[Relation]:
    si, pos = d.pos_of(fi)
    lo_c, hi_c = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    bag = _bag(d, si, pos).keys()
    n = 0
    for s2 in range(max(0, si - RIVAL_SENTENCES), min(len(d.m.tokens), si + RIVAL_SENTENCES + 1)):
        for k, tok in enumerate(d.m.tokens[s2]):
            oi = tok.fact
            if oi < 0 or oi == fi or (s2 == si and lo_c <= k < hi_c) or n >= RIVALS_PER_WORD:
                continue
            if not _alike(d, fi, oi) or _direction(d, oi) != way or not _frames_agree(d, fi, oi):
                continue
            if not bag & _bag(d, s2, k).keys():
                continue
            n += 1
            evidence = "sentence" if s2 == si else "document"
            yield Relation("superlative", (("a", fi), ("b", oi)), (cue,), evidence, (("order", order),))


# --- a superlative bound to years: "the quickest pace for three years", "the highest since 1999" --

# Tokens from a superlative to the words that open its years ("fastest rate of growth in four years").
WINDOW_REACH = 6
# Sentences either side of the superlative that its figure (the next one) and its rivals may stand in.
WINDOW_SENTENCES = 3
# Kinds of figure a superlative bound to years ranks.
_WINDOW_KINDS = frozenset({"percent", "money", "count", "number"})


@functools.cache
def _window_words() -> tuple[dict[str, str], frozenset[str]]:
    data = _toml("comparisons.toml")
    words = {w: "above" for w in data["heads"]["above"] + data["window"]["above"] if " " not in w}
    words.update({w: "below" for w in data["heads"]["below"] + data["window"]["below"] if " " not in w})
    return words, frozenset(data["window"]["opens"])


@functools.cache
def _window_ever() -> PhraseTable:
    return PhraseTable.build((p, "ever") for p in _toml("comparisons.toml")["window"]["ever"])


# The last year a superlative "since records began" told with no year of its own beats: every year told.
EVER_LAST = 9999


def _window_at(d: _Doc, si: int, k: int) -> tuple[int, int, int] | None:
    """The years a superlative at token ``k`` is bound to: (first year, last year, one past the words),
    the years before the sentence's own year that it beats ("in four years" of 2004: 2001 to 2003; "since
    1999": 2000 to 2003); else None."""
    words, toks = d.m.words[si], d.m.tokens[si]
    _, opens = _window_words()
    now = [d.facts[t.fact] for t in toks if t.fact >= 0 and d.facts[t.fact].kind == "year"]
    for j in range(k + 1, min(len(words) - 1, k + 1 + WINDOW_REACH)):
        if words[j] in CLAUSE_END or words[j] not in opens:
            continue
        ever = _window_ever().starting_at(words, j + 1) if words[j] == "since" else None
        if ever is not None:
            # "the highest since records began (in 1910)": every year told before the sentence's own; not one
            # narrowed to a part of the year ("the highest for a March since records began").
            if _tables().narrow.intersection(words[k + 1 : j]):
                return None
            at = ever[1]
            began = toks[at + 1].fact if at + 1 < len(words) and words[at] == "in" else -1
            first = int(d.facts[began].value or 0) if began >= 0 and d.facts[began].kind == "year" else 0
            told = [int(y.value or 0) for y in now if began < 0 or y is not d.facts[began]]
            if len(told) > 1:
                return None
            return first, (told[0] - 1 if told else EVER_LAST), at + (2 if began >= 0 else 0)
        fi = toks[j + 1].fact
        f = d.facts[fi] if fi >= 0 else None
        if f is None or f.value is None:
            return None
        since = words[j] == "since" and f.kind == "year"
        span = not since and f.kind == "duration" and f.unit == "year" and f.value == f.value.to_integral_value()
        year = [y for y in now if y is not f and y.value is not None]
        if span and not year and not now:
            # "the lowest intake in a decade" told of now: the years back from this one, told by the times
            # that count back ("five years ago", "last year"), as negative years.
            return -int(f.value) + 1, -1, j + 2
        if not (since or span) or len(year) != 1:
            return None
        cy = int(year[0].value or 0)
        first = int(f.value) + 1 if since else cy - int(f.value) + 1
        return first, cy - 1, j + 2
    return None


def _level(d: _Doc, fi: int) -> bool:
    """The figure is a level reached or held ("fell to 4.7%", "stood at 5%"), not the size of a change."""
    si, pos = d.pos_of(fi)
    k = d.hedge_start(si, pos)
    return k > 0 and d.m.words[si][k - 1] in ("to", "at", "was", "is", "of")


def _year_told(d: _Doc, fi: int, back: bool = False) -> int:
    """The one year told in the clause of the figure, or 0; with ``back``, the one time that counts whole
    years back from now ("five years ago" → -5, "last year" → -1) instead."""
    si, pos = d.pos_of(fi)
    toks = d.m.tokens[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    if back:
        ago = [
            f
            for t in toks[lo:hi]
            if t.fact >= 0
            and (f := d.facts[t.fact]).kind == "relative"
            and f.unit == "year"
            and f.value is not None
            and f.value < 0
            and f.value == f.value.to_integral_value()
        ]
        return int(ago[0].value or 0) if len(ago) == 1 else 0
    years = [d.facts[t.fact] for t in toks[lo:hi] if t.fact >= 0 and d.facts[t.fact].kind == "year"]
    return int(years[0].value or 0) if len(years) == 1 else 0


# Nouns that point back at the quantity just told, naming no concept of their own ("the figure stood at").
_BACK_NOUNS = frozenset({"figure", "number", "total", "tally", "count"})


def _level_told_before(d: _Doc, si: int, k: int) -> int:
    """ "It is the lowest intake in a decade": a superlative whose subject is a pronoun opening its sentence,
    with no figure before it, stands for the newer level the sentence before told (its first figure of the
    window's kinds that is no older end and no stated change); else -1."""
    words = d.m.words[si]
    if si == 0 or k > 4 or not words or words[0] not in ("it", "this", "that"):
        return -1
    if any(t.fact >= 0 for t in d.m.tokens[si][:k]):
        return -1
    for pos, t in enumerate(d.m.tokens[si - 1]):
        fi = t.fact
        if fi < 0 or d.facts[fi].kind not in _WINDOW_KINDS or d.facts[fi].value is None:
            continue
        m = d.m.by_fact.get(fi)
        if d.older_end(si - 1, pos) or (m is not None and m.direction and not _level(d, fi)):
            continue
        return fi
    return -1


def _opened_part(d: _Doc, si: int, fi: int) -> bool:
    """The figure ``fi`` follows a sentence opener "Of the ...," or "Among ...,": a part of the set it names."""
    words = d.m.words[si]
    if not words or words[0] not in ("of", "among", "amongst"):
        return False
    _, pos = d.pos_of(fi)
    return "," in words[:pos]


def _apposed_level(d: _Doc, si: int, k: int) -> int:
    """The figure a superlative at token ``k`` is set beside after a comma ("the number of donors fell to
    780,000, the lowest for a decade"): that figure, not the sentence's first; else -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    j = k - 1
    if j >= 0 and words[j] in ("the", "its", "their"):
        j -= 1
    if j < 1 or words[j] != ",":
        return -1
    fi = toks[j - 1].fact
    if fi < 0 or d.facts[fi].kind not in _WINDOW_KINDS or d.facts[fi].value is None:
        return -1
    return fi


def _level_told_next(d: _Doc, si: int) -> int:
    """The figure a superlative with none of its own stands for in the sentence after it ("its best lambing
    season in 30 years." … "Its GDP was up 1.6%"): that sentence's first figure of the window's kinds when
    all of them count one thing, else its one figure told as the total ("410 ewes produced 318 lambs in
    March and 249 in April, 567 in total"); -1 when the sentence tells several things and no total (which
    of them is the best is not told)."""
    told = [
        t.fact
        for t in d.m.tokens[si]
        if t.fact >= 0 and d.facts[t.fact].kind in _WINDOW_KINDS and d.facts[t.fact].value is not None
    ]
    if not told:
        return -1
    concepts = {c for fi in told if (c := _concept(d, fi))}
    if len(concepts) <= 1:
        return told[0]
    totals = [fi for fi in told if (m := d.m.by_fact.get(fi)) is not None and "total" in m.roles]
    return totals[0] if totals else -1


# Words of a superlative's noun phrase before the years it is bound to ("our best wheat yields for").
SUPERLATIVE_NOUN = 3


def _names_another(d: _Doc, si: int, k: int, fi: int) -> bool:
    """The superlative at token ``k`` names a thing no sum of money measures ("our best yields for three
    years") and the sum told after it is a price or cost of its own ("My costs are close to £160 a tonne"):
    another thing's figure, not the superlative's."""
    if d.facts[fi].kind != "money":
        return False
    words = d.m.words[si]
    _, opens = _window_words()
    head = ""
    for j in range(k + 1, min(len(words), k + 1 + SUPERLATIVE_NOUN)):
        if not words[j].isalpha() or words[j] in opens:
            break
        head = words[j]  # "the biggest apple harvest in": the last word before the years is the thing
    mine, theirs = d.v.concept(head) if head else "", _concept(d, fi)
    money = d.v.money_concepts
    return bool(mine) and mine not in d.v.generic and mine not in money and theirs in money and mine != theirs


def _windows(d: _Doc) -> Iterator[Relation]:
    """A superlative bound to years, "expanded at the fastest pace for three years in 2004" (the figure in
    its sentence or the next: "Its GDP was up 1.6%"), against a figure of the same thing told for a year
    inside those years ("In 2002 the economy expanded by 2.3%"): the superlative's figure must beat it. A
    ``superlative`` relation (a: the superlative's figure), judged as the other superlatives are."""
    words_of, _ = _window_words()
    for si in range(len(d.m.tokens)):
        words = d.m.words[si]
        for k, w in enumerate(words):
            order = words_of.get(w)
            if order is None:
                continue
            window = _window_at(d, si, k)
            if window is None:
                continue
            first, last, end = window
            back = last < 0
            fi = _level_told_before(d, si, k) if back else -1
            if fi < 0:
                fi = _apposed_level(d, si, k)  # "fell to 780,000, the lowest for a decade"
            for s2 in () if fi >= 0 else (si, si + 1):
                if s2 >= len(d.m.tokens):
                    break
                if s2 != si:
                    fi = _level_told_next(d, s2)
                    if fi >= 0 and _names_another(d, si, k, fi):
                        fi = -1  # "our best yields for three years." ... "My costs are close to £160"
                    break
                fi = next(
                    (
                        t.fact
                        for x, t in enumerate(d.m.tokens[s2])
                        if t.fact >= 0
                        and d.facts[t.fact].kind in _WINDOW_KINDS
                        and (x < k or x >= end)
                        and d.facts[t.fact].value is not None
                    ),
                    -1,
                )
                if fi >= 0:
                    break
            if fi < 0:
                continue
            fs = d.pos_of(fi)[0]
            for s2 in range(max(0, si - WINDOW_SENTENCES), min(len(d.m.tokens), si + WINDOW_SENTENCES + 1)):
                for t in d.m.tokens[s2]:
                    oi = t.fact
                    if oi < 0 or oi == fi or (s2 == fs and oi < fi):
                        continue
                    if d.facts[oi].kind not in _WINDOW_KINDS or not _alike(d, fi, oi):
                        continue
                    if _opened_part(d, s2, oi):
                        continue  # "Of the donors who gave last year, 22,000 were aged 17 to 24": a part of the set
                    ca, cb = _concept(d, fi), _concept(d, oi)
                    cb = "" if cb in _BACK_NOUNS else cb  # "five years ago the figure stood at 3,600"
                    grown = d.v.growth_subjects | {"growth"}
                    if ca and cb and ca != cb and not (ca in grown and cb in grown):
                        continue  # another thing's figure ("exports grew 4%" beside "GDP rose 1.7%")
                    if _direction(d, oi) != _direction(d, fi) and not _level(d, fi):
                        continue  # a change against a change of the same way; a level against any level
                    ry = _year_told(d, oi, back)
                    if not first <= ry <= last:
                        continue
                    cue = d.span(si, k, end)
                    yield Relation("superlative", (("a", fi), ("b", oi)), (cue,), "document", (("order", order),))


# --- records: "a record $61bn, after hitting $74bn in the previous year"; "the previous record" ------


def _record_at(d: _Doc, si: int, pos: int) -> tuple[str, int, int] | None:
    """A record said of the figure at ``pos``: (order, first and one past the last token of the words),
    before it ("reached a record $61bn") or set after it ("3.1 million, the highest total ever")."""
    t = _tables()
    words = d.m.words[si]
    fi = d.m.tokens[si][pos].fact
    at = d.hedge_start(si, pos)
    hit = t.records_before.ending_at(words, at)
    if hit is not None:
        order, start = hit
        if order == "moved":
            order = "below" if _direction(d, fi) == "down" or _timed(d, fi) else "above"
        elif order == "best":
            if _best_unknown(d, si, fi):
                return None  # "shot a career-best 64": fewer strokes are better
            order = _better(d, fi)  # "a personal best of 13:02.4": the faster time
        return order, start, at
    if d.older_end(si, pos):
        return None  # "293,000, up 6.5% on last year's 275,000, a record": the record is the newer figure's
    j = pos + 1
    while (
        j < len(words)
        and j - pos <= RECORD_APPOSITION_REACH
        and words[j] not in (",", "-", "–", "—")
        and words[j] not in CLAUSE_END
    ):
        j += 1  # "3.1 million were sold in March alone, the highest ..."
    if j + 1 >= len(words) or words[j] not in (",", "-", "–", "—"):
        return None
    after = t.records_after.starting_at(words, j + 1)
    if after is None:
        return None
    order, end = after
    marks = words[end : min(len(words), end + RECORD_MARK_REACH)]
    if not t.record_marks.intersection(marks) and tuple(words[j + 1 : end]) != ("a", "record"):
        return None
    stop = next((x for x, w in enumerate(marks) if w in t.record_marks), 0)
    return order, j + 1, end + stop + 1


def _passing_at(d: _Doc, si: int, pos: int) -> tuple[str, int, int] | None:
    """A verb after the figure that passes the record named next ("clocked 8:12.4, erasing the previous
    European best", "closed at 412p, beating the old high"): the figure is the better
    one; (order, first and one past the last token of the words), else None."""
    t = _tables()
    words = d.m.words[si]
    toks = d.m.tokens[si]
    for j in range(pos + 1, min(len(words), pos + 1 + PASSING_REACH)):
        if toks[j].fact >= 0 or words[j] in CLAUSE_END:
            return None
        hit = t.passing.starting_at(words, j)
        if hit is None:
            continue
        k = hit[1] + (hit[1] < len(words) and words[hit[1]] in _DETERMINERS)
        end = _previous_at(d, si, k)
        return (_better(d, d.m.tokens[si][pos].fact), j, end) if end >= 0 else None
    return None


def _previous_at(d: _Doc, si: int, k: int) -> int:
    """One past the words naming a record passed at token ``k`` ("previous record", "previous world
    indoor mark", "old club record"), else -1."""
    t = _tables()
    words = d.m.words[si]
    hit = t.previous.starting_at(words, k)
    if hit is not None:
        return hit[1]
    if k >= len(words) or words[k] not in t.previous_starts:
        return -1
    for j in range(k + 1, min(len(words), k + 2 + PREVIOUS_GAP)):
        if d.m.tokens[si][j].fact >= 0 or not words[j][:1].isalpha():
            return -1
        if words[j] in t.previous_nouns:
            return j + 1
    return -1


# Tokens after a former peak's figure its year may stand ("peaked at 2,405 in 2010").
PEAK_YEAR_REACH = 3


def _former_peak_at(d: _Doc, si: int, k: int) -> int:
    """One past the words of a former peak told by a bare verb at token ``k``, its figure told with a year
    right after it: "Numbers peaked at 2,405 in 2010", "Traffic hit a peak of 33.9 million in 2019"; -1
    when there is none, or no year (the story's own peak, "peaked at 41C on Tuesday")."""
    hit = _tables().former_peaks.starting_at(d.m.words[si], k)
    if hit is None:
        return -1
    toks = d.m.tokens[si]
    j = hit[1]
    if j >= len(toks) or toks[j].fact < 0 or d.facts[toks[j].fact].kind not in AMOUNTS:
        return -1
    for x in range(j + 1, min(len(toks), j + 1 + PEAK_YEAR_REACH)):
        if toks[x].fact >= 0:
            return hit[1] if d.facts[toks[x].fact].kind == "year" and d.m.words[si][x - 1] == "in" else -1
    return -1


def _records(d: _Doc) -> Iterator[Relation]:
    """A record against the figure it passed: one of the same family in its sentence told as earlier
    ("a record $61bn ..., after hitting $74bn in the previous year"), or one named "the
    previous record" in the sentences after it. A ``superlative`` relation (a: the record)."""
    for si, pos, fi, _f in d.figures(AMOUNTS):
        said = _record_at(d, si, pos) or _passing_at(d, si, pos)
        if said is None:
            continue
        order, start, end = said
        cue = d.span(si, start, end)
        n = 0
        for k, tok in enumerate(d.m.tokens[si]):
            oi = tok.fact
            if oi < 0 or k == pos or not _alike(d, fi, oi) or not _told_earlier(d, si, k):
                continue
            if not _one_size(d, fi, oi) or _one_day(d, si, pos) > _one_day(d, si, k):
                continue  # "48,600 attended across the four days, ... with a record 16,200 on Sunday": a whole
            n += 1
            yield Relation("superlative", (("a", fi), ("b", oi)), (cue,), "sentence", (("order", order),))
        for s2 in range(si, min(len(d.m.tokens), si + PREVIOUS_SENTENCES + 1)):
            words = d.m.words[s2]
            for k in range(len(words)):
                if (s2 == si and k < pos) or (_previous_at(d, s2, k) < 0 and _former_peak_at(d, s2, k) < 0):
                    continue
                oi = _figure_after(d, s2, k, PREVIOUS_FIGURE_REACH)
                if oi >= 0 and s2 != si and not _same_scope(d, si, pos, s2):
                    continue  # "a record 31.2C for a June day" … "the previous all-time high"
                if oi >= 0 and oi != fi and _alike(d, fi, oi) and n < RIVALS_PER_WORD:
                    n += 1
                    ev = "sentence" if s2 == si else "document"
                    yield Relation("superlative", (("a", fi), ("b", oi)), (cue,), ev, (("order", order),))
        if n == 0 and _own_best(d, si, pos):
            oi = _previous_best_of(d, fi, si + PREVIOUS_SENTENCES + 1)
            if oi >= 0:
                yield Relation("superlative", (("a", fi), ("b", oi)), (cue,), "document", (("order", order),))


def _best_unknown(d: _Doc, si: int, fi: int) -> bool:
    """A best whose better way the text does not show: not a time, and its sentence names a measure where
    less may be better (``[records] best_unknown``: "shot a career-best 64"), or the text tells golf."""
    if _timed(d, fi):
        return False
    return bool(_tables().best_unknown.intersection(d.m.words[si])) or golf_told(d)


def _own_best(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is told as its holder's own best ("a career-best 31 points", "a personal
    best of 13:02.4"; ``[records] best``)."""
    hit = _tables().records_before.ending_at(d.m.words[si], d.hedge_start(si, pos))
    return hit is not None and hit[0] == "best"


def _previous_best_of(d: _Doc, fi: int, start: int) -> int:
    """A holder's "previous best" told anywhere from sentence ``start`` on, by name or by the pronoun that
    stands for the holder ("his previous best for the club was the 38 he scored in January"): its figure
    when that holder is the best's own (named on both sides) and the two are alike, else -1."""
    held = d.m.frame(fi).holder
    if not held:
        return -1
    for s2 in range(start, len(d.m.tokens)):
        words = d.m.words[s2]
        for k in range(len(words)):
            if _previous_at(d, s2, k) < 0:
                continue
            oi = _figure_after(d, s2, k, PREVIOUS_FIGURE_REACH)
            other = d.m.frame(oi).holder if oi >= 0 else ""
            if oi >= 0 and other and same_holder(held, other) and _alike(d, fi, oi):
                return oi
    return -1


def _same_scope(d: _Doc, si: int, pos: int, s2: int) -> bool:
    """A previous record told in sentence ``s2`` is of the scope of the record at ``pos``: the words that
    narrow the record ("for a June day", "for a Saturday") are told in ``s2`` too, and ``s2`` does not
    speak of the whole ("sales of all vans") where the record's sentence does not."""
    t = _tables()
    words = d.m.words[si]
    other = set(d.m.words[s2])
    own = set(words)
    if t.record_wholes.intersection(other) - own:
        return False
    for j in range(pos + 1, min(len(words), pos + 1 + RECORD_APPOSITION_REACH)):
        if words[j] in CLAUSE_END or words[j] == ",":
            break
        if words[j] in t.narrow_opens:
            narrow = t.narrow.intersection(words[j + 1 : j + 1 + NARROW_WORDS])
            return not narrow or bool(narrow & other)
    return True


def _one_day(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is told of one day by the words after it in its stretch ("a record 16,200 on
    Sunday", "41,000 on the final day", "in a single day"): a day of a longer span a figure of the sentence
    told without a day may cover."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for j in range(pos + 1, min(len(words), pos + 1 + DAY_REACH)):
        if words[j] in CLAUSE_END or words[j] == ",":
            break
        g = toks[j].fact
        if words[j] == "day" or (g >= 0 and d.facts[g].kind == "weekday"):
            return True
        if g >= 0 and d.facts[g].kind == "date" and len(d.facts[g].iso or "") == len("2024-06-02"):
            return True  # "on June 2", not "in the year to June"
    return False


# Words after a figure within which the day it is told of stands ("16,200 on the final day").
DAY_REACH = 6


def _one_size(d: _Doc, a: int, b: int) -> bool:
    """Two levels of one quantity: within ``RECORD_RATIO`` times of each other."""
    va, vb = d.facts[a].value, d.facts[b].value
    return va is not None and vb is not None and va > 0 and vb > 0 and max(va, vb) <= RECORD_RATIO * min(va, vb)


def _told_earlier(d: _Doc, si: int, k: int) -> bool:
    """A figure whose own clause puts it before the story's time ("after hitting $74bn in the
    previous year", "its earlier peak of 98")."""
    lo, hi = d.m.clause_start(si, k), d.m.clause_end(si, k)
    if _tables().earlier.intersection(d.m.words[si][lo:hi]):
        return True
    for tok in d.m.tokens[si][lo:hi]:
        f = d.facts[tok.fact] if tok.fact >= 0 else None
        if f is not None and f.kind == "relative" and f.value is not None and f.value < 0:
            return True  # "in the previous fiscal year", "a year earlier" read as one figure
    return False


# --- near misses: "just outside the 10.20 seconds qualifying time, clocking 10.23 seconds" ----------


def _near_misses(d: _Doc) -> Iterator[Relation]:
    """A standard missed by a little ("just outside the 10.20 seconds qualifying time", "fell just short
    of the 40% target") against the figure achieved in the same sentence: the achieved figure is worse
    (a slower time, a smaller amount); one passed by a little ("just above the old record of 52mm") is
    the larger. A standard named with no figure ("just short of its wettest day on record") is told by
    the next sentence ("That record, 44mm, was set in 1998"). A ``superlative`` relation (a: achieved, b:
    the standard)."""
    t = _tables()
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for k in t.near_worse.starts_in(words):
            hit = t.near_worse.starting_at(words, k)
            if hit is None:
                continue
            way, end = hit
            std_si = si
            si_std = _figure_after(d, si, end, NEAR_STANDARD_REACH)
            if si_std >= 0:
                _, spos = d.pos_of(si_std)
                named = words[end:spos] + words[spos + 1 : spos + 4]
                if not t.standards.intersection(named):
                    continue  # "close to 500 people": a hedge, not a standard
            else:
                si_std = _standard_next(d, si, end)
                if si_std < 0:
                    continue
                std_si, spos = d.pos_of(si_std)
            reach = (spos if std_si == si else k) + NEAR_ACHIEVED_REACH
            for x in range(max(0, k - NEAR_ACHIEVED_REACH), min(len(toks), reach)):
                ai = toks[x].fact
                if ai < 0 or (std_si == si and x == spos) or d.facts[ai].hedge != "exact":
                    continue
                if not _alike(d, ai, si_std, forecast=False):
                    continue
                if way == "past" and (_timed(d, ai) or x > k):
                    break  # "just above" a time does not say faster or slower; its figure is told before it
                order = "above" if (_timed(d, ai) or way == "past") else "below"
                cue = d.span(si, k, end)
                ev = "sentence" if std_si == si else "document"
                yield Relation("superlative", (("a", ai), ("b", si_std)), (cue,), ev, (("order", order),))
                break


def _standard_next(d: _Doc, si: int, end: int) -> int:
    """The figure of a standard named without one after a near miss ("just short of its wettest day on
    record"), told by the next sentence that opens on it ("That record, 44mm, was set in 1998", "The
    previous best was 21 wins"); else -1."""
    t = _tables()
    words = d.m.words[si]
    noun = ""
    for j in range(end, min(len(words), end + NEAR_NOUN_REACH)):
        if words[j] in CLAUSE_END or words[j] == "," or d.m.tokens[si][j].fact >= 0:
            break
        if words[j] in t.standards or words[j] in t.previous_nouns:
            noun = words[j]
    if not noun or si + 1 >= len(d.m.tokens):
        return -1
    nxt = d.m.words[si + 1]
    if not nxt or nxt[0] not in t.near_next:
        return -1
    at = next((j for j in range(1, min(len(nxt), NEAR_NOUN_REACH)) if nxt[j] == noun), -1)
    if at < 0 or any(d.m.tokens[si + 1][j].fact >= 0 for j in range(at)):
        return -1
    return _figure_after(d, si + 1, at + 1, NEAR_NEXT_REACH)


# --- a mark crossed: "turnover passed the £2bn mark, reaching £2.04bn" -----------------------------------

# Tokens after the crossing word that the mark's figure may stand ("passed the one million mark").
CROSSED_MARK_REACH = 3
# Words before the crossing word that make it a hope or forecast, not a result ("is expected to top").
_NOT_YET = frozenset(
    "expected expects forecast forecasts set likely could would will may might should hopes hope aims aim "
    "plans plan bid failed fail fails trying tried threatens threatened close near nearly almost".split()
)


def _crossed_marks(d: _Doc) -> Iterator[Relation]:
    """A mark crossed ("passed the £2bn mark", "fell below the 5% threshold") against the
    figure achieved: the next figure of its family in the sentence, else the first one of the next sentence
    when the two share a frame concept. A ``superlative`` relation (a: the figure, b: the mark), like a near
    miss: past a mark upward is at or above it, downward at or below it (a time that breaks a barrier is
    below it)."""
    t = _tables()
    for si in range(len(d.m.tokens)):
        words = d.m.words[si]
        if not t.crossed_marks.intersection(words):
            continue
        for k in t.crossed.starts_in(words):
            hit = t.crossed.starting_at(words, k)
            if hit is None:
                continue
            order, end = hit
            if _NOT_YET.intersection(words[max(0, k - 4) : k]):
                continue  # "is expected to top the £2bn mark next year"
            mi = _figure_after(d, si, end, CROSSED_MARK_REACH)
            if mi < 0:
                continue
            _, mpos = d.pos_of(mi)
            if mpos + 1 >= len(words) or words[mpos + 1] not in t.crossed_marks:
                continue  # "passed 400 people": the figure itself, not a mark named
            ai = _achieved_after(d, si, mpos + 2, mi)
            if ai < 0:
                ai = _figure_before(d, si, k)  # "Exports worth $48.5bn burst through the $50bn barrier"
                if ai < 0 or not _alike(d, ai, mi, forecast=False):
                    continue
            if _timed(d, ai):
                order = "below" if order == "above" else "above"  # a time that breaks a barrier is faster
            ev = "sentence" if d.pos_of(ai)[0] == si else "document"
            yield Relation("superlative", (("a", ai), ("b", mi)), (d.span(si, k, mpos + 2),), ev, (("order", order),))


def _achieved_after(d: _Doc, si: int, start: int, mi: int) -> int:
    """The figure achieved after a mark: the next one of its family in the sentence, else the first of the
    next sentence that shares the mark's frame concept."""
    toks = d.m.tokens[si]
    for x in range(start, len(toks)):
        ai = toks[x].fact
        if ai >= 0 and ai != mi and _alike(d, ai, mi, forecast=False):
            return ai
    if si + 1 >= len(d.m.tokens):
        return -1
    concept = d.m.frame(mi).concept
    if not concept:
        return -1
    for tok in d.m.tokens[si + 1]:
        ai = tok.fact
        if ai >= 0 and _alike(d, ai, mi, forecast=False):
            return ai if d.m.frame(ai).concept == concept else -1
    return -1


# --- overtaking a named rival: "deposits of £89bn, overtaking Northvale Bank" ----------------------


def _overtakes(d: _Doc) -> Iterator[Relation]:
    """An overtaking word whose object is named but given no figure ("clocked up 49.8 gigaflops,
    narrowly surpassing the Acme Titan's performance"), against the figure of the same family
    told where every word of that name stands, within ``OBJECT_SENTENCES``. A ``comparison`` relation
    (a: the figure before the word)."""
    t = _tables()
    names_at: dict[int, frozenset[str]] = {}
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for k in t.overtake.starts_in(words, 1):
            hit = t.overtake.starting_at(words, k)
            if hit is None:
                continue
            order, end = hit
            stop = min(d.m.clause_end(si, k), end + OBJECT_WORDS)
            own = [toks[x].fact for x in range(end, stop) if toks[x].fact >= 0]
            gap = toks[k - 1].fact if k > 0 else -1
            if gap >= 0 and d.facts[gap].kind in ("duration", "relative") and is_gap(d, gap):
                continue  # "second, 17 seconds behind in 2:06:58": the gap itself, not a time overtaken
            if _points_gap(d, si, k):
                continue  # "five points behind Labour and three behind Reform UK": gaps, not levels
            if gap >= 0 and words[k] in _COMPARATIVES:
                continue  # "It was 24mm more than Ulvsund receives in October": the difference, not a level
            if own:
                # A time of its own ("came second behind Lund (3:46.80)"): times are this reader's; amounts
                # with a figure after the word are the comparison builder's.
                rel = _timed_placing(d, si, k, end, own[0], order)
                if rel is not None:
                    yield rel
                continue
            names = _caps(d, si, end, stop) - t.measures
            if not names:
                continue
            if any(_SCORE_WORD.match(w) for w in words[end : stop + 1]):
                continue  # "by beating Lunde 6-2 4-6 6-3": a result with its score, not figures set against
            ai = _figure_before(d, si, k)
            if ai < 0 or k - d.pos_of(ai)[1] > OVERTAKE_BACK:
                continue
            apos = d.pos_of(ai)[1]
            if words[apos - 1 : apos] == ("-",) or words[apos + 1 : apos + 2] == ("-",):
                continue  # "levelled at 1-1 by beating": a score's side is no figure overtaken
            if _timed(d, ai):
                order = "below" if order == "above" else "above"  # beating a time is running faster
            bi = _named_figure(d, si, names, ai, names_at)
            if bi >= 0:
                ev = "document" if d.pos_of(bi)[0] != si else "sentence"
                yield Relation("comparison", (("a", ai), ("b", bi)), (d.span(si, k, end),), ev, (("order", order),))


# Comparatives that, right after a figure, make it a difference ("24mm more than", "£3m less than").
_COMPARATIVES = frozenset({"more", "less", "fewer", "higher", "lower", "bigger", "smaller", "longer", "shorter"})
# A score or a set as the word after an overtaking word's object: "beating Lunde 6-2".
_SCORE_WORD = startcache.compile(r"^\d{1,3}-\d{1,3}$")
# Words before a figure that make it a level, not a gap, when a word of passing follows ("on 64 points
# behind Arsenal").
_LEVEL_BEFORE = frozenset({"on", "with", "of", "at", "to"})


def _points_gap(d: _Doc, si: int, k: int) -> bool:
    """A count right before a word of passing at ``k``, or before "points" there, is the gap between two
    sides ("three behind Reform UK", "is seven points ahead of"), not a level passed: the gap words are
    the poll-lead reader's ([leads] after)."""
    from numcheck.relations.tallies import gap_word_at

    words, toks = d.m.words[si], d.m.tokens[si]
    j = k - 1
    if j >= 0 and words[j] in ("points", "point", "pts"):
        j -= 1
    fi = toks[j].fact if j >= 0 else -1
    if fi < 0 or d.facts[fi].kind not in ("count", "number", "points") or not gap_word_at(words, k):
        return False
    h = d.hedge_start(si, j)
    return not (h > 0 and words[h - 1] in _LEVEL_BEFORE)


# Capitalised words that name no passer; "the UK" and "the US" do here, as countries that pass others.
_NOT_PASSERS = NOT_NAMES - {"uk", "us", "eu"}


def _passed_untold(d: _Doc) -> Iterator[Relation]:
    """A sentence with no figure that says one holder has passed another ("The growth means the UK has
    now overtaken Ruritania in users per 100 people") against a sentence within ``PASSED_SENTENCES`` that
    sets the two side by side ("... 7.5 users per 100 people, compared to 8.7 in Ruritania"): the
    passer's figure (the one before the setting-against words, in a sentence that names the passer)
    is above the other's (the one right before "in"/"for" and the other's name). A ``comparison``."""
    t = _tables()
    text = d.view.text
    sents = d.view.doc.sentences
    for si, sent in enumerate(sents):
        chunk = text[sent.span.start : sent.span.end].lower()
        if not any(w in chunk for w in t.passed.by_first):
            continue  # the words of passing are data: most sentences hold none
        toks: Sequence[Token] = d.m.tokens[si] or _plain_tokens(d, si)
        words = [tok.text for tok in toks]
        for k in t.passed.starts_in(words):
            hit = t.passed.starting_at(words, k)
            if hit is None or any(tok.fact >= 0 and d.facts[tok.fact].kind in AMOUNTS for tok in toks[:k]):
                continue  # a figure before the word: the overtaking reader's own
            end = hit[1]
            # The first word counts too ("Kesh has now overtaken Lorn"): the subject is matched against
            # the words before a figure, so a capitalised common word only fails to match.
            caps = [i for i in range(len(toks)) if text[toks[i].start : toks[i].start + 1].isupper()]
            subject = {words[i].removesuffix("'s") for i in caps if i < k} - _NOT_PASSERS
            obj = {words[i] for i in caps if end <= i < end + OBJECT_WORDS} - _NOT_PASSERS
            if not subject or not obj:
                continue
            for s2 in range(max(0, si - PASSED_SENTENCES), min(len(sents), si + PASSED_SENTENCES + 1)):
                rel = _set_side_by_side(d, s2, subject, obj, Span(toks[k].start, toks[end - 1].end))
                if rel is not None:
                    yield rel
                    break


def _set_side_by_side(d: _Doc, si: int, subject: set[str], obj: set[str], cue: Span) -> Relation | None:
    """In sentence ``si``: a figure, words that set it against another ("compared to"), and a figure of
    the same family right before "in"/"for" and the object's name; the sentence names the subject
    before its first figure. The ``comparison`` (a: the subject's, b: the object's), order above."""
    toks, words = d.m.tokens[si], d.m.words[si]
    if not toks:
        return None
    t = _tables()
    for k in t.set_against.starts_in(words):
        hit = t.set_against.starting_at(words, k)
        if hit is None:
            continue
        bi = toks[hit[1]].fact if hit[1] < len(toks) else -1
        if bi < 0:
            continue
        # The nearest figure before of the same family, not a rate's base ("per 100 people").
        ai = next(
            (
                toks[x].fact
                for x in range(k - 1, max(-1, k - 1 - SIDE_REACH), -1)
                if toks[x].fact >= 0 and words[x - 1] != "per" and _alike(d, toks[x].fact, bi)
            ),
            -1,
        )
        if ai < 0:
            continue
        j = hit[1] + 1
        while j < len(words) and j - hit[1] < 4 and words[j] not in ("in", "for", "at", "from", "by"):
            j += 1
        if j + 1 >= len(words) or words[j + 1] not in obj:
            continue
        apos = d.pos_of(ai)[1]
        if not subject & {w.removesuffix("'s") for w in words[:apos]}:
            continue
        return Relation("comparison", (("a", ai), ("b", bi)), (cue,), "document", (("order", "above"),))
    return None


def _timed_placing(d: _Doc, si: int, k: int, end: int, bi: int, order: str) -> Relation | None:
    """ "Okoro (1:47.20) came second in the 800m behind Lund (1:46.90)": the time before the word against
    the rival's time after it; behind is slower (a larger time), ahead is faster."""
    if not _timed(d, bi):
        return None
    toks = d.m.tokens[si]
    for x in range(k - 1, max(-1, k - 1 - TIMED_BACK), -1):
        ai = toks[x].fact
        if ai >= 0 and d.facts[ai].kind in ("percent", "multiple"):
            return None  # "642 hours of sunshine, 18% more than the average of 544 hours": the 18%'s word
        if ai >= 0 and _timed(d, ai) and _alike(d, ai, bi):
            flipped = "below" if order == "above" else "above"
            return Relation(
                "comparison", (("a", ai), ("b", bi)), (d.span(si, k, end),), "sentence", (("order", flipped),)
            )
    return None


def _figure_before(d: _Doc, si: int, k: int) -> int:
    """The nearest amount before token ``k`` in its clause."""
    toks = d.m.tokens[si]
    for x in range(k - 1, d.m.clause_start(si, k) - 1, -1):
        fi = toks[x].fact
        if fi >= 0 and d.facts[fi].kind in AMOUNTS and not d.facts[fi].is_range and d.facts[fi].value is not None:
            return fi
    return -1


def _named_figure(d: _Doc, si: int, names: frozenset[str], ai: int, memo: dict[int, frozenset[str]]) -> int:
    """The figure like ``ai`` in the nearest other sentence that names every one of ``names``."""
    order = sorted(
        (s for s in range(max(0, si - OBJECT_SENTENCES), min(len(d.m.tokens), si + OBJECT_SENTENCES + 1)) if s != si),
        key=lambda s: abs(s - si),
    )
    for s2 in order:
        toks = d.m.tokens[s2]
        if not toks:
            continue
        if s2 not in memo:
            memo[s2] = _caps(d, s2, 0, len(toks)) | {toks[0].text.removesuffix("'s")}
        if not names <= memo[s2]:
            continue
        hits = [t.fact for t in toks if t.fact >= 0 and _alike(d, ai, t.fact)]
        if len(hits) == 1:
            return hits[0]
    return -1


# --- a pace against the previous period's: "more slowly than in the quarter before" ---------------


def _paces(d: _Doc) -> Iterator[Relation]:
    """A pace word told without figures ("Retail sales grew more slowly than in the quarter before")
    against the two rates told as "X from Y" in its sentence or the ``PACE_SENTENCES`` after ("Sales
    grew 2.2%, from 1.7% in the first quarter"): X is below (above) Y. A ``comparison``."""
    t = _tables()
    text = d.view.text
    for si, sent in enumerate(d.view.doc.sentences):
        # Most sentences name no pace: a substring test spares tokenising those without a figure.
        chunk = text[sent.span.start : sent.span.end].lower()
        if not any(w in chunk for w in t.pace_words):
            continue
        words = _words(d, si)
        for k in t.pace.starts_in(words):
            hit = t.pace.starting_at(words, k)
            if hit is None:
                continue
            order, end = hit
            j = end + (1 if end < len(words) and words[end] in _DETERMINERS else 0)
            if d.m.tokens[si] and d.figure_after(si, j, AMOUNTS) >= 0:
                continue  # "slower than the 2.8% of ...": a comparison with its own figure
            if end < len(words) and not t.pace_then.starting_at(words, end) and d.fact_at(si, end) < 0:
                continue  # "rising faster than consumer prices": set against another thing, not a time
            pair = _rate_pair(d, si)
            if pair is None:
                continue
            ai, bi = pair
            toks = d.m.tokens[si] or _plain_tokens(d, si)
            cue = Span(toks[k].start, toks[end - 1].end)
            ev = "sentence" if d.pos_of(ai)[0] == si else "document"
            yield Relation("comparison", (("a", ai), ("b", bi)), (cue,), ev, (("order", order),))
            break


def _rate_pair(d: _Doc, si: int) -> tuple[int, int] | None:
    """The first "X% ... from Y%" in sentence ``si`` or the ``PACE_SENTENCES`` after it."""
    for s2 in range(si, min(len(d.m.tokens), si + PACE_SENTENCES + 1)):
        toks = d.m.tokens[s2]
        words = d.m.words[s2]
        for k, tok in enumerate(toks):
            if tok.fact < 0 or d.facts[tok.fact].kind != "percent":
                continue
            for x in range(k + 1, min(len(words), k + PACE_FROM_REACH)):
                if toks[x].fact >= 0 and d.facts[toks[x].fact].kind not in FRAME_KINDS:
                    break  # another figure; a time ("0.2% in July, from 0.5%") may stand between
                if words[x] != "from":
                    continue
                j = x + 1
                while j < len(words) and words[j] in _RATE_FILLERS:
                    j += 1
                bi = d.fact_at(s2, j)
                if bi >= 0 and d.facts[bi].kind == "percent" and _alike(d, tok.fact, bi):
                    return tok.fact, bi
                break
    return None


# --- a level after a level: "fell to $41 in March, only to bounce back to $44 in April" --------------


def _sequences(d: _Doc) -> Iterator[Relation]:
    """A level reached after another level of the same thing, joined by a sequence word ("eased to 3.2%
    before picking up to 3.5%", "dipped to $40, only to climb back to $38"): the second move's word
    says which way it went from the first level. A ``change`` relation (from, to, ``direction``)."""
    t = _tables()
    for si, pos, bi, _f in d.figures(AMOUNTS):
        words = d.m.words[si]
        at = d.hedge_start(si, pos)
        if at < 2 or words[at - 1] != "to":
            continue
        to = at - 1
        way = d.v.direction.ending_at(words, to)  # "bounced back to"
        if way is None and words[to - 1] == "back":
            to -= 1
            way = d.v.direction.ending_at(words, to)  # "climbed back to"
        if way is None or way[0] not in ("up", "down"):
            continue
        link = next(
            (x for x in range(way[1] - 1, max(-1, way[1] - 1 - SEQUENCE_REACH), -1) if t.links.ending_at(words, x + 1)),
            -1,
        )
        if link < 0:
            continue
        start = t.links.ending_at(words, link + 1)
        lo = start[1] if start else link
        for x in range(lo - 1, max(-1, lo - SEQUENCE_BACK), -1):
            ai = d.m.tokens[si][x].fact
            if ai < 0 or d.facts[ai].kind in ("year", "date", "relative"):
                continue
            h = d.hedge_start(si, x)
            if _alike(d, ai, bi) and h > 0 and words[h - 1] in ("to", "at"):
                cue = d.span(si, way[1], to)
                yield Relation("change", (("from", ai), ("to", bi)), (cue,), "sentence", (("direction", way[0]),))
            break


# --- a series told after its way: "revised downward three times: 3,500, then 5,000, and now 1,000" ------

# Tokens before a colon or semicolon that the series' direction word may stand ("have cut their estimate,
# twice in two days, of the number missing;").
SERIES_WAY_REACH = 12
# Words that may stand between the figures of a series: separators, "then", "now", and hedges' words.
_SERIES_JOINS = frozenset({",", "and", "then", "now", "later", "finally", "before", "to", "just", "only", "by"})


def _hedge_word(d: _Doc, si: int, k: int) -> bool:
    """Token ``k`` is a word of the hedge on the next figure ("fewer than 1,000", "about 40")."""
    toks = d.m.tokens[si]
    nxt = next((x for x in range(k + 1, min(len(toks), k + 4)) if toks[x].fact >= 0), -1)
    return nxt >= 0 and d.hedge_start(si, nxt) <= k


def _listed_series(d: _Doc) -> Iterator[Relation]:
    """A way told before a colon or semicolon and the levels listed after it in order ("revised downward three times:
    3,500, then 5,000, and now fewer than 1,000"; "has fallen steadily: 9.1% in 2010, 9.8% in 2011 and 8.2%
    in 2012"): each level against the one before it, a ``change`` relation of the way told. Only a bare
    list is read: a word naming another thing between the levels ("exports 3%, imports 2%") ends it, and
    years told with the levels must run forward."""
    for si, words in enumerate(d.m.words):
        if ":" not in words and ";" not in words:
            continue
        colon = min(words.index(c) for c in (":", ";") if c in words)
        lo = max(d.m.clause_start(si, colon), colon - SERIES_WAY_REACH)
        at = next((k for k in range(lo, colon) if d.v.direction.starting_at(words, k)), -1)
        way = d.v.direction.starting_at(words, at)[0] if at >= 0 else None  # type: ignore[index]
        if way not in ("up", "down"):
            continue
        toks = d.m.tokens[si]
        if any(toks[k].fact >= 0 and d.older_end(si, k) for k in range(at, colon)):
            continue  # "3,450 entries, up from 3,120 last year: 1,920 sheep, ...": the way moved that figure
        levels: list[int] = []
        years: list[int] = []
        k = colon + 1
        while k < len(words) and words[k] not in CLAUSE_END:
            fi = toks[k].fact
            if fi >= 0:
                f = d.facts[fi]
                if f.kind == "year" and f.value is not None:
                    years.append(int(f.value))
                elif f.kind in AMOUNTS and not f.is_range and f.value is not None:
                    if levels and not _alike(d, levels[-1], fi):
                        break
                    levels.append(fi)
                elif f.kind not in FRAME_KINDS:
                    break
            elif words[k] not in _SERIES_JOINS and words[k] != "in" and not _hedge_word(d, si, k):
                if not (
                    levels and d.facts[levels[-1]].kind in ("count", "number") and k == d.pos_of(levels[-1])[1] + 1
                ):
                    break  # a word naming another thing ("exports 3%, imports 2%") ends the bare list
            k += 1
        if len(levels) < 3 or (years and (len(years) != len(levels) or years != sorted(years))):
            continue
        cue = d.span(si, lo, colon)
        for a, b in zip(levels, levels[1:], strict=False):
            yield Relation("change", (("from", a), ("to", b)), (cue,), "sentence", (("direction", way),))


# --- a move given partly back: "sank 15% ... recovered to close 9% lower" -----------------------------

# Sentences before a recovery its earlier move may be told in (besides the headline and the lead).
RECOVERY_BACK = 3
# Tokens between a recovery word and its later move ("rallied late to close the day 9% lower").
RECOVERY_REACH = 8


def _recoveries(d: _Doc) -> Iterator[Relation]:
    """A move told after a word that gives part of an earlier move back ("recovered to close 9% lower",
    "gave up some gains to end 14% higher"), against the earlier move of the same way and the same thing
    (its sentence before the word, or the sentences before and the lead): the later move is smaller. A
    ``comparison`` relation (a: the later move; b: the earlier; order below)."""
    t = _tables()
    lead = _lead_sentences(d)
    for si, words in enumerate(d.m.words):
        for k in t.recovery.starts_in(words):
            hit = t.recovery.starting_at(words, k)
            if hit is None:
                continue
            way = "down" if hit[0] == "back" else "up"
            later = _later_move(d, si, hit[1], way)
            if later < 0:
                continue
            earlier = _earlier_move(d, si, k, later, way, lead)
            if earlier < 0:
                continue
            evidence = "sentence" if d.facts[earlier].sentence == si else "document"
            cue = d.span(si, k, hit[1])
            yield Relation("comparison", (("a", later), ("b", earlier)), (cue,), evidence, (("order", "below"),))


def _later_move(d: _Doc, si: int, j: int, way: str) -> int:
    """The percentage moved ``way`` from the start right after a recovery word's closing words ("to close
    12% down", "to end the day down 12%"); else -1."""
    t = _tables()
    words = d.m.words[si]
    k = j
    while k < len(words) and k - j < 2 and (words[k].endswith("ly") or words[k] in ("some", "later")):
        k += 1  # "recovered sharply to close"
    close = t.closes.starting_at(words, k)
    if close is None:
        return -1
    for x in range(close[1], min(len(words), close[1] + RECOVERY_REACH)):
        fi = d.m.tokens[si][x].fact
        if fi < 0:
            if words[x] in CLAUSE_END:
                return -1
            continue
        f = d.facts[fi]
        if f.kind != "percent" or f.value is None or f.is_range or _move_word(d, si, x) != way:
            return -1
        return fi
    return -1


def _move_word(d: _Doc, si: int, x: int) -> str:
    """The way a percentage at token ``x`` is told from its start: "12% down", "12% lower", "down 12%"."""
    words = d.m.words[si]
    after = words[x + 1] if x + 1 < len(words) else ""
    before = words[d.hedge_start(si, x) - 1] if d.hedge_start(si, x) > 0 else ""
    for w in (after, before):
        if w in ("down", "lower"):
            return "down"
        if w in ("up", "higher"):
            return "up"
    return ""


def _earlier_move(d: _Doc, si: int, k: int, later: int, way: str, lead: frozenset[int]) -> int:
    """The nearest percentage moved ``way`` before token ``k`` (its sentence, then the sentences before and
    the lead) of the later move's holder and thing; else -1."""
    fl = d.m.frame(later)
    back: list[int] = sorted({x for x in (*lead, *range(si - RECOVERY_BACK, si)) if 0 <= x < si}, reverse=True)
    words = d.m.words[si]
    # What moved is the subject before the recovery word ("Tolland's shares pared their losses").
    concept = d.m.changed_subject(si, d.pos_of(later)[1], d.m.tokens[si][k].start)
    pointing = not concept and words[d.m.clause_start(si, k)] in ("they", "it")  # "They later recovered"
    for s2 in (si, *back):
        toks = d.m.tokens[s2]
        top = k if s2 == si else len(toks)
        for x in range(top - 1, -1, -1):
            fi = toks[x].fact
            if fi < 0 or fi == later:
                continue
            f = d.facts[fi]
            m = d.m.by_fact.get(fi)
            if f.kind != "percent" or f.value is None or f.is_range or m is None or m.direction != way:
                continue
            if "forecast" in m.roles:
                continue
            fe = d.m.frame(fi)
            if fe.holder and fl.holder and not same_holder(fe.holder, fl.holder):
                continue
            if s2 != si and not (fe.concept and fe.concept == concept) and not (pointing and s2 == si - 1):
                continue  # another sentence's move must be of the same named thing ("shares"), or "They"
            return fi
    return -1


# --- a vote's margin as a ratio: "would reject the plan by two to one" ... "52% against, 26% in favour" ---

# Sentences after a ratio its vote's two sides may be told in.
RATIO_SENTENCES = 3
# Tokens after a figure its side of the vote may be named in ("45% of voters would back the plan").
VOTE_SIDE_REACH = 8
# The largest margin read as "N to one".
RATIO_MAX = 10


def _vote_ratios(d: _Doc) -> Iterator[Relation]:
    """A margin told as a ratio ("reject the plan by two to one", "by a margin of three to one") against
    the two sides of the vote told in its sentence or the next few ("52% would vote against and 26% in
    favour"): the larger side over the smaller is about the ratio. A ``change`` relation (from: the
    smaller side; to: the larger; factor: the ratio's first number; label ``multiple``), read by the
    multiple judge."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for k in range(1, len(toks) - 2):
            fi, one = toks[k].fact, toks[k + 2].fact
            if fi < 0 or one < 0 or words[k + 1] != "to" or words[k - 1] not in ("by", "of"):
                continue
            n, m = d.facts[fi].value, d.facts[one].value
            if n is None or m != 1 or not 1 < n <= RATIO_MAX or n != int(n):
                continue
            sides = _vote_sides(d, si, k + 3)
            if sides is None:
                continue
            small, large = sorted(sides, key=lambda x: d.facts[x].value or 0)
            said = d.view.text[d.facts[fi].span.start : d.facts[one].span.end].lower()
            evidence = "sentence" if d.facts[small].sentence == d.facts[large].sentence == si else "document"
            cue = Span(d.facts[fi].span.start, d.facts[one].span.end)
            roles = (("from", small), ("to", large), ("factor", fi))
            yield Relation("change", roles, (cue,), evidence, (("direction", "up"), ("multiple", said)))


def _vote_sides(d: _Doc, si: int, k: int) -> tuple[int, int] | None:
    """The figures for and against a vote in the first sentence from ``si`` (after token ``k``) that names
    both sides, one figure each, of one family; else None."""
    for s2 in range(si, min(len(d.m.tokens), si + RATIO_SENTENCES + 1)):
        toks = d.m.tokens[s2]
        sides: dict[str, list[int]] = {}
        for x in range(k if s2 == si else 0, len(toks)):
            fi = toks[x].fact
            if fi < 0 or d.facts[fi].kind not in ("percent", "count", "number") or d.facts[fi].value is None:
                continue
            side = _vote_side(d, s2, x)
            if side:
                sides.setdefault(side, []).append(fi)
        got = (sides.get("for", []), sides.get("against", []))
        if got[0] or got[1]:
            if len(got[0]) != 1 or len(got[1]) != 1 or family(d.facts[got[0][0]]) != family(d.facts[got[1][0]]):
                return None
            return got[0][0], got[1][0]
    return None


def _vote_side(d: _Doc, si: int, x: int) -> str:
    """ "for" or "against" when the words after the figure at token ``x`` name a side of a vote before the
    next figure or the clause's end ("34% in favour", "45% of people would vote against"); else ""."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    for j in range(x + 1, min(len(words), x + 1 + VOTE_SIDE_REACH)):
        if toks[j].fact >= 0 or words[j] in CLAUSE_END or words[j] in (",", ";", "while", "but"):
            return ""
        hit = d.v.result_words.starting_at(words, j)
        if hit is not None and hit[0] in ("vote:for", "vote:against"):
            return hit[0].split(":", 1)[1]
    return ""


# --- a share word against a part and its whole: "12,400 cases ... A majority of the cases were in
# Brazil, which has 7,100" ---------------------------------------------------------------------------

# Tokens after a share word's noun its part may stand ("Most of the homes were sold in the south, where
# the builder's agents found buyers for 1,100 homes").
PART_REACH = 24
# Words of the noun after "of" read for its concept ("of the confirmed cases").
SHARE_NOUN_WORDS = 2


def _share_words(d: _Doc) -> Iterator[Relation]:
    """A share word of a counted noun ("a majority of the cases", "most of the jobs") with the part's
    count after it in its sentence and the whole's count of the same concept before it (in its
    sentence or the one before): the part's share of the whole must fall in the word's range. A
    ``qualifier`` relation (figure and part: the part; whole; label ``phrase``)."""
    v = d.v
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for k in v.qualifiers.starts_in(words):
            hit = v.qualifiers.starting_at(words, k)
            if hit is None or v.ranges.get(hit[0], ("",))[0] != "share":
                continue
            phrase, end = hit
            if end >= len(words) or words[end] != "of":
                continue
            j = end + 1
            while j < len(words) and words[j] in _DETERMINERS:
                j += 1
            noun = [w for w in words[j : j + SHARE_NOUN_WORDS] if w[:1].isalpha()]
            if not noun or toks[j].fact >= 0:
                continue
            concept = v.concept(" ".join(noun))
            part = next(
                (
                    t.fact
                    for t in toks[j : j + PART_REACH]
                    if t.fact >= 0 and d.facts[t.fact].kind == "count" and _concept(d, t.fact) == concept
                ),
                -1,
            )
            if part < 0:
                continue
            whole = next(
                (
                    fi
                    for _s, _k, fi in d.m.figures_before(si, k, 1)
                    if fi != part and d.facts[fi].kind == "count" and _concept(d, fi) == concept
                ),
                -1,
            )
            if whole < 0 or not _alike(d, part, whole):
                continue
            ev = "sentence" if d.pos_of(whole)[0] == si else "document"
            roles = (("figure", part), ("part", part), ("whole", whole))
            labels = (("phrase", phrase), ("unit", "share"))
            yield Relation("qualifier", roles, (d.span(si, k, end),), ev, labels)


def _concept(d: _Doc, fi: int) -> str:
    m = d.m.by_fact.get(fi)
    return (m.concept or "") if m else ""


# --- a set and its tie-break: "6-4 7-6 (7-3)" -------------------------------------------------------

# Games of a set that went to a tie-break, either way round.
TIE_BREAK_SETS = frozenset({(7, 6), (6, 7)})


def _tie_breaks(d: _Doc) -> Iterator[Relation]:
    """A tennis set won 7-6 (or lost 6-7) with its tie-break's points in brackets right after it, told
    from the same side ("7-6 (7-3)", "6-7 (8-10)"): the winner of the tie-break won the set. A
    ``tie-break`` relation (set, tie-break)."""
    facts = d.facts
    text = d.view.text
    scores = [i for i, f in enumerate(facts) if f.kind == "score"]
    for a, b in zip(scores, scores[1:], strict=False):
        fa, fb = facts[a], facts[b]
        if text[fa.span.end : fb.span.start].strip() != "(" or text[fb.span.end : fb.span.end + 1] != ")":
            continue
        if _games(fa.text) not in TIE_BREAK_SETS or _games(fb.text) is None:
            continue
        yield Relation("tie-break", (("set", a), ("tie-break", b)), (), "clause")


def _games(score: str) -> tuple[int, int] | None:
    """ "7-6" → (7, 6); None for anything else."""
    parts = score.replace("–", "-").split("-")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        return None
    return int(parts[0]), int(parts[1])
