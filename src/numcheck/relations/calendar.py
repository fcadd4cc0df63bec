"""Calendar relations: days told of one event (same-event), dates to check (calendar-date), stated
lengths against years (span), runs of days (run) and hours between clock times (clock-span). Ages are in
``ages``, which reads the year helpers here.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence

from numcheck import dates, days, startcache
from numcheck.mentions import CLAUSE_END, CLAUSE_OPENERS
from numcheck.model import Fact, Span
from numcheck.patterns import STOPWORDS, View
from numcheck.relations.base import Relation, _Doc, _lead_sentences
from numcheck.relations.changes import VERBS

# --- calendar: days told of one event ---------------------------------------------------


def _told_roles(side: str, t: days.Told) -> tuple[tuple[str, int], ...]:
    return ((side, t.fact),) + (((f"{side}-from", t.anchor),) if t.anchor >= 0 else ())


def _same_events(d: _Doc) -> Iterator[Relation]:
    """``same-event``: two days told of one event ("a storm yesterday" … "the storm on Thursday").

    Roles ``a`` and ``b`` (in text order) are the figures that name the days, with
    ``a-from``/``b-from`` the day a relative day counts from; labels ``a-shift``/``b-shift``
    (days after that day) and ``a-from``/``b-from`` "report" when it counts from the
    reporting date, and ``event``, the words the two share.
    """
    for a, b, stems in days.same_events(d.m):
        text = d.view.doc.text
        cues = tuple(sorted({a.words[s] for s in stems} | {b.words[s] for s in stems}))
        event = " ".join(text[a.words[s].start : a.words[s].end] for s in sorted(stems, key=lambda s: a.words[s]))
        event = event or "told in one clause"
        labels = (
            ("a-shift", str(a.shift)),
            ("a-from", "report" if a.from_report else ""),
            ("b-shift", str(b.shift)),
            ("b-from", "report" if b.from_report else ""),
            ("event", event),
        )
        yield Relation("same-event", _told_roles("a", a) + _told_roles("b", b), cues, "document", labels)


def _weekday_at(d: _Doc, si: int, k: int) -> int:
    """The fact at token ``k`` of sentence ``si`` when it is one weekday ("Monday", not "Mondays"), else -1."""
    toks = d.m.tokens[si]
    if not 0 <= k < len(toks) or toks[k].fact < 0:
        return -1
    f = d.facts[toks[k].fact]
    day = days.day_of(f, None) if f.kind == "weekday" else None
    return toks[k].fact if day is not None and day.weekday is not None else -1


# Tokens between "N days after Monday's vote" and the day its clause restates (", on Sunday"), or before it
# ("On Sunday, four days after ...").
RESTATED_REACH = 6


def _days_apart(d: _Doc) -> Iterator[Relation]:
    """``same-event``: a day told as counted in days from another weekday of its sentence, against the weekday
    the sentence gives it: "four days after Monday's vote, on Sunday" (``b`` the length, ``b-from`` Monday,
    label ``b-shift`` 4, ``a`` Sunday); "Saturday's defeat leaves them three days' rest before Thursday's
    trip" (a rest word of ``[spans] rest_words``: the day N or N + 1 days on, as writers count the rest
    days or the day after them)."""
    table = dates.table("spans")
    rest, ahead = frozenset(table["rest_words"]), frozenset(table["rest_until"])
    for si, pos, fi, f in d.figures(frozenset({"relative", "duration"})):
        if f.unit != "day" or f.value is None or f.is_range or not f.value or f.value != int(f.value):
            continue
        words = d.m.words[si]
        n = abs(int(f.value))
        if f.kind == "relative":
            link = f.text.lower().split()[-1]
            if link not in ("after", "before") or words[pos + 2 : pos + 4] != ("'", "s"):
                continue  # "four days after Monday's vote"
            w1 = _weekday_at(d, si, pos + 1)
            later = [k for k in range(pos + 4, min(len(words), pos + 4 + RESTATED_REACH)) if words[k - 1] == "on"]
            earlier = [k for k in range(max(0, pos - 3), pos) if words[k - 1 : k] == ("on",)]
            found = [w for k in later + earlier if (w := _weekday_at(d, si, k)) >= 0]
            if not found and link == "after" and (lead := _lead_match_day(d)) >= 0 and d.pos_of(lead)[0] < si:
                # "beat Ashby 3-2 on Saturday. ... Just four days after Tuesday's 1-0 win at Crewe, the manager
                # made five changes": the report's match is the day counted to.
                found = [lead]
            shifts: tuple[int, ...] = (n if link == "after" else -n,)
        else:
            j = pos + 2 if words[pos + 1 : pos + 2] == ("'",) else pos + 1
            if j + 2 >= len(words) or words[j] not in rest or words[j + 1] not in ahead:
                continue  # "three days' rest before Thursday's trip"
            befores = [w for k in range(pos) if (w := _weekday_at(d, si, k)) >= 0]
            w1 = befores[0] if len(befores) == 1 else -1
            found = [w for k in (j + 2, j + 3) if (w := _weekday_at(d, si, k)) >= 0][:1]
            shifts = (n, n + 1)
        if w1 < 0 or len(found) != 1:
            continue
        start, told = days.day_of(d.facts[w1], None), days.day_of(d.facts[found[0]], None)
        if start is None or told is None or start.weekday is None or told.weekday is None:
            continue
        shift = next((x for x in shifts if (start.weekday + x - told.weekday) % 7 == 0), shifts[0])
        roles = (("a", found[0]), ("b", fi), ("b-from", w1))
        labels = (("a-shift", "0"), ("b-shift", str(shift)), ("event", "counted in days"))
        yield Relation("same-event", roles, (), "clause", labels)


def _lead_match_day(d: _Doc) -> int:
    """The one day the lead's first sentence with a day tells, when that sentence tells a result ("beat
    Brenton Rovers at Carrow Park on Saturday", ``[events] lead_results``): the day of the report's match."""
    today = d.view.reporting_date
    results = frozenset(dates.table("events")["lead_results"])
    for si in sorted(_lead_sentences(d)):
        toks = d.m.tokens[si]
        told = [t.fact for t in toks if t.fact >= 0 and days.day_of(d.facts[t.fact], today) is not None]
        if told:
            return told[0] if len(told) == 1 and results & set(d.m.words[si]) else -1
    return -1


def _match_days(d: _Doc) -> Iterator[Relation]:
    """``same-event``: a day restated as counted to the report's match ("named an unchanged side on Thursday,
    four days before the game"; ``b`` the count, ``b-from`` the weekday or date of its clause told right
    before it or after it, label ``b-shift``) against the lead's day of that match (``a``). The match is
    named bare at the clause's end by a noun of ``[events] story_match`` after a word of
    ``story_match_determiners`` ("the game", "this win")."""
    nouns = frozenset(dates.table("events")["story_match"])
    determiners = frozenset(dates.table("events")["story_match_determiners"])
    lead = -1
    for si, pos, fi, f in d.figures(frozenset({"relative"})):
        if f.unit != "day" or not f.value or f.value != int(f.value):
            continue
        words = d.m.words[si]
        link = f.text.lower().split()[-1]
        if link not in ("before", "after") or pos + 1 >= len(words) or words[pos + 1] not in determiners:
            continue
        if pos + 2 >= len(words) or words[pos + 2] not in nouns:
            continue
        if pos + 3 < len(words) and words[pos + 3] not in CLAUSE_END and words[pos + 3] != ",":
            continue  # "before the game against Denholm next week": another match may be meant
        day = -1
        if pos >= 2 and words[pos - 1] == ",":
            day = _weekday_or_date(d, si, pos - 2)  # "on Thursday, four days before the game"
        if day < 0 and words[pos + 3 : pos + 5] == (",", "on"):
            day = _weekday_or_date(d, si, pos + 5)  # "four days before the game, on Thursday"
        if day < 0:
            continue
        if lead == -1:
            lead = _lead_match_day(d)
        if lead < 0 or d.pos_of(lead)[0] == si:
            continue
        n = abs(int(f.value))
        shift = n if link == "before" else -n
        roles = (("a", lead), ("b", fi), ("b-from", day))
        labels = (("a-shift", "0"), ("b-shift", str(shift)), ("event", f"the {words[pos + 2]}"))
        yield Relation("same-event", roles, (), "document", labels)


# "the day before the game": the words of a one-day count told without a figure, and the days they move.
_ONE_DAY = {"before": 1, "after": -1}


