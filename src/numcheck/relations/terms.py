"""Terms: a length of years something was held or went on, told apart from the years that bound it. "He
represented the city for more than 40 years" against "first elected in 1964" and "stood down in 1992" in the
sentences around it; "the six years of attacks" against "began in March 1980 and continued until 1986";
"during her 12 years as mayor" against "elected mayor in 1996" … "stepped down in 2004". Whose each time is (a
pronoun, a name, or the noun the length counts: "years of attacks") must agree. Start and end words are data:
``[spans] start_words`` and ``end_words``, ``[tenure] held``, ``end_phrases``, ``breaks`` and ``others``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from numcheck import dates
from numcheck.relations.base import Relation, _Doc, _lead_sentences
from numcheck.relations.calendar import _single_years, _years_told
from numcheck.vocab import singular

# Sentences before and after a length read for the years that bound it (the years may come a paragraph
# before: "He was first elected in 1964. He stood down in 1992 ... He represented the city for 40 years").
TERM_BACK = 4
TERM_AHEAD = 2
# Sentences after a length told in the lead read for its years: the body tells the story the lead sums up.
LEAD_AHEAD = 8
# Tokens before a year read for the word that starts or ends the term ("was first elected to parliament for
# Leeds in 1964"); a comma, a semicolon or another figure stops the search first.
EVENT_REACH = 8
# Tokens before "for N years" read for the verb of holding ("represented Cardiff seats for").
HELD_REACH = 6
# Words of the noun phrase after "N years of" that name what the length counts ("years of arson attacks").
OF_REACH = 3
# Tokens of an opening phrase without a comma that may end in its figure ("In March 2004 he ...").
OPENER_REACH = 4

# Pronouns and possessives by whom they stand for.
_PRONOUN = {
    "he": "m",
    "his": "m",
    "him": "m",
    "she": "f",
    "her": "f",
    "it": "n",
    "its": "n",
    "they": "p",
    "their": "p",
    "them": "p",
}
# Words of a subject that name no one: articles, titles, the words that join a phrase.
_PLAIN = frozenset(
    """the a an of his her its their to for in on at and with by from as this that these those who which
    whose first former late mr mrs ms dr sir lord lady then new old""".split()
)
# Words between a subject and its verb ("was first elected", "had finally stood down").
_AUX = frozenset(
    """was were is are be been being had has have first finally then later also only eventually formally
    officially originally duly subsequently once soon""".split()
)
# Words before a length that make it a part of a term, another one, or one still running.
_PART = frozenset("first last final next another further past early those these more other".split())
_NOT_PAST = frozenset("has have 's 've will would 'll could may might shall should to".split())

Who = tuple[str, frozenset[str]]  # (pronoun class or "", the content words of a name or noun phrase)


@functools.cache
def _words(key: str) -> frozenset[str]:
    return frozenset(dates.table("tenure")[key])


@functools.cache
def _ends() -> tuple[tuple[str, ...], ...]:
    """End words and phrases, longest first."""
    phrases = {tuple(p) for p in dates.table("tenure")["end_phrases"]}
    phrases |= {(w,) for w in dates.table("spans")["end_words"]}
    return tuple(sorted(phrases, key=len, reverse=True))


@functools.cache
def _starts() -> frozenset[str]:
    return frozenset(dates.table("spans")["start_words"]) | _words("starts")


def _who(words: tuple[str, ...], lo: int, hi: int) -> Who:
    """The holder named by the words ``lo``..``hi`` - 1: a pronoun's class, else the phrase's content words."""
    phrase = [w for w in words[lo:hi] if w[:1].isalpha()]
    for w in phrase:
        if w in _PRONOUN and w not in ("his", "her", "its", "their") or w in _PRONOUN and len(phrase) == 1:
            return _PRONOUN[w], frozenset()
    return "", frozenset(w for w in phrase if w not in _PLAIN and w not in _AUX)


def _agree(a: Who, b: Who) -> bool:
    """Two holders may be one: pronouns of one class; a pronoun and a phrase that names no one else ("his
    father"); two phrases that share a word ("the attacks" and "the campaign of arson attacks")."""
    if a[0] and b[0]:
        # A band or a firm is "it" and "they" alike ("It broke up in 1970. Their 12 years together ...").
        return a[0] == b[0] or {a[0], b[0]} == {"n", "p"}
    if a[0] or b[0]:
        other = b if a[0] else a
        return bool(other[1]) and not other[1] & _words("others")
    return bool(a[1] & b[1])


def _subject(d: _Doc, si: int, k: int) -> Who:
    """Whose event the word at token ``k`` tells: the pronoun or phrase just before it and its auxiliaries
    ("He was first elected"), the antecedent of ", who", or, when the verb has none of its own ("... and
    continued until 1986", "Elected in 1945, he represented ..."), the subject of the sentence."""
    words = d.m.words[si]
    if words[k] in ("until", "till"):
        # "edited it until 1970", "continued until 1986": whose is the verb's before it.
        verb = next((j for j in range(k - 1, max(-1, k - 1 - EVENT_REACH), -1) if _is_verb(words[j])), -1)
        if verb < 0:
            return _sentence_subject(d, si)
        k = verb
    j = k - 1
    while j >= 0 and words[j] in _AUX:
        j -= 1
    if j >= 0 and words[j] == "who":
        hi = j - 1 if j >= 1 and words[j - 1] == "," else j
        lo = max(0, d.m.clause_start(si, hi - 1) if hi >= 1 else 0)
        return _who(words, lo, hi)
    if j >= 0 and words[j][:1].isalpha() and words[j] not in ("and", "but", "then", "when", "as"):
        lo = j
        while lo > 0 and words[lo - 1][:1].isalpha() and words[lo - 1] not in _AUX and words[lo - 1] not in _verbs():
            lo -= 1
        return _who(words, lo, j + 1)
    return _sentence_subject(d, si)


def _is_verb(w: str) -> bool:
    return w in _verbs() or len(w) > 4 and w.endswith("ed")


@functools.cache
def _verbs() -> frozenset[str]:
    """Words that end a subject: start, end and holding verbs (an end phrase by its first word), and the words
    that join clauses."""
    return _starts() | frozenset(p[0] for p in _ends()) | _words("held") | {"and", "but", "when", "who"}


def _sentence_subject(d: _Doc, si: int) -> Who:
    """The subject of sentence ``si``: its first words up to a verb, after an opening phrase that ends in a
    comma ("Elected for Cardiff in 1945, he ...", "In 1990, she ...")."""

    def read(view: object) -> Who:
        words = d.m.words[si]
        lo = 0
        opener = words[:1] and (words[0] in _starts() or words[0] in ("in", "on", "at", "after", "born", "during"))
        toks = d.m.tokens[si]
        first = next((j for j, t in enumerate(toks) if t.fact >= 0), len(words))
        if opener and "," in words[first:]:
            # "Born in Ely, Cambridgeshire, on 2 May 1931, Kent was ...": the phrase ends after its figure.
            lo = words.index(",", first) + 1
        elif opener and "," in words:
            lo = words.index(",") + 1
        elif opener:
            # "In 2004 he died at home": the opening phrase ends at its figure.
            lo = next((j + 1 for j in range(min(len(words), OPENER_REACH)) if d.m.tokens[si][j].fact >= 0), 0)
        hi = lo
        while hi < len(words) and words[hi][:1].isalpha() and words[hi] not in _AUX and words[hi] not in _verbs():
            if words[hi].endswith("ed") and hi > lo:
                break
            hi += 1
        return _who(words, lo, hi)

    who: Who = d.view.memo(f"term-subject:{si}", read)
    return who


def _event(d: _Doc, si: int, k: int) -> tuple[str, int]:
    """("start" or "end", the token of its word) for the year at token ``k``, from the nearest start or end
    word before it in its clause; ("", -1) if none."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for j in range(k - 1, max(-1, k - 1 - EVENT_REACH), -1):
        if toks[j].fact >= 0 or words[j] in (",", ";", ":", "(", ")"):
            break
        for p in _ends():
            if j - len(p) + 1 >= 0 and words[j - len(p) + 1 : j + 1] == p:
                return "end", j - len(p) + 1
        if words[j] in _starts() or words[j] == "from" and j == k - 1 and not d.facts[toks[k].fact].is_range:
            return "start", j  # "was elected in 1964", "was head teacher from 1990"
    if k <= 2 and k >= 1 and words[k - 1] in ("in", "by"):
        # "In 1962 the band was formed in a pub": a year that opens its sentence dates the verb after it.
        for j in range(k + 1, min(len(words), k + 1 + EVENT_REACH)):
            if toks[j].fact >= 0 or words[j] in (";", ":"):
                break
            if any(words[j : j + len(p)] == p for p in _ends()):
                return "end", j
            if words[j] in _starts():
                return "start", j
    return "", -1


Event = tuple[int, int, str, Who]  # (fact, year, "start"/"end", whose)


def _events(d: _Doc, si: int) -> list[Event]:
    """The start and end events sentence ``si`` dates, each with whose it is; read once per sentence."""

    def read(view: object) -> list[Event]:
        out = []
        for k, t in enumerate(d.m.tokens[si]):
            told = _years_told(d.facts[t.fact]) if t.fact >= 0 else None
            if told is None:
                continue  # a decade ends a term as well as a year does ("continued until the early 1990s")
            kind, j = _event(d, si, k)
            if kind:
                out.append((t.fact, told[0], kind, _subject(d, si, j)))
        return out

    events: list[Event] = d.view.memo(f"term-events:{si}", read)
    return events


def _holder(d: _Doc, si: int, pos: int) -> tuple[Who, bool | None] | None:
    """Whose term the length at token ``pos`` is, and whether it is told as the whole term (else it may be a
    part of it): "the six years of attacks" (the attacks; whole), "her 12 years as mayor" (she; whole),
    "after 21 years with the firm" (whole), "He represented the city for 40 years" (he; a part, unless the
    clause points back: "worked there", "ran it"). None when the length is none of these, a part ("his first
    two years"), still running ("has served for") or a term ahead ("was jailed for")."""
    words = d.m.words[si]
    k0 = d.hedge_start(si, pos)
    lo = d.m.clause_start(si, k0)
    before = set(words[lo:k0])
    if before & _NOT_PAST or before & _words("never") or set(words[max(0, k0 - 2) : k0]) & _PART:
        return None
    prev = words[k0 - 1] if k0 > 0 else ""
    if prev in ("his", "her", "its", "their"):
        return (_PRONOUN[prev], frozenset()), _tail_fits(d, si, pos)
    if prev.endswith("'s") and prev[:-2].isalpha() and prev[:-2] not in _PLAIN:
        return ("", frozenset({prev[:-2]})), _tail_fits(d, si, pos)  # "the firm's 20 years", "Ross's 12 years"
    if words[pos + 1 : pos + 2] == ("of",):
        hi = pos + 2
        while hi < min(len(words), pos + 2 + OF_REACH + 1) and words[hi][:1].isalpha() and not _is_verb(words[hi]):
            hi += 1
        who = _who(words, pos + 2, hi)
        return (who, True) if who[1] else None
    if prev == "after" and words[pos + 1 : pos + 2] in (("with",), ("at",), ("in",), ("as",), ("on",)):
        return _subject(d, si, lo), _tail_fits(d, si, pos)  # "She retired in 2004, after 21 years with the firm"
    if prev == "after" and k0 >= 2 and any(words[k0 - 1 - len(p) : k0 - 1] == p for p in _ends()):
        return _subject(d, si, k0 - 2), True  # "Rail strike ends after 12 years", "retired after 30 years"
    held = [j for j in range(max(lo, k0 - HELD_REACH), k0) if words[j] in _words("held")]
    if not held or prev not in ("for", "spent", "spending"):
        return None
    who = _subject(d, si, held[0])
    told = words[held[0] + 1 : k0]
    back = bool(set(told) & {"there", "it", "them", "this", "that"})
    return who, back


def _tail_fits(d: _Doc, si: int, pos: int) -> bool | None:
    """After "her N years" or "after N years": a phrase that places the time in a role ("in charge", "as mayor",
    "in office": ``[ages] role_words``) or with the holder ("with the firm") is the whole term; one that
    places it elsewhere ("in the game", "as a player") is another time (None) unless its words are the
    role's own, told with the start or end (checked by the caller: label "tail")."""
    words = d.m.words[si]
    tail = words[pos + 1 : pos + 1 + OF_REACH + 1]
    if not tail or tail[0] not in ("in", "at", "as", "on"):
        return True
    return True if set(tail) & frozenset(dates.table("ages")["role_words"]) else None


def _own_first(d: _Doc, found: list[Event], si: int, kind: str) -> list[Event]:
    """The events of one kind, only those of sentence ``si`` when it tells one."""
    of_kind = [e for e in found if e[2] == kind]
    own = [e for e in of_kind if d.facts[e[0]].sentence == si]
    return own or of_kind


def _holders_agree(d: _Doc, who: Who, e: Event, s2: int, own: set[str], counts: bool) -> bool:
    """The length's holder ``who`` (told in a sentence of words ``own``) may be the holder of event ``e`` of
    sentence ``s2``: they agree, or a noun holder is named by the event's sentence, or (a length told by what
    it counts) the event's subject is named beside the length or is a term noun."""
    if _agree(who, e[3]):
        return True
    if who[0] or not who[1] or who[1] & _words("others") or e[3][0] == "n":
        return False
    return who[1] <= set(d.m.words[s2]) or counts and _named_beside(e[3], own)


def _named_beside(event: Who, own: set[str]) -> bool:
    """A term told by its noun ("18 years of arson attacks") and an event's subject: the subject is named in the
    length's own sentence ("..., blamed on the Sons of Tom"), or it is a term noun of its own ("The campaign
    continued until ...", "The strike ended in 1985")."""
    if event[0] or not event[1] or event[1] & _words("others"):
        return False
    return event[1] <= own or bool({singular(w) for w in event[1]} & _words("term_nouns"))


def _terms(d: _Doc) -> Iterator[Relation]:
    """``span``: a length of years held or gone on (``length``) against the one year its holder's term started
    (``start``) and the one year it ended (``end``), told in the sentences around it. Label ``within`` when the
    length may be a part of the term (only a longer one contradicts)."""
    years = _single_years(d)
    if len(years) + len(d.view.by_kind.get("decade", ())) < 2:
        return
    n = len(d.m.tokens)
    for si, pos, fi, f in d.figures(frozenset({"duration"})):
        if f.unit != "year" or f.value is None or f.value <= 0 or f.is_range:
            continue
        if "-" in f.text and d.m.words[si][pos + 1 : pos + 2] not in tuple((w,) for w in _words("term_nouns")):
            continue  # "its three-year plan": a plan, not a term; "her 12-year reign" is one
        read = _holder(d, si, pos)
        if read is None:
            continue
        who, whole = read
        # A length told in the lead is told of the story the body goes on to tell.
        ahead = LEAD_AHEAD if si in _lead_sentences(d) else TERM_AHEAD
        lo, hi = max(0, si - TERM_BACK), min(n, si + ahead + 1)
        # A noun holder may name the person by the role the event's sentence gives them ("Mayor quits after 20
        # years" ... "Ann Ross was elected mayor of the town in 1996").
        own = set(d.m.words[si])
        counts = d.m.words[si][pos + 1 : pos + 2] == ("of",)  # "18 years of unrest": told by what it counts
        found = [e for s2 in range(lo, hi) for e in _events(d, s2) if _holders_agree(d, who, e, s2, own, counts)]
        # An obituary tells early how a term ended ("... and became Lord Hale of Leeds in 1987") and far below
        # how it began: an end the sentences around the length lack may come from anywhere in the text when the
        # text tells only one of that holder.
        if not any(e[2] == "end" for e in found):
            far = [
                e
                for s2 in range(n)
                if not lo <= s2 < hi
                for e in _events(d, s2)
                if e[2] == "end" and _holders_agree(d, who, e, s2, own, counts)
            ]
            if len({e[1] for e in far}) == 1:
                found += far[:1]
        # A start or end told in the length's own sentence is the term's ("Elected for Leeds in 1959, he sat for
        # the city for 24 years", whatever other post he took up in 1976).
        found = _own_first(d, found, si, "start") + _own_first(d, found, si, "end")
        starts = {e[1] for e in found if e[2] == "start"}
        ends = {e[1] for e in found if e[2] == "end"}
        if len(starts) != 1 or len(ends) != 1 or min(starts) >= min(ends):
            continue  # none, or a term broken and taken up again ("elected in 1964 ... returned in 1974")
        start = next(e for e in found if e[2] == "start")
        end = next(e for e in found if e[2] == "end")
        told = {d.facts[start[0]].sentence, d.facts[end[0]].sentence}
        if told == {si}:
            continue  # both years in the length's own sentence: the sentence readers' (``_lengths_to_then``)
        first, last = min(told | {si}), max(told)
        if any(set(d.m.words[s2]) & _words("breaks") for s2 in range(first, last + 1)):
            continue
        if whole is None:
            # "her 12 years as mayor" after "elected mayor in 1996"; not "her 15 years in the game" after "joined
            # the club in 1990": a time placed elsewhere must name the term's own role.
            tail = set(d.m.words[si][pos + 1 : pos + 2 + OF_REACH]) - _PLAIN
            if not any(tail & set(d.m.words[s2]) for s2 in told):
                continue
        labels = () if whole is not False else (("within", "yes"),)
        roles = (("length", fi), ("start", start[0]), ("end", end[0]))
        yield Relation("span", roles, (), "document", labels)
