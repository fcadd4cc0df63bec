"""The pieces every relation builder shares: the ``Relation`` record, figure families, and ``_Doc``
(one document's tokens and mentions with the small token readers the builders use).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, TypeVar

from numcheck.mentions import Mentions, Token, group_noun, word_tokens
from numcheck.model import Fact, Span
from numcheck.patterns import View
from numcheck.units import UNITS
from numcheck.vocab import PhraseTable, _toml, singular

T = TypeVar("T")

# Kinds that can be a whole or a part of one.
COUNTABLE = frozenset({"count", "number", "money"})
# Dimensions whose amounts add up to a whole: stage lengths, harvests, areas, phases of a plant's capacity
# ("912km over five stages: 204km, 188km, ..."); temperatures, speeds and pressures are levels, never parts.
ADDITIVE_DIMS = frozenset({"length", "mass", "area", "volume", "energy", "power"})
# Words of a figure's noun between it and a bracketed peer ("34.1% of the vote (29.6% in 2021)").
PEER_NOUN_REACH = 3
SHARES = frozenset({"percent", "share"})
# Words that end the noun between a part and its "of" ("$2.84bn and earnings of $0.93"): another clause.
# Words between a figure and "of" that end the gap: "3 lines instead of 2", "420 beds in place of 364", "in
# excess of", "in favour of" have no whole.
# Words of a figure's noun that make it an average of a set, never the set ("a median age of 64").
_AVERAGE_WORDS = frozenset({"average", "median", "mean", "age", "typical"})
GAP_STOP = frozenset(
    "and or but while whereas with were was are is have has had per each a an instead because ahead regardless after before since until following against versus compared than place lieu excess favour favor spite".split()
)
FRAME_KINDS = frozenset({"year", "date", "relative", "decade", "weekday", "time", "duration"})
# Capitalised words that are not names of who or what a figure belongs to.
NOT_NAMES = frozenset("the a an its it in on at mr mrs ms dr but and the uk us eu".split())
# Tokens before a figure read for the names of whom it belongs to.
NAMES_REACH = 20


@functools.cache
def _orders() -> PhraseTable:
    """Words before a count of things ordered or bought, and of a stock held: ``[restatement.orders]``."""
    data = _toml("vocab.toml")["restatement"]["orders"]
    return PhraseTable.build([*((p, "order") for p in data["before"]), *((p, "held") for p in data["held"])])


@dataclass(frozen=True, slots=True)
class Relation:
    """Figures of a document that stand in one relation, each in a role, with the cues that show it."""

    kind: str
    roles: tuple[tuple[str, int], ...]  # role → index into View.facts; "item" repeats
    cues: tuple[Span, ...] = ()  # the words that gave the relation ("of those", "doubled")
    evidence: str = "clause"  # "clause" | "sentence" | "document" | "template"
    labels: tuple[tuple[str, str], ...] = ()

    def get(self, role: str) -> int | None:
        for r, i in self.roles:
            if r == role:
                return i
        return None

    def all(self, role: str) -> tuple[int, ...]:
        return tuple(i for r, i in self.roles if r == role)

    def label(self, name: str) -> str:
        for k, v in self.labels:
            if k == name:
                return v
        return ""

    @property
    def key(self) -> tuple[str, tuple[tuple[str, int], ...]]:
        # A relation of words with no figure ("the most visited, behind A") is keyed by where its cues start.
        return self.kind, self.roles or tuple(("cue", c.start) for c in self.cues)


def sized_figures(changes: Iterable[Relation]) -> set[int]:
    """The figures some change already takes as its stated size or its multiple (roles ``stated``, ``factor``):
    a stage that lends a change a size told elsewhere passes over them."""
    return {i for rel in changes for r, i in rel.roles if r in ("stated", "factor")}


def bare_ends(rel: Relation) -> tuple[int, int] | None:
    """(from, to) of a change told with both ends and no stated size or multiple of its own, else None."""
    ai, bi = rel.get("from"), rel.get("to")
    if ai is None or bi is None or rel.get("stated") is not None or rel.get("factor") is not None:
        return None
    return ai, bi


def whole_floors(values: Iterable[Decimal | None]) -> tuple[Decimal, Decimal]:
    """(larger than every part, larger than every part but one): what a whole of these parts must pass,
    first as told right, then allowing one slip. An editor's slip may push one part past its whole
    ("3,100 of the 2,850 jobs", "1,208 of the 978 deaths"); a builder that took as whole only a figure
    larger than every part would then build nothing, and the slip would go unread. Builders try the first
    floor, and the second only when no whole passes the first, so a text told right reads as before."""
    vs = sorted(v or Decimal(0) for v in values)
    if not vs:
        return Decimal(0), Decimal(0)
    return vs[-1], (vs[-2] if len(vs) > 1 else Decimal(0))


def family(f: Fact) -> str:
    """Figures of one family can be added, compared and divided: money by currency, measures by unit."""
    if f.kind in ("count", "number"):
        return "count"
    if f.kind == "money":
        return f"money:{f.unit}"
    if f.kind in ("measure", "duration", "age"):
        return f"{f.kind}:{f.unit}"
    return f.kind


# Modal verbs that make a clause's figure supposed, not told (``_Doc.supposed``).
_MODALS = frozenset({"would", "could", "might"})
# Verbs that say what a figure is ("The crowd of 6,240 was down on", "of whom 745 were children").
COPULAS = frozenset({"was", "were", "is", "are"})
# Prepositions whose figure is where or over what a set is spread, not the set a later "them" points at.
_ASIDE_PREPOSITIONS = frozenset({"across", "in", "at", "over", "between", "among", "into", "throughout", "from"})
# Words that join a figure to the next item: a gap word after them is that item's ("12 and a short 8").
_JOINS = frozenset({"and", "or"})
# Words of a figure's noun that may stand between it and a gap word ("three league points behind").
GAP_NOUN_WORDS = 2


def scoring_labels(f: Fact, plus: int, why: str, said: str = "") -> tuple[tuple[str, str], ...]:
    """The labels of a ``scoring`` relation: the told figure ``f`` (its span, as said) against ``plus``, what
    the events told for it make, with ``why``."""
    at = f"{f.span.start}:{f.span.end}"
    return (
        ("score", str(int(f.value or 0))),
        ("span", at),
        ("said", said or f.text),
        ("plus", str(plus)),
        ("why", why),
        ("bound", ""),
        ("at", at),
    )


def is_average(d: _Doc, fi: int) -> bool:
    """The figure is an average or an age of a set, never the set: "a median age of 64", "an average of 450"."""
    m = d.m.by_fact.get(fi)
    return bool(m is not None and m.noun and _AVERAGE_WORDS.intersection(m.noun.split()))


def is_gap(d: _Doc, fi: int) -> bool:
    """The figure is a gap between two things, not an amount of either: a gap word follows it or its noun
    ("22 seconds behind", "three points clear of", "five places adrift"; vocab.toml [comparison] gap_after),
    or it is given as a gap noun's size ("the lead to 21 points"; gap_before)."""
    si, pos = d.pos_of(fi)
    words, toks = d.m.words[si], d.m.tokens[si]
    k = d.hedge_start(si, pos)
    if k >= 2 and words[k - 1] in ("to", "of") and words[k - 2] in d.v.gap_before:
        return True  # "stretched the lead to 21 points", "a margin of 12 votes" ([comparison] gap_before)
    if k >= 2 and words[k - 1] == "of" and _gap_noun_before(d, si, k - 1):
        return True  # "a margin in favour of 578", "a lead over Labour of 4,000"
    if k >= 2 and words[k - 1] == "by" and d.v.score_verbs.intersection(words[d.m.clause_start(si, k) : k - 1]):
        return True  # "beat Wessex by 37 runs", "won by 12 votes": the winning margin
    for k in range(pos + 1, min(len(words), pos + 2 + GAP_NOUN_WORDS)):
        if words[k] in d.v.gap_after:
            return True
        if behind_leader(d, si, k):
            return True  # "five shots off the pace", "four points off the lead"
        if toks[k].fact >= 0 or not words[k][:1].isalpha() or words[k] in _JOINS:
            return False  # "171km and a short 93km finale": the next item's adjective, no gap
    return False


