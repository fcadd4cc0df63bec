"""One person's ages told against each other: an exact age against a word for an age ("teenage", "in his
forties"), an age told as past ("when she was only 12", "at the age of 30") against the age now, and an
age in years and days ("at 19 years and 40 days") against the whole years told elsewhere.

Every age the text tells is read once into an ``Told`` with the person it is told of (a name beside it,
after it, or before the ", who" whose clause holds it); ages of one person (one surname, never two first
names) are then compared pairwise, a bounded number per person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from numcheck import dates
from numcheck.mentions import Token
from numcheck.model import Span
from numcheck.relations.ages import STOPWORDS_CAL, _told_now, apposed
from numcheck.relations.base import Relation, _Doc, _plain_tokens

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
    while j >= 0 and toks[j].text in ("the", "a", "an", "aged", "now"):
        j -= 1
    if j >= 1 and toks[j].text == "," and _cap(d, toks[j - 1]):
        return _run_back(d, toks, j - 1)
    for j in range(lo - 1, max(-1, lo - WHO_REACH), -1):
        if toks[j].text in (";", ".", "(") or (j < lo - 1 and _cap(d, toks[j])):
            break
        if toks[j].text == "who" and j >= 2 and toks[j - 1].text == "," and _cap(d, toks[j - 2]):
            return _run_back(d, toks, j - 2)
    return "", ""


def _subject(d: _Doc, si: int) -> tuple[str, str]:
    """The name a sentence opens with ("Jo Hart first played ...", "Hart, who ..."): whom its "he" or "she"
    and its unnamed ages are told of."""
    toks = _tokens(d, si)
    return _run_forward(d, toks, 0) if toks and _cap(d, toks[0]) else ("", "")


_POSSESSIVES = frozenset("his her their my our your its".split())
_GAP_STOP = frozenset("of in on at to from for by with and or but who which that is was has had".split())


def _age_word(d: _Doc, si: int, k: int) -> tuple[int, int, int] | None:
    """(low, high, tokens) of an age word at token ``k``: "teenage", "octogenarian", "in his (early) forties",
    "in her mid-thirties"; None if none."""
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
    if decade in decades:
        base = decades[decade]
        return base + part[0], base + part[1], j + 1 - k
    return None


def _past_before(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is an age at an event told as past: "when he was (just) 16", "as a 17-year-old"."""
    words = d.m.words[si]
    k = pos - 1
    while k >= 0 and words[k] in _PAST_FILLER:
        k -= 1
    if k >= 2 and words[k] == "was" and words[k - 1] in ("he", "she") and words[k - 2] == "when":
        return True
    return k >= 1 and words[k] == "a" and words[k - 1] == "as"


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
        if f.kind != "age" and not past and not apposed(d, si, pos) or f.kind == "age" and f.unit != "year":
            continue
        mm = d.m.by_fact.get(fi)
        frame = mm.frame or "" if mm is not None else ""
        at_year = int(frame[:4]) if frame[:4].isdigit() and f.kind == "age" else -1
        if frame[:1].isdigit() and at_year < 0:
            continue
        person, first = _person(d, si, pos, pos + 1)
        if not person and (past or at_year >= 0):
            person, first = _subject(d, si)  # "Hart first played for her country when she was 16"
        if not person:
            continue
        if at_year >= 0:
            # "Ann Fox won gold in 1996 at the age of 21": her age in that year.
            yield Told(person, first, n, n, "at", fi, f.span, f"{f.text} in {at_year}", year=at_year)
            continue
        if not past and f.kind == "age" and _at_event(f.text) and not _told_now(d, si, pos):
            past = True  # "won the title aged 17": the age then, not now
        yield Told(person, first, n, n, "past" if past else "now", fi, f.span, f.text)


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
    alt = "|".join(sorted(map(re.escape, set(words) | set(decades)), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b", re.I)


def _person_ages(d: _Doc) -> Iterator[Relation]:
    """``age``: two ages told of one person that cannot both hold: an exact age now outside a word's range
    ("Jo Hart, the 21-year-old" and "teenage singer Jo Hart"), an age told as past above the age now
    ("Fifteen-year-old Sam Ode" and "Ode, who beat two seeds when he was only 16"), or whole years other than
    those of an age in years and days ("17-year-old Ray Day" and "Day, who at 19 years and 40 days ...").
    Roles ``age`` (the age now) and ``other`` (the other figure, absent for a word; its span is the cue);
    labels ``low``/``high`` (years the other allows) and ``told`` (what it is)."""
    by_person: dict[str, list[Told]] = {}
    firsts: dict[str, set[str]] = {}
    for t in (*_figure_ages(d), *_word_ages(d)):
        by_person.setdefault(t.person, []).append(t)
        if t.first:
            firsts.setdefault(t.person, set()).add(t.first)
    for person, told in by_person.items():
        if len(firsts.get(person, ())) > 1:
            continue  # two people of one surname ("Jo Hart" and "Sam Hart")
        told = sorted(told, key=lambda t: t.span.start)[:AGES_KEPT]
        for a in told:
            if a.fact < 0 or a.when != "now" or a.days >= 0:
                continue
            for b in told:
                rel = _against(d, a, b)
                if rel is not None:
                    yield rel


def _against(d: _Doc, a: Told, b: Told) -> Relation | None:
    """The relation of an exact age now ``a`` against another age ``b`` of the same person, if ``b`` bounds it."""
    if b is a or b.span == a.span:
        return None
    if b.fact < 0:  # a word: "teenage" is 13 to 19
        low, high, told = b.low, b.high, b.text
    elif b.when == "past":  # "when he was 16": at least 16 now
        low, high, told = b.low, 200, f"an earlier age of {b.text}"
    elif b.days >= DAYS_HELD:  # "19 years and 40 days": 19 throughout the story
        low, high, told = b.low, b.high, b.text
    elif b.when == "at" and d.view.reporting_date is not None and b.year <= d.view.reporting_date.year:
        # 21 in 1996 is 34 to 36 in 2010: the birthday may fall either side of both dates.
        since = d.view.reporting_date.year - b.year
        low, high, told = b.low + since - 1, b.high + since + 1, f"{b.text}"
    else:
        return None
    roles = (("age", a.fact),) + ((("other", b.fact),) if b.fact >= 0 else ())
    labels = (("low", str(low)), ("high", str(high)), ("told", told))
    return Relation("age", roles, (b.span,), "document", labels)
