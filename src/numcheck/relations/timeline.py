"""Timeline: the days and times a document tells its events on, and the stated spans that link two of them.

One reading for every stated length between two told moments, whatever its sentence shape:

* **Anchors.** Every figure that fixes a moment is an anchor: a date (to the day, or to the month), a
  weekday, "yesterday"/"today"/"tomorrow" against the dateline, each with its clock time when one is told
  ("21:47 on Tuesday", "9pm on 4 May", "22:10 yesterday"). A bare weekday takes the date the text gives
  that weekday elsewhere ("on Wednesday" … "on Wednesday 19 November"); otherwise it is known only up to
  its week, so it counts spans shorter than a week.
* **Spans.** A length told as time that passed between two moments, demanding its cue words (data,
  ``dates.toml [timeline]``): "N <unit> later" or "N <unit> after" closing its clause, a length after
  "after" ("after more than 16 hours", "after a four-year journey") or after a noun of a passage ("a
  voyage of 12 days"). Its end is the anchor its own clause gives it (right before it, or right after
  "N months later, in October 2025"); its start is the anchor told before that end in its sentence, else
  the last anchor of the sentence before.

The relation (``timeline``: ``length``, ``from``, ``to``; labels ``elapsed`` and ``precision``) carries
the time between the two anchors, counted at the finest precision both share: minutes, days, days within a
week (two weekdays), or months. The judge ``elapsed`` holds the length against it at the length's own
precision (a day either way for days; half a month for months; a quarter of a year for years told against
days; the hedges the length carries).

Not read: a length of something else ("nine days of evidence", "working days"), a time since ("in the 13
years since"), a span whose start is not before its end.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from numcheck import dates
from numcheck.days import WEEKDAY_NAMES, counted_from, event_kinds, on_day_told_before
from numcheck.mentions import CLAUSE_END
from numcheck.model import Fact
from numcheck.patterns import STOPWORDS
from numcheck.relations.base import Relation, _Doc, _lead_sentences

_WEEKDAYS = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}
_ISO = re.compile(r"^(\d{4}|-)-(\d\d)(?:-(\d\d))?(?:T(\d\d):(\d\d))?$")
_CLOCK = re.compile(r"^(\d\d):(\d\d)$")
_STAND_IN = dt.date(2001, 6, 15)
UNITS = frozenset({"minute", "hour", "day", "week", "month", "year"})


@dataclass(frozen=True, slots=True)
class Anchor:
    """A moment the text tells: its sentence, token and figure, and what it fixes of the calendar."""

    si: int
    pos: int
    fi: int
    date: dt.date | None = None  # a full date
    month_day: tuple[int, int] | None = None  # a date without its year
    weekday: int | None = None
    month: int | None = None  # year * 12 + month - 1, for a month told without its day
    minute: int | None = None  # minutes after midnight
    floating: bool = False  # "yesterday" in a text without a dateline: counts only against its like


@functools.cache
@functools.cache
def _tenures() -> frozenset[str]:
    return frozenset(dates.table("timeline")["tenure_after"])


def _words(key: str) -> frozenset[str]:
    return frozenset(dates.table("timeline")[key])


def _clock(f: Fact) -> int | None:
    for m in f.markers:
        hm = _CLOCK.match(m)
        if hm:
            return int(hm[1]) * 60 + int(hm[2])
    return None


def _anchor(d: _Doc, si: int, pos: int, fi: int) -> Anchor | None:
    """The moment one figure fixes, or None."""
    f = d.facts[fi]
    if f.is_range or "ambiguous" in f.markers or "every" in f.markers:
        return None
    today = d.view.reporting_date
    if f.kind == "date" and f.iso:
        m = _ISO.match(f.iso)
        if m is None:
            return None
        year, month = (int(m[1]) if m[1] != "-" else None), int(m[2])
        minute = int(m[4]) * 60 + int(m[5]) if m[4] else None
        weekday = next((_WEEKDAYS[w.lower()] for w in f.markers if w.lower() in _WEEKDAYS), None)
        if m[3] is None:
            if year is None or minute is not None:
                return None
            return Anchor(si, pos, fi, month=year * 12 + month - 1)
        try:
            day = dt.date(year or 2001, month, int(m[3]))
        except ValueError:
            return None
        if year is None:
            return Anchor(si, pos, fi, month_day=(month, day.day), weekday=weekday, minute=minute)
        return Anchor(si, pos, fi, date=day, weekday=day.weekday(), minute=minute)
    if f.kind == "time" and f.iso and (hm := _CLOCK.match(f.iso)):
        return Anchor(si, pos, fi, minute=int(hm[1]) * 60 + int(hm[2]))  # its day, if any, is told next to it
    if f.kind == "weekday" and f.iso and f.iso.lower() in _WEEKDAYS and not f.text.rstrip().endswith("s"):
        return Anchor(si, pos, fi, weekday=_WEEKDAYS[f.iso.lower()], minute=_clock(f))
    if f.kind == "relative" and f.unit == "day" and f.value is not None and counted_from(f) == "report":
        if abs(f.value) > 1:
            return None
        # Without a dateline, "yesterday" and "today" still lie one day apart: count from a stand-in today.
        day = (today or _STAND_IN) + dt.timedelta(days=int(f.value))
        if today is None:
            return Anchor(si, pos, fi, month_day=(day.month, day.day), minute=_clock(f), floating=True)
        return Anchor(si, pos, fi, date=day, weekday=day.weekday(), minute=_clock(f))
    return None


def _that_morning(d: _Doc, before: Anchor, si: int, pos: int, fi: int) -> Anchor | None:
    """ "on Sunday 14 January 2024, and the first outages were reported at 09:00 that morning": the clock
    time on the day of the anchor told before it in its sentence (``before``), or None."""
    f, minute = d.facts[fi], _clock(d.facts[fi])
    if not on_day_told_before(f) or minute is None or before.minute is not None:
        return None
    if before.date is None and before.month_day is None and before.weekday is None:
        return None
    return Anchor(si, pos, fi, before.date, before.month_day, before.weekday, None, minute)


def _anchors(d: _Doc) -> list[list[Anchor]]:
    """Each sentence's anchors in text order; a bare weekday takes the one date the text gives that weekday."""

    def read() -> list[list[Anchor]]:
        out: list[list[Anchor]] = []
        for si, toks in enumerate(d.m.tokens):
            row = []
            for pos, t in enumerate(toks):
                if t.fact >= 0 and (a := _anchor(d, si, pos, t.fact)) is not None:
                    row.append(a)
                elif t.fact >= 0 and row and (a := _that_morning(d, row[-1], si, pos, t.fact)) is not None:
                    row.append(a)
            out.append(_with_days(row, d.m.words[si]))
        dated: dict[int, set[tuple[dt.date | None, tuple[int, int] | None]]] = {}
        for row in out:
            for a in row:
                if a.weekday is not None and (a.date or a.month_day):
                    dated.setdefault(a.weekday, set()).add((a.date, a.month_day))
        for row in out:
            for k, a in enumerate(row):
                if a.date is None and a.month_day is None and a.weekday is not None:
                    told = dated.get(a.weekday, set())
                    if len(told) == 1:
                        day, md = next(iter(told))
                        row[k] = Anchor(a.si, a.pos, a.fi, day, md, a.weekday, None, a.minute, a.floating)
        return out

    return d.once("timeline-anchors", read)


