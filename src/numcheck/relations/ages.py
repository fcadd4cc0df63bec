"""Age relations: ages against birth years, birthdays and the reporting date (``age``), a child's age
against its parents' (``kin``), the age of a thing against when it was made, and an age now against an
age then (at a year, or when a role was taken) and the time since.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from numcheck import dates, days
from numcheck.mentions import CLAUSE_END, Token
from numcheck.model import Fact
from numcheck.patterns import View
from numcheck.relations.base import Relation, _Doc, _plain_tokens
from numcheck.relations.calendar import (
    SPAN_REACH,
    _births,
    _latest_past,
    _own_year,
    _single_years,
    _span_words,
    _year_of,
)
from numcheck.relations.storydate import story_year as _story_year
from numcheck.relations.terms import _AUX, _agree, _is_verb, _sentence_subject, _subject, _who
from numcheck.vocab import PhraseTable, singular

KIN_WORDS = frozenset("daughter son child daughters sons children stepdaughter stepson".split())


def _ages(d: _Doc) -> Iterator[Relation]:
    """``age``: an age (``age``) against a birth year (``born``) and the year of its own sentence (``at``)
    or the reporting date (label ``at`` "report", the birth told within a sentence of the age); or
    against an "Nth birthday" of the same person (``birthday``; label ``eve`` when told as its eve).
    ``kin``: a son's or daughter's age (``child``) against their parents' (``parent``, repeated)."""
    born = _births(d)
    # One birth in the text; told in another sentence than the age, alone in its sentence ("born in
    # 1948 and her brother in 1952" may be two births).
    one_birth = len(born) == 1
    birth_alone = one_birth and _birth_alone(d, born[0])
    birthdays = _birthdays(d)
    ages = [i for i in d.view.by_kind.get("age", ()) if d.facts[i].unit == "year"]
    for ai in (*d.view.by_kind.get("age", ()), *_apposed_ages(d), *_ages_beside_birth(d, born)):
        a = d.facts[ai]
        if a.unit != "year" and a.kind == "age" or a.value is None or a.is_range:
            continue
        si, pos = d.pos_of(ai)
        toks, words = d.m.tokens[si], d.m.words[si]
        if (
            one_birth
            and (birth_alone or d.facts[born[0]].sentence == si)
            and not _someone_else(d, si, pos)
            and not _named_other(d, si, pos, born[0])
            and not _apposed_other(d, si, pos, born[0])
            and not (d.facts[born[0]].sentence != si and _kin_before(d, si, pos))
        ):
            at = -1
            best = SPAN_REACH + 1
            bpos = d.pos_of(born[0])[1] if d.facts[born[0]].sentence == si else -1
            for k, t in enumerate(toks):
                if t.fact >= 0 and t.fact not in born and _year_of(d.facts[t.fact]) is not None and abs(k - pos) < best:
                    if min(k, pos) < bpos < max(k, pos):
                        continue  # "The 20-year-old was born in 1984 and moved in 1988": a later act's year
                    if k > 0 and words[k - 1] == "since":
                        continue  # "Doyle, 71, who has represented it since 1997": where a run began, not her age's year
                    at, best = t.fact, abs(k - pos)
            if at >= 0:
                yield Relation("age", (("age", ai), ("born", born[0]), ("at", at)), (), "sentence")
            elif (
                any(abs(d.facts[b].sentence - si) <= 1 for b in born)
                and (apposed(d, si, pos) or _told_now(d, si, pos) or _told_as_who(d, si, a))
                and _birth_owner(d, born[0]) in (-1, ai)
            ):
                labels: tuple[tuple[str, str], ...] = (("at", "report"),)
                latest = _latest_dated(d)
                if latest >= 0 and latest != born[0]:
                    # No date of its own: now is no earlier than the latest year told as past.
                    labels += (("latest", str(_year_of(d.facts[latest]) or "")),)
                if _later_told(d, born[0]) > 0 and _story_year(d) > 0:
                    # "on Friday 3 March 2017" in the lead: now is that year, not only after it (a weekday
                    # dated from the birth's year alone says nothing of now).
                    labels += (("now", str(_story_year(d))),)
                yield Relation("age", (("age", ai), ("born", born[0])), (), "sentence", labels)
            elif birth_alone and d.view.reporting_date is not None and _born_far(d, si, pos, a, born[0]):
                yield Relation("age", (("age", ai), ("born", born[0])), (), "document", (("at", "report"),))
            elif (
                birth_alone and _later_told(d, born[0]) > 0 and _story_year(d) > 0 and _born_far(d, si, pos, a, born[0])
            ):
                # No dateline, but "The vote on Thursday 20 March" dates the story to the year that fits, and
                # "on the final day, Saturday 27 April 2024" in the lead to its year.
                labels = (("at", "report"), ("now", str(_story_year(d))))
                yield Relation("age", (("age", ai), ("born", born[0])), (), "document", labels)
        names = _cap_names(d, si)
        # One age and one birthday in the whole text are one person's, named or not ("a 9-year-old girl
        # ... She was nine days short of her 10th birthday").
        # Not a first-person birthday ("a week after my first birthday") nor an age as a threshold ("at
        # the age of 18 years").
        threshold = tuple(words[max(0, pos - 3) : pos]) == ("the", "age", "of")
        for oi, eve in birthdays if not _at_start_act(d, si, pos, a) else ():
            # "joined the academy at the age of 14", "signed for Arden aged 16": an age at an act, not the age a
            # birthday now makes; an act told on a day of this week still is ("won on Sunday at the age of 29").
            bs, bpos = d.pos_of(oi)
            whose = d.m.words[bs][bpos - 1] if bpos > 0 else ""
            alone = len(birthdays) == 1 and not threshold and _only_age_of(d, ages, ai, whose)
            if (alone or names & _cap_names(d, d.facts[oi].sentence)) and d.facts[oi].sentence != si:
                yield Relation("age", (("age", ai), ("birthday", oi)), (), "document", (("eve", eve),))
        # "…, aged 81, her husband …, aged 84, and Petra, their 55-year-old daughter"
        after = words[pos + 1] if pos + 1 < len(words) else ""
        if (a.subject or after) in KIN_WORDS and pos >= 1 and words[pos - 1] in ("their", "her", "his"):
            parents = [t.fact for t in toks[:pos] if t.fact >= 0 and d.facts[t.fact].kind == "age"]
            if parents:
                yield Relation("kin", (("child", ai), *(("parent", p) for p in parents)), (), "sentence")


# Tokens either side of a birth in which another year makes it one of two births ("born in 1948 and her
# brother in 1952"); a year past a comma tells a later act ("born in Bangor in August 1999, worked as a
# plumber until ... January 2021").
BIRTH_ALONE_REACH = 6