def _match_eves(d: _Doc) -> Iterator[Relation]:
    """``same-event``: a day restated as the day next to the report's match, with no figure for the count
    ("named his side on Wednesday, the day before the game", "flew home on Sunday, the day after the win"):
    the day told (``b``, also ``b-from``, label ``b-shift`` the match's day from it) against the lead's day
    of that match (``a``). The match is named bare at the clause's end as in ``_match_days``."""
    nouns = frozenset(dates.table("events")["story_match"])
    determiners = frozenset(dates.table("events")["story_match_determiners"])
    lead = -1
    for fi in (*d.view.by_kind.get("weekday", ()), *d.view.by_kind.get("date", ())):
        if fi not in d.m.by_fact or d.facts[fi].is_range:
            continue
        si, pos = d.pos_of(fi)
        words = d.m.words[si]
        phrase = words[pos + 1 : pos + 7]
        if len(phrase) < 6 or phrase[:3] != (",", "the", "day") or phrase[3] not in _ONE_DAY:
            continue
        if phrase[4] not in determiners or phrase[5] not in nouns:
            continue
        if pos + 7 < len(words) and words[pos + 7] not in CLAUSE_END and words[pos + 7] != ",":
            continue  # "the day before the game against Denholm": another match may be meant
        if _weekday_or_date(d, si, pos) < 0:
            continue
        if lead == -1:
            lead = _lead_match_day(d)
        if lead < 0 or d.pos_of(lead)[0] == si:
            continue
        roles = (("a", lead), ("b", fi), ("b-from", fi))
        labels = (("a-shift", "0"), ("b-shift", str(_ONE_DAY[phrase[3]])), ("event", f"the {phrase[5]}"))
        yield Relation("same-event", roles, (), "document", labels)


def _weekday_or_date(d: _Doc, si: int, k: int) -> int:
    """The fact at token ``k`` when it names one day by itself ("Thursday", "14 May"), else -1."""
    fi = d.fact_at(si, k)
    if fi < 0 or d.facts[fi].kind not in ("weekday", "date"):
        return -1
    return fi if days.day_of(d.facts[fi], d.view.reporting_date) is not None else -1


# A relative day word read into a weekday's fact ("yesterday, Saturday", "tomorrow (Tuesday)"), as days from the
# reporting date.
_RELATIVE_SHIFT = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def _relative_weekdays(d: _Doc) -> Iterator[Relation]:
    """``same-event``: a weekday told beside a day counted from the reporting date ("The vote took place
    yesterday, Saturday" in a text dated Monday): the weekday as written (``a``) against the day the word
    counts to (``b``, label ``b-from`` "report", ``b-shift`` its days)."""
    for fi in d.view.by_kind.get("weekday", ()):
        f = d.facts[fi]
        shift = next((_RELATIVE_SHIFT[m] for m in f.markers if m in _RELATIVE_SHIFT), None)
        if shift is None:
            continue
        roles = (("a", fi), ("b", fi))
        labels = (("a-shift", "0"), ("b-from", "report"), ("b-shift", str(shift)), ("event", "told in one phrase"))
        yield Relation("same-event", roles, (), "clause", labels)


def _next_days(d: _Doc) -> Iterator[Relation]:
    """``same-event``: "charged the following day, Tuesday": the weekday as written (``a``) against the day
    after the day told just before it (``b``, from ``b-from``; label ``b-shift`` 1, or -1 for "the previous
    day, 24 April")."""
    for fi, anchor, shift in days.next_days(d.m):
        roles = (("a", fi), ("b", fi), ("b-from", anchor))
        event = "the day after" if shift > 0 else "the day before"
        labels = (("a-shift", "0"), ("b-shift", str(shift)), ("event", event))
        yield Relation("same-event", roles, (), "sentence", labels)


# Tokens between a weekday and the phrase that restates it as the day next to an event ("On Monday, the day
# after the peak", "the day before the meeting, on Wednesday evening").
NEXT_TO_REACH = 4
# Letters of a word kept to find an event named again in other words ("the peak" … "the river peaked").
EVENT_ROOT = 4
# Shifts of the phrases that tell a day as next to an event.
_NEXT_TO: dict[tuple[str, ...], int] = {("the", "day", "after"): 1, ("the", "day", "before"): -1}