# Words between a gap noun and the "of" before its size: "a margin in favour of 578", "a lead over Labour of".
GAP_NOUN_REACH = 4


def _gap_noun_before(d: _Doc, si: int, of: int) -> bool:
    """A gap noun opens the phrase that ends at the "of" at token ``of``, past a few words of no figure or
    clause mark: "a margin in favour of", "a lead over the Tories of" ([comparison] gap_before)."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for j in range(of - 1, max(-1, of - 2 - GAP_NOUN_REACH), -1):
        if toks[j].fact >= 0 or not words[j][:1].isalpha():
            return False
        if words[j] in d.v.gap_before:
            return j > 0 and words[j - 1] in ("a", "the", "its", "their", "his", "her")
    return False


def behind_leader(d: _Doc, si: int, k: int) -> bool:
    """Token ``k`` opens "off the pace", "off the lead" ([comparison] gap_off): the figure before it is a
    deficit to the leader at some moment, not a margin of the result nor an amount held."""
    words = d.m.words[si]
    return (
        words[k] == "off"
        and tuple(words[k + 1 : k + 2]) == ("the",)
        and tuple(words[k + 2 : k + 3]) != ()
        and words[k + 2] in d.v.gap_off
    )


def off_the_pace(d: _Doc, fi: int) -> bool:
    """The figure is told as a deficit to the leader: "off the pace" within a few words after it."""
    si, pos = d.pos_of(fi)
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(pos + 1, min(len(words), pos + 2 + GAP_NOUN_WORDS)):
        if behind_leader(d, si, k):
            return True
        if toks[k].fact >= 0 or not words[k][:1].isalpha():
            return False
    return False


def one_or_more(f: Fact) -> bool:
    """ "at least one adult", "more than one site": a bound that describes what is counted elsewhere, no
    level of its own (an open interval upward from one)."""
    return f.value == 1 and f.hedge != "exact" and f.interval.high is None and f.interval.low is not None


def since_then(d: _Doc, si: int, pos: int) -> bool:
    """The figure's clause counts "since" a month or a date ("seven cases were confirmed ... since
    September"): a running span that ends now, in no earlier whole year."""
    words, toks = d.m.words[si], d.m.tokens[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    for k in range(lo, min(hi, len(words) - 1)):
        if words[k] == "since" and toks[k + 1].fact >= 0 and d.facts[toks[k + 1].fact].kind == "date":
            return True
    return False


# Possessive determiners before a count of a set its holder has ("its two departments").
_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
# Words either side of a count that the verb naming its set may stand ("treated 12,000", "40 people were
# rescued").
VERB_NEAR = 3


def held_excess(d: _Doc, si: int, pos: int) -> bool:
    """The figure at token ``pos``, told right before "more than", "fewer than" or the like, is an amount
    held or moved beyond the figure after them, the object of the words before it, never a level set beside
    an earlier figure of its sentence: "closed seven, leaving it with 11 more than the 601", "giving it four
    more than the 18", "now has seven more than the 210", "hired 16 more than the 140" (vocab.toml
    ``[comparison] excess_objects``; a clause verb or a word in "-ed" before it too, but not a link verb,
    "were 10% fewer than", nor a verb of a move, "rose 10% more than")."""
    k = d.hedge_start(si, pos) - 1
    if k < 0:
        return False
    w = d.m.words[si][k]
    if w in d.v.excess_objects:
        return True
    if w in d.v.excess_links or d.v.direction.ending_at(d.m.words[si], k + 1):
        return False
    return d.verb_like(w)


def additive(f: Fact) -> bool:
    """A figure that may be a whole or a part of a sum: a count or money, or a measure whose dimension adds up
    ("a 96km route ... legs of 38km, 31km and 27km"); never a temperature or a speed ("peaked at 31C")."""
    if f.kind in COUNTABLE:
        return True
    unit = UNITS.get(f.unit or "")
    return f.kind == "measure" and unit is not None and unit.dim in ADDITIVE_DIMS


def _bare(f: Fact) -> bool:
    return f.kind in ("count", "number") and not f.unit


_GROUP_HEAD = re.compile(r"-([A-Za-z]+)")


@functools.cache
def _group_heads() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["group_size"]["heads"])


def sized_group(text: str, f: Fact) -> bool:
    """The figure gives the size of the group its hyphenated compound names: "a 15-member board", "the
    12-man jury", "a 40-strong squad" (``[group_size]`` in vocab.toml); not "two-bedroom homes"."""
    head = _GROUP_HEAD.match(text, f.span.end)
    return head is not None and head.group(1).lower() in _group_heads()


def same_family(a: Fact, b: Fact, *, bare_ok: bool = False) -> bool:
    """``a`` and ``b`` measure alike; with ``bare_ok`` a bare first end takes the second's unit ("20 to 15%")."""
    if family(a) == family(b):
        return True
    return bare_ok and _bare(a) and b.kind in ("percent", "money", "measure", "count")


def in_unit(f: Fact, unit: str | None) -> Fact | None:
    """The measure ``f`` told in ``unit`` of the same dimension, as an amount (no offset of a zero): "32cm"
    read in metres is 0.32m ("5.82m, 32cm higher than the previous record of 5.60m"); ``f`` itself when
    already in ``unit``; None for another dimension, a scale with an offset zero (degrees) or no value."""
    if f.unit == unit:
        return f
    if f.kind != "measure" or not f.unit or not unit or f.value is None:
        return None
    from numcheck.units import convert

    try:
        if convert(Decimal(0), f.unit, unit) != 0:
            return None  # "9C" is a gap of 16.2 Fahrenheit degrees, not 48.2F
        factor = convert(Decimal(1), f.unit, unit)
    except (ValueError, KeyError):
        return None
    return replace(f, value=f.value * factor, unit=unit, interval=f.interval.scale(factor))