def _at_start_act(d: _Doc, si: int, pos: int, a: Fact) -> bool:
    """The age at token ``pos`` is told as the age at an act its clause tells before it, a start ("Patel joined
    the academy at the age of 14", "signed for Arden aged 16") or any act told in the past ("Edna married at
    the age of 21"), in a sentence of no death and told as no recent day: an age then, not the age of a
    birthday told in another sentence. Words in ``[ages] act_starts``, ``past_words``, ``death_words`` and
    ``recent_words``."""
    said = a.text.lower()
    if not (said.startswith(("at the age of", "aged")) or pos > 0 and d.m.words[si][pos - 1] in ("at", "aged")):
        return False
    words = d.m.words[si]
    table = _start_words()
    said_in = {table.starting_at(words, k) for k in table.starts_in(words)}
    if any(hit is not None and hit[0] == "death" for hit in said_in):
        return False
    lo = d.m.clause_start(si, pos)
    if any((hit := table.starting_at(words, k)) and hit[0] == "start" for k in table.starts_in(words, lo, pos)):
        return True
    past = set(dates.table("ages")["past_words"])
    if not any(w in past or (len(w) > 4 and w.endswith("ed") and w != "aged") for w in words[lo:pos]):
        return False
    # "won the final on Sunday at the age of 29": a day of this week is the birthday's time too.
    if any(t.fact >= 0 and d.facts[t.fact].kind == "weekday" for t in d.m.tokens[si]):
        return False
    return not any((hit := table.starting_at(words, k)) and hit[0] == "recent" for k in table.starts_in(words))


@functools.cache
def _start_words() -> PhraseTable:
    data = dates.table("ages")
    return PhraseTable.build(
        [
            *((w, "start") for w in data["act_starts"]),
            *((w, "death") for w in data["death_words"]),
            *((w, "recent") for w in data["recent_words"]),
        ]
    )


def _named_other(d: _Doc, si: int, pos: int, bi: int) -> bool:
    """The age at token ``pos`` is told in a relative clause of a name its birth's sentence does not give
    ("the poet Tom Reyes, who won in 2011 at the age of 29" against "Garvey was born in Cork in 1978"):
    another person's."""
    name = d.m._relative_antecedent(si, pos)
    if not name or d.facts[bi].sentence == si:
        return False
    said = {w.lower() for w in _cap_names(d, d.facts[bi].sentence)}
    return not said & set(name.split())


def _apposed_other(d: _Doc, si: int, pos: int, bi: int) -> bool:
    """The age at token ``pos`` is set beside a name ("Manager Rhian Pryce, 41, took charge in June 2021")
    that the birth's own sentence, whose subject it names, does not give ("Reddy, who was born in Sunderland
    in August 1987"): another person's age."""
    bs = d.facts[bi].sentence
    if bs == si or not apposed(d, si, pos):
        return False
    gender, subject = _sentence_subject(d, bs)
    named = {w.lower() for w in _cap_names(d, bs)}
    born = {w for w in subject if w in named and w not in STOPWORDS_CAL}
    if gender or not born:
        return False  # "She was born in 1987": whose birth it is, the sentences before tell
    name = _name_before(d, si, pos)
    return bool(name) and not born & name


def _name_before(d: _Doc, si: int, pos: int) -> frozenset[str]:
    """The capitalised words right before the comma of an age set beside a name ("Manager Rhian Pryce, 41",
    "Pryce, now 41"), at most ``NAME_WORDS`` of them, lower-cased."""
    toks = d.m.tokens[si]
    text = d.view.text
    out: set[str] = set()
    comma = pos - 2 if pos >= 2 and toks[pos - 1].text == "now" else pos - 1
    k = comma - 1  # the word before the comma
    while k >= 0 and comma - 1 - k < NAME_WORDS and toks[k].fact < 0:
        raw = text[toks[k].start : toks[k].end]
        if not (raw[:1].isupper() and raw.isalpha()):
            break
        out.add(raw.lower())
        k -= 1
    return frozenset(out)


def _birth_owner(d: _Doc, bi: int) -> int:
    """The age the birth ``bi`` is told of in a relative clause ("The 21-year-old, who was born in March
    2003"), else -1: any other age near it is another person's ("Lindgren, 29, is expected to stay 11th")."""
    si, pos = d.pos_of(bi)
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(pos - 1, max(0, pos - BIRTH_ALONE_REACH) - 1, -1):
        if words[k] == "who":
            j = k - 1 if k > 0 and words[k - 1] == "," else k
            while j > 0 and toks[j - 1].fact < 0 and words[j - 1].isalpha() and j > k - 3:
                j -= 1  # "The 22-year-old midfielder, who": the age's own noun
            fi = toks[j - 1].fact if j > 0 else -1
            return fi if fi >= 0 and d.facts[fi].kind == "age" else -1
    return -1


def _birth_alone(d: _Doc, bi: int) -> bool:
    """No other year is told near the birth ``bi`` in its own stretch of words (up to a comma or a clause
    end): the birth is one person's, even in a sentence that goes on to date later acts."""
    si, pos = d.pos_of(bi)
    words, toks = d.m.words[si], d.m.tokens[si]
    for step in (-1, 1):
        k = pos + step
        while 0 <= k < len(words) and abs(k - pos) <= BIRTH_ALONE_REACH:
            if words[k] in (",", ";", ":", "(", ")") or words[k] in CLAUSE_END:
                break
            fi = toks[k].fact
            if fi >= 0 and fi != bi and _year_of(d.facts[fi]) is not None:
                return False
            k += step
    return True


def _kin_before(d: _Doc, si: int, pos: int) -> bool:
    """A kin word with its possessive before the age in its sentence ("His son died there in 2004, aged
    40"): the age is the kin's, not the person born in another sentence."""
    words = d.m.words[si]
    return any(words[k] in KIN_WORDS and words[k - 1] in ("his", "her", "their") for k in range(1, pos))


def _birthdays_this_week(d: _Doc) -> Iterator[Relation]:
    """``age``: the one "Nth birthday" told as kept this week ("The opener, who celebrated his 21st birthday on
    Tuesday, made 142": a bare weekday or "yesterday" in its sentence, no year, not its eve) against the one
    birth told with its day ("Born in Bradford on 25 June 2003"), in a text without a reporting date: the
    birthday falls in the birth's year plus N, so N is at least the years from the birth to the latest year
    the text tells of as past ("his third five-wicket haul of the 2024 season"; label ``birthday`` "now")."""
    born = _births(d)
    birthdays = _birthdays(d)
    if d.view.reporting_date is not None or len(born) != 1 or len(birthdays) != 1 or birthdays[0][1]:
        return
    bi, (oi, _) = born[0], birthdays[0]
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", d.facts[bi].iso or ""):
        return
    si = d.facts[oi].sentence
    toks = d.m.tokens[si]
    others = KIN_WORDS | frozenset(dates.table("ages")["other_after"])
    if set(d.m.words[d.facts[bi].sentence]) & others:
        return  # "Her late husband ... was born on 4 April 1940": another person's birth
    if any(t.fact >= 0 and _year_of(d.facts[t.fact]) is not None for t in toks):
        return  # "his 21st birthday in 2019": kept then
    if not any(
        t.fact >= 0 and (d.facts[t.fact].kind == "weekday" or d.facts[t.fact].text.lower() == "yesterday") for t in toks
    ):
        return  # not told as this week's
    latest = _latest_past(d)
    year, by = _year_of(d.facts[latest]) if latest >= 0 else None, _year_of(d.facts[bi])
    if latest == bi or year is None or by is None or year <= by:
        return
    labels = (("at", "report"), ("latest", str(year)), ("birthday", "now"))
    yield Relation("age", (("age", oi), ("born", bi)), (), "document", labels)


