"""Match minutes: a football report's goal list and the minutes its prose gives to goals.

A report ends with its goal list ("Lund 8, Pereira 20, Okoro 38,
Pereira 52."), one line a team, in the order the goals came. Its prose tells
the same goals with minutes of its own: "in 19 minutes", "in the 35th
minute", "12 minutes in", "ten minutes into the second half" (45 + 10),
"20 minutes later" (from the minute told just before), "five
minutes before the break" (45 − 5), "four minutes from time" (90 − 4).
``goals`` reads the list; ``told_goals`` gives each prose minute with the
scorer its sentence names ("Tomas Pereira doubled the lead …") or the match's first
goal ("… led to the opening goal"), so a judge can hold it against the list.
Both walk the text once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from numcheck import dates, startcache
from numcheck.mentions import CLAUSE_END, Mentions, word_tokens
from numcheck.model import Span

# Half-time and full-time, in minutes of play.
HALF_TIME = 45
FULL_TIME = 90
EXTRA_TIME = 120
# A goal list is one short line; a longer line is prose.
LIST_CHARS = 300
# Words in a scorer's name ("Juninho Paulista", "Robin van Persie").
NAME_WORDS = 4
# Tokens after "N minutes before/after" that may name the break or the end ("before the end of a lively and
# very open first half").
REFERENCE_REACH = 8
# Tokens either side of a minute its clause may reach (bounded: one endless sentence stays linear).
CLAUSE_REACH = 30
# Sentences back that "20 minutes later" looks for the minute it counts from, and further back when that
# minute was a goal's, told last ("took the lead on 35 minutes. <the move> ... They were level within three
# minutes").
MINUTES_BACK = 1
GOAL_BACK = 4
# Words after a scorer's "'s" that make it their goal ("Kemp's header"), not their pass ("Kemp's cross").
POSSESSIVE_REACH = 3
# Reports and lists round a goal's minute differently ("in the 110th minute" for a goal listed at 112).
MINUTE_SLACK = 2
# Words before "N minutes" that make it the minute something happened ("after 29 minutes").
AT_WORDS = frozenset({"in", "after", "on"})
OPENING = "the opening goal"


@functools.cache
def _data() -> dict[str, Any]:
    return dates.table("match")


@functools.cache
def _words(key: str) -> frozenset[str]:
    return frozenset(_data()[key])


@functools.cache
def _openings() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in _data()["opening"])


@dataclass(frozen=True, slots=True)
class Goal:
    """One entry of a goal list: the scorer as written, the minute and where the minute stands."""

    name: str
    minute: int
    span: Span
    own: bool = False  # an own goal ("Dunn 75 og"), credited to the defender


_NAME = rf"[A-Z][A-Za-z'’.-]*(?: (?:[a-z]{{1,3}} )?[A-Z][A-Za-z'’.-]*){{0,{NAME_WORDS - 1}}}"
_MINUTE = r"(\d{1,3})(?:\+\d{1,2})?(?: ?(?:pen|og|\(pen\)|\(og\)))?"
_NAMED = startcache.compile(rf"({_NAME}) {_MINUTE}")
_BARE = startcache.compile(_MINUTE)
_LABEL = startcache.compile(r"^(?:[:;]\s*|(?:Goals?|Scorers?)\s*:\s*)")
# A labelled goal list inside a run-on paragraph: "... Subs Not Used: Ames. Goals: Lund 8, Okoro 38. Att: ...".
_INLINE = startcache.compile(r"(?<![^\s.])(?:Goals?|Scorers?): ([^.\n]{1,200}?)\.(?=\s|$)")
# A line-up's substitution, "Fuller (Yakubu 55)": a report with one shows the lists at its foot are a match's.
_SUB = startcache.compile(rf"[A-Za-z'’.-] \(({_NAME}) (\d{{1,3}})\)")
# The same with the name of the player who went off: "..., Fuller (Yakubu 55), ...".
_SUBSTITUTION = startcache.compile(rf"(?:^|(?<=[,:] ))({_NAME}) \(({_NAME}) (\d{{1,3}})\)", re.M)


def _read_line(text: str, start: int, end: int) -> list[Goal] | None:
    """The goals of one line "Dale 12, Moreau 57 pen, Ilic 81", or None when it is not a goal list."""
    line = text[start:end]
    lead = len(line) - len(line.lstrip())
    body = line.strip()
    label = _LABEL.match(body)
    offset = start + lead + (label.end() if label else 0)
    body = body[label.end() :] if label else body
    body = body.rstrip(".")
    if not body or "(" in body.replace("(pen)", "").replace("(og)", ""):
        return None  # "Scotland (Samuel 63)" is a substitution
    out: list[Goal] = []
    pos = 0
    for piece in body.split(", "):
        named = _NAMED.fullmatch(piece)
        bare = None if named else _BARE.fullmatch(piece)
        if named:
            name, minute, at = named.group(1), int(named.group(2)), named.start(2)
        elif bare and out:
            name, minute, at = out[-1].name, int(bare.group(1)), bare.start(1)
        else:
            return None
        if not 0 < minute <= int(_data()["last_minute"]) or (out and minute < out[-1].minute):
            return None  # a goal list runs in the order of play
        s = offset + pos + at
        own = piece.endswith(("og", "(og)"))
        out.append(Goal(name, minute, Span(s, s + len(str(minute))), own))
        pos += len(piece) + 2
    return out


@functools.cache
def _count_label() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(_data()["count_labels"], key=len, reverse=True))
    return re.compile(rf"(?<![^\s.:])(?:{words}):")


def _counted_block(text: str, at: int) -> bool:
    """The line of a labelled list at ``at`` holds a rugby scorer block's labels ("Tries:", "Pens:")."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    return _count_label().search(text, lo, hi if hi >= 0 else len(text)) is not None


