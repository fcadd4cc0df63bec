"""Lengths of years told as a plan or as time ago, against the years they span: "doubling sales in three
years" against "$4bn in 2010, which it hopes to double by 2016"; "set up 30 years ago, when the first
record came out" against the year another sentence gives that record, counted to now (the reporting
date, or the years the text tells of)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from numcheck import dates, days
from numcheck.mentions import opening_end
from numcheck.model import Fact, Span
from numcheck.patterns import STOPWORDS
from numcheck.relations.base import Relation, _Doc, _lead_sentences
from numcheck.relations.calendar import (
    ANNIVERSARY_SHARED,
    BEGIN_WORDS,
    HAD_REACH,
    OWN_YEAR_REACH,
    YEAR_RESTATED,
    _clause_stems,
    _is_first,
    _own_year,
    _sentence_stems,
    _single_years,
    _year_of,
    _year_range,
    _years_counted_on,
)
from numcheck.relations.storydate import story_year
from numcheck.relations.terms import Who, _sentence_subject, _subject, _who
from numcheck.relations.timeline import not_elapsed
from numcheck.vocab import TOKEN, singular

# Tokens before "in N years" read for its plan word ("plans to double turnover in three years").
PLAN_REACH = 4
# Tokens before "by YEAR" read for its plan word ("hopes to double its turnover to $8bn by 2016").
TARGET_REACH = 6
# Tokens of a ", when …" clause read for the event an "N years ago" counts back to.
WHEN_REACH = 12
# Stems a "when" clause shares with another sentence's year to date it; one is enough for a stem that at
# most RARE_SENTENCES sentences of the text use ("when the first record came out" … "The record
# topped the charts in 1990").
WHEN_SHARED = 2
RARE_SENTENCES = 2
# Years of slack either way: whole years named without months.
YEAR_SLACK = 1


@functools.cache
def _plan_words() -> dict[str, str]:
    """Word → the plan it names ("doubling" → double): [spans] plan_words."""
    table: dict[str, list[str]] = dates.table("spans")["plan_words"]
    return {w: plan for plan, words in table.items() for w in words}


def _plans(d: _Doc, si: int, lo: int, hi: int) -> dict[str, Span]:
    """Plans named among tokens ``lo``..``hi`` - 1, a figure's own word included ("Doubling" is a figure)."""
    toks, words = d.m.tokens[si], d.m.words[si]
    plans = _plan_words()
    out: dict[str, Span] = {}
    for k in range(max(0, lo), min(len(toks), hi)):
        w = d.facts[toks[k].fact].text.lower() if toks[k].fact >= 0 else words[k]
        if w in plans:
            out.setdefault(plans[w], toks[k].span)
    return out


def _targets(d: _Doc) -> dict[str, list[tuple[int, int]]]:
    """Plan → (base year, target year) of each "… in 2010, which it hopes to double by 2016": the year after
    "by" and the nearest earlier single year of the sentence before the plan word."""
    out: dict[str, list[tuple[int, int]]] = {}
    for si, words in enumerate(d.m.words):
        toks = d.m.tokens[si]
        for k, w in enumerate(words):
            if w != "by" or k + 1 >= len(toks) or toks[k + 1].fact < 0:
                continue
            end = toks[k + 1].fact
            target = _year_of(d.facts[end])
            plans = _plans(d, si, k - TARGET_REACH, k)
            if target is None or not plans:
                continue
            first = min(toks.index(t) for t in toks[max(0, k - TARGET_REACH) : k] if t.span in plans.values())
            base = _year_before(d, si, first, target)
            if base >= 0:
                for plan in plans:
                    out.setdefault(plan, []).append((base, end))
    return out


def _year_before(d: _Doc, si: int, pos: int, before: int) -> int:
    """The nearest single year of the sentence before token ``pos`` that is earlier than ``before``."""
    toks = d.m.tokens[si]
    for k in range(pos - 1, max(-1, pos - OWN_YEAR_REACH), -1):
        fi = toks[k].fact
        y = _year_of(d.facts[fi]) if fi >= 0 else None
        if y is not None and y < before:
            return fi
    return -1


def _planned(d: _Doc) -> Iterator[Relation]:
    """``span``: a plan "in N years" or "within N years" (``length``: "plans to double turnover in three years")
    against a sentence that names the same plan by a year (``end``) from a base year (``start``): "sales
    were $4bn in 2010, which it hopes to double by 2016". One pair of years per plan, or nothing."""
    targets: dict[str, list[tuple[int, int]]] | None = None
    for si, pos, fi, f in d.figures(frozenset({"duration", "relative"})):
        if f.unit != "year" or f.value is None or f.value <= 0:
            continue
        words = d.m.words[si]
        told_in = f.text.lower().startswith(("in ", "within "))
        if (
            f.kind == "relative"
            and not told_in
            or f.kind == "duration"
            and words[pos - 1 : pos]
            not in (
                ("in",),
                ("within",),
            )
        ):
            continue
        lo = max(d.m.clause_start(si, pos), pos - PLAN_REACH - 1)
        plans = _plans(d, si, lo, pos)
        if not plans:
            continue
        if targets is None:
            targets = _targets(d)
            if not targets:
                return
        pairs = [(b, e, plan) for plan in plans for b, e in targets.get(plan, ())]
        if len({(_year_of(d.facts[b]), _year_of(d.facts[e])) for b, e, _ in pairs}) != 1:
            continue
        b, e, plan = pairs[0]
        yield Relation("span", (("length", fi), ("start", b), ("end", e)), (plans[plan],), "document")


def _last_year(f: Fact) -> int | None:
    """The year a figure names, or the last year of a range of dates ("March 1991 and June 2008")."""
    y = _year_of(f)
    if y is not None or f.kind not in ("year", "date") or not f.iso or f.iso.count("/") != 1:
        return y
    last = f.iso.split("/")[1]
    return int(last[:4]) if last[:4].isdigit() else None


def _told_years(d: _Doc) -> list[tuple[int, int, bool]]:
    """(fact, year, told as past) for every year or date the text gives, ranges by their last year."""

    def read() -> list[tuple[int, int, bool]]:
        data = dates.table("ages")
        future, past = frozenset(data["future_words"]), frozenset(data["past_words"])
        out = []
        for kind in ("year", "date"):
            for fi in d.view.by_kind.get(kind, ()):
                y = _last_year(d.facts[fi])
                if y is None:
                    continue
                si = d.facts[fi].sentence
                words = set(d.m.words[si])
                told_past = not _future_in(d, si, future) and any(w.endswith("ed") or w in past for w in words)
                out.append((fi, y, told_past))
        return out

    years: list[tuple[int, int, bool]] = d.view.memo("told-years", lambda v: read())
    return years


# Future words that are also prepositions of an agent or a place ("a report published by the inspectorate"):
# they tell a time ahead only right before a figure ("by 2031", "until 2030").
_TIME_PREPOSITIONS = frozenset({"by", "until", "before"})


def _future_in(d: _Doc, si: int, future: frozenset[str]) -> bool:
    """Sentence ``si`` tells of a time ahead: a future word, "by" only before a figure ("will hire 500 more by
    2031", not "a report published by the inspectorate")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    return any(
        w in future and (w not in _TIME_PREPOSITIONS or k + 1 < len(toks) and toks[k + 1].fact >= 0)
        for k, w in enumerate(words)
    )


def _now_bounds(d: _Doc, si: int, start: int) -> tuple[tuple[str, int], ...]:
    """Without a reporting date, "now" is no earlier than the latest year the text tells of as past
    (``floor``), and no later than the latest year it tells of at all (``ceiling``) when the lead or the
    length's own sentence tells that year with its month ("until June 2008"): a news text is dated by
    the latest dated event it reports. A bare year is not enough: a profile's latest year may be long
    past ("founded 40 years ago, in 1965, the choir toured Japan in 1990")."""
    y0 = _year_of(d.facts[start])
    told = _told_years(d)
    if y0 is None or not told:
        return ()
    roles: tuple[tuple[str, int], ...] = ()
    past = [(y, fi) for fi, y, p in told if p]
    if past and max(past)[0] > y0:
        roles += (("floor", max(past)[1]),)
    latest = max(y for _, y, _ in told)
    where = _lead_sentences(d) | {si}
    ceiling = [fi for fi, y, _ in told if y == latest and d.facts[fi].sentence in where and _has_month(d.facts[fi])]
    floor = max(past)[0] if past else y0
    ahead = [(y, fi) for y, fi in _ahead_years(d) if y > max(y0, floor)]
    if ahead and (not ceiling or min(ahead)[0] < latest):
        roles += (("ceiling", min(ahead)[1]),)  # "the plant will close by 2012": now is no later
    elif latest > y0 and ceiling:
        roles += (("ceiling", ceiling[0]),)
    elif past and max(past)[0] > y0 and (recent := _recent_lead_date(d, told, max(past)[0])) >= 0:
        roles += (("recent", recent),)  # "inspectors visited in June 2025" in the lead: now is within a year
    return roles


# Sentences after the lead that still open the story and date its news ("A jail is full, inspectors said.
# Brackley held 806 men when they visited in June 2025.").
RECENT_AFTER_LEAD = 1


def _recent_lead_date(d: _Doc, told: list[tuple[int, int, bool]], year: int) -> int:
    """The lead's date told as past with its month in the latest past year ("when inspectors visited in June
    2025"): a news story reports it within the year after, whatever later years it tells as plans; -1 if none."""
    top = max(_lead_sentences(d), default=0) + RECENT_AFTER_LEAD
    return next(
        (fi for fi, y, p in told if p and y == year and d.facts[fi].sentence <= top and _has_month(d.facts[fi])), -1
    )


def _ahead_years(d: _Doc) -> list[tuple[int, int]]:
    """(year, fact) of each single year told as still ahead: a word of the future before it in its clause
    and a word that puts a time on it just before it ("will close by 2012", "will be built in 2010")."""

    def read() -> list[tuple[int, int]]:
        table = dates.table("spans")
        ahead, before = frozenset(table["ahead_words"]), frozenset(table["ahead_before"])
        out = []
        for fi in _single_years(d):
            si, pos = d.pos_of(fi)
            words = d.m.words[si]
            if pos < 1 or words[pos - 1] not in before:
                continue
            if any(w in ahead or w.endswith("'ll") for w in words[d.m.clause_start(si, pos) : pos]):
                y = _year_of(d.facts[fi])
                if y is not None:
                    out.append((y, fi))
        return out

    years: list[tuple[int, int]] = d.view.memo("ahead-years", lambda v: read())
    return years


def _has_month(f: Fact) -> bool:
    """A date that names its month ("June 2008", "3 May 2010"), or a range whose last end does."""
    last = (f.iso or "").split("/")[-1]
    return f.kind == "date" and len(last) >= 7 and last[4:5] == "-"


def _when_year(d: _Doc, si: int, pos: int) -> tuple[int, tuple[Span, ...]]:
    """The year of the event an ", when …" clause after token ``pos`` names, told in another sentence
    (see WHEN_SHARED), with the shared words; (-1, ()) if none or two that disagree."""
    words = d.m.words[si]
    j = pos + 1
    if j < len(words) and words[j] == ",":
        j += 1
    if j >= len(words) or words[j] != "when":
        return -1, ()
    hi = min(d.m.clause_end(si, j + 1), j + 1 + WHEN_REACH)
    hi = next((k for k in range(j + 1, hi) if words[k] in (",", ";", "(")), hi)  # "when X happened, Y did"
    stems = _clause_stems(d, si, j + 1, hi)
    if not stems:
        return -1, ()
    use = _stem_sentences(d)
    hits: dict[int, list[str]] = {}
    for yi in _single_years(d):
        s2 = d.facts[yi].sentence
        if s2 == si:
            continue
        shared = [st for st in stems if st in _sentence_stems(d, s2)]
        if len(shared) >= WHEN_SHARED or any(use.get(st, 0) <= RARE_SENTENCES for st in shared):
            hits[yi] = shared
    if len({_year_of(d.facts[yi]) for yi in hits}) != 1:
        return -1, ()
    yi = next(iter(hits))
    return yi, tuple(stems[st] for st in hits[yi])


def _stem_sentences(d: _Doc) -> dict[str, int]:
    """Stem → the number of sentences that use it, sentences without figures (not tokenised) included."""

    def read() -> dict[str, int]:
        out: dict[str, int] = {}
        text = d.view.text
        for sent in d.view.doc.sentences:
            chunk = text[sent.span.start : sent.span.end].lower()
            for st in {st for w in TOKEN.findall(chunk) if (st := days.stem(w))}:
                out[st] = out.get(st, 0) + 1
        return out

    counts: dict[str, int] = d.view.memo("stem-sentences", lambda v: read())
    return counts


def _ago(d: _Doc) -> Iterator[Relation]:
    """``span``: "N years ago" (``length``) against the year it counts back to (``start``): told just after
    it ("25 years ago, in 1979") or the year of the event its ", when …" clause names; the end is the
    reporting date (label ``end`` "report"), else the years the text tells of (``floor``, ``ceiling``)."""
    for si, pos, fi, f in d.figures(frozenset({"relative"})):
        if f.unit != "year" or not f.value or "ago" not in f.markers:
            continue
        toks = d.m.tokens[si]
        start = next(
            (toks[j].fact for j in range(pos + 1, min(len(toks), pos + 1 + YEAR_RESTATED)) if toks[j].fact >= 0), -1
        )
        cues: tuple[Span, ...] = ()
        if start < 0 or _year_of(d.facts[start]) is None:
            start, cues = _when_year(d, si, pos)
        if start < 0:
            start, cues = _verb_year(d, si, pos)
        if start < 0:
            start, cues = _then_year(d, si, pos)
        if start < 0:
            start = _started_aside(d, si, pos)
        if start >= 0:
            yield from _to_now(d, si, fi, start, cues)