def _later_told(d: _Doc, bi: int) -> int:
    """The latest year the text tells besides the birth ``bi``, when it is after the birth's year; else -1: a
    weekday and date dated from the birth's year alone say nothing of now."""
    born = _year_of(d.facts[bi])
    years = [
        y
        for kind in ("year", "date")
        for fi in d.view.by_kind.get(kind, ())
        if fi != bi and (y := _year_of(d.facts[fi])) is not None
    ]
    return max(years) if born is not None and years and max(years) > born else -1


def _named_subject(d: _Doc, si: int) -> tuple[str, frozenset[str]]:
    """(the pronoun, if the subject of sentence ``si`` is one; the capitalised names its subject gives)."""
    gender, subject = _sentence_subject(d, si)
    named = {w.lower() for w in _cap_names(d, si)}
    return gender, frozenset(w for w in subject if w in named and w not in STOPWORDS_CAL)


def _born_names(d: _Doc, bs: int) -> frozenset[str]:
    """The names of the person whose birth sentence ``bs`` tells: its subject's ("Born in Brno in 2005, Novak
    turned professional"), or for "she" or "he" the named subject of the nearest sentence before it that has
    one, over quotes told with a pronoun ("Ms Doyle, 71, ..." … '"It has been a privilege," she said.' … "Born in
    Sligo in March 1954, she moved ..."). Empty when neither names anyone."""
    gender, born = _named_subject(d, bs)
    if not gender:
        return born
    for s2 in range(bs - 1, max(-1, bs - 1 - CHAIN_BACK), -1):
        if not d.m.words[s2] or d.m.words[s2][:1] in _OPEN_QUOTES:
            continue  # a sentence without figures tells no subject here; a quote is the speaker's words
        g, names = _named_subject(d, s2)
        if names and not g:
            return names
        if not g:
            return frozenset()  # another subject, unnamed: whose "she" it is stays open
    return frozenset()


def _born_far(d: _Doc, si: int, pos: int, a: Fact, bi: int) -> bool:
    """The age at token ``pos`` of sentence ``si``, told of now, is of the person whose birth ``bi`` a sentence
    further off tells by name ("Born in Brno in March 2005, Novak turned professional ..."): the birth's
    sentence has a named subject, and the age is told of that name, as the subject of the age's own sentence
    ("Novak, 24, ...", "Novak, the 24-year-old, ...") or, when the age opens its sentence ("The 24-year-old
    Slovak ..."), as the subject of the nearest sentence before it that names one. A quote that opens on the
    age ('"The 35-year-old has been superb," he said') is a speaker's word about someone else: that nearest
    sentence names the born person, or the role the birth's sentence gives them ("Kerr, the club captain,
    was born ..." ... "Dunne praised his captain"), anywhere in it."""
    if not (apposed(d, si, pos) or a.kind == "age" and (_told_now(d, si, pos) or _told_as_who(d, si, a))):
        return False
    bs = d.facts[bi].sentence
    born = _born_names(d, bs)
    if not born:
        return False
    g, who = _sentence_subject(d, si)
    if not g and who & born:
        return True
    words = d.m.words[si]
    quoted = words[:1] in _OPEN_QUOTES and all(w == "the" for w in words[1:pos])
    if not (quoted or _opens(d, si, pos)) or words[pos - 1 : pos] == (",",):
        return False
    for s2 in range(si - 1, max(-1, si - 1 - CHAIN_BACK), -1):
        if quoted:
            plain = _plain_tokens(d, s2)
            if plain:
                return s2 != bs and _speaks_of(d, plain, born, _apposed_role(d, bs))
            continue
        g, who = _sentence_subject(d, s2)
        if g or not who:
            continue
        return bool(who & born)
    return False


def _speaks_of(d: _Doc, plain: tuple[Token, ...], born: frozenset[str], role: frozenset[str]) -> bool:
    """The sentence ``plain`` before a quote tells its speaker (the names that open it) speaking of the born
    person: named after the speaker ("Dunne praised Kerr"), or by the role the birth gives them ("Dunne paid
    tribute to his captain"), and no other name told after the speaker ("Kerr praised Mensah", "Dunne
    praised Kerr and Mensah": whose age the quote tells is not known)."""
    text = d.view.text
    caps = [t.text for t in plain if t.text[:1].isalpha() and text[t.start : t.start + 1].isupper()]

    def cap(k: int) -> bool:
        return k < len(plain) and plain[k].text[:1].isalpha() and text[plain[k].start : plain[k].start + 1].isupper()

    # The speaker: the names that open the sentence, past a title between them ("Board chair Luis Ortega"),
    # never past a verb ("Dunne praised Kerr").
    lead = 0
    while lead < len(plain) and plain[lead].text[:1].isalpha():
        w = plain[lead].text
        if not (cap(lead) or lead and cap(lead + 1) and not _is_verb(w) and w not in _AUX):
            break
        lead += 1
    speaker = {t.text for t in plain[:lead]}
    # Days and months are no names ("paid tribute to Kerr on Sunday").
    others = (
        {w for w in caps if w not in dates.MONTHS and w.capitalize() not in dates.WEEKDAYS} - speaker - STOPWORDS_CAL
    )
    if speaker & born or others - born:
        return False
    return bool(others & born or role & {t.text for t in plain[lead:]})


# The marks that open a quote as a sentence's first token.
_OPEN_QUOTES = (('"',), ("\u201c",))
# Tokens after a name's comma that may hold the noun phrase set beside it ("Kerr, the Castlemoor club captain,").
APPOSED_REACH = 5


def _apposed_role(d: _Doc, si: int) -> frozenset[str]:
    """The head noun of the phrase set beside the name that opens sentence ``si`` ("Kerr, the club captain,
    was born ..." -> captain); empty when there is none."""
    words = d.m.words[si]
    i = next((k for k in range(min(len(words), 4)) if words[k] == ","), -1)
    if i < 1 or words[i + 1 : i + 2] not in (("the",), ("a",), ("his",), ("her",), ("their",)):
        return frozenset()
    j = next((k for k in range(i + 2, min(len(words), i + 2 + APPOSED_REACH)) if words[k] == ","), -1)
    if j < 0 or not words[j - 1].isalpha() or words[j - 1] in STOPWORDS_CAL:
        return frozenset()
    return frozenset({words[j - 1]})


def _told_as_who(d: _Doc, si: int, a: Fact) -> bool:
    """An age written as who someone is ("The 30-year-old, who was born in 1980, won"), not at an event
    ("aged 17"), in a sentence that tells no death: the age now."""
    return (
        a.kind == "age"
        and a.text.lower().endswith("old")
        and not (set(d.m.words[si]) & frozenset(dates.table("ages")["death_words"]))
    )


