"""Calendar relations: days told of one event (same-event), dates to check (calendar-date),
stated lengths against years (span) and ages against birth years (age, kin).
"""

from __future__ import annotations

from collections.abc import Iterator

from numcheck import days
from numcheck.model import Fact
from numcheck.patterns import View
from numcheck.relations.base import Relation, _Doc

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


def _calendar_dates(d: _Doc) -> Iterator[Relation]:
    """``calendar-date``: a date that names a day (``date``) with the facts that state the text's years
    (``year``, repeated) and the other weekday-and-date facts without a year (``peer``, repeated), for the
    days only a year decides (29 February, a weekday without its year)."""
    years: tuple[tuple[str, int], ...] | None = None
    for fi in d.view.by_kind.get("date", ()):
        if not days.date_parts(d.facts[fi].iso):
            continue
        if years is None:
            years = tuple(("year", yi) for yi in days.text_years(d.m))
            years += tuple(("peer", pi) for pi in days.weekday_dates(d.m))
        yield Relation("calendar-date", (("date", fi), *((r, i) for r, i in years if i != fi)), (), "document")


# --- calendar: stated lengths against years (span) and ages against birth years (age, kin) ----

# Tokens between a length and the years it spans ("served seven years and 43 days between 1908 and 1915").
SPAN_REACH = 12
# Characters between a length and the range of years it spans.
RANGE_CHARS = 60
# Tokens between "since" and the year it counts from ("for almost 25 years, since the early days of
# newsgroups, which posted the papers in 1994").
SINCE_REACH = 20
# Tokens before a date or year that may hold "born" ("born in Luton, Bedfordshire, on 5 April 1920").
BORN_REACH = 8
# Words that start something a compound length ("a four-year war") counts from.
BEGIN_WORDS = frozenset("began begun started start broke erupted opened launched".split())
KIN_WORDS = frozenset("daughter son child daughters sons children stepdaughter stepson".split())


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


def _year_of(f: Fact) -> int | None:
    """The year a single year or dated figure names ("1994", "5 April 1920")."""
    if f.is_range or f.kind not in ("year", "date") or not f.iso or not f.iso[:4].isdigit():
        return None
    return int(f.iso[:4])


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
        # A year range may be read as one fact over its two ends' facts, so look it up by place, not by token.
        near = [ri for ri in ranges.get(si, ()) if abs(d.facts[ri].span.start - f.span.end) <= RANGE_CHARS]
        if near:
            yield Relation("span", (("length", fi), ("range", near[0])), (), "clause")
        else:
            since = next((k for k in range(pos + 1, min(len(words), pos + SPAN_REACH)) if words[k] == "since"), -1)
            if since >= 0:
                for k in range(since + 1, min(len(toks), since + SINCE_REACH)):
                    yi = toks[k].fact
                    if yi >= 0 and _year_of(d.facts[yi]) is not None:
                        cue = (toks[since].span,)
                        yield Relation("span", (("length", fi), ("start", yi)), cue, "clause", (("end", "report"),))
                        break
            elif f.subject and f.subject.split()[0] in begun:
                starts = begun[f.subject.split()[0]]
                if len({_year_of(d.facts[y]) for y in starts}) == 1:
                    yield Relation("span", (("length", fi), ("start", starts[0])), (), "document", (("end", "report"),))


def _years_later(d: _Doc) -> Iterator[Relation]:
    """ "Christmas 1986 … Two years later, in 1989, …": the length (``length``) between the year told
    before (``start``) and the year its own clause gives (``end``)."""
    last: tuple[int, int] | None = None  # (sentence, fact) of the last year told
    for si, toks in enumerate(d.m.tokens):
        for k, t in enumerate(toks):
            if t.fact < 0:
                continue
            f = d.facts[t.fact]
            if _year_of(f) is not None:
                last = (si, t.fact)
                continue
            if f.kind != "relative" or f.unit != "year" or not f.value or not {"later", "earlier"} & set(f.markers):
                continue
            if last is None or si - last[0] > YEARS_BACK:
                continue
            end = next(
                (toks[j].fact for j in range(k + 1, min(len(toks), k + 1 + YEAR_RESTATED)) if toks[j].fact >= 0), -1
            )
            if end >= 0 and _year_of(d.facts[end]) is not None:
                yield Relation("span", (("length", t.fact), ("start", last[1]), ("end", end)), (), "clause")


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


