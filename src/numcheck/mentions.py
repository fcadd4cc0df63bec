"""Mentions: what each figure counts, which way it moves, when, and in what role.

The layer between the fact table and the relations. Each sentence is read
into tokens once (words, punctuation and one token per figure, each with its
span in the text); every reader here and in ``relations`` walks those tokens
with the phrase tables of ``vocab``, so a new phrasing is a line of data, not
another regex in a rule.

A ``Mention`` says, for one figure: the noun it counts and that noun's
concept ("killed" → death), the direction word that governs it ("rose",
"fell", "doubled"), its time frame (a year or "a year earlier"), and its role
cues (total, part, remainder, another, each, forecast).

A ``Frame`` (``Mentions.frame``) says whose figure it is and for what: the
holder named in its sentence or, through "it", "its" and "the company", in
the sentences before; the concept of the head of what it counts; its time
and the part of that time ("in its first week", "in total"); its scope ("in
the UK", "across the region"); whether it is a forecast; and whether it is
told as already known ("the 13 titles"). Builders that relate figures across
sentences read frames, not the words around each figure.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from numcheck.model import Fact, Span
from numcheck.patterns import View, is_token
from numcheck.vocab import (
    MEASURE_WORDS,
    TOKEN,
    PhraseTable,
    Vocab,
    _toml,
    any_phrase,
    attribution_cuts,
    level_words,
    singular,
    vocab,
)


@functools.cache
def _published() -> frozenset[str]:
    """Verbs of a source coming out ("published", "released"), as data: ``[attribution] published``."""
    return frozenset(_toml("vocab.toml")["attribution"]["published"])


@functools.cache
def _not_group_nouns() -> frozenset[str]:
    """Verbs ending in "s" that may stand before a bound ("stands above 40", "remains under 50")."""
    data = _toml("subjects.toml")
    return frozenset((*data["level_verbs"], *data["auxiliaries"]))


@functools.cache
def _plural_people() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["lists"]["plural_people"])


def group_noun(word: str) -> bool:
    """``word`` is a plural noun that names a group a bound may follow: "children", "drivers", "babies"."""
    if word in _plural_people():
        return True
    return (
        word.isalpha()
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith("ss")
        and (word not in _not_group_nouns())
    )


# Prepositions after a figure that tell where or among whom it falls ("93 in children", "40 among staff"):
# the nouns after them are not what the figure counts.
_WHERE_PREPS = frozenset({"in", "among", "amongst"})
# Words between a group's noun and a small figure that bound the group's age or size ("children under
# five", "pupils aged 11").
GROUP_BOUNDS = frozenset({"under", "over", "aged", "below", "above"})


def bounds_group(words: Sequence[str], k: int) -> bool:
    """The figure starting at token ``k`` follows a bound word after a group's noun: "children under five",
    "pupils aged 11": a word of the group's name, not a figure a later bare one leaves its noun out of."""
    return k > 1 and words[k - 1] in GROUP_BOUNDS and group_noun(words[k - 2])


# Words right after a percent that give its own way of change ("27% more", "12% lower"), over a verb before.
_OWN_WAY = frozenset("more less higher lower".split())
# Words a figure's own reading may look back over for its role, direction and
# frame: a clause's worth ("another 6 million", "rose by almost 30% to").
WINDOW_BEFORE = 8
# Words after a figure that may still name what it counts ("120 full-time staff").
WINDOW_AFTER = 4
# Tokens either side of a figure that a year giving its frame may stand ("in 2003, profits ...").
YEAR_REACH = 12
# Tokens at a sentence's start within which a time opening it stands ("In the fourth quarter, ...").
OPENING_TIME_AT = 3
# Tokens back in a sentence that an earlier figure (a pronoun's antecedent) is looked for.
PREVIOUS_REACH = 40
# Concepts that say only "people": the verb after them says what they count ("208 people died").
GENERIC_CONCEPTS = frozenset({"people"})
# Determiners that open a noun phrase set beside a figure after a comma ("689 cinemas, the best opening of
# the year so far"): the time words in it are the phrase's, not the figure's part of its time.
_APPOSITIVE_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
# Words after a generic noun that its verb may stand ("978 people have been killed").
VERB_CONCEPT_REACH = 5
# Kinds of figure a bracket right after it may convert into other units ("£120 ($152)", "10 miles (16km)").
CONVERTIBLE = frozenset({"money", "measure"})
# Marks that part two conversions in one bracket: "($1bn; £540m)", "($1bn or £540m)".
CONVERSION_JOINS = frozenset({";", ",", "or", "/"})
# Punctuation that ends a clause for the readers above.
CLAUSE_END = frozenset(";:.!?")
# Double quotation marks as the tokenizer keeps them (apostrophes are not among them: "the firm's").
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})
# Words that open a relative clause set off by commas: a time told inside one is not the main clause's.
_RELATIVE_WORDS = frozenset({"who", "which", "whose", "whom"})
# Words before a place after "in" that the comma opening an aside may stand ("The study, presented at a
# cardiology conference in Lisbon on Sunday, followed ...").
ASIDE_WORDS = 10
# Words that open a new clause after a comma: ", while theatre impresario ... rose from £340m".
CLAUSE_OPENERS = frozenset("while whereas but although though and which who when as after before since".split())
# Words that are not what a figure counts, though they follow it.
_NOT_NOUNS = frozenset(
    """a an the of in on at by for from to with as than and or but is are was were be been has have had
    who which that this these those it its their his her per cent percent each more less up down over under
    about around almost nearly some after before since until while when during between against compared across
    year years month months week weeks day days times time higher lower fewer""".split()
)


# Participles that stand before what is counted as adjectives ("8,454 suspected cases").
_PARTICIPLES = frozenset(
    """confirmed suspected reported registered estimated unconfirmed infected affected displaced detained
    arrested employed listed skilled qualified recorded documented""".split()
)
_VERBS = frozenset(
    "said says say were was are is have has had will would could can did do went came got took left".split()
)


# Sentences back that "it", "its" or "the company" looks for the holder it stands for.
HOLDER_BACK = 3
# Words after a figure read for the head of what it counts: "1,400 new Northsea jobs".
HEAD_WORDS = 4
# Tokens after a generic noun that the verb saying what it counts may stand: "some 900 people in the
# hill villages are now thought to have died".
FRAME_VERB_REACH = 12
# Tokens either side of a figure, within its clause, read for its scope and its part of time.
FRAME_REACH = 10
# Tokens back from a figure to the ", where" that hangs its clause on a place ("The closest contest came in
# Millbrook, where Lib Dem Asha Verma, 19, became the youngest councillor ..., taking 1,247 votes" is 18).
WHERE_REACH = 24
# Words between "in" and the ", where" after the place it names ("in the Millbrook ward, where").
WHERE_PLACE_WORDS = 4
# Lower-case words between a describing capital and the name it describes ("Australian budget airline").
APPOSED_WORDS = 3
# Describing words between "the" and a business noun that stands for the holder before ("the troubled US
# carrier"); more words than this are a description of another thing.
DESCRIBED_WORDS = 3
# Words of a verb's object between a verb of change and "to"/"by" and the figure ("boost its 2026
# fares budget by").
OBJECT_WORDS = 5
# Figures that are amounts of something: another one between a figure and a phrase ends the phrase's reach.
_AMOUNT_KINDS = frozenset({"count", "number", "money", "percent", "measure", "share"})
# Figures after "by" that make it a time ("by 2010", "by June", "by next year").
_TIME_KINDS = frozenset({"year", "date", "relative", "weekday", "decade", "time"})
# Words between an amount and the time told right after it ("£3.2m in 2022", "71% in the year to 2019").
_TIME_GLUE = frozenset({"in", "during", "for", "the", "of", "year", "to"})
# Words that set one figure against another in a clause: the time told with one is not the other's.
_AGAINST_WORDS = frozenset({"compared", "against", "versus", "vs", "than", "from"})
# Words before a year that make it what a change is measured from ("up 30% on 2022").
_BASE_BEFORE = _AGAINST_WORDS | {"on", "over", "with"}
# Words after "by" that make it a time with no figure: "by the end of", "by then".
_BY_TIMES = frozenset({("the", "end"), ("the", "time"), ("the", "middle"), ("the", "start")})
_BY_TIMES_ONE = frozenset({"then", "now", "mid", "end", "early", "late"})
# Nouns that name a part of an economy or a firm by its kind: "a 9% rise in the farming sector".
SECTOR_NOUNS = frozenset("sector sectors industry industries division divisions arm segment segments".split())
# Words after "in" read for such a part ("in the key manufacturing sector").
SECTOR_WORDS = 5
# Words of a change noun's object read for what changed ("a 7% jump in shipments to buyers outside the bloc").
CHANGE_NOUN_WORDS = 4
# Words before "in" that make the name after it the holder: "shares in Penny Lane", "a stake in Orbis".
_HELD_IN = frozenset("shares stake stakes stock holding holdings shareholding investors investment".split())
# Words opening a relative clause after a comma: its figure is said of the name before the comma.
_RELATIVE_OPENERS = frozenset({"which", "who", "whose"})
# Words before a name that make it a rival set beside the figure, not its holder ("behind Ireland", "than Spain").
_RIVAL_BEFORE = frozenset("after than behind".split())
# Superlatives with no "-est" ending, before the field they rank in ("the worst in Europe").
_SUPERLATIVES = frozenset("worst most least best".split())
# Time figures that may open a sentence before its subject ("A year earlier the firm ...").
_OPENING_TIMES = frozenset({"year", "date", "relative", "weekday"})
# Modal words after a figure that make it a forecast: "1,900 jobs should be created".
_MODALS = frozenset("will would should could may might".split())
# Words that open a clause of their own after a noun: its verb is not said of the figure.
_RELATIVE = frozenset("who which that whose whom where when and or but".split())
# Tokens after a figure that a modal making it a forecast may stand ("jobs should", "new staff will").
MODAL_REACH = 5
# Determiners that tell a figure as already known: "the 13 titles", "those 45 staff".
_DEFINITE = frozenset({"the", "those", "these"})
# Determiners after "of" that name the set a count is a part of: "187 of the cases", "40 of its stores".
_PARTITIVE_DETERMINERS = frozenset({"the", "its", "their", "these", "those"})
# Words after which a pronoun stands as a clause's subject ("It also has", ", but it said"), not as an
# owner inside a phrase ("sold 900,000 in its first week").
# Words after a comma that open a clause with a subject of its own (", and the chamber pledged £6m").
_OWN_SUBJECT_OPENERS = frozenset({"and", "while", "whereas", "but"})
_SUBJECT_OPENERS = frozenset(', " ( and but that however when after while because as said says'.split())
# Words that end a change's subject before its first noun: a verb or a clause word.
_SUBJECT_ENDS = frozenset("said says is was were are has have had which who that".split())
# Marks after which a capital opens a quotation or a clause, not a name.
_OPENING_MARKS = frozenset({'"', "'", "(", ":", ".", "?", "!", "-"})
_POSSESSIVES = frozenset({"its", "his", "her", "their"})
# Words after a comma that open a noun phrase set beside the figure before it (``Mentions._apposed_between``).
_APPOSED_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
# Words before a noun phrase that name no part of it: "the key manufacturing sector", "its sales".
_LEADING = _POSSESSIVES | {"the"}
# Endings of a capitalised word that describes the name after it ("London-listed", "Paris-based").
_DESCRIPTOR_ENDS = ("-listed", "-based", "-born", "-owned", "-backed", "-registered", "-headquartered")
# Words before a year that make it name the noun after it ("its 2004 dividend", "the 2005 budget").
_ATTRIBUTIVE_BEFORE = frozenset({"its", "his", "her", "their", "our", "the", "this", "next", "last"})
# Words after a possessive pronoun that a name it qualifies may stand in ("Its rival Baltic Lines").
POSSESSIVE_REACH = 3
# Words right before a bare figure (no noun of its own) that join it to an earlier figure of its sentence,
# whose noun it leaves out: "90,000 staff in all, with some 6,000 in Spain", "deaths rose to 45, from 30",
# "900 jobs will go in Leeds and 400 in York", "profit was £5m, against £3m", "31,000 vacancies, including
# about 9,000 for bricklayers".
_ELIDED_AFTER = frozenset(", and with while whereas but from to against versus vs including".split())
# Marks after a figure that join it to another in a score or a run ("2-1", "6–4"): no count of a thing.
_SCORE_JOINS = frozenset({"-", "–", "—"})
# Words between an anaphor opening a clause and its figure: "They had reached almost 2.3 million".
ANAPHOR_GAP = 6
# Words that may follow an anaphor before its verb: "They had reached", "The figure now stands at".
_ANAPHOR_VERBS = frozenset("had has have now then also still later eventually finally".split())
# Words that open a relative clause whose verb moves the noun right before them ("sales which fell 8%").
_RELATIVE_SUBJECTS = frozenset({"which", "that"})
# Words that end a "said" clause before its reported clause: "Officials said the death toll stood at 84" is
# a toll told by officials, not a count of officials.
_SAID_WORDS = frozenset("said says say saying added adds told announced reported stated explained".split())
# Verbs that end a sentence's attribution: ", it added", ", the firm said".
_SAID_AFTER = frozenset("said says added adds told announced reported stated explained".split())