# Tokens between a clock time and the day told after it ("17:20 local time on Thursday").
CLOCK_DAY_REACH = 4


def _with_days(row: list[Anchor], words: tuple[str, ...]) -> list[Anchor]:
    """A clock time told just before its day ("at 17:20 local time on Thursday") is one anchor: the day's,
    with the clock time."""
    out: list[Anchor] = []
    skip = -1
    for k, a in enumerate(row):
        if k == skip:
            continue
        nxt = row[k + 1] if k + 1 < len(row) else None
        if (
            _bare_clock(a)
            and nxt is not None
            and nxt.minute is None
            and not _bare_clock(nxt)
            and nxt.pos - a.pos <= CLOCK_DAY_REACH
            and all(w in _words("clock_day_joins") for w in words[a.pos + 1 : nxt.pos])
        ):
            out.append(Anchor(nxt.si, nxt.pos, nxt.fi, nxt.date, nxt.month_day, nxt.weekday, None, a.minute))
            skip = k + 1
            continue
        out.append(a)
    return out


def _bare_clock(a: Anchor) -> bool:
    return a.minute is not None and a.date is None and a.month_day is None and a.weekday is None and a.month is None


def elapsed(a: Anchor, b: Anchor) -> tuple[int, str] | None:
    """The time from ``a`` to ``b`` and its precision: ("minute", "day", "week" for days within a week
    between two weekdays, "month"), or None when the two share no precision."""
    if a.floating != b.floating:
        return None
    if (_bare_clock(a) or _bare_clock(b)) and a.minute is not None and b.minute is not None:
        return (b.minute - a.minute) % 1440, "clock"  # a clock time without its day: within a day
    days: int | None = None
    precision = "day"
    if a.date is not None and b.date is not None:
        days = (b.date - a.date).days
    elif (a.date or a.month_day) and (b.date or b.month_day):
        # A date without its year: the end is the first such day at or after the start.
        year = a.date.year if a.date else b.date.year if b.date else 2001
        try:
            start = a.date or dt.date(year, *(a.month_day or (1, 1)))
            end = b.date or dt.date(start.year, *(b.month_day or (1, 1)))
            if b.date is None and end < start:
                end = dt.date(start.year + 1, end.month, end.day)
            if a.date is None and start > end:
                start = dt.date(end.year - 1, start.month, start.day)
        except ValueError:
            return None
        days = (end - start).days
    elif a.weekday is not None and b.weekday is not None:
        days, precision = (b.weekday - a.weekday) % 7, "week"
    elif a.month is not None or b.month is not None:
        ma = a.month if a.month is not None else a.date.year * 12 + a.date.month - 1 if a.date else None
        mb = b.month if b.month is not None else b.date.year * 12 + b.date.month - 1 if b.date else None
        if ma is None or mb is None:
            return None
        return mb - ma, "month"
    if days is None:
        return None
    if a.minute is not None and b.minute is not None:
        return days * 1440 + b.minute - a.minute, "minute" if precision == "day" else "week-minute"
    return days, precision