def goals(text: str) -> tuple[Goal, ...]:
    """Every goal of the text's goal lists, or () when nothing shows it is a match report: a line with two
    goals, a list labelled "Goals:", or a line-up with its substitutions ("Fuller (Yakubu 55)")."""
    found: list[list[Goal]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if len(line) <= LIST_CHARS and line.strip():
            read = _read_line(text, start, end)
            if read:
                found.append(read)
        start = end + 1
    labelled = False
    if "Goal" in text or "Scorer" in text:
        for hit in _INLINE.finditer(text):
            if _counted_block(text, hit.start()):
                continue  # "Tries: Harrow 2, Ambrose. Goals: Breen 4.": how many each kicked
            read = _read_line(text, hit.start(1), hit.end(1))
            if read and all(read[0].span != g[0].span for g in found):  # a list on its own line was read above
                found.append(read)
                labelled = True
    if not found:
        return ()
    if not labelled and not any(len(g) >= 2 for g in found) and len(_SUB.findall(text)) < 2:
        return ()  # one "Lund 8" line alone may be anything; a line-up beside it makes it a 1-0's goal list
    found.sort(key=lambda g: g[0].span.start)
    return tuple(g for line in found for g in line)


@dataclass(frozen=True, slots=True)
class Substitution:
    """One substitution of a line-up, "Fuller (Yakubu 55)": who went off, who came on, the minute and its
    span."""

    off: str
    on: str
    minute: int
    span: Span


def substitutions(text: str) -> tuple[Substitution, ...]:
    """Every substitution of the text's line-ups, or () when there are fewer than two (no line-up)."""
    if " (" not in text:
        return ()
    out = []
    for hit in _SUBSTITUTION.finditer(text):
        minute = int(hit.group(3))
        if 0 < minute <= int(_data()["last_minute"]):
            out.append(Substitution(hit.group(1), hit.group(2), minute, Span(hit.start(3), hit.end(3))))
    return tuple(out) if len(out) >= 2 else ()


@dataclass(frozen=True, slots=True)
class ToldSubstitution:
    """A minute the prose gives to a substitution, with the line-up's substitutions it must be one of."""

    fact: int
    minute: int
    players: str  # the players the clause names ("Fuller or Yakubu")
    listed: tuple[Substitution, ...]
    cues: tuple[Span, ...]


@functools.cache
def _substitution_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in _data()["substitution"])


def _tells_substitution(words: tuple[str, ...], clause: range) -> bool:
    """Whether the clause has a phrase of substitution ("gave way", "came on", "replaced")."""
    for j in clause:
        for phrase in _substitution_phrases():
            if words[j : j + len(phrase)] == phrase and j + len(phrase) <= clause.stop:
                return True
    return False