class Token(NamedTuple):
    """A word or punctuation mark (lower case, curly quotes made plain), or a figure (``text`` "#").

    A named tuple, not a frozen dataclass: a document has tens of thousands of tokens and building
    them was a third of the relations layer's time.
    """

    text: str
    start: int
    end: int
    fact: int = -1  # index into ``View.facts`` for a figure token

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@functools.cache
def _past_moves() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["past_moves"]["words"])


def inside_quote(words: Sequence[str], pos: int) -> bool:
    """The word at ``pos`` stands inside a quotation opened before it in its sentence (an odd count of marks)."""
    return sum(1 for w in words[:pos] if w in QUOTE_MARKS) % 2 == 1


def event_noun(words: Sequence[str], k: int) -> bool:
    """The direction word at token ``k`` names an event after "of a" ("the chance of a cut", "the risk of a
    rate rise"), no move of a figure. A verb in the past is no event ("the price of a pint rose to")."""
    if k < len(words) and (words[k].endswith("ed") or words[k] in _past_moves()):
        return False
    for j in (k - 1, k - 2):
        if j >= 1 and words[j] in ("a", "an") and words[j - 1] == "of":
            return all(w.isalpha() for w in words[j + 1 : k])
    return False


def word_tokens(chunk: str, offset: int) -> list[Token]:
    """The word tokens of ``chunk`` (already lower-cased, its quotes made plain), ``offset`` being where
    it starts in the text.

    Each is made by ``tuple.__new__``: the named tuple's own constructor is a Python function, one
    call per token, and a document has tens of thousands of tokens."""
    new = tuple.__new__
    return [new(Token, (m.group(), offset + m.start(), offset + m.end(), -1)) for m in TOKEN.finditer(chunk)]


_UNIT_WORD = re.compile(r"[^\W\d_]+")


def _other_unit_word(f: Fact, b: Fact) -> bool:
    """Two measures of one unit told in other words: "40,000 tonnes (44,000 tons)", metric and short tons."""
    return f.kind == "measure" and _UNIT_WORD.findall(f.text.lower()) != _UNIT_WORD.findall(b.text.lower())


class Conversion(NamedTuple):
    """A figure's conversion bracket: where it opens, the figures inside (fact index, told with a hedge)
    and the token position of its closing bracket in the sentence's full tokens."""

    open: Span
    items: tuple[tuple[int, bool], ...]
    close: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure in its sentence: what it counts, its concept, its direction and the words around it."""

    fact: int
    sentence: int
    position: int  # index of the figure's token in its sentence's tokens
    noun: str | None  # what it counts, as written ("staff surveyed", "death toll")
    concept: str | None  # the noun's concept through vocab ("death" for "killed")
    direction: str | None  # "up" | "down" from the nearest direction word in its clause
    direction_span: Span | None
    multiple: str | None  # a multiple word governing it ("doubled")
    roles: frozenset[str]  # "total", "part", "remainder", "another", "each", "forecast"
    frame: str | None  # a year ("2003") or a frame word's class ("past", "now", "future")


@dataclass(frozen=True, slots=True)
class Frame:
    """Whose figure it is, what it counts, when and where: one reading per figure that builders share."""

    holder: str  # a name in lower case ("northsea", "san marino"), resolved through "it" / "the firm"; "" none
    concept: str  # what it counts, through the vocabulary ("staff" for "new Northsea jobs"); "" unknown
    period: str  # a year ("2004") or a frame word's class ("past", "now", "future"); "" none
    part: str  # "part" for a part of its time ("in its first week"), "whole" ("in total"), else ""
    scope: str  # "whole" ("across the region", "worldwide"), a place named after "in" ("uk"), else ""
    mood: str  # "forecast" when a forecast word or a modal governs it ("should lead to"), else ""
    definite: bool  # told as already known: "the 13 titles", "those 45 staff"


def _figure_family(f: Fact) -> str:
    """Figures of one family are told of one noun: counts with counts, money with money of its currency."""
    if f.kind in ("count", "number"):
        return "count"
    return f"money:{f.unit}" if f.kind == "money" else f.kind


@functools.cache
def _demonyms() -> dict[str, str]:
    """A people's adjective and its place (``[frames.holders] demonyms``): "welsh" → "wales"."""
    return {str(k): str(v) for k, v in _toml("vocab.toml")["frames"]["holders"]["demonyms"].items()}


def same_holder(a: str, b: str) -> bool:
    """Two holders name one: equal, one the other's words in part ("northsea" and "northsea ferries"), or
    one the initials of the other ("us" and "united states"); a people's adjective names its place ("welsh"
    and "wales")."""
    if a == b:
        return True
    places = _demonyms()
    a, b = places.get(a, a), places.get(b, b)
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return False
    if set(wa) <= set(wb) or set(wb) <= set(wa):
        return True
    return "".join(w[0] for w in wa) == b or "".join(w[0] for w in wb) == a


@functools.cache
def _words_read_alone() -> re.Pattern[str]:
    """The words that make a sentence without a figure worth tokenising, as one case-blind search: the
    vocabulary's multiple words ("threefold", "halved"), and the qualifiers of a share ("a majority",
    "most"), to meet a share told elsewhere ("Most parents back it" … "38% of parents")."""
    v = vocab()
    return any_phrase({*v.multiples, *(p for p, (unit, _) in v.ranges.items() if unit == "share")})


@functools.cache
def _openers() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]], int]:
    """The sentence openers that change no figure's meaning (`[discourse]`): those read bare, those read
    before a comma, and the longest one's length in words."""
    data = _toml("vocab.toml")["discourse"]
    bare = frozenset(tuple(p.split()) for p in data["bare"])
    comma = frozenset(tuple(p.split()) for p in data["comma"])
    return bare, comma, max(len(p) for p in bare | comma)


def opening_end(tokens: Sequence[Token]) -> int:
    """How many of a sentence's first tokens are openers that change no figure's meaning: "Indeed, of
    the 40 ..." and "But of the 40 ..." read as "Of the 40 ...". Openers may follow each other ("But,
    in fact, ..."); none is left out when nothing would follow it."""
    bare, comma, longest = _openers()
    at = 0
    n = len(tokens)
    while at < n:
        for size in range(min(longest, n - at), 0, -1):
            phrase = tuple(t.text for t in tokens[at : at + size])
            after = at + size
            if after < n and tokens[after].text == "," and phrase in comma:
                after += 1
            elif not (phrase in bare and after < n and tokens[after].text != ","):
                continue
            if after >= n or tokens[after].text in (".", "!", "?"):
                return at
            at = after
            break
        else:
            return at
    return at


def _without_attributions(view: View, toks: list[Token]) -> list[Token]:
    """The sentence's tokens without its attributions told as asides (``vocab.attribution_cuts``)."""
    if sum(1 for t in toks if t.text == ",") < 2:
        return toks
    kinds = [view.facts[t.fact].kind if t.fact >= 0 else "" for t in toks]
    cuts = attribution_cuts([t.text for t in toks], kinds)
    if not cuts:
        return toks
    out: list[Token] = []
    j = 0
    for a, b in cuts:
        out.extend(toks[j:a])
        j = b
    out.extend(toks[j:])
    return out


# Words that bring in a level ("up from", "compared with", "on", "than", "to", "at", "of"): after one of them,
# the words that name the kind of level before the figure change nothing (``level_words_out``).
LEVEL_CUES = frozenset("from on than with against versus vs to at of".split())
# Kinds of figure that are a level of an amount, not a time ("the previous 12 months" is a window).
_LEVEL_KINDS = frozenset({"count", "number", "money", "percent", "measure", "share", "points"})
_INDEFINITE = frozenset({"a", "an"})
_LEVEL_DEFINITE = frozenset({"the", "its", "their", "his", "her", "our"})
_NEXT_WORD = re.compile(r"[^\S\n]*([a-z]+)", re.I)


@functools.cache
def _time_nouns() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["comparison"]["level_time_nouns"])


def level_words_out(out: list[Token], f: Fact, text: str) -> None:
    """Leave out of the tokens just read the words that name the kind of level a figure is and change
    nothing (vocab.toml ``[comparison] older_adjectives``): "up from the previous 1,715", "down from a
    typical £1,690", "compared with the current 4.25%", "on a year-earlier 2,910" read as "up from 1,715",
    "down from £1,690", "compared with 4.25%", "on 2,910". Only after a word that brings in a
    level (``LEVEL_CUES``) and its determiner, and only before an amount that names no time after it ("in
    the previous 12 months" is a window): every reader that walks from "from", "on", "than" or "to" to the
    figure then finds it as it does when the writer puts nothing between."""
    if f.kind not in _LEVEL_KINDS or not out:
        return
    k = len(out)
    levels = level_words()
    while k > 0 and out[k - 1].text in levels:
        k -= 1
    if k == len(out) or k == 0:
        return
    det = out[k - 1].text
    cue = k - 1 if det not in _INDEFINITE and det not in _LEVEL_DEFINITE else k - 2
    if cue < 0 or out[cue].text not in LEVEL_CUES:
        return
    after = _NEXT_WORD.match(text, f.span.end)
    if after is not None and singular(after.group(1).lower()) in _time_nouns():
        return  # "of the previous 12 weeks", "on the previous three seasons": a window of time
    # The determiner goes with them ("up from 1,715"), but after "than" a definite one stays: "more than the
    # 38.6 million" compares, "more than 38.6 million" hedges.
    keep = det not in _INDEFINITE and (det not in _LEVEL_DEFINITE or out[cue].text == "than")
    del out[k if keep else k - 1 :]


def tokenize(view: View, sentence: int) -> tuple[Token, ...]:
    """The sentence's tokens: figures (facts with a value or date) as one token each, the rest as words."""
    figures = [fi for fi in view.by_sentence[sentence] if is_token(view.facts[fi])]
    text = view.text
    sent = view.doc.sentences[sentence].span
    if not figures and not _words_read_alone().search(text, sent.start, sent.end):
        return ()  # nothing here for a relation to read ("trade up threefold" is read, for its word)
    out: list[Token] = []
    pos = sent.start

    def words(a: int, b: int) -> None:
        out.extend(word_tokens(text[a:b].lower().replace("’", "'").replace("‘", "'"), a))

    for fi in figures:
        f = view.facts[fi]
        if f.span.start < pos:
            continue
        words(pos, f.span.start)
        level_words_out(out, f, text)
        out.append(Token("#", f.span.start, f.span.end, fi))
        pos = f.span.end
    words(pos, sent.end)
    out = _without_attributions(view, out) if figures else out
    return tuple(out[opening_end(out) :])


# Verbs that make "up" or "down" part of themselves, not a move: "Promotions made up 27.4% of spending".
_PHRASAL_UP = frozenset("made make makes making set sets summed sum sums wound ended end ends broke broken".split())
# Words between a figure and the direction word whose subject it is ("Five national records fell").
SUBJECT_BEFORE_MOVE = 3


# Verbs of raising money: "runners raise £1.34m", "raised £84,200 for the hospice" is a sum collected, no rise
# ("raised its dividend to 12p", "raised prices by 5%" keep theirs: a word stands between).
_RAISE = frozenset({"raise", "raises", "raised", "raising"})
# Tokens after a figure that "short" may stand in to make a fall a gap ("fall four seats short of").
SHORT_REACH = 3


# Words after a run told as an aside that bring the figures its verb moves ("rose for the third year in a row, to").
_RUN_THEN = frozenset({"to", "by", "from", "up", "down"})


@functools.cache
def run_words() -> tuple[dict[str, str], PhraseTable, frozenset[str], frozenset[str]]:
    """The units a run counts (each word to its unit's first word), the words after one that make it a run
    ("in a row", "running"), the words before one ("consecutive", "straight") and the nouns of a run ("run",
    "streak"): ``[streaks]`` in data/vocab.toml, read here and by relations/streaks.py."""
    data = _toml("vocab.toml")["streaks"]
    units = {w: group[0] for group in data["units"] for w in group}
    after = PhraseTable.build((p, "after") for p in data["after"])
    return units, after, frozenset(data["adjectives"]), frozenset(data["nouns"])


def _short_after(words: Sequence[str], pos: int) -> bool:
    """ "fall four seats short", "fell 12 votes short of": the figure is a gap to a line, no move."""
    return "short" in words[pos + 1 : pos + 1 + SHORT_REACH]