# Nouns of a unit of time or measure: "of those hours" stands for an amount of that unit, never for the
# nearest count of another noun.
_UNIT_NOUNS = frozenset(
    "hour minute second day week month year mile kilometre km metre tonne litre acre hectare".split()
)
# Words before a small figure that make it a bound of an age or a size, not a set ("children under five").
_BOUND_WORDS = frozenset({"under", "over", "aged", "below", "above"})
AGE_BOUND_MAX = 120
# Hedges of a figure that bound a size rather than tell a count: "with over 1,000 pupils", "500 or more".
SIZE_BOUND_HEDGES = frozenset({"more than", "less than", "at least", "at most"})
# Kinds of a moment an event is told at ("at 18:00 on Tuesday", "on Thursday 9 May").
_MOMENTS = frozenset({"date", "weekday", "time"})
# Words ending in "s" right after a bound that count nothing: "children under five was", "under 16 years".
_GROUP_BOUND_AFTER = frozenset({"was", "is", "has", "does", "years", "months", "weeks", "days", "as", "across"})


@functools.cache
def _part_verbs() -> PhraseTable:
    """Verbs that tell a figure as some of a whole ("made up", "accounted for"), read for a particle "up"."""
    return PhraseTable.build((p, "part") for p in _toml("vocab.toml")["sums"]["part_verbs"])


def _made_up(words: tuple[str, ...] | list[str], k: int) -> bool:
    """The "up" right before token ``k`` is the particle of a verb of making up a whole, no move: "Motoring
    offences made up 720 of them", "Grants make up 41"."""
    return k > 0 and words[k - 1] == "up" and _part_verbs().ending_at(words, k) is not None


# Tokens before "on" or "against" in which a move makes the figure after them a change's older end.
OLDER_END_REACH = 4
# Roles of a figure added to a level, never the level itself: "a further 22,100 have been sold, taking the
# total past 31,000, more than three times the earlier figure".
_ADDED_ROLES = frozenset({"another"})
# Words before "of" that make the figure after it an earlier level beaten or passed ("the previous
# record of 22").
_EARLIER_MARKS = frozenset({"previous", "former", "old", "existing", "earlier"})
# Tokens a level's noun phrase may span after a multiple's or a premium's link ("Harrowgate's closing
# share price").
REFERENCE_REACH = 6
# Letters two words must share at their start to echo each other ("issue" and "issued", "closing" and
# "closed", "pre-pandemic" and "pandemic").
ECHO_STEM = 4
# Level nouns too plain to echo a level told before ("price", "figure").
_PLAIN_HEADS = frozenset({"price", "prices", "value", "level", "levels", "figure", "total", "cost", "their", "the"})
# Sentences with no figure (a quote, "We will look at this closely," she said.) a reader may pass over
# to the sentence before that tells one.
QUOTE_SKIP = 2


@functools.cache
def _change_nouns() -> tuple[dict[str, str], frozenset[str]]:
    """Nouns of a move and their way ("rise" → up, "fall" → down), and the determiners that point back with
    one ("the", "this"): ``[change_nouns]``."""
    data = _toml("vocab.toml")["change_nouns"]
    ways = {w: way for way in ("up", "down") for w in data[way]}
    return ways, frozenset(data["determiners"])


def _move_noun(word: str) -> bool:
    """``word`` names a move ("rise", "increases", "fall"; data: ``[change_nouns]``)."""
    return singular(word) in _change_nouns()[0]