def _length(d: _Doc, si: int, pos: int) -> Fact | None:
    """The length at token ``pos``: a duration or a relative "N units later/after" of a unit of time."""
    fi = d.fact_at(si, pos)
    if fi < 0:
        return None
    f = d.facts[fi]
    if f.is_range or f.value is None or f.unit not in UNITS or f.value == 0:
        return None
    if f.kind == "relative":
        if _clock(f) is not None:
            return None
        if f.value > 0 and {"later", "after"} & set(f.markers) or f.value < 0 and "before" in f.markers:
            return f
        return None
    if f.value < 0:
        return None
    return f if f.kind == "duration" else None


def not_elapsed(words: tuple[str, ...], pos: int) -> bool:
    """The length at ``pos`` is told as no time passed between two moments: a time since ("in the 13 years
    since"), counted days of an activity ("nine days of evidence"; words in ``[timeline]``)."""
    nxt = words[pos + 1] if pos + 1 < len(words) else "."
    if nxt in _words("not_after"):
        return True
    if " ".join(words[pos + 1 : pos + 4]) in _tenures() or " ".join(words[pos + 1 : pos + 3]) in _tenures():
        return True  # "production would end on Friday, 19 December, after 68 years on the site": a tenure
    k = pos + 2
    while k < len(words) and words[k] in ("his", "her", "their", "its", "the"):
        k += 1
    return nxt == "of" and k < len(words) and words[k] in _words("counted_of")


def _cued(d: _Doc, si: int, pos: int, f: Fact) -> str:
    """How the length at ``pos`` is told as time passed between two moments: "later" ("N days later", "N days
    after" closing its clause), "after" ("after more than 16 hours"), "noun" ("a voyage of 12 days", "after a
    four-year journey"); "" when it is not."""
    words = d.m.words[si]
    nxt = words[pos + 1] if pos + 1 < len(words) else "."
    if not_elapsed(words, pos):
        return ""  # "in the 13 years since", "nine days of evidence"
    if f.kind == "relative":
        if "before" in f.markers:
            return "before" if nxt not in CLAUSE_END and nxt != "," else ""
        if nxt in CLAUSE_END or nxt == ",":
            return "later"
        return "event" if "after" in f.markers else ""
    j = d.hedge_start(si, pos)
    before = words[max(0, j - 3) : j]
    if before[-1:] == ("after",):
        return "after"
    nouns = _words("passage_nouns")
    if before[-2:] and before[-1] == "of" and before[-2] in nouns:
        return "noun"  # "a voyage of 12 days"
    if before[-2:] in (("after", "a"), ("after", "an")) and nxt in nouns:
        return "noun"  # "after a four-year journey"
    return ""