def _ages(d: _Doc) -> Iterator[Relation]:
    """``age``: an age (``age``) against a birth year (``born``) and the year of its own sentence (``at``)
    or the reporting date (label ``at`` "report", the birth told within a sentence of the age); or
    against an "Nth birthday" of the same person (``birthday``; label ``eve`` when told as its eve).
    ``kin``: a son's or daughter's age (``child``) against their parents' (``parent``, repeated)."""
    born = _births(d)
    # One birth in the text; told in another sentence than the age, alone in its sentence ("born in
    # 1948 and her brother in 1952" may be two births).
    one_birth = len(born) == 1
    birth_alone = (
        one_birth
        and sum(1 for i in d.view.by_sentence[d.facts[born[0]].sentence] if _year_of(d.facts[i]) is not None) == 1
    )
    birthdays = _birthdays(d)
    for ai in d.view.by_kind.get("age", ()):
        a = d.facts[ai]
        if a.unit != "year" or a.value is None or a.is_range:
            continue
        si, pos = d.pos_of(ai)
        toks, words = d.m.tokens[si], d.m.words[si]
        if one_birth and (birth_alone or d.facts[born[0]].sentence == si):
            at = -1
            best = SPAN_REACH + 1
            for k, t in enumerate(toks):
                if t.fact >= 0 and t.fact not in born and _year_of(d.facts[t.fact]) is not None and abs(k - pos) < best:
                    at, best = t.fact, abs(k - pos)
            if at >= 0:
                yield Relation("age", (("age", ai), ("born", born[0]), ("at", at)), (), "sentence")
            elif any(abs(d.facts[b].sentence - si) <= 1 for b in born):
                yield Relation("age", (("age", ai), ("born", born[0])), (), "sentence", (("at", "report"),))
        names = _cap_names(d, si)
        for oi, eve in birthdays:
            if names & _cap_names(d, d.facts[oi].sentence) and d.facts[oi].sentence != si:
                yield Relation("age", (("age", ai), ("birthday", oi)), (), "document", (("eve", eve),))
        # "…, aged 86, her husband …, aged 90, and Maureen, their 76-year-old daughter"
        after = words[pos + 1] if pos + 1 < len(words) else ""
        if (a.subject or after) in KIN_WORDS and pos >= 1 and words[pos - 1] in ("their", "her", "his"):
            parents = [t.fact for t in toks[:pos] if t.fact >= 0 and d.facts[t.fact].kind == "age"]
            if parents:
                yield Relation("kin", (("child", ai), *(("parent", p) for p in parents)), (), "sentence")


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


def _birthdays(d: _Doc) -> list[tuple[int, str]]:
    """ "his 95th birthday" ordinals, with "yes" when told as its eve ("on the eve of", "days before")."""
    out = []
    for fi in d.view.by_kind.get("ordinal", ()):
        f = d.facts[fi]
        if f.value is None or not (f.subject or "").startswith("birthday"):
            continue
        si, pos = d.pos_of(fi)
        before = d.m.words[si][max(0, pos - 6) : pos]
        eve = "yes" if {"eve", "before", "ahead", "approaching", "shy"} & set(before) else ""
        out.append((fi, eve))
        if len(out) >= BIRTHDAYS_KEPT:
            break
    return out


# Birthdays a text tells are few; more than this would make ages × birthdays grow with the text.
BIRTHDAYS_KEPT = 8


def _cap_names(d: _Doc, si: int) -> frozenset[str]:
    """Capitalised words of a sentence, titles and clause openers aside: the people and places it names.

    Read once per sentence (a sentence of a thousand ages asks a thousand times)."""

    def read(view: View) -> frozenset[str]:
        text = view.doc.text
        out = set()
        for t in d.m.tokens[si]:
            w = text[t.start : t.end]
            if len(w) > 2 and w[0].isupper() and w[1:].islower() and w.lower() not in STOPWORDS_CAL:
                out.add(w)
        return frozenset(out)

    names: frozenset[str] = d.view.memo(f"cap-names:{si}", read)
    return names


# Capitalised words that name no one: titles and words that open a clause.
STOPWORDS_CAL = frozenset(
    """the he she his her they their it its former mr mrs ms dr sir lord lady prime minister president
    labour conservative but and in on at of for by with from as after before when police officials
    there this that these those we you i a an if so yet""".split()
)