def _someone_else(d: _Doc, si: int, pos: int) -> bool:
    """The age at token ``pos`` is told of someone the sentence's person met or is kin to: "beating a
    19-year-old", "his co-star, aged 81", "her son, 12"."""
    words = d.m.words[si]
    k = pos - 1
    while k >= 0 and words[k] in ("a", "an", "the"):
        k -= 1
    if k >= 0 and words[k] in _age_words("other_before") and k < pos - 1:
        return True
    if k >= 0 and k < pos - 1 and words[k + 1] in ("a", "an") and _object_of_act(d, words, k):
        return True  # "broke a 12-year-old meeting record", "has bought a 230-year-old mill": what was acted on
    if pos + 1 < len(words) and words[pos + 1] in _age_words("other_after"):
        return True  # "The 25-year-old rival she beat": another person
    if k >= 0 and words[k] == ",":
        k -= 1
    return k >= 1 and (words[k - 1] in ("his", "her", "their") or words[k] in dates.table("tenure")["others"])


def _object_of_act(d: _Doc, words: Sequence[str], k: int) -> bool:
    """The word at ``k``, right before an indefinite article and an age, is a verb of an act (a past word of
    ``[ages] past_words``, a clause verb or a word in "-ed"), not a link ("was a 22-year-old student"): the
    age is of what the act met or made, someone or something else."""
    w = words[k]
    if w in _age_words("link_words"):
        return False
    return w in _age_words("past_words") or d.verb_like(w)


def apposed(d: _Doc, si: int, pos: int) -> bool:
    """A bare whole number from 1 to 119 set off by commas after a name, as news gives an age: "Day, 24,
    said", "Day, now 24, said"."""
    toks = d.m.tokens[si]
    f = d.facts[toks[pos].fact]
    bare = f.kind in ("number", "count") and not f.unit or f.kind == "age" and f.text.isdigit()
    if not bare or pos < 2 or pos + 1 >= len(toks) or f.value is None:
        return False
    if f.value != f.value.to_integral_value() or not 0 < f.value < 120:
        return False
    comma = pos - 1
    now = toks[comma].fact >= 0 and d.facts[toks[comma].fact].text.lower() == "now"
    if (now or toks[comma].text == "now") and pos >= 3:
        comma -= 1  # "Bell, now 40, said ..."
    name = toks[comma - 1]
    said = d.view.text[name.start : name.end]
    named = name.fact < 0 and said[:1].isupper() and said.isalpha() and name.text not in STOPWORDS_CAL
    who = pos + 2 < len(toks) and toks[pos + 2].text == "who"  # "sold to Hale, 47, who ...": a person
    if (
        not who
        and comma >= 2
        and toks[comma - 2].text in _PLACE_BEFORE
        or pos + 2 < len(toks)
        and toks[pos + 2].text in _LIST_AFTER
    ):
        return False  # "the staff in Leeds, 45, or a third, ...": a place and a count
    # '... said project director Anna Marsh, 47.': the name a quote is told by, its age closing the sentence
    closing = toks[pos + 1].text == "," or (
        toks[pos + 1].text == "." and any(t.text in _SAID_WORDS for t in toks[: comma - 1])
    )
    return toks[comma].text == "," and closing and named


_SAID_WORDS = frozenset({"said", "says", "added", "told"})


# A word before the name that makes it a place ("in Leeds, 45,"); a word after the figure that makes it a
# count among others ("45, or a third").
_PLACE_BEFORE = frozenset("in at from of to on for by near across".split())
_LIST_AFTER = frozenset("or and of per".split())


def _apposed_ages(d: _Doc) -> list[int]:
    """The numbers told as ages in apposition ("Jo Reed, 52, who was born in 1948")."""
    return [fi for si, pos, fi, _ in d.figures(frozenset({"number", "count"})) if apposed(d, si, pos)]


# Words right before a bare number that make it an age in a sentence that tells a birth: "Born in 1942, he
# was 30 when ...", "turned 50 in 2005", "became champion at 15 in 2004".
_AGE_BEFORE = frozenset({"was", "turned", "turning", "at", "aged"})


def _ages_beside_birth(d: _Doc, born: list[int]) -> list[int]:
    """Bare whole numbers told as ages in the sentence of the text's one birth year: after "was" (past
    "then", "only"), "turned", "at" or "aged", with no unit or noun after them ("at 15 in 2004", not "at 15
    minutes")."""
    if len(born) != 1:
        return []
    si = d.facts[born[0]].sentence
    out = []
    words, toks = d.m.words[si], d.m.tokens[si]
    for pos, tok in enumerate(toks):
        f = d.facts[tok.fact] if tok.fact >= 0 else None
        if f is None or f.kind not in ("number", "count") or f.unit or f.value is None or f.is_range:
            continue
        if f.value != f.value.to_integral_value() or not 0 < f.value < 120:
            continue
        j = pos - 1
        while j >= 0 and words[j] in _WAS_GAP:
            j -= 1
        after = words[pos + 1] if pos + 1 < len(words) else ""
        if j >= 0 and words[j] in _AGE_BEFORE and (not after.isalpha() or after in _AGE_AFTER):
            out.append(tok.fact)
    return out


# Words after a bare age that leave it an age ("at 15 in 2004", "was 30 when").
_AGE_AFTER = frozenset({"in", "when", "and", "after", "before", "as", "while", "on", "at"})


def _told_now(d: _Doc, si: int, pos: int) -> bool:
    """The age at token ``pos`` of sentence ``si`` is told of now, so the reporting date is the year it holds
    in: not a threshold ("beyond the age of 14", "until the age of 40") nor an age at a past event ("made his
    debut at the age of 18"), unless the sentence tells that event as recent ("has died", "died yesterday",
    "last night", "on Tuesday")."""
    data = dates.table("ages")
    words = d.m.words[si]
    if pos >= 1 and words[pos - 1] in data["threshold_before"]:
        return False
    past = set(data["past_words"])
    if not any(w in past or (w.endswith("ed") and w != "aged") for w in words):
        return True
    # Read on the sentence as written: "yesterday", "last night" and weekdays are figures among its tokens.
    span = d.view.doc.sentences[si].span
    said = set(re.findall(r"[a-z]+", d.view.doc.text[span.start : span.end].lower()))
    return bool(said & set(data["now_words"]))


def _only_age_of(d: _Doc, ages: list[int], ai: int, whose: str) -> bool:
    """``ai`` is the one age in the text that "his" or "her" can stand for: the only age, or the only one
    told of a woman (a man) when ``whose`` is "her" ("his")."""
    if whose not in ("his", "her"):
        return False
    if len(ages) == 1:
        return True
    data = dates.table("ages")
    gender = set(data["female_words"] if whose == "her" else data["male_words"])

    def fits(i: int) -> bool:
        si, pos = d.pos_of(i)
        near = d.m.words[si][max(0, pos - 2) : pos + 3]
        return bool(gender & set(near)) or bool(gender & set((d.facts[i].subject or "").lower().split()))

    return fits(ai) and sum(1 for i in ages if fits(i)) == 1