class Mentions:
    """Tokens of every sentence and a mention of every figure, each computed once per document."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.vocab: Vocab = vocab()
        # A figure's conversion bracket ("£120 ($152)", "10 miles (16km)") is read once here, as an
        # attachment of its figure, and left out of the tokens: every reader walks past it.
        self.converted: dict[int, Conversion] = {}
        # A run told as a figure-free aside between a move's verb and its figures ("rose for the third year
        # in a row, to 5.9 million from 5.5 million") is left out of the tokens too, its ordinal kept in
        # ``runs`` (fact -> sentence, unit word) for the readers of runs (relations/streaks.py, elapsed.py).
        self.runs: dict[int, tuple[int, str]] = {}
        self._run_places: dict[int, int] = {}  # where each run was left out: its mention's position
        self.tokens: tuple[tuple[Token, ...], ...] = tuple(
            self._fold_runs(i, self._fold_conversions(tokenize(view, i))) for i in range(len(view.doc.sentences))
        )
        self.words: tuple[tuple[str, ...], ...] = tuple(tuple(t.text for t in toks) for toks in self.tokens)
        bounds = [self._bounds(w) for w in self.words]
        self._starts = [b[0] for b in bounds]
        self._ends = [b[1] for b in bounds]
        found: dict[int, Mention] = {}
        for si, toks in enumerate(self.tokens):
            for pos, tok in enumerate(toks):
                if tok.fact >= 0:
                    found[tok.fact] = self._mention(si, pos)
        for fi, (si, _) in self.runs.items():  # a run's ordinal counts nothing the sentence moves
            found[fi] = Mention(fi, si, self._run_places[fi], None, None, None, None, None, frozenset(), None)
        self.by_fact: Mapping[int, Mention] = found
        self._frames: dict[int, Frame] = {}
        self._holders: dict[int, str] = {}  # per sentence: the holder it names or stands for
        self._plain: dict[int, tuple[Token, ...]] = {}
        self._names: frozenset[str] | None = None
        self._opening_names: dict[int, tuple[tuple[str, int], int]] = {}  # see _first_name

    def fact(self, index: int) -> Fact:
        return self.view.facts[index]

    def _fold_conversions(self, toks: tuple[Token, ...]) -> tuple[Token, ...]:
        """The sentence's tokens with each figure's conversion bracket left out (``conversion_bracket``),
        the bracket kept in ``converted`` under its figure."""
        if not any(t.text == "(" for t in toks):
            return toks
        out: list[Token] = []
        i, n = 0, len(toks)
        while i < n:
            tok = toks[i]
            out.append(tok)
            if tok.fact >= 0 and i + 1 < n and toks[i + 1].text == "(":
                got = self.conversion_bracket(toks, i)
                if got is not None:
                    self.converted[tok.fact] = got
                    i = got.close + 1
                    continue
            rate = self._rate_before_bracket(toks, i) if tok.fact >= 0 else -1
            if rate > 0:
                got = self.conversion_bracket(toks, i, rate)
                if got is not None:  # "£26,500 a year (about $33,600)": the period words stay tokens
                    self.converted[tok.fact] = got
                    out.extend(toks[i + 1 : rate])
                    i = got.close + 1
                    continue
            i += 1
        return tuple(out)

    def _fold_runs(self, si: int, toks: tuple[Token, ...]) -> tuple[Token, ...]:
        """The sentence's tokens without a run told between a verb and the figures it moves: "rose for the
        third year in a row, to 5.9 million", "fell, for a sixth straight month, by 2%" read as "rose to 5.9
        million", "fell by 2%" (``[streaks]`` in data/vocab.toml gives the run's words). Only when a figure,
        or a word that brings one ("to", "by", "from", "up", "down"), follows the run: a run that ends its
        clause ("rose for the eighth year in a row.") is the clause's own news and stays."""
        if not any(t.text == "for" for t in toks):
            return toks
        words = [t.text for t in toks]
        n = len(toks)
        out: list[Token] = []
        i = 0
        while i < n:
            cut = self._run_at(toks, words, i)
            if cut is None:
                out.append(toks[i])
                i += 1
                continue
            a, b, fi, unit = cut
            del out[len(out) - (i - a) :]  # an opening comma already read
            self.runs[fi] = (si, unit)
            self._run_places[fi] = len(out)
            i = b
        return tuple(out)

    def _run_at(self, toks: Sequence[Token], words: Sequence[str], i: int) -> tuple[int, int, int, str] | None:
        """(first, one past last) token of a run told as an aside at token ``i`` ("for the third year in a
        row,"), with the commas that set it off, its ordinal's fact and its unit word; None when there is none
        (see ``_fold_runs``)."""
        n = len(toks)
        if words[i] != "for" or i < 1 or i + 3 >= n or words[i + 1] not in ("the", "a", "an"):
            return None
        a = i - 1 if words[i - 1] == "," else i
        if a < 1 or not words[a - 1].isalpha():
            return None  # after a verb or a noun of the clause, not at its start
        fi = toks[i + 2].fact
        f = self.fact(fi) if fi >= 0 else None
        if f is None or f.kind != "ordinal" or f.value is None or f.value < 2:
            return None
        units, after, adjectives, _ = run_words()
        k = i + 3
        if words[k] in adjectives:
            k += 1
        if k >= n or words[k] not in units:
            return None
        unit = words[k]
        hit = after.starting_at(words, k + 1)
        b = hit[1] if hit else k + 1
        if a < i and (b >= n or words[b] != ","):
            return None  # an opening comma needs its closing one
        end = b + 1 if b < n and words[b] == "," else b
        if end >= n:
            return None
        nxt = self.vocab.hedges.starting_at(words, end)
        j = nxt[1] if nxt else end
        if not (j < n and toks[j].fact >= 0 or words[end] in _RUN_THEN):
            return None
        return a, end, fi, unit

    def _rate_before_bracket(self, toks: Sequence[Token], i: int) -> int:
        """Where a bracket opens right after the period words of a rate that follow the figure at token
        ``i`` ("£26,500 a year (about $33,600)", "£9.50 an hour ($12)"), else -1."""
        words = [t.text.lower() for t in toks]
        hit = self.vocab.rates.starting_at(words, i + 1)
        if hit is None or hit[1] >= len(toks) or words[hit[1]] != "(":
            return -1
        return hit[1]

    def conversion_bracket(self, toks: Sequence[Token], i: int, opens: int = -1) -> Conversion | None:
        """The bracket right after the figure at token ``i`` when it holds only that amount again in other
        units: "£120 ($152)", "785m euros ($1bn; £540m)", "10 miles (16km)", "40C (about 104F)". Each
        figure inside is of the figure's kind with a unit of its own (or its unit in other words, "40,000
        tonnes (44,000 tons)"); they may be parted by ";", ",", "or",
        "/" and carry a hedge ("about"). A bracket with any other word ("£9m (£7m in 2022)", "(up 4%)") is
        an aside of its own, read by the readers. ``opens``: where the bracket opens when a rate's period
        words stand between ("£26,500 a year (about $33,600)"); else right after the figure."""
        f = self.fact(toks[i].fact)
        opens = i + 1 if opens < 0 else opens
        if f.kind not in CONVERTIBLE or not f.unit or f.value is None:
            return None
        words = [t.text for t in toks]
        items: list[tuple[int, bool]] = []
        j = opens + 1
        while j < len(toks):
            hit = self.vocab.hedges.starting_at(words, j)
            k = hit[1] if hit else j
            bi = toks[k].fact if k < len(toks) else -1
            if bi < 0:
                return None
            b = self.fact(bi)
            if b.kind != f.kind or not b.unit or (b.unit == f.unit and not _other_unit_word(f, b)):
                return None  # "£9m (£7m)" in a results table is last year's figure, no conversion
            items.append((bi, k > j))
            j = k + 1
            if j < len(toks) and words[j] in CONVERSION_JOINS:
                j += 1
                continue
            if j < len(toks) and words[j] == ")":
                return Conversion(toks[opens].span, tuple(items), j)
            return None
        return None

    def clause_start(self, sentence: int, pos: int) -> int:
        """The first token of the clause holding token ``pos``: after the last ; : . before it, or after a
        comma that opens another clause (", while", ", but", ", and")."""
        return self._starts[sentence][pos] if pos < len(self._starts[sentence]) else pos

    def clause_end(self, sentence: int, pos: int) -> int:
        """One past the last token of the clause holding token ``pos`` (see ``clause_start``)."""
        ends = self._ends[sentence]
        return ends[pos] if pos < len(ends) else len(ends)

    @staticmethod
    def _bounds(words: Sequence[str]) -> tuple[list[int], list[int]]:
        """Per token, its clause's first token and one past its last, in two passes (a long sentence with
        no punctuation must not cost a walk back per figure)."""
        n = len(words)
        starts = [0] * n
        start = 0
        for i in range(n):
            if i > 0 and (
                words[i - 1] in CLAUSE_END
                or (words[i - 1] == "," and words[i] in CLAUSE_OPENERS)
                or (words[i - 1] == "," and words[i] == "even" and words[i + 1 : i + 2] in (("though",), ("as",)))
            ):
                start = i
            starts[i] = start
        ends = [n] * n
        end = n
        for i in range(n - 1, -1, -1):
            if i + 1 < n and (
                words[i + 1] in CLAUSE_END
                or (words[i + 1] == "," and i + 2 < n and words[i + 2] in CLAUSE_OPENERS)
                or (
                    words[i + 1] == ","
                    and words[i + 2 : i + 3] == ("even",)
                    and words[i + 3 : i + 4] in (("though",), ("as",))
                )
            ):
                end = i + 1
            ends[i] = end
        return starts, ends

    def _object_moved(self, si: int, end: int, pos: int) -> bool:
        """The direction verb ending before token ``end`` has an object noun right after it and a comma
        parts it from the figure at ``pos``: "53% expected to cut jobs, compared with 24%" (the jobs are cut;
        24% moves nowhere). "cut jobs by 12%" keeps its move."""
        words, toks = self.words[si], self.tokens[si]
        if end >= len(words) or toks[end].fact >= 0 or "," not in words[end:pos]:
            return False
        w = words[end]
        return w.isalpha() and bool(self.vocab.concepts.get(w))

    def others_move(self, si: int, start: int, end: int, pos: int) -> bool:
        """The direction word from token ``start`` to ``end`` moves another figure, its subject just before
        it, and a comma parts it from the figure at ``pos``: "Five national records fell over the five days,
        three of them in women's events" (the three did not fall)."""
        toks, words = self.tokens[si], self.words[si]
        if "," not in words[end:pos]:
            return False
        for k in range(start - 1, max(-1, start - 1 - SUBJECT_BEFORE_MOVE), -1):
            fi = toks[k].fact
            if fi >= 0:
                return self.fact(fi).kind in ("count", "number", "money") and fi != toks[pos].fact
        return False

    def _move_before_level(self, si: int, k: int, pos: int) -> bool:
        """The figure at token ``k`` is the move told right before "to" and the level at ``pos``: "rose 20%
        to", "fell by a fifth to", "up 3 points to"."""
        words = self.words[si]
        f = self.view.facts[self.tokens[si][k].fact]
        if f.kind not in ("percent", "share", "points"):
            return False
        j = k + 1
        if j < len(words) and words[j] in ("points", "point"):
            j += 1
        return j < len(words) and words[j] == "to" and self.figure_start(si, pos) == j + 1

    def _attributive_year(self, si: int, k: int) -> bool:
        """The figure at token ``k`` is a year that names a noun after a determiner ("boost its 2026
        fares budget by 10%", "the 2005 budget"): it is part of the noun phrase, not a figure of its own."""
        fi = self.tokens[si][k].fact
        words = self.words[si]
        return (
            self.view.facts[fi].kind == "year"
            and k > 0
            and words[k - 1] in _ATTRIBUTIVE_BEFORE
            and k + 1 < len(words)
            and self.tokens[si][k + 1].fact < 0
            and words[k + 1][:1].isalpha()
        )

    def _mention(self, si: int, pos: int) -> Mention:
        v = self.vocab
        words = self.words[si]
        toks = self.tokens[si]
        fi = toks[pos].fact
        f = self.view.facts[fi]
        start = max(self.clause_start(si, pos), pos - WINDOW_BEFORE)
        roles: set[str] = set()
        direction: str | None = None
        dspan: Span | None = None
        multiple: str | None = None
        frame: str | None = None
        # Walk back from the figure: the nearest cue of each sort wins. The figure's own hedge is not a
        # cue: "fell to more than 58%" falls ("more" of "more than" is no rise).
        # "plans to trim up to 2,000 jobs" is a cut: the "up" of a bound "up to" is no rise either (the fact
        # table reads "pushed rates up to 2.25%" as the level reached, exact, and that "up" stays a cue).
        i = pos
        hedge = v.hedges.ending_at(words, pos)
        own = hedge[1] if hedge else pos  # where the figure's own words start ("by about 15%")
        if (
            hedge
            and hedge[1] >= start
            and (
                words[hedge[1]] in ("more", "less", "fewer", "over", "under", "above", "below")
                or (words[hedge[1]] == "up" and f.hedge != "exact")
            )
        ):
            i = hedge[1]
        moved = False
        while i > start:
            if toks[i - 1].fact >= 0 and not moved and self._move_before_level(si, i - 1, pos):
                moved = True  # "rose by a fifth to 240,000": the move's verb is the level's too, its other
                i -= 1  # cues (its "by", a forecast word) stay the move's
                continue
            if toks[i - 1].fact >= 0 and not self._attributive_year(si, i - 1):
                if (
                    words[i] == ","
                    and self.fact(toks[i - 1].fact).kind in _TIME_KINDS
                    and words[i + 1 : i + 2] == ("from",)
                ):
                    i -= 1  # "Sales fell last year, from 20,000 to 25,000": a time before the change's "from"
                    continue
                # Another figure: cues further back belong to it ("20,000 a year earlier, 25,000").
                break
            hit = v.roles_before.ending_at(words, i)
            if (
                hit
                and hit[1] >= start
                and not (hit[0] == "forecast" and _measured_against(words, hit[1]))
                and not (hit[0] == "forecast" and words[hit[1]] == "may" and self.view.text[toks[hit[1]].start] == "M")
            ):
                # "In May the chip reached 51.3": the month, not a forecast's "may".
                if not moved and not (hit[0] == "remainder" and self._name_between(si, hit[1], pos)):
                    roles.add(hit[0])  # ("At the other end, Riverside scored 29%": the name's own figure)
            d = v.direction.ending_at(words, i)
            if (
                d
                and direction is None
                and d[1] >= start
                and not self.others_move(si, d[1], i, pos)
                and not self._object_moved(si, i, pos)
                and not _short_after(words, pos)
                and not (f.kind == "money" and words[d[1]] in _RAISE and i == d[1] + 1)
                and not (words[d[1]] in ("up", "down") and d[1] > 0 and words[d[1] - 1] in _PHRASAL_UP)
                and not event_noun(words, d[1])
            ):
                # ("the chance of a cut ... at about 60%": the event the figure is the chance of, no move)
                direction = d[0]
                dspan = Span(toks[d[1]].span.start, toks[i - 1].end)
                key = " ".join(words[d[1] : i])
                if key in v.multiples:
                    multiple = key
            fr = v.frames.ending_at(words, i)
            if (
                fr
                and frame is None
                and not moved
                and fr[1] >= start
                and not (i == own and i - fr[1] == 1 and words[fr[1]] == "by")
                and self._timed_by(si, fr[1], i)
            ):
                frame = fr[0]  # "grew by 15%": the change's own "by", not "by 2010"
            i -= 1
        # After the figure: "more", "each", "in total", "higher", "a year earlier".
        end = min(len(words), pos + 1 + WINDOW_AFTER)
        j = pos + 1
        while j < end and words[j] not in CLAUSE_END and toks[j].fact < 0:
            own = j == pos + 1 and f.kind == "percent" and words[j] in _OWN_WAY and "than" not in words[j + 1 : j + 2]
            hit = v.roles_after.starting_at(words, j)
            if hit and hit[1] <= end and not own:
                roles.add(hit[0])
            if direction is None or own:
                # "agreed to pay 27% more for ore" is a rise whatever verb the clause opened with ("Shares fell
                # after it agreed to pay 27% more"); "5 more staff" is another count.
                d = v.direction.starting_at(words, j)
                if d and words[j] in ("higher", "lower", "up", "down", "more", "less"):
                    direction = d[0]
                    dspan = Span(toks[j].start, toks[d[1] - 1].span.end)
            fr = v.frames.starting_at(words, j)
            if fr and frame is None and self._timed_by(si, j, fr[1]):
                frame = fr[0]
            j += 1
        if frame is None:
            frame = self._year_in_clause(si, pos)
        if "another" in f.markers:
            roles.add("another")
        noun = self._noun(si, pos, f)
        concept = v.concept(noun) if noun else None
        if f.kind in ("count", "number") and not f.unit:
            # "has killed 18 children", "injuring 40 fans": a verb of harm before the figure says what is
            # counted, whoever the noun names.
            # "18 children have died", "40 fans were hurt": so does a verb of harm after whom it names.
            concept = self._verb_concept_before(si, pos) or self._verb_concept_after(si, pos) or concept
        if noun is None and concept is None and pos + 1 < len(words) and words[pos + 1] in v.contact_subjects:
            concept = self._contact_verb(si, pos, f)  # "The almost £8,000 she has raised": what its verb names
        if concept in GENERIC_CONCEPTS or (concept is None and f.kind in ("count", "number") and not f.unit):
            # "208 people died", "and 25 have died": the verb after a generic noun names what is counted.
            concept = self._verb_concept(si, pos) or concept
        return Mention(fi, si, pos, noun, concept, direction, dspan, multiple, frozenset(roles), frame)

    def _timed_by(self, si: int, a: int, b: int) -> bool:
        """The frame phrase at tokens ``a`` to ``b`` is a time: any phrase but a bare "by", which is one
        only before a time ("by 2010", "by the end of", "by then"); "driven by growth of 11%" and "pushed
        down by forecasts" are no future."""
        words = self.words[si]
        if b - a != 1 or words[a] != "by":
            return True
        k = a + 1
        if k < len(words) and self.tokens[si][k].fact >= 0:
            return self.view.facts[self.tokens[si][k].fact].kind in _TIME_KINDS
        return tuple(words[k : k + 2]) in _BY_TIMES or (k < len(words) and words[k] in _BY_TIMES_ONE)

    def _noun(self, si: int, pos: int, f: Fact) -> str | None:
        """What the figure counts: the noun right after it ("120 staff"), else the fact's subject."""
        words = self.words[si]
        toks = self.tokens[si]
        out: list[str] = []
        j = pos + 1
        # "of the vote", "of GDP" after a percent: the whole's noun is what the share is of.
        if f.kind in ("percent", "share") and j < len(words) and words[j] == "of":
            j += 1
            while j < len(words) and words[j] in ("the", "its", "their", "all", "a", "an", "his", "her"):
                j += 1
        elif f.kind in ("count", "number") and not f.unit and self._partitive(words, j):
            j += 2  # "187 of the cases were in children": the cases are counted
        while j < len(words) and len(out) < 2 and toks[j].fact < 0:
            w = words[j]
            if w in _NOT_NOUNS or not w[0].isalpha() or (not out and w in self.vocab.contact_subjects):
                break  # "The £8,000 she has raised": a clause opens on its subject
            if not out and (w in _VERBS or w.endswith("ed")) and w not in self.vocab.concepts:
                if w not in _PARTICIPLES:
                    break  # "70 said", "12 voted": a verb, not what is counted
            if out and (w.endswith("ed") or w.endswith("ing") or w in _VERBS):
                break  # "2 million shoppers visited": the noun ends where a verb starts
            out.append(w)
            j += 1
        if out:
            return " ".join(out)
        if not f.subject:
            return None
        subject = f.subject.lower()
        first = subject.split()[0]
        if (first in _VERBS or first.endswith("ed")) and first not in self.vocab.concepts:
            return None  # "21 showed resistance": what follows is said of the figure, not what it counts
        if self.vocab.roles_before.ending_at((first,), 1) is not None and " " not in subject:
            return None  # "240 flats, including 260 for social rent": a role cue, not what the 260 counts
        return subject

    @staticmethod
    def _partitive(words: Sequence[str], j: int) -> bool:
        """Token ``j`` opens "of the <noun>" ("187 of the cases", "40 of its stores"): a part of a set its noun
        names, the noun what the figure counts (not "of them", "of whom", nor "of the 312")."""
        return (
            j + 2 < len(words)
            and words[j] == "of"
            and words[j + 1] in _PARTITIVE_DETERMINERS
            and words[j + 2][:1].isalpha()
            and words[j + 2] not in _NOT_NOUNS
        )

    def _contact_verb(self, si: int, pos: int, f: Fact) -> str | None:
        """ "The £8,000 she has raised", "the 40 they rescued": a clause right after a figure told as known, its
        subject a pronoun; its verb (of money for an amount, else of harm or a concept) names what is counted."""
        words = self.words[si]
        end = min(self.clause_end(si, pos), pos + 2 + VERB_CONCEPT_REACH)
        for j in range(pos + 2, end):
            if self.tokens[si][j].fact >= 0:
                break
            hit = self.vocab.money_verbs.starting_at(words, j) if f.kind == "money" else None
            if hit is not None:
                return hit[0]
        return None if f.kind == "money" else self._verb_concept(si, pos)

    def _verb_concept(self, si: int, pos: int) -> str | None:
        """ "978 people have been killed", "208 people died": the concept a generic noun's verb names."""
        words = self.words[si]
        end = min(self.clause_end(si, pos), pos + 1 + VERB_CONCEPT_REACH)
        for j in range(pos + 1, end):
            if self.tokens[si][j].fact >= 0 or words[j] in _WHERE_PREPS:
                break  # "and 93 in children aged five to 14": where the figure falls, not what it counts
            hit = self.vocab.concepts.get(words[j])
            if hit and hit not in GENERIC_CONCEPTS:
                return hit
        return None

    def _verb_concept_before(self, si: int, pos: int) -> str | None:
        """ "Cholera has killed 60 people", "infecting 300 people": the verb right before the figure (past
        a hedge) names what a generic noun counts."""
        words = self.words[si]
        k = pos
        hedge = self.vocab.hedges.ending_at(words, k)
        if hedge is not None:
            k = hedge[1]
        hit = self.vocab.verb_concepts.ending_at(words, k)
        return hit[0] if hit is not None and hit[1] >= self.clause_start(si, pos) else None

    def _money_verb_before(self, si: int, pos: int) -> str | None:
        """ "It lost $60m", "the grocer earned £12m": a verb right before an amount (past a hedge) that
        says what the amount is."""
        hit = self.vocab.money_verbs.ending_at(self.words[si], self.figure_start(si, pos))
        return hit[0] if hit is not None and hit[1] >= self.clause_start(si, pos) else None

    def _year_in_clause(self, si: int, pos: int) -> str | None:
        """A year or date figure in the same clause, as its ISO text ("2003"), else None."""
        toks = self.tokens[si]
        words = self.words[si]
        lo = max(self.clause_start(si, pos), pos - YEAR_REACH)
        hi = pos + 1
        while hi < len(words) and words[hi] not in CLAUSE_END and hi - pos <= YEAR_REACH:
            hi += 1
        best: tuple[int, str] | None = None
        aside = self._relative_aside(words, lo, pos)
        for k in range(lo, hi):
            fi = toks[k].fact
            if k == pos or aside[0] < k < aside[1]:
                continue  # "The Tories, who had run it since 2007, were cut to 11": the aside's year is not 11's
            if k > 1 and words[k - 1] == "on" and words[k - 2] in _published():
                continue  # "Figures published on 14 March 2024 show that 187 ...": when the source came out
            if k > 1 and words[k - 1] == "since" and toks[k - 2].fact < 0 and words[k - 2] not in CLAUSE_END:
                continue  # "the club's biggest since 2019": the start of the span a record is held over
            # A quarter written in words is no figure token: "in the fourth quarter".
            period = _period(self.view.facts[fi]) if fi >= 0 else _quarter_words(words, k)
            if period and fi >= 0 and not self._own_year(si, pos, k):
                continue
            if period:
                d = abs(k - pos)
                if best is None or d < best[0]:
                    best = (d, period)
        if best is None:
            # "the deadliest since 2007, when a quake near Pisco killed more than 500": a "when" clause is the
            # time of the year it follows.
            c = self.clause_start(si, pos)
            if 2 <= c < len(words) and words[c] == "when" and words[c - 1] == "," and toks[c - 2].fact >= 0:
                period = _period(self.view.facts[toks[c - 2].fact])
                if period:
                    return period
        if best is None:
            # "In the final quarter, the island's factories grew their output at a yearly pace of 3.1%": a time opening the
            # sentence frames it, however long, where no time of a clause's own is told.
            for k in range(min(OPENING_TIME_AT, len(toks))):
                fi = toks[k].fact
                period = _period(self.view.facts[fi]) if fi >= 0 else _quarter_words(words, k)
                if period and k != pos and not period.startswith("--"):
                    return period  # a year or a quarter; "As of December 9" dates a count, not a period
                if fi >= 0:
                    break
        return best[1] if best else None

    @staticmethod
    def _in_aside(words: Sequence[str], j: int, pos: int) -> bool:
        """Token ``j`` stands in an aside set off by commas before the figure at ``pos``: "The study,
        presented at a conference in Lisbon, followed 1,240 patients" (the place is the conference's)."""
        return "," in words[j:pos] and "," in words[max(0, j - ASIDE_WORDS) : j]

    @staticmethod
    def _relative_aside(words: Sequence[str], lo: int, pos: int) -> tuple[int, int]:
        """The last relative clause set off by commas that closes between ``lo`` and ``pos`` (", who had run
        the council since 2007,"): its two commas' positions, else (-1, -1)."""
        for c in range(pos - 1, lo, -1):
            if words[c] != ",":
                continue
            for o in range(c - 1, max(lo - 2, -1), -1):  # the comma before a clause opened by "who"
                if words[o] == "," and o + 1 < c and words[o + 1] in _RELATIVE_WORDS:
                    return o, c
            break
        return -1, -1

    def _own_year(self, si: int, pos: int, k: int) -> bool:
        """The year figure at token ``k`` may be the time of the figure at ``pos``: not what a change is
        measured from when the figure has a relative time ("Last year it raised £2.5m, an increase on
        2023"), nor another amount's time told with it when the figure has a time of its own or is set
        against that amount ("£3.2m in 2022 and £4.8m last year", "64%, compared with 71% in 2019")."""
        if k > pos and self.words[si][k - 1] in _BASE_BEFORE and self._relative_in_clause(si, pos):
            return False
        other = self._timed_figure(si, k)
        return not (
            other >= 0 and other != pos and (self._own_time_at(si, pos) >= 0 or self._set_against(si, pos, other))
        )

    def _timed_figure(self, si: int, k: int) -> int:
        """The position of the amount whose own time the time figure at token ``k`` is, told right after
        it ("£3.2m in 2022", "71% in 2019", "52,000 litres last year"); else -1."""
        toks = self.tokens[si]
        if toks[k].fact < 0 or self.view.facts[toks[k].fact].kind not in _TIME_KINDS:
            return -1
        j = k - 1
        while j >= 0 and toks[j].fact < 0 and self.words[si][j] in _TIME_GLUE and k - j <= len(_TIME_GLUE):
            j -= 1
        if j >= 0 and toks[j].fact >= 0 and self.view.facts[toks[j].fact].kind in _AMOUNT_KINDS:
            return j
        return -1

    def _own_time_at(self, si: int, pos: int) -> int:
        """The token of a time told right after the figure at ``pos`` ("£4.8m last year", "£1.75m in
        2022"), else -1."""
        toks = self.tokens[si]
        j = pos + 1
        while j < len(toks) and toks[j].fact < 0 and self.words[si][j] in _TIME_GLUE and j - pos <= len(_TIME_GLUE):
            j += 1
        if j < len(toks) and self._timed_figure(si, j) == pos:
            return j
        return -1

    def _set_against(self, si: int, a: int, b: int) -> bool:
        """The figures at tokens ``a`` and ``b`` are set against each other by a word of comparison between
        them ("64%, compared with 71%", "41,000 against 52,000")."""
        lo, hi = min(a, b), max(a, b)
        return any(w in _AGAINST_WORDS for w in self.words[si][lo + 1 : hi])

    # --- frames: whose figure, what it counts, when and where -------------------------------------

    def frame(self, fi: int) -> Frame:
        """The figure's frame (see ``Frame``), read once and kept."""
        fr = self._frames.get(fi)
        if fr is None:
            fr = self._frames[fi] = self._read_frame(fi)
        return fr

    def _read_frame(self, fi: int) -> Frame:
        m = self.by_fact[fi]
        si, pos = m.sentence, m.position
        words = self.words[si]
        v = self.vocab
        k = pos
        hedge = v.hedges.ending_at(words, pos)
        if hedge is not None:
            k = hedge[1]
        lo = max(self.clause_start(si, pos), pos - FRAME_REACH)
        hi = min(self.clause_end(si, pos), pos + 1 + FRAME_REACH)
        part = ""
        scope = ""
        # Nearest first, and never past another figure: "900,000 in its first week and 700,000 in
        # total" gives each its own part of the time.
        order = [j for step in range(hi - lo) for j in (pos + step, pos - step) if lo <= j < hi]
        blocked: set[int] = set()
        said = self._said_words(si)
        # (a phrase is tried only where its first word stands: this walk runs for every figure)
        sub_first, whole_first = v.sub_periods.by_first, v.whole_scopes.by_first
        appositive = self._appositive_start(si, pos, hi)
        for j in dict.fromkeys(order):
            side = 1 if j > pos else -1
            if side in blocked:
                continue
            other = self.tokens[si][j].fact
            if other >= 0 and j != pos and self.view.facts[other].kind in _AMOUNT_KINDS:
                blocked.add(side)
                continue
            if not part and not (side > 0 and j > appositive):
                hit = v.sub_periods.starting_at(said, j) if said[j] in sub_first else None
                if hit is not None and j > pos and self._apposed_between(words, pos, j):
                    hit = None  # "from 689 cinemas, the best opening of the year so far": the aside's time
                if hit is not None and hit[1] <= hi and self._clear(si, j, hit[1], pos):
                    part = hit[0]
                elif other >= 0 and other != fi and self._part_in_date(other) and self._clear(si, j, j + 1, pos):
                    part = "part"  # "in the first half of 2023": a date that names a part of its year
            if not scope:
                whole = v.whole_scopes.starting_at(words, j) if words[j] in whole_first else None
                if whole is not None and whole[1] <= hi and self._clear(si, j, whole[1], pos):
                    scope = "whole"
                elif (
                    words[j] in ("in", "across", "throughout")
                    and j + 1 < hi
                    and not self._held_in(si, j)
                    and not (j < pos and self._in_aside(words, j, pos))
                ):
                    scope = self._name_at(si, j + 1 + (words[j + 1] == "the")) or self._sector_at(words, j + 1, hi)
        if not scope:
            scope = self._where_place(si, pos)
        mood = "forecast" if "forecast" in m.roles or self._modal_after(si, pos) else ""
        return Frame(
            holder=self._holder(si, k, pos),
            concept=self._counted(si, pos, m),
            period=m.frame or self._relative_in_clause(si, pos),
            part=part,
            scope=scope,
            mood=mood,
            definite=k > 0 and words[k - 1] in _DEFINITE,
        )

    def _where_place(self, si: int, pos: int) -> str:
        """The place a clause opened by ", where" hangs on, told with "in" or "at" just before it: "The
        closest contest came in Millbrook, where Verma took 1,247 votes" tells Millbrook's votes; else ""."""
        words = self.words[si]
        for j in range(pos - 1, max(-1, pos - WHERE_REACH), -1):
            if words[j] in (";", ":", "."):
                return ""
            if words[j] != "where" or j < 2 or words[j - 1] != ",":
                continue
            for i in range(j - 2, max(-1, j - 2 - WHERE_PLACE_WORDS), -1):
                if words[i] in ("in", "at") and i + 1 < j:
                    return self._name_at(si, i + 1 + (words[i + 1] == "the"))
            return ""
        return ""

    def _name_between(self, si: int, a: int, b: int) -> bool:
        """A capitalised word (a name) stands between tokens ``a`` and ``b``: a subject of its own."""
        toks = self.tokens[si]
        text = self.view.text
        return any(toks[k].fact < 0 and text[toks[k].start].isupper() for k in range(a, b))

    @staticmethod
    def _sector_at(words: Sequence[str], j: int, hi: int) -> str:
        """ "the key manufacturing sector", "its retail division" from token ``j``: a part of a whole told
        by its kind, as a scope ("manufacturing sector"); else ""."""
        out: list[str] = []
        for k in range(j, min(hi, j + SECTOR_WORDS)):
            w = words[k]
            if w in _LEADING:
                continue
            if not w[:1].isalpha():
                return ""
            out.append(w)
            if w in SECTOR_NOUNS:
                return " ".join(out[-2:])
        return ""

    @staticmethod
    def _apposed_between(words: Sequence[str], pos: int, j: int) -> bool:
        """A noun phrase set beside the figure after a comma opens between token ``pos`` and ``j`` ("689
        cinemas, the best opening of the year so far"): what follows tells of that phrase, not the figure."""
        return any(words[k] == "," and words[k + 1] in _APPOSED_OPENERS for k in range(pos + 1, j - 1))

    def _held_in(self, si: int, j: int) -> bool:
        """The "in" at token ``j`` names whose it is, not where: "shares in Penny Lane", "a stake in
        Orbis"."""
        words = self.words[si]
        return words[j] == "in" and j > 0 and words[j - 1] in _HELD_IN

    def _part_in_date(self, fi: int) -> bool:
        """A date or time figure whose words name a part of its period ("the first half of 2023")."""
        f = self.view.facts[fi]
        if f.kind not in ("date", "relative"):
            return False
        words = tuple(f.text.lower().split())
        return any((self.vocab.sub_periods.starting_at(words, k) or ("",))[0] == "part" for k in range(len(words)))

    def _relative_in_clause(self, si: int, pos: int) -> str:
        """A relative time in the clause ("this year", "last month") as its value and unit, else ""."""
        lo, hi = self.clause_start(si, pos), self.clause_end(si, pos)
        toks = self.tokens[si]
        # Nearest first, and not past another amount: "£44m, against £46m a year ago" dates the £46m only.
        for step in (1, -1):
            k = pos + step
            while lo <= k < hi:
                f = self.view.facts[toks[k].fact] if toks[k].fact >= 0 else None
                if f is not None and f.kind in _AMOUNT_KINDS:
                    break
                if f is not None and f.kind == "relative" and f.unit not in (None, "day"):
                    return f"{f.value} {f.unit}"
                k += step
        return ""

    def _appositive_start(self, si: int, pos: int, hi: int) -> int:
        """The comma after the figure at ``pos`` (before ``hi``) that opens a noun phrase set beside it with a
        determiner ("from 689 cinemas, the best opening of the year so far"): the time words after it are that
        phrase's; else ``hi``."""
        words = self.words[si]
        for k in range(pos + 1, min(hi, len(words) - 1)):
            if words[k] == "," and words[k + 1] in _APPOSITIVE_OPENERS:
                return k
        return hi

    def _clear(self, si: int, a: int, b: int, pos: int) -> bool:
        """No other amount between the phrase at tokens ``a`` to ``b`` and the figure at ``pos``."""
        lo, hi = (b, pos) if a > pos else (pos + 1, a)
        return not any(t.fact >= 0 and self.view.facts[t.fact].kind in _AMOUNT_KINDS for t in self.tokens[si][lo:hi])

    def _said_words(self, si: int) -> tuple[str, ...]:
        """The sentence's words with ordinals as written ("in its first week"), for phrases that hold one."""
        facts = self.view.facts
        return tuple(
            self.view.text[t.start : t.end].lower() if t.fact >= 0 and facts[t.fact].kind == "ordinal" else t.text
            for t in self.tokens[si]
        )

    def _modal_after(self, si: int, pos: int) -> bool:
        """ "1,900 new jobs should be created": a modal after what the figure counts, in its clause."""
        words = self.words[si]
        end = min(self.clause_end(si, pos), pos + 1 + MODAL_REACH)
        for j in range(pos + 1, end):
            if self.tokens[si][j].fact >= 0:
                return False
            if words[j] in _MODALS:
                return True
            if words[j] in _VERBS:
                return False  # "15 ships were sold": its own verb comes first
        return False

    def _counted(self, si: int, pos: int, m: Mention) -> str:
        """What the figure counts (see ``_counted_head``); a change in % of a subject whose change is
        growth ("the economy grew by 3%", "GDP rose 3%") and growth told as a level ("growth at 3%",
        "growth of 3%") are one concept, growth."""
        f = self.view.facts[m.fact]
        concept = self._counted_head(si, pos, m)
        if f.kind != "percent":
            compound = pos + 1 < len(self.words[si]) and self.words[si][pos + 1] in _SCORE_JOINS  # "a one-season deal"
            if f.kind in ("count", "number") and not f.unit and concept in self.vocab.money_concepts and not compound:
                # "Ticket sales reached 31,000", "one million sales": a count told with a noun of money counts
                # what was sold; one with a noun of its own keeps it ("three straight losses").
                head = self._head(si, pos)
                if not head:
                    concept = self._sold_in_clause(si, pos, concept)
                elif head.split()[-1] == "sales":
                    concept = self._sold(self.tokens[si], self.words[si], pos + len(head.split()))
            if not concept and f.kind in ("count", "number", "money"):
                # "with some 6,000 in Spain", "They reached 2.3 million": a figure that leaves out its noun
                # counts what the figure before it, or the subject of the sentence before, counts.
                concept = self._elided(si, pos, f) or self._antecedent(si, pos, f) or self._object_before(si, pos, f)
            elif concept in self.vocab.generic and f.kind in ("count", "number", "money"):
                concept = self._antecedent(si, pos, f) or concept  # "The figure now stands at 22"
            return concept
        # "Inflation at 2.1% is the lowest for a year": the listed noun it is told "at" or "of" names it;
        # "a 7% jump in shipments to buyers outside the bloc": what the change noun after it is "in" or "of".
        concept = self._level_before(si, pos) or self._noun_moved(si, pos) or self._change_of(si, pos) or concept
        return "growth" if concept in self.vocab.growth_subjects else concept

    def _sold_in_clause(self, si: int, pos: int, concept: str) -> str:
        """What a count told with a noun of money counts: the noun nearest the figure in its clause that names
        ``concept`` ("ticket sales reached 31,000"), read by ``_sold``; "" when none is found."""
        words = self.words[si]
        lo, hi = self.clause_start(si, pos), self.clause_end(si, pos)
        for step in range(1, max(pos - lo, hi - pos) + 1):
            for k in (pos - step, pos + step):
                if lo <= k < hi and self.vocab.concepts.get(words[k]) == concept:
                    return self._sold(self.tokens[si], words, k)
        return ""

    def _sold(self, toks: Sequence[Token], words: Sequence[str], k: int) -> str:
        """What a count told with the money noun at token ``k`` counts: the noun before it ("ticket sales",
        "car sales" → ticket, car); else, for "sales" alone, what was sold ("sold"); else ""."""
        j = k - 1
        if j >= 0 and toks[j].fact < 0:
            w = words[j]
            if (
                w[:1].isalpha()
                and w not in _NOT_NOUNS
                and w not in self.vocab.neutral_modifiers
                and w not in self.vocab.measure_modifiers
                and w not in self.vocab.concepts
                and w not in _VERBS
                and not w.endswith(("'s", "ed", "ing"))
                and self.vocab.direction.starting_at(words, j) is None  # "double sales to 400,000 cars"
                and not (  # "Nintendo sales": a holder, not a thing sold ("Car sales" opens a sentence)
                    self.view.text[toks[j].start].isupper() and j > 0 and words[j - 1] not in _OPENING_MARKS
                )
            ):
                return self.vocab.concept(w)
        return "sold" if words[k] == "sales" else ""

    def _elided(self, si: int, pos: int, f: Fact) -> str:
        """The concept of the earlier figure of the same kind in the sentence whose noun a bare figure leaves
        out: "90,000 staff in all, with some 6,000 in Spain", "deaths rose to 45, from 30", "900 jobs
        will go in Leeds and 400 in York"; "" for a figure with a noun of its own, in a score ("2-1"), or not
        joined to an earlier one (``_ELIDED_AFTER``)."""
        words = self.words[si]
        toks = self.tokens[si]
        if pos + 1 < len(words) and (words[pos + 1] in _SCORE_JOINS or words[pos + 1] == "of" or self._head(si, pos)):
            return ""  # "2-1", "13 of these 42 patients", "7,000 staff": no noun left out
        k = self.figure_start(si, pos)
        if k == 0 or words[k - 1] not in _ELIDED_AFTER or (k > 1 and words[k - 2] in _SCORE_JOINS):
            return ""
        own = _figure_family(f)
        for j in range(k - 1, max(-1, k - 1 - PREVIOUS_REACH), -1):
            other = toks[j].fact
            if other < 0:
                if words[j] in (";", ":"):
                    return ""
                continue
            g = self.view.facts[other]
            if g.kind in _TIME_KINDS or g.kind in ("percent", "share", "ordinal"):
                continue  # "rose 5% to £3bn in 2004, from £2.8bn": a change or a time between
            if bounds_group(words, j) or bounds_group(words, self.figure_start(si, j) + 1):
                continue  # "187 of the cases were in children under five and 93 in ...": the group's bound
            if _figure_family(g) != own or g.is_range or g.value is None:
                return ""
            if words[k - 1] == "to" and (
                self.figure_start(si, j) == 0 or words[self.figure_start(si, j) - 1] != "from"
            ):
                return ""  # "to" joins a change's second end to its first ("from 30 to 45") and nothing else
            return self.frame(other).concept
        return ""

    def _antecedent(self, si: int, pos: int, f: Fact) -> str:
        """What a bare figure counts when its clause's subject stands for a quantity the sentence before
        named: "Car sales rose sharply. They reached 2.3 million" (cars), "Deaths rose again. The figure is
        now 45" (deaths): the concept of the last figure of its kind there, else of that sentence's
        subject before its verb of change or level; "" otherwise."""
        words = self.words[si]
        toks = self.tokens[si]
        lo = self.clause_start(si, pos)
        if si == 0 or lo != 0:
            return ""
        j = 1 if words and words[0] in ("and", "but", "so") else 0
        if j + 1 < pos and words[j] in ("in", "by") and toks[j + 1].fact >= 0:
            j += 1
        if j < pos and toks[j].fact >= 0 and self.view.facts[toks[j].fact].kind in _TIME_KINDS:
            j += 1  # "A year later they reached £8m", "In 2023 they reached": a time before its subject
        hit = self.vocab.anaphors.starting_at(words, j)
        k = self.figure_start(si, pos)
        if hit is None or not 0 < k - hit[1] <= ANAPHOR_GAP:
            return ""
        a = hit[1]
        while a < k and toks[a].fact >= 0 and self.view.facts[toks[a].fact].kind in _TIME_KINDS:
            a += 1  # "The figure now stands at 22": a time between
        after = words[a]
        if not (
            after in _ANAPHOR_VERBS
            or self.vocab.level_verbs.starting_at(words, a)
            or self.vocab.direction.starting_at(words, a)
        ):
            return ""  # "The total box office was": a noun of its own after the anaphor's words
        between = words[hit[1] : k]
        if any(
            toks[i].fact >= 0
            for i in range(hit[1], k)
            if _figure_family(self.view.facts[toks[i].fact]) == _figure_family(f)
        ):
            return ""
        if _SAID_WORDS.intersection(between) or "of" in between:
            return ""  # "They said 300", "the total of 45": another subject, or a part
        if self.vocab.level_verbs.ending_at(words, k) is None and not (
            words[k - 1] in ("to", "by") and any(self.vocab.direction.starting_at(words, i) for i in range(hit[1], k))
        ):
            return ""  # "They reached 3m", "They rose 5% to 3m"; not "They lost 12", where they are the holder
        prev = si - 1
        own = _figure_family(f)
        for t in reversed(self.tokens[prev]):
            if t.fact >= 0:
                g = self.view.facts[t.fact]
                if _figure_family(g) == own and not g.is_range and g.value is not None:
                    return self.frame(t.fact).concept
        ptoks = self.sentence_tokens(prev)
        pwords = [t.text for t in ptoks]
        verb = next((i for i in range(len(pwords)) if self.vocab.direction.starting_at(pwords, i)), -1)
        if verb <= 0 or any(t.fact >= 0 for t in ptoks[:verb]):
            return ""
        for i in range(verb - 1, -1, -1):
            w = pwords[i]
            if singular(w) in MEASURE_WORDS and i > 0 and pwords[i - 1][:1].isalpha():
                return self.vocab.concept(pwords[i - 1])  # "Visitor numbers fell": visitors
            if w in self.vocab.concepts:
                c = self.vocab.concepts[w]
                if own == "count" and c in self.vocab.money_concepts:
                    return self._sold(ptoks, pwords, i)
                return c
            if w.endswith("s") and not w.endswith(("ss", "'s")) and len(w) > 3 and w not in _NOT_NOUNS:
                return singular(w)
            if w in _NOT_NOUNS or not w[:1].isalpha():
                return ""
        return ""

    def _object_before(self, si: int, pos: int, f: Fact) -> str:
        """What a bare figure after a verb counts when the sentence before told the same verb with a figure
        of its kind and a noun: "The firm shipped 4m consoles in the quarter. It had shipped 3m a year
        earlier" (consoles); "" otherwise."""
        words = self.words[si]
        if si == 0 or (pos + 1 < len(words) and (words[pos + 1] in _SCORE_JOINS or words[pos + 1] == "of")):
            return ""
        if self._head(si, pos):
            return ""
        k = self.figure_start(si, pos)
        if k == 0 or not words[k - 1][:1].isalpha() or words[k - 1] in _NOT_NOUNS:
            return ""
        stem = self._verb_stem(words[k - 1])
        own = _figure_family(f)
        prev = si - 1
        pwords = self.words[prev]
        for j, t in enumerate(self.tokens[prev]):
            if t.fact < 0:
                continue
            g = self.view.facts[t.fact]
            if _figure_family(g) != own or g.is_range or g.value is None:
                continue
            s = self.figure_start(prev, j)
            if s > 0 and self._verb_stem(pwords[s - 1]) == stem and self._head(prev, j):
                return self.frame(t.fact).concept
        return ""

    def _verb_stem(self, word: str) -> str:
        """A verb's crude stem, irregular forms through the vocabulary ("sold" → sell, "shipped" → ship)."""
        w = self.vocab.base_forms.get(word, word)
        for suffix in ("ing", "ed", "es", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[: -len(suffix)]
                return w[:-1] if suffix in ("ing", "ed") and len(w) > 3 and w[-1] == w[-2] else w
        return w

    def _change_of(self, si: int, pos: int) -> str:
        """What a change noun right after a percent is "in" or "of": "a 7% jump in shipments to buyers outside the bloc"
        → export, "a 3% fall in the group's sales" → revenue; else ""."""
        words = self.words[si]
        hit = self.vocab.direction.starting_at(words, pos + 1)
        if hit is None or hit[1] >= len(words) or words[hit[1]] not in ("in", "of"):
            return ""
        j = hit[1] + 1
        while j < len(words) and (words[j] in _LEADING or words[j].endswith("'s")):
            j += 1
        out: list[str] = []
        while (
            j < len(words) and len(out) < CHANGE_NOUN_WORDS and self.tokens[si][j].fact < 0 and words[j][:1].isalpha()
        ):
            out.append(words[j])
            j += 1
        concept = self.vocab.head_concept(" ".join(out)) if out else ""
        return "" if concept in self.vocab.generic else concept  # "a 3% fall in the year": a time

    def _noun_moved(self, si: int, pos: int) -> str:
        """The concept of a plural noun right before a percentage that a comparison or a way follows:
        "reporting reservations 11% higher than a year earlier", "with sales 4% down": the noun moved."""
        words = self.words[si]
        k = self.figure_start(si, pos)
        if k < 1 or pos + 1 >= len(words) or self.tokens[si][k - 1].fact >= 0:
            return ""
        noun = words[k - 1]
        if not noun.isalpha() or not noun.endswith("s") or noun in _NOT_NOUNS or noun in _VERBS:
            return ""
        after = words[pos + 1]
        if after not in ("higher", "lower", "up", "down", "more", "less", "above", "below"):
            return ""
        return self.vocab.concept(noun) or ""

    def _level_before(self, si: int, pos: int) -> str:
        """The listed concept of a noun a percent is told "at" or "of": "growth at 5.2%", "inflation of
        1.6%", "a stake of 18.8%"; else ""."""
        words = self.words[si]
        k = self.figure_start(si, pos)
        if k < 2 or words[k - 1] not in ("at", "of") or self.tokens[si][k - 2].fact >= 0:
            return ""
        for n in (2, 1):
            if k - 1 - n < 0 or any(self.tokens[si][j].fact >= 0 for j in range(k - 1 - n, k - 1)):
                continue
            hit = self.vocab.concepts.get(" ".join(words[k - 1 - n : k - 1]))
            if hit:
                return hit
        return ""

    def _counted_head(self, si: int, pos: int, m: Mention) -> str:
        """What the figure counts: the verb before it ("killed 300 people"), else the head of the noun
        after it ("1,400 new Northsea jobs" → staff), else the verb after a generic noun ("people across
        the hill villages are now thought to have died"), else the mention's concept."""
        f = self.view.facts[m.fact]
        moved = self._moved_object(si, pos)
        if moved:
            return moved
        if m.direction_span is not None and (f.kind == "percent" or self._reached(si, pos, m)):
            # "The number of cars built fell 30%", "Its charges will rise to £460": the subject moved.
            subject = self._changed_subject(si, pos, m.direction_span.start)
            if subject:
                return subject
        if f.kind not in ("count", "number", "money") and m.concept:
            return m.concept
        verb = self._verb_concept_before(si, pos) if f.kind in ("count", "number") else None
        if f.kind == "money":
            verb = self._money_verb_before(si, pos)
        if verb:
            return verb
        if f.kind in ("count", "number"):
            # "32 children have died", "five fans were hurt": a verb of harm after whom the figure names
            # says what is counted, as it does before it ("has killed 32 children").
            verb = self._verb_concept_after(si, pos)
            if verb:
                return verb
        head = self._head(si, pos)
        words = self.words[si]
        timed = pos + 1 < len(words) and (
            self.vocab.sub_periods.starting_at(words, pos + 1) or self.vocab.frames.starting_at(words, pos + 1)
        )
        if not head and f.kind in ("count", "number", "money"):
            # "the number of deaths in the province is 640": no noun after it; its clause's subject names it
            # ("The deficit on traded goods stood at £3.9bn", "its annual revenue was 7bn euros"), also
            # when a time follows it ("Ticket sales reached 31,000 by Friday").
            hedge = self.vocab.hedges.ending_at(words, pos)
            copula = self.vocab.level_verbs.ending_at(words, hedge[1] if hedge is not None else pos)
            if copula is not None and copula[0] == "level" and copula[1] > self.clause_start(si, pos):
                subject = self._changed_subject(si, pos, self.tokens[si][copula[1]].start)
                if subject:
                    return subject
        if not head and f.kind == "money":
            elided = self._elided(si, pos, f)
            if elided:
                return elided  # "raised £3.2m in 2022 and £4.8m last year": the second counts what the first does
        concept = self.vocab.concept(head) if head else "" if timed else (m.concept or "")
        if (not concept or concept in GENERIC_CONCEPTS) and f.kind in ("count", "number"):
            end = min(self.clause_end(si, pos), pos + 1 + FRAME_VERB_REACH)
            for j in range(pos + 1, end):
                other = self.tokens[si][j].fact
                if other >= 0 and self.view.facts[other].kind in _AMOUNT_KINDS:
                    break  # "now", "in 2004" may stand between; another amount may not
                if not head and words[j] in _WHERE_PREPS:
                    break  # "and 93 in children aged five to 14": where it falls; its noun is left out
                hit = self.vocab.verb_concepts.starting_at(words, j) or (
                    (self.vocab.concepts[words[j]], j + 1) if words[j] in self.vocab.concepts else None
                )
                if hit is not None and hit[0] not in GENERIC_CONCEPTS:
                    return hit[0]
        return concept

    def _verb_concept_after(self, si: int, pos: int) -> str | None:
        """The concept of a verb of harm after the figure's noun, in its clause and before any other figure
        or a relative pronoun ("12 miners were killed", not "12 miners who rescued the injured")."""
        words = self.words[si]
        end = min(self.clause_end(si, pos), pos + 1 + VERB_CONCEPT_REACH)
        for j in range(pos + 1, end):
            if self.tokens[si][j].fact >= 0 or words[j] in _RELATIVE:
                return None
            hit = self.vocab.verb_concepts.starting_at(words, j)
            if hit is not None:
                return hit[0]
        return None

    def _moved_object(self, si: int, pos: int) -> str:
        """What a verb of change moves when the figure follows its object: "raise its annual
        dividend to 21p", "cut the workforce by 10%", "raised prices by 5%" → the object's head
        (its listed concept, else its last word in the singular); else ""."""
        words = self.words[si]
        toks = self.tokens[si]
        k = self.figure_start(si, pos)
        if k >= 3 and words[k - 1] in ("to", "from") and toks[k - 2].fact >= 0:
            # "from 4,100 to 3,650", "to 21p from 16p": the second end's object is the first end's
            first = self.figure_start(si, k - 2)
            other = "from" if words[k - 1] == "to" else "to"
            k = first if first > 0 and words[first - 1] == other else k
        if k < 2 or words[k - 1] not in ("to", "by", "from"):
            return ""
        nouns: list[str] = []
        for j in range(k - 2, max(-1, k - 2 - OBJECT_WORDS), -1):
            if toks[j].fact >= 0 and not self._attributive_year(si, j):
                return ""
            if self.vocab.direction.ending_at(words, j + 1) is not None:
                return self._object_concept(nouns[::-1])
            w = words[j]
            if toks[j].fact >= 0 or w in _POSSESSIVES or w in ("the", "our", "your"):
                continue
            if w == "of" and nouns:
                nouns.append(w)  # "the number of staff"
                continue
            if not w[:1].isalpha() or w in _NOT_NOUNS or w in _VERBS:
                return ""
            nouns.append(w)
        return ""

    def _object_concept(self, words: list[str]) -> str:
        """The concept of an object's words: what "the number of staff" counts (past a measure word and
        "of"), else the listed concept or last noun of the phrase."""
        if "of" in words:
            at = words.index("of")
            if at == 0 or words[at - 1] not in MEASURE_WORDS:
                return ""  # "the bill of rights": an "of" phrase that names another thing
            words = words[at + 1 :]
        return self.vocab.concept(" ".join(words)) if words else ""

    def _reached(self, si: int, pos: int, m: Mention) -> bool:
        """The figure is the level its clause's verb of change reached, with no noun of its own after it:
        "Its charges will rise to £460", "sales fell to $2bn from"."""
        assert m.direction_span is not None
        k = self.figure_start(si, pos)
        words = self.words[si]
        return (
            k > 0
            and words[k - 1] == "to"
            and m.direction_span.end <= self.tokens[si][k - 1].start
            and not self._head(si, pos)
        )

    def figure_start(self, si: int, pos: int) -> int:
        """The token where the figure at ``pos`` starts with its hedge ("up to 2,000" → "up")."""
        hedge = self.vocab.hedges.ending_at(self.words[si], pos)
        return hedge[1] if hedge is not None else pos

    def changed_subject(self, si: int, pos: int, verb_start: int) -> str:
        """What moved, read from the subject of the clause of token ``pos`` before the verb starting at
        offset ``verb_start`` (see ``_changed_subject``)."""
        return self._changed_subject(si, pos, verb_start)

    def _changed_subject(self, si: int, pos: int, verb_start: int) -> str:
        """What a stated change changes, from its clause's subject before the verb: "The number of cars
        built in the region fell 30%" → car (past "the number of", up to its first plural or listed noun)."""
        toks = self.tokens[si]
        words = self.words[si]
        lo = self.clause_start(si, pos)
        verb = next((k for k in range(lo, pos) if toks[k].start >= verb_start), pos)
        said = next((k for k in range(verb - 1, lo - 1, -1) if words[k] in _SAID_WORDS), -1)
        if said >= 0:
            lo = said + 1 + (said + 1 < verb and words[said + 1] == "that")  # "Officials said the toll stood at"
        if verb - 2 >= lo and words[verb - 1] in _RELATIVE_SUBJECTS:
            # "its profits were 40m rupees on sales which fell 8%": the relative clause's verb moves the noun
            # right before "which", not the clause's subject.
            j = verb - 2 - (words[verb - 2] == ",")
            k = j
            while k >= lo and toks[k].fact < 0 and words[k][:1].isalpha() and words[k] not in _NOT_NOUNS:
                k -= 1
            if k < j:
                lo = k + 1
        for k in range(lo, verb):
            w = words[k]
            if toks[k].fact >= 0 or not w[:1].isalpha() or w in _NOT_NOUNS or w in MEASURE_WORDS:
                continue
            if w in self.vocab.growth_subjects and not (k + 1 < len(words) and words[k + 1] in self.vocab.concepts):
                return w  # "GDP rose 3%", "the economy of Valdoria grew": growth (not "GDP revenues")
            if k > 0 and self.view.text[toks[k].start].isupper() and w not in self.vocab.concepts:
                continue  # a name ("In Lagos the number of ..."), not what is counted
            if w in self.vocab.concepts:
                if k + 1 < verb and toks[k + 1].fact < 0 and words[k + 1] in self.vocab.concepts:
                    continue  # "Store sales rose": the head after a listed noun that qualifies it
                return self.vocab.concepts[w]
            if singular(w) in MEASURE_WORDS and k > lo and words[k - 1][:1].isalpha() and toks[k - 1].fact < 0:
                return self.vocab.concept(words[k - 1])  # "Visitor numbers rose": what is counted is visitors
            if k > 0 and self.view.text[toks[k].start : toks[k].start + 1].isupper():
                continue  # a name inside the clause ("Orbis shares"), not what moved
            if w.endswith("s") and not w.endswith(("ss", "'s")) and len(w) > 3:
                return singular(w)
            if w in _SUBJECT_ENDS:
                return ""
        return ""

    def head(self, si: int, pos: int) -> str:
        """The noun phrase after the figure at ``pos`` up to its head (see ``_head``)."""
        return self._head(si, pos)

    def _head(self, si: int, pos: int) -> str:
        """The noun phrase after a figure up to its head: a listed noun, else the first plural
        ("1,400 new Northsea jobs" → "new northsea jobs", "13 titles ready" → "titles")."""
        words = self.words[si]
        toks = self.tokens[si]
        out: list[str] = []
        j = pos + 1
        while j < len(words) and len(out) < HEAD_WORDS and toks[j].fact < 0:
            w = words[j]
            if w in _NOT_NOUNS or not w[0].isalpha() or (w in _VERBS and w not in self.vocab.concepts):
                break
            if not out and w in self.vocab.contact_subjects:
                break  # "the £8,000 she has raised": a clause's subject, not the head
            if self.vocab.sub_periods.starting_at(words, j) or self.vocab.frames.starting_at(words, j):
                break  # "35,000 so far", "600 a year earlier": a time, not what is counted
            two = " ".join(words[j : j + 2])
            if two in self.vocab.concepts:
                return " ".join([*out, two])
            out.append(w)
            if w in self.vocab.concepts or (w.endswith("s") and not w.endswith(("ss", "'s")) and len(w) > 3):
                break
            j += 1
        return " ".join(out)

    def sentence_tokens(self, si: int) -> tuple[Token, ...]:
        """The sentence's tokens; a sentence with no figure (left untokenised) read into words here."""
        if self.tokens[si]:
            return self.tokens[si]
        got = self._plain.get(si)
        if got is None:
            span = self.view.doc.sentences[si].span
            chunk = self.view.text[span.start : span.end].lower().replace("’", "'").replace("‘", "'")
            plain = word_tokens(chunk, span.start)
            got = self._plain[si] = tuple(plain[opening_end(plain) :])
        return got

    def _name_at(self, si: int, j: int) -> str:
        """The run of capitalised words starting at token ``j`` ("San Marino's" → "san marino"), else ""."""
        toks = self.sentence_tokens(si)
        text = self.view.text
        out: list[str] = []
        while j < len(toks) and toks[j].fact < 0:
            raw = text[toks[j].start : toks[j].end]
            word = toks[j].text
            if not raw[:1].isupper() or not word[:1].isalpha() or (not out and word in self.vocab.not_names):
                break
            if not out and word.endswith(_DESCRIPTOR_ENDS) and j + 1 < len(toks):
                j += 1  # "London-listed Orbis", "Paris-based Lumen": the place describes the name
                continue
            out.append(word.removesuffix("'s"))
            if word.endswith("'s"):
                break
            j += 1
        return " ".join(out)

    def _first_name(self, si: int, lo: int, hi: int) -> tuple[str, int]:
        """The first name in tokens ``lo`` to ``hi`` and its token, or a pronoun or "the company" standing
        for the holder before (("*", its token)); ("", -1) when neither comes first.

        From a sentence's start the answer is read once per sentence: the walk returns at the same token
        whatever ``hi`` is (nothing in it looks at ``hi``), so up to ``hi`` it is the whole sentence's
        answer if the walk stopped before ``hi``, else none."""
        if lo > 0:
            return self._walk_first_name(si, lo, hi)[0]
        got = self._opening_names.get(si)
        if got is None:
            got = self._opening_names[si] = self._walk_first_name(si, 0, len(self.sentence_tokens(si)))
        found, stopped = got
        return found if stopped < hi else ("", -1)

    def _walk_first_name(self, si: int, lo: int, hi: int) -> tuple[tuple[str, int], int]:
        """``_first_name``'s answer, and the token its walk stopped at (the sentence's length if none)."""
        toks = self.sentence_tokens(si)
        words = [t.text for t in toks]
        text = self.view.text
        v = self.vocab
        skip = -1
        for j in range(lo, min(hi, len(toks))):
            w = words[j]
            if j <= skip:
                continue
            opens = j == 0 or words[j - 1] in _SUBJECT_OPENERS or self._after_opening_time(toks, j)
            if opens and (
                w in v.holder_pronouns
                or (w in ("the", "its") and j + 1 < len(words) and words[j + 1] in v.holder_nouns)
            ):
                if w in _POSSESSIVES:
                    # "Its rival Baltic Lines": a name right after the owner is whom the clause is about.
                    for k in range(j + 1, min(len(toks), j + 1 + POSSESSIVE_REACH)):
                        if text[toks[k].start : toks[k].start + 1].isupper() and words[k][:1].isalpha():
                            return (self._name_at(si, k) or "*", k), j
                return ("*", j), j  # "It also has", "The carrier reported", ", the firm said"
            if (opens or (j > 0 and words[j - 1] == "at")) and w == "the" and self._described_holder(si, j):
                return ("*", j), j  # "The US giant earned", "Earnings at the Dutch group came to"
            raw = text[toks[j].start : toks[j].end]
            if raw[:1].isupper() and w[:1].isalpha() and w not in v.not_names:
                if j > 0 and words[j - 1] in ('"', "'", "(", ":"):
                    continue  # a quotation or a bracket opens with a capital
                name = self._name_at(si, j)
                by = j - 1 if j > 0 and words[j - 1] == "the" else j
                if v.source_by.ending_at(words, by) is not None:
                    skip = self._names_end(si, j, name)  # "according to", "obtained by the BBC": a source
                    continue
                before = j - 1 - (j > 1 and words[j - 1] == "the")
                if j > 0 and (
                    words[before] in _RIVAL_BEFORE
                    or (
                        words[before] in ("in", "across")
                        and before > 0
                        and _superlative(text[toks[before - 1].start : toks[before - 1].end].lower())
                    )
                ):
                    # "the third-quickest in Europe behind Ireland": the field of a ranking and a rival set
                    # beside it, not whose figure it is.
                    skip = self._names_end(si, j, name)
                    continue
                said = j + 1 < len(words) and words[j + 1] in _SAID_AFTER  # "Harlow added that ..."
                if (
                    j == 0
                    and " " not in name
                    and not w.endswith("'s")
                    and name not in self._mid_names()
                    and name not in v.always_names
                    and not said
                ):
                    continue  # "Floods in Moravia ...": a sentence's first word is a name only if written so elsewhere
                later = self._apposed_name(si, j, name)
                if later is not None:
                    return later, j
                return (name, j), j
        return ("", -1), len(toks)

    def _described_holder(self, si: int, j: int) -> bool:
        """ "The US giant", "the Oslo-based group", "the world's biggest carmaker": "the" at token ``j``, a few
        describing words, then a business noun with no name after it, standing for the holder told before."""
        toks = self.sentence_tokens(si)
        text = self.view.text
        v = self.vocab
        for k in range(j + 1, min(len(toks), j + 2 + DESCRIBED_WORDS)):
            w = toks[k].text.removesuffix("'s")  # "the Irish operator's revenue"
            if toks[k].fact >= 0 or not w[:1].isalpha() or w in v.not_described or w in v.other_holders:
                return False
            if w in v.described_holders and k > j + 1:
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                # "the US firm Acme", "the US state of Texas": a name follows, which is the holder.
                return nxt is None or (nxt.text != "of" and not text[nxt.start : nxt.start + 1].isupper())
            if w in v.holder_nouns:
                return False  # "the Scottish government": a public body with its place is another holder
        return False

    def _names_end(self, si: int, j: int, name: str) -> int:
        """The last token of the name at ``j`` and of the names joined to it ("the UK and Spain")."""
        toks = self.sentence_tokens(si)
        text = self.view.text
        end = j + max(0, len(name.split()) - 1)
        while (
            end + 2 < len(toks)
            and toks[end + 1].text in ("and", "or", ",")
            and toks[end + 2].fact < 0
            and text[toks[end + 2].start : toks[end + 2].start + 1].isupper()
        ):
            end = end + 2 + max(0, len(self._name_at(si, end + 2).split()) - 1)
        return end

    def _after_opening_time(self, toks: Sequence[Token], j: int) -> bool:
        """Token ``j`` follows a time phrase that opens its sentence ("A year earlier the firm ...", "In
        2023 it ..."): the clause's subject starts there."""
        k = j - 1
        if k < 0 or toks[k].fact < 0 or self.view.facts[toks[k].fact].kind not in _OPENING_TIMES:
            return False
        return k == 0 or (k == 1 and toks[0].text in ("in", "on", "by", "during", "since"))

    def _apposed_name(self, si: int, j: int, name: str) -> tuple[str, int] | None:
        """ "Australian budget airline Skyline Air", "US firm Acme": a one-word capital before a holder noun
        describes the name after it, which is the holder; else None."""
        if " " in name or name.endswith("'s"):
            return None
        toks = self.sentence_tokens(si)
        text = self.view.text
        k = j + 1
        while k < len(toks) and k - j <= APPOSED_WORDS and toks[k].fact < 0 and toks[k].text[:1].isalpha():
            if text[toks[k].start : toks[k].start + 1].isupper():
                if k > j + 1 and toks[k - 1].text in self.vocab.holder_nouns:
                    return self._name_at(si, k), k
                return None
            k += 1
        return None

    def _mid_names(self) -> frozenset[str]:
        """Words the document capitalises inside a sentence: names, not a sentence's first word."""
        if self._names is None:
            text = self.view.text
            out: set[str] = set()
            for si in range(len(self.tokens)):
                toks = self.sentence_tokens(si)
                for j in range(1, len(toks)):
                    if text[toks[j].start : toks[j].start + 1].isupper() and toks[j - 1].text not in _OPENING_MARKS:
                        out.add(toks[j].text.removesuffix("'s"))
            self._names = frozenset(out)
        return self._names

    def sentence_holder(self, si: int) -> str:
        """Whom a sentence is about: its first name, or the holder a pronoun opening it stands for."""
        got = self._holders.get(si)
        if got is not None:
            return got
        name, _ = self._first_name(si, 0, len(self.sentence_tokens(si)))
        out = self.holder_before(si) if name == "*" else name
        self._holders[si] = out
        return out

    def holder_before(self, si: int) -> str:
        """The holder of the nearest sentence before ``si`` (at most ``HOLDER_BACK`` back) that names one."""
        for s2 in range(si - 1, max(-1, si - 1 - HOLDER_BACK), -1):
            name, _ = self._first_name(s2, 0, len(self.sentence_tokens(s2)))
            if name and name != "*":
                return name
        return ""

    def _holder(self, si: int, k: int, pos: int) -> str:
        """Whose figure the token at ``pos`` (its hedge from ``k``) is: a name in what it counts ("1,400 new
        Northsea jobs", "Northsea's 1,400"), else the first name of its sentence before it, through "it" and
        "the company" to the sentences before, else who is said to give it after (", it added")."""
        words = self.words[si]
        toks = self.tokens[si]
        if k > 0 and words[k - 1].endswith("'s"):
            name = self._possessive_before(si, k - 1)
            if name:
                return name
        for j in range(pos + 1, min(len(words), pos + 1 + HEAD_WORDS)):
            if toks[j].fact >= 0 or words[j] in _NOT_NOUNS or not words[j][:1].isalpha():
                break
            name = self._name_at(si, j)
            if name:
                return name
        name = self._relative_antecedent(si, pos)
        if name:
            return name
        name = self._clause_subject(si, pos, k)
        if name:
            return name
        name, _ = self._first_name(si, 0, k)
        if name == "*":
            return self.holder_before(si)
        if name:
            return name
        if words and words[-1] in CLAUSE_END and len(words) >= 3 and words[-2] in _SAID_AFTER:
            name, _ = self._first_name(si, max(pos + 1, len(words) - 5), len(words) - 2)
            if name == "*":
                return self.holder_before(si)
        return ""

    def _clause_subject(self, si: int, pos: int, k: int) -> str:
        """The name opening a clause of its own that holds the figure, after ", and", ", while", ", but",
        ", whereas" or a semicolon ("The council has committed £11m, and the Chamber of Commerce £6m" → the
        chamber's £6m, not the council's); "" when the clause names none before the figure or points back
        ("and it has pledged £6m": the sentence's holder)."""
        c = self.clause_start(si, pos)
        words = self.words[si]
        if c <= 0 or c >= k:
            return ""
        if words[c - 1] == "," and words[c] in _OWN_SUBJECT_OPENERS:
            lo = c + 1
        elif words[c - 1] == ";":
            lo = c
        else:
            return ""
        (name, _), _ = self._walk_first_name(si, lo, k)
        return name if name != "*" else ""

    def _relative_antecedent(self, si: int, pos: int) -> str:
        """The name a relative clause holding the figure is said of: "Ruritania overtook Valdoria, which
        has 593 cases," → valdoria; else ""."""
        c = self.clause_start(si, pos)
        words = self.words[si]
        if c >= 2 and words[c] not in _RELATIVE_OPENERS:
            # ", who lost on Friday and have 14 points": a relative clause joined on by "and"
            for k in range(c - 1, 1, -1):
                if words[k] in CLAUSE_END or words[k] == "," or self.tokens[si][k].fact >= 0:
                    if words[k] == "," and k + 1 < len(words) and words[k + 1] in _RELATIVE_OPENERS:
                        c = k + 1
                    break
        if c < 2 or words[c] not in _RELATIVE_OPENERS or words[c - 1] != ",":
            return ""
        toks = self.tokens[si]
        text = self.view.text
        j = c - 2
        while j > 0 and toks[j - 1].fact < 0 and text[toks[j - 1].start : toks[j - 1].start + 1].isupper():
            j -= 1
        if (
            toks[j].fact >= 0
            or not text[toks[j].start : toks[j].start + 1].isupper()
            or words[j] in self.vocab.not_names
        ):
            return ""
        return self._name_at(si, j)

    def _possessive_before(self, si: int, j: int) -> str:
        """The name ending in "'s" at token ``j`` ("San Marino's" → "san marino")."""
        toks = self.tokens[si]
        text = self.view.text
        start = j
        while (
            start > 0 and toks[start - 1].fact < 0 and text[toks[start - 1].start : toks[start - 1].start + 1].isupper()
        ):
            start -= 1
        return self._name_at(si, start) if text[toks[j].start : toks[j].start + 1].isupper() else ""

    def previous_figures(self, sentence: int, pos: int, back: int = 1) -> Sequence[tuple[int, int]]:
        """(sentence, position) of figure tokens before ``pos``, nearest first, up to ``back`` sentences back."""
        return [(si, k) for si, k, _ in self.figures_before(sentence, pos, back, PREVIOUS_REACH)]

    def figures_before(
        self, sentence: int, pos: int, back: int, reach: int | None = None
    ) -> Iterator[tuple[int, int, int]]:
        """(sentence, position, fact) of each figure token before token ``pos`` of ``sentence``, nearest
        first, then in each of the ``back`` sentences before it from its end; at most ``reach`` tokens
        read in each sentence (``None``: the whole sentence). Lazy: a caller stops at its first hit."""
        for si in range(sentence, max(-1, sentence - back - 1), -1):
            toks = self.tokens[si]
            top = min(pos, len(toks)) if si == sentence else len(toks)
            stop = -1 if reach is None else max(-1, top - 1 - reach)
            for k in range(top - 1, stop, -1):
                if toks[k].fact >= 0:
                    yield si, k, toks[k].fact


# "grew more than expected, expanding at 3.8%", "better than had been forecast": the result measured
# against a forecast, not a forecast itself.
_THAN = frozenset({"than", "as"})
_THAN_REACH = 3


# "in line with forecasts", "compared with forecasts": a result set against them, not a forecast.
_MEASURED_WITH = (("in", "line", "with"), ("compared", "with"), ("compared", "to"))
# Nouns after "budget" that make it a kind of amount, not a plan: "the budget deficit hit a record".
_BUDGET_NOUNS = frozenset({"deficit", "deficits", "surplus", "surpluses", "shortfall", "gap", "airline", "carrier"})


# Ordinal words of a quarter written without a year ("in the fourth quarter", "the final quarter").
_QUARTERS = {"first": "Q1", "second": "Q2", "third": "Q3", "fourth": "Q4", "final": "Q4"}


def _period(f: Fact) -> str:
    """The time a year or date figure frames: its year ("2004"; a day or month of a year is within it),
    a month with no year ("--01"), or a quarter, which is no year and no other quarter ("2004-Q3",
    "Q4" for "the fourth quarter"); "" for any other figure."""
    if f.kind == "ordinal" and f.text.lower().replace(" ", "-").endswith("-quarter"):
        return _QUARTERS.get(f.text.lower().replace(" ", "-").split("-")[0], "quarter")  # "Fourth-quarter profits"
    if f.kind not in ("year", "date"):
        return ""
    if f.iso:
        return f.iso if "Q" in f.iso else f.iso[:4]
    words = f.text.lower().replace("-", " ").split()
    if len(words) == 1 and re.fullmatch(r"q[1-4]", words[0]):
        return words[0].upper()  # "in Q3"
    if "quarter" in words:
        at = words.index("quarter")
        return _QUARTERS.get(words[at - 1], "quarter") if at > 0 else "quarter"
    return ""


def _superlative(word: str) -> bool:
    """ "fastest", "second-largest", "worst": a word that ranks its figure in a field ("in Europe")."""
    last = word.rsplit("-", 1)[-1]
    return last in _SUPERLATIVES or (last.endswith("est") and len(last) > 4 and last not in ("interest", "request"))


def _quarter_words(words: Sequence[str], k: int) -> str:
    """ "fourth quarter", "third-quarter" at token ``k`` as the quarter it names ("Q4"), else ""."""
    w = words[k]
    if w.endswith("-quarter"):
        return _QUARTERS.get(w.removesuffix("-quarter"), "")
    if w in _QUARTERS and k + 1 < len(words) and words[k + 1] in ("quarter", "quarter's"):
        return _QUARTERS[w]
    return ""


def _measured_against(words: Sequence[str], cue: int) -> bool:
    if words[cue] == "budget" and cue + 1 < len(words) and words[cue + 1] in _BUDGET_NOUNS:
        return True
    if any(tuple(words[max(0, cue - len(p)) : cue]) == p for p in _MEASURED_WITH):
        return True
    return any(words[k] in _THAN for k in range(max(0, cue - _THAN_REACH), cue))