class _Doc:
    """One document's tokens and mentions, with the small readers the builders share."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.m = Mentions(view)
        self.v = self.m.vocab
        self.facts = view.facts
        self._figures: list[tuple[int, int, int, Fact]] | None = None
        # Read once per document, for the builders that ask (see ``_plain_tokens``, ``_lead_sentences``).
        self._plain: dict[int, tuple[Token, ...]] = {}
        self._lead: frozenset[int] | None = None
        # Other per-document readings two builders share, by name (``once``).
        self._once: dict[str, Any] = {}

    def once(self, key: str, make: Callable[[], T]) -> T:
        """``make()`` the first time ``key`` is asked for in this document, the same value after."""
        if key not in self._once:
            self._once[key] = make()
        got: T = self._once[key]
        return got

    def figures(self, kinds: frozenset[str] | None = None) -> Iterator[tuple[int, int, int, Fact]]:
        """(sentence, token position, fact index, fact) of every single-valued figure, in text order."""
        if self._figures is None:
            # Found once per document: ~35 builders ask, and each walk read every token of the text.
            self._figures = [
                (si, pos, tok.fact, f)
                for si, toks in enumerate(self.m.tokens)
                for pos, tok in enumerate(toks)
                if tok.fact >= 0 and not (f := self.facts[tok.fact]).is_range and f.value is not None
            ]
        if kinds is None:
            return iter(self._figures)
        return (x for x in self._figures if x[3].kind in kinds)

    def fact_at(self, si: int, pos: int) -> int:
        toks = self.m.tokens[si]
        return toks[pos].fact if 0 <= pos < len(toks) else -1

    def skip_hedge(self, si: int, pos: int) -> int:
        """Past a hedge phrase ("about", "just over") starting at ``pos``."""
        hit = self.v.hedges.starting_at(self.m.words[si], pos)
        return hit[1] if hit else pos

    def hedge_start(self, si: int, pos: int) -> int:
        """Where the figure at ``pos`` begins with the hedge written before it ("about", "more than")."""
        hit = self.v.hedges.ending_at(self.m.words[si], pos)
        if hit and hit[0] == "at most" and self.m.words[si][hit[1]] == "up":
            fi = self.fact_at(si, pos)
            if fi >= 0 and self.facts[fi].hedge == "exact":
                return pos  # "pushed rates up to 2.25%", "will go up to £1,823 from £1,749": the level reached
        return hit[1] if hit else pos

    def size_bound_at(self, si: int, k: int) -> bool:
        """The figure at token ``k`` bounds the size of each member of a group named before "with": "Schools
        with over 1,000 pupils rose from 84 to 97", "those with 500 or more cows", "firms with fewer than 50
        staff". It counts nothing the sentence moves or adds up."""
        fi = self.fact_at(si, k)
        if fi < 0 or self.facts[fi].hedge not in SIZE_BOUND_HEDGES:
            return False
        h = self.hedge_start(si, k)
        return h > 0 and self.m.words[si][h - 1] == "with"

    def own_words(self, si: int, k: int) -> bool:
        """Token ``k`` is one of a figure's own words, told right before it: a hedge or a phrase that names
        what kind of whole or level it is ("a total of 450", "a mere 14"; vocab.toml ``level_phrases``)."""
        words = self.m.words[si]
        for start in range(k, max(-1, k - 4), -1):
            hit = self.v.hedges.starting_at(words, start)
            if hit is not None and hit[1] > k:
                return self.fact_at(si, hit[1]) >= 0
        return False

    def figure_after(self, si: int, pos: int, kinds: frozenset[str] | None = None) -> int:
        """The figure at ``pos`` (after an optional hedge), or -1."""
        j = self.skip_hedge(si, pos)
        fi = self.fact_at(si, j)
        if fi >= 0 and (kinds is None or self.facts[fi].kind in kinds):
            return fi
        return -1

    def span(self, si: int, a: int, b: int) -> Span:
        """The text span of tokens ``a`` to ``b - 1``."""
        toks = self.m.tokens[si]
        return Span(toks[a].start, toks[b - 1].end)

    def pos_of(self, fi: int) -> tuple[int, int]:
        mm = self.m.by_fact[fi]
        return mm.sentence, mm.position

    def _apposed_item(self, si: int, k: int) -> bool:
        """The figure at token ``k`` is an item of a breakdown set off by commas, a colon, a bracket or a dash
        right after a larger figure of its family ("62 athletes, 38 women and 24 men,", "900 pupils: 480
        girls and 420 boys", "900 pupils (480 girls and 420 boys)")."""
        words, toks = self.m.words[si], self.m.tokens[si]
        f = self.facts[toks[k].fact]
        seen_comma = False
        for j in range(k - 1, max(-1, k - APPOSED_REACH), -1):
            if words[j] in APPOSED_OPENERS:
                seen_comma = True
            if words[j] in (".", ";"):
                return False
            fj = toks[j].fact
            if fj < 0:
                continue
            g = self.facts[fj]
            if not same_family(g, f) or g.value is None or f.value is None:
                return False
            if seen_comma and g.value > f.value and any(w in APPOSED_OPENERS for w in words[j + 1 : k]):
                first_comma = next(x for x in range(j + 1, k) if words[x] in APPOSED_OPENERS)
                listed = (
                    any(toks[x].fact >= 0 for x in range(first_comma + 1, k))
                    or (k + 2 < len(words) and words[k + 1] == "and" and toks[k + 2].fact >= 0)
                    or (k + 3 < len(words) and words[k + 2] == "and" and toks[k + 3].fact >= 0)
                )
                if listed and (toks[first_comma + 1].fact >= 0 or first_comma - j <= APPOSED_NOUN + 1):
                    return True  # (a list of two or more items: "Of the 640, 455 took part" is no item)
        return False

    def antecedent(self, si: int, pos: int, part: int, check_concept: bool = False, noun: str = "") -> int:
        """The whole a pronoun before or after ``part`` points back to: the nearest earlier countable figure.

        Same family and, where both name one, the same concept; years and
        figures already inside a share ("(48%)") are passed over. With ``noun``
        (the word after the pronoun: "of those articles") the nearest figure
        that counts it is preferred ("four of them mistakes ... 250 copies of
        those articles" points at the articles), else the nearest of all.
        """
        pm = self.m.by_fact.get(part)
        pf = self.facts[part]
        nearest = -1
        # "employs 1,150 nurses across its two hospitals. ... 420 of them": a figure after a preposition is
        # passed over for another of its sentence, and taken only when its sentence has none.
        aside, aside_sentence = -1, -1
        older = placed = -1
        for s2, k in self.m.previous_figures(si, pos, back=1):
            if aside >= 0 and s2 != aside_sentence:
                return aside
            fi = self.fact_at(s2, k)
            f = self.facts[fi]
            if pm is not None and s2 == pm.sentence and k < pm.position and self._same_clause(s2, k, pm.position):
                continue  # "gave 44 warnings on 60 of them": "them" is not the 44 of its own clause
            if pm is not None and s2 == pm.sentence and k < pm.position and self._clause_subject(s2, k, pm.position):
                continue  # "The two leading films shared 10 of them": "them" is never its own clause's subject
            if f.kind not in COUNTABLE or f.is_range or f.value is None or not same_family(f, pf):
                continue
            if f.value <= 1:
                continue  # "them", "those" are plural: never the "one shell" before them
            if f.value <= SET_MEMBERS_MAX and pf.value is not None and pf.value > 10 * f.value:
                continue  # "11,900 applications ... after two rounds were cancelled. Of those, 2,618": a set's size
            if self.bound_at(s2, k):
                continue  # "640,000 are children under five. Of those children": an age bound, no set
            if is_average(self, fi):
                continue  # "had a median age of 64, and about 880 of them": an average, no set
            rm = self.m.by_fact.get(fi)
            if rm is not None and "each" in rm.roles:
                continue  # "61,300 arrivals, almost 2,000 a day. ... 52,100 of them": a rate, no set
            if self._pronoun_part(s2, k) and (s2 == si or noun):
                # "Twelve of them were charged, and 15 of them released": both of the same whole; but "1,200 of
                # them responded. Of those, 720": the ones who responded
                continue
            if self._apposed_item(s2, k):
                continue  # "A squad of 62 athletes, 38 women and 24 men, travelled, and 28 of them": the 62's items
            if s2 != si and not noun and self._set_part(s2, k):
                return -1  # "18,400 of the affected homes were in A. ... 26,900 of them": the part or its set?
            om = self.m.by_fact.get(fi)
            if check_concept and pm and om and pm.concept and om.concept and pm.concept != om.concept:
                continue
            heads = {singular(p.split()[-1].lower()) for p in (om.noun if om else None, f.subject) if p}
            if not (noun and singular(noun) in heads) and self.move_told(s2, k):
                older = fi if older < 0 else older
                continue  # "1.78 million, up by 104,000 on the quarter. ... of the total": the move is no set
            if not noun and s2 != si and (told := self._part_of_whole_at(s2, k)) >= 0 and told != part:
                return told  # "87 of the 118 heads replied. Of those, 52": the ones who replied, not all 118
            if not noun or singular(noun) in heads:
                if not noun and (self._after_preposition(s2, k) or self._owned_set(s2, k) or self.older_end(s2, k)):
                    if aside < 0:
                        aside, aside_sentence = fi, s2
                    continue  # "followed 1,240 patients at 48 hospitals in seven countries": both passed over
                if s2 != si and pf.value is not None and pf.value > 4 * f.value:
                    return -1  # "... and 85 in Swansea. ... almost 600 of them were in London": not the 85
                return fi
            if nearest < 0 and (self.older_end(s2, k) or self.gap_told(s2, k)):
                # "41.3 million, 2.7 million more than the 38.6 million ... 24.1 million of those journeys":
                # the level compared with and the gap are the set only where no other figure is.
                older = fi if older < 0 else older
            elif nearest < 0 and (self._after_preposition(s2, k) or self._owned_set(s2, k)):
                # "13,604 attendances at its two A&E units, and 4,230 of those patients": the places the set
                # was counted at are no set of the noun, while the sentence tells another count
                placed = fi if placed < 0 else placed
            elif nearest < 0:
                nearest = fi  # "31,000 pupils ... 34,000 of those cases": another word for the same set
        nearest = nearest if nearest >= 0 else placed if placed >= 0 else older
        if noun.endswith(("ed", "ing")) and aside < 0:
            # "Among those rescued", "those leaving": a set named by what befell it or what it does; the count
            # told with that very verb ("The hospital treated 12,000 patients ... of those treated") is it.
            return self._counted_by_verb(si, pos, part, noun)
        if singular(noun) in _UNIT_NOUNS and aside < 0:
            return -1  # "12,480 hours, the equivalent of 1,040 shifts ... 3,900 of those hours": not the shifts
        return aside if aside >= 0 else nearest

    def _counted_by_verb(self, si: int, pos: int, part: int, verb: str) -> int:
        """The nearest count before ``part``, in its sentence or the one before, of its family, told with
        ``verb`` right before it ("treated 12,000 patients") or after its noun ("40 people were rescued");
        -1 when there is none or the nearest two such counts differ."""
        pf = self.facts[part]
        found = -1
        for s2, k in self.m.previous_figures(si, pos, back=1):
            fi = self.fact_at(s2, k)
            f = self.facts[fi]
            if fi == part or f.kind not in COUNTABLE or f.is_range or f.value is None or not same_family(f, pf):
                continue
            words = self.m.words[s2]
            h = self.hedge_start(s2, k)
            near = words[max(0, h - VERB_NEAR) : h] + words[k + 1 : k + 1 + VERB_NEAR + 1]
            if verb in near:
                if found >= 0 and self.facts[found].value != f.value:
                    return -1
                found = fi if found < 0 else found
        return found

    def list_count_before(self, si: int, pos: int, joins: tuple[str, ...], reach: int) -> int:
        """The token of a count of the figure's family that stands a few words (at most ``reach``, all
        words of its noun) before the join right before the figure at ``pos`` ("five pedestrians and
        two", "eight women and six"), else -1: the figure continues or closes a list of counts."""
        words = self.m.words[si]
        fi = self.fact_at(si, pos)
        h = self.hedge_start(si, pos)
        if h < 2 or words[h - 1] not in joins:
            return -1
        for j in range(h - 2, max(-1, h - 2 - reach), -1):
            other = self.fact_at(si, j)
            if other >= 0:
                return j if same_family(self.facts[other], self.facts[fi]) else -1
            if not words[j].isalpha():
                return -1
        return -1

    def bound_at(self, si: int, k: int) -> bool:
        """The small figure at token ``k`` bounds an age or a size ("children under five", "aged over 65"):
        no set a pronoun may stand for."""
        fi = self.fact_at(si, k)
        v = self.facts[fi].value if fi >= 0 else None
        if v is None or v > AGE_BOUND_MAX:
            return False
        words = self.m.words[si]
        h = self.hedge_start(si, k)
        # "under" may be read as the figure's hedge ("under five"): the word itself, or the one before it.
        return (k > 0 and words[k - 1] in _BOUND_WORDS) or (h > 0 and words[h - 1] in _BOUND_WORDS)

    def group_bound_at(self, si: int, k: int) -> bool:
        """The small figure at token ``k`` bounds the age or size of the group named right before it: "187
        were in children under five", "Drivers over 70 accounted for 31", "83 in pupils aged 11": a word of
        the group's name, never a part of a list nor a whole. Not "killed over 70 people" (a hedged count)
        nor "The toll stands above 40" (a verb before the bound)."""
        if not self.bound_at(si, k):
            return False
        words = self.m.words[si]
        h = self.hedge_start(si, k)
        j = h - 1 if h > 0 and words[h - 1] in _BOUND_WORDS else h
        if j <= 0 or words[j] not in _BOUND_WORDS:
            return False
        if words[j] == "aged":
            return True
        after = words[k + 1] if k + 1 < len(words) else ""
        if after.isalpha() and after.endswith("s") and after not in _GROUP_BOUND_AFTER:
            return False  # "over 70 patients": what the figure counts follows it
        return group_noun(words[j - 1]) and self.v.direction.ending_at(words, j) is None  # (not "rises above 40")

    def moment_apart(self, si: int, others: Iterable[int]) -> bool:
        """Sentence ``si`` tells a moment (a date, a weekday, a clock time) and the sentences ``others`` tell
        none: "Of those, 94,000 were in A, 61,000 in B and 31,000 in C. The final 1,200 were reconnected at
        18:00 on Tuesday." A figure told so is the last of a set through a later event, some of the whole, not
        the rest of a list told without moments. (Parts told by their days, "Friday brought in 18,500. ... the
        remaining 24,600 came on Sunday", are a list of moments, and its rest is one of them.)"""

        def timed(s2: int) -> bool:
            return any(t.fact >= 0 and self.facts[t.fact].kind in _MOMENTS for t in self.m.tokens[s2])

        return timed(si) and not any(timed(s2) for s2 in others if s2 != si)

    def move_told(self, si: int, k: int) -> bool:
        """The figure at token ``k`` is the amount a level moved by, told after it: "1.78 million, up by
        104,000", "rose by 82,000", "down 3,100 on the year", "a fall of 59"; no set a later "of them" or "of the total"
        can take a part of. Not "Motoring offences made up 720 of them": the "up" of a verb of making up a
        whole (``[sums] part_verbs``) is its particle."""
        words = self.m.words[si]
        j = self.hedge_start(si, k)
        if j > 0 and words[j - 1] in ("up", "down"):
            return not _made_up(words, j)
        # "rose by 82,000", "a fall of 59 or about 22%": the size of the move, after its verb or noun
        return j > 1 and words[j - 1] in ("by", "of") and self.v.direction.ending_at(words, j - 1) is not None

    def tells_move(self, si: int) -> bool:
        """Sentence ``si`` has a direction word ("rose", "down"), not counting the particle of a verb of making
        up a whole: "Sales rose to £40m" tells a move; "Motoring offences made up 720 of them" does not."""
        words = self.m.words[si]
        return any(
            self.v.direction.starting_at(words, j) is not None and not _made_up(words, j + 1) for j in range(len(words))
        )

    def move_size(self, fi: int) -> bool:
        """The figure follows its direction verb: the size of a move ("lost two seats", "will cut 640 jobs"),
        not a level."""
        si, pos = self.pos_of(fi)
        k = self.hedge_start(si, pos)
        words = self.m.words[si]
        return k > 0 and self.v.direction.ending_at(words, k) is not None and not _made_up(words, k)

    def noun_move_size(self, fi: int) -> bool:
        """The figure is the size a move noun gives: "backed a rise of 4.99%", "a fall of 12 points" (data:
        [change_nouns]), not a level nor a share of a whole."""
        si, pos = self.pos_of(fi)
        k = self.hedge_start(si, pos)
        words = self.m.words[si]
        return k >= 2 and words[k - 1] == "of" and _move_noun(words[k - 2])

    def order_and_stock(self, a: int, b: int) -> bool:
        """One figure counts things ordered or bought ("an order for up to 60 jets", "will buy 250 buses") and
        the other the stock held ("It now flies 74 aircraft", "has a fleet of 1,340 buses"): an addition to a
        stock and the stock, two quantities. Words in ``[restatement.orders]``."""

        def told(fi: int) -> str:
            si, pos = self.pos_of(fi)
            hit = _orders().ending_at(self.m.words[si], self.hedge_start(si, pos))
            return hit[0] if hit is not None else ""

        return {told(a), told(b)} == {"order", "held"}

    def _time_at(self, si: int, k: int) -> bool:
        """Token ``k`` is a year or date figure ("2021" in "(29.6% in 2021)")."""
        fi = self.fact_at(si, k)
        return fi >= 0 and self.facts[fi].kind in ("year", "date")

    def bracketed_peer(self, si: int, k: int) -> bool:
        """The figure at token ``k`` stands alone in brackets right after a figure of its kind: "Labour polled
        17% (19%)", "34.1% of the vote (29.6% in 2021)", "the Greens on four (one)": the same item's figure at another time, no further part."""
        words = self.m.words[si]
        close = k + 1
        if close + 1 < len(words) and words[close] == "in" and self._time_at(si, close + 1):
            close += 2  # "took 34.1% of the vote (29.6% in 2021)": the same item's share at a time named
        if not (2 <= k < len(words) - 1 and words[k - 1] == "(" and close < len(words) and words[close] == ")"):
            return False
        fi, pi = self.fact_at(si, k), self.fact_at(si, k - 2)
        if pi < 0:
            # "34.1% of the vote (29.6% in 2021)": the figure and its noun before the bracket
            for j in range(k - 3, max(-1, k - 3 - PEER_NOUN_REACH), -1):
                if words[j] in (",", ";", ":", "(", ")", ".", "!", "?"):
                    break
                if (pi := self.fact_at(si, j)) >= 0:
                    break
        return fi >= 0 and pi >= 0 and family(self.facts[pi]) == family(self.facts[fi])

    def older_end(self, si: int, k: int) -> bool:
        """The figure at token ``k`` is the older end of a change: "3,840 claims, up 32% from 2,910",
        "31,406 patients, up 4.2% on the 30,152 recorded a year earlier", "compared with 2,910"."""
        words = self.m.words[si]
        j = self.hedge_start(si, k) - 1
        determined = j >= 0 and (words[j] in ("the", "its", "their") or words[j].endswith("'s"))
        if determined:
            j -= 1
        elif j >= 0 and (t := self.fact_at(si, j)) >= 0 and self.facts[t].kind in ("relative", "year", "date"):
            j -= 1  # "up 6.5% on last year's 275,000", "from 2023's 41,000": a time owns the older level
        if j < 0:
            return False
        if determined and words[j] == "than" and self.v.comparison.ending_at(words, j + 1):
            return True  # "2.7 million more than the 38.6 million it carried in 2023-24": the level compared with
        if words[j] == "from" or (words[j] in ("with", "to") and j > 0 and words[j - 1] == "compared"):
            return True
        if words[j] == "of" and any(w in _EARLIER_MARKS for w in words[max(0, j - OLDER_END_REACH - 2) : j]):
            return True  # "beating the previous record for the final of 22", "the old mark of 46.9km"
        if words[j] in self.v.comparison_better:
            return True  # "a race-day record, beating the 38,650 who watched in 2024": the level beaten
        if words[j] not in ("on", "against"):
            return False
        if words[j] == "against" and (t := self.fact_at(si, k + 1)) >= 0 and self.facts[t].kind in ("relative", "year"):
            return True  # "78% ..., against 71% last year": the level a time before
        # "on" and "against" end a change only after a move told just before them ("up 4.2% on").
        for n in range(max(0, j - OLDER_END_REACH), j):
            fi = self.fact_at(si, n)
            if fi >= 0 and self.facts[fi].kind in ("percent", "points"):
                return True
            hit = self.v.direction.starting_at(words, n)
            if hit and all(words[x].endswith("ly") or self.fact_at(si, x) >= 0 for x in range(hit[1], j)):
                return True  # (not "grow crops on 2,400 acres": the verb's own object stands between)
        return False

    def figured_before(self, si: int) -> int:
        """The nearest sentence before ``si`` that tells a figure, passing over at most ``QUOTE_SKIP``
        sentences with none (a quote set between two figures a reader relates), or -1."""
        for s2 in range(si - 1, max(-1, si - 2 - QUOTE_SKIP), -1):
            if any(tok.fact >= 0 for tok in self.m.tokens[s2]):
                return s2
        return -1

    def reference_level(self, si: int, j: int, bi: int) -> tuple[int, int] | None:
        """A level named by a noun phrase at token ``j`` that a multiple or a premium sets the figure ``bi``
        against: "their launch price", "the original estimate", "Friday's closing price of 248p". The phrase
        holds a word of the kind of level (``[multiple_of] references``) and ends on a level noun
        (``reference_heads``); its figure is the one told after "of", else, when the phrase tells none, the
        one figure of ``bi``'s family told before ``bi`` in its sentence, else the one of the sentence
        before (past a quote); one told apart (another sentence, or before a semicolon) only when its
        sentence echoes the phrase or tells it at an earlier time (``_echoed``): (that figure, the token after
        the phrase), or None. Two such figures: which one is not said."""
        words, toks = self.m.words[si], self.m.tokens[si]
        marked, end = False, -1
        k = j
        while k < min(len(words), j + REFERENCE_REACH):
            w, fi = words[k], toks[k].fact
            if fi >= 0:
                f = self.facts[fi]
                owned = f.text.endswith(("'s", "’s")) or words[k + 1 : k + 3] == ("'", "s")
                if end >= 0 or f.kind not in ("weekday", "date", "year", "relative") or not owned:
                    break
                marked = True  # "Friday's closing price", "last year's figure": a level of another time
                k += 1
                continue
            if w in self.v.reference_marks:
                marked = True
            if marked and w in self.v.reference_heads:
                end = k + 1
            elif not (w.isalpha() or w.endswith(("'s", "’s")) or w in ("'", "s") or "-" in w):
                break
            k += 1
        if end < 0:
            return None
        if end < len(words) and words[end] == "of":
            ai = self.figure_after(si, end + 1)
            return (ai, end + 2) if ai >= 0 and ai != bi else None
        if self.fact_at(si, end) >= 0 and self.facts[self.fact_at(si, end)].kind not in FRAME_KINDS:
            return None  # "the list price £24,000": read by the readers of a level told with its figure
        b = self.facts[bi]
        bs, bpos = self.pos_of(bi)
        for s2 in (bs, self.figured_before(bs)):
            if s2 < 0:
                break
            top = bpos if s2 == bs else len(self.m.tokens[s2])
            found = [
                fi
                for t, tok in enumerate(self.m.tokens[s2][:top])
                if (fi := tok.fact) >= 0
                and fi != bi
                and (f := self.facts[fi]).kind not in FRAME_KINDS
                and not f.is_range
                and f.value is not None
                and same_family(f, b)
                and not self.move_size(fi)
                and not self.m.by_fact[fi].roles & _ADDED_ROLES
                and not (t >= 2 and self.m.words[s2][t - 1] == "(" and self.fact_at(s2, t - 2) >= 0)
            ]
            if len(found) > 1:
                return None
            said = self.m.words[s2][: bpos if s2 == bs else None]
            apart = s2 != bs or (found and ";" in said[self.pos_of(found[0])[1] :])
            if found and apart and not self._echoed(said, words[j:end], found[0], bi):
                return None  # "The stadium holds 5,000. A crowd of 9,000 was double the old record."
            if found:
                return found[0], end
        return None

    def _echoed(self, said: tuple[str, ...], phrase: tuple[str, ...], ai: int, bi: int) -> bool:
        """The level ``ai`` told in the words ``said`` is the one a phrase names: they echo a word of the
        phrase ("The old record of 9,800" for "the old record", "issued at 95p" for "their issue price"),
        or tell the level at an earlier time than the figure set against it ("at 140p in 2019")."""
        stems = {
            part[:ECHO_STEM]
            for w in phrase
            for part in w.replace("'s", "").split("-")
            if len(part) >= ECHO_STEM and part not in _PLAIN_HEADS
        }
        if any(w[:ECHO_STEM] in stems for w in said if len(w) >= ECHO_STEM):
            return True
        return earlier_time(told_time(self, ai), told_time(self, bi)) > 0

    def gap_told(self, si: int, k: int) -> bool:
        """The figure at token ``k`` is a gap between two levels: "2.7 million more than", "600 fewer than"."""
        words = self.m.words[si]
        hit = self.v.comparison.starting_at(words, k + 1)
        return hit is not None and words[hit[1] - 1] == "than"

    def timed(self, fi: int) -> bool:
        """A race time, where the better figure is the smaller: a duration, or a bare figure named as a
        time ("His winning time of 47.92", "clocked 9.86")."""
        f = self.facts[fi]
        if f.kind == "duration":
            return True
        if f.kind not in ("count", "number") or fi not in self.m.by_fact:
            return False
        si, pos = self.pos_of(fi)
        words = self.m.words[si]
        k = self.hedge_start(si, pos)
        return (k >= 2 and words[k - 1] == "of" and words[k - 2] == "time") or (
            k >= 1 and words[k - 1] in ("clocked", "timed")
        )

    def _after_preposition(self, si: int, k: int) -> bool:
        """The figure at token ``k`` is a preposition's object: "across its two hospitals", "in 12 towns"."""
        words = self.m.words[si]
        j = k - 1
        if j >= 0 and (words[j] in ("its", "their", "the", "his", "her", "our") or words[j].endswith("'s")):
            j -= 1
        return j >= 0 and words[j] in _ASIDE_PREPOSITIONS

    def _owned_set(self, si: int, k: int) -> bool:
        """The figure at token ``k`` counts a set its holder already has, told after a possessive ("attended
        its two emergency departments", "toured the trust's four gardens"): known, no new set a later "of
        those" takes a part of while the sentence tells another count before it."""
        words = self.m.words[si]
        j = self.hedge_start(si, k) - 1
        if j >= 2 and words[j] == "the" and (self.verb_like(words[j - 1]) or words[j - 1].endswith("ed")):
            return True  # "14,200 people attended the two emergency departments": the verb's known object
        if j >= 1 and (words[j] in _POSSESSIVES or words[j].endswith("'s")):
            return True
        # "4,600 pupils sat the two papers": a set told as known after a word of its own (a verb of any form),
        # while another count opens the sentence.
        return (
            j >= 2
            and words[j] == "the"
            and words[j - 1].isalpha()
            and words[j - 1] not in ("of", "among")
            and any(t.fact >= 0 and self.facts[t.fact].kind in COUNTABLE for t in self.m.tokens[si][: j - 1])
        )

    def verb_like(self, word: str) -> bool:
        """A word that starts a clause of its own: a clause verb of the vocabulary or a past form in "-ed"."""
        return word in self.v.clause_verbs or (len(word) > 4 and word.endswith("ed"))

    def _same_clause(self, si: int, k: int, part: int) -> bool:
        """The part at token ``part`` sits after a preposition in the clause of the figure at ``k``: no
        comma, no verb between them ("44 warnings and errors on 60 of them")."""
        words = self.m.words[si]
        if part < 1 or words[part - 1] not in self.v.pronoun_prepositions:
            return False
        for w in words[k + 1 : part - 1]:
            if not w[:1].isalnum() or self.verb_like(w):
                return False
        return True

    def _clause_subject(self, si: int, k: int, part: int) -> bool:
        """The figure at token ``k`` counts the subject of the clause whose object holds the part at token
        ``part`` ("The three Danish entries took 11 of them", "Its four offices handled 410 of them"): no
        verb and no break from the clause's start to ``k``, a verb and no break from ``k`` to ``part``."""
        words = self.m.words[si]
        lo = self.m.clause_start(si, k)
        if any(self.verb_like(w) or not w[:1].isalnum() for w in words[lo:k]):
            return False
        between = words[k + 1 : part]
        if any(not w[:1].isalnum() or w in ("and", "or", "but", "while") for w in between):
            return False
        return any(self.verb_like(w) for w in between)

    def _set_part(self, si: int, pos: int) -> bool:
        """The figure at ``pos`` is told as a part of a set named by a definite noun with no figure ("18,400
        of the affected homes"): a pronoun in a later sentence may stand for the part or for the set."""
        words = self.m.words[si]
        k = pos + 1
        return (
            k + 2 < len(words)
            and words[k] == "of"
            and words[k + 1] in ("the", "its", "their", "those", "these")
            and self.fact_at(si, k + 2) < 0
            and words[k + 2][:1].isalpha()
        )

    def _part_of_whole_at(self, si: int, pos: int) -> int:
        """The count told as a part of the figure at ``pos`` right before it ("87 of the 118", "640 out of
        900"), of its family and more than one, else -1: a later "of those" takes a part of that part."""
        start = self.hedge_start(si, pos)
        hit = self.v.whole_of.ending_at(self.m.words[si], start)
        if hit is None or hit[1] == 0:
            return -1
        pi = self.fact_at(si, hit[1] - 1)
        if pi < 0:
            return -1
        p, w = self.facts[pi], self.facts[self.fact_at(si, pos)]
        ok = p.kind in COUNTABLE and same_family(p, w) and p.value is not None and p.value > 1
        return pi if ok and not p.is_range else -1

    def supposed(self, si: int, k: int) -> bool:
        """The figure at token ``k`` is told in a clause of what would or could be, a modal verb before it
        in its clause ("which would mean 310", "that would mean a wage bill of no more than £150m")."""
        return not _MODALS.isdisjoint(self.m.words[si][self.m.clause_start(si, k) : k])

    def percent_beside(self, si: int, pos: int) -> int:
        """The percentage set right after the figure at ``pos`` ("£94m, or nearly 23%", "400 (21%)", "£14.9bn,
        almost 16% of the total"), told from its first word, else -1."""
        words = self.m.words[si]
        k = pos + 1
        if k < len(words) and words[k] in (",", "("):
            k += 1
        if k < len(words) and words[k] == "or":
            k += 1
        if k == pos + 1:
            return -1
        fi = self.figure_after(si, k, frozenset({"percent"}))
        if fi < 0 or self.facts[fi].is_range or self.hedge_start(si, self.pos_of(fi)[1]) != k:
            return -1
        return fi

    def _pronoun_part(self, si: int, pos: int) -> bool:
        """The figure at ``pos`` is itself a part of a pronoun's whole ("Twelve of them")."""
        words = self.m.words[si]
        hit = self.v.whole_of.starting_at(words, pos + 1)
        return hit is not None and hit[1] < len(words) and words[hit[1]] in self.v.anaphora