def _birthdays(d: _Doc) -> list[tuple[int, str]]:
    """ "his 95th birthday" ordinals, with "yes" when told as its eve ("on the eve of", "days before")."""
    out = []
    for fi in d.view.by_kind.get("ordinal", ()):
        f = d.facts[fi]
        if f.value is None or not (f.subject or "").startswith("birthday"):
            continue
        si, pos = d.pos_of(fi)
        words = d.m.words[si]
        if pos > 0 and words[pos - 1] == "its":
            continue  # "the store will celebrate its 150th birthday": a thing's, no person's
        before = set(words[max(0, pos - 6) : pos])
        toks = d.m.tokens[si]
        # "next month" is one relative figure: its first word counts as a word after the ordinal.
        after = {
            d.facts[t.fact].text.split()[0].lower() if t.fact >= 0 else w
            for t, w in zip(toks[pos + 1 : pos + 5], words[pos + 1 : pos + 5])
        }
        ages = dates.table("ages")
        told_ahead = before & set(ages["birthday_eve_before"]) or after & set(ages["birthday_eve_after"])
        eve = "yes" if told_ahead else ""
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
        if d.m.tokens[si]:
            said = [text[t.start : t.end] for t in d.m.tokens[si]]
        else:  # a sentence without figures is not tokenised: a headline, "Ruth Okafor is now ..."
            span = view.doc.sentences[si].span
            said = re.findall(r"[^\W\d_]+", text[span.start : span.end])
        out = set()
        for w in said:
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


# --- ages of things against when they were made ----------------------------------------

# Things made that a text tells are few; more than this would make ages × things grow with the text.
MADE_KEPT = 12


@functools.cache
def _age_words(key: str) -> frozenset[str]:
    return frozenset(dates.table("ages")[key])


def _made_when(d: _Doc) -> dict[str, list[tuple[int, str]]]:
    """Thing → (figure, how) its sentence tells it was made: "a browser was born ten years ago" (how
    "ago"; also "[Ten] years ago", a quote's bracketed figure), "the bridge was built in 1942" (how "year")."""
    made, gap = _age_words("made_words"), _age_words("made_gap")
    out: dict[str, list[tuple[int, str]]] = {}
    told = 0
    for si, words in enumerate(d.m.words):
        verbs = [j for j, w in enumerate(words) if w in made]
        if not verbs:
            continue
        toks = d.m.tokens[si]
        whens: list[tuple[int, str]] = []
        for k, t in enumerate(toks):
            if t.fact < 0:
                continue
            f = d.facts[t.fact]
            after = [w for w in words[k + 1 : k + 4] if w != "]"]
            if f.kind == "relative" and f.unit == "year" and "ago" in f.markers and f.value:
                whens.append((t.fact, "ago"))
            elif f.kind in ("number", "count") and f.value and after[:2] == ["years", "ago"]:
                whens.append((t.fact, "ago"))
            elif _year_of(f) is not None and k >= 1 and words[k - 1] == "in":
                whens.append((t.fact, "year"))
        if len(whens) != 1:
            continue  # none, or two times of making in one sentence
        for j in verbs:
            k = j - 1
            while k >= 0 and words[k] in gap:
                k -= 1
            if k >= 0 and words[k].isalpha() and words[k] not in STOPWORDS_CAL:
                out.setdefault(singular(words[k]), []).append(whens[0])
                told += 1
        if told >= MADE_KEPT:
            break
    return out


def _thing_ages(d: _Doc) -> Iterator[Relation]:
    """``age``: the age of a thing (``age``: "the ageing 12-year-old app") against when another
    sentence says it was made (``born``: "five years ago, the app was released", label ``born`` "ago"; or
    "the bridge was built in 1942", label ``at`` "report")."""
    made: dict[str, list[tuple[int, str]]] | None = None
    for ai in d.view.by_kind.get("age", ()):
        a = d.facts[ai]
        if a.unit != "year" or a.value is None or a.is_range or not a.subject:
            continue
        if made is None:
            made = _made_when(d)
            if not made:
                return
        thing = singular(a.subject.split()[0].lower())
        found = [(fi, how) for fi, how in made.get(thing, ()) if d.facts[fi].sentence != a.sentence]
        if len({(d.facts[fi].value, _year_of(d.facts[fi]), how) for fi, how in found}) != 1:
            continue
        fi, how = found[0]
        labels = (("born", "ago"),) if how == "ago" else (("at", "report"),)
        yield Relation("age", (("age", ai), ("born", fi)), (), "document", labels)


# --- an age now against an age at a year and the latest year the text tells of ----------


def _now_ages(d: _Doc) -> list[int]:
    """Ages told as now in the lead: an age without a year of its own ("The 63-year-old governor"), or a
    bare figure after "who is" ("The veteran keeper, who is 38 in the autumn")."""
    lead = int(dates.table("ages")["lead_sentences"])
    befores = [tuple(p) for p in dates.table("ages")["now_before"]]
    out = []
    for si in range(min(lead, len(d.m.tokens))):
        toks, words = d.m.tokens[si], d.m.words[si]
        for k, t in enumerate(toks):
            if t.fact < 0:
                continue
            f = d.facts[t.fact]
            if f.value is None or f.is_range:
                continue
            mm = d.m.by_fact.get(t.fact)
            if f.kind == "age" and f.unit == "year" and mm is not None and not (mm.frame or "")[:1].isdigit():
                out.append(t.fact)
            elif f.kind in ("number", "count") and not f.unit and tuple(words[max(0, k - 2) : k]) in befores:
                out.append(t.fact)
    return out