# Tokens back from ", N years ago" to the year of the clause it is set beside ("first held in 1875 on a
# field behind the inn, 140 years ago").
ASIDE_REACH = 12


def _started_aside(d: _Doc, si: int, pos: int) -> int:
    """For ", N years ago" set after a comma at token ``pos``: the nearest year before it in its sentence,
    within ASIDE_REACH tokens with no other figure between, told with a word that starts or makes a thing
    or after "first" ("The show was first held in 1875 on a field, 140 years ago"); -1 if none."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if pos < 1 or words[pos - 1] != ",":
        return -1
    for k in range(pos - 2, max(-1, pos - 2 - ASIDE_REACH), -1):
        fi = toks[k].fact
        if fi < 0:
            if words[k] in (";", ":", "("):
                return -1
            continue
        if _year_of(d.facts[fi]) is None or d.facts[fi].kind != "year":
            return -1
        near = set(words[max(0, k - STARTED_REACH) : k])
        if _started(d, si, k) or near & (_made_words() | _FIRST_WORDS):
            return fi
        return -1
    return -1


# Words before a year that tell it as the first time of what is counted from it ("was first held in 1875").
_FIRST_WORDS = frozenset({"first", "originally"})


@functools.cache
def _made_words() -> frozenset[str]:
    return frozenset(dates.table("ages")["made_words"])


def _then_year(d: _Doc, si: int, pos: int) -> tuple[int, tuple[Span, ...]]:
    """For "N years ago" at token ``pos`` of sentence ``si``: the one year the text gives that time by "then"
    in the next sentence ("... a final nine years ago. They were then managed by Dunn, who took them to
    Wembley in 1995"), or the one year of the sentence before when the length's clause opens "That was" or
    "It was" ("The games came in 1996. That was 30 years ago"); (-1, ()) if none or two that disagree."""
    words = d.m.words[si]
    lo = d.m.clause_start(si, pos)
    if words[lo : lo + 2] in (("that", "was"), ("it", "was"), ("this", "was")) and lo + 2 == pos and si > 0:
        years = [t.fact for t in d.m.tokens[si - 1] if t.fact >= 0 and _year_of(d.facts[t.fact]) is not None]
        if years and len({_year_of(d.facts[y]) for y in years}) == 1:
            return years[-1], (d.m.tokens[si][lo].span,)
        return -1, ()
    if si + 1 >= len(d.m.words):
        return -1, ()
    words2, toks2 = d.m.words[si + 1], d.m.tokens[si + 1]
    at = [k for k, w in enumerate(words2) if w == "then" and (k == 0 or words2[k - 1] not in _NOT_THEN)]
    if not at:
        return -1, ()
    hi = next((k for k in range(at[0], len(words2)) if words2[k] in (";", ":")), len(words2))
    years = [toks2[k].fact for k in range(at[0], hi) if toks2[k].fact >= 0 and _year_of(d.facts[toks2[k].fact])]
    if not years or len({_year_of(d.facts[y]) for y in years}) != 1:
        return -1, ()
    return years[0], (toks2[at[0]].span,)


# "since then", "until then", "and then": "then" that is not the time "N years ago" names.
_NOT_THEN = frozenset("since until till by from and but even".split())


# Tokens either side of a length its clause's year may stand ("left in 2001 after 15 years"; "sold in 2004,
# 30 years after it was founded"; "Forty years on, in 2010").
END_REACH = 6
# Tokens before a year that may hold the word that starts what the length counts ("joined the bank in").
STARTED_REACH = 6
# Tokens back from a year to the "by" of an agent after its start word ("launched by the Indian Space
# Research Organisation in 2017").
AGENT_REACH = 9
# Tokens after "from" or a start word to its year, and after "until" or an end word to its year.
BOUND_REACH = 4


def _counted_after(d: _Doc, si: int, pos: int, f: Fact) -> bool:
    """The length at ``pos`` is counted up to its clause's own time: "after 15 years", "30 years after it
    was founded", "Forty years on", "two years later"."""
    words = d.m.words[si]
    if f.kind == "relative":
        return bool({"after", "later"} & set(f.markers))
    k0 = d.hedge_start(si, pos)
    if words[k0 - 1 : k0] == ("for",) and words[pos + 1 : pos + 2] == ("when",):
        return True  # "had stood for 46 years when it was demolished in 2021": up to the when's year
    if words[pos - 1 : pos] == ("after",):
        nxt = words[pos + 1 : pos + 3]
        if nxt[:1] == ("on",) or (nxt[:1] == ("of",) and nxt[1:] and nxt[1] not in _life_activities()):
            return False  # "restored in 1990 after 12 years of fundraising", "after two years on the market"
        return True
    return words[pos + 1 : pos + 2] in (("on",), ("after",), ("later",))


@functools.cache
def _life_activities() -> frozenset[str]:
    return frozenset(dates.table("spans")["life_activities"])


def _started(d: _Doc, si: int, k: int) -> bool:
    """The year at token ``k`` is told with a word that starts something ("joined the bank in 1990"), also
    before an agent ("launched by the national space agency in 2017")."""
    words = d.m.words[si]
    lo = max(0, k - STARTED_REACH)
    if set(words[lo:k]) & _start_words():
        return True
    by = -1
    for j in range(k - 1, max(-1, k - AGENT_REACH - 1), -1):
        if words[j] in (",", ";", "(") or d.m.tokens[si][j].fact >= 0 and j < k - 1:
            break
        if words[j] == "by":
            by = j
            break
    return by > 0 and words[by - 1] in _start_words()


@functools.cache
def _start_words() -> frozenset[str]:
    return frozenset(dates.table("spans")["start_words"])


def _start_before(d: _Doc, si: int, before: int) -> int:
    """The nearest single year told with a start word before token ``before`` of sentence ``si``, or in the
    sentence before it; -1 if none or the nearest earlier year starts nothing."""
    for s2, hi in ((si, before), (si - 1, None)):
        if s2 < 0:
            break
        toks = d.m.tokens[s2]
        for k in range(len(toks) - 1 if hi is None else hi - 1, -1, -1):
            fi = toks[k].fact
            if fi >= 0 and _year_of(d.facts[fi]) is not None:
                return fi if _started(d, s2, k) else -1
    return -1


def _lengths_to_then(d: _Doc) -> Iterator[Relation]:
    """``span``: a length counted up to its clause's year (``length``, ``end``: "She left in 2001 after 15
    years", "sold in 2004, 30 years after it was founded", "Forty years on, in 2010, ...") from the nearest
    year before it told with a start word (``start``: "joined the bank in 1990", "opened in 1965")."""
    for si, pos, fi, f in d.figures(frozenset({"duration", "relative"})):
        if f.unit != "year" or f.value is None or f.value <= 0 or f.is_range or not _counted_after(d, si, pos, f):
            continue
        toks = d.m.tokens[si]
        words = d.m.words[si]
        lo, hi = max(0, pos - END_REACH), min(len(toks), pos + END_REACH + 1)
        lo = max([lo] + [k + 1 for k in range(lo, pos) if words[k] in (";", ":")])
        hi = min([hi] + [k for k in range(pos, hi) if words[k] in (";", ":")])
        ends = [k for k in range(lo, hi) if toks[k].fact >= 0 and _year_of(d.facts[toks[k].fact]) is not None]
        if words[pos + 1 : pos + 2] == ("when",):
            ends = [k for k in ends if k > pos][:1]  # "for 46 years when it was demolished in 2021"
        if len(ends) > 1 and words[pos - 1 : pos] == ("after",) and ends[-1] < pos:
            # "was elected in 1983 and retired in 2001 after 22 years": the year just before "after N years" is its
            # end, when the sentence tells one year before it (its start; with two, which one is not known).
            earlier = [k for k in range(ends[-1]) if toks[k].fact >= 0 and _year_of(d.facts[toks[k].fact]) is not None]
            if len(earlier) != 1:
                continue
            ends = ends[-1:]
        if len(ends) != 1:
            continue
        end = toks[ends[0]].fact
        start = _start_before(d, si, min(ends[0], pos))
        if start < 0 and ends[0] < pos:
            start = _named_start(d, si, pos + (f.kind == "duration"))
        if start >= 0 and words[pos + 1 : pos + 2] == ("when",) and d.facts[start].sentence != f.sentence:
            continue  # "for two years when he died in 2001": only a start of its own sentence is what it counts
        y0, y1 = (_year_of(d.facts[start]) if start >= 0 else None), _year_of(d.facts[end])
        if y0 is not None and y1 is not None and y0 < y1:
            yield Relation("span", (("length", fi), ("start", start), ("end", end)), (), "document")


# Tokens from "N years before" to the year of the event it names ("eight years before it collapsed in 2016").
BEFORE_AFTER_REACH = 6
# Words that end the clause of that event.
_CLAUSE_STOPS = frozenset({",", ";", ":", "(", ")", "but", "and", "while"})


def _years_told_apart(d: _Doc) -> Iterator[Relation]:
    """``span``: a length of years set between two years, told "before" or "after" the event whose year follows
    it in its clause: "was listed in 2012, eight years before it collapsed in 2016" (``start`` 2012, ``end``
    2016); "closed in 1999, 12 years after it opened in 1987" (``start`` 1987, ``end`` 1999). The year before
    the length is the one just before its comma."""
    for si, pos, fi, f in d.figures(frozenset({"duration", "relative"})):
        if f.unit != "year" or not f.value or f.is_range:  # "eight years before" holds -8
            continue
        words, toks = d.m.words[si], d.m.tokens[si]
        nxt = pos + 1
        while nxt < len(words) and toks[nxt].fact == fi:
            nxt += 1
        if f.kind == "relative":
            last = f.text.lower().split()[-1]  # "eight years before": its own last word
            word = last if last in ("before", "after") else ""
            nxt -= 1
        else:
            word = words[nxt] if nxt < len(words) and words[nxt] in ("before", "after") else ""
        k0 = d.hedge_start(si, pos) - 1
        if not word or k0 < 1 or words[k0] != "," or toks[k0 - 1].fact < 0:
            continue
        told = _year_of(d.facts[toks[k0 - 1].fact])
        later = -1
        for k in range(nxt + 1, min(len(words), nxt + 1 + BEFORE_AFTER_REACH)):
            if words[k] in _CLAUSE_STOPS:
                break
            if toks[k].fact >= 0 and toks[k].fact != fi:
                later = k
                break
        other = _year_of(d.facts[toks[later].fact]) if later >= 0 else None
        if told is None or other is None:
            continue
        a, b = toks[k0 - 1].fact, toks[later].fact
        if word == "after":
            a, b, told, other = b, a, other, told
        if told < other:
            yield Relation("span", (("length", fi), ("start", a), ("end", b)), (), "sentence")


def _bounded_lengths(d: _Doc) -> Iterator[Relation]:
    """``span``: a length that something lasted (``length``: "lasted nine years", "for 12 years, from …")
    against the year its sentence says it began (``start``: "from 1990", "began in 1994") and the year it
    says it ended (``end``: "until her retirement in 1996", "ended in 2001")."""
    table = dates.table("spans")
    lasted, ended = frozenset(table["lasted_words"]), frozenset(table["end_words"])
    begun = _start_words() | {"from"}
    spent, done = frozenset(table["spent_words"]), frozenset(table["done_words"])
    work = frozenset(table["work_start_words"])
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if f.unit != "year" or f.value is None or f.is_range:
            continue
        words, toks = d.m.words[si], d.m.tokens[si]
        k0 = d.hedge_start(si, pos)
        if f.hedge != "exact" and k0 == pos and k0 >= 2 and words[k0 - 2] == "for":
            k0 -= 1  # "for almost eight years": the hedge word the fact carries
        after = words[pos + 1 : pos + 1 + BOUND_REACH]
        # "for 12 years, from 1990 until 2002"; "began in April 2016 and carried on for almost eight years until
        # an auditor raised the alarm in March 2024": the years before and after bound it.
        told_for = words[k0 - 1 : k0] == ("for",) and ("from" in after or bool(set(after) & _span_until()))
        told_for = told_for or _apposed_period(words, k0) or _named_begun(words, pos, f.text)
        if (
            k0 >= 1
            and (words[k0 - 1] in spent or words[k0 - 1] in lasted)
            and all(t.fact < 0 or d.facts[t.fact].kind not in ("year", "date") for t in toks)
        ):
            # "Morgan spent seven years writing the book. She began it in 2013 and finished it in 2024."
            near = _years_next_door(d, si, work, done)
            if near is not None:
                yield Relation("span", (("length", fi), ("start", near[0]), ("end", near[1])), (), "document")
            continue
        if not told_for and not (pos >= 1 and words[pos - 1] in lasted):
            continue
        years = [k for k, t in enumerate(toks) if t.fact >= 0 and _year_of(d.facts[t.fact]) is not None]
        if len(years) != 2:
            continue
        (ka, kb) = years
        if ";" in words[min(pos, ka) : max(pos, kb)]:
            continue  # "The restoration took four years; the chapel opened in 1870 and closed in 1990": another clause
        if not set(words[max(0, ka - BOUND_REACH) : ka]) & (begun | _START_PLAIN):
            continue
        until_after = pos < kb and words[pos + 1 : pos + 2] and words[pos + 1] in _span_until()
        if not until_after and not set(words[max(ka + 1, kb - BOUND_REACH - 2) : kb]) & (ended | _span_until()):
            continue  # "for eight years until an auditor raised the alarm in March 2024": the until ends it
        a, b = toks[ka].fact, toks[kb].fact
        ya, yb = _year_of(d.facts[a]), _year_of(d.facts[b])
        if ya is not None and yb is not None and ya < yb:
            yield Relation("span", (("length", fi), ("start", a), ("end", b)), (), "sentence")


# Plain forms of "start" that put a start on the first of two bounding years ("due to start in January 2025").
_START_PLAIN = frozenset({"start", "starts", "begin", "begins"})
# Nouns of a stretch of time an apposition names a length by (", a construction period of about two years").
_PERIOD_NOUNS = frozenset("period span spell stretch programme schedule timetable".split())
# Tokens back from the length to the comma that opens its apposition.
APPOSED_REACH = 5


# Words of the noun a compound length names ("the nine-year civil war began …"), read up to its verb.
NAMED_NOUN_REACH = 3
# Words between that noun and its start verb ("the six-year project, which officially began in 2010").
_NAMED_LINKS = frozenset({",", "which", "that", "had", "has", "was", "first", "officially"})


def _named_begun(words: tuple[str, ...], pos: int, text: str) -> bool:
    """The length at token ``pos`` is a compound naming a thing whose own start verb follows it: "The
    nine-year war began in 2003 and ended in 2014"; "the six-year project, which started in 2010, …"."""
    if "-" not in text:
        return False
    k = pos + 1
    while k < len(words) and k <= pos + NAMED_NOUN_REACH and words[k].isalpha() and words[k] not in _NAMED_LINKS:
        if words[k] in BEGIN_WORDS:
            return k > pos + 1
        k += 1
    if k == pos + 1:
        return False
    while k < len(words) and words[k] in _NAMED_LINKS:
        k += 1
    return k < len(words) and words[k] in BEGIN_WORDS


def _apposed_period(words: tuple[str, ...], k0: int) -> bool:
    """The length starting at token ``k0`` closes its sentence in an apposition that names a period ("start in
    January 2025 and finish by summer 2027, a construction period of about two and a half years")."""
    if words[k0 - 1 : k0] != ("of",):
        return False
    lo = max(0, k0 - APPOSED_REACH)
    comma = next((k for k in range(k0 - 1, lo - 1, -1) if words[k] == ","), -1)
    return comma >= 0 and bool(set(words[comma:k0]) & _PERIOD_NOUNS)


def _years_next_door(d: _Doc, si: int, begun: frozenset[str], ended: frozenset[str]) -> tuple[int, int] | None:
    """(start, end) years of the sentence after the length's, else the one before, that opens on a pronoun or
    on a name of the length's sentence and tells exactly two years, the first after a word that starts
    something ("She began the first draft in 2013") and the second after one that ends it, past the first
    ("and finished it in 2024"). None when there is no such sentence."""
    own = {w for w in d.m.words[si] if w.isalpha()}
    for s2 in (si + 1, si - 1):
        if not 0 <= s2 < len(d.m.tokens):
            continue
        toks2, words2 = d.m.tokens[s2], d.m.words[s2]
        if not words2 or not (words2[0] in _PRONOUNS or words2[0] in own and words2[0] not in STOPWORDS):
            continue
        years = [k for k, t in enumerate(toks2) if t.fact >= 0 and _year_of(d.facts[t.fact]) is not None]
        if len(years) != 2 or any(d.facts[toks2[k].fact].is_range for k in years):
            continue
        ka, kb = years
        if set(words2[:ka]) & begun and set(words2[ka + 1 : kb]) & ended:
            return toks2[ka].fact, toks2[kb].fact
    return None


# Units of a length counted between two days or months ("lasted 12 days, from 3 May to 25 May").
_SHORT_UNITS = frozenset({"day", "week", "month"})


@functools.cache
def _whole_after() -> frozenset[tuple[str]]:
    """Nouns after "after a N-day" that name the whole time between two dates (``[spans] whole_after_nouns``)."""
    return frozenset((w,) for w in dates.table("spans")["whole_after_nouns"])


def _dated_lengths(d: _Doc) -> Iterator[Relation]:
    """``span``: a length in days, weeks or months that something lasted (``length``: "lasted 12 days",
    "ran for six months") against the one range of dates in its sentence (``range``: "from 3 May to 25
    May", "January to October"), or against a day it began (``start``: "began on 1 March") and a day it
    ended (``end``: "ending on 12 April"), or "after N days" told after two dates ("left on 3 May and docked on
    9 May, after six days at sea"). The judge counts in days, or in months for months alone."""
    table = dates.table("spans")
    lasted, ended = frozenset(table["lasted_words"]), frozenset(table["end_words"])
    begun = _start_words() | {"from"}
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if f.unit not in _SHORT_UNITS or f.value is None or f.is_range:
            continue
        words, toks = d.m.words[si], d.m.tokens[si]
        dated = [k for k, t in enumerate(toks) if t.fact >= 0 and d.facts[t.fact].kind == "date"]
        # "after a nine-day closure": a length set before its noun, after "after a", counts the days between too
        after_a = (
            pos >= 2
            and words[pos - 2 : pos] == ("after", "a")
            and "-" in f.text
            and words[pos + 1 : pos + 2] in _whole_after()
        )
        if pos >= 1 and (words[pos - 1] == "after" or after_a) and len(dated) == 2 and dated[1] < pos:
            # "left on 3 May and docked on 9 May, after 10 days at sea": the days between the two dates; not
            # "after nine days of evidence", days of something within them (`[timeline] not_after`).
            if not_elapsed(words, pos):
                continue
            ka, kb = dated
            if not any("/" in (d.facts[toks[k].fact].iso or "") for k in dated):
                yield Relation(
                    "span", (("length", fi), ("start", toks[ka].fact), ("end", toks[kb].fact)), (), "sentence"
                )
            continue
        first = _first_of(d, si, pos)
        if first is not None:
            yield Relation(
                "span", (("length", fi), ("start", first[0]), ("end", first[1])), (), "document", (("from", "first"),)
            )
            continue
        apposed = _apposed_range(d, si, pos)
        if apposed >= 0:
            yield Relation("span", (("length", fi), ("range", apposed)), (), "sentence")
            continue
        # "The three-week trial began on 2 June", "the 10-day festival runs from": a length set before its noun.
        compound = "-" in f.text and pos + 1 < len(words) and words[pos + 1].isalpha()
        if not (pos >= 1 and (words[pos - 1] in lasted or words[pos - 1] == "for")) and not compound:
            continue
        if not dated and not any(t.fact >= 0 and d.facts[t.fact].kind == "year" for t in toks):
            # "The hostages were held for three weeks. They were seized on 1 June and freed on 8 June."
            near = _dated_next_door(d, si, pos, begun, ended | _span_until() | {"ending", "ended"})
            if near is not None:
                yield Relation("span", (("length", fi), ("start", near[0]), ("end", near[1])), (), "document")
            continue
        ranges = [k for k in dated if "/" in (d.facts[toks[k].fact].iso or "")]
        if (
            len(dated) == 1
            and ranges
            and (words[ranges[0] - 1] == "from" or d.facts[toks[ranges[0]].fact].text[:4].lower() == "from")
        ):
            yield Relation("span", (("length", fi), ("range", toks[ranges[0]].fact)), (), "sentence")
            continue
        if len(dated) != 2 or ranges:
            continue
        ka, kb = dated
        if not set(words[max(0, ka - BOUND_REACH) : ka]) & begun:
            continue
        if not set(words[max(ka + 1, kb - BOUND_REACH) : kb]) & (ended | _span_until() | {"ending", "ended"}):
            continue
        roles = (("length", fi), ("start", toks[ka].fact), ("end", toks[kb].fact))
        yield Relation("span", roles, (), "sentence")


# Words that open a range of dates a length may be apposed to ("between 3 March and 14 April").
_RANGE_OPENERS = frozenset({"from", "between"})
# Determiners that open an apposition naming a stretch of time (", a closure of nearly nine weeks").
_APPOSED_DETS = frozenset({"a", "an", "some"})


def _apposed_range(d: _Doc, si: int, pos: int) -> int:
    """The range of dates the length at token ``pos`` stands in apposition to, right after its comma: "shut
    between 3 March and 14 April, a closure of nearly nine weeks"; "runs from March to June, four months of
    concerts". -1 when the length does not follow such a range."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = d.hedge_start(si, pos) - 1
    if words[k : k + 1] == ("of",):
        lo = max(0, k - APPOSED_REACH)
        comma = next((j for j in range(k - 1, lo - 1, -1) if words[j] == ","), -1)
        if comma < 0 or words[comma + 1] not in _APPOSED_DETS:
            return -1
        k = comma
    if k < 1 or words[k] != ",":
        return -1
    ri = toks[k - 1].fact
    if ri < 0 or d.facts[ri].kind != "date" or "/" not in (d.facts[ri].iso or ""):
        return -1
    head = next((j for j in range(k - 1, -1, -1) if toks[j].fact != ri), -1)
    opened = d.facts[ri].text.split(" ")[0].lower() in _RANGE_OPENERS
    return ri if opened or head >= 0 and words[head] in _RANGE_OPENERS else -1


# Tokens before "closed for N years" that may hold the "been" of its perfect ("will have been closed for").
SHUT_PERFECT = 4


def _closed_between(d: _Doc) -> Iterator[Relation]:
    """``span``: the length a thing will have been shut for when it reopens (``length``: "When it reopens, the
    bridge will have been closed for two and a half years"), told without dates of its own, against the one
    other sentence that tells when it shut and when it reopens (``start``: "closed since March 2023", ``end``:
    "will reopen in September 2025"); shut and reopen words are ``[spans] shut_words`` and ``reopen_words``.
    Not "has been closed for two years" told of now, without a word of its reopening."""
    table = dates.table("spans")
    shut, reopen = frozenset(table["shut_words"]), frozenset(table["reopen_words"])
    pairs: list[tuple[int, int, int]] | None = None
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if f.unit not in ("year", "month") or f.value is None or f.is_range or pos < 3:
            continue
        words, toks = d.m.words[si], d.m.tokens[si]
        if (
            words[pos - 1] != "for"
            or words[pos - 2] not in shut
            or "been" not in words[pos - 2 - SHUT_PERFECT : pos - 2]
        ):
            continue
        if not set(words) & reopen and "will" not in words[pos - 2 - SHUT_PERFECT : pos - 2]:
            continue  # "has been shut for two years": to now, not to its reopening
        if any(t.fact >= 0 and d.facts[t.fact].kind in ("year", "date") for t in toks):
            continue
        if pairs is None:
            pairs = _shut_and_reopened(d, shut, reopen)
        found = [(a, b) for a, b, s2 in pairs if s2 != si]
        if len(found) == 1:
            yield Relation("span", (("length", fi), ("start", found[0][0]), ("end", found[0][1])), (), "document")


def _shut_and_reopened(d: _Doc, shut: frozenset[str], reopen: frozenset[str]) -> list[tuple[int, int, int]]:
    """(start, end, sentence) of each sentence that tells exactly two years or dates, the first after "since" or
    a shut word ("closed since March 2023") and the second after a reopen word ("will reopen in September 2025")."""
    out = []
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        dated = [k for k, t in enumerate(toks) if t.fact >= 0 and _year_of(d.facts[t.fact]) is not None]
        if len(dated) != 2:
            continue
        ka, kb = dated
        if not set(words[max(0, ka - BOUND_REACH) : ka]) & (shut | {"since"}):
            continue
        if set(words[max(ka + 1, kb - BOUND_REACH) : kb]) & reopen:
            out.append((toks[ka].fact, toks[kb].fact, si))
    return out


# Sentences either side of "for the 12th year" read for the length of the same run ("for a decade").
NTH_REACH = 4
# Content words two sentences must share to tell one run ("refused to sign off the accounts").
NTH_SHARED = 2
_NTH_AFTER = frozenset({"consecutive", "successive", "straight"})
_NTH_UNITS = frozenset({"year", "season"})


def _run_words(words: tuple[str, ...]) -> frozenset[str]:
    """The stems of a sentence's content words, years and common words aside."""
    return frozenset(
        st
        for w in words
        if len(w) >= 4 and w.isalpha() and w not in STOPWORDS and w not in ("year", "years", "said", "says")
        if (st := days.stem(w))
    )


def _nth_ordinals(d: _Doc) -> Iterator[tuple[int, int]]:
    """(sentence, fact) of each "for the 12th year" told of a run: read in the tokens, or left out of
    them as an aside before the figures a verb moves (``Mentions.runs``)."""
    for si, pos, fi, f in d.figures(frozenset({"ordinal"})):
        words = d.m.words[si]
        k = pos + 1
        if k < len(words) and words[k] in _NTH_AFTER:
            k += 1
        if k >= len(words) or words[k] not in _NTH_UNITS or words[k + 1 : k + 2] == ("of",):
            continue
        if "for" not in words[max(0, pos - 3) : pos] or f.value is None or f.value < 2:
            continue
        yield si, fi
    for fi, (si, unit) in sorted(d.m.runs.items()):
        if singular(unit) in _NTH_UNITS:
            yield si, fi


def _nth_years(d: _Doc) -> Iterator[Relation]:
    """``span``: a run told by its count of years ("for the 12th year running the auditors refused to sign off the
    accounts", ``nth``) against its length told in a sentence near it of the same run ("have refused to sign off
    the accounts for a decade", ``length``): the Nth year means N - 1 or N years. The sentences must share two
    content words; one length only."""
    for si, fi in _nth_ordinals(d):
        words = d.m.words[si]
        own = _run_words(words)
        found = []
        for s2 in range(max(0, si - NTH_REACH), min(len(d.m.tokens), si + NTH_REACH + 1)):
            if s2 == si or len(own & _run_words(d.m.words[s2])) < NTH_SHARED:
                continue
            w2, t2 = d.m.words[s2], d.m.tokens[s2]
            for j, t in enumerate(t2):
                g = d.facts[t.fact] if t.fact >= 0 else None
                if g is None or g.kind != "duration" or g.unit != "year" or g.value is None or g.is_range:
                    continue
                if j >= 1 and w2[j - 1] == "for" or j >= 3 and w2[j - 3] == "for" and w2[j - 1] in ("past", "last"):
                    found.append(t.fact)
        if len(found) == 1:
            yield Relation("span", (("length", found[0]), ("nth", fi)), (), "document")


# Tokens after "until" to the day it names ("until a rival opened on 20 January").
UNTIL_REACH = 6


def _first_of(d: _Doc, si: int, pos: int) -> tuple[int, int] | None:
    """(the year or month, the day that ends it) of "for the first N days of 1985" / "of March" at token ``pos``,
    ended by a day told after "until" in its sentence ("..., until a rival opened on 20 January") or by the one
    day of the next sentence when that opens with "Then" ("Then on 10 January its rival launched")."""
    toks, words = d.m.tokens[si], d.m.words[si]
    if pos < 3 or pos + 2 >= len(words) or words[pos + 1] != "of" or words[pos - 2 : pos] != ("the", "#"):
        return None
    if words[pos - 3] != "for" or d.facts[toks[pos - 1].fact].text.lower() != "first":
        return None
    of = toks[pos + 2].fact
    iso = d.facts[of].iso or "" if of >= 0 else ""
    if not (iso.isdigit() and len(iso) == 4 or d.facts[of].kind == "date" and re.fullmatch(r"(\d{4}|-)-\d\d", iso)):
        return None  # a year or a month ("1985", "--03", "1985-03")
    until = next((k for k in range(pos + 3, len(words)) if words[k] in ("until", "till")), -1)
    if until >= 0:
        ends = [k for k in range(until + 1, min(len(toks), until + 1 + UNTIL_REACH)) if toks[k].fact >= 0]
        end = toks[ends[0]].fact if ends else -1
    elif si + 1 < len(d.m.tokens) and d.m.words[si + 1][:1] == ("then",):
        days = [t.fact for t in d.m.tokens[si + 1] if t.fact >= 0 and d.facts[t.fact].kind == "date"]
        end = days[0] if len(days) == 1 else -1
    else:
        return None
    if end < 0 or d.facts[end].kind != "date" or "/" in (d.facts[end].iso or ""):
        return None
    return of, end


def _dated_next_door(
    d: _Doc, si: int, pos: int, begun: frozenset[str], ended: frozenset[str]
) -> tuple[int, int] | None:
    """(start, end) dates of the sentence after the length's, else the one before, that tells exactly two days,
    the first with a word that starts something ("were seized on 1 June") and the second with one that ends it
    ("and freed on 8 June"). None when the length is a term ahead ("was jailed for three weeks", "will run for")
    or no sentence next to it tells such days."""
    words = d.m.words[si]
    if set(words[d.m.clause_start(si, pos) : pos]) & _never():
        return None
    for s2 in (si + 1, si - 1):
        if not 0 <= s2 < len(d.m.tokens):
            continue
        toks2, words2 = d.m.tokens[s2], d.m.words[s2]
        dated = [k for k, t in enumerate(toks2) if t.fact >= 0 and d.facts[t.fact].kind == "date"]
        if len(dated) != 2 or any("/" in (d.facts[toks2[k].fact].iso or "") for k in dated):
            continue
        ka, kb = dated
        if (
            set(words2[max(0, ka - BOUND_REACH) : ka]) & begun
            and set(words2[max(ka + 1, kb - BOUND_REACH) : kb]) & ended
        ):
            return toks2[ka].fact, toks2[kb].fact
    return None


# Words of ``[tenure] never`` that may tell a time gone by when its days are told next to it ("were held for
# three weeks. They were seized on 1 June and freed on 8 June").
_GONE_BY = frozenset("held detained locked suspended banned barred exiled".split())


@functools.cache
def _never() -> frozenset[str]:
    """Words that make a length a term ahead, not a time gone by ("was jailed for", "will run for")."""
    return frozenset(dates.table("tenure")["never"]) - _GONE_BY


@functools.cache
def _span_until() -> frozenset[str]:
    return frozenset(dates.table("spans")["until_words"]) | {"to"}


# Tokens before "for N years" that may hold the perfect tense that runs it to now ("has now been trading").
PERFECT_REACH = 6
# Tokens before "N years ago" that may hold the verb of what happened then ("was founded 30 years ago").
AGO_VERB_REACH = 3
# Tokens before a year that may hold that same verb in another sentence ("It was founded in 1975").
VERB_YEAR_REACH = 3
# Words that open a sentence about the same subject ("It opened in 1975"); not "Its cafe", another thing.
_PRONOUNS = frozenset("it he she they".split())


def _held_to_now(d: _Doc) -> Iterator[Relation]:
    """``span``: a length held up to now (``length``: "has now been trading for 30 years", "has been open for
    30 years") against the year its sentence says it started (``start``: "founded in 1975"), or the sentence
    next to it when that one opens with a pronoun ("It opened in 1975"); the end is the reporting date, else
    the years the text reports. Not "had been" (ended before now) nor "for N years, since" (``_spans``). A length told after a verb
    of time spent (``[spans] spent_words``: "launched in 2017, it has now spent nine years in orbit") may be a
    time inside that span (label ``within``): only a longer one is wrong."""
    spent = frozenset(dates.table("spans")["spent_words"])
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if f.unit != "year" or f.value is None or f.is_range or pos < 1:
            continue
        words, toks = d.m.words[si], d.m.tokens[si]
        verb = pos - 1
        while verb > 0 and toks[verb].fact >= 0 and d.facts[toks[verb].fact].kind == "relative":
            verb -= 1  # "has now spent": "now" is a figure of its own
        if words[pos - 1] != "for" and words[verb] not in spent:
            continue
        lo = max(d.m.clause_start(si, pos), pos - PERFECT_REACH)
        before = words[lo:pos]
        if not {"has", "have", "'s"} & set(before) or "had" in before or "since" in words[pos + 1 : pos + 4]:
            continue
        starts = [y for y in _started_years(d, si) if d.pos_of(y)[1] < pos]  # "founded in 1975, has been ..."
        if not starts:
            for s2 in (si - 1, si + 1):
                if 0 <= s2 < len(d.m.words) and d.m.words[s2][:1] and d.m.words[s2][0] in _PRONOUNS:
                    starts += _started_years(d, s2)
        if len({_year_of(d.facts[y]) for y in starts}) != 1:
            continue
        if words[verb] in spent and d.facts[starts[0]].sentence == si:
            k0 = d.pos_of(starts[0])[1]
            if set(words[k0 + 1 : verb]) & _ANOTHER_SUBJECT:
                continue  # "launched in 2014, and its chief engineer has spent 30 years": another's time
        yield from _to_now(d, si, fi, starts[0], (), words[verb] in spent)


# Words just before "N years" that count it back from now ("the store's home for the past 112 years").
_PAST_RUN = (("the", "past"), ("the", "last"))
# Words before "after N years" that tell the clause as still ahead, so its length runs to now ("MP to stand
# down after 23 years", "will retire after 30 years").
_AHEAD_AFTER = frozenset("to will 'll".split())


def _runs_to_now(d: _Doc, si: int, pos: int) -> bool:
    """The length at token ``pos`` runs from a start up to now: "has been open for nearly three decades",
    "have waited seven years", "for the past 112 years", "to stand down after 23 years"."""
    words = d.m.words[si]
    h = d.hedge_start(si, pos)  # "for nearly three decades": the word before the hedge
    lo = max(d.m.clause_start(si, pos), h - PERFECT_REACH)
    before = words[lo:h]
    if "had" in before or "since" in words[pos + 1 : pos + 4]:
        return False  # "had run for 12 years": ended before now; "for 12 years, since 1990": the year readers'
    if words[max(0, h - 3) : h] in tuple(("for", *w) for w in _PAST_RUN):
        return True
    if words[h - 1 : h] == ("after",):
        return bool(set(before) & _AHEAD_AFTER)
    if words[h - 2 : h - 1] and words[h - 2] in _term_verbs():
        return False  # "has been jailed for four years": a term handed down, not a run to now
    return bool({"has", "have", "'s", "'ve"} & set(before)) and (
        words[h - 1 : h] == ("for",) or days.is_action(words[h - 1])
    )


@functools.cache
def _term_verbs() -> frozenset[str]:
    return frozenset(dates.table("spans")["term_verbs"])


# Shared words that tie a length to the sentence that tells its start: at least this many, or one rare.
START_SHARED = 2


# Letters two forms of one verb share ("opened" and "open for", "began" and "has been going"): its root.
ROOT_LETTERS = 4


def _start_echo(d: _Doc, s2: int, k: int, si: int) -> list[str]:
    """The start word told with the year at token ``k`` of sentence ``s2`` when sentence ``si`` uses its root
    ("The jail opened in 1997" … "has been open for nearly three decades"), as one more shared word."""
    root = {w[:ROOT_LETTERS] for w in d.m.words[si] if len(w) >= ROOT_LETTERS and w not in STOPWORDS}
    words = d.m.words[s2]
    near = words[max(0, k - STARTED_REACH) : k + STARTED_REACH]
    return [w for w in near if w in _start_words() and w[:ROOT_LETTERS] in root][:1]


def _opens_started(d: _Doc, si: int, k: int) -> bool:
    """The year at token ``k`` opens its sentence and a start word follows in its clause ("In 1923 her son
    moved it to Market Street")."""
    words = d.m.words[si]
    if words[k - 1 : k] != ("in",) or d.m.clause_start(si, k) < k - 1:
        return False
    return bool(set(words[k + 1 : min(d.m.clause_end(si, k), k + 1 + STARTED_REACH)]) & _start_words())


# Tokens from a sentence's start that name its subject before the verb ("The village clinic opened in 1990").
SUBJECT_REACH = 4


def _subject_shared(d: _Doc, s2: int, stems: dict[str, Span]) -> bool:
    """The subject that opens sentence ``s2``, up to its first verb, is a word of the length's sentence ("A
    clinic that has served the town for 35 years" … "The clinic opened in 1990")."""
    words = d.m.words[s2]
    lo = opening_end(d.m.tokens[s2])  # "But the clinic opened ...": past the discourse opener
    for w in words[lo : lo + SUBJECT_REACH]:
        if w in _start_words() or w in _AUXILIARIES or not w[:1].isalpha():
            return False
        if (st := days.stem(w)) and st in stems:
            return True
    return False


# Words that end a sentence's subject ("The Harbour Road bakery, the family's shop for ... , is to close").
_SUBJECT_ENDS = frozenset("has have had is are was were will to that which who whose 's".split())


def _subject_stems(d: _Doc, si: int) -> set[str]:
    """The stems of the subject that opens sentence ``si``, up to its verb or relative pronoun and at most
    SUBJECT_REACH words ("Its director, Ann Lowe, has worked" → direc, lowe; "A clinic that has served" →
    clini)."""
    words = d.m.words[si]
    lo = opening_end(d.m.tokens[si])
    out: set[str] = set()
    for w in words[lo : lo + SUBJECT_REACH + 2]:
        if w in _SUBJECT_ENDS:
            break
        if (st := days.stem(w)) is not None:
            out.add(st)
    return out


def _start_elsewhere(d: _Doc, si: int) -> tuple[int, tuple[Span, ...]]:
    """The start of what the length in sentence ``si`` counts, told in another sentence of the text: a year
    after "since" or a start word ("has been open for nearly three decades" … "The jail opened in 2007";
    "has held the seat since 1997" … "to stand down after 23 years"), its sentence sharing the most words
    with the length's (START_SHARED, one word few sentences use, or any word for "since"). (-1, ()) when none, or two
    years tie."""
    stems = _sentence_stems(d, si)
    use = _stem_sentences(d)
    now = max((y for _, y, past in _told_years(d) if past), default=0)
    subject = _subject_stems(d, si)
    best: dict[int, list[tuple[int, list[str]]]] = {}
    for yi in _single_years(d):
        s2, k = d.pos_of(yi)
        f = d.facts[yi]
        if s2 == si or f.is_range or f.kind not in ("year", "date") or k < 1 or (_year_of(f) or now) >= now:
            continue  # the story's own year is when the run is told, not when it began
        if d.m.words[s2][k - 1] != "since" and not _started(d, s2, k) and not _opens_started(d, s2, k):
            continue
        told = _sentence_stems(d, s2)
        if subject and not subject & told.keys():
            continue  # "Its director has worked at the museum for 12 years": not the museum's own run
        shared = [st for st in stems if st in told] + _start_echo(d, s2, k, si)
        if "had" in d.m.words[s2][max(0, k - HAD_SINCE_REACH) : k]:
            continue  # "who had represented Eastfield since 2006": a run that ended before now
        since = d.m.words[s2][k - 1] == "since"  # "has held the seat since 1997": itself a run to now
        rare = any(use.get(st, 0) <= RARE_SENTENCES for st in shared)
        if shared and (since or rare or len(shared) >= START_SHARED or _subject_shared(d, s2, stems)):
            best.setdefault(len(shared), []).append((yi, shared))
    if not best:
        return -1, ()
    top = best[max(best)]
    if len({_year_of(d.facts[yi]) for yi, _ in top}) != 1:
        return -1, ()
    yi, shared = top[0]
    told = _sentence_stems(d, d.facts[yi].sentence)
    return yi, tuple(told[st] for st in shared if st in told)


# Tokens from a length to the "from" that names the event it is counted from ("took almost five years from the
# first foundations to the final connection").
FROM_REACH = 2
# Letters of a word kept to find an event named again in other words ("connection" ... "was connected").
EVENT_LETTERS = 4


def _event_roots(words: Sequence[str]) -> set[str]:
    return {w[:EVENT_LETTERS] for w in words if len(w) >= EVENT_LETTERS and w.isalpha() and w not in STOPWORDS}


def _from_to_events(d: _Doc, si: int, pos: int) -> tuple[set[str], set[str]] | None:
    """The words of the two events a length at token ``pos`` is told between, "from <A> to <B>" right after it
    and naming no date of its own ("took almost five years from the first foundations to the final
    connection"), by their first letters."""
    words, toks = d.m.words[si], d.m.tokens[si]
    start = next((k for k in range(pos + 1, min(len(words), pos + 1 + FROM_REACH)) if words[k] == "from"), -1)
    if start < 0:
        return None
    end = d.m.clause_end(si, start)
    to = next((k for k in range(start + 1, end) if words[k] in ("to", "until")), -1)
    stop = next((k for k in range(to + 1, end) if words[k] in (",", ";")), end) if to > 0 else -1
    if to < 0 or any(t.fact >= 0 and d.facts[t.fact].kind != "ordinal" for t in toks[start:stop]):
        return None  # "from the first foundations": an ordinal is a word of the event's name, a date is not
    said = _said_words(d, si)
    first, last = _event_roots(said[start + 1 : to]), _event_roots(said[to + 1 : stop])
    return (first, last) if first and last else None


def _said_words(d: _Doc, si: int) -> tuple[str, ...]:
    """Sentence ``si``'s words with each ordinal read by its word ("the first foundations")."""
    toks = d.m.tokens[si]
    return tuple(
        d.facts[t.fact].text.lower() if t.fact >= 0 and d.facts[t.fact].kind == "ordinal" else w
        for t, w in zip(toks, d.m.words[si], strict=True)
    )


def _told_from(d: _Doc, si: int, k: int) -> int:
    """Where the words that tell what happened at the date at token ``k`` begin: after the comma or figure
    before it ("The last turbine was connected in February 2026, completing a project whose first foundations
    were laid in April 2021": "completing ... laid in" is April 2021's)."""
    words, toks = d.m.words[si], d.m.tokens[si]
    lo = d.m.clause_start(si, k)
    return next(
        (
            j + 1
            for j in range(k - 1, lo - 1, -1)
            if words[j] in (",", ";") or toks[j].fact >= 0 and d.facts[toks[j].fact].kind != "ordinal"
        ),
        lo,
    )


def _dated_event(d: _Doc, si: int, roots: set[str]) -> int:
    """The one date or year of another sentence whose own words (``_told_from``) name most of the event's words
    (at least one);
    -1 when none or two tie."""
    best: dict[int, list[int]] = {}
    for fi in (*d.view.by_kind.get("date", ()), *d.view.by_kind.get("year", ())):
        f = d.facts[fi]
        if f.sentence == si or f.is_range or _year_of(f) is None or fi not in d.m.by_fact:
            continue
        s2, k = d.pos_of(fi)
        n = len(roots & _event_roots(_said_words(d, s2)[_told_from(d, s2, k) : k]))
        if n:
            best.setdefault(n, []).append(fi)
    top = best[max(best)] if best else []
    return top[0] if len(top) == 1 else -1


def _between_events(d: _Doc) -> Iterator[Relation]:
    """``span``: a length told from one event to another (``_from_to_events``) against the dates other
    sentences give those events (``start``, ``end``): "Building the farm took almost five years from the
    first foundations to the final connection" … "first foundations were laid in April 2021" … "connected to
    the grid in February 2026"."""
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if f.unit not in ("year", "month") or f.value is None or f.is_range:
            continue
        got = _from_to_events(d, si, pos)
        if got is None:
            continue
        a, b = _dated_event(d, si, got[0]), _dated_event(d, si, got[1])
        if a < 0 or b < 0 or a == b or (_year_of(d.facts[a]) or 0) > (_year_of(d.facts[b]) or 0):
            continue
        yield Relation("span", (("length", fi), ("start", a), ("end", b)), (), "document")


def _told_to_now(d: _Doc) -> Iterator[Relation]:
    """``span``: a length of years that runs to now (``_runs_to_now``) in a sentence that tells no year,
    against the start of the same thing told elsewhere in the text (``_start_elsewhere``): "Brackley jail,
    open for nearly three decades, ..." … "The jail opened in 1997"; the end is the reporting date, else
    the years the text reports (``_to_now``)."""
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if f.unit != "year" or f.value is None or f.is_range or pos < 1:
            continue
        if any(t.fact >= 0 and _year_of(d.facts[t.fact]) is not None for t in d.m.tokens[si]):
            continue  # its own sentence's year is the sentence readers' (``_held_to_now``, ``_spans``)
        if not _runs_to_now(d, si, pos):
            continue
        start, cues = _start_elsewhere(d, si)
        if start >= 0:
            yield from _to_now(d, si, fi, start, cues)


# Tokens either side of a length where the word of a boundary ("first", "last") may stand ("his first County
# Championship century for seven years", "seven years after the project was first proposed").
GAP_CUE_REACH = 7
# Tokens before a year where its boundary word may stand ("who last reached three figures against Kent in 2019").
GAP_START_REACH = 10


def _gap_cue(d: _Doc, si: int, pos: int) -> int:
    """The token of a boundary word near the length at ``pos`` in its clause ("the first win for five years",
    "The last strike, four years ago"); -1 if none."""
    toks = d.m.tokens[si]
    cue = frozenset(dates.table("storydate")["gap_length_words"])
    lo, hi = max(0, pos - GAP_CUE_REACH), min(len(toks), pos + GAP_CUE_REACH + 1)
    return next((k for k in range(lo, hi) if _token_word(d, si, k) in cue and k != pos), -1)


def _token_word(d: _Doc, si: int, k: int) -> str:
    """The word at token ``k``, a figure's own text when it is one ("first" is an ordinal)."""
    t = d.m.tokens[si][k]
    return d.facts[t.fact].text.lower() if t.fact >= 0 else t.text.lower()


def _boundary_years(d: _Doc, si: int, last: bool) -> list[int]:
    """Years told in other sentences as the last time of something (``last``: "last reached three figures in
    2019", "the first strike since March 2023", "since" right before the year) or as its first ("first put
    forward in 2016"), not a run ended before now ("had held it since 2006")."""
    table = dates.table("storydate")
    start = frozenset(table["gap_last_words"] if last else table["gap_first_words"])
    out = []
    for yi in _single_years(d):
        f = d.facts[yi]
        s2, k = d.pos_of(yi)
        if s2 == si or f.is_range or f.kind not in ("year", "date"):
            continue
        lo = max(d.m.clause_start(s2, k), k - GAP_START_REACH)
        near = {_token_word(d, s2, j) for j in range(lo, k)}
        since = last and k > 0 and _token_word(d, s2, k - 1) == "since"
        if (near & start or since) and "had" not in near:
            out.append(yi)
    return out


def _gaps_to_story(d: _Doc) -> Iterator[Relation]:
    """``span``: a length that ends at the story's own event and begins at the last (or first) time of what it
    counts, told in another sentence by its year: "scored his first century for seven years" … "last reached
    three figures in 2019" … "on Thursday 11 July 2024"; "launched, seven years after the project was first
    proposed" … "first put forward in 2016"; "The last strike, four years ago" … "since March 2023". The
    length's sentence tells no year of its own; the boundary years told elsewhere agree, or one shares a word
    with the length's sentence. The end is the story's date (``_to_now``)."""
    now = d.view.reporting_date.year if d.view.reporting_date is not None else story_year(d)
    if now < 0:
        return
    future = frozenset(dates.table("ages")["future_words"])
    for si, pos, fi, f in d.figures(frozenset({"duration", "relative"})):
        if f.unit != "year" or f.value is None or f.value == 0 or f.is_range:
            continue
        if f.kind == "relative" and not {"ago", "after", "in"} & set(f.markers) or _future_in(d, si, future):
            continue  # "two years later" counts from an event of the text; "will run for five years" is ahead
        if any(t.fact >= 0 and _year_of(d.facts[t.fact]) not in (None, now) for t in d.m.tokens[si]):
            continue  # its own sentence's year is the sentence readers', unless it is the story's day
        cue = _gap_cue(d, si, pos)
        if cue < 0:
            continue
        starts = _boundary_years(d, si, cue < pos)
        if len({_year_of(d.facts[y]) for y in starts}) > 1:
            stems = _sentence_stems(d, si)
            starts = [y for y in starts if stems.keys() & _sentence_stems(d, d.facts[y].sentence).keys()]
        if len({_year_of(d.facts[y]) for y in starts}) != 1:
            continue
        yield from _to_now(d, si, fi, starts[0], (d.m.tokens[si][cue].span,))


# Words between a start year and "has spent N years" that give the length another subject.
_ANOTHER_SUBJECT = frozenset("its his her their whose and but while whereas ; :".split())


def _started_years(d: _Doc, si: int) -> list[int]:
    toks = d.m.tokens[si]
    return [t.fact for k, t in enumerate(toks) if t.fact >= 0 and _year_of(d.facts[t.fact]) and _started(d, si, k)]


def _to_now(d: _Doc, si: int, fi: int, start: int, cues: tuple[Span, ...], within: bool = False) -> Iterator[Relation]:
    """The span of ``fi`` from ``start`` to now: the reporting date, else the years the text reports. With
    ``within`` the length is a time spent inside that span (label ``within``): only a longer one is wrong."""
    labels = (("end", "report"),) + ((("within", "yes"),) if within else ())
    if d.view.reporting_date is not None:
        yield Relation("span", (("length", fi), ("start", start)), cues, "document", labels)
        return
    ann = _anniversary_now(d, start)
    if ann >= 0:
        yield Relation("span", (("length", fi), ("start", start), ("anniversary", ann)), cues, "document", labels)
        return
    now = story_year(d)
    if now > (_year_of(d.facts[start]) or now):
        # "lifted off on Tuesday 9 September 2025": the story's own year is now, on both sides.
        yield Relation("span", (("length", fi), ("start", start)), cues, "document", (*labels, ("now", str(now))))
        return
    bounds = _now_bounds(d, si, start)
    if bounds:
        yield Relation("span", (("length", fi), ("start", start), *bounds), cues, "document", labels)


# Words of a sentence that tell its anniversary as kept now ("cash machines celebrate their 30th anniversary
# this week", "marks its 50th birthday today"), besides ``[spans] now_words``.
_KEPT_NOW = frozenset("this today celebrating celebrates celebrate marks marking mark".split())
# Past forms that keep an anniversary now when the sentence dates it to the story's own week ("celebrated its
# 150th anniversary on Saturday", "marked its 40th birthday yesterday").
_KEPT_LATELY = frozenset("celebrated marked".split())


def _this_week(d: _Doc, si: int) -> bool:
    """Sentence ``si`` names a bare weekday or "yesterday": the story's own week, not a past year."""
    if "yesterday" in d.m.words[si]:
        return True
    return any(t.fact >= 0 and d.facts[t.fact].kind == "weekday" for t in d.m.tokens[si])


# Words shorter than this say too little to tie an anniversary to the event it counts from; an anniversary
# shares ANNIVERSARY_SHARED of them with the start's sentence, or one told there as "the first" of its kind
# (within FIRST_OF words after "first").
TIE_WORD = 4
FIRST_OF = 3


def _anniversary_now(d: _Doc, start: int) -> int:
    """The one "Nth anniversary" or "Nth birthday" told as kept now, without an "of ..." phrase of its own
    ("Cash machines in the country celebrate their 30th anniversary this week"), whose sentence shares a
    word with the sentence of the year ``start`` ("the first cash machine was opened ... in 1970"): now
    is that year plus N. -1 if none or several."""

    told = _anniversaries_now(d)
    if not told:
        return -1
    s0 = d.facts[start].sentence
    ties = _content(d, s0)
    words0, toks0 = d.m.words[s0], d.m.tokens[s0]
    # Words the start's sentence tells as the first of their kind ("the first cash machine").
    firsts = {
        singular(w)
        for k, t in enumerate(toks0)
        if t.fact >= 0 and _is_first(d.facts[t.fact])
        for w in words0[k + 1 : k + 1 + FIRST_OF]
    }
    # "The show was first held in 1875": what was first held is the first of its kind too.
    firsts |= {
        singular(_doer(words0, k + 1))
        for k, w in enumerate(words0[:-1])
        if w in _FIRST_WORDS and words0[k + 1].isalpha() and words0[k + 1] not in _AUXILIARIES
    } - {""}
    found = [
        fi
        for fi, words in told
        if d.facts[fi].sentence != s0 and (len(words & ties) >= ANNIVERSARY_SHARED or words & ties & firsts)
    ]
    return found[0] if len(found) == 1 else -1


def _begun_by_it(d: _Doc, si: int, k: int, content: frozenset[str]) -> bool:
    """The start word before the year at token ``k`` has the thing itself as its doer: a pronoun ("since it
    started flying in 1994", "we started trading in 1981") or a word of the anniversary's sentence ("the
    airline began flying in 1994"); not another's start ("Its founder started work as a nurse in 1980")."""
    words = d.m.words[si]
    begun = _start_words() | _made_words()
    at = [j for j in range(max(0, k - STARTED_REACH), k) if words[j] in begun]
    if not at:
        return False
    doer = _doer(words, at[-1])
    return doer in ("it", "they", "we") or singular(doer) in content


def _anniversaries_now(d: _Doc) -> list[tuple[int, frozenset[str]]]:
    """(fact, content words of its sentence) for every "Nth anniversary" or "Nth birthday" told as kept now,
    without an "of ..." phrase of its own or a year in its sentence."""

    def read(view: object) -> list[tuple[int, frozenset[str]]]:
        table = dates.table("spans")
        kept = frozenset(table["now_words"]) | _KEPT_NOW
        then = frozenset(table["then_words"])
        marks = frozenset(table["anniversary_words"]) | {"birthday"}
        out = []
        for si, pos, fi, f in d.figures(frozenset({"ordinal"})):
            words = d.m.words[si]
            if not f.value or words[pos + 1 : pos + 2] not in tuple((w,) for w in marks):
                continue
            if words[pos + 2 : pos + 3] == ("of",) or set(words) & then:
                continue
            if not set(words) & kept and not (set(words) & _KEPT_LATELY and _this_week(d, si)):
                continue
            if any(t.fact >= 0 and _year_of(d.facts[t.fact]) is not None for t in d.m.tokens[si]):
                continue  # "marked its 20th anniversary in 2005": kept then, not now
            out.append((fi, _content(d, si)))
        return out

    told: list[tuple[int, frozenset[str]]] = d.view.memo("anniversaries-now", read)
    return told


def _content(d: _Doc, si: int) -> frozenset[str]:
    """The longer plain words of sentence ``si``, in the singular."""
    return frozenset(singular(w) for w in d.m.words[si] if len(w) >= TIE_WORD and w.isalpha())


def _later_to_now(d: _Doc) -> Iterator[Relation]:
    """``span``: "N years later" whose own clause is told in the present ("Forty years later the town still
    has no bridge") counts from the year told before it to now (``_to_now``). Not when its clause
    tells a past word or gives a year of its own ("Ten years later, in 1990, she was dead")."""
    table = dates.table("spans")
    now, then = frozenset(table["now_words"]), frozenset(table["then_words"])
    for si, pos, fi, start in _years_counted_on(d, frozenset({"later", "on"})):
        toks, words = d.m.tokens[si], d.m.words[si]
        end = len(words)
        for k in range(pos + 1, len(words)):
            if words[k] in (";", ".", "!", "?") or words[k] == "," and k > pos + 1:
                end = k
                break
        clause = words[pos + 1 : end]
        tail = {w[w.index("'") :] for w in clause if "'" in w}
        if set(clause) & then or any(
            t.fact >= 0 and d.facts[t.fact].kind in ("year", "date") for t in toks[pos + 1 : end]
        ):
            continue  # "Ten years later, in 1990, she ...": a time of its own
        if not (set(clause) | tail) & now and not _pronoun_present(clause):
            continue
        yield from _to_now(d, si, fi, start, ())


# Words between a pronoun and its verb that leave the tense to the verb ("they still share").
_ADVERBS = frozenset("still now also only even already again just rarely often".split())


def _pronoun_present(clause: Sequence[str]) -> bool:
    """The clause's first pronoun subject is followed by a verb in the simple present: "it draws", "she
    says", "they tour" (an adverb between is passed over); not a past form, regular ("-ed") or one of
    ``[spans] past_forms`` ("they won", "it beat"), nor a modal ("they would")."""
    table = dates.table("spans")
    past = frozenset(table["past_forms"]) | frozenset(table["then_words"])
    for k, w in enumerate(clause):
        if w not in ("it", "he", "she", "they", "we"):
            continue
        j = k + 1
        while j < len(clause) and clause[j] in _ADVERBS:
            j += 1
        if j >= len(clause):
            return False
        verb = clause[j]
        if not verb.isalpha() or verb in past or verb.endswith("ed"):
            return False
        if w in ("it", "he", "she"):
            return verb.endswith("s") and not verb.endswith("ss")
        # "they tour": no ending tells the tense, so nothing in the clause may tell the past ("they finally
        # married", "they then won") and the word must not be an adverb.
        return not verb.endswith("ly") and not any(x in past or x.endswith("ed") for x in clause[j:])
    return False


_AUXILIARIES = frozenset("was were is are been be has have had first originally".split())


def _doer(words: tuple[str, ...], verb: int) -> str:
    """The word before a verb and its auxiliaries ("the firm was founded" → firm), "" at the start."""
    k = verb - 1
    while k >= 0 and words[k] in _AUXILIARIES:
        k -= 1
    return words[k] if k >= 0 else ""


def _verb_year(d: _Doc, si: int, pos: int) -> tuple[int, tuple[Span, ...]]:
    """For "was founded 30 years ago": the one year another sentence tells with the same start word just
    before it ("It was founded in 1975"); (-1, ()) if none or two that disagree."""
    words, toks = d.m.words[si], d.m.tokens[si]
    verbs = {words[k]: toks[k].span for k in range(max(0, pos - AGO_VERB_REACH), pos) if words[k] in _start_words()}
    if not verbs:
        return -1, ()
    who = _doer(words, min(k for k in range(max(0, pos - AGO_VERB_REACH), pos) if words[k] in verbs))
    found = []
    for yi in _single_years(d):
        s2, p2 = d.pos_of(yi)
        w2 = d.m.words[s2]
        at = [k for k in range(max(0, p2 - VERB_YEAR_REACH), p2) if w2[k] in verbs]
        if s2 != si and at and _doer(w2, at[0]) in (_PRONOUNS | {who}):
            found.append(yi)  # "It was founded in 1975", "the firm was founded in 1975"; not "Its rival was"
    if len({_year_of(d.facts[y]) for y in found}) != 1:
        return -1, ()
    return found[0], tuple(verbs.values())


# Tokens before a year that may hold the word that made the thing ("which opened in 1990", "built in 1912").
MADE_REACH = 4


def _made_year(d: _Doc, si: int, pos: int) -> int:
    """The single year before token ``pos`` of the sentence, told with a word that makes a thing ("the
    plant, which opened in 1990, ..."; "Founded in 1969, the choir ..."); -1 if none, several, or a year it was
    made again ("rebuilt in 1950")."""
    made = frozenset(dates.table("ages")["made_words"]) | {"set"}
    toks, words = d.m.tokens[si], d.m.words[si]
    remade = {"re" + w for w in made}
    found, again = [], False
    for k, t in enumerate(toks[:pos]):
        if t.fact < 0 or _year_of(d.facts[t.fact]) is None:
            continue
        near = set(words[max(0, k - MADE_REACH) : k])
        found += [t.fact] if near & made else []
        again = again or bool(near & remade)
    # "built in 1890 and rebuilt in 1950": which one the birthday counts from is not said.
    return found[0] if len(found) == 1 and not again else -1


def _its_anniversaries(d: _Doc) -> Iterator[Relation]:
    """``span``: a thing's "its Nth birthday" or "its Nth anniversary" (``length``, no "of …" phrase) against
    the year its sentence says it was made (``start``: "which opened in 1990"), to the sentence's other
    year (``end``) or the reporting date (label ``end`` "report")."""
    days_words = frozenset(dates.table("spans")["anniversary_words"]) | {"birthday"}
    for si, pos, fi, _ in d.figures(frozenset({"ordinal"})):
        words = d.m.words[si]
        if (
            pos < 1
            or words[pos - 1] not in ("its", "their")
            or words[pos + 1 : pos + 2] not in tuple((w,) for w in days_words)
        ):
            continue
        if words[pos + 2 : pos + 3] == ("of",):
            continue  # "its 30th anniversary of trading": the anniversary reader's
        start = _made_year(d, si, pos)
        if start < 0:
            continue
        end = _own_year(d, si, pos, skip=start)
        y0, y1 = _year_of(d.facts[start]), _year_of(d.facts[end]) if end >= 0 else None
        if end >= 0 and y0 is not None and y1 is not None and y1 > y0:
            yield Relation("span", (("length", fi), ("start", start), ("end", end)), (), "sentence")
        elif end < 0 and d.view.reporting_date is not None:
            yield Relation("span", (("length", fi), ("start", start)), (), "sentence", (("end", "report"),))
        elif end < 0 and y0 is not None and (now := story_year(d) + _year_shift(d, si)) > y0 + 1:
            # "will mark its 125th anniversary next year" in a story of 2025 ("So far in 2025, ..."): 2026.
            labels = (("end", "report"), ("now", str(now)))
            yield Relation("span", (("length", fi), ("start", start)), (), "sentence", labels)


def _year_shift(d: _Doc, si: int) -> int:
    """The years a sentence's one relative year moves its time from the story's ("next year" +1, "last year"
    -1); 0 when it tells none or several."""
    shifts = {
        int(f.value)
        for t in d.m.tokens[si]
        if t.fact >= 0 and (f := d.facts[t.fact]).kind == "relative" and f.unit == "year" and f.value is not None
    }
    return shifts.pop() if len(shifts) == 1 else 0


def _anniversary_begun(d: _Doc) -> Iterator[Relation]:
    """``span``: a thing's "its Nth anniversary" kept now ("The airline, which began with two leased turboprops,
    is marking its 25th anniversary this year"; no year in its sentence, no "of ..." phrase) against the one
    year another sentence says it began (``start``: "since it started flying out of Glasgow in 1994"), to the
    reporting date or the years the text reports. The two sentences are tied by two longer words in common or
    by a word of beginning in both; the years so tied must be one."""
    begun = frozenset(dates.table("spans")["work_start_words"]) | _made_words()
    future = frozenset(dates.table("ages")["future_words"])
    for fi, content in _anniversaries_now(d):
        si, pos = d.pos_of(fi)
        words = d.m.words[si]
        if pos < 1 or words[pos - 1] not in ("its", "their"):
            continue
        own_begun = bool(set(words) & begun)
        found = []
        for yi in _single_years(d):
            s2, k = d.pos_of(yi)
            w2 = d.m.words[s2]
            if s2 == si or set(w2) & future or d.facts[yi].kind != "year":
                continue
            if not (_started(d, s2, k) or set(w2[max(0, k - STARTED_REACH) : k]) & _made_words()):
                continue
            if len(content & _content(d, s2)) >= ANNIVERSARY_SHARED or own_begun and _begun_by_it(d, s2, k, content):
                found.append(yi)
        if len({_year_of(d.facts[y]) for y in found}) != 1:
            continue
        start = found[0]
        y0, n = _year_of(d.facts[start]), d.facts[fi].value
        if y0 is None or n is None or y0 + int(n) < 1000:
            continue
        labels = (("end", "report"),)
        if d.view.reporting_date is not None:
            yield Relation("span", (("length", fi), ("start", start)), (), "document", labels)
            continue
        bounds = _now_bounds(d, si, start)
        if bounds:
            yield Relation("span", (("length", fi), ("start", start), *bounds), (), "document", labels)


# Tokens of the phrase after "since" or "after" read for the event a length counts from ("since that first
# edition of the guide"); the phrase also stops at a comma, a figure or a word that opens a clause.
BACK_PHRASE = 8
# Sentences before a length's own that may tell the event its phrase points back to, nearest first.
BACK_SENTENCES = 2


def _since_told(d: _Doc) -> Iterator[Relation]:
    """``span``: a length of years counted to now from an event told before without a year of its own: "In the
    20 years since that day, ..." after "on 1 June 1990"; "for 12 years since then" or a bare "since" ("In the 19
    years since, it has ...": the one year of the sentence before); "Ten years after the
    floods, many homes remain empty" after "hit by floods in 2007" (``start``, see ``_back_year``). "since"
    runs to now unless "had" ended it first; "after" only when the rest of its sentence is told in the
    present. The end is the reporting date, else the years the text reports (``_to_now``)."""
    table = dates.table("spans")
    now, then = frozenset(table["now_words"]), frozenset(table["then_words"])
    for si, pos, fi, f in d.figures(frozenset({"duration", "relative"})):
        if f.unit != "year" or f.value is None or f.value <= 0:
            continue
        words = d.m.words[si]
        if f.kind == "duration" and words[pos + 1 : pos + 2] in (("since",), ("after",)):
            link, first = words[pos + 1], pos + 2
        elif f.kind == "relative" and "after" in f.markers and f.text.lower().endswith("after"):
            link, first = "after", pos + 1
        else:
            continue
        last = _phrase_end(d, si, first)
        bare = link == "since" and (first >= len(words) or words[first] in _BARE_SINCE_AFTER)
        if bare:
            last = first  # "In the 19 years since, it has raised £40m": since the time told just before
        elif last <= first or any(
            t.fact >= 0 and d.facts[t.fact].kind != "ordinal" for t in d.m.tokens[si][first:last]
        ):
            continue  # "since 1994", "since the 2001 floods": the year readers'; "since its first edition" is ours
        rest = set(words[:pos]) | set(words[last:])
        if link == "since" and "had" in words[max(0, pos - HAD_REACH) : pos]:
            continue  # "had run for 12 years since then": it ended before now
        if any(_year_of(d.facts[t.fact]) or d.facts[t.fact].kind == "year" for t in d.m.tokens[si] if t.fact >= 0):
            # "The choir, formed in 1990, has sung at 600 weddings in the 35 years since": a bare "since" (or
            # "since then") after the one year its own sentence tells counts from that year; any other phrase
            # with a year in its sentence is that sentence's own time ("Three years after the merger, sales
            # are up, it said in 2008"); a season's years ("in the 2008-09 budget") are its time too.
            own = _own_since_year(d, si, pos) if bare or words[first:last] == ("then",) else -1
            if own >= 0:
                within = words[pos - 1 : pos] not in tuple((w,) for w in _WHOLE_SPAN)
                yield from _to_now(d, si, fi, own, (d.m.tokens[si][pos + 1].span,), within)
            continue
        if link == "after" and (not rest & now or rest & then):
            continue  # "Two years after the merger, it was sold": counted to then, not now
        start, cues = _back_year(d, si, first, last, bare)
        if start < 0:
            continue
        # "In the 20 years since", "It has been 20 years since", "20 years after": the whole span; "has spent
        # four years since the relegation rebuilding", "for 15 years since": a time inside it.
        within = link == "since" and words[pos - 1 : pos] not in tuple((w,) for w in _WHOLE_SPAN)
        yield from _to_now(d, si, fi, start, (d.m.tokens[si][pos + 1].span, *cues) if link == "since" else cues, within)


def _own_since_year(d: _Doc, si: int, pos: int) -> int:
    """The year a bare "since" at token ``pos`` + 1 points back to inside its own sentence: the one year told
    before the length, as a plain year or a month's ("who formed in 2011", "Founded in March 1998, ..."), with
    no year, range or date after it. -1 when the sentence tells none, several years or a year after the
    length ("in the ten years since, it said in 2020")."""
    toks = d.m.tokens[si]
    found = [k for k, t in enumerate(toks) if t.fact >= 0 and _year_of(d.facts[t.fact]) is not None]
    if not found or found[-1] > pos:
        return -1
    facts = [d.facts[toks[k].fact] for k in found]
    if any(f.is_range for f in facts) or len({_year_of(f) for f in facts}) != 1:
        return -1
    return toks[found[-1]].fact


# Words after a "since" that ends its phrase, pointing back like "since then" ("In the 19 years since, it has").
_BARE_SINCE_AFTER = frozenset({",", ".", ";", ":", "!", "?", ")", "-", "—"})
# Words just before "N years since" that make the length the whole time from the event to now.
_WHOLE_SPAN = frozenset("the been is was 's".split())


def _phrase_end(d: _Doc, si: int, first: int) -> int:
    """One past the last token of the phrase that starts at ``first`` ("that day", "the floods")."""
    stops = frozenset(dates.table("spans")["phrase_stops"])
    words = d.m.words[si]
    hi = min(len(words), first + BACK_PHRASE, d.m.clause_end(si, first))
    toks = d.m.tokens[si]
    return next(
        (
            k
            for k in range(first, hi)
            if words[k] in stops
            or not words[k][:1].isalnum()
            and (toks[k].fact < 0 or d.facts[toks[k].fact].kind != "ordinal")
        ),
        hi,
    )


def _back_year(d: _Doc, si: int, first: int, last: int, bare: bool = False) -> tuple[int, tuple[Span, ...]]:
    """The year the phrase at tokens ``first``..``last`` of sentence ``si`` points back to: "then", or "that"
    with a time word ("that day"), is the one year of the nearest sentence before that tells years; any
    other phrase names its event by words it shares with that year's sentence ("the floods" ... "was hit by
    floods in 2007"), one of the two before or else the one after. When the rest of its clause tells what happened ("since the mill closed"), that event
    word is shared too, with the phrase's other words ("since the war ended" is not "the war broke out in
    1990", "since the new wing opened" is not "the hospital opened in 1960"). (-1, ()) when the years
    found disagree or nothing is shared."""
    table = dates.table("spans")
    back, times = frozenset(table["back_words"]), frozenset(table["back_time_words"])
    words = d.m.words[si]
    phrase = words[first:last]
    pointer = bare or phrase[:1] == ("then",) or (phrase[:1] and phrase[0] in back and bool(set(phrase[1:]) & times))
    stems = _clause_stems(d, si, first, d.m.clause_end(si, first))
    told_as = {k: st for k in range(first, d.m.clause_end(si, first)) if (st := days.stem(words[k]))}
    actions = {st for k, st in told_as.items() if days.is_action(words[k])}
    if not pointer and not stems:
        return -1, ()
    # The sentences before, nearest first; then, for a phrase that names its event, the one after ("It is 20
    # years since the factory closed. The factory closed in 1985 ...").
    after = (si + 1,) if not pointer and si + 1 < len(d.m.tokens) else ()
    for s2 in (*range(si - 1, max(-1, si - 1 - BACK_SENTENCES), -1), *after):
        years = [t.fact for t in d.m.tokens[s2] if t.fact >= 0 and _year_of(d.facts[t.fact]) is not None]
        if not years:
            continue
        cues: tuple[Span, ...] = ()
        if not pointer:
            told = _sentence_stems(d, s2)
            shared = {st for st in stems if st in told}
            named = {st for k, st in told_as.items() if k < last} - actions
            if not shared or actions and not actions & shared or actions and named and not named & shared:
                continue
            cues = tuple(told[st] for st in sorted(shared))
        if len({_year_of(d.facts[y]) for y in years}) != 1:
            return -1, ()
        return years[-1], cues
    return -1, ()


# Tokens before "since YEAR" that may hold the "had" of its past perfect ("who had run the authority since").
HAD_SINCE_REACH = 6
# Words that end the subject after "For the first time in N years, ..." ("the Tories have lost").
_HELD_AUX = frozenset("has have had was were is are lost won".split())
# Words of the noun phrase after "ending N years of" that name whose run it was ("of Labour rule").
ENDED_OF_REACH = 3


def _held_since(d: _Doc) -> Iterator[Relation]:
    """``span``: a run the story's event ends, told by its length (``length``: "lost control of the council for
    the first time in 16 years", "ending 14 years of Labour rule") against the year another sentence says the
    same holder's run began, in the past perfect (``start``: "The Conservatives, who had run the authority since
    2011"), counted to now: the reporting date, else the years the text reports (``_to_now``). The holder is
    the subject of the length's sentence, or the words after "N years of", and the subject of "had ... since"
    (``[spans] ending_words``, ``held_since``, ``held_generic``)."""
    table = dates.table("spans")
    ending, generic = frozenset(table["ending_words"]), frozenset(table["held_generic"])
    held, loss = frozenset(table["held_nouns"]), frozenset(table["loss_words"])
    ended = ending | frozenset(table["end_words"])
    # "for the first time in 16 years after a surge in support" is read as one figure ending in "after".
    for si, pos, fi, f in d.figures(frozenset({"duration", "relative"})):
        if f.unit != "year" or f.value is None or f.value <= 0 or f.is_range:
            continue
        words, toks = d.m.words[si], d.m.tokens[si]
        k0 = d.hedge_start(si, pos)
        who: Who
        if k0 >= 3 and words[k0 - 2 : k0] == ("time", "in") and toks[k0 - 3].fact >= 0:
            if not _is_first(d.facts[toks[k0 - 3].fact]) or not set(words) & loss:
                continue
            comma = words.index(",", pos) if words[:1] == ("for",) and "," in words[pos:] else -1
            if 0 <= comma < len(words) - 1:
                # "For the first time in 22 years, the Tories have lost control": the subject after the opener.
                hi = comma + 1
                while hi < len(words) and words[hi][:1].isalpha() and words[hi] not in _HELD_AUX:
                    hi += 1
                who = _who(words, comma + 1, hi)
            else:
                who = _sentence_subject(d, si)  # "The Tories have lost control ... for the first time in 16 years"
        elif f.kind == "relative":
            continue
        elif k0 >= 1 and words[k0 - 1] in ending and words[pos + 1 : pos + 2] == ("of",):
            hi = pos + 2
            while hi < min(len(words), pos + 2 + ENDED_OF_REACH) and words[hi][:1].isalpha():
                hi += 1
            who = _who(words, pos + 2, hi)  # "ending 14 years of Labour rule"
        elif "-" in f.text and words[pos + 1 : pos + 2] and words[pos + 1] in held and set(words[pos:]) & ended:
            # "The Conservatives' 14-year grip on the council ended", "Labour's 12-year rule ends".
            lo = pos - 1 - (words[pos - 1 : pos] == ("'",))
            who = _who(words, max(0, lo), pos) if lo >= 0 else ("", frozenset())
            who = (who[0], frozenset(w[:-2] if w.endswith("'s") else w for w in who[1]))
        else:
            continue
        named = {singular(w) for w in who[1] - generic}
        if who[0] or not named:
            continue
        found = [
            y
            for y, s2, w2 in _held_since_years(d)
            if s2 != si and (named & {singular(w) for w in w2[1]} or w2[0] and s2 == si + 1)
        ]
        if len({_year_of(d.facts[y]) for y in found}) != 1:
            continue
        if d.view.reporting_date is None:
            bounds = dict(_now_bounds(d, si, found[0]))
            floor = bounds.get("floor", -1)
            lead = _lead_sentences(d)
            if "ceiling" not in bounds and floor >= 0 and lead and d.facts[floor].sentence <= max(lead) + 1:
                if _DAY_ISO.match(d.facts[floor].iso or ""):
                    # The day the story reports, in the lead or just after it ("in the election on Thursday 1 May
                    # 2025"): the run ended then.
                    bounds["ceiling"] = floor
            if bounds:
                roles = (("length", fi), ("start", found[0]), *bounds.items())
                yield Relation("span", roles, (), "document", (("end", "report"),))
            continue
        yield from _to_now(d, si, fi, found[0], ())


_DAY_ISO = re.compile(r"^\d{4}-\d\d-\d\d$")


def _held_since_years(d: _Doc) -> list[tuple[int, int, Who]]:
    """(fact, sentence, the holder's words) of each year told after "since" in the past perfect ("The
    Conservatives, who had run the authority since 2011", "Labour had held the seat since 1997")."""

    def read(view: object) -> list[tuple[int, int, Who]]:
        since = frozenset(dates.table("spans")["held_since"])
        out = []
        for fi in _single_years(d):
            si, k = d.pos_of(fi)
            words = d.m.words[si]
            if k < 2 or words[k - 1] not in since:
                continue
            lo = max(d.m.clause_start(si, k), k - HAD_SINCE_REACH)
            had = next((j for j in range(k - 2, lo - 1, -1) if words[j] == "had"), -1)
            if had < 0:
                continue
            if had >= 2 and words[had - 1] == "which" and words[had - 2] == ",":
                # "Labour, which had controlled the council since 2007": the antecedent, as for "who".
                who = _who(words, max(0, d.m.clause_start(si, had - 3)), had - 2)
            else:
                who = _subject(d, si, had)
            if who[0] in ("p", "n") or not who[0] and who[1]:
                out.append((fi, si, who))  # "They had run the council since 2003": the sentence before's holder
        return out

    years: list[tuple[int, int, Who]] = d.view.memo("held-since-years", read)
    return years


# Tokens after "N years after" read for the event it counts from ("after construction of the bridge started").
AFTER_PHRASE = 6


def _named_start(d: _Doc, si: int, first: int) -> int:
    """For "N years after construction started" (the phrase from token ``first``), the one year or month
    another sentence tells that start with a start word ("Work on the crossing began in March 2021"): the
    sentence names a noun of the phrase, or both name the works (``[spans] works_nouns``). -1 if none or
    several."""
    words = d.m.words[si]
    hi = min(len(words), first + 1 + AFTER_PHRASE, d.m.clause_end(si, first + 1))
    phrase = words[first + 1 : hi]
    starts = _start_words()
    verb = next((k for k, w in enumerate(phrase) if w in starts), -1)
    if verb < 1:
        return -1
    nouns = {singular(w) for w in phrase[:verb] if w.isalpha() and w not in STOPWORDS and w not in starts}
    works = frozenset(dates.table("spans")["works_nouns"])
    if not nouns:
        return -1
    found = []
    for s2 in range(len(d.m.tokens)):
        if s2 == si:
            continue
        toks2 = d.m.tokens[s2]
        told = {singular(w) for w in d.m.words[s2]}
        if not (nouns & told - works or nouns & works and told & works):
            continue
        for k, t in enumerate(toks2):
            if t.fact >= 0 and _year_of(d.facts[t.fact]) is not None and _started(d, s2, k):
                lo = max(d.m.clause_start(s2, k), k - STARTED_REACH)
                if set(d.m.words[s2][lo:k]) & starts & {"began", "started", "begun", "start", "begin"}:
                    found.append(t.fact)
    return found[0] if len({_year_of(d.facts[y]) for y in found}) == 1 else -1


def _over_range(d: _Doc) -> Iterator[Relation]:
    """``span``: an act spread over a length of years (``length``: "stole £640,000 from the charity over almost
    eight years") against the one range of dates or years the text tells (``range``: "took money from the
    charity between March 2014 and February 2022") in another sentence that shares a word of the act with
    the length's (``[spans] over_words``, ``range_words``)."""
    table = dates.table("spans")
    over, between = frozenset(table["over_words"]), frozenset(table["range_words"])
    leads = tuple(tuple(p.split()) for p in table["over_leads"])
    ranges = []
    for ri, g in enumerate(d.facts):
        months = g.kind == "date" and (g.iso or "").count("/") == 1
        if not g.is_range or not months and _year_range(g) is None:
            continue
        before = d.view.text[max(0, g.span.start - 12) : g.span.start].split()
        if before and before[-1].lower() in between or g.text.split()[0].lower() in between:
            ranges.append(ri)
    if not ranges:
        return
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if f.unit != "year" or f.value is None or f.value <= 0 or f.is_range:
            continue
        words = d.m.words[si]
        k0 = d.hedge_start(si, pos)
        # "over a period of six years": past the words that lead to the length.
        k0 = next((k0 - len(p) for p in leads if k0 > len(p) and words[k0 - len(p) : k0] == p), k0)
        if not (k0 >= 1 and words[k0 - 1] in over or words[pos - 1 : pos] and words[pos - 1] in over):
            continue
        if set(words[d.m.clause_start(si, k0) : k0]) & _AHEAD:
            continue  # "will invest £2bn over ten years": a plan, not an act gone by
        own = _content(d, si)
        found = [ri for ri in ranges if d.facts[ri].sentence != si and _same_act(d, own, d.facts[ri].sentence)]
        if len(ranges) == 1 and len(found) == 1:
            # "between 2021 and 2023" in whole years runs from early in the first to late in the last.
            labels = (("inclusive", "yes"),) if _year_range(d.facts[found[0]]) is not None else ()
            roles: tuple[tuple[str, int], ...] = (("length", fi), ("range", found[0]))
            more = _and_months(d, si, pos)
            yield Relation("span", roles + ((("months", more),) if more >= 0 else ()), (), "document", labels)


# Tokens before a day where the word that sets out or arrives may stand ("arrived at the asteroid, known as
# Hesperia, on 2 November 2026").
JOURNEY_REACH = 10
_JOURNEY_DAY = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")


def _journey_days(d: _Doc) -> list[tuple[int, int]]:
    """(set-out day, arrival day) of each sentence that tells both: a day or year after a word of setting out,
    and the next one after a word of arriving (``[spans] depart_words``, ``arrive_words``)."""

    def read() -> list[tuple[int, int]]:
        table = dates.table("spans")
        depart, arrive = frozenset(table["depart_words"]), frozenset(table["arrive_words"])
        out = []
        for si, toks in enumerate(d.m.tokens):
            words = d.m.words[si]
            if not depart & set(words) or not arrive & set(words):
                continue
            told = [
                k
                for k, t in enumerate(toks)
                if t.fact >= 0
                and d.facts[t.fact].kind in ("date", "year")
                and _JOURNEY_DAY.match(d.facts[t.fact].iso or "")
            ]
            if len(told) != 2:
                continue
            ka, kb = told
            if depart & set(words[max(0, ka - JOURNEY_REACH) : ka]) and arrive & set(words[ka + 1 : kb]):
                out.append((toks[ka].fact, toks[kb].fact))
        return out

    got: list[tuple[int, int]] = d.once("journey-days", read)
    return got


# Tokens before a journey's length (or its "journey of") where the word that tells it done may stand
# ("after a four-year journey", "ends four-year trip").
JOURNEY_DONE_REACH = 3


def _journeys(d: _Doc) -> Iterator[Relation]:
    """``span``: a journey told by its length in years (``length``: "after four-year journey", "after a journey
    of nine years") against the one sentence of the text that tells the day it set out (``start``: "was
    launched ... in October 2020") and the day it arrived (``end``: "arrived ... on 2 November 2026"); not a
    journey told ahead ("will begin a three-year journey home"). Nouns and verbs as data in ``[spans]``."""
    nouns, done = frozenset(dates.table("spans")["journey_nouns"]), frozenset(dates.table("spans")["journey_done"])
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if f.unit != "year" or f.value is None or f.value <= 0 or f.is_range:
            continue
        words = d.m.words[si]
        k0 = d.hedge_start(si, pos)
        compound = "-" in f.text and words[pos + 1 : pos + 2] and words[pos + 1] in nouns
        if not compound and not (k0 >= 2 and words[k0 - 1] == "of" and words[k0 - 2] in nouns):
            continue
        if set(words[d.m.clause_start(si, k0) : k0]) & _AHEAD:
            continue  # "will begin a three-year journey home"
        first = k0 - 2 if not compound else k0
        if not set(words[max(0, first - JOURNEY_DONE_REACH) : first]) & done:
            continue  # "began a two-year voyage": not told as the journey that arrived
        days = _journey_days(d)
        if len(days) == 1:
            roles = (("length", fi), ("start", days[0][0]), ("end", days[0][1]))
            yield Relation("span", roles, (), "document")


# Tokens before a month where the word that starts or ends a time out may stand ("diagnosed in late September
# 2023", "did not race again until the following April"); sentences back from the return to the injury.
ABSENCE_REACH = 5
ABSENCE_BACK = 2
_MONTH_ISO = re.compile(r"^(?:(\d{4})|-)-(\d\d)$")


def _month_after(d: _Doc, si: int, cue: frozenset[str], year: bool) -> list[int]:
    """Months (with their year when ``year``) of sentence ``si`` told a few words after a word of ``cue``."""
    words, toks = d.m.words[si], d.m.tokens[si]
    out = []
    for k, t in enumerate(toks):
        g = d.facts[t.fact] if t.fact >= 0 else None
        m = _MONTH_ISO.match(g.iso or "") if g is not None and g.kind == "date" and not g.is_range else None
        if m is not None and (m[1] or not year) and cue & set(words[max(0, k - ABSENCE_REACH) : k]):
            out.append(t.fact)
    return out


def _absences(d: _Doc) -> Iterator[Relation]:
    """``span``: a time out told by its length in months (``length``: "after ten months out", "the ten-month
    absence") against the month it ended (``end``: "until the following April", "returned in March 2024"),
    in its sentence or the one before, and the one month with its year that a word of injury tells up to two
    sentences before that (``start``: "diagnosed in late September 2023"); not another spell or one ahead, nor
    a length whose sentence tells a year of its own. Words as data in ``[spans]``; label ``loose``: a time
    out is counted a month either way."""
    table = dates.table("spans")
    after = tuple(tuple(p.split()) for p in table["absence_after"])
    nouns, not_this = frozenset(table["absence_nouns"]), frozenset(table["absence_not"]) | _AHEAD
    starts, ends = frozenset(table["absence_start"]), frozenset(table["absence_end"])
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if f.unit != "month" or f.value is None or f.value <= 0 or f.is_range:
            continue
        words = d.m.words[si]
        said = next((p for p in after if words[pos + 1 : pos + 1 + len(p)] == p), ())
        # "ten months out of contract": "out" with another "of" is no time out.
        told = bool(said) and words[pos + 1 + len(said) : pos + 2 + len(said)] != ("of",)
        if not told and not ("-" in f.text and words[pos + 1 : pos + 2] and words[pos + 1] in nouns):
            continue
        if set(words[d.m.clause_start(si, pos) : pos]) & not_this:
            continue
        if any(t.fact >= 0 and d.facts[t.fact].kind == "year" for t in d.m.tokens[si]):
            continue  # "In 2019 he had spent 14 months out": another spell
        end = next((e for s2 in (si, si - 1) if s2 >= 0 for e in _month_after(d, s2, ends, False)), -1)
        if end < 0:
            continue
        s_end = d.facts[end].sentence
        found = [g for s2 in range(max(0, s_end - ABSENCE_BACK), s_end + 1) for g in _month_after(d, s2, starts, True)]
        found = [g for g in found if g != end and d.facts[g].span.start < d.facts[end].span.start]
        if len(found) == 1:
            roles = (("length", fi), ("start", found[0]), ("end", end))
            yield Relation("span", roles, (), "document", (("loose", "yes"),))


def _and_months(d: _Doc, si: int, pos: int) -> int:
    """The months told right after a length of years ("six years and eight months"), else -1."""
    words = d.m.words[si]
    if words[pos + 1 : pos + 2] != ("and",):
        return -1
    fi = d.fact_at(si, pos + 2)
    f = d.facts[fi] if fi >= 0 else None
    ok = f is not None and f.kind == "duration" and f.unit == "month" and f.value is not None and not f.is_range
    return fi if ok else -1


@functools.cache
def _act_groups() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(g) for g in dates.table("spans")["act_groups"])


def _same_act(d: _Doc, own: frozenset[str], s2: int) -> bool:
    """Sentence ``s2`` shares a content word with a sentence of words ``own``, or both name one act by words of
    one group (``[spans] act_groups``: "stole" … "took")."""
    own = own - STOPWORDS - _TOLD
    other = (_content(d, s2) | frozenset(d.m.words[s2])) - STOPWORDS - _TOLD
    objects = frozenset(dates.table("spans")["act_objects"])
    return bool(own & _content(d, s2)) or any(own & g and other & (g | objects) for g in _act_groups())


# Words that put an act over N years ahead ("will spend £2bn over ten years", "plans to repay it over").
_AHEAD = frozenset("will would 'll could may might should shall plan plans planned planning to expects hopes".split())
# Words of telling that any two sentences of a report may share ("the court heard", "she said").
_TOLD = frozenset("said says told heard court years year when".split())


# Tokens before "a 48-day strike" that may hold the word that ends it ("voted yesterday to end a 48-day strike").
ENDED_REACH = 4
# The day before the reporting date, and that date, by the word that tells the end.
_DAYS_BACK = {"yesterday": 1, "today": 0}


@functools.cache
def _event_groups() -> dict[str, frozenset[str]]:
    """Noun → the nouns of one event it belongs with (``[spans] event_groups``)."""
    return {w: frozenset(g) for g in dates.table("spans")["event_groups"] for w in g}


def _ended_told_days(d: _Doc) -> Iterator[Relation]:
    """``span``: an event told ended by its length in days or weeks (``length``: "voted yesterday to end a
    48-day strike") against the day another sentence says it began (``start``: "The walkout began on August
    13") and the day its own sentence ends it (``end``: "yesterday" from the reporting date, label ``back``,
    or a date). The event's noun, or one of its group (``[spans] event_groups``), names both."""
    if d.view.reporting_date is None:
        return
    today = next((i for i, g in enumerate(d.facts) if g.kind == "date" and g.iso == str(d.view.reporting_date)), -1)
    if today < 0:
        return
    table = dates.table("spans")
    ended = frozenset(table["ending_words"]) | frozenset(table["end_words"])
    groups = _event_groups()
    starts = _start_words()
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        words, toks = d.m.words[si], d.m.tokens[si]
        if f.unit not in ("day", "week") or f.value is None or "-" not in f.text or pos + 1 >= len(words):
            continue
        noun = singular(words[pos + 1])
        if noun not in groups:
            continue
        lo = max(d.m.clause_start(si, pos), pos - ENDED_REACH)
        if not set(words[lo:pos]) & ended:
            continue
        told = [t.fact for t in toks if t.fact >= 0 and d.facts[t.fact].kind in ("relative", "date") and t.fact != fi]
        if len(told) != 1 or d.facts[told[0]].text.lower() not in _DAYS_BACK:
            continue
        back = _DAYS_BACK[d.facts[told[0]].text.lower()]
        found = []
        for s2, toks2 in enumerate(d.m.tokens):
            w2 = d.m.words[s2]
            if s2 == si or not {singular(w) for w in w2} & groups[noun]:
                continue
            for k, t in enumerate(toks2):
                g = d.facts[t.fact] if t.fact >= 0 else None
                if g is None or g.kind != "date" or not re.match(r"^(\d{4}|-)-\d\d-\d\d$", g.iso or ""):
                    continue
                if k >= 2 and w2[k - 1] == "on" and w2[k - 2] in starts:
                    found.append(t.fact)
        if len(found) != 1:
            continue
        roles = (("length", fi), ("start", found[0]), ("end", today))
        yield Relation("span", roles, (d.facts[told[0]].span,), "document", (("back", str(back)),))
