"""Levels: what a quantity moved to, or that it did not move, said twice of one subject.

"The share of readers using the app has dropped to below 90%" in the lead
and "its share slipped 4% since March to 81.5%" in the body; "the vacancy
rate fell to 10.4%" and, later, "the first time vacancies have dropped to
a single digit"; "takings held flat in 2019" and "takings around the world
dropped by 12.7%". The subject is the clause's words before the verb
(a pronoun's, "it fell to", from the sentence before); two statements are
of one subject when they share two of its words (through the vocabulary's
concepts: "sales" = "revenue") or a name, and neither names a holder or
place the other does not give.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from numcheck.dates import MONTHS, WEEKDAYS
from numcheck.mentions import CLAUSE_END, Token
from numcheck.model import Span
from numcheck.relations.base import _DETERMINERS, NOT_NAMES, Relation, _Doc
from numcheck.relations.restatements import (
    _PLACE_PREPS,
    _WHOLE_SCOPE,
    _caps,
    _frames_agree,
    _lead_sentences,
    _plain_tokens,
    _stem,
)
from numcheck.vocab import singular

# Tokens back from "to" that the verb of the move may stand ("has slipped 4% since March to 81.5%").
MOVE_REACH = 10
# Tokens back from the verb that its subject may run.
SUBJECT_REACH = 12
# Tokens after "from" that the level it starts from may stand ("from the 31-year low of 2%").
FROM_GAP = 6
# Earlier statements kept per subject word (bounds the comparisons: never all pairs).
PER_WORD = 3
# Words that are not the subject's own words.
_STOP = frozenset(
    """a an the of in on at by for from to with as than and or but is are was were be been being has have had
    who which that this these those it its their his her our they them he she we there here per cent percent
    each more less up down over under about around almost nearly some after before since until while when
    during between against compared year years month months week weeks day days time times also now still
    however meanwhile first last new latest same said says say will would could can may might must
    figures figure data official officially overall total just only very much many most than""".split()
)
# Words right after a verb of movement that bound the level reached ("has dropped below 90%").
_BOUND_WORDS = frozenset("below under above over beneath".split())
# Words that may start a statement of a level in a figure-less lead sentence.
_TRIGGERS = ("to", "in", *_BOUND_WORDS)
_PRONOUNS = frozenset("it they this that which".split())
_AUXILIARIES = frozenset("has have had was were is are be been being having also now already".split())
_SAID = frozenset("said says say reported reports told announced added".split())
_COPULAS = frozenset("were was are is be been remained remain remains stayed stay stays held came".split())
# Roles that make a change figure something other than the subject's own change.
_NOT_CHANGE = frozenset({"part", "remainder", "another", "forecast"})
_CALENDAR = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))


@dataclass(frozen=True, slots=True)
class _Said:
    """One statement of a level: the figure (or the qualifier phrase) a subject moved to or stayed at."""

    sentence: int
    direction: str  # "up" | "down" | "flat"
    subject: frozenset[str]
    names: frozenset[str]
    places: frozenset[str] = frozenset()
    figure: int = -1
    phrase: str = ""
    cue: Span | None = None


def _names(d: _Doc, si: int, lo: int, hi: int) -> frozenset[str]:
    return frozenset(n for n in _caps(d, si, lo, hi) if n not in _CALENDAR and n not in NOT_NAMES)


def _subject(d: _Doc, si: int, k: int, plain: Sequence[Token] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """The subject's words and names in the clause before token ``k`` (the verb); a pronoun subject
    ("it fell to") takes the previous sentence's subject. ``plain``: the tokens of a sentence the
    mentions left untokenised (it has no figure)."""
    toks = plain or d.m.tokens[si]
    words = tuple(t.text for t in plain) if plain else d.m.words[si]
    lo = _subject_start(d, si, k, words, bool(plain))
    j = k - 1
    while j >= lo and words[j] in _AUXILIARIES:
        j -= 1
    if j >= lo and words[j] in _PRONOUNS and j <= lo + 1:
        return _previous_subject(d, si)
    out: set[str] = set()
    for j in range(lo, k):
        if toks[j].fact >= 0:
            continue
        w = words[j].removesuffix("'s")
        if len(w) < 2 or not w[0].isalpha() or w in _STOP or d.v.direction.starting_at(words, j):
            continue
        out.add(d.v.concepts.get(w) or singular(w))
        if "-" in w:
            out.update(singular(p) for p in w.split("-") if len(p) > 1 and p not in _STOP)
    if plain:
        text = d.view.text
        caps = {t.text.removesuffix("'s") for t in plain[max(lo, 1) : k] if text[t.start : t.end][:1].isupper()}
        return frozenset(out), frozenset(caps - _CALENDAR - NOT_NAMES)
    return frozenset(out), _names(d, si, lo, k)


def _subject_start(d: _Doc, si: int, k: int, words: Sequence[str], plain: bool) -> int:
    """Where the subject of the verb at token ``k`` starts: its clause, after a source ("the institute
    said it fell": the source is not the subject)."""
    lo = max(0 if plain else d.m.clause_start(si, k), k - SUBJECT_REACH)
    for j in range(k - 1, lo - 1, -1):
        if words[j] in _SAID or words[j] == "that":
            return j + 1
    return lo


def _where(d: _Doc, si: int, k: int, plain: Sequence[Token]) -> frozenset[str]:
    """Words of a place or group the clause up to token ``k`` narrows its subject to ("in the capital")."""
    if plain:
        return frozenset()
    words = d.m.words[si]
    toks = d.m.tokens[si]
    out: set[str] = set()
    lo, hi = _subject_start(d, si, k, words, False), min(k + 4, d.m.clause_end(si, k))
    for j in range(lo, hi):
        if words[j] not in _PLACE_PREPS:
            continue
        n = j + 1
        while n < hi and words[n] in _DETERMINERS:
            n += 1
        if d.v.qualifiers.starting_at(words, n):
            continue  # "in single digits": a level, not a place
        for w in words[n : min(hi, n + 2)]:
            if not w[:1].isalpha() or toks[n].fact >= 0:
                break
            if w not in _STOP and w not in _WHOLE_SCOPE and w not in _CALENDAR:
                out.add(w)
    return frozenset(out)


def _previous_subject(d: _Doc, si: int) -> tuple[frozenset[str], frozenset[str]]:
    """The subject of the sentence before: its words up to its first verb of movement."""
    if si == 0:
        return frozenset(), frozenset()
    p = si - 1
    words = d.m.words[p]
    if not words:
        return frozenset(), frozenset()
    end = min(len(words), SUBJECT_REACH)
    for j in range(end):
        if d.v.direction.starting_at(words, j) or words[j] in _AUXILIARIES or words[j] in CLAUSE_END:
            end = j
            break
    return _subject(d, p, end) if end > 0 else (frozenset(), frozenset())


def _statements(d: _Doc) -> Iterator[_Said]:
    """Every "moved to X" and "stayed flat" in the document, in text order."""
    lead = _lead_sentences(d)
    for si, toks in enumerate(d.m.tokens):
        plain: tuple[Token, ...] = ()
        if not toks:
            if si not in lead:
                continue
            span = d.view.doc.sentences[si].span
            raw = d.view.text[span.start : span.end].lower()
            if not any(f" {w} " in raw for w in _TRIGGERS) and not any(w in raw for w in d.v.still_words.by_first):
                continue  # nothing moved to a level or stood still: no need to read its words
            plain = _plain_tokens(d, si)  # a figure-less headline or lead is not tokenised
        words = tuple(t.text for t in plain) if plain else d.m.words[si]
        for j, w in enumerate(words):
            said = None
            if w == "to":
                said = _moved_to(d, si, j, j + 1, plain)
            elif w in _BOUND_WORDS and j > 0 and words[j - 1] != "to":
                said = _moved_to(d, si, j, j, plain)  # "has dropped below 90%"
            elif w == "in" and j > 0 and words[j - 1] in _COPULAS:
                said = _in_level(d, si, j, plain)  # "has been in single digits"
            if said is not None:
                yield said
        yield from _flat_in(d, si, words, plain)


def _in_level(d: _Doc, si: int, j: int, plain: Sequence[Token]) -> _Said | None:
    """ "The jobless rate has been in single digits since 1998": a level word said as a state."""
    toks = plain or d.m.tokens[si]
    words = tuple(t.text for t in plain) if plain else d.m.words[si]
    hit = d.v.qualifiers.starting_at(words, j + 1)
    if hit is None or hit[0] not in d.v.level_words:
        return None
    k = j - 1
    while k > 0 and words[k - 1] in _AUXILIARIES:
        k -= 1
    subject, names = _subject(d, si, k, plain)
    if not subject:
        return None
    cue = Span(toks[j + 1].start, toks[hit[1] - 1].end)
    return _Said(si, "state", subject, names, _where(d, si, k, plain), phrase=hit[0], cue=cue)


def _moved_to(d: _Doc, si: int, j: int, at: int, plain: Sequence[Token]) -> _Said | None:
    """ "fell to 10.2%", "has slipped 4% since March to 81.5%", "has fallen to a single digit", "has
    dropped below 90%": the verb is looked for back from token ``j``, the level read from token ``at``."""
    toks = plain or d.m.tokens[si]
    words = tuple(t.text for t in plain) if plain else d.m.words[si]
    lo = max(0 if plain else d.m.clause_start(si, j), j - MOVE_REACH)
    direction, verb = "", -1
    for k in range(j, lo, -1):
        if words[k - 1] in CLAUSE_END or words[k - 1] in ("from", "to"):
            break
        hit = d.v.direction.ending_at(words, k)
        if hit and " ".join(words[hit[1] : k]) not in d.v.multiples:
            direction, verb = hit[0], hit[1]
            break
    if not direction:
        return None
    hedge = d.v.hedges.starting_at(words, at)
    h = hedge[1] if hedge else at
    if at == j and not hedge:
        return None  # a bound word that is no hedge here ("fell over the year")
    fi = toks[h].fact if h < len(toks) else -1
    subject, names = _subject(d, si, verb, plain)
    # What a transitive verb moved: "the bank cut its key rate to 3.25%", "pushed rates up to 2.25%".
    moved = frozenset(
        d.v.concepts.get(words[k]) or singular(words[k].removesuffix("'s"))
        for k in range(verb, j)
        if toks[k].fact < 0
        and words[k][:1].isalpha()
        and len(words[k]) > 1
        and words[k] not in _STOP
        and words[k] not in _CALENDAR
        and not d.v.direction.starting_at(words, k)
    )
    subject |= moved
    if not subject:
        return None
    if fi >= 0:
        f = d.facts[fi]
        if f.kind != "percent" or f.is_range or f.value is None:
            return None
        return _Said(si, direction, subject, names, _where(d, si, verb, plain), figure=fi)
    hit = d.v.qualifiers.starting_at(words, h)
    if hit is None or hit[0] not in d.v.level_words:
        return None
    cue = Span(toks[h].start, toks[hit[1] - 1].end)
    return _Said(si, direction, subject, names, _where(d, si, verb, plain), phrase=hit[0], cue=cue)


def _flat_in(d: _Doc, si: int, words: Sequence[str], plain: Sequence[Token]) -> Iterator[_Said]:
    """ "Global sales were flat in 2004", "prices remained unchanged"."""
    firsts = d.v.still_words.by_first
    for j in range(1, len(words)):
        if words[j] not in firsts:
            continue
        hit = d.v.still_words.starting_at(words, j)
        if hit is None:
            continue
        k = j
        while k > 0 and words[k - 1] in ("broadly", "largely", "virtually", "roughly", "essentially", "almost"):
            k -= 1
        if k == 0 or words[k - 1] not in _COPULAS:
            continue
        nxt = words[hit[1]] if hit[1] < len(words) else ""
        if nxt in ("at", "on", "around", "near"):
            continue  # "flat at 5%": a level, judged where it stands
        subject, names = _subject(d, si, k - 1, plain)
        if subject:
            toks = plain or d.m.tokens[si]
            cue = Span(toks[j].start, toks[hit[1] - 1].end)
            yield _Said(si, "flat", subject, names, _where(d, si, k - 1, plain), phrase=hit[0], cue=cue)


def _years(d: _Doc, si: int, lo: int = 0, hi: int | None = None) -> frozenset[str]:
    """Years tokens ``lo`` to ``hi`` date a statement to; not those of a "since" stretch ("since new rules
    came in in 2001")."""
    out: set[str] = set()
    words = d.m.words[si]
    toks = d.m.tokens[si]
    since = False
    for k in range(lo, len(toks) if hi is None else hi):
        w = words[k]
        if w in ("since", "from", "until", "till"):
            since = True
        elif w in CLAUSE_END or w == ",":
            since = False
        fi = toks[k].fact
        if fi >= 0 and not since and d.facts[fi].kind in ("year", "date") and d.facts[fi].iso:
            iso = str(d.facts[fi].iso)
            if iso[:1].isdigit():
                out.add(iso[:4])
            month = iso[2:4] if iso.startswith("--") else iso[5:7]
            if month.isdigit():
                out.add("--" + month)
    return frozenset(out)


def _frames_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Years agree where both give one, and months where both give one."""
    for months in (False, True):
        xa = {x for x in a if x.startswith("--") == months}
        xb = {x for x in b if x.startswith("--") == months}
        if xa and xb and not xa & xb:
            return False
    return True


def _figure_years(d: _Doc, fi: int) -> frozenset[str]:
    """Years in a figure's own stretch: up to the next figure that is not a date, within its clause."""
    si, pos = d.pos_of(fi)
    toks = d.m.tokens[si]

    def other(k: int) -> bool:
        return toks[k].fact >= 0 and d.facts[toks[k].fact].kind not in ("year", "date")

    hi = pos + 1
    end = d.m.clause_end(si, pos)
    while hi < end and not other(hi):
        hi += 1
    lo = pos
    start = d.m.clause_start(si, pos)
    while lo > start and not other(lo - 1):
        lo -= 1
    return _years(d, si, lo, hi)


def _known(d: _Doc, si: int) -> frozenset[str]:
    """Every capitalised word of a sentence but its first, as lower-case names ("(IE)" included)."""
    text = d.view.text
    out: set[str] = set()
    for tok in (d.m.tokens[si] or _plain_tokens(d, si))[1:]:
        raw = text[tok.start : tok.end]
        if tok.fact < 0 and raw[:1].isupper():
            out.add(tok.text.removesuffix("'s"))
    return frozenset(out - _CALENDAR)


def _one_subject(a: _Said, b: _Said, known: Mapping[int, frozenset[str]], words: Mapping[int, frozenset[str]]) -> bool:
    shared = a.subject & b.subject
    smaller = min(len(a.subject), len(b.subject))
    if not shared or (len(shared) < min(2, smaller) and not shared & (a.names | b.names)):
        return False
    # The second names no holder the first's sentence (or the headline) does not give, and neither
    # narrows to a place the other does not give ("in the capital" against the national rate).
    return b.names <= known[a.sentence] and a.places <= words[b.sentence] and b.places <= words[a.sentence]


def _levels(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """Restatements of a level moved to, and qualifiers of a level or change said in another sentence."""
    said = list(_statements(d))
    changes = list(_changes(d))
    if not said:
        return
    lead = _lead_sentences(d)
    sents = d.view.doc.sentences
    titled = len(sents) > 1 and sents[0].paragraph != sents[1].paragraph  # a headline of its own
    headline = _known(d, 0) if titled else frozenset()
    known: dict[int, frozenset[str]] = {}
    words: dict[int, frozenset[str]] = {}
    top = frozenset(d.m.words[0] or (t.text for t in _plain_tokens(d, 0))) if titled else frozenset()
    for s in (*said, *changes):
        if s.sentence not in known:
            known[s.sentence] = _known(d, s.sentence) | headline
            own = d.m.words[s.sentence] or tuple(t.text for t in _plain_tokens(d, s.sentence))
            words[s.sentence] = frozenset(own) | frozenset(p for w in own if "-" in w for p in w.split("-")) | top
    index: dict[str, list[int]] = {}
    for n, s in enumerate(said):
        if s.direction == "flat":
            continue
        seen: set[int] = set()
        for w in s.subject | s.names:
            for m in index.get(w, ()):
                if m in seen:
                    continue
                seen.add(m)
                r = _pair(d, said[m], s, lead, known, words)
                if r is not None:
                    yield r
        for w in s.subject | s.names:
            index.setdefault(w, []).append(n)
            del index[w][:-PER_WORD]
    yield from _reached_elsewhere(d, said, changes)
    # Flat against a change of the same subject, through an index of the changes by subject word.
    by_word: dict[str, list[_Said]] = {}
    for ch in changes:
        for w in ch.subject:
            group = by_word.setdefault(w, [])
            if len(group) < PER_WORD:
                group.append(ch)
    for fl in (s for s in said if s.direction == "flat"):
        met: set[int] = set()
        for ch in (c for w in fl.subject for c in by_word.get(w, ())):
            if ch.figure in met or ch.sentence == fl.sentence or not _one_subject(fl, ch, known, words):
                continue
            met.add(ch.figure)
            fy, cy = _years(d, fl.sentence), _figure_years(d, ch.figure)
            if not _frames_meet(fy, cy):
                continue
            if _sentence_mood(d, fl.sentence) != bool(d.m.frame(ch.figure).mood):
                continue  # "expects numbers to be broadly flat this year" against last year's 9% rise
            yield Relation(
                "qualifier",
                (("figure", ch.figure),),
                (fl.cue,) if fl.cue else (),
                "document",
                (("phrase", fl.phrase), ("unit", "change")),
            )


def _sentence_mood(d: _Doc, si: int) -> bool:
    """Some figure of the sentence is told as a forecast, a target or a hope (``Frame.mood``)."""
    return any(t.fact >= 0 and d.m.frame(t.fact).mood for t in d.m.tokens[si])


def _from_level(d: _Doc, si: int, pos: int) -> int:
    """The percentage a stated change starts "from" after it in its clause, when the clause gives no "to":
    "has risen 1.25% during the year from the record low of 1%" → the 1%, else -1."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    end = min(d.m.clause_end(si, pos), pos + MOVE_REACH + 6)
    for k in range(pos + 1, end):
        if words[k] == "to" or (toks[k].fact >= 0 and words[k - 1] == "to"):
            return -1
        if words[k] != "from":
            continue
        for j in range(k + 1, min(end, k + FROM_GAP + 1)):
            fi = toks[j].fact
            if fi >= 0 and d.facts[fi].kind in ("duration", "age", "year", "ordinal"):
                continue  # "from the 31-year low of 2%"
            if fi >= 0:
                f = d.facts[fi]
                rest = words[j + 1 : end]
                if f.kind != "percent" or f.is_range or f.value is None or "to" in rest:
                    return -1
                return fi
            if words[j] in CLAUSE_END or words[j] in (",", "to"):
                return -1
        return -1
    return -1


def _reached_elsewhere(d: _Doc, said: Sequence[_Said], changes: Sequence[_Said]) -> Iterator[Relation]:
    """A change stated in % from a level, with the level reached told in another sentence: "rates rose to
    2.25%" … "the rate has risen 1.25% this year from 1%". The level reached is a "moved to" percentage
    of the same subject and direction for which the stated figure is either the relative change or the
    change in points (the judges tell which); a ``change`` relation with document evidence."""
    reached: dict[str, list[_Said]] = {}
    for s in said:
        if s.figure >= 0:
            for w in s.subject:
                group = reached.setdefault(w, [])
                if len(group) < PER_WORD:
                    group.append(s)
    if not reached:
        return
    for ch in changes:
        si, pos = d.pos_of(ch.figure)
        ai = _from_level(d, si, pos)
        if ai < 0:
            continue
        a, c = d.facts[ai], d.facts[ch.figure]
        seen: set[int] = set()
        for w in ch.subject:
            for s in reached.get(w, ()):
                if s.figure in seen or s.sentence == si or s.direction != ch.direction:
                    continue
                seen.add(s.figure)
                b = d.facts[s.figure]
                if a.value is None or b.value is None or c.value is None or a.value <= 0:
                    continue
                moved = b.value - a.value if ch.direction == "up" else a.value - b.value  # values as printed
                relative = moved / a.value * 100
                if moved <= 0 or not (moved == c.value or abs(relative - c.value) <= abs(c.value) / 20):
                    continue
                # "pushed rates up to 2.25%": the verb's "up to", not a bound on the level reached.
                bs, bpos = d.pos_of(s.figure)
                verb_to = b.hedge == "at most" and d.m.words[bs][max(0, bpos - 2) : bpos] == ("up", "to")
                yield Relation(
                    "change",
                    (("from", ai), ("to", s.figure), ("stated", ch.figure)),
                    (),
                    "document",
                    (("direction", ch.direction),) + ((("to", "printed"),) if verb_to else ()),
                )
                break


def _changes(d: _Doc) -> Iterator[_Said]:
    """Stated changes in percent with their direction and subject ("world sales declined by 11.3%")."""
    for si, pos, fi, _ in d.figures(frozenset({"percent"})):
        m = d.m.by_fact.get(fi)
        if m is None or not m.direction or m.direction_span is None or m.roles & _NOT_CHANGE:
            continue
        toks = d.m.tokens[si]
        verb = next((k for k in range(pos, -1, -1) if toks[k].start <= m.direction_span.start), pos)
        if verb > 0 and d.m.words[si][verb - 1] in ("from", "to"):
            continue
        if _than_another(d, si, pos):
            continue
        subject, names = _subject(d, si, verb)
        if subject:
            yield _Said(si, m.direction, subject, names, _where(d, si, pos + 1, ()), figure=fi)


# How far after a change figure "than" makes it a gap between two things ("took 22% less time than
# the pool"), not a move of one thing over time; a forecast after "than" keeps it a change.
THAN_REACH = 4


def _than_another(d: _Doc, si: int, pos: int) -> bool:
    toks, words = d.m.tokens[si], d.m.words[si]
    for k in range(pos + 1, min(len(words), pos + 1 + THAN_REACH)):
        if toks[k].fact >= 0 or not words[k][:1].isalnum():
            return False
        if words[k] == "than":
            nxt = k + 1
            return nxt >= len(words) or not (words[nxt] in d.v.target_nouns or d.v.yardsticks.starting_at(words, nxt))
    return False


def _pair(
    d: _Doc,
    a: _Said,
    b: _Said,
    lead: frozenset[int],
    known: Mapping[int, frozenset[str]],
    words: Mapping[int, frozenset[str]],
) -> Relation | None:
    same_way = a.direction == b.direction or "state" in (a.direction, b.direction)
    if a.sentence == b.sentence or not same_way or not _one_subject(a, b, known, words):
        return None
    if a.figure >= 0 and b.figure >= 0:
        if a.sentence not in lead or not _frames_agree(d, a.figure, b.figure):
            return None
        concept = " ".join(sorted(a.subject & b.subject)) or " ".join(sorted(a.names & b.names))
        return Relation(
            "restatement",
            (("first", a.figure), ("second", b.figure)),
            (),
            "document",
            (("lag", ""), ("concept", concept), ("scope", "")),
        )
    fig, q = (a, b) if a.figure >= 0 else (b, a)
    if fig.figure < 0 or not q.phrase:
        return None
    fy, qy = _figure_years(d, fig.figure), _years(d, q.sentence)
    if not _frames_meet(fy, qy):
        return None
    return Relation(
        "qualifier",
        (("figure", fig.figure),),
        (q.cue,) if q.cue else (),
        "document",
        (("phrase", q.phrase), ("unit", "share")),
    )


# --- extremes against the average of the same period ------------------------------------------

# Words before a figure that make it the average of a period ("averaged 4.6%", "the average ... was 11.5%").
AVERAGE_REACH = 8


def _extreme_at(d: _Doc, si: int, pos: int) -> str:
    """ "a peak of 13.1%", "hit a high of $71" → "high"; "a low of 5.9%", "bottomed out at" → "low"; "a
    maximum of £300" → "most"; "the longest wait was 14 days" → "most"; else ""."""
    words = d.m.words[si]
    hit = d.v.extremes.ending_at(words, pos)
    if hit:
        return hit[0]
    # "the longest wait was 14 days", "the biggest fine was £5,000": the largest of all told as a bound.
    if pos >= 3 and words[pos - 1] in ("was", "is", "were", "of"):
        for k in range(pos - 2, max(0, pos - 2 - SUPERLATIVE_NOUN) - 1, -1):
            side = d.v.extreme_words.get(words[k])
            if side:
                return side if k > 0 and words[k - 1] == "the" else ""
    return ""


# Words of the noun between a superlative and its verb ("the longest hospital wait was").
SUPERLATIVE_NOUN = 3


def _is_average(d: _Doc, si: int, pos: int) -> bool:
    words = d.m.words[si]
    toks = d.m.tokens[si]
    lo = max(d.m.clause_start(si, pos), pos - AVERAGE_REACH)
    for k in range(pos - 1, lo - 1, -1):
        if toks[k].fact >= 0 and d.facts[toks[k].fact].kind not in ("year", "date", "relative"):
            return False
        if words[k] == "mean":
            return k > 0 and words[k - 1] in _DETERMINERS  # "the mean", not "would mean a 35% hike"
        if words[k] in ("average", "averaged", "averaging"):
            return k == 0 or words[k - 1] not in ("above", "below", "than")
    return False


# Words that name the extreme or the average, not the thing measured.
_EXTREME_WORDS = frozenset(
    "average averaged high low peak record maximum minimum cap capped limit limited ceiling floor".split()
)


def _words_before(d: _Doc, si: int, pos: int, end: int | None = None) -> frozenset[str]:
    """The content words of a sentence before a figure (or up to ``end``), through the concepts
    ("jobless" = unemployment)."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    out: set[str] = set()
    for k in range(max(0, pos - SUBJECT_REACH * 2), pos if end is None else end):
        w = words[k].removesuffix("'s")
        if toks[k].fact < 0 and len(w) > 1 and w[0].isalpha() and w not in _STOP and w not in _CALENDAR:
            if not d.v.direction.starting_at(words, k) and not d.v.extremes.starting_at(words, k):
                out.add(d.v.concepts.get(w) or singular(w))
    return frozenset(out - _EXTREME_WORDS)


def _sentence_years(d: _Doc, si: int) -> frozenset[str]:
    out: set[str] = set()
    for tok in d.m.tokens[si]:
        f = d.facts[tok.fact] if tok.fact >= 0 else None
        if f is not None and f.kind in ("year", "date") and f.iso and str(f.iso)[:1].isdigit():
            out.add(str(f.iso)[:4])
    return frozenset(out)


# Sentences apart a bound ("a maximum of £300") and an average may stand and still be read as one
# thing's: a bound is told beside what it bounds, and with no year to tie them, nearness must.
BOUND_REACH = 2


def _extremes(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A period's peak (or low) and its average told in another sentence: "it touched a peak of 6.2%
    in June 2017" … "the rate averaged 6.6% across all of 2017". Both of one subject (two shared
    words of the sentence before each figure, or all of the shorter one's) and one year: relation
    ``extreme`` with roles ``extreme`` and ``average``, label ``side`` ("high" or "low").

    A bound set on every value ("a maximum of £300", "capped at $75", "a minimum of six weeks"; side
    "most" or "least") meets the nearest average in its own sentence or the next ``BOUND_REACH``, of no
    other year, when the two sentences share a content word or the two figures a rate ("a week")."""
    extremes: list[tuple[int, str, frozenset[str], frozenset[str]]] = []
    averages: list[tuple[int, frozenset[str], frozenset[str]]] = []
    bounds: list[tuple[int, str]] = []
    for si, pos, fi, _ in d.figures(frozenset({"percent", "money", "count", "measure", "duration"})):
        side = _extreme_at(d, si, pos)
        if side in ("most", "least"):
            bounds.append((fi, side))
        elif side:
            years = _sentence_years(d, si)
            if years:
                extremes.append((fi, side, _words_before(d, si, pos), years))
        elif _is_average(d, si, pos):
            years = frozenset(y for y in _figure_years(d, fi) if not y.startswith("--"))
            averages.append((fi, _words_before(d, si, pos), years))
    if not averages:
        return
    for ai, a_subject, a_years in averages[:PER_WORD]:
        for ei, side, e_subject, e_years in extremes[:PER_WORD]:
            if d.pos_of(ei)[0] == d.pos_of(ai)[0] or not a_years & e_years:
                continue
            shared = a_subject & e_subject
            if len(shared) < min(2, len(a_subject), len(e_subject)) or not shared:
                continue
            yield Relation("extreme", (("extreme", ei), ("average", ai)), (), "document", (("side", side),))
    yield from _bounded_averages(d, bounds, averages)


# Words after an amount that make it a rate: "£44 a week", "$9 an hour", "£2 per head".
_RATE_OPENERS = frozenset({"a", "an", "per", "each", "every"})


def _per(d: _Doc, fi: int) -> str:
    """The unit an amount is a rate of ("£44 a week" → "week"), or "" (a rate of nothing matches nothing)."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    if pos + 2 < len(words) and words[pos + 1] in _RATE_OPENERS and words[pos + 2][:1].isalpha():
        return singular(words[pos + 2])
    return f"#{fi}"


def _bounded_averages(
    d: _Doc, bounds: Sequence[tuple[int, str]], averages: Sequence[tuple[int, frozenset[str], frozenset[str]]]
) -> Iterator[Relation]:
    """Each bound against the nearest average within ``BOUND_REACH`` sentences that shares a word with it."""
    said: dict[int, frozenset[str]] = {}

    def words_of(si: int) -> frozenset[str]:
        if si not in said:
            said[si] = frozenset(_stem(w) for w in _words_before(d, si, 0, len(d.m.words[si])))  # "waited" = "wait"
        return said[si]

    by_sentence: dict[int, list[tuple[int, frozenset[str]]]] = {}
    for ai, _, years in averages:
        by_sentence.setdefault(d.pos_of(ai)[0], []).append((ai, years))
    for bi, side in bounds:
        bs, _ = d.pos_of(bi)
        b_years = _sentence_years(d, bs)
        # Only the sentences within reach are looked at: linear in the figures.
        near = sorted(
            (abs(s2 - bs), ai, years)
            for s2 in range(bs - BOUND_REACH, bs + BOUND_REACH + 1)
            for ai, years in by_sentence.get(s2, ())
        )
        for _, ai, a_years in near[:PER_WORD]:
            if a_years and b_years and not a_years & b_years:
                continue  # "the average grant was £2,400 in 2004" … "from 2006, a maximum of £2,000"
            if not words_of(bs) & words_of(d.pos_of(ai)[0]) and _per(d, bi) != _per(d, ai):
                continue  # one thing when the sentences share a word or the two a rate ("£44 a week")
            evidence = "sentence" if d.pos_of(ai)[0] == bs else "document"
            yield Relation("extreme", (("extreme", bi), ("average", ai)), (), evidence, (("side", side),))
            break