def _birth_year(d: _Doc, fi: int) -> bool:
    """The year is told as a birth ("Born in Porto in September 1999"): no year an age in its sentence is at."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    return bool(_age_words("birth_words").intersection(words[max(0, pos - BIRTH_REACH) : pos]))


# Words before a year that a birth word may stand in ("born in Porto in September 1999").
BIRTH_REACH = 6


def _ages_then_and_now(d: _Doc) -> Iterator[Relation]:
    """``age``: a person's age now (``age``, told in the lead) against their age at a year (``then``, "made
    his debut in 1989 as a 20-year-old", the year ``at``) and the latest year the text tells of as past
    (``after``): the person cannot be younger now than the years since then allow."""
    thens = []
    for ai in d.view.by_kind.get("age", ()):
        a, mm = d.facts[ai], d.m.by_fact.get(ai)
        if a.unit != "year" or a.value is None or a.is_range or mm is None or not (mm.frame or "")[:1].isdigit():
            continue
        if a.text.isdigit() and apposed(d, mm.sentence, mm.position):
            continue  # "Alan Pritchard, 71, whose grandfather founded the business in 1952": the age now
        at = _own_year(d, mm.sentence, mm.position)
        if at >= 0 and str(_year_of(d.facts[at])) == mm.frame and not _birth_year(d, at):
            thens.append((ai, at))
    if len(thens) != 1:
        return  # none, or ages of several people or times
    nows = _now_ages(d)
    if len(nows) != 1:
        return
    then, at = thens[0]
    now_si = d.facts[nows[0]].sentence
    # The person the age now is told of: named in its sentence or the headline and lead just before it.
    named = frozenset().union(*(_cap_names(d, si) for si in range(max(0, now_si - 2), now_si + 1)))
    if not named & _cap_names(d, d.facts[then].sentence):
        return  # the age then is not told of the same person
    after = _latest_past(d)
    if after < 0 or after == at or set(d.m.words[now_si]) & _age_words("death_words"):
        return  # none, or an age at a death: the latest year may come after it ("his songs were reissued in 2010")
    roles = (("age", nows[0]), ("then", then), ("at", at), ("after", after))
    yield Relation("age", roles, (), "document")


# Words after the word that starts a role ("became the youngest premier", "was appointed director") up to
# the role's noun.
ROLE_NOUN_REACH = 3
# Words either side of a length that may tie it to a role held ("2,838th day in the post", "has run the
# company for nine years").
ROLE_REACH = 4


def _role_held(d: _Doc, si: int, nouns: frozenset[str]) -> int:
    """The one length of time in sentence ``si`` told as a role held ("her 3,210th day in office", "has
    been the orchestra's director for 11 years": a role word or the role's noun beside it), -1 if none or
    several."""
    roles = _age_words("role_words") | nouns
    toks, words = d.m.tokens[si], d.m.words[si]
    found = []
    for k, t in enumerate(toks):
        if t.fact < 0:
            continue
        f = d.facts[t.fact]
        timed = f.kind == "duration" and f.unit in ("year", "month", "day") and not f.is_range
        nth_day = f.kind == "ordinal" and k + 1 < len(words) and words[k + 1] == "day"
        if (timed or nth_day) and f.value and roles & set(words[max(0, k - ROLE_REACH) : k + ROLE_REACH + 1]):
            found.append(t.fact)
    return found[0] if len(found) == 1 else -1


def _ages_in_role(d: _Doc) -> Iterator[Relation]:
    """``age``: a person's age now (``age``, told in the lead with how long they have held a role, ``held``:
    "The 63-year-old governor reached her 3,210th day in office") against the age at which they took it
    (``then``: "became governor of the state ... at the age of 54"): then plus the time held."""
    nows = _now_ages(d)
    if len(nows) != 1:
        return
    now_si = d.facts[nows[0]].sentence
    starts = _span_words("start_words")
    now_words = set(d.m.words[now_si])
    thens: list[tuple[int, frozenset[str]]] = []
    for ai in d.view.by_kind.get("age", ()):
        a, mm = d.facts[ai], d.m.by_fact.get(ai)
        if ai == nows[0] or a.unit != "year" or a.value is None or a.is_range or mm is None:
            continue
        words = d.m.words[mm.sentence]
        # The role's noun just after the word that starts it is the one the age now is told with.
        after_start = {
            words[j]
            for k, w in enumerate(words)
            if w in starts
            for j in range(k + 1, min(len(words), k + 1 + ROLE_NOUN_REACH))
            if words[j].isalpha() and words[j] not in STOPWORDS_CAL
        }
        if mm.sentence != now_si and after_start & now_words:
            thens.append((ai, frozenset(after_start & now_words)))
    if len(thens) != 1:
        return
    then, nouns = thens[0]
    held = _role_held(d, now_si, nouns)
    if held < 0:
        return
    named = frozenset().union(*(_cap_names(d, si) for si in range(max(0, now_si - 2), now_si + 1)))
    if not named & _cap_names(d, d.facts[then].sentence):
        return  # the age then is not told of the same person
    yield Relation("age", (("age", nows[0]), ("then", then), ("held", held)), (), "document")


# --- an age now against a year the same person did what needs them born and grown ------------

# Tokens back from "in YEAR" to the act it dates ("founded the small design company in 1985").
ACT_REACH = 6
# Sentences back from a pronoun's sentence to the one that names whom it stands for.
CHAIN_BACK = 3
# Words between an act and what comes before it ("was first elected", "had also founded").
_ACT_GAP = frozenset("first also later then only just finally jointly originally once soon".split())
_PASSIVE = frozenset("was were been being is are be got".split())
_DETERMINERS = frozenset("the a an his her their its".split())
_ACT_STOP = frozenset([",", ";", ":", "(", ")", "who", "which", "and", "but", "after"])


@functools.cache
def _acts() -> dict[str, tuple[int, bool]]:
    """Act word → (the youngest age it needs, whether it is told in the passive): ``[ages] acts`` and
    ``passive_acts``."""
    data = dates.table("ages")
    out = {w: (int(n), False) for n, ws in data["acts"] for w in ws}
    out.update({w: (int(n), True) for n, ws in data["passive_acts"] for w in ws})
    return out


def _act_of_year(d: _Doc, si: int, k: int) -> int:
    """The token of the act the year at token ``k`` dates, told of a person: "founded the firm in 1985", "was
    first elected ... in 1965", "co-wrote the 1978 film", "made his debut in 1990". -1 when there is none or it
    is told of a thing ("the club, founded in 1888,", "was founded in 1888")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    acts = _acts()
    j = -1
    if k >= 2 and words[k - 1] in _DETERMINERS and words[k - 2] in acts:
        j = k - 2  # "co-wrote the 1978 film": the year names what the act made
    elif k >= 1 and words[k - 1] in ("in", "on"):
        for i in range(k - 2, max(-1, k - 2 - ACT_REACH), -1):
            if toks[i].fact >= 0 and d.facts[toks[i].fact].kind != "ordinal" or words[i] in _ACT_STOP:
                break
            if words[i] in acts:
                j = i
                break
    if j < 0:
        return -1
    passive = acts[words[j]][1]
    b = j - 1
    while b >= 0 and words[b] in _ACT_GAP:
        b -= 1
    before = words[b] if b >= 0 else ""
    if passive:
        return j if before in _PASSIVE or before in ("", ",") else -1
    if before in _PASSIVE or before == "," and words[j + 1 : j + 2] in (("in",), ("on",), ("by",)):
        return -1  # "was founded in 1888", "the club, founded in 1888,": a thing's making
    return j


def _person_of(d: _Doc, who: tuple[str, frozenset[str]], si: int, person: frozenset[str], told: int) -> bool:
    """The subject ``who`` of sentence ``si`` is the person named by the words ``person`` (whose age sentence
    ``told`` gives): by a word of the name, or, for "he" or "she", by the subject of the nearest sentence before
    that names someone, or the age's own sentence."""
    others = frozenset(dates.table("tenure")["others"])
    if not who[0]:
        return bool(who[1] & person) and not who[1] & others
    if who[0] not in ("m", "f"):
        return False
    for s3 in range(si - 1, max(-1, si - 1 - CHAIN_BACK), -1):
        if s3 == told:
            return True
        if not d.m.words[s3]:
            plain = _plain_tokens(d, s3)
            if plain and plain[0].text in ("he", "she"):
                continue  # a sentence without figures that goes on about the same "he" or "she"
            return False  # a sentence not read: whom it names is not known
        named = _sentence_subject(d, s3)
        if named[0] or not named[1]:
            continue  # another "he" or "she", or a sentence that opens with no subject (a quote)
        return bool(named[1] & person) and not named[1] & others
    return False


def _person_words(d: _Doc, ai: int) -> frozenset[str]:
    """The words that name the person an age now is told of: its sentence's subject, the names that sentence
    gives, and the noun the age is told with ("the 22-year-old midfielder")."""
    si = d.facts[ai].sentence
    said = {w.lower() for w in _cap_names(d, si)}
    said |= set(_sentence_subject(d, si)[1])
    said |= {w for w in (d.facts[ai].subject or "").lower().split() if w.isalpha() and w not in STOPWORDS_CAL}
    return frozenset(said)


