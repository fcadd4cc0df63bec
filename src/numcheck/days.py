"""Days: the dates, weekdays and relative days of a document read as days, and the events they are given to.

A ``Day`` is what one figure says about the calendar: a full date, a date
without its year, or only a weekday. ``day_of`` reads one figure ("Saturday,
September 12, 2015", "Friday 20 August", "Thursday", "yesterday" against the
reporting date). A relative day that counts from another day ("two days
later", "the previous day", "two days before the governor signed") is told
as that other day shifted, so the judges do the counting.

``told_days`` lists every day the text tells, with the event words around
it; ``same_events`` pairs the days whose words name one event ("a gas leak
yesterday forced the school to shut" … "the leak, which was found on
Tuesday") through an index from word to days, so no pair of days is
compared unless a distinctive word joins them (linear in the figures).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from numcheck import dates, startcache
from numcheck.mentions import CLAUSE_END, Mentions
from numcheck.model import Fact, Span
from numcheck.patterns import STOPWORDS, TIME_WORDS

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_INDEX = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}
# Tokens either side of a day that may name its event: about a clause.
EVENT_WINDOW = 12
# Distinctive words two days must share to be one event (one when the event is named
# explicitly after "before"/"ahead of": "two days ahead of the summit").
MIN_SHARED = 2
# A word told with more days than this names the story, not one event.
POSTING_CAP = 6
# A word in more than this share of the sentences (and in more than DF_FLOOR of them)
# is the story's subject ("the festival", the person profiled), not one event's.
DF_SHARE = 4
DF_FLOOR = 3
# Tokens between a counted day and the day that restates it ("two days later, on Tuesday").
RESTATED_REACH = 4
# How many sentences back "two days later" looks for the day it counts from.
ANCHOR_BACK = 2
# Letters of a word kept as its stem: "rescued"/"rescue", "declared"/"declaring" meet.
STEM = 5
MIN_WORD = 4
# A bare weekday names a day of the reporting week: a date further than this from the
# reporting date is another day, whatever the words say.
WEEK_REACH = 7
# Words that say a day was reported: "said on Monday" is the reporting day when no dateline is given.
REPORT_VERBS = frozenset(
    "said says told announced stated confirmed warned added reported claimed revealed insisted".split()
)


@functools.cache
def _data() -> dict[str, Any]:
    return dates.table("events")


@functools.cache
def _events() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in _data().items() if isinstance(v, list)}


@functools.cache
def _kinds() -> dict[str, str]:
    """Event word → the kind of event it names ("collapsed" → "fall")."""
    return {w: kind for kind, words in _data()["kinds"].items() for w in words}


# Parts of a day after "that" that put a clock time on the day told before it ("at 09:00 that morning").
_THAT_PARTS = re.compile(r"\bthat (?:morning|afternoon|evening|night|day)\b")


def on_day_told_before(f: Fact) -> bool:
    """A clock time told "that morning" ("at 09:00 that morning"): on the day told before it, not today."""
    return f.kind == "relative" and f.value == 0 and bool(_THAT_PARTS.search(f.text.lower()))


def event_kinds() -> dict[str, str]:
    """Event word → the kind of event it names ("blaze" → "fire", "outages" → "outage"), for readers that
    match one event told in other words."""
    return _kinds()


@dataclass(frozen=True, slots=True)
class Day:
    """A day as far as the text fixes it: a date, a date without year, and/or a weekday."""

    date: dt.date | None = None
    month_day: tuple[int, int] | None = None
    weekday: int | None = None

    def shifted(self, days: int) -> Day:
        if days == 0:
            return self
        if self.date is not None:
            d = self.date + dt.timedelta(days=days)
            return Day(d, (d.month, d.day), d.weekday())
        md = None
        if self.month_day is not None:
            # A date without its year: count in a common year (29 February is judged elsewhere).
            try:
                d = dt.date(2001, *self.month_day) + dt.timedelta(days=days)
                md = (d.month, d.day)
            except ValueError:
                md = None
        wd = None if self.weekday is None else (self.weekday + days) % 7
        return Day(None, md, wd)

    def name(self) -> str:
        if self.date is not None:
            return f"{WEEKDAY_NAMES[self.date.weekday()]} {self.date.day} {self.date.strftime('%B')} {self.date.year}"
        parts = []
        if self.weekday is not None:
            parts.append(WEEKDAY_NAMES[self.weekday])
        if self.month_day is not None:
            parts.append(f"{self.month_day[1]} {dt.date(2000, self.month_day[0], 1).strftime('%B')}")
        return " ".join(parts)


def dated_near(day: Day, today: dt.date) -> Day:
    """A date without its year ("on 8 June") in a dated text: that day in the year that puts it nearest the
    reporting date (a story of 3 January tells of "28 December" last year)."""
    if day.date is not None or day.month_day is None:
        return day
    d = dates.nearest_date(today, *day.month_day)
    return day if d is None else Day(d, day.month_day, d.weekday())


def differ(a: Day, b: Day) -> bool:
    """The two days cannot be one day (False when the text does not fix enough to tell)."""
    if a.date is not None and b.date is not None:
        return a.date != b.date
    if a.month_day is not None and b.month_day is not None:
        return a.month_day != b.month_day
    if a.weekday is not None and b.weekday is not None:
        return a.weekday != b.weekday
    return False


def far_apart(a: Day, b: Day, bare_a: bool, bare_b: bool) -> bool:
    """A bare weekday against a full date more than a week away: not one day of one event."""
    if bare_a and b.date is not None and a.date is not None:
        return abs((a.date - b.date).days) > WEEK_REACH
    if bare_b and a.date is not None and b.date is not None:
        return abs((a.date - b.date).days) > WEEK_REACH
    return False


_ISO_DAY = startcache.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_ISO_MONTH_DAY = startcache.compile(r"^--(\d\d)-(\d\d)$")
# Relative days counted from the reporting day.
_FROM_REPORT = frozenset({"", "ago", "yesterday", "today", "tomorrow", "from now", "in"})


def counted_from(f: Fact) -> str:
    """What a relative day counts from: "report" (yesterday), "previous" (two days later), "event"."""
    if f.kind != "relative" or f.unit not in ("day", "week") or f.value is None or f.is_range:
        return ""
    if f.text.strip().lower() == "now":
        return ""
    marks = set(f.markers)
    ev = _events()
    if marks & ev["counted_to_event"] and (f.subject or not marks & ev["counted_from_previous"]):
        return "event"
    if marks & ev["counted_from_previous"]:
        return "previous"
    if f.unit == "day" and (not marks or marks & _FROM_REPORT):
        return "report"  # weeks back from the reporting date are seldom counted to the day ("two weeks ago")
    return ""


def day_of(f: Fact, today: dt.date | None) -> Day | None:
    """The day one figure names by itself, or None."""
    if f.is_range or "ambiguous" in f.markers or "every" in f.markers:
        return None
    if f.kind == "date" and f.iso:
        weekday = next((_WEEKDAY_INDEX[m.lower()] for m in f.markers if m.lower() in _WEEKDAY_INDEX), None)
        m = _ISO_DAY.match(f.iso)
        if m:
            try:
                d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
            return Day(d, (d.month, d.day), d.weekday())
        m = _ISO_MONTH_DAY.match(f.iso)
        if m:
            md = (int(m.group(1)), int(m.group(2)))
            try:
                dt.date(2000, *md)
            except ValueError:
                return None
            return Day(None, md, weekday)
        return None
    if f.kind == "weekday" and f.iso and f.iso.lower() in _WEEKDAY_INDEX and not f.text.rstrip().endswith("s"):
        return Day(None, None, _WEEKDAY_INDEX[f.iso.lower()])
    if counted_from(f) == "report" and today is not None and f.value is not None:
        d = today + dt.timedelta(days=int(f.value))
        return Day(d, (d.month, d.day), d.weekday())
    return None


def shift_of(f: Fact, kind: str) -> int:
    """How many days after the day it counts from a relative day falls ("two days before the vote": +2 for the vote)."""
    per = 7 if f.unit == "week" else 1  # "two weeks later, on 17 May"
    n = abs(int(f.value or 0)) * per
    if kind == "event":
        return -n if "after" in f.markers else n
    return int(f.value or 0) * per


@dataclass(frozen=True, slots=True)
class Told:
    """A day the text tells, with the words of its event."""

    fact: int
    sentence: int
    position: int
    anchor: int  # the figure it counts from (-1: none, or the reporting date when ``from_report``)
    from_report: bool
    shift: int
    words: dict[str, Span]  # stem → where the word stands
    explicit: frozenset[str]  # stems of an event named after "before"/"ahead of"
    repeats: bool  # its words say the event runs over several days
    dated: bool  # a date as written ("March 26"), not a weekday or a relative day
    names: set[str]  # stems of capitalised words: the story's people and places
    actions: set[str]  # stems of event words and past-tense verbs: what happened
    story: set[str]  # every stem around it, the story's subject and names included ("festival")
    fresh: set[str]  # stems brought in as a new one ("A poll by X, published last Thursday"): another event


# Weekdays a story tells by name that make it a story of several days, whose events share its subject words.
MANY_DAYS = 3


def _weekday_name(m: Mentions, fi: int) -> str:
    """The weekday a figure names ("on Tuesday night" → "tuesday"), else ""."""
    f = m.view.facts[fi]
    if f.kind != "weekday":
        return ""
    return f.text.split()[0].lower()


def _headline(m: Mentions, si: int) -> bool:
    """The sentence is the text's first line and ends without a stop: a headline, which names no event as
    new (the body's "A storm hit ..." brings the headline's storm in again)."""
    if si != 0:
        return False
    span = m.view.doc.sentences[0].span
    return m.view.text[span.start : span.end].rstrip()[-1:] not in (".", "!", "?")


# Words that bring in a new one of a kind at a sentence's start: told after the first, its event is another
# ("A poll by ..."); "another" does so anywhere.
_FRESH = frozenset({"a", "an", "another"})
# Words that bring in another one of a kind anywhere in a sentence: "another poll", "Their next match, against
# Northcliffe, starts on Friday 18 April" is not the match the story reports.
_ANOTHER = frozenset({"another", "next", "upcoming"})


def _stem(word: str) -> str | None:
    kind = _kinds().get(word)
    if kind is not None:
        return kind
    if len(word) < MIN_WORD or not word.isalpha():
        return None
    if word in STOPWORDS or word in TIME_WORDS or word in _events()["plain"]:
        return None
    return word[:STEM]


def stem(word: str) -> str | None:
    """The stem a word names an event by ("rescued" → "rescu", "collapsed" → "fall"), or None for a plain word."""
    return _stem(word)


def repeated(words: Sequence[str]) -> bool:
    """The words tell an event that repeats or runs on ("again", "resumed", "second")."""
    return any(w in _events()["repeats"] for w in words)


def is_action(word: str) -> bool:
    """An event word of the data ("shot", "collapse") or a past-tense verb: what happened."""
    return word in _kinds() or (word.endswith("ed") and len(word) >= MIN_WORD)


def _doc_frequency(m: Mentions) -> dict[str, int]:
    df: dict[str, int] = {}
    stems: dict[str, str | None] = {}  # each word's stem, read once ("the" comes back hundreds of times)
    for words in m.words:
        for w in words:
            if w not in stems:
                stems[w] = _stem(w)
        for s in {st for w in words if (st := stems[w])}:
            df[s] = df.get(s, 0) + 1
    return df


def _is_day(m: Mentions, fi: int, today: dt.date | None) -> bool:
    f = m.view.facts[fi]
    return day_of(f, today) is not None or counted_from(f) in ("previous", "event")


def told_days(m: Mentions) -> list[Told]:
    """Every day the text tells, in text order, with what it counts from and its event words."""
    view = m.view
    text = view.doc.text
    today = view.reporting_date
    facts = view.facts
    common: frozenset[str] | None = None  # the document's common stems, read only once a day is told
    repeat_words = _events()["repeats"]
    out: list[Told] = []
    resolvable: list[tuple[int, int, int]] = []  # (sentence, position, fact) of days read by themselves
    reported: list[tuple[int, int]] = []  # (sentence, fact) of the days a "said on <weekday>" gives
    for si, toks in enumerate(m.tokens):
        words = m.words[si]
        days = [k for k, t in enumerate(toks) if t.fact >= 0 and _is_day(m, t.fact, today)]
        for n, k in enumerate(days):
            fi = toks[k].fact
            f = facts[fi]
            kind = counted_from(f)
            if kind == "previous" and set(f.markers) & _events()["counted_to_event"]:
                # "the day before Pence declared …": the event follows; "the day before, …": it does not.
                nxt = words[k + 1] if k + 1 < len(words) else ""
                if nxt[:1].isalpha():
                    kind = "event"
            lo = max(days[n - 1] + 1 if n else 0, k - EVENT_WINDOW)
            hi = min(days[n + 1] if n + 1 < len(days) else len(toks), k + 1 + EVENT_WINDOW)
            anchor, from_report, explicit = -1, False, frozenset[str]()
            if kind == "previous":
                anchor = _previous(resolvable, si)
                if _restates_before(resolvable, si, k, words):
                    # "docked on 9 May, 10 days later": the date just before is this day, counted from the one before it.
                    anchor = _previous(resolvable[:-1], si)
                    if anchor < 0:
                        # "They meet again on Wednesday, only three days later": the day of the story told before.
                        anchor = _only_day(m, resolvable[:-1], today)
            elif kind == "event":
                # The day in its own sentence; else the day it was said on ("said on Monday")
                # just before; else the reporting date; else any day said on before.
                anchor = next((fj for s2, _, fj in reversed(resolvable) if s2 == si), -1)
                if anchor < 0:
                    # "three days after the storm, on Thursday": the clause's own day may follow.
                    anchor = next((toks[j].fact for j in days[n + 1 :] if _by_itself(m, toks[j].fact, today)), -1)
                if anchor < 0 and reported and si - reported[-1][0] <= ANCHOR_BACK:
                    anchor = reported[-1][1]
                if anchor < 0 and today is not None:
                    from_report = True
                elif anchor < 0 and reported:
                    anchor = reported[-1][1]
                # The event's own words: after the figure, up to the clause's end.
                end = k + 1
                while end < hi and words[end] not in CLAUSE_END and words[end] != ",":
                    end += 1
                lo, hi = k + 1, end
                explicit = frozenset(st for w in words[lo:hi] if (st := _stem(w)))
            if kind in ("previous", "event") and anchor < 0 and not from_report:
                continue
            said = k >= 1 and any(words[j] in REPORT_VERBS for j in range(max(0, k - 3), k))
            spans: dict[str, Span] = {}
            names: set[str] = set()
            actions: set[str] = set()
            story: set[str] = set()
            fresh: set[str] = set()
            rep = False
            if common is None:
                common = _common_stems(m)
            for j in range(lo, hi):
                w = words[j]
                if j == k or toks[j].fact >= 0:
                    continue
                if w in repeat_words:
                    rep = True
                st = _stem(w)
                if st:
                    story.add(st)
                if st and st not in common and st not in spans:
                    spans[st] = toks[j].span
                    if any(words[i] in _ANOTHER or (i == 0 and words[i] in _FRESH) for i in range(max(lo, j - 2), j)):
                        fresh.add(st)  # "A poll by X, published ...", "another poll": not "at an event"
                if st and j > 0 and text[toks[j].span.start].isupper():
                    names.add(st)  # "Beijing", "The Times": who or where, not what happened
                elif st and (w in _kinds() or w.endswith("ed")):
                    actions.add(st)
            shift = shift_of(f, kind) if kind in ("previous", "event") else 0
            if not said:
                out.append(
                    Told(
                        fi,
                        si,
                        k,
                        anchor,
                        from_report,
                        shift,
                        spans,
                        explicit,
                        rep,
                        f.kind == "date",
                        names,
                        actions,
                        story,
                        fresh,
                    )
                )
            if not kind or kind == "report":
                resolvable.append((si, k, fi))
                if said:
                    reported.append((si, fi))
    return out


# "the next day, Tuesday", "the following day (Tuesday)", "the following morning, Saturday": one figure that is a weekday and the day after
# the day told before it; "the previous day, 24 April", "the preceding evening (Monday)": the day before it.
_NEXT_DAY = startcache.compile(
    r"\b(?:(?P<back>previous|preceding)|next|following) (?:day|morning|afternoon|evening|night)\b|\bday after\b", re.I
)


def next_days(m: Mentions) -> Iterator[tuple[int, int, int]]:
    """(figure, day it follows, days after it) for each day told as the day after the day told just before it
    ("arrested on Monday and charged the following day, Tuesday"), or the day before it, -1 ("met on 26 April
    2024. The previous day, 25 April, …"): that day is in its sentence or up to ANCHOR_BACK sentences back, and
    not a line that is only a date (a dateline is no event of the story)."""
    view = m.view
    today = view.reporting_date
    last: tuple[int, int] | None = None  # (sentence, fact) of the last day that reads by itself
    for si, toks in enumerate(m.tokens):
        alone = sum(1 for w in m.words[si] if w[:1].isalnum() or w == "#") == 1
        for t in toks:
            if t.fact < 0:
                continue
            f = view.facts[t.fact]
            nd = _NEXT_DAY.search(f.text) if f.kind in ("weekday", "date") else None
            if nd is not None and last is not None and si - last[0] <= ANCHOR_BACK:
                yield t.fact, last[1], -1 if nd.group("back") else 1
            if day_of(f, today) is not None and counted_from(f) != "previous" and not alone:
                last = (si, t.fact)


def _by_itself(m: Mentions, fi: int, today: dt.date | None) -> bool:
    """The figure names a day without counting from another ("on Thursday", "March 26", "yesterday")."""
    f = m.view.facts[fi]
    return day_of(f, today) is not None and counted_from(f) in ("", "report")


def restated_after(words: Sequence[str], at: int, k: int) -> bool:
    """The count at token ``k`` follows the day at token ``at`` after a comma, with at most words that stress
    the count between them ("on 9 May, 10 days later", "on Wednesday, only three days later")."""
    if not 0 <= at < k - 1 or words[at + 1] != ",":
        return False
    return k == at + 2 or " ".join(words[at + 2 : k]) in _events()["count_stress"]


def _restates_before(resolvable: Sequence[tuple[int, int, int]], si: int, k: int, words: Sequence[str]) -> bool:
    """The counted day at token ``k`` restates the day told just before it after a comma ("on 9 May, 10 days
    later", "on Wednesday, only three days later"), not a time compared ("10 days later than planned")."""
    if not resolvable or resolvable[-1][0] != si or not restated_after(words, resolvable[-1][1], k):
        return False
    return k + 1 >= len(words) or words[k + 1] != "than"


def _previous(resolvable: Sequence[tuple[int, int, int]], si: int) -> int:
    """The day told last before, in this sentence or up to ANCHOR_BACK sentences back."""
    if resolvable and si - resolvable[-1][0] <= ANCHOR_BACK:
        return resolvable[-1][2]
    return -1


def _only_day(m: Mentions, resolvable: Sequence[tuple[int, int, int]], today: dt.date | None) -> int:
    """The last day told before when every day told before is that one day (a match report's Saturday,
    however far back), else -1."""
    if not resolvable:
        return -1
    last = day_of(m.view.facts[resolvable[-1][2]], today)
    if last is None or any(day_of(m.view.facts[fi], today) != last for _, _, fi in resolvable):
        return -1
    return resolvable[-1][2]


def _common_stems(m: Mentions) -> frozenset[str]:
    df = _doc_frequency(m)
    limit = max(DF_FLOOR, len(m.words) // DF_SHARE)
    kinds = set(_kinds().values())
    # An event word ("rescued", "collapse") stays: it names what happened, even when it happens often.
    return frozenset(s for s, n in df.items() if n > limit and s not in kinds)


# Words right before a day that make it the day a counted day is counted from ("four days after Tuesday's
# win"), not the counted day told again.
_COUNTED_FROM = frozenset({"after", "before", "since", "from"})


def _counted_from(words: Sequence[str], pos: int) -> bool:
    """The day at token ``pos`` is the object of "after"/"before" (past "the"): the anchor of the counted day
    before it ("Just four days after Tuesday's 1-0 win"), not that day restated."""
    k = pos - 1
    if k >= 0 and words[k] == "the":
        k -= 1
    return k >= 0 and words[k] in _COUNTED_FROM


def _ends_counting(f: Fact) -> bool:
    """A counted day written with its preposition ("four days after"): the day right after it is its anchor."""
    return f.text.lower().split()[-1] in _COUNTED_FROM


def same_events(m: Mentions) -> Iterator[tuple[Told, Told, tuple[str, ...]]]:
    """Pairs of days in different sentences whose words name one event, with the words they share."""
    told = told_days(m)
    postings: dict[str, list[int]] = {}
    for i, t in enumerate(told):
        for st in t.words:
            postings.setdefault(st, []).append(i)
    shared: dict[tuple[int, int], list[str]] = {}
    for st, ids in postings.items():
        if len(ids) > POSTING_CAP:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                shared.setdefault((ids[x], ids[y]), []).append(st)
    # "Two days later, on Tuesday": a counted day restated in its own clause.
    for i, t in enumerate(told[:-1]):
        nxt = told[i + 1]
        if (
            t.anchor >= 0
            and not t.explicit
            and nxt.sentence == t.sentence
            and 0 < nxt.position - t.position <= RESTATED_REACH
            and nxt.anchor < 0
            and not nxt.from_report
            and not _counted_from(m.words[t.sentence], nxt.position)
            and not (nxt.position == t.position + 1 and _ends_counting(m.view.facts[t.fact]))
        ):
            yield t, nxt, ()
    # "Docked on 9 May, 10 days later": a day restated by the counted day told just after it.
    for i, t in enumerate(told[:-1]):
        nxt = told[i + 1]
        if (
            t.anchor < 0
            and not t.from_report
            and nxt.sentence == t.sentence
            and restated_after(m.words[t.sentence], t.position, nxt.position)
            and nxt.anchor >= 0
            and nxt.anchor != t.fact
            and not nxt.explicit
        ):
            yield t, nxt, ()
    many_days = len({_weekday_name(m, t.fact) for t in told} - {""}) >= MANY_DAYS
    # The story's own event ("fire" in a wildfire told over a week) is what every day's events share.
    told_acts: dict[str, int] = {}
    for t in told:
        for st in t.actions:
            told_acts[st] = told_acts.get(st, 0) + 1
    topic = {st for st, n in told_acts.items() if n >= MANY_DAYS}
    for (i, j), stems in sorted(shared.items()):
        a, b = told[i], told[j]
        if a.sentence == b.sentence or a.repeats or b.repeats:
            continue
        if a.dated and b.dated:
            continue  # two dates written out are two days of the story, not one event told twice
        if a.anchor == b.fact or b.anchor == a.fact:
            continue
        if set(stems) & b.fresh and not _headline(m, a.sentence):
            continue  # "a new poll published on Monday" ... "A poll by Castleton, published last Thursday"
        if set(stems) & (a.explicit | b.explicit):
            yield a, b, tuple(sorted(stems))  # "two days before the summit" names its event
            continue
        # Two events of one story share its people and places: what happened must be shared too; in a story
        # told over several days ("on Sunday ... on Tuesday ... on Thursday") by both tellings.
        solid = set(stems) - a.names - b.names
        acts = ((a.actions & b.actions) - topic) if many_days else (a.actions | b.actions)
        if len(solid) >= MIN_SHARED and solid & acts:
            yield a, b, tuple(sorted(stems))
        elif solid & _events()["once"] and len(a.story & b.story) > len(solid & _events()["once"]):
            # The start of one thing happens once: "a bright start on Saturday" … "the opening night" of the
            # festival both name (the story's subject, which the index leaves out).
            yield a, b, tuple(sorted(stems))


# --- dates by themselves: their parts, and the years a text without a year allows -----------

_ISO_PART = startcache.compile(r"^(?:(\d{4})|-)-(\d\d)-(\d\d)")
# Years of a text kept as the years it may be written in (the nearest first); more add nothing.
YEARS_KEPT = 12


def date_parts(iso: str | None) -> list[tuple[int | None, int, int]]:
    """(year or None, month, day) of each end of a date's ISO text that names a day ("--02-30", "2009-06-31")."""
    out: list[tuple[int | None, int, int]] = []
    for part in (iso or "").split("/"):
        m = _ISO_PART.match(part)
        if m:
            out.append((int(m.group(1)) if m.group(1) else None, int(m.group(2)), int(m.group(3))))
    return out


# Tokens back from a year that the "since" of its clause may stand ("since records began in 1884").
SINCE_REACH = 5


def _since_clause(words: Sequence[str], pos: int) -> bool:
    """The figure at ``pos`` is told in a clause opened by "since", a few words back with no comma between:
    where a run to now began, not the story's own year."""
    for k in range(pos - 1, max(-1, pos - 1 - SINCE_REACH), -1):
        if words[k] in (",", ";", ".", ":"):
            return False
        if words[k] == "since":
            return True
    return False


def text_years(m: Mentions) -> list[int]:
    """The facts (indexes) that state a year: bare years and dates with a year, at most YEARS_KEPT distinct years."""
    facts = m.view.facts
    seen: set[int] = set()
    out: list[int] = []
    for kind in ("year", "date"):
        for fi in m.view.by_kind.get(kind, ()):
            f = facts[fi]
            if f.is_range or not f.iso or not f.iso[:4].isdigit():
                continue
            y = int(f.iso[:4])
            mm = m.by_fact.get(fi)
            if mm is not None and _since_clause(m.words[mm.sentence], mm.position):
                continue  # "the strongest since December 2022", "since records began in 1884": a run's start
            if y not in seen and len(seen) < YEARS_KEPT:
                seen.add(y)
                out.append(fi)
    return out


def weekday_of(f: Fact) -> int | None:
    """The weekday written with a date ("Friday 20 August" → 4), or None."""
    return next((_WEEKDAY_INDEX[m.lower()] for m in f.markers if m.lower() in _WEEKDAY_INDEX), None)


def weekday_dates(m: Mentions) -> list[int]:
    """Dates written with a weekday and without a year ("Friday 20 August"), at most YEARS_KEPT of them."""
    out: list[int] = []
    for fi in m.view.by_kind.get("date", ()):
        f = m.view.facts[fi]
        parts = date_parts(f.iso)
        if len(parts) == 1 and parts[0][0] is None and weekday_of(f) is not None and "ambiguous" not in f.markers:
            out.append(fi)
            if len(out) >= YEARS_KEPT:
                break
    return out


def weekday_full_dates(m: Mentions) -> list[int]:
    """Dates written with a weekday and a year that agree ("Tuesday 9 November 2004"), at most YEARS_KEPT."""
    out: list[int] = []
    for fi in m.view.by_kind.get("date", ()):
        f = m.view.facts[fi]
        parts = date_parts(f.iso)
        w = weekday_of(f)
        if len(parts) != 1 or w is None or "ambiguous" in f.markers:
            continue
        y, month, day = parts[0]
        if y is None:
            continue
        try:
            right = dt.date(y, month, day).weekday() == w
        except ValueError:
            continue
        if right:
            out.append(fi)
            if len(out) >= YEARS_KEPT:
                break
    return out


# Years a date without its year is tried in: any year a news text could be set in.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def years_fitting(month: int, day: int, weekday: int) -> frozenset[int]:
    """The years in which ``day`` ``month`` falls on ``weekday``."""
    out = set()
    for y in range(FIRST_YEAR, LAST_YEAR + 1):
        try:
            if dt.date(y, month, day).weekday() == weekday:
                out.add(y)
        except ValueError:
            continue
    return frozenset(out)


# --- a run of events within N days ("her second defeat in two days") -------------------------------


@functools.cache
def _series() -> dict[str, Any]:
    return dates.table("series")


def _is_nth(view: Any, fi: int) -> bool:
    """A figure that is an ordinal of a run ("third", "2nd")."""
    if fi < 0:
        return False
    f = view.facts[fi]
    return f.kind == "ordinal" and f.value is not None and 2 <= f.value <= max(_series()["ordinals"].values())


def _series_kind(words: Sequence[str]) -> set[str]:
    """The kinds of event the words tell, by a word or two ("lost", "went down")."""
    said = set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}
    return {kind for kind, ws in _series()["kinds"].items() if said & set(ws)}


# Runs a text tells are few; more than this would make runs × days grow with the text.
RUNS_KEPT = 4
# Tokens either side of "her second defeat in two days" its one day may stand ("lost … on Sunday for her …").
RUN_REACH = 30


@dataclass(frozen=True, slots=True)
class Run:
    """ "her second defeat in two days" told on a day, and a day counted from that day of the same kind."""

    within: int  # the figure "two days"
    day: int  # the day of the run's own sentence ("on Sunday")
    other: Told  # "Three days earlier, …": a day counted from a day that is the run's day
    cue: Span  # the ordinal word


def runs(m: Mentions) -> Iterator[Run]:
    """Runs of events within N days, each with the days the text counts back or on from the run's day."""
    view = m.view
    today = view.reporting_date
    ordinals: dict[str, int] = _series()["ordinals"]
    found: list[tuple[int, int, int, Day, set[str], Span]] = []
    for si, toks in enumerate(m.tokens):
        words = m.words[si]
        for k, t in enumerate(toks):
            f = view.facts[t.fact] if t.fact >= 0 else None
            if f is None or f.kind != "duration" or f.unit != "day" or f.value is None or k < 2:
                continue
            if words[k - 1] != "in":
                continue
            lo = max(0, k - 2 - int(_series()["gap"]))
            nth = next((j for j in range(k - 2, lo - 1, -1) if words[j] in ordinals or _is_nth(view, toks[j].fact)), -1)
            kinds = _series_kind(words[nth + 1 : k - 1]) if nth >= 0 else set()
            if not kinds or len(found) >= RUNS_KEPT:
                continue
            near = toks[max(0, k - RUN_REACH) : k + RUN_REACH]
            days = [(x.fact, d) for x in near if x.fact >= 0 and (d := day_of(view.facts[x.fact], today)) is not None]
            if len(days) == 1:
                found.append((t.fact, si, days[0][0], days[0][1], kinds, toks[nth].span))
    if not found:
        return
    kinds_of: dict[int, set[str]] = {}  # sentence → the kinds of event it tells, read once
    for day_told in told_days(m):
        if day_told.anchor < 0 or day_told.from_report:
            continue
        base = day_of(view.facts[day_told.anchor], today)
        if base is None:
            continue
        if day_told.sentence not in kinds_of:
            kinds_of[day_told.sentence] = _series_kind(m.words[day_told.sentence])
        told_kinds = kinds_of[day_told.sentence]
        for within, si, day_fact, day, kinds, cue in found:
            same = (base.weekday is not None and base.weekday == day.weekday) or (
                base.date is not None and base.date == day.date
            )
            if si != day_told.sentence and same and told_kinds & kinds:
                yield Run(within, day_fact, day_told, cue)