def _end_at(row: list[Anchor], words: tuple[str, ...], pos: int, hedged: int, cue: str) -> Anchor | None:
    """The anchor the length's own clause gives its end: told right before it ("on March 20, a voyage of",
    "at 11:50 on Wednesday, after"), or right after "N months later" ("Seventeen months later, in October
    2025")."""
    joins = _words("joins")
    before = [a for a in row if a.pos < pos]
    if before:
        a = before[-1]
        between = words[a.pos + 1 : hedged]
        if all(w in joins or w == "," for w in between):
            return a
        if cue in ("noun", "event", "before") and not CLAUSE_END & set(between):
            return a  # "on Wednesday, reaching Fremantle 13 days after leaving Cape Town"
    after = [a for a in row if a.pos > pos]
    if after and cue == "later":
        a = after[0]
        between = words[pos + 1 : a.pos]
        if all(w in joins or w == "," for w in between):
            return a
    return None


def _timeline_spans(d: _Doc) -> Iterator[Relation]:
    """``timeline``: a stated length (``length``) against the two anchors it links (``from``, ``to``)."""
    rows = _anchors(d)
    for si, toks in enumerate(d.m.tokens):
        row = rows[si]
        words = d.m.words[si]
        if not row and not (d.view.reporting_date and _perfect_arrival(words)):
            continue
        for pos, t in enumerate(toks):
            if t.fact < 0:
                continue
            f = _length(d, si, pos)
            if f is None:
                continue
            cue = _cued(d, si, pos, f)
            if not cue:
                continue
            end = _end_at(row, words, pos, d.hedge_start(si, pos), cue)
            if end is None and not any(a.pos < pos for a in row) and cue in ("after", "noun"):
                # "has arrived at the asteroid after a journey of just over three years": from the one
                # departure told next door to the reporting date.
                journey = _now_journey(d, rows, si, t.fact)
                if journey is not None:
                    yield journey
                continue
            if end is None:
                continue
            earlier = [a for a in row if a.pos < end.pos]
            if cue == "before":
                # "ended at 11.10pm on Saturday, less than 12 hours before the final began at 1pm on Sunday":
                # from the moment told just before the length to the one its own clause gives the later event.
                later = _clause_anchor(row, words, pos)
                if later is None:
                    continue
                start, end, evidence = end, _dated_clock(d, rows, si, pos, later), "sentence"
            elif cue == "event":
                # "61 hours after it grounded at about 04:20 on Tuesday": from the day its own clause gives the
                # event; "13 days after leaving Cape Town": from the day the text gives that event elsewhere.
                own = _clause_anchor(row, words, pos)
                own = _dated_clock(d, rows, si, pos, own) if own is not None else None
                named = own or (_named_start(d, rows, si, pos) if words[pos + 1] in _words("event_leads") else None)
                if named is None and own is None and words[pos + 1 : pos + 2] in (("this",), ("that",)):
                    named = _story_day(d, rows, si, words[pos + 2 : pos + 3])
                if named is None:
                    continue
                start, evidence = named, "sentence" if own else "document"
            elif earlier:
                start, evidence = earlier[-1], "sentence"
            elif si > 0 and rows[si - 1] and not _headline(d, si - 1):
                start, evidence = rows[si - 1][-1], "document"
            else:
                continue
            got = elapsed(start, end)
            if got is None or got[0] <= 0:
                continue
            amount, precision = got
            if amount <= 0:
                continue
            roles = (("length", t.fact), ("from", start.fi), ("to", end.fi))
            hedge = d.v.hedges.ending_at(words, pos) if f.kind == "relative" else None
            labels = (
                ("elapsed", str(amount)),
                ("precision", precision),
                *((("hedge", hedge[0]),) if hedge else ()),
                *((("slack", str(_slack(start, end))),) if precision in ("minute", "week-minute", "clock") else ()),
            )
            yield Relation("timeline", roles, (), evidence, labels)


def _headline(d: _Doc, si: int) -> bool:
    """Sentence ``si`` is the headline or the dateline: it tells no event of its own."""
    if si == 0:
        return True
    return all(w == "#" or w in CLAUSE_END or w == "," for w in d.m.words[si])