def told_substitutions(m: Mentions) -> Iterator[ToldSubstitution]:
    """Each substitution minute the report's prose tells ("gave way on 65 minutes to Yakubu", "sent on
    Aliadiere with 17 minutes of extra time left"), with the line-up's substitutions of the players named."""
    subs = substitutions(m.view.doc.text)
    if not subs:
        return
    names: dict[str, list[Substitution]] = {}
    for sub in subs:
        for player in (sub.off, sub.on):
            names.setdefault(player.split(" ")[-1], []).append(sub)
    first = _substitution_phrases()
    firsts = {p[0] for p in first}
    text = m.view.doc.text
    latest = 0
    for si, toks in enumerate(m.tokens):
        words = m.words[si]
        if not firsts.intersection(words):
            continue
        for k, t in enumerate(toks):
            if t.fact < 0:
                continue
            f = m.view.facts[t.fact]
            if f.markers and {"later", "earlier"} & set(f.markers):
                continue  # counted from another event
            if k >= 1 and words[k - 1] in _words("within_words"):
                continue
            minute = _minute_of(m, si, k, None, latest)
            if minute is None:
                continue
            latest = max(latest, minute)
            clause = _clause(words, k)
            if not _tells_substitution(words, clause):
                continue
            if any(words[j] in _words("goal_words") for j in clause if j < k):
                continue  # "scored five minutes after coming on": the goal's minute
            who: list[tuple[str, Span]] = []
            for j in clause:
                if toks[j].fact >= 0:
                    continue
                name = text[toks[j].start : toks[j].end].removesuffix("'s").removesuffix("’s")
                if name in names and name not in (n for n, _ in who):
                    who.append((name, toks[j].span))
            if not who:
                continue
            listed = tuple(sorted({s for n, _ in who for s in names[n]}, key=lambda s: s.span.start))
            yield ToldSubstitution(t.fact, minute, " or ".join(n for n, _ in who), listed, tuple(c for _, c in who))


@dataclass(frozen=True, slots=True)
class ToldGoal:
    """A minute the prose gives to a goal, with the goals of the list it must be one of."""

    fact: int
    anchor: int  # the figure "20 minutes later" counts from (-1: none)
    minute: int
    scorer: str  # as the clause names them ("Lund or Okoro"), or OPENING
    listed: tuple[Goal, ...]  # the goals of the list it may be
    cues: tuple[Span, ...]  # the scorers' names or "opening goal" in the clause
    within: bool = False  # "within three minutes": the minute is the latest the goal can have come


def _reference(m: Mentions, si: int, k: int) -> int | None:
    """The minute "before/after the break" or "from time" counts from, read after token ``k``."""
    words, toks, text = m.words[si], m.tokens[si], m.view.doc.text
    seen: list[str] = []
    for j in range(k + 1, min(len(words), k + 1 + REFERENCE_REACH)):
        if words[j] in CLAUSE_END or words[j] == ",":
            break
        seen.append(text[toks[j].start : toks[j].end].lower())  # "first half": "first" is a figure
    if "second" in seen:
        return FULL_TIME
    if "first" in seen or set(seen) & _words("half_words"):
        return HALF_TIME
    if set(seen) & _words("end_words"):
        return FULL_TIME
    return None


def _left(m: Mentions, si: int, k: int, extra: bool) -> int | None:
    """The minute "with N minutes to go" counts back from, read after token ``k`` ("eight minutes to go", "five
    minutes left in the first half", "17 minutes of extra time remaining"), or None."""
    words, toks, text = m.words[si], m.tokens[si], m.view.doc.text
    seen: list[str] = []
    for j in range(k + 1, min(len(words), k + 1 + REFERENCE_REACH)):
        if words[j] in CLAUSE_END or words[j] == ",":
            break
        seen.append(text[toks[j].start : toks[j].end].lower())
    left = _words("left_words")
    if seen[:1] == ["to"] and seen[1:2] and seen[1] in _words("go_words"):
        # "took 12 minutes to go ahead" is how long a goal took to come: "to go" must end its clause or
        # follow "with".
        ends = len(seen) == 2 or seen[2] in _SPLIT
        if not ends and not (k >= 1 and words[k - 1] == "with"):
            return None
        at = 1
    elif seen[:1] and seen[0] in left:
        at = 0
    elif seen[:1] == ["of"] and any(w in left for w in seen[1:5]):
        at = next(i for i, w in enumerate(seen) if w in left)
    else:
        return None
    if extra or set(seen[:at]) & _words("extra_words"):
        return EXTRA_TIME  # "with 17 minutes of extra time left", or after "in the 110th minute"
    near = seen[: at + 5]  # "five minutes left in the first half", "ten minutes of the second half left"
    return HALF_TIME if "second" not in near and {"half", "half-time"} & set(near) else FULL_TIME