def _next_to_event(d: _Doc, si: int, pos: int) -> tuple[int, int, int] | None:
    """(shift, first, last token of the event) when the weekday at token ``pos`` is restated beside it as
    the day after or before an event ("On Monday, the day after the peak,"; "the day before the vote, on
    Wednesday"), with no other figure between."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(max(0, pos - NEXT_TO_REACH - 3), min(len(words) - 3, pos + NEXT_TO_REACH + 1)):
        shift = _NEXT_TO.get(tuple(words[k : k + 3]))
        if shift is None or k + 3 >= len(words):
            continue
        lo, hi = (pos + 1, k) if k > pos else (k + 3, pos)
        if any(toks[j].fact >= 0 for j in range(lo, hi)):
            continue
        end = k + 3
        while end < len(words) and words[end] not in CLAUSE_END and words[end] != "," and toks[end].fact < 0:
            end += 1
        if end > k + 3:
            return shift, k + 3, end
    return None


def _roots(words: Sequence[str]) -> set[str]:
    return {w[:EVENT_ROOT] for w in words if len(w) >= EVENT_ROOT and w.isalpha() and w not in STOPWORDS}


def _days_next_to_events(d: _Doc) -> Iterator[Relation]:
    """``same-event``: a weekday told as the day after or before an event (``_next_to_event``) against the one
    day another sentence tells that event on, its words all named there ("On Monday, the day after the peak" …
    "The river peaked ... on Saturday"): the weekday as written (``a``) against that day shifted (``b``,
    ``b-from``, label ``b-shift``)."""
    for wi in d.view.by_kind.get("weekday", ()):
        if d.facts[wi].is_range or wi not in d.m.by_fact:
            continue
        si, pos = d.pos_of(wi)
        got = _next_to_event(d, si, pos)
        if got is None:
            continue
        shift, lo, hi = got
        event = _roots(d.m.words[si][lo:hi])
        if not event:
            continue
        found = {
            t.fact
            for s2, toks in enumerate(d.m.tokens)
            if s2 != si and event <= _roots(d.m.words[s2])
            for t in toks
            if t.fact >= 0 and d.facts[t.fact].kind in ("weekday", "date") and not d.facts[t.fact].is_range
        }
        if len(found) != 1:
            continue
        other = found.pop()
        cues = (d.m.tokens[si][lo].span,)
        labels = (
            ("a-shift", "0"),
            ("b-shift", str(shift)),
            ("event", "the day " + ("after" if shift > 0 else "before")),
        )
        yield Relation("same-event", (("a", wi), ("b", wi), ("b-from", other)), cues, "document", labels)


def _overnight(d: _Doc) -> Iterator[Relation]:
    """``same-event``: one night told by its two days, "late on 14 March or early 15 March", "late Friday
    and early Saturday": the day after "early" is the day after the one after "late" (``b`` against
    ``b-from`` with label ``b-shift`` 1). Only the joining words of ``[overnight] between`` may stand
    between the two."""
    table = dates.table("overnight")
    late, early = tuple(table["late"]), tuple(table["early"])
    between = frozenset(table["between"])
    for fi in (*d.view.by_kind.get("date", ()), *d.view.by_kind.get("weekday", ())):
        f = d.facts[fi]
        if f.is_range or fi not in d.m.by_fact:
            continue
        si, pos = d.pos_of(fi)
        words, toks = d.m.words[si], d.m.tokens[si]
        if not _ends_with(words[:pos], late):
            continue
        k = pos + 1
        while k < len(toks) and k - pos <= OVERNIGHT_GAP and toks[k].fact < 0:
            if _ends_with(words[: k + 1], early) and k + 1 < len(toks) and toks[k + 1].fact >= 0:
                nxt = toks[k + 1].fact
                if d.facts[nxt].kind in ("date", "weekday") and not d.facts[nxt].is_range:
                    roles = (("a", nxt), ("b", nxt), ("b-from", fi))
                    labels = (("a-shift", "0"), ("b-shift", "1"), ("event", "one night, late to early"))
                    yield Relation("same-event", roles, (), "sentence", labels)
                break
            if words[k] not in between and not any(words[k] in w.split() for w in early):
                break
            k += 1


# Tokens after a day told "late" that its "early" next day may stand ("late Friday night, or early on").
OVERNIGHT_GAP = 6


def _ends_with(words: Sequence[str], phrases: tuple[str, ...]) -> bool:
    """The words end with one of the phrases ("late on", "early")."""
    return any(tuple(words[-len(p.split()) :]) == tuple(p.split()) for p in phrases if len(words) >= len(p.split()))


# Words before "on DATE" that name what happened that day ("a formal written reply on 9 April").
DATED_PHRASE = 4
# Stems two such phrases must share to name one event; days apart two dates of one event may be told
# (more is another event, not a slip); dates read (a bounded number of pairs whatever the text's length).
DATED_SHARED = 2
DATED_APART = 7
DATED_KEPT = 40


def _dated_phrase(d: _Doc, si: int, pos: int) -> dict[str, str]:
    """Stem → word of the lower-case words naming what happened on the date at ``pos`` ("a formal written
    reply on 9 April 2008"); empty when the phrase holds a figure or a word of repetition ("a second
    answer on ...", "another answer on ...")."""
    toks, words = d.m.tokens[si], d.m.words[si]
    if pos < 2 or words[pos - 1] != "on":
        return {}
    lo = max(0, pos - 1 - DATED_PHRASE)
    if any(t.fact >= 0 for t in toks[lo : pos - 1]) or days.repeated(words[d.m.clause_start(si, pos) : pos]):
        return {}  # "another meeting to debate the budget on ...": a second time, anywhere in the clause
    text = d.view.text
    return {
        st: t.text
        for t in toks[lo : pos - 1]
        if not text[t.start : t.start + 1].isupper() and (st := days.stem(t.text))
    }


def _dated_twice(d: _Doc) -> Iterator[Relation]:
    """``same-event``: one event given a date twice, days apart ("a formal written reply on 9
    April 2008" … "in my formal reply on April 11 2008"): the words before "on" share two stems."""
    dated: list[tuple[int, dict[str, str], tuple[int | None, int, int]]] = []
    for fi in d.view.by_kind.get("date", ()):
        f = d.facts[fi]
        if fi not in d.m.by_fact:
            continue
        si, pos = d.pos_of(fi)
        parts = days.date_parts(f.iso)
        phrase = _dated_phrase(d, si, pos) if len(parts) == 1 else {}
        if len(phrase) >= DATED_SHARED:
            dated.append((fi, phrase, parts[0]))
        if len(dated) >= DATED_KEPT:
            break
    for i, (fa, pa, (ya, ma, da)) in enumerate(dated):
        for fb, pb, (yb, mb, db) in dated[i + 1 :]:
            shared = pa.keys() & pb.keys()
            if d.facts[fa].sentence == d.facts[fb].sentence or len(shared) < DATED_SHARED:
                continue
            year = ya or yb or 2001  # a year without 29 February: only the distance between the days matters
            if ya is not None and yb is not None and ya != yb:
                continue
            try:
                apart = abs((dt.date(year, ma, da) - dt.date(year, mb, db)).days)
            except ValueError:
                continue
            if 0 < apart <= DATED_APART:
                labels = (
                    ("a-shift", "0"),
                    ("a-from", ""),
                    ("b-shift", "0"),
                    ("b-from", ""),
                    ("event", " ".join(w for st, w in pb.items() if st in shared)),
                )
                yield Relation("same-event", (("a", fa), ("b", fb)), (), "document", labels)


def _one_day(f: Fact) -> bool:
    return f.kind == "date" and len(days.date_parts(f.iso)) == 1


def _after_that(d: _Doc) -> Iterator[Relation]:
    """``day-order``: a sentence that opens by telling what came next ("After that", "Afterwards",
    "Then") with a date (``after``: its first date of one day after the opener), against the last date of
    one day in the sentence before (``before``): "on 9 April the board met … After that, the letter went
    out on 12 April". Not when a word between the opener and the date looks back ("had", "recalled")."""
    table = dates.table("order")
    openers = [tuple(c) for c in table["after_openers"]]
    back = frozenset(table["look_back"])
    for si in range(1, len(d.m.tokens)):
        toks, words = d.m.tokens[si], d.m.words[si]
        k = 0
        while k < len(words) and words[k] in ('"', "'", "("):
            k += 1
        cue = next((c for c in openers if tuple(words[k : k + len(c)]) == c), None)
        if cue is None:
            continue
        after = -1
        for j in range(k + len(cue), len(toks)):
            if words[j] in back:
                break
            if toks[j].fact >= 0 and _one_day(d.facts[toks[j].fact]):
                after = toks[j].fact
                break
        before = next((t.fact for t in reversed(d.m.tokens[si - 1]) if t.fact >= 0 and _one_day(d.facts[t.fact])), -1)
        if after >= 0 and before >= 0:
            yield Relation(
                "day-order", (("before", before), ("after", after)), (d.span(si, k, k + len(cue)),), "document"
            )


def _calendar_dates(d: _Doc) -> Iterator[Relation]:
    """``calendar-date``: a date that names a day (``date``) with the facts that state the text's years
    (``year``, repeated), the other weekday-and-date facts without a year (``peer``, repeated) and those with
    a year that fits their weekday (``fixed``, repeated), for the days only a year decides (29 February, a
    weekday without its year)."""
    years: tuple[tuple[str, int], ...] | None = None
    for fi in d.view.by_kind.get("date", ()):
        if not days.date_parts(d.facts[fi].iso):
            continue
        if years is None:
            years = tuple(("year", yi) for yi in days.text_years(d.m))
            years += tuple(("peer", pi) for pi in days.weekday_dates(d.m))
            years += tuple(("fixed", pi) for pi in days.weekday_full_dates(d.m))
        story = _story_years(d, fi) if (None, 2, 29) in days.date_parts(d.facts[fi].iso) else ()
        roles = (("date", fi), *((r, i) for r, i in years if i != fi), *story)
        yield Relation("calendar-date", roles, (), "document")


def _sentence_of(d: _Doc, fi: int) -> int:
    start = d.facts[fi].span.start
    return next((si for si, s in enumerate(d.view.doc.sentences) if s.span.start <= start < s.span.end), -1)


def _stated_years(d: _Doc, si: int) -> set[int]:
    """The years sentence ``si`` states (bare years and dates with a year)."""
    out: set[int] = set()
    for t in d.m.tokens[si]:
        f = d.facts[t.fact] if t.fact >= 0 else None
        if f is not None and f.kind in ("year", "date") and not f.is_range and f.iso and f.iso[:4].isdigit():
            out.add(int(f.iso[:4]))
    return out


def _story_years(d: _Doc, fi: int) -> tuple[tuple[str, int], ...]:
    """For a 29 February without its year: the year a headline of one year gives the story (``story-year``,
    the headline's figure), beside the years its own paragraph states up to its sentence (``near-year``);
    ``counted`` (the date itself) when its sentence counts years back or on ("last year", "two years ago"):
    its year is then not the story's. Empty without such a headline."""
    si = _sentence_of(d, fi)
    sents = d.view.doc.sentences
    if si <= 0 or not d.m.tokens or sents[0].paragraph == sents[si].paragraph:
        return ()
    if len([s for s in sents if s.paragraph == sents[0].paragraph]) != 1:
        return ()  # a headline is a paragraph of one line
    heads = [
        t.fact
        for t in d.m.tokens[0]
        if t.fact >= 0 and d.facts[t.fact].kind in ("year", "date") and (d.facts[t.fact].iso or "")[:4].isdigit()
    ]
    if len(_stated_years(d, 0)) != 1 or not heads:
        return ()
    if any(
        t.fact >= 0 and d.facts[t.fact].kind == "relative" and d.facts[t.fact].unit == "year" for t in d.m.tokens[si]
    ):
        return (("counted", fi),)
    near = [
        t.fact
        for sj in range(si, -1, -1)
        if sents[sj].paragraph == sents[si].paragraph
        for t in d.m.tokens[sj]
        if t.fact >= 0
        and t.fact != fi
        and d.facts[t.fact].kind in ("year", "date")
        and (d.facts[t.fact].iso or "")[:4].isdigit()
    ]
    return (("story-year", heads[0]), *(("near-year", i) for i in near))


# --- calendar: stated lengths against years (span); births, which lengths and ages both read ---------

# Tokens between a length and the years it spans ("reigned eight years and 20 days between 1731 and 1736").
SPAN_REACH = 12
# Characters between a length and the range of years it spans.
RANGE_CHARS = 60
# Words (punctuation aside: "alt.religion.scientology" is one name) between "since" and the year it counts
# from ("for nearly 30 years, since the first days of the bulletin boards, which carried the leak in
# 1990"; "for eleven years, since Harlow - then a club in the fourth tier - knocked them out 2-1 after a
# penalty shoot-out in a second round replay at Mill Lane on 9 March 2008" is 22). The clause may not end first (";", ", but").
SINCE_REACH = 28
# Tokens before "for N years, since" that may hold the "had" of a length that ended before now.
HAD_REACH = 6
# Words after a comma that open a clause of its own, so a year after them is not the "since" year.
SINCE_STOPS = frozenset("but while whereas although though".split())
# Tokens before a date or year that may hold "born" ("born in Penrith, Cumbria, on 14 June 1938").
BORN_REACH = 8
# Words that start something a compound length ("a four-year war") counts from.
BEGIN_WORDS = frozenset("began begun started start broke erupted opened launched".split())


def _year_range(f: Fact) -> tuple[int, int] | None:
    """A range of years ("1908 to 1915", "between 1908 and 1915", "2016-2019") as (first, last)."""
    if "fiscal" in f.markers or not f.is_range or "/" in f.text:
        return None  # "the 2000/2001 season" is one season, not a span of years
    if f.kind == "year" and f.iso and f.iso.count("/") == 1:
        a, b = f.iso.split("/")
        if a[:4].isdigit() and b[:4].isdigit() and len(a) == len(b) == 4:
            return int(a), int(b)
    iv = f.interval
    if f.kind == "number" and iv.low is not None and iv.high is not None:
        lo, hi = iv.low, iv.high
        if lo == lo.to_integral_value() and hi == hi.to_integral_value() and 1800 <= lo < hi <= 2100:
            return int(lo), int(hi)
    return None


def _years_told(f: Fact) -> tuple[int, int] | None:
    """The first and last year a single year, date or decade names: "1994" is (1994, 1994), "the early 1990s"
    (1990, 1993), "the mid-1980s" (1983, 1987), "the 1970s" (1970, 1979); the parts of a decade are
    ``[age_words] decade_parts``."""
    y = _year_of(f)
    if y is not None:
        return y, y
    if f.kind != "decade" or f.is_range or not f.iso or len(f.iso) != 3 or not f.iso.isdigit():
        return None
    first = int(f.iso) * 10
    words = f.text.lower().replace("-", " ").split()
    for word, (a, b) in _decade_parts().items():
        if word in words:
            return first + a, first + b
    return first, first + 9


@functools.cache
def _decade_parts() -> dict[str, tuple[int, int]]:
    return {w: (int(a), int(b)) for w, (a, b) in dates.table("age_words")["decade_parts"].items()}


def _year_of(f: Fact) -> int | None:
    """The year a single year or dated figure names ("1994", "5 April 1920")."""
    if f.is_range or f.kind not in ("year", "date") or not f.iso or not f.iso[:4].isdigit():
        return None
    return int(f.iso[:4])


def _counted_length(d: _Doc, si: int, pos: int) -> bool:
    """A count of more than one right before the length at ``pos``: "two four-year terms", "three
    five-year plans" span the count times the length."""
    k = d.hedge_start(si, pos) - 1
    fi = d.fact_at(si, k) if k >= 0 else -1
    if fi < 0 or fi == d.fact_at(si, pos):
        return False
    f = d.facts[fi]
    return f.kind in ("count", "number") and f.value is not None and f.value > 1


def _spans(d: _Doc) -> Iterator[Relation]:
    """``span``: a stated length (``length``) against the years it spans: a year range in its clause
    (``range``), or a start year (``start``, repeated when the text gives several) and the reporting
    date (label ``end`` "report"): "for almost 25 years, since … 1994"; "the four-year war" with
    "the war began in 2011"."""
    begun = _beginnings(d)
    ranges: dict[int, list[int]] = {}
    for kind in ("year", "number"):
        for ri in d.view.by_kind.get(kind, ()):
            if _year_range(d.facts[ri]) is not None:
                ranges.setdefault(d.facts[ri].sentence, []).append(ri)
    yield from _years_later(d)
    for fi in d.view.by_kind.get("duration", ()):
        f = d.facts[fi]
        if f.unit != "year" or f.value is None or f.is_range:
            continue
        si, pos = d.pos_of(fi)
        toks, words = d.m.tokens[si], d.m.words[si]
        if _counted_length(d, si, pos):
            continue  # "two four-year terms from 2008 to 2016": several such lengths, not one
        # A year range may be read as one fact over its two ends' facts, so look it up by place, not by token.
        near = [ri for ri in ranges.get(si, ()) if abs(d.facts[ri].span.start - f.span.end) <= RANGE_CHARS]
        # "in four years, or 1,000 a year, with €120m of the cost split between 2026 and 2027": an amount
        # told between them owns the range
        near = [ri for ri in near if not _amount_between(d, f.span.end, d.facts[ri].span.start)]
        if near:
            r = d.facts[near[0]]
            told = d.view.text[max(0, r.span.start - 30) : r.span.start + 8].lower().split()
            # "over two years, split equally between 2026 and 2027": calendar years an amount is spread over,
            # both counted ("served nine years between 1912 and 1919" is a length between two dates)
            spread = "between" in told and bool(_SPREAD & set(told))
            labels = (("inclusive", "yes"),) if spread else ()
            yield Relation("span", (("length", fi), ("range", near[0])), (), "clause", labels)
        else:
            since = next((k for k in range(pos + 1, min(len(words), pos + SPAN_REACH)) if words[k] == "since"), -1)
            comma = next((k for k in range(pos + 1, since) if words[k] == ","), -1)
            if since >= 0 and comma >= 0 and comma != since - 1:
                since = -1  # "a six-year campaign to reopen the station, closed since 1964": another noun's since
            if since >= 0:
                for k in _words_after(words, since, SINCE_REACH):
                    # Not at "." or ":": "alt.religion.scientology" holds them and is one name.
                    if words[k] == ";" or (words[k] in SINCE_STOPS and words[k - 1] == ","):
                        break
                    yi = toks[k].fact
                    if yi >= 0 and _year_of(d.facts[yi]) is not None:
                        cue = (toks[since].span,)
                        end = -1 if "had" in words[max(0, pos - HAD_REACH) : pos] else _own_end(d, si, pos, yi)
                        if end >= 0:
                            # "In 2018 the ferry resumed, ending a 23-year gap since the last crossing in 1995"
                            yield Relation("span", (("length", fi), ("start", yi), ("end", end)), cue, "sentence")
                            break
                        # "has run for N years, since …" runs to now; "had run …" ended before it.
                        ended = "had" in words[max(0, pos - HAD_REACH) : pos]
                        roles = (("length", fi), ("start", yi), *(() if ended else _floor(d, yi)))
                        yield Relation("span", roles, cue, "clause", (("end", "report"),))
                        break
            elif f.subject and f.subject.split()[0] in begun:
                starts = begun[f.subject.split()[0]]
                if len({_year_of(d.facts[y]) for y in starts}) == 1:
                    yield Relation("span", (("length", fi), ("start", starts[0])), (), "document", (("end", "report"),))


_AMOUNT_KINDS = frozenset({"money", "count", "number", "measure", "percent"})
# Words before "between" two years that spread an amount over them, each year counted whole.
_SPREAD = frozenset({"split", "spread", "divided", "shared", "equally", "evenly", "phased"})


def _amount_between(d: _Doc, start: int, end: int) -> bool:
    """An amount stands between character offsets ``start`` and ``end``."""
    return any(start <= f.span.start and f.span.end <= end and f.kind in _AMOUNT_KINDS for f in d.facts)


# Words between a sentence's own year and a length counted to it that say the length runs on to now.
_PERFECT = frozenset({"has", "have", "'s", "'ve"})


def _own_end(d: _Doc, si: int, pos: int, start: int) -> int:
    """The year a length "since" ``start`` is counted to when its sentence dates its own event before the
    length ("The title, clinched in April 2017, ended a wait of 19 years since … 1998"; "Released in May
    2024, the album is the band's first since 2013, ending an 11-year wait"): the one single year or dated
    day of the sentence before the length at token ``pos``, later than ``start``, in the same clause run
    (no ";" between) and with no perfect ("has", "have") between it and the length, which would run the
    length on to now. -1 if none or several."""
    y0 = _year_of(d.facts[start])
    toks, words = d.m.tokens[si], d.m.words[si]
    if y0 is None:
        return -1
    found = []
    for k in range(pos - 1, -1, -1):
        if words[k] == ";" or words[k] in _PERFECT:
            break
        fi = toks[k].fact
        if fi < 0 or fi == start or d.facts[fi].kind not in ("year", "date"):
            continue
        y = _year_of(d.facts[fi])
        if y is not None and y > y0:
            found.append(fi)
    if len(found) != 1 or any(w in _PERFECT for w in words[pos : pos + HAD_REACH]):
        return -1
    return found[0]


# Tokens before a gap's length that may hold the word ending it ("brought to an end a six-year absence").
GAP_END = 4


def _gap_since(d: _Doc) -> Iterator[Relation]:
    """``span``: a gap a sentence's event ends (``length``: "ending a nine-year wait", "after a drought of
    14 years"; gap nouns are ``[spans] gap_nouns``) told after its "since YEAR" (``start``: "the club's
    first trophy since 2005"), counted to the sentence's own earlier-told year (``end``: "Their cup win in
    2019 …") or, without one, to the reporting date. A "since" told after the length is read by ``_spans``."""
    gaps = _span_words("gap_nouns")
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if f.unit != "year" or f.value is None or f.is_range:
            continue
        toks, words = d.m.tokens[si], d.m.words[si]
        compound = "-" in f.text and words[pos + 1 : pos + 2] and words[pos + 1] in gaps
        of_gap = pos >= 2 and words[pos - 1] == "of" and words[pos - 2] in gaps
        if not (compound or of_gap) or not _span_words("gap_end_words") & set(words[max(0, pos - GAP_END) : pos]):
            continue  # not a gap, or one not ended ("patients face a three-year wait"): it may run on
        since = next((k for k in range(pos - 1, max(-1, pos - SINCE_REACH), -1) if words[k] == "since"), -1)
        after = since < 0 and compound
        if after:
            # "ended a four-year break, the group's first shows since 2009": an apposition's "first … since".
            since = next((k for k in range(pos + 2, min(len(words), pos + SPAN_REACH)) if words[k] == "since"), -1)
            firsts = [t for t in toks[pos + 2 : max(pos, since)] if t.fact >= 0 and _is_first(d.facts[t.fact])]
            if since < 0 or not firsts or ";" in words[pos:since]:
                continue
        if since < 0:
            continue
        stop = len(words) if after else pos
        ks = next((k for k in range(since + 1, stop) if toks[k].fact >= 0 and _year_of(d.facts[toks[k].fact])), -1)
        if ks < 0 or any(w in (";", ":") or w in SINCE_STOPS for w in words[since:ks]):
            continue
        start = toks[ks].fact
        if not after and any(t.fact >= 0 and d.facts[t.fact].kind in ("year", "date") for t in toks[ks + 1 : pos]):
            continue  # another year between the start and the length: whose gap is unclear
        cue = (toks[since].span,)
        end = _own_end(d, si, pos if after else since, start)
        if end >= 0:
            yield Relation("span", (("length", fi), ("start", start), ("end", end)), cue, "sentence")
        elif d.view.reporting_date is not None and not any(
            t.fact >= 0 and t.fact != start and d.facts[t.fact].kind in ("year", "date") for t in toks
        ):
            yield Relation("span", (("length", fi), ("start", start)), cue, "clause", (("end", "report"),))


def _words_after(words: Sequence[str], k: int, reach: int) -> Iterator[int]:
    """Positions after ``k`` up to ``reach`` words on (punctuation is not counted), within the sentence."""
    n = 0
    for j in range(k + 1, len(words)):
        if words[j][:1].isalnum() or words[j] == "#":
            n += 1
            if n >= reach:
                return
        yield j


def _years_later(d: _Doc) -> Iterator[Relation]:
    """ "Christmas 1986 … Two years later, in 1989, …": the length (``length``) between the year told
    before (``start``) and the year its own clause gives (``end``)."""
    for si, k, fi, start in _years_counted_on(d, frozenset({"later", "earlier"})):
        toks = d.m.tokens[si]
        end = next((toks[j].fact for j in range(k + 1, min(len(toks), k + 1 + YEAR_RESTATED)) if toks[j].fact >= 0), -1)
        if end >= 0 and _year_of(d.facts[end]) is not None:
            yield Relation("span", (("length", fi), ("start", start), ("end", end)), (), "clause")


def _years_counted_on(d: _Doc, markers: frozenset[str]) -> Iterator[tuple[int, int, int, int]]:
    """(sentence, token, fact, year fact) of each "N years later/earlier" (``markers``) told within
    YEARS_BACK sentences of the last year before it, which it counts from."""
    last: tuple[int, int] | None = None  # (sentence, fact) of the last year told
    for si, toks in enumerate(d.m.tokens):
        for k, t in enumerate(toks):
            if t.fact < 0:
                continue
            f = d.facts[t.fact]
            if _year_of(f) is not None:
                last = (si, t.fact)
                continue
            if f.kind == "duration" and "on" in markers and _years_on(d.m.words[si], k, f):
                k += 1  # "Twenty years on, it draws ...": the length runs to the end of "on"
            elif f.kind != "relative" or f.unit != "year" or not f.value or not markers & set(f.markers):
                continue
            if last is not None and si - last[0] <= YEARS_BACK:
                yield si, k, t.fact, last[1]


# Words before "N years on" that open its clause, and words after "on" that show it ends the phrase ("20 years
# on, the town ...", "20 years on they tour ..."), so that "spent 20 years on the project" is not read.
_ON_BEFORE = frozenset(", but and yet so now".split())
_ON_AFTER = frozenset(", it he she they we".split())


def _years_on(words: Sequence[str], k: int, f: Fact) -> bool:
    """The length at token ``k`` is "N years on" opening its clause: a length of years, "on" after it, and a
    comma or a pronoun after that."""
    return (
        f.unit == "year"
        and bool(f.value)
        and not f.is_range
        and words[k + 1 : k + 2] == ("on",)
        and words[k + 2 : k + 3] in tuple((w,) for w in _ON_AFTER)
        and (k == 0 or words[k - 1] in _ON_BEFORE)
    )


# Sentences back "two years later" looks for the year it counts from; tokens after it for the year that
# restates it ("two years later, in 1989").
YEARS_BACK = 2
YEAR_RESTATED = 4


def _beginnings(d: _Doc) -> dict[str, list[int]]:
    """Noun → the year facts it began in ("the war began in 2011" → war: [2011])."""
    out: dict[str, list[int]] = {}
    for fi in d.view.by_kind.get("year", ()):
        if _year_of(d.facts[fi]) is None:
            continue
        si, pos = d.pos_of(fi)
        words = d.m.words[si]
        # "<noun> (had) began in (March) 2011"
        k = pos - 1
        while k >= 0 and words[k] in ("in", "early", "late", "mid") or (k >= 0 and words[k] in _MONTHS):
            k -= 1
        if k < 1 or words[k] not in BEGIN_WORDS:
            continue
        j = k - 1
        while j >= 0 and words[j] in ("had", "has", "have", "was", "first", "officially", "only", "out"):
            j -= 1
        if j >= 0 and words[j].isalpha():
            noun = words[j].rstrip("s") if words[j].endswith("s") and len(words[j]) > 3 else words[j]
            out.setdefault(noun, []).append(fi)
            out.setdefault(noun + "s", []).append(fi)
    return out


_MONTHS = frozenset("january february march april may june july august september october november december".split())


def _births(d: _Doc) -> list[int]:
    """The year and date facts told as a birth ("born in 1920", "born … on 5 April 1920")."""
    out = []
    for kind in ("date", "year"):
        for fi in d.view.by_kind.get(kind, ()):
            if _year_of(d.facts[fi]) is None:
                continue
            si, pos = d.pos_of(fi)
            toks, words = d.m.tokens[si], d.m.words[si]
            for k in range(pos - 1, max(-1, pos - BORN_REACH - 1), -1):
                if toks[k].fact >= 0:
                    break  # "born in March 1910, unveiled … in 1975": the first year after "born" is the birth
                if words[k] == "born":
                    out.append(fi)
                    break
    return sorted(out)


# --- calendar: more lengths of years -------------------------------------------------

# Tokens back from "N years" to its "in" ("in over 90 years") and to its "first" (the first bridge built
# across the estuary in …).
IN_REACH = 3
FIRST_REACH = 16
# Tokens after "the last" to the year it gives ('The last one across it opened to traffic in 1931').
LAST_REACH = 12
# Tokens before a year that may hold the word that starts something ("was made head of the board when
# the founders sold up in 2007").
START_REACH = 12
# Tokens after the length (and from the next sentence's start) scanned for "the last".
LAST_SCAN = 40
# Tokens after "for N years" to "before"/"until", and after that word to the year that ends the length.
UNTIL_REACH = 4
UNTIL_YEAR_REACH = 10


@functools.cache
def _span_words(key: str) -> frozenset[str]:
    return frozenset(dates.table("spans")[key])


def _is_first(f: Fact) -> bool:
    return f.kind == "ordinal" and f.value == 1 and f.text.lower().startswith("first")


def _year_after(d: _Doc, si: int, k: int, reach: int) -> int:
    """The first single year (or dated figure) after token ``k`` within ``reach`` words, else -1."""
    toks = d.m.tokens[si]
    for j in _words_after(d.m.words[si], k, reach):
        fi = toks[j].fact
        if fi >= 0 and _year_of(d.facts[fi]) is not None:
            return fi
    return -1


# Tokens either side of a figure its own year may stand (a bounded window: one endless sentence stays linear).
OWN_YEAR_REACH = 48


def _own_year(d: _Doc, si: int, pos: int, skip: int = -1) -> int:
    """The year of the figure's own sentence nearest before it (else after), not a birth: -1 if none."""
    toks = d.m.tokens[si]
    best, dist = -1, OWN_YEAR_REACH
    for k in range(max(0, pos - OWN_YEAR_REACH), min(len(toks), pos + OWN_YEAR_REACH)):
        t = toks[k]
        if t.fact < 0 or t.fact == skip or _year_of(d.facts[t.fact]) is None:
            continue
        if abs(k - pos) < dist:
            best, dist = t.fact, abs(k - pos)
    return best


def _first_in_years(d: _Doc) -> Iterator[Relation]:
    """ "the first bridge built across the estuary in over 90 years … The last one … opened … in
    1931": the length (``length``) from the last time (``start``) to the year of its own sentence
    (``end``) or the reporting date (label ``end`` "report")."""
    last_words = _span_words("last_words")
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if f.unit != "year":
            continue
        toks, words = d.m.tokens[si], d.m.words[si]
        if "in" not in words[max(0, pos - IN_REACH) : pos]:
            continue
        lo = max(d.m.clause_start(si, pos) - FIRST_REACH, 0, pos - FIRST_REACH)
        first = next(
            (k for k in range(pos - 1, lo - 1, -1) if toks[k].fact >= 0 and _is_first(d.facts[toks[k].fact])), -1
        )
        if first < 0:
            continue
        start, cue = -1, None
        for s2 in (si, si + 1):
            if s2 >= len(d.m.tokens):
                break
            w2 = d.m.words[s2]
            first_k = pos + 1 if s2 == si else 0
            for k in range(first_k, min(len(w2), first_k + LAST_SCAN)):
                if w2[k] in last_words and (k + 1 >= len(w2) or w2[k + 1] not in _span_words("not_after_last")):
                    start = _year_after(d, s2, k, LAST_REACH)
                    cue = d.m.tokens[s2][k].span
                    break
            if start >= 0:
                break
        if start < 0 or cue is None:
            continue
        end = _own_year(d, si, pos, skip=start)
        cues = (toks[first].span, cue)
        if end >= 0:
            yield Relation("span", (("length", fi), ("start", start), ("end", end)), cues, "document")
        else:
            yield Relation("span", (("length", fi), ("start", start)), cues, "document", (("end", "report"),))


def _for_years_until(d: _Doc) -> Iterator[Relation]:
    """ "was made head of the board … in 2007. … she held off a merger for four years, until the board gave
    way in 2011": the length (``length``) from the year told just before it (``start``, in its sentence or the
    one before, not a birth) to the year after "before"/"until" (``end``)."""
    until_words = _span_words("until_words")
    born = set(_births(d))
    last: tuple[int, int] | None = None  # (sentence, fact) of the last year told
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, t in enumerate(toks):
            if t.fact < 0:
                continue
            f = d.facts[t.fact]
            if _year_of(f) is not None:
                lo = max(d.m.clause_start(si, pos), pos - START_REACH)
                if t.fact not in born and set(words[lo:pos]) & _span_words("start_words"):
                    last = (si, t.fact)
                elif t.fact not in born:
                    last = None  # a later year that starts nothing: the length is not counted from before it
                continue
            # "for two years before closing in 1980" is read as one figure ending in "before".
            told_until = f.kind == "relative" and bool(set(f.markers) & until_words)
            if f.kind != "duration" and not told_until or f.unit != "year" or f.is_range or f.value is None:
                continue
            if pos < 1 or words[pos - 1] != "for" and not (pos >= 3 and words[pos - 3] == "for"):
                continue
            k = pos if told_until else -1
            if k < 0:
                k = next(
                    (j for j in range(pos + 1, min(len(words), pos + 1 + UNTIL_REACH)) if words[j] in until_words), -1
                )
            if k < 0 or last is None or si - last[0] > 1:
                continue
            end = _year_after(d, si, k, UNTIL_YEAR_REACH)
            start_year, end_year = _year_of(d.facts[last[1]]), _year_of(d.facts[end]) if end >= 0 else None
            if end >= 0 and start_year is not None and end_year is not None and start_year < end_year:
                cue = (toks[k].span,)
                # The length may begin after the start event ("founded in 1990 ... grew for three years
                # before a slump in 1999"): only a length longer than start to end contradicts.
                yield Relation(
                    "span",
                    (("length", t.fact), ("start", last[1]), ("end", end)),
                    cue,
                    "document",
                    (("within", "yes"),),
                )


# Words of the phrase after "anniversary of" that name what it counts from ("the first shuttle mission").
ANNIVERSARY_PHRASE = 10
# Stems that phrase must share with the clause of a year to count from it.
ANNIVERSARY_SHARED = 2
# Tokens before a year that name its event ("supposedly shot in 1989", "was released in 2004").
EVENT_BEFORE_YEAR = 4
# A stem told with more years than this names the story, not one event.
YEAR_POSTINGS = 6


def _clause_stems(d: _Doc, si: int, lo: int, hi: int) -> dict[str, Span]:
    out: dict[str, Span] = {}
    toks, words = d.m.tokens[si], d.m.words[si]
    for j in range(max(0, lo), min(len(words), hi)):
        if toks[j].fact >= 0:
            continue
        st = days.stem(words[j])
        if st and st not in out:
            out[st] = toks[j].span
    return out


def _sentence_stems(d: _Doc, si: int) -> dict[str, Span]:
    stems: dict[str, Span] = d.view.memo(f"sentence-stems:{si}", lambda v: _clause_stems(d, si, 0, len(d.m.words[si])))
    return stems


EVENT_WINDOW_YEAR = 12
# Anniversaries a text tells are few; more than this would make anniversaries × years grow with the text.
ANNIVERSARIES_KEPT = 4
# Years an anniversary is held against (the first told): each is one look-up in a memoised stem set.
YEARS_SCANNED = 40


def _single_years(d: _Doc) -> list[int]:
    def read(view: View) -> list[int]:
        out = [fi for toks in d.m.tokens for t in toks if (fi := t.fact) >= 0 and _year_of(d.facts[fi]) is not None]
        return out[:YEARS_SCANNED]

    years: list[int] = d.view.memo("single-years", read)
    return years


def _anniversaries(d: _Doc) -> Iterator[Relation]:
    """ "The 40th anniversary of the town's first tram": the ordinal (``length``) from the year whose
    clause names that event (``start``; "On 2 June 1979, … Line A, the town's first tram") to a
    year of its own sentence (``end``) or the reporting date (label ``end`` "report")."""
    told = 0
    for si, pos, fi, _ in d.figures(frozenset({"ordinal"})):
        words = d.m.words[si]
        if pos + 2 >= len(words) or words[pos + 1] not in _span_words("anniversary_words") or words[pos + 2] != "of":
            continue
        hi = pos + 3
        while hi < min(len(words), pos + 3 + ANNIVERSARY_PHRASE) and words[hi] not in CLAUSE_END:
            w = words[hi]
            # The noun phrase ends at a clause, a verb ("coincided", "was") or another anniversary.
            if (
                w in CLAUSE_OPENERS
                or w == ","
                or w in VERBS
                or w.endswith("ed")
                or w in _span_words("anniversary_words")
            ):
                break
            hi += 1
        told += 1
        if told > ANNIVERSARIES_KEPT:
            return
        own = _year_in_phrase(d, si, pos + 3, hi)
        if own >= 0:
            # "the 30th anniversary of the poet's death in 1975": the year counted from is told here.
            end = _own_year(d, si, pos, skip=own)
            y0, y1 = _year_of(d.facts[own]), _year_of(d.facts[end]) if end >= 0 else None
            if y0 is not None and y1 is not None and y1 <= y0:
                continue  # the year celebrated in comes after what is counted from
            if end >= 0:
                yield Relation("span", (("length", fi), ("start", own), ("end", end)), (), "sentence")
            else:
                yield Relation("span", (("length", fi), ("start", own)), (), "sentence", (("end", "report"),))
            continue
        stems = _clause_stems(d, si, pos + 3, hi)
        if len(stems) < ANNIVERSARY_SHARED:
            continue
        hits: dict[int, list[str]] = {}
        for yi in _single_years(d):
            s2 = d.facts[yi].sentence
            if s2 != si:
                shared = [st for st in stems if st in _sentence_stems(d, s2)]
                if len(shared) >= ANNIVERSARY_SHARED:
                    hits[yi] = shared
        found = list(hits)
        if len({_year_of(d.facts[yi]) for yi in found}) != 1:
            continue  # no event year, or two that disagree
        start = found[0]
        cues = tuple(stems[st] for st in hits[start])
        end = _own_year(d, si, pos, skip=start)
        if end >= 0:
            yield Relation("span", (("length", fi), ("start", start), ("end", end)), cues, "document")
        else:
            yield Relation("span", (("length", fi), ("start", start)), cues, "document", (("end", "report"),))


def _year_in_phrase(d: _Doc, si: int, lo: int, hi: int) -> int:
    """The single year inside an anniversary's "of …" phrase (tokens ``lo`` to ``hi``) that dates what it
    counts from: "of her coronation in 1953", "of the 1989 revolution"; not after a word that opens another
    phrase ("of its founding with a concert in 2019"). -1 if none."""
    toks, words = d.m.tokens[si], d.m.words[si]
    apart = _span_words("anniversary_apart")
    for k in range(lo, min(len(toks), hi + 1)):
        if words[k] in apart:
            return -1
        fi = toks[k].fact
        if fi >= 0 and _year_of(d.facts[fi]) is not None:
            return fi if k > lo and words[k - 1] in ("in", "the", "of") else -1
    return -1


def _years_later_events(d: _Doc) -> Iterator[Relation]:
    """ "New Year 1994 … Three years later, 9 million watched her leave …" with "she left in 1997" elsewhere:
    the length (``length``) from the year told before it (``start``) to the year another sentence gives
    the same event (``end``: its event word stands just before that year)."""
    index: dict[str, list[int]] | None = None
    for si, pos, fi, start in _years_counted_on(d, frozenset({"later"})):
        toks, words = d.m.tokens[si], d.m.words[si]
        hi = min(len(toks), pos + 1 + EVENT_WINDOW_YEAR)
        if any(toks[j].fact >= 0 and _year_of(d.facts[toks[j].fact]) for j in range(pos + 1, hi)):
            continue  # "two years later, in 1989": the year is told here (``_years_later``)
        actions = {
            st: toks[j].span
            for j in range(pos + 1, hi)
            if toks[j].fact < 0 and days.is_action(words[j]) and (st := days.stem(words[j]))
        }
        if not actions:
            continue
        if index is None:
            index = _event_years(d)
        told = (si, d.facts[start].sentence)
        ends = {yi for st in actions for yi in index.get(st, ()) if d.facts[yi].sentence not in told}
        if len({_year_of(d.facts[yi]) for yi in ends}) != 1:
            continue
        end = min(ends)
        cues = tuple(sp for st, sp in actions.items() if end in index.get(st, ()))
        yield Relation("span", (("length", fi), ("start", start), ("end", end)), cues, "document")


def _event_years(d: _Doc) -> dict[str, list[int]]:
    """Stem of an event word → the single years it stands just before ("was supposedly shot in 1989")."""
    out: dict[str, list[int]] = {}
    for fi in _single_years(d):
        si, pos = d.pos_of(fi)
        toks, words = d.m.tokens[si], d.m.words[si]
        if days.repeated(words[max(0, pos - EVENT_BEFORE_YEAR) : pos + 1]):
            continue  # "elected chair again in 2009": another time, not the one counted to
        for j in range(max(0, pos - EVENT_BEFORE_YEAR), pos):
            if toks[j].fact < 0 and days.is_action(words[j]) and (st := days.stem(words[j])):
                out.setdefault(st, []).append(fi)
    return {st: ids for st, ids in out.items() if len(ids) <= YEAR_POSTINGS}


def anchored_now(d: _Doc) -> tuple[int, int] | None:
    """The years "now" may be in, told by a time counted back from now set beside the year it names ("Twelve
    months ago, in the 2025 race", "in 2016, ten years ago", "last year, in 2024"): the year plus the years
    counted back (months: the whole years they may cover). Every such anchor of the text must agree; None
    when there is none or they disagree. Read by the readers of ages now without a reporting date."""

    def read(view: object) -> tuple[int, int] | None:
        lo, hi, told = -(10**6), 10**6, False
        for si, pos, _, f in d.figures(frozenset({"relative"})):
            if f.value is None or f.value >= 0 or f.unit not in ("year", "month") or f.is_range:
                continue
            if "ago" not in f.markers and not f.text.lower().startswith("last "):
                continue
            toks, words = d.m.tokens[si], d.m.words[si]
            after = [k for k in range(pos + 1, min(len(toks), pos + 1 + YEAR_RESTATED)) if toks[k].fact >= 0]
            before = [k for k in range(max(0, pos - YEAR_RESTATED), pos) if toks[k].fact >= 0]
            k = -1
            if after and words[pos + 1 : pos + 2] == (",",) and "in" in words[pos + 1 : after[0]]:
                k = after[0]  # "Twelve months ago, in the 2025 race"
            elif before and words[pos - 1 : pos] == (",",) and words[before[-1] - 1 : before[-1]] == ("in",):
                k = before[-1]  # "in 2016, ten years ago"
            y = _year_of(d.facts[toks[k].fact]) if k >= 0 else None
            if y is None:
                continue
            n = int(-f.value)
            a, b = (y + n, y + n) if f.unit == "year" else (y + n // 12, y + -(-n // 12))
            lo, hi, told = max(lo, a), min(hi, b), True
        return (lo, hi) if told and lo <= hi else None

    now: tuple[int, int] | None = d.view.memo("anchored-now", read)
    return now


def _latest_past(d: _Doc) -> int:
    """The latest single year the text tells of as past ("went on to break the record on 12 June 2004"):
    a sentence with a past-tense word and no word of the future. -1 if none."""
    future = frozenset(dates.table("ages")["future_words"])
    past = frozenset(dates.table("ages")["past_words"])
    best, year = -1, -1
    for fi in _single_years(d):
        y = _year_of(d.facts[fi])
        si = d.facts[fi].sentence
        words = d.m.words[si]
        if y is None or y <= year or set(words) & future:
            continue
        if any(w.endswith("ed") or w in past for w in words):
            best, year = fi, y
    return best


def _floor(d: _Doc, start: int) -> tuple[tuple[str, int], ...]:
    """``(("floor", year),)``: in a text without a reporting date, the latest year it tells of as past, after
    ``start``'s year: "now" is at least that year, so a length counted to now ("for N years, since …") is
    at least the years to it."""
    if d.view.reporting_date is not None:
        return ()
    latest: int = d.view.memo("latest-past", lambda v: _latest_past(d))
    if latest < 0 or latest == start:
        return ()
    y, y0 = _year_of(d.facts[latest]), _year_of(d.facts[start])
    return (("floor", latest),) if y is not None and y0 is not None and y > y0 else ()


def _runs(d: _Doc) -> Iterator[Relation]:
    """``run``: "her second defeat in two days" (``within``) told on a day (``day``), and another day of
    the same kind of event counted from that day (``other``, from ``other-from``; label ``shift``, days
    after it): "… on Sunday. Three days earlier, she lost to …"."""
    for r in days.runs(d.m):
        o = r.other
        roles = (("within", r.within), ("day", r.day), ("other", o.fact), ("other-from", o.anchor))
        yield Relation("run", roles, (r.cue,), "document", (("shift", str(o.shift)),))


# --- calendar: hours between two clock times ("locked at 23:15 … went in at 1:45 the next day, four hours after")

_CLOCK = startcache.compile(r"^(\d\d):(\d\d)$")


def _clock_minutes(f: Fact) -> int | None:
    """Minutes after the midnight the sentence starts from: "22:30" → 1350; "2:30 the next day" → 1590."""
    marks = [m for m in f.markers if _CLOCK.match(m)]
    if f.kind == "time" and f.iso and _CLOCK.match(f.iso):
        hm = _CLOCK.match(f.iso)
        day = 0
    elif f.kind == "relative" and f.unit == "day" and f.value is not None and marks and 0 <= f.value <= 1:
        hm = _CLOCK.match(marks[0])
        day = int(f.value)
    else:
        return None
    assert hm is not None
    return day * 1440 + int(hm.group(1)) * 60 + int(hm.group(2))


def _clock_spans(d: _Doc) -> Iterator[Relation]:
    """``clock-span``: "N hours later/after" (``length``) told just after a clock time (``end``) of a
    sentence that gave an earlier one (``start``): "the polls closed at 10pm and the count ended at 4am,
    six hours later"; or, when its sentence tells no other, after the one clock time of the sentence before
    ("The ferry left at 22:10 on Friday. It docked at 04:40 on Saturday, nine hours later"); label
    ``minutes``, the minutes between them (over midnight when the later is smaller, or told "the next day";
    the days between two weekdays told with the times)."""
    prev: list[tuple[int, int, int, int]] = []
    for si, toks in enumerate(d.m.tokens):
        clocks: list[tuple[int, int, int]] = []  # (position, fact, minutes)
        timed: list[tuple[int, int, int, int]] = []  # (position, fact, minutes, weekday or -1)
        for pos, t in enumerate(toks):
            if t.fact < 0:
                continue
            f = d.facts[t.fact]
            at = _clock_minutes(f)
            if at is not None:
                clocks.append((pos, t.fact, at))
                timed.append((pos, t.fact, at, -1))
                continue
            on = _weekday_clock(f)
            if on is not None:
                timed.append((pos, t.fact, *on))
                continue
            if f.kind != "relative" or f.unit not in ("hour", "minute") or f.value is None:
                continue
            if not {"later", "after"} & set(f.markers) or not timed:
                continue
            if len(timed) >= 2:
                start, evidence = timed[-2], "sentence"
            elif len(prev) == 1:
                start, evidence = prev[0], "document"  # "... at 22:10 on Friday. It docked at 04:40, six hours later"
            else:
                continue
            (_, s_fi, s_at, s_day), (e_pos, e_fi, e_at, e_day) = start, timed[-1]
            if e_day >= 0 and days.on_day_told_before(d.facts[s_fi]):
                continue  # "at 09:00 that morning" … "at 18:00 on Tuesday": days apart, read by the timeline
            # Right after the later time: "at 4am, six hours later", "at 21:50, about two hours later".
            j = e_pos + 1
            if j < len(toks) and d.m.words[si][j] == ",":
                j += 1
            if d.skip_hedge(si, j) != pos:
                continue
            hedge = d.v.hedges.starting_at(d.m.words[si], j) if j < pos else None
            labels = (("hedge", hedge[0]),) if hedge else ()
            if s_day >= 0 and e_day >= 0:
                minutes = (e_day - s_day) % 7 * 1440 + e_at - s_at
                if minutes <= 0:
                    continue
            else:
                minutes = e_at - s_at if e_at > s_at else e_at + 1440 - s_at
            roles = (("length", t.fact), ("start", s_fi), ("end", e_fi))
            yield Relation("clock-span", roles, (), evidence, (("minutes", str(minutes)), *labels))
        yield from _clock_lengths(d, si, clocks)
        prev = timed


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_clock(f: Fact) -> tuple[int, int] | None:
    """(minutes after midnight, weekday) of a clock time told with its weekday ("21:47 on Tuesday"), else None."""
    if f.kind != "weekday" or (f.iso or "").lower() not in _WEEKDAYS:
        return None
    hm = next((m for m in f.markers if _CLOCK.match(m)), None)
    if hm is None:
        return None
    return int(hm[:2]) * 60 + int(hm[3:]), _WEEKDAYS.index((f.iso or "").lower())


# Words between an end time and the verb of length that tells the whole run's length.
_CLOCK_JOINS = frozenset({",", "and", "having", "after"})
# Tokens before a clock time where its start or end word may stand ("The final started at 14:00 local time").
CLOCK_WORD_REACH = 5


def _clock_lengths(d: _Doc, si: int, clocks: Sequence[tuple[int, int, int]]) -> Iterator[Relation]:
    """``clock-span``: a length (``length``) told of what ran from a clock time after a start word (``start``)
    to the next clock time after an end word (``end``), in the sentence's rest after a verb of length ("and
    ended at 16:51, having lasted ...") or opening the next sentence ("It lasted ...", "At three hours and 11
    minutes, it was ..."), words as data in ``[spans]``."""
    if len(clocks) < 2:
        return
    table = dates.table("spans")
    starts, ends = frozenset(table["clock_start"]), frozenset(table["clock_end"])
    lengths, not_length = frozenset(table["clock_length"]), frozenset(table["clock_not_length"])
    words = d.m.words[si]
    for (s_pos, s_fi, s_at), (e_pos, e_fi, e_at) in zip(clocks, clocks[1:], strict=False):
        if not starts & set(words[max(0, s_pos - CLOCK_WORD_REACH) : s_pos]):
            continue
        if not ends & set(words[max(s_pos + 1, e_pos - CLOCK_WORD_REACH) : e_pos]):
            continue
        found = -1
        k = e_pos + 1
        while k < len(words) and words[k] in _CLOCK_JOINS:
            k += 1  # "ended at 16:51, having lasted", "finished at 17:40 after lasting"
        if k < len(words) and words[k] in lengths:
            found = _length_at(d, si, k + 1, not_length)
        if found < 0 and si + 1 < len(d.m.words):
            nxt = d.m.words[si + 1]
            if nxt[:1] == ("it",) and nxt[1:2] and nxt[1] in lengths:
                found = _length_at(d, si + 1, 2, not_length)
            elif nxt[:1] == ("at",):
                j = d.skip_hedge(si + 1, 1)
                if nxt[j + 1 : j + 3] == (",", "it"):
                    found = _length_at(d, si + 1, 1, not_length)
        evidence = "sentence"
        if found < 0:
            found, evidence = _length_before(d, si), "document"
        if found < 0:
            continue
        minutes = e_at - s_at if e_at > s_at else e_at + 1440 - s_at
        roles = (("length", found), ("start", s_fi), ("end", e_fi))
        yield Relation("clock-span", roles, (), evidence, (("minutes", str(minutes)),))


# Sentences before a start and end time that may tell the whole run's length ("Reed needed three hours and
# four minutes to beat Lisle. … The final began at 13:10 and ended at 16:14").
CLOCK_BACK = 2


def _length_before(d: _Doc, si: int) -> int:
    """The one length told to the minute in hours and minutes ("needed three hours and four minutes", "lasted
    5hr 40min") after a verb of the whole run's length (``[spans] clock_run_length``; "needed" only to win
    it, ``clock_run_won``: "needed … to beat Lisle", not "to reach a verdict") in the ``CLOCK_BACK``
    sentences before sentence ``si``, else -1. A length to the minute is the run's own; a round one ("took
    three hours to clear") may be a task's."""
    verbs, wins = _span_words("clock_run_length"), _span_words("clock_run_won")
    found = []
    for sj in range(max(0, si - CLOCK_BACK), si):
        words = d.m.words[sj]
        for k, t in enumerate(d.m.tokens[sj]):
            f = d.facts[t.fact] if t.fact >= 0 else None
            if f is None or f.kind != "duration" or f.unit != "minute" or f.value is None or f.is_range:
                continue
            if f.value <= 60 or f.value % 60 == 0 or not re.search(r"(?i)\bh(ou)?rs?\b", f.text):
                continue  # not hours and minutes
            j = d.hedge_start(sj, k) - 1
            if j < 0 or words[j] not in verbs:
                continue
            if words[j].startswith("need") and not (
                words[k + 1 : k + 2] == ("to",) and words[k + 2 : k + 3] and words[k + 2] in wins
            ):
                continue  # "needed four hours to reach a verdict": a task inside the run, not the run
            found.append(t.fact)
    return found[0] if len(found) == 1 else -1


def _length_at(d: _Doc, si: int, pos: int, not_length: frozenset[str]) -> int:
    """The length of hours or minutes at token ``pos`` (after a hedge), not followed by a word that makes it a
    task's or a time since ("took three hours to restock"), else -1."""
    j = d.skip_hedge(si, pos)
    fi = d.fact_at(si, j)
    if fi < 0:
        return -1
    f = d.facts[fi]
    if f.kind != "duration" or f.unit not in ("hour", "minute") or f.value is None or f.is_range:
        return -1
    words = d.m.words[si]
    return -1 if j + 1 < len(words) and words[j + 1] in not_length else fi