# Letters of a word kept to match an event's words across sentences ("leaving" / "left" do not; "Cape Town" does).
_STEM = 5
# Words of an event's clause that name it across sentences: at least this many shared.
MIN_SHARED = 2
# Tokens of an after-clause that names its event by one noun ("after the quake").
BARE_EVENT = 3


def _content(words: tuple[str, ...], lo: int, hi: int) -> set[str]:
    return {w[:_STEM] for w in words[lo:hi] if len(w) >= 4 and w.isalpha() and w not in STOPWORDS}


def _event_words(d: _Doc, si: int, lo: int, hi: int) -> set[str]:
    """The words naming an event in tokens ``lo:hi`` of sentence ``si`` (``_content``), an ordinal read by its
    word ("the first cuts") and a word of one kind of event read as that kind (``[events.kinds]``): "after the
    first cuts" and "the first outages were reported" share two."""
    toks, kinds = d.m.tokens[si], event_kinds()
    said = tuple(
        d.facts[t.fact].text.lower() if t.fact >= 0 and d.facts[t.fact].kind == "ordinal" else w
        for t, w in zip(toks[lo:hi], d.m.words[si][lo:hi])
    )
    return {"=" + kinds[w] if w in kinds else c for w in said if (c := w[:_STEM]) in _content((w,), 0, 1)}


def _ordinal_at(d: _Doc, si: int, k: int) -> bool:
    fi = d.fact_at(si, k)
    return fi >= 0 and d.facts[fi].kind == "ordinal"


def _clause_anchor(row: list[Anchor], words: tuple[str, ...], pos: int) -> Anchor | None:
    """The first anchor of the clause after the length at ``pos`` ("after polls closed at 10pm on Thursday")."""
    hi = pos + 1
    while hi < len(words) and words[hi] not in CLAUSE_END and words[hi] != ",":
        hi += 1
    return next((a for a in row if pos < a.pos < hi), None)


def _dated_clock(d: _Doc, rows: list[list[Anchor]], si: int, pos: int, a: Anchor) -> Anchor:
    """A clock time without its day in the clause after the length at ``pos`` ("before the final began at
    1pm") takes the day of the one other sentence that names the clause's event noun (the word after "the")
    with a day ("in the final ... on Sunday"); else it stays as it is."""
    if not _bare_clock(a):
        return a
    words = d.m.words[si]
    nouns = [words[k + 1] for k in range(pos + 1, a.pos - 1) if words[k] == "the" and words[k + 1].isalpha()]
    if not nouns or len(nouns[0]) < 4 or nouns[0] in STOPWORDS:
        return a
    noun = nouns[0]
    found = [
        b
        for sj, row in enumerate(rows)
        if sj != si and not _headline(d, sj) and noun in d.m.words[sj]
        for b in row
        if b.minute is None and (b.date or b.month_day or b.weekday is not None)
    ]
    if len({(b.date, b.month_day, b.weekday) for b in found}) != 1:
        return a
    b = found[0]
    return Anchor(a.si, a.pos, a.fi, b.date, b.month_day, b.weekday, None, a.minute, b.floating)


def _named_start(d: _Doc, rows: list[list[Anchor]], si: int, pos: int) -> Anchor | None:
    """The one anchor of another sentence whose sentence names the event after "N days after" ("13 days
    after leaving Cape Town" … "set off from Cape Town on 3 November"): its clause's words, two shared, in
    the one such sentence with one anchor."""
    words = d.m.words[si]
    hi = pos + 1
    while (
        hi < len(words)
        and words[hi] not in CLAUSE_END
        and words[hi] != ","
        and (d.fact_at(si, hi) < 0 or _ordinal_at(d, si, hi))
    ):
        hi += 1  # "57 hours after the first cuts": an ordinal is a word of the event's name
    own = _event_words(d, si, pos + 1, hi)
    # "19 hours after the quake": a bare noun of an event is named by that one word.
    need = MIN_SHARED if hi - pos > BARE_EVENT else 1
    if len(own) < need:
        return None
    found = [
        sj
        for sj, row in enumerate(rows)
        if sj != si and row and not _headline(d, sj) and len(own & _event_words(d, sj, 0, len(d.m.words[sj]))) >= need
    ]
    if len(found) == 1 and need == MIN_SHARED and len(rows[found[0]]) > 1:
        return _clause_named(d, rows[found[0]], own, need)
    if len(found) != 1:
        return _named_by_head(d, rows, si, pos) if not found else None
    return rows[found[0]][0]