def _minute_of(m: Mentions, si: int, k: int, last: int | None, latest: int = 0) -> int | None:
    """The minute of play the figure at token ``k`` names, or None."""
    f = m.view.facts[m.tokens[si][k].fact]
    words = m.words[si]
    if f.value is None or f.is_range:
        return None
    n = int(f.value)
    if f.kind == "ordinal" and (f.subject or "").split(" ")[:1] == ["minute"]:
        return n  # "in the 35th minute"
    if f.unit != "minute":
        return None
    marks = set(f.markers)
    if f.kind == "duration":
        after = words[k + 1] if k + 1 < len(words) else ""
        if after == "from":
            base = _reference(m, si, k)
            return FULL_TIME - n if base == FULL_TIME else None  # "four minutes from time"
        if after == "into":
            # "ten minutes into the second half" counts from half-time; "into the game" from kick-off.
            toks = m.tokens[si][k + 1 : k + 1 + REFERENCE_REACH]
            second = any(m.view.doc.text[t.start : t.end].lower() == "second" for t in toks)
            return HALF_TIME + n if second else n
        if after == "in" and (k + 2 >= len(words) or not words[k + 2][:1].isalnum()):
            return n  # "Smith scored 12 minutes in."
        if after in {"to", "left", "remaining", "of"}:
            end = _left(m, si, k, latest > FULL_TIME)
            if end is not None:
                return end - n  # "with eight minutes to go"
        if k >= 1 and words[k - 1] in _words("within_words"):
            return None if last is None else last + n  # "level within three minutes": at the latest
        return n if k >= 1 and words[k - 1] in AT_WORDS else None
    if f.kind != "relative":
        return None
    if marks & {"later", "earlier"}:
        if last is None:
            return None
        return last + abs(n) if "later" in marks else last - abs(n)
    if marks & {"before", "after"}:
        base = _reference(m, si, k)
        if base is None:
            return None
        return base - abs(n) if "before" in marks else base + abs(n)
    return None


def _clause(words: tuple[str, ...], k: int) -> range:
    """The tokens of the clause around ``k``: "Lund put them ahead in 8 minutes | and Pereira doubled the
    lead 12 minutes later"."""
    lo = k
    while lo > max(0, k - CLAUSE_REACH) and words[lo - 1] not in CLAUSE_END and not _splits(words, lo - 1):
        lo -= 1
    hi = k + 1
    while hi < min(len(words), k + CLAUSE_REACH) and words[hi] not in CLAUSE_END and not _splits(words, hi):
        hi += 1
    return range(lo, hi)


def _splits(words: tuple[str, ...], j: int) -> bool:
    """Whether ``words[j]`` opens a new clause: "and" before a goal's verb, or before where the ball went,
    goes on with the same scorer ("rounded the keeper with eight minutes to go and slotted home", "hooked it
    over the keeper and into the net")."""
    if words[j] not in _SPLIT:
        return False
    nxt = words[j + 1] if j + 1 < len(words) else ""
    return not (words[j] == "and" and (nxt in _words("goal_words") or nxt in _words("goes_on")))


_SPLIT = frozenset({"and", "but", "while", "whereas", "although", "though"})


def _scorers(m: Mentions, si: int, k: int, names: dict[str, list[Goal]]) -> list[tuple[str, Span]]:
    """The scorers the figure's clause names ("Tomas Pereira doubled the lead …"), or its "opening goal"."""
    words = m.words[si]
    toks = m.tokens[si]
    text = m.view.doc.text
    out: list[tuple[str, Span]] = []
    for j in _clause(words, k):
        for phrase in _openings():
            if words[j : j + len(phrase)] == phrase:
                return [(OPENING, toks[j].span)]
        if toks[j].fact >= 0:
            continue
        name = text[toks[j].start : toks[j].end].removesuffix("'s").removesuffix("’s")
        if name in names:
            out.append((name, toks[j].span))
    return out


def _missed(words: Sequence[str], span: Iterable[int]) -> bool:
    """Whether a miss word stands at one of ``span``'s tokens, other than in a place ("the near post")."""
    miss, places = _words("miss_words"), _words("place_words")
    return any(words[j] in miss and not (j >= 1 and words[j - 1] in places) for j in span)