def _latest_dated(d: _Doc, person: frozenset[str] | None = None, told: int = -1) -> int:
    """The latest single year the text tells as the time of a past event ("she said in 2003", "was sold on 2
    May 2004"): after "in" or "on", in a sentence with a past word and no word of the future; with ``person``,
    only an event of that person (told of in sentence ``told``). -1 if none."""
    future = frozenset(dates.table("dateline")["future_words"])
    past = frozenset(dates.table("ages")["past_words"])
    best, year = -1, -1
    for fi in _single_years(d):
        y = _year_of(d.facts[fi])
        si, k = d.pos_of(fi)
        words = d.m.words[si]
        if y is None or y <= year or k < 1 or words[k - 1] not in ("in", "on") or set(words) & future:
            continue
        if person is not None and not _person_of(d, _year_subject(d, si, k), si, person, told):
            continue
        if any(w.endswith("ed") or w in past for w in words):
            best, year = fi, y
    return best


def _ages_at_acts(d: _Doc) -> Iterator[Relation]:
    """``age``: a person's age now (``age``: "The 22-year-old midfielder", "Tom Reed, 30,", "has died aged 24",
    told in the lead) against a year the same person did something that needs them born and grown (``act``:
    "co-wrote the 1978 film", "was first elected to the council in 1965", "made his debut in 1990"; the
    youngest age it needs, label ``youngest``, from ``[ages] acts``) and the latest year the text tells as
    past (``after``): they are at least that age plus the years between. The act that needs the oldest person
    is kept."""
    nows = _now_ages(d)
    if len(nows) != 1:
        return
    ai = nows[0]
    si, pos = d.pos_of(ai)
    words = d.m.words[si]
    if any(tuple(words[pos + 1 : pos + 1 + len(p)]) == tuple(p) for p in dates.table("ages")["then_after"]):
        return  # "aged 24 at the time": an age then
    if _someone_else(d, si, pos):
        return
    person = _person_words(d, ai)
    if not person:
        return
    # An age at a death is held against the latest year of the person's own doings ("she said in 2003"), not a
    # year after it ("her films were shown again in 2010").
    died = bool(set(words) & _age_words("death_words"))
    after = _latest_dated(d, person if died else None, si)
    if after < 0:
        return
    latest = _year_of(d.facts[after]) or 0
    future = frozenset(dates.table("dateline")["future_words"])
    best: tuple[int, int, str] | None = None  # (age needed now, year fact, act word)
    for fi in _single_years(d):
        y = _year_of(d.facts[fi])
        s2, k = d.pos_of(fi)
        if y is None or y >= latest or fi in _births(d) or set(d.m.words[s2]) & future:
            continue
        j = _act_of_year(d, s2, k)
        if j < 0:
            continue
        act = d.m.words[s2][j]
        youngest = _acts()[act][0]
        who = _year_subject(d, s2, k) if act in ("debut", "role") else _subject(d, s2, j)
        if not _person_of(d, who, s2, person, si):
            continue
        need = youngest + latest - y
        if best is None or need > best[0]:
            best = (need, fi, act)
    if best is None:
        return
    _, fi, act = best
    labels = (("youngest", str(_acts()[act][0])), ("act", act))
    yield Relation("age", (("age", ai), ("act", fi), ("after", after)), (), "document", labels)


# --- an age now against a youth category the person played in lately ------------------------------


@functools.cache
def _youth() -> tuple[
    dict[str, int], frozenset[str], frozenset[str], frozenset[str], tuple[tuple[int, tuple[str, ...]], ...]
]:
    """(category word → oldest age, the nouns after it, doers, coaches' words, (years back, time phrase))."""
    data = dates.table("ages")
    oldest = {w: int(n) for n, ws in data["youth"] for w in ws}
    when = tuple((int(n), tuple(p)) for n, p in data["youth_when"])
    return oldest, frozenset(data["youth_nouns"]), frozenset(data["youth_doers"]), frozenset(data["youth_not"]), when


def _youth_ages(d: _Doc) -> Iterator[Relation]:
    """``age``: an age told now as a sentence's subject ("The 24-year-old wild card", "Ode, 26,") against a youth
    category the same sentence says that person played in lately ("won three junior Grand Slam titles last year",
    "played for the under-21 side last season"): at most the category's oldest age plus the years since (and a
    birthday). Labels ``low``/``high``/``told`` as for one person's other age."""
    oldest, nouns, doers, coaches, when = _youth()
    for si, words in enumerate(d.m.words):
        cats = [k for k, w in enumerate(words[:-1]) if w in oldest and words[k + 1] in nouns]
        if not cats or set(words) & coaches or not set(words[: cats[0]]) & doers:
            continue
        span = d.view.doc.sentences[si].span
        said = " " + " ".join(re.sub(r"[^\w\s'-]", " ", d.view.text[span.start : span.end].lower()).split()) + " "
        back = [(n, " ".join(p)) for n, p in when if f" {' '.join(p)} " in said]
        if len({n for n, _ in back}) != 1:
            continue
        toks = d.m.tokens[si]
        subject = [
            k
            for k, t in enumerate(toks[: cats[0]])
            if t.fact >= 0 and d.facts[t.fact].kind == "age" and d.facts[t.fact].unit == "year" and _opens(d, si, k)
        ]
        if len(subject) != 1:
            continue
        fi, k = toks[subject[0]].fact, cats[0]
        high = oldest[words[k]] + back[0][0] + 1
        told = d.view.text[toks[k].start : toks[k + 1].end]
        labels = (("low", "0"), ("high", str(high)), ("told", f"'{told}' {back[0][1]}"))
        yield Relation("age", (("age", fi),), (toks[k].span, toks[k + 1].span), "sentence", labels)


def _opens(d: _Doc, si: int, k: int) -> bool:
    """The age at token ``k`` is its sentence's subject: "The 24-year-old ..." (after "But", "And") or "Ode, 26,"
    opening it."""
    words = d.m.words[si]
    j = 0
    while j < k and words[j] in ("but", "and", "yet", "so", "the", "now"):
        j += 1
    if j == k:
        return True
    return words[k - 1 : k] == (",",) and all(
        d.view.text[t.start : t.start + 1].isupper() and t.fact < 0 for t in d.m.tokens[si][j : k - 1]
    )


# --- an age told after the sentence that dates its event -----------------------------

# Sentences back from an age to the one that dates the event it is told at ("... died in 2004. He was 68.").
EVENT_BACK = 2
# Words after "he was" that leave the figure an age ("He was then 30", "She was only 25").
_WAS_GAP = frozenset("then only just still already barely nearly almost about aged".split())


