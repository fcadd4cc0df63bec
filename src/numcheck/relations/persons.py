"""One person's ages told against each other: an exact age against a word for an age ("teenage", "in his
forties"), an age told as past ("when she was only 12", "at the age of 30") against the age now, and an
age in years and days ("at 19 years and 40 days") against the whole years told elsewhere, two ages told of
one person now against each other, and a time the person has spent doing something ("has taught there
for 40 years") against the age now.

Every age the text tells is read once into an ``Told`` with the person it is told of (a name beside it,
after it, or before the ", who" whose clause holds it); ages of one person (one surname, never two first
names) are then compared pairwise, a bounded number per person. "The 27-year-old" opening a sentence is
told of the person the sentence before opens with.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from numcheck import dates
from numcheck.mentions import CLAUSE_END, Token, inside_quote
from numcheck.model import Span
from numcheck.relations.ages import STOPWORDS_CAL, _at_start_act, _latest_dated, _told_now, apposed
from numcheck.relations.base import Relation, _Doc, _lead_sentences, _plain_tokens
from numcheck.relations.calendar import _year_of, anchored_now
from numcheck.vocab import any_phrase

# Lower-case words between an age and the name it is told of ("the 21-year-old folk singer Jo Hart").
NOUN_GAP = 3
# Tokens back from an age to the ", who" whose clause it is in ("Hart, who beat two seeds when she was 16").
WHO_REACH = 24
# Ages kept per person: ages × ages stays bounded whatever the length of the text.
AGES_KEPT = 8
# Days past a birthday from which an age in years and days holds for the whole story ("18 years and 187
# days" on Sunday was 18 on Friday too); fewer, and the day before may have been the year before.
DAYS_HELD = 14
# Words between "was" and a past age ("when she was only 12").
_PAST_FILLER = frozenset("just only still barely aged about around nearly almost".split())
# Words that may open a sentence before its "the N-year-old" ("But the 26-year-old came back").
_OPENERS = frozenset("but and yet so now still however then".split())


@dataclass(frozen=True, slots=True)
class Told:
    """One age told of one person: ``low``–``high`` years, ``when`` "now" or "past" (an age at an event
    told as past, so at most the age now), ``fact`` the figure (-1 for a word), ``span`` what is written."""

    person: str
    first: str
    low: int
    high: int
    when: str
    fact: int
    span: Span
    text: str
    days: int = -1  # the days of "19 years and 40 days"
    year: int = -1  # the year of an age told "at" a year ("in 1996 at the age of 21")


@functools.cache
def _words_table() -> tuple[dict[str, tuple[int, int]], dict[str, int], dict[str, tuple[int, int]]]:
    """(age words → (low, high), decade words → first year, part of a decade → (from, to) years into it)."""
    data = dates.table("age_words")
    words = {w: (int(lo), int(hi)) for lo, hi, ws in data["words"] for w in ws}
    decades = {w: int(n) for w, n in data["decades"].items()}
    parts = {w: (int(a), int(b)) for w, (a, b) in data["decade_parts"].items()}
    return words, decades, parts


def _tokens(d: _Doc, si: int) -> Sequence[Token]:
    toks = d.m.tokens[si]
    return toks if toks else _plain_tokens(d, si)


def _cap(d: _Doc, t: Token) -> bool:
    """A capitalised word that may be part of a name ("Hart", "Jo"), not a title or clause opener."""
    if t.fact >= 0 or not t.text[:1].isalpha():
        return False
    said = d.view.text[t.start : t.end]
    return said[:1].isupper() and t.text not in STOPWORDS_CAL


def _run_back(d: _Doc, toks: Sequence[Token], end: int) -> tuple[str, str]:
    """(surname, first name) of the capitalised run ending at token ``end``, ("", "") if none."""
    k = end
    while k >= 0 and _cap(d, toks[k]):
        k -= 1
    return _name(toks[k + 1 : end + 1])


def _run_forward(d: _Doc, toks: Sequence[Token], start: int) -> tuple[str, str]:
    k = start
    while k < len(toks) and _cap(d, toks[k]):
        k += 1
    return _name(toks[start:k])


def _name(run: Sequence[Token]) -> tuple[str, str]:
    if not run:
        return "", ""
    last = re.sub(r"'s?$", "", run[-1].text)
    first = run[0].text if len(run) > 1 else ""
    return last, first


def _person(d: _Doc, si: int, lo: int, hi: int) -> tuple[str, str]:
    """The person an age written at tokens ``lo``..``hi`` - 1 is told of: a name after it past a few nouns
    ("17-year-old Ray Day", "teenage folk singer Jo Hart"), a name before it in apposition ("Jo Hart, the
    21-year-old", "Jo Hart, 19,"), or before the ", who" whose clause holds it."""
    toks = _tokens(d, si)
    k = hi
    while k < len(toks) and k - hi < NOUN_GAP and toks[k].text.isalpha() and not _cap(d, toks[k]):
        if toks[k].text in STOPWORDS_CAL or toks[k].text in _GAP_STOP:
            break
        k += 1
    if k < len(toks) and _cap(d, toks[k]):
        return _run_forward(d, toks, k)
    if k > hi and k + 1 < len(toks) and toks[k].text == "," and _cap(d, toks[k + 1]):
        return _run_forward(d, toks, k + 1)  # "the 45-year-old grandmother, Ann Fox,"
    j = lo - 1
    while j >= 0 and (toks[j].text in ("the", "a", "an", "aged", "now") or _is_now(d, toks[j])):
        j -= 1
    if j >= 1 and toks[j].text == "," and _cap(d, toks[j - 1]):
        return _run_back(d, toks, j - 1)
    for j in range(lo - 1, max(-1, lo - WHO_REACH), -1):
        if toks[j].text in (";", ".", "(") or (j < lo - 1 and _cap(d, toks[j])):
            break
        if toks[j].text == "who" and j >= 2 and toks[j - 1].text == "," and _cap(d, toks[j - 2]):
            return _run_back(d, toks, j - 2)
        if toks[j].text == "who" and j >= 4 and toks[j - 1].text == "," and toks[j - 2].fact >= 0:
            if toks[j - 3].text == "," and _cap(d, toks[j - 4]):
                return _run_back(d, toks, j - 4)  # "Ian Royce, 67, who was 55 when he founded the firm in 2013"
    return "", ""


def _is_now(d: _Doc, t: Token) -> bool:
    """The token is the figure "now" ("Bell, now 40,")."""
    return t.fact >= 0 and d.facts[t.fact].text.lower() == "now"


def _subject(d: _Doc, si: int) -> tuple[str, str]:
    """The name a sentence opens with ("Jo Hart first played ...", "Hart, who ..."): whom its "he" or "she"
    and its unnamed ages are told of."""
    toks = _tokens(d, si)
    return _run_forward(d, toks, 0) if toks and _cap(d, toks[0]) else ("", "")


_POSSESSIVES = frozenset("his her their my our your its".split())
_GAP_STOP = frozenset("of in on at to from for by with and or but who which that is was has had".split())


def _age_word(d: _Doc, si: int, k: int) -> tuple[int, int, int] | None:
    """(low, high, tokens) of an age word at token ``k``: "teenage", "octogenarian", "in his (early) forties",
    "in her mid-thirties", "in his 40s"; None if none."""
    words, decades, parts = _words_table()
    toks = _tokens(d, si)
    w = toks[k].text
    if w in words:
        if k >= 1 and toks[k - 1].text in _POSSESSIVES:
            return None  # "her teenage years", "his teenage son": another time or another person
        return (*words[w], 1)
    if w not in ("in", "into") or k + 2 >= len(toks) or toks[k + 1].text not in ("his", "her", "their"):
        return None
    j = k + 2
    part, decade = (0, 9), toks[j].text
    if "-" in decade:  # "mid-forties" is one token
        head, decade = decade.split("-", 1)
        if head not in parts:
            return None
        part = parts[head]
    elif decade in parts and j + 1 < len(toks):
        part, decade = parts[decade], toks[j + 1].text
        j += 1
    base = decades.get(decade, int(decade[0]) * 10 if re.fullmatch(r"[2-9]0s", decade) else -1)  # "in his 40s"
    if base >= 0:
        return base + part[0], base + part[1], j + 1 - k
    return None


# Words between "is" and an age told with it ("he is only 21").
_NOW_FILLER = frozenset("just only still now".split())
# Words after a bare figure that end an age told with "is" ("Hart, who is 21, said", "is 21 and lives").
_AGE_END = frozenset({",", ".", ";", ":", '"', ")", "and", "but", "!", "?"})


def _copula_age(d: _Doc, si: int, pos: int) -> tuple[str, str] | None:
    """(surname, first name) of a person whose age the bare whole number at ``pos`` tells with "is": "Hart,
    who is 21, said", "Hart is 21 and lives in Leeds", '"Jo is 21," her coach said', "She is 27." (she: the name
    the sentence before opens with; a quote's "he" may be anyone); None when it is not one. "is 21 points behind", "is 21st" and "the
    score is 21" are not."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    f = d.facts[toks[pos].fact]
    if f.kind not in ("number", "count") or f.unit or f.hedge != "exact" or not f.text.isalnum():
        return None
    if pos + 1 < len(words) and words[pos + 1] not in _AGE_END:
        return None
    k = pos - 1
    while k >= 0 and words[k] in _NOW_FILLER:
        k -= 1
    if k >= 0 and (words[k] == "i'm" or (words[k] == "am" and k > 0 and words[k - 1] == "i")):
        # Margaret Hill, 82, said: "I'm 92 and ...": the quote's teller, told before "said" or after it
        if inside_quote(d.m.words[si], pos):
            told = _subject(d, si) if _SAID.intersection(words[:k]) else _speaker(d, si)
            return told if told[0] else None
        return None
    if k < 1 or words[k] != "is":
        return None
    before = words[k - 1]
    if before == "who":
        person = _person(d, si, pos, pos + 1)
    elif before in ("he", "she"):
        # The narrator's "She is 27." after a sentence opening with her name; a quote's "he" may be anyone.
        person = _pronoun_name(d, si - 1) if k - 1 == 0 else ("", "")
    else:
        j = k - 1
        while j >= 0 and _cap(d, toks[j]):
            j -= 1
        # The name is the sentence's subject ("Hart is 21", '"Jo is 21"'), not a place in it ("the
        # number of cases in Ruritania is 18").
        subject = j < k - 1 and (j < 0 or words[j] in ('"', "'") or words[j] in _OPENERS)
        person = _run_back(d, toks, k - 1) if subject else ("", "")
    return person if person[0] else None


def _past_before(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is an age at an event told as past: "when he was (just) 16", "as a 17-year-old"."""
    words = d.m.words[si]
    k = pos - 1
    while k >= 0 and words[k] in _PAST_FILLER:
        k -= 1
    if k >= 2 and words[k] == "was" and words[k - 1] in ("he", "she") and words[k - 2] == "when":
        return True
    return k >= 1 and words[k] in ("a", "an") and words[k - 1] == "as"


def _years_and_days(d: _Doc, si: int, pos: int) -> int:
    """The days of "at 19 years and 40 days" when the figure at ``pos`` is its years, else -1."""
    toks, words = d.m.tokens[si], d.m.words[si]
    if pos + 2 >= len(toks) or words[pos + 1] != "and" or toks[pos + 2].fact < 0:
        return -1
    if pos < 1 or words[pos - 1] not in ("at", "aged"):
        return -1
    days = d.facts[toks[pos + 2].fact]
    return int(days.value) if days.kind == "duration" and days.unit == "day" and days.value is not None else -1


def _figure_ages(d: _Doc) -> Iterator[Told]:
    """Ages written as figures: "the 21-year-old", "Jo Hart, 19,", "aged 30", "when she was only 12",
    "at 19 years and 40 days"."""
    for si, pos, fi, f in d.figures(frozenset({"age", "number", "count", "duration"})):
        if f.value is None or f.value != f.value.to_integral_value() or not 0 < f.value < 120:
            continue
        n = int(f.value)
        days = _years_and_days(d, si, pos) if f.unit == "year" else -1
        if days >= 0:
            person, first = _person(d, si, pos - 1, pos + 3)
            if not person:
                person, first = _subject(d, si)
            if person:
                yield Told(person, first, n, n, "now", fi, f.span, f"{f.text} and {days} days", days)
            continue
        if f.kind == "duration":
            continue
        past = _past_before(d, si, pos)
        if f.kind != "age" and not past and not apposed(d, si, pos):
            who = _copula_age(d, si, pos)
            if who is not None:
                yield Told(*who, n, n, "now", fi, f.span, f.text)
                continue
            at = _number_at_year(d, si, pos, fi)
            if at is not None:
                yield at
            continue
        if f.kind == "age" and f.unit != "year":
            continue
        mm = d.m.by_fact.get(fi)
        frame = mm.frame or "" if mm is not None else ""
        at_year = int(frame[:4]) if frame[:4].isdigit() and f.kind == "age" else -1
        told_as_who = not _at_event(f.text) or f.text.isdigit()  # "the 27-year-old", "Hale, 47,"
        if frame[:4].isdigit() and told_as_who and not past and not _year_before(d, si, pos, frame[:4]):
            at_year = -1  # "The 27-year-old won it in 2009", "Hale, 47, who built it in 1988": the age now
        elif frame[:1].isdigit() and at_year < 0:
            continue
        person, first = _person(d, si, pos, pos + 1)
        if not person and at_year >= 0:
            person, first = _name_after(d, si, pos)  # "In 1985, aged 19, Reed moved to Paris"
        if not person and at_year >= 0 and d.m.words[si][:1] in (("he",), ("she",)):
            person, first = _pronoun_name(d, si - 1)  # "Jo Hart ... He won the cup in 1995 at the age of 27"
        if not person and (past or at_year >= 0):
            person, first = _subject(d, si)  # "Hart first played for her country when she was 16"
        if not person and f.kind == "age" and _opens_sentence(d, si, pos):
            person, first = _opening_name(d, si - 1)  # "Jo Hart lost. The 21-year-old came back ..."
        if not person:
            continue
        if at_year >= 0:
            # "Ann Fox won gold in 1996 at the age of 21": her age in that year.
            yield Told(person, first, n, n, "at", fi, f.span, f"{f.text} in {at_year}", year=at_year)
            continue
        if not past and f.kind == "age" and not told_as_who and not _told_now(d, si, pos):
            past = True  # "won the title aged 17": the age then, not now
        if not past and f.kind == "age" and _at_start_act(d, si, pos, f):
            past = True  # "Hart, who had her first ride at the age of 16, has 112 winners": an age then
        yield Told(person, first, n, n, "past" if past else "now", fi, f.span, f.text)


# Words after a bare figure told as an age at a year ("In 1985, at 19, he ...", "Reed was 30 when he returned
# in 1992", "She was 41 in 2001").
_AT_AFTER = frozenset({",", "when", "in", "and"})


# Tokens before a bare age that a "born" may stand in, making the sentence's one year a birth year.
BORN_REACH = 12


def _number_at_year(d: _Doc, si: int, pos: int, fi: int) -> Told | None:
    """A bare whole number told as a person's age at the one year of its sentence: "In 1985, at 19, Reed moved
    to Paris", "Reed was 30 when he returned in 1992" ("he" or "she" opening it: the name the sentence before
    opens with). None when it is not one."""
    words, toks = d.m.words[si], d.m.tokens[si]
    f = d.facts[fi]
    if f.kind not in ("number", "count") or f.unit or f.hedge != "exact" or not f.text.isdigit():
        return None
    if pos + 1 >= len(words) or words[pos + 1] not in _AT_AFTER or pos < 1:
        return None
    mm = d.m.by_fact.get(fi)
    frame = (mm.frame or "") if mm is not None else ""
    years = {d.facts[t.fact].text for t in toks if t.fact >= 0 and d.facts[t.fact].kind == "year"}
    if not frame[:4].isdigit() or len(years) != 1:
        return None
    if any(words[j] == "born" for j in range(max(0, pos - BORN_REACH), pos)):
        return None  # "who was born in 1996 and released her first record at 19": 19 in 2015, not in 1996
    k = pos - 1
    while k >= 0 and words[k] in _PAST_FILLER:
        k -= 1
    if words[pos - 1] == "at" and words[pos + 1] in (",", "when"):
        person = _person(d, si, pos - 1, pos + 1)
        if not person[0]:
            person = _name_after(d, si, pos)
        if not person[0]:
            person = _subject(d, si)
    elif k >= 1 and words[k] == "was" and words[k - 1] in ("he", "she"):
        person = _pronoun_name(d, si - 1) if k - 1 == 0 else ("", "")
    elif k >= 1 and words[k] == "was" and words[k - 1] == "who":
        person = _person(d, si, pos, pos + 1)  # "Reed, who was 30 when he returned in 1992"
    elif k >= 1 and words[k] == "was":
        person = _run_back(d, toks, k - 1) if _cap(d, toks[k - 1]) else ("", "")
    else:
        return None
    if not person[0]:
        return None
    n, year = int(f.value or 0), int(frame[:4])
    return Told(person[0], person[1], n, n, "at", fi, f.span, f"{f.text} in {year}", year=year)


def _name_after(d: _Doc, si: int, pos: int) -> tuple[str, str]:
    """The name just after the comma that closes an opening phrase with an age ("In 1985, aged 19, Reed
    moved"): only when the age's phrase opens the sentence."""
    toks = _tokens(d, si)
    k = pos + 1
    if k + 1 >= len(toks) or toks[k].text != "," or not _cap(d, toks[k + 1]):
        return "", ""
    if any(toks[j].text == "," and j > 0 and _cap(d, toks[j - 1]) for j in range(pos)):
        return "", ""  # "Hart, 19, Reed, 20, ...": a list of names and ages
    return _run_forward(d, toks, k + 1)


@functools.cache
def _turn_table() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(words of turning an age told as past, as still to come, time words just after "turned N" that keep
    it within the year, time words after "turns N" that put it within the year)."""
    data = dates.table("age_words")
    return (
        frozenset(data["turned"]),
        frozenset(data["turns"]),
        frozenset(data["turned_when"]),
        frozenset(data["turns_when"]),
    )


def _turned_ages(d: _Doc) -> Iterator[Told]:
    """An age told by a birthday just passed or to come, as the years it allows now (``when`` "bound"): "Park
    turned 70 last year" (70 or 71), "Cole, who turns 50 next month," (49). The person: the name the sentence
    opens with ("Park, 72, turned 70"), the name before ", who", or "he"/"she" opening it (the name the
    sentence before opens with)."""
    turned, turns, turned_when, turns_when = _turn_table()
    for si, words in enumerate(d.m.words):
        if not (turned | turns) & set(words):
            continue
        toks = d.m.tokens[si]
        for k, w in enumerate(words[:-2]):
            if w not in turned and w not in turns or toks[k + 1].fact < 0:
                continue
            f = d.facts[toks[k + 1].fact]
            if f.kind not in ("number", "count") or f.unit or f.value is None or not f.text.isdigit():
                continue
            n = int(f.value)
            when, end = _turn_when(d, si, k + 2)
            if not when:
                continue
            if w in turned and when.split()[0] in turned_when:
                low, high = n, n + 1  # "turned 70 last year": 70, or 71 if the birthday came round again
            elif w in turns and when.split()[0] in turns_when:
                low, high = n - 1, n - 1  # "turns 50 next month": 49 now
            else:
                continue
            person = _turner(d, si, k)
            if person[0]:
                text = d.view.text[toks[k].start : end]  # "turned 35 in March", as written
                yield Told(person[0], person[1], low, high, "bound", toks[k + 1].fact, f.span, text)


def _turn_when(d: _Doc, si: int, k: int) -> tuple[str, int]:
    """The time told at token ``k`` just after "turned N": a time word ("last year", "yesterday"), or "in"/"on"
    and a day or month without a year ("in March", "on Saturday"), as written in lower case; "" for anything
    else ("turned 18 in 1990" tells a year of its own), with the offset where the time ends."""
    toks, words = d.m.tokens[si], d.m.words[si]
    if k >= len(words):
        return "", -1
    j = k + 1 if words[k] in ("in", "on") and k + 1 < len(words) else k
    fi = toks[j].fact
    if fi < 0:
        return ("", -1) if j > k else (words[k], toks[k].end)
    f = d.facts[fi]
    if j > k and not (f.kind == "weekday" or f.kind == "date" and (f.iso or "").startswith("--")):
        return "", -1
    return (f.text.lower() if j == k else f"{words[k]} {f.text.lower()}"), toks[j].end


def _turner(d: _Doc, si: int, k: int) -> tuple[str, str]:
    """Whose birthday "turned" at token ``k`` tells: "Park turned", "Park, 72, turned", "Park, who turns",
    "She turned" opening its sentence."""
    toks, words = _tokens(d, si), d.m.words[si]
    j = k - 1
    if j >= 0 and words[j] == "who":
        if j >= 4 and words[j - 1] == "," and toks[j - 2].fact >= 0 and words[j - 3] == ",":
            j -= 2  # "Dale, 45, who turns 50"
        return _run_back(d, toks, j - 2) if j >= 2 and words[j - 1] == "," and _cap(d, toks[j - 2]) else ("", "")
    if j == 0 and words[0] in ("he", "she"):
        return _pronoun_name(d, si - 1)
    if j >= 2 and words[j] == "," and toks[j - 1].fact >= 0 and words[j - 2] == ",":
        j -= 3  # "Park, 72, turned 70"
    if j < 0 or not _cap(d, toks[j]):
        return "", ""
    name = _run_back(d, toks, j)
    start = j
    while start > 0 and _cap(d, toks[start - 1]):
        start -= 1
    return name if start == 0 or start == 1 and words[0] in _OPENERS else ("", "")


def _year_before(d: _Doc, si: int, pos: int, year: str) -> bool:
    """The year ``year`` is written before the figure at ``pos`` in its sentence ("In 1990, the 20-year-old
    ..."), so the age is told for that year; a year after it is the year of what the person did."""
    toks = d.m.tokens[si]
    return any(t.fact >= 0 and d.facts[t.fact].text.endswith(year) for t in toks[:pos])


def _opens_sentence(d: _Doc, si: int, pos: int) -> bool:
    """The age at ``pos`` is a sentence's own subject, "the N-year-old" opening it (after "But", "And" ...),
    so it stands for the person the sentences before are about."""
    words = d.m.words[si]
    k = pos - 1
    if k < 0 or words[k] != "the":
        return False
    return k == 0 or k == 1 and words[0] in _OPENERS


def _opening_name(d: _Doc, si: int) -> tuple[str, str]:
    """(surname, first name) of the name sentence ``si`` opens with as its subject ("Jo Hart will run",
    "But Hart's season ended"); ("", "") when it opens otherwise, or there is no such sentence."""
    if si < 0:
        return "", ""
    name, j = d.m._first_name(si, 0, 2)
    words = d.m.sentence_tokens(si)
    if j < 0 or j == 1 and words[0].text not in _OPENERS:
        return "", ""
    return _split(name)


def _pronoun_name(d: _Doc, si: int) -> tuple[str, str]:
    """Whom "he" or "she" opening the sentence after ``si`` stands for: the name sentence ``si`` opens with,
    else the one person it gives an age after the name ("The group's leader, Ann Fox, 58, is a nurse. She
    ..."). Not for "The 24-year-old ..." (another person may be meant: "the 24-year-old drummer")."""
    name = _opening_name(d, si)
    return name if name[0] or si < 0 else _apposed_person(d, si)


def _apposed_person(d: _Doc, si: int) -> tuple[str, str]:
    """(surname, first name) of the one person sentence ``si`` gives an age set off by commas after the name
    ("Ann Fox, 58,"); ("", "") for none or several."""
    toks = d.m.tokens[si]
    people = {_person(d, si, k, k + 1) for k, t in enumerate(toks) if t.fact >= 0 and apposed(d, si, k)} - {("", "")}
    return next(iter(people)) if len(people) == 1 else ("", "")


def _split(name: str) -> tuple[str, str]:
    """(surname, first name) of a holder's name in lower case ("jo hart" → ("hart", "jo"))."""
    parts = name.split()
    if not parts or "*" in parts:
        return "", ""
    return parts[-1], parts[0] if len(parts) > 1 else ""


def _lengths(d: _Doc) -> Iterator[Told]:
    """Times a person has spent doing something, as ``Told`` with ``when`` "length": "where she has taught for
    over 40 years", "the title I've been chasing for 12 years," said Hart". Only a time told as lived
    (a perfect tense or a verb of doing, from ``[tenure]``), never a term ahead ("jailed for 20 years",
    "signed for five years"); whose it is: the pronoun or name just before its verb."""
    table = dates.table("tenure")
    lived, never = frozenset(table["lived"]), frozenset(table["never"])
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if f.unit != "year" or f.value is None or f.value != f.value.to_integral_value() or f.value < 1:
            continue
        words = d.m.words[si]
        k = d.hedge_start(si, pos) - 1
        while k >= 0 and words[k] in ("the", "past", "last"):
            k -= 1  # "for the past 20 years"
        if k < 0 or words[k] != "for":
            continue
        who = _doer(d, si, k)
        if who is None:
            continue
        j, person, first = who
        verbs = set(words[j + 1 : k]) | {w[w.index("'") :] for w in words[j : j + 1] if "'" in w}
        if not verbs & lived or verbs & never or not person:
            continue
        low = int(f.value) + (1 if f.interval.low_open else 0)
        yield Told(person, first, low, 200, "length", fi, f.span, f.text)


# Tokens back from "for N years" to the pronoun or name whose time it is ("where he has worked at the club").
DOER_REACH = 8
# Words between a doer and "for" that show the time is someone else's ("his father worked", "with her").
_NOT_OWN = frozenset("his her their its my our your whose with him them who which".split())


def _doer(d: _Doc, si: int, k: int) -> tuple[int, str, str] | None:
    """(token, surname, first name) of whoever spends the time before "for" at token ``k``: "he" or "she"
    (the name of the sentence before it, or of the sentences before), "I" in a quote (whoever "said" it),
    or a name; None when the clause says it is someone else's or names no one."""
    toks = _tokens(d, si)
    words = d.m.words[si]
    for j in range(k - 1, max(-1, k - 1 - DOER_REACH), -1):
        w = words[j]
        if w == "who" and j >= 2 and words[j - 1] == "," and _cap(d, toks[j - 2]):
            return (j, *_run_back(d, toks, j - 2))  # "Hart, who has coached for 30 years"
        if toks[j].fact >= 0 and apposed(d, si, j):
            continue  # "Bell, 55, has farmed the valley for 60 years"
        if toks[j].fact >= 0 and d.facts[toks[j].fact].kind == "age" and j >= 1 and words[j - 1] == "the":
            return j, f"#{toks[j].fact}", ""  # "The 58-year-old had worked there for 61 years": whose that age is
        if w in CLAUSE_END or w in ('"', "(") or w in _NOT_OWN or w.endswith("'s") or toks[j].fact >= 0:
            return None
        if w.split("'")[0] in ("he", "she"):
            name, _ = d.m._first_name(si, 0, j)
            person, first = _split(name) if name and name != "*" else _split(d.m.holder_before(si))
            return j, person, first
        if w.split("'")[0] == "i":
            return (j, *_speaker(d, si))
        if _cap(d, toks[j]) and (j == 0 or words[j - 1] not in _OPENING):
            return (j, *_run_back(d, toks, j))
    return None


_OPENING = frozenset({'"', "'", "(", ":", ".", "?", "!", "-"})
_SAID = frozenset("said says added adds told".split())


def _speaker(d: _Doc, si: int) -> tuple[str, str]:
    """(surname, first name) of whoever a quote is told by: the name after or before "said" that ends or
    follows it (""... for 12 years," said Hart", "Hart said")."""
    toks = _tokens(d, si)
    for j in range(len(toks) - 1, 0, -1):
        if toks[j].text not in _SAID:
            continue
        if toks[j - 1].text in (",", '"', "'") and j + 1 < len(toks) and _cap(d, toks[j + 1]):
            return _run_forward(d, toks, j + 1)
        if _cap(d, toks[j - 1]):
            return _run_back(d, toks, j - 1)
    return "", ""


def _at_event(text: str) -> bool:
    """An age written as the age at something ("aged 17", "at the age of 17"), not as who someone is."""
    return not text.lower().endswith("old")


def _word_ages(d: _Doc) -> Iterator[Told]:
    """Ages written as words: "teenage", "a teenager", "in his forties", "an octogenarian"."""
    words, decades, _ = _words_table()
    pattern = _word_pattern()
    for si, sent in enumerate(d.view.doc.sentences):
        if not pattern.search(d.view.text, sent.span.start, sent.span.end):
            continue
        toks = _tokens(d, si)
        for k in range(len(toks)):
            got = _age_word(d, si, k)
            if got is None:
                continue
            low, high, n = got
            person, first = _person(d, si, k, k + n)
            if person:
                span = Span(toks[k].start, toks[k + n - 1].end)
                yield Told(person, first, low, high, "now", -1, span, d.view.text[span.start : span.end])


@functools.cache
def _word_pattern() -> re.Pattern[str]:
    words, decades, _ = _words_table()
    return any_phrase({*words, *decades}, "[2-9]0s")


def _person_ages(d: _Doc) -> Iterator[Relation]:
    """``age``: two ages told of one person that cannot both hold: an exact age now outside a word's range
    ("Jo Hart, the 21-year-old" and "teenage singer Jo Hart"), an age told as past above the age now
    ("Fifteen-year-old Sam Ode" and "Ode, who beat two seeds when he was only 16"), or whole years other than
    those of an age in years and days ("17-year-old Ray Day" and "Day, who at 19 years and 40 days ...").
    Roles ``age`` (the age now) and ``other`` (the other figure, absent for a word; its span is the cue);
    labels ``low``/``high`` (years the other allows) and ``told`` (what it is)."""
    by_person: dict[str, list[Told]] = {}
    firsts: dict[str, set[str]] = {}
    figures = list(_figure_ages(d))
    ats = sum(1 for t in figures if t.when == "at")
    if not any(t.fact >= 0 and t.when == "now" and t.days < 0 for t in figures) and ats < 2:
        return  # only an age now or two ages at years told as figures are judged: no need to read words
    ages = _first_names_resolved([*figures, *_word_ages(d), *_turned_ages(d)])
    whose = {f"#{t.fact}": (t.person, t.first) for t in ages if t.fact >= 0}
    for t in (*ages, *_lengths(d)):
        if t.person.startswith("#"):  # a length whose doer is an age: that age's person
            if t.person not in whose:
                continue
            t = replace(t, person=whose[t.person][0], first=whose[t.person][1])
        by_person.setdefault(t.person, []).append(t)
        if t.first:
            firsts.setdefault(t.person, set()).add(t.first)
    for person, told in by_person.items():
        if len(firsts.get(person, ())) > 1:
            continue  # two people of one surname ("Jo Hart" and "Sam Hart")
        told = sorted(told, key=lambda t: t.span.start)[:AGES_KEPT]
        for a in told:
            if a.when == "at" and a.fact >= 0:
                for b in told:
                    if b.when == "at" and b.fact >= 0 and b.year < a.year and "age" in (_kind(d, a), _kind(d, b)):
                        # One of the two written as an age ("aged 19", "as a 15-year-old"): "Inflation was 12 in
                        # 1980" and "was 5 in 1990" are no one's ages.
                        # 21 in 1996 is 25 to 27 in 2001: the birthday may fall either side of both years.
                        since = a.year - b.year
                        labels = (("low", str(b.low + since - 1)), ("high", str(b.high + since + 1)), ("told", b.text))
                        yield Relation("age", (("age", a.fact), ("other", b.fact)), (b.span,), "document", labels)
            if a.fact < 0 or a.when != "now" or a.days >= 0:
                continue
            for b in told:
                rel = _against(d, a, b)
                if rel is not None:
                    yield rel


def _kind(d: _Doc, t: Told) -> str:
    return d.facts[t.fact].kind


def _latest_year(d: _Doc, a: Told) -> int:
    """The latest year the text tells as the time of a past event, for an age now ``a`` not told at a death
    (an age at death is not the age in a later year the text names); -1 if none."""
    si = d.facts[a.fact].sentence
    if set(d.m.words[si]) & frozenset(dates.table("ages")["death_words"]):
        return -1
    fi: int = d.view.memo("latest-dated", lambda v: _latest_dated(d))
    if fi < 0:
        return -1
    return _year_of(d.facts[fi]) or -1


# A day named in full with its weekday ("on Thursday 1 May 2025"): the day a news story reports.
_WEEKDAY_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


def _lead_day(d: _Doc) -> int:
    """The year of the latest past day the text tells, when the lead or the sentence after it tells it with its
    weekday and day of the month ("on Thursday 1 May 2025") and no year told anywhere is later: the story's
    own day, so now. -1 otherwise."""

    def read(view: object) -> int:
        fi = _latest_dated(d)
        if fi < 0:
            return -1
        f = d.facts[fi]
        year = _year_of(f) or -1
        if f.kind != "date" or not _WEEKDAY_DAY.match(f.iso or "") or not re.search(r"[A-Za-z]{5}", f.text):
            return -1
        if not re.match(r"(?i)(mon|tues|wednes|thurs|fri|satur|sun)day\b", f.text):
            return -1
        lead = _lead_sentences(d)
        if not lead or f.sentence > max(lead) + 1:
            return -1  # in the lead or the sentence after it ("Orme, 61, was sentenced on Tuesday 4 March 2025")
        if any((_year_of(g) or 0) > year for g in d.facts if g.kind in ("year", "date")):
            return -1
        return year

    year: int = d.view.memo("lead-day", read)
    return year


def _first_names_resolved(ages: list[Told]) -> list[Told]:
    """Ages told of a lone name that is the first name of one person told in full ("Jo Hart, 19," …
    '"Jo is 21," her coach said'), told of that person; a lone name that is a surname stays."""
    full: dict[str, set[str]] = {}
    for t in ages:
        if t.first:
            full.setdefault(t.first, set()).add(t.person)
    surnames = {t.person for t in ages if t.first}
    out = []
    for t in ages:
        people = full.get(t.person, set())
        if not t.first and t.person not in surnames and len(people) == 1:
            t = replace(t, person=next(iter(people)), first=t.person)
        out.append(t)
    return out


def _now_after(d: _Doc, a: Told, year: int) -> tuple[int, int] | None:
    """The years now may be in (``anchored_now``) for an age now ``a`` not told at a death, when they come
    after ``year`` and after the latest year the text tells as past; None otherwise."""
    now = anchored_now(d)
    si = d.facts[a.fact].sentence
    if now is None or now[0] <= year or set(d.m.words[si]) & frozenset(dates.table("ages")["death_words"]):
        return None
    return now if now[0] >= _latest_year(d, a) else None


def _against(d: _Doc, a: Told, b: Told) -> Relation | None:
    """The relation of an exact age now ``a`` against another age ``b`` of the same person, if ``b`` bounds it."""
    if b is a or b.span == a.span:
        return None
    if b.fact < 0:  # a word: "teenage" is 13 to 19
        low, high, told = b.low, b.high, b.text
    elif b.when == "bound":  # "turned 70 last year": 70 or 71 now
        low, high, told = b.low, b.high, f"'{b.text}'"
    elif b.when == "past":  # "when he was 16": at least 16 now
        low, high, told = b.low, 200, f"an earlier age of {b.text}"
    elif b.days >= DAYS_HELD:  # "19 years and 40 days": 19 throughout the story
        low, high, told = b.low, b.high, b.text
    elif b.when == "now" and b.fact >= 0 and b.span.start < a.span.start:
        # "Jo Hart, 27," ... "the 29-year-old": one person has one age now (the later one is marked).
        low, high, told = b.low, b.high, f"{b.text} told earlier"
    elif b.when == "length":  # "has worked there for 40 years": at least that old
        low, high, told = b.low, 200, f"a time of {b.text} of the same person's own"
    elif b.when == "at" and d.view.reporting_date is not None and b.year <= d.view.reporting_date.year:
        # 21 in 1996 is 34 to 36 in 2010: the birthday may fall either side of both dates.
        since = d.view.reporting_date.year - b.year
        low, high, told = b.low + since - 1, b.high + since + 1, f"{b.text}"
    elif b.when == "at" and d.view.reporting_date is None and (now := _now_after(d, a, b.year)) is not None:
        # "Twelve months ago, in the 2025 race": now is told by a time counted back to a year.
        low, high = b.low + now[0] - b.year - 1, b.high + now[1] - b.year + 1
        told = f"{b.text} and now in {now[0]}" + (f" to {now[1]}" if now[1] > now[0] else "")
    elif b.when == "at" and d.view.reporting_date is None and 0 <= (latest := _latest_year(d, a)) and latest > b.year:
        # No date of its own: now is no earlier than the latest year the text tells as past ("said in 2004"),
        # and no later than it when that is the day the lead reports ("in the election on Thursday 1 May 2025").
        low, high, told = b.low + latest - b.year - 1, 200, f"{b.text} and a year of {latest} told as past"
        if _lead_day(d) == latest:
            high = b.high + latest - b.year + 1
            told = f"{b.text} and the lead's day in {latest}"
    else:
        return None
    roles = (("age", a.fact),) + ((("other", b.fact),) if b.fact >= 0 else ())
    labels = (("low", str(low)), ("high", str(high)), ("told", told))
    return Relation("age", roles, (b.span,), "document", labels)