def _own_goal(words: tuple[str, ...], clause: range) -> bool:
    """Whether the clause tells an own goal ("turned the cross into his own net"): the list may credit it to
    the defender, and the names in the clause are the attackers'."""
    return any(words[j] == "own" and j + 1 < len(words) and words[j + 1] in {"goal", "net"} for j in clause)


def _goal_after(words: tuple[str, ...], j: int) -> bool:
    """Whether a goal's word follows a possessive name at ``j``: "Kemp's late header", not "Kemp's cross"."""
    return any(w in _words("goal_words") for w in words[j + 1 : j + 1 + POSSESSIVE_REACH])


def _goal_without_minute(m: Mentions, si: int, names: dict[str, list[Goal]]) -> Goal | None:
    """The listed goal a sentence without a figure tells ("Lund met the cross to put them ahead."): the first
    listed scorer it names, when the list gives them one goal; None when the sentence tells no goal."""
    text = m.view.doc.text
    sent = m.view.doc.sentences[si].span
    toks = word_tokens(text[sent.start : sent.end].lower().replace("’", "'"), sent.start)
    words = tuple(t.text for t in toks)
    if not any(w in _words("goal_words") for w in words) or _missed(words, range(len(words))):
        return None
    for j, t in enumerate(toks):
        word = text[t.start : t.end]
        name = word.removesuffix("'s").removesuffix("’s")
        if name in names and (name == word or _goal_after(words, j)):
            return names[name][0] if len(names[name]) == 1 else None
    return None


def told_goals(m: Mentions) -> Iterator[ToldGoal]:
    """Each goal minute the report's prose tells, with the goals of the list it must match."""
    listed = goals(m.view.doc.text)
    if not listed:
        return
    names: dict[str, list[Goal]] = {}
    for g in listed:
        names.setdefault(g.name.split(" ")[-1], []).append(g)
    first = min(listed, key=lambda g: g.minute)
    last: tuple[int, int, int, bool] | None = None  # (sentence, minute, fact, a goal's?) told last
    latest = 0  # the latest minute told so far: past the 90th, "N minutes left" is of extra time
    for si, toks in enumerate(m.tokens):
        words = m.words[si]
        if (
            si >= 1
            and (last is None or last[0] < si - 1)
            and any(t.fact >= 0 for t in toks)
            and not any(t.fact >= 0 for t in m.tokens[si - 1])
        ):
            told = _goal_without_minute(m, si - 1, names)
            if told is not None:
                last = (si - 1, told.minute, -1, True)
        for k, t in enumerate(toks):
            if t.fact < 0:
                continue
            back = GOAL_BACK if last is not None and last[3] else MINUTES_BACK
            before = last[1] if last is not None and si - last[0] <= back else None
            minute = _minute_of(m, si, k, before, latest)
            if minute is None:
                continue
            anchor = last[2] if last is not None and before is not None else -1
            within = k >= 1 and words[k - 1] in _words("within_words")
            marks = m.view.facts[t.fact].markers
            if "later" not in marks and "earlier" not in marks and not within:
                anchor = -1
            latest = max(latest, minute)
            clause = _clause(words, k)
            scored = any(words[j] in _words("goal_words") for j in clause)
            own = _own_goal(words, clause)  # an own goal is one, whatever the ball went over on its way
            missed = not own and _missed(words, clause)
            last = (si, minute, t.fact, scored)
            if not scored or missed or _tells_substitution(words, clause):
                continue  # "came on for Hale after 60 minutes and scored": the minute is the substitution's
            who = _scorers(m, si, k, names)
            if own:
                # The list credits an own goal to the defender; the clause may name the attacker too.
                who = [(n, c) for n, c in who if n != OPENING and any(g.own for g in names[n])]
            if not who:
                continue
            goals_of: tuple[Goal, ...]
            if own:
                goals_of = tuple(g for n, _ in who for g in names[n] if g.own)
            elif who[0][0] == OPENING:
                goals_of = (first,)
            else:
                goals_of = tuple(sorted({g for name, _ in who for g in names[name]}, key=lambda g: g.span.start))
            scorer = " or ".join(dict.fromkeys(name for name, _ in who))
            yield ToldGoal(t.fact, anchor, minute, scorer, goals_of, tuple(c for _, c in who), within)