def _clause_named(d: _Doc, row: list[Anchor], own: set[str], need: int) -> Anchor | None:
    """Of a sentence's several anchors, the one whose clause alone names the event ("The storm arrived on
    Sunday 14 January, and the first outages were reported at 09:00 that morning": the 09:00), or None."""
    hits = []
    for a in row:
        lo, hi = d.m.clause_start(a.si, a.pos), d.m.clause_end(a.si, a.pos)
        if len(own & _event_words(d, a.si, lo, hi)) >= need:
            hits.append(a)
    return hits[0] if len(hits) == 1 else None


# Words before the head noun of an event told as known after "N days after" ("after the talks collapsed").
_KNOWN_EVENT = frozenset({"the", "its", "their"})


def _named_by_head(d: _Doc, rows: list[list[Anchor]], si: int, pos: int) -> Anchor | None:
    """ "a day after the talks collapsed" … "after talks with the union broke down on Monday 17 June": the
    event told as known by its head noun, its verb told in other words; the one anchor of the clause that
    follows that noun in the one other sentence naming it."""
    words = d.m.words[si]
    if pos + 2 >= len(words) or words[pos + 1] not in _KNOWN_EVENT:
        return None
    noun = words[pos + 2]
    if len(noun) < 4 or not noun.isalpha() or noun in STOPWORDS:
        return None
    hits = [
        (sj, k)
        for sj, row in enumerate(rows)
        if sj != si and row and not _headline(d, sj)
        for k, w in enumerate(d.m.words[sj])
        if w == noun
    ]
    if len(hits) != 1:
        return None
    sj, k = hits[0]
    words2 = d.m.words[sj]
    hi = k + 1
    while hi < len(words2) and words2[hi] not in CLAUSE_END and words2[hi] != ",":
        hi += 1
    own = [a for a in rows[sj] if k < a.pos < hi]
    return own[0] if len(own) == 1 else None


def _story_day(d: _Doc, rows: list[list[Anchor]], si: int, noun: tuple[str, ...]) -> Anchor | None:
    """For "four days after this game": the day of the event the story reports, when the noun after "this" is
    one of ``[timeline] story_events`` ("game", "match", "vote") and the lead (not the headline, not sentence
    ``si``) tells one day (``Saturday``, a date), whatever clock time."""
    if not noun or noun[0] not in _words("story_events"):
        return None
    lead = sorted(_lead_sentences(d) - {si})
    found = [
        a for sj in lead if not _headline(d, sj) for a in rows[sj] if a.date or a.month_day or a.weekday is not None
    ]
    if len({(a.date, a.month_day, a.weekday) for a in found}) != 1:
        return None
    return found[0]


# Sentences either side of a journey told to now that may tell the day it set out.
DEPART_REACH = 2


def _perfect_arrival(words: tuple[str, ...]) -> bool:
    """The sentence tells an arrival in the present perfect ("has arrived", "have reached")."""
    arrive = frozenset(dates.table("spans")["arrive_words"])
    return any(w in ("has", "have") and words[k + 1 : k + 2] and words[k + 1] in arrive for k, w in enumerate(words))


def _now_journey(d: _Doc, rows: list[list[Anchor]], si: int, fi: int) -> Relation | None:
    """``timeline``: a journey told to now by its length, from the one day a sentence next door says it set
    out (a word of ``[spans] depart_words`` before it) to the reporting date."""
    today = d.view.reporting_date
    if today is None or not _perfect_arrival(d.m.words[si]):
        return None
    depart = frozenset(dates.table("spans")["depart_words"])
    found = [
        a
        for sj in range(max(1, si - DEPART_REACH), min(len(rows), si + DEPART_REACH + 1))
        if sj != si and not _headline(d, sj)
        for a in rows[sj]
        if depart & set(d.m.words[sj][: a.pos]) and a.date is not None
    ]
    if len(found) != 1:
        return None
    start = found[0]
    days = (today - start.date).days if start.date else 0
    if days <= 0:
        return None
    roles = (("length", fi), ("from", start.fi))
    return Relation("timeline", roles, (), "document", (("elapsed", str(days)), ("precision", "day"), ("to", "report")))