def _was_age(d: _Doc, si: int, pos: int) -> int:
    """The token where the subject of a bare age told as "He was 68" / "She was then 30" starts, else -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    f = d.facts[toks[pos].fact]
    if f.kind not in ("number", "count") or f.unit or f.value is None or f.value != f.value.to_integral_value():
        return -1
    if not 0 < f.value < 120 or words[pos + 1 : pos + 2] not in ((".",), (",",), ("at",), ("when",), ("and",), ("!",)):
        return -1
    j = pos - 1
    while j >= 0 and words[j] in _WAS_GAP:
        j -= 1
    if j < 1 or words[j] != "was":
        return -1
    return j - 1


def _name_run(d: _Doc, si: int, lo: int, hi: int) -> bool:
    """Tokens ``lo``..``hi`` of sentence ``si`` are all capitalised words: a name ("Ann Fox")."""
    toks = d.m.tokens[si]
    if lo < 0 or hi - lo > NAME_WORDS:
        return False
    return all(
        toks[k].fact < 0 and d.view.text[toks[k].start : toks[k].start + 1].isupper() and toks[k].text.isalpha()
        for k in range(lo, hi + 1)
    )


# Words of a name that may stand before "was" ("Mary Ann Fox was 22").
NAME_WORDS = 3


def _year_subject(d: _Doc, si: int, k: int) -> tuple[str, frozenset[str]]:
    """Whose event the year at token ``k`` dates: the first "he", "she" or "they" of its clause ("After school
    she joined the navy, and in 1975 she became ..."), else the subject of the sentence."""
    words = d.m.words[si]
    for j in range(d.m.clause_start(si, k), min(d.m.clause_end(si, k), k + 1 + SUBJECT_AFTER)):
        if words[j] in ("he", "she", "they"):
            return _who(words, j, j + 1)
    return _sentence_subject(d, si)


# Tokens before another year of the birth's sentence that may name another person born ("and her brother in").
OTHER_BORN = 4
# Tokens after a year its clause's subject may stand ("in 1975 she became").
SUBJECT_AFTER = 3


def _stems(words: tuple[str, ...]) -> frozenset[str]:
    """The event stems of a sentence's action words ("dies" and "died" are one)."""
    return frozenset(st for w in words if days.is_action(w) or w in _event_words() if (st := days.stem(w)))


@functools.cache
def _event_words() -> frozenset[str]:
    """Words that tell an event of their own: the start and end words of terms ("joined", "died")."""
    return _span_words("start_words") | _span_words("end_words") | frozenset(dates.table("tenure")["starts"])


def _pronoun_in_clause(d: _Doc, si: int, k: int) -> bool:
    words = d.m.words[si]
    return any(words[j] in ("he", "she", "they") for j in range(d.m.clause_start(si, k), d.m.clause_end(si, k)))


def _in_relative(words: tuple[str, ...], k: int) -> bool:
    """Token ``k`` stands in a relative clause ("the MP who challenged her in 1989, ..."): a "who" or "which"
    before it with no comma between."""
    for j in range(k - 1, -1, -1):
        if words[j] in (",", ";", "(", ")"):
            return False
        if words[j] in ("who", "which", "whose"):
            return True
    return False


def _ages_after_event(d: _Doc) -> Iterator[Relation]:
    """``age``: an age told in a sentence without a year (``age``: "He was 68.", "She was then 30", "He was aged
    81", "The 40-year-old had never ...") against the one birth year of the text (``born``) and the one year
    of the sentence before that dates an event of the same person (``at``: "died at his home in 2004",
    "took charge of the club in 1970"). Whose each is: the subjects of the three sentences must agree ("His
    son was 40" is someone else's age)."""
    born = _births(d)
    if len({_year_of(d.facts[b]) for b in born}) != 1:
        return
    birth = born[0]
    bs = d.facts[birth].sentence
    others = frozenset(dates.table("tenure")["others"])
    for t in d.m.tokens[bs]:
        if t.fact >= 0 and t.fact != birth and _year_of(d.facts[t.fact]) is not None:
            k = d.pos_of(t.fact)[1]
            if set(d.m.words[bs][max(0, k - OTHER_BORN) : k]) & others:
                return  # "born in 1948 and her brother in 1952": whose birth an age is told against is not clear
    birth_who = _year_subject(d, *d.pos_of(birth))
    present = frozenset(("is", "now", "today", "turns", "will", "'s", "are", "has", "have", "yesterday"))
    for si, pos, fi, f in d.figures(frozenset({"age", "number", "count"})):
        words, toks = d.m.words[si], d.m.tokens[si]
        if f.kind == "age":
            if f.unit != "year" or f.value is None or f.is_range:
                continue
            # "The 40-year-old had never managed": the person the sentences before are about; not "The
            # 25-year-old rival", someone the age's own noun names.
            after = words[pos + 1] if pos + 1 < len(words) else ""
            opening = pos <= 1 and words[:1] in (("the",), ("#",)) and (after in _AUX or _is_verb(after))
            who = None if opening else _sentence_subject(d, si)
        else:
            lo = _was_age(d, si, pos)
            first = d.m.clause_start(si, lo) if lo >= 0 else -1
            # "He was 68", or a name of several words ("Ann Fox was 22 when ..."): the clause opens with its subject.
            if lo < 0 or first != lo and not _name_run(d, si, first, lo):
                continue
            who = _who(words, first, lo + 1)
        if set(words) & present or d.facts[birth].sentence == si:
            continue  # an age now, or one told with the birth (``_ages``)
        if pos >= 1 and words[pos - 1] in _age_words("threshold_before"):
            continue  # "beyond the age of 14": a threshold, not an age at an event
        own = [k for k, t in enumerate(toks) if t.fact >= 0 and t.fact not in born and _year_of(d.facts[t.fact])]
        if own:
            # "Born in 1941 in Texas, he moved to Nashville in 1960. He died there in 2004, aged 68": its own
            # sentence dates it, the birth is told in another with a year of its own (``_ages`` reads a birth
            # told alone).
            at = toks[own[0]].fact
            if (
                len({_year_of(d.facts[toks[k].fact]) for k in own}) == 1
                and d.facts[birth].sentence != si
                and not _someone_else(d, si, pos)
                and _agree(birth_who, _year_subject(d, si, pos if _pronoun_in_clause(d, si, pos) else own[0]))
            ):
                yield Relation("age", (("age", fi), ("born", birth), ("at", at)), (), "document")
            continue
        # A headline's age ("Country singer dies aged 70") is dated by the sentence below that tells its event.
        headline = si == 0
        near = (
            range(1, min(len(d.m.tokens), 1 + EVENT_BACK))
            if headline
            else range(si - 1, max(-1, si - 1 - EVENT_BACK), -1)
        )
        for s2 in near:
            years = [t.fact for t in d.m.tokens[s2] if t.fact >= 0 and t.fact not in born and _year_of(d.facts[t.fact])]
            if not years:
                continue
            at = years[0]
            w2 = d.m.words[s2]
            if set(w2) & present or _in_relative(w2, d.pos_of(at)[1]):
                break  # "X, who challenged her in 1989, has died. He was 84": the age is told now
            event_who = _year_subject(d, s2, d.pos_of(at)[1])
            if len({_year_of(d.facts[y]) for y in years}) != 1 or (who is not None and not _agree(who, event_who)):
                break
            if d.facts[birth].sentence != s2 and not _agree(birth_who, event_who):
                break
            if headline and not _stems(words) & _stems(w2):
                continue  # the headline's event is not this sentence's
            if not headline and set(words) & _event_words() - set(w2):
                break  # "He fell ill in 2004. He died at the age of 68": an event of its own, not dated
            yield Relation("age", (("age", fi), ("born", birth), ("at", at)), (), "document")
            break