# Words after a part that do not name what it counts ("four of the 21", "70 said", "12 were").
_NOT_PART_NOUNS = frozenset(
    """of were was are is have has had said say says will would could did do in on at and or but to who which
    later subsequently eventually then also still already soon since""".split()
)
# Words that end a whole's noun phrase: a preposition or a verb starts what is said of it.
_NP_STOP = frozenset(
    """in on at for from to with by as than and or but who which that said say says were was are is be been
    have has had will would could can did do outside inside across over under between against during after
    before since within among""".split()
)
_DETERMINERS = frozenset("the its their his her our a an this that".split())


def divided(d: _Doc, fi: int) -> bool:
    """The figure's clause names a part of its holder before it ("Sales in its generics business fell to",
    "Revenue at the European arm"): a division's figure, no level or whole of the holder's own."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    return any(words[k] in d.v.divisions for k in range(d.m.clause_start(si, pos), pos))


def _plain_tokens(d: _Doc, si: int) -> tuple[Token, ...]:
    """A sentence's words as tokens, for a sentence the mentions left untokenised (it has no figure).

    Read once per document: several builders ask for the headline's and the lead's."""
    got = d._plain.get(si)
    if got is None:
        span = d.view.doc.sentences[si].span
        chunk = d.view.text[span.start : span.end].lower().replace("’", "'")
        got = d._plain[si] = tuple(word_tokens(chunk, span.start))
    return got


def _lead_sentences(d: _Doc) -> frozenset[int]:
    """The headline and the lead: the first paragraph, short lines (datelines, captions) and the next
    paragraph of running text. Found once per document (a dozen builders ask)."""
    if d._lead is None:
        d._lead = _find_lead(d)
    return d._lead


def _find_lead(d: _Doc) -> frozenset[int]:
    sents = d.view.doc.sentences
    if not sents:
        return frozenset()
    paras: dict[int, list[int]] = {}
    for si, s in enumerate(sents):
        if not s.item:  # a list item or table row is an entry of its own, not a lead
            paras.setdefault(s.paragraph, []).append(si)
    out: set[int] = set()
    seen_text = False
    for k, p in enumerate(sorted(paras)):
        members = paras[p]
        out.update(members)
        if k == 0:
            continue
        words = sum(len(d.m.words[si]) for si in members)
        if words >= 12:
            if seen_text:
                break
            seen_text = True
            break
    return frozenset(out)


# Months in a unit of a relative time ("two years ago", "a decade earlier").
UNIT_MONTHS = {"year": 12, "month": 1, "week": 0, "day": 0, "decade": 120}
# Words that open an aside between a time and its figure ("Two years ago the service, which launched in
# 2019, had 7.2 million"): the aside's times are not the figure's.
ASIDE_OPENERS = frozenset({"which", "who", "where", "when", "whose"})
# Tokens after a level its time may stand ("£140m when work began in 2018").
TIME_AFTER = 7


def told_time(d: _Doc, fi: int) -> tuple[str, Decimal] | None:
    """When a level is told: ("year", 2010) or ("ago", months back from now, 0 for "now"), from the time
    right after it in its clause or the nearest before it in its sentence, past an aside ("which launched in
    2019"); None when no time is told."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    for j in range(pos + 1, min(len(words), pos + TIME_AFTER)):
        if words[j] in ";:.!?,":
            break
        t = d.fact_at(si, j)
        if t >= 0:
            if d.facts[t].kind in FRAME_KINDS:
                return _time_key(d.facts[t])
            break
    j = pos - 1
    while j >= 0 and words[j] not in (";", ":"):
        if words[j] == ",":
            back = next((n for n in range(j - 1, max(-1, j - 14), -1) if words[n] == ","), -1)
            if back >= 0 and words[back + 1 : back + 2] and words[back + 1] in ASIDE_OPENERS:
                j = back - 1  # ", which launched in the UK in 2019,"
                continue
        t = d.fact_at(si, j)
        if t >= 0 and d.facts[t].kind in FRAME_KINDS:
            return _time_key(d.facts[t])
        j -= 1
    return None


def _time_key(f: Fact) -> tuple[str, Decimal] | None:
    if f.kind == "year" and f.value is not None:
        return "year", f.value
    if f.kind == "relative" and f.value is not None and f.unit in UNIT_MONTHS:
        return "ago", -f.value * UNIT_MONTHS[f.unit]
    return None


def earlier_time(a: tuple[str, Decimal] | None, b: tuple[str, Decimal] | None) -> int:
    """1 when time ``a`` is told as before ``b``, -1 when after, 0 when it is not said: two years or two
    times counted back from now compare; a level told with no time or as now is the newer of a past one."""
    if a == b:
        return 0
    if a is None or a == NOW:
        return -1 if b is not None and b != NOW and (b[0] == "year" or b[1] > 0) else 0
    if b is None or b == NOW:
        return 1 if a[0] == "year" or a[1] > 0 else 0
    if a[0] != b[0]:
        return 0
    if a[0] == "year":
        return 1 if a[1] < b[1] else -1
    return 1 if a[1] > b[1] else -1


# The time of a level told as now ("today it has 950", "now has").
NOW: tuple[str, Decimal] = ("ago", Decimal(0))


def nouns_differ(d: _Doc, a: int, b: int) -> bool:
    """Both figures name what they count by the word right after them, and the two are other concepts
    ("nine golds" and "17 medals"); a bare figure ("runners-up with 16") takes the other's."""
    said = []
    for fi in (a, b):
        si, pos = d.pos_of(fi)
        words = d.m.words[si]
        nxt = words[pos + 1] if pos + 1 < len(words) else ""
        m = d.m.by_fact.get(fi)
        if not nxt[:1].isalpha() or m is None or not m.noun or m.noun.lower().split()[0] != nxt:
            return False
        said.append(d.v.concept(nxt))
    return said[0] != said[1]


# Largest count of members a set told by its size may have ("its five districts").
SET_MEMBERS_MAX = 12
# Tokens back from an item of a breakdown set off after its whole ("62 athletes, 38 women and 24 men"), and
# the words of the whole's noun before its comma.
APPOSED_REACH = 10
APPOSED_NOUN = 2
# Marks that set a breakdown off after its whole: a comma, a colon, a bracket or a dash ("900 pupils: 480
# girls and 420 boys", "900 pupils - 480 girls and 420 boys").
APPOSED_OPENERS = frozenset({",", ":", "(", "-", "–", "—"})
_SET_OWNERS = frozenset({"its", "their", "the", "his", "her", "our"})
_SET_PREPS = frozenset({"through", "across", "over", "in", "at", "among", "between", "into", "from"})


def counted_set(d: _Doc, si: int, pos: int) -> bool:
    """A small count told as a known set ("its three factories", "the five films", "the city's five
    districts", "the two remaining wards"): the size of a group, not an amount of what the run counts."""
    f = d.facts[d.m.tokens[si][pos].fact]
    if f.kind not in ("count", "number") or f.value is None or f.value > SET_MEMBERS_MAX:
        return False
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    before = words[k - 1] if k > 0 else ""
    if not (before in _SET_OWNERS or before in _SET_PREPS or before.endswith("'s")):
        return False  # ("through three ports", "across five sites": where the run's figures are spread)
    return any(w.isalpha() and w.endswith("s") for w in words[pos + 1 : pos + 3])