# Minutes either way of a span between two clock times: told to the hour ("10pm"), a time is a round one.
HOUR_SLACK, MINUTE_SLACK = 30, 10


def _slack(a: Anchor, b: Anchor) -> int:
    return HOUR_SLACK if (a.minute or 0) % 60 == 0 or (b.minute or 0) % 60 == 0 else MINUTE_SLACK


# Units of a length told as known ("the 96-hour walkout") that a range of days and clock times can count.
_KNOWN_UNITS = frozenset({"hour", "day", "week"})
# Words before the first end of a range of days ("from 7am on Thursday 27 June", "between 13 May").
_RANGE_OPENS = frozenset({"from", "between"})
# Words between the two ends of a range of days ("until", "to", "and").
_RANGE_JOINS = frozenset({"to", "until", "till", "through", "and"})


def _iso_anchor(si: int, pos: int, fi: int, iso: str) -> Anchor | None:
    """One end of a range fact's ISO ("--06-27T07:00"): a day of the year, with its clock time."""
    m = _ISO.match(iso)
    if m is None or m[3] is None:
        return None
    year = int(m[1]) if m[1] != "-" else None
    minute = int(m[4]) * 60 + int(m[5]) if m[4] else None
    try:
        day = dt.date(year or 2001, int(m[2]), int(m[3]))
    except ValueError:
        return None
    if year is None:
        return Anchor(si, pos, fi, month_day=(day.month, day.day), minute=minute)
    return Anchor(si, pos, fi, date=day, weekday=day.weekday(), minute=minute)


def _told_ranges(d: _Doc, rows: list[list[Anchor]]) -> list[tuple[Anchor, Anchor]]:
    """Every range of days the text tells: one figure ("from 7am on Thursday 27 June until 7am on Tuesday 2
    July", "between 13 May and 26 May"), or two days set apart by their words ("between Monday 13 May and
    Sunday 26 May")."""
    out: list[tuple[Anchor, Anchor]] = []
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, t in enumerate(toks):
            f = d.facts[t.fact] if t.fact >= 0 else None
            if f is None or f.kind != "date" or not f.iso or f.iso.count("/") != 1:
                continue
            a, b = (_iso_anchor(si, pos, t.fact, half) for half in f.iso.split("/"))
            if a is not None and b is not None:
                out.append((a, b))
        row = rows[si]
        for a, b in zip(row, row[1:]):
            days = a.date or a.month_day
            if not days or not (b.date or b.month_day) or words[a.pos - 1 : a.pos] not in _one_of(_RANGE_OPENS):
                continue
            if b.pos == a.pos + 2 and words[a.pos + 1] in _RANGE_JOINS:
                out.append((a, b))
    return out


def _one_of(words: frozenset[str]) -> frozenset[tuple[str, ...]]:
    return frozenset((w,) for w in words)


def _known_lengths(d: _Doc) -> Iterator[Relation]:
    """``timeline``: a length told as known with the noun it sizes, "The 96-hour walkout", "During the 10-day
    campaign", against the one range of days the text tells before it ("will strike from 7am on Thursday 27
    June until 7am on Tuesday 2 July", "between Monday 13 May and Sunday 26 May"). Not read when the text
    tells more than one range, or the length's own sentence tells a day."""
    rows = _anchors(d)
    ranges = _told_ranges(d, rows)
    if len(ranges) != 1:
        return
    start, end = ranges[0]
    got = elapsed(start, end)
    if got is None or got[0] <= 0:
        return
    amount, precision = got
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if si <= start.si or rows[si] or f.unit not in _KNOWN_UNITS or f.value is None or f.is_range:
            continue
        words = d.m.words[si]
        if "-" not in f.text or pos + 1 >= len(words) or not words[pos + 1].isalpha():
            continue  # "the 96-hour walkout": a length set before its noun
        if not d.m.frame(fi).definite or not_elapsed(words, pos):
            continue
        labels = (
            ("elapsed", str(amount)),
            ("precision", precision),
            *((("slack", str(_slack(start, end))),) if precision == "minute" else ()),
        )
        yield Relation("timeline", (("length", fi), ("from", start.fi), ("to", end.fi)), (), "document", labels)
