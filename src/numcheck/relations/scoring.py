"""Scoring: points in a match report against the scoring events told for them.

What each event is worth is data (vocab.toml [scoring]: rugby union's try, conversion, penalty and drop
goal), so a report is read the way a sub-editor adds it up:

- a side's score in the headline ("Munster 22-13 Ulster") against a sentence that names the side and
  counts its events: "A try from A and 17 points from B gave Munster the win" is 5 + 17; without a
  player's points in it, the events and the points a player "added" in the next few sentences are at
  most the score ("Leicester ... with a pair of late tries. ... Ward added 15 points": 10 + 15);
- a player's points against the kicks listed right after them ("17 points from two penalties, a drop
  goal and three conversions");
- a winning score against the goals its sentence credits after it ("won 3-1, courtesy of two goals from
  A and two from B": four goals credited to a side that scored three; words: vocab.toml [scoring.goals]).

Each is a ``scoring`` relation (judge ``scoring``): items a player's points, labels ``score`` (the side's
or the player's points told) and its ``span``, ``plus`` (the events' worth), ``why``, and ``bound``
"at-least" when the events may be only some of the side's. A sentence with a word that leaves its events unscored ("missed", "disallowed", "awarded") or an
event whose number is not written ("his second drop goal") is not read, and a report is read only when it
tells tries and another kind of event.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from numcheck import minutes, numwords
from numcheck.mentions import CLAUSE_END, Token
from numcheck.minutes import Goal
from numcheck.model import Span
from numcheck.relations.base import Relation, _Doc
from numcheck.relations.counting import _Words
from numcheck.relations.scores import SCORE
from numcheck.vocab import TOKEN, PhraseTable, _toml, vocab

# Words between an event's number and its noun ("a trio of second-half tries", "a fourth-minute drop-goal").
MODIFIERS = 2
# Tokens before a player's points that the verb scoring them may stand ("Ward added 15 points").
VERB_REACH = 3
# Sentences after a side's events that a player's points for it may be told in.
POINTS_AHEAD = 4
# Characters at the start of a text that a match report's headline score stands in.
HEADLINE_CHARS = 120
# Words of a headline with a score between two names ("Leeds Tykes 19-33 Bath").
HEADLINE_WORDS = 8
# Tokens back from "scored twice" that the scorer's name may stand ("Tom Lake headed in ... his second").
CLAIM_REACH = 12
# Most events of one kind read from a number: larger numbers are points, minutes or caps.
EVENTS_MAX = 12


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = _toml("vocab.toml")["scoring"]
    return data


@functools.cache
def _tables() -> dict[str, PhraseTable]:
    data = _data()
    out = {
        "events": PhraseTable.build((p, kind) for kind, phrases in data["events"].items() for p in phrases),
        "counts": PhraseTable.build((p, p) for p in data["counts"]),
        "claims": PhraseTable.build((p, p) for p in data["claims"]),
    }
    for key, phrases in data["words"].items():
        out[key] = PhraseTable.build((p, key) for p in phrases)
    return out


def _has(table: str, words: Sequence[str], start: int, end: int) -> bool:
    t = _tables()[table]
    return any(t.starting_at(words, k) for k in t.starts_in(words, start, end))


class _Report:
    """A match report's tokens, also of the sentences without a figure ("with a pair of late tries")."""

    def __init__(self, d: _Doc) -> None:
        words = _Words(d)
        self.view = d.view
        self.facts = d.facts
        self.tokens: tuple[tuple[Token, ...], ...] = tuple(words.tokens(si) for si in range(len(d.m.tokens)))
        self.words: tuple[tuple[str, ...], ...] = tuple(tuple(t.text for t in toks) for toks in self.tokens)

    def figure_words(self, si: int) -> tuple[str, ...]:
        """A sentence's words with each figure token as the words it is ("his third", "twice", "two" are
        read as figures)."""
        return tuple(self.facts[t.fact].text.lower() if t.fact >= 0 else t.text for t in self.tokens[si])

    def span(self, si: int, a: int, b: int) -> Span:
        toks = self.tokens[si]
        return Span(toks[a].start, toks[b - 1].end)

    def clause_end(self, si: int, pos: int) -> int:
        words = self.words[si]
        return next((k for k in range(pos, len(words)) if words[k] in CLAUSE_END), len(words))


@dataclass(frozen=True, slots=True)
class _Side:
    """One side's score in a match report's headline."""

    score: int
    span: Span  # the headline's score, "22-13"


def _claim(
    score: object, start: int, end: int, said: str, plus: object, why: str, bound: str = "", at: Span | None = None
) -> tuple[tuple[str, str], ...]:
    """The labels of a ``scoring`` relation: the figure told (``score``, its span, how it was said), what the
    text counts for it (``plus``, ``why``), ``bound`` ("at-least" when the count may be only some of it) and,
    when given, ``at``, the span the finding marks."""
    labels = (
        ("score", str(score)),
        ("span", f"{start}:{end}"),
        ("said", said),
        ("plus", str(plus)),
        ("why", why),
        ("bound", bound),
    )
    return labels + ((("at", f"{at.start}:{at.end}"),) if at is not None else ())


def _sides(d: _Report) -> Mapping[str, _Side]:
    """The headline's score between two names ("Munster 22-13 Ulster"): each capitalised word of a side's
    name (lower case) → that side's score; empty when the headline is no such score."""
    sents = d.view.doc.sentences
    if not sents:
        return {}
    span = sents[0].span
    line = d.view.text[span.start : span.end]
    m = SCORE.search(line)
    if m is None:
        return {}
    before, after = line[: m.start()].split(), line[m.end() :].split()
    if not before or not after or len(before) + len(after) > HEADLINE_WORDS:
        return {}
    where = Span(span.start + m.start(), span.start + m.end())
    out: dict[str, _Side] = {}
    for words, score in ((before, int(m.group(1))), (after, int(m.group(2)))):
        for w in words:
            if w[:1].isupper():
                key = w.lower().strip(".,:;")
                out[key] = _Side(score, where) if key not in out else _Side(-1, where)
    return {k: v for k, v in out.items() if v.score >= 0}


def _side_named(d: _Report, si: int, sides: Mapping[str, _Side]) -> str:
    """The first side a sentence names by a capitalised word, else ""."""
    text = d.view.text
    for t in d.tokens[si]:
        if (t.text in sides or t.text.removesuffix("'s") in sides) and text[t.start].isupper():
            return t.text.removesuffix("'s")
    return ""


def _sides_named(d: _Report, si: int, sides: Mapping[str, _Side]) -> set[int]:
    """The scores of the sides a sentence names (a side is known by its score)."""
    text = d.view.text
    return {
        sides[w].score for t in d.tokens[si] if (w := t.text.removesuffix("'s")) in sides and text[t.start].isupper()
    }


def _own_part(d: _Report, si: int, sides: Mapping[str, _Side]) -> int:
    """Where the sentence turns to the other side: a contrast word ("but", "answered") that does not
    follow the named side at once ("Ulster replied with ..." is the side's own reply); else its end."""
    words = d.words[si]
    named = _first_named(d, si, sides)
    contrast = _tables()["contrast"]
    for k in contrast.starts_in(words):
        if k > named + 1 and contrast.starting_at(words, k):
            return k
    return len(words)


def _side_end(d: _Report, si: int, sides: Mapping[str, _Side]) -> int:
    """Where the named side's own events end: at the turn (``_own_part``), or where, after it, the sentence
    names the other side or a side it does not resolve ("and the visitors scored three tries")."""
    end = _own_part(d, si, sides)
    named = _first_named(d, si, sides)
    words, text = d.words[si], d.view.text
    first = sides[words[named].removesuffix("'s")].score if named >= 0 else -1
    other = _tables()["other_side"]
    for k in range(named + 1, end):
        w = words[k].removesuffix("'s")
        j = k - 1 if words[k - 1] == "the" else k  # "and the visitors"
        opens = words[j - 1] in (",", "and", "but", "while", "as")
        told = other.starting_at(words, k) or (
            w in sides and sides[w].score != first and text[d.tokens[si][k].start].isupper()
        )
        if told and opens:
            return k  # a new clause of another side; "brushed aside Wexby with four tries" is not
    return end


def _first_named(d: _Report, si: int, sides: Mapping[str, _Side]) -> int:
    """The token where the sentence first names a side by a capitalised word, or -1."""
    return next(
        (
            k
            for k, t in enumerate(d.tokens[si])
            if t.text.removesuffix("'s") in sides and d.view.text[t.start].isupper()
        ),
        -1,
    )


def _named_after_turn(d: _Report, si: int, sides: Mapping[str, _Side]) -> bool:
    """The sentence names a side only after it turns ("Prydderch kicked two penalties, while Dunmore's only
    points came from ..."): what it tells before the turn is not that side's."""
    words = d.words[si]
    named = _first_named(d, si, sides)
    contrast = _tables()["contrast"]
    return any(k < named and contrast.starting_at(words, k) for k in contrast.starts_in(words))


def _count_before(d: _Report, si: int, j: int) -> int:
    """How many of the event whose noun starts at ``j``: "three penalties", "a trio of tries", "the
    conversion"; -1 when no number is written before it."""
    words, toks = d.words[si], d.tokens[si]
    counts = _tables()["counts"]
    k = j
    for _ in range(MODIFIERS + 1):
        if k <= 0:
            return -1
        fi = toks[k - 1].fact
        if fi >= 0 and d.facts[fi].kind == "ordinal" and "-" in d.facts[fi].text:
            k -= 1  # "a first-half try", "a fourth-minute drop goal"
            continue
        if fi >= 0:
            f = d.facts[fi]
            v = f.value
            if f.kind in ("count", "number") and v is not None and v == v.to_integral_value() and 1 <= v <= EVENTS_MAX:
                return int(v)
            return -1
        hit = counts.ending_at(words, k)
        if hit:
            return int(_data()["counts"][hit[0]])
        w = words[k - 1]
        if w == "of" and k >= 2 and toks[k - 2].fact >= 0 and d.facts[toks[k - 2].fact].kind == "count":
            k -= 1  # "a trio of tries": a group word the fact table reads as its count
            continue
        if not w[0].isalpha() or w in ("of", "and", "or", "his", "her", "their", "its"):
            return -1
        k -= 1
    return -1


def _events(d: _Report, si: int, start: int, end: int) -> tuple[int, dict[str, int]] | None:
    """The worth of the scoring events counted in tokens ``start``..``end`` of sentence ``si`` and how many
    of each kind; None when one's number is not written."""
    words = d.words[si]
    events = _tables()["events"]
    worth = _data()["worth"]
    total = 0
    kinds: dict[str, int] = {}
    j = start
    while j < min(end, len(words)):
        hit = events.starting_at(words, j)
        if hit is None:
            j += 1
            continue
        kind, after = hit
        n = _count_before(d, si, j)
        if n < 0:
            return None
        total += n * int(worth[kind])
        kinds[kind] = kinds.get(kind, 0) + n
        j = after
    return total, kinds


def _event_spans(d: _Report, si: int) -> list[tuple[int, int]]:
    """(start, end) tokens of each scoring event's noun in sentence ``si``."""
    words = d.words[si]
    events = _tables()["events"]
    return [(j, hit[1]) for j in events.starts_in(words) if (hit := events.starting_at(words, j))]


def _points(d: _Report, si: int) -> list[tuple[int, int]]:
    """A player's points scored in the match: (fact, token after "points"): "14 points from Doyle", "Ward added
    15 points"; not a margin ("seven points clear") or a career's ("640 points in 48")."""
    words, toks = d.words[si], d.tokens[si]
    text = d.view.text
    verbs = _tables()["verbs"]
    out: list[tuple[int, int]] = []
    for pos, tok in enumerate(toks):
        if tok.fact < 0 or pos + 1 >= len(words) or words[pos + 1] != "points":
            continue
        nxt = pos + 2
        if nxt < len(words) and _tables()["not_points"].starting_at(words, nxt):
            continue
        named = nxt + 1 < len(words) and words[nxt] == "from" and text[toks[nxt + 1].start].isupper()
        verb = any(verbs.ending_at(words, k) for k in range(max(0, pos - VERB_REACH + 1), pos + 1))
        if named or verb:
            out.append((tok.fact, nxt))
    return out


def _kicks(d: _Report) -> Iterator[Relation]:
    """A player's points against the kicks listed right after them."""
    for si, words in enumerate(d.words):
        if _has("not_scored", words, 0, len(words)):
            continue
        for fi, nxt in _points(d, si):
            hit = _tables()["from"].starting_at(words, nxt)
            if hit is None:
                continue
            end = _list_end(d, si, hit[1])
            found = _events(d, si, hit[1], end)
            if found is None or sum(found[1].values()) < 2:
                continue
            f = d.facts[fi]
            if f.value is None:
                continue
            why = "the kicks listed with them"
            labels = (("score", str(int(f.value))), ("span", f"{f.span.start}:{f.span.end}"), ("plus", str(found[0])))
            yield Relation(
                "scoring", (("points", fi),), (d.span(si, nxt, hit[1]),), "sentence", labels + (("why", why),)
            )


def _list_end(d: _Report, si: int, pos: int) -> int:
    """Where the kicks listed from token ``pos`` stop: the clause's end, or a word that turns to another
    player ("12 points from three conversions and two penalties, while Obi's two tries ..."; "but Cole's
    two penalties"; "who also ...")."""
    words = d.words[si]
    end = d.clause_end(si, pos)
    contrast = _tables()["contrast"]
    return next((x for x in range(pos, end) if words[x] in _ASIDE or contrast.starting_at(words, x)), end)


def _rugby(d: _Report) -> bool:
    """The report tells tries and another kind of scoring event, or a player's points."""
    events = _tables()["events"]
    kinds = {hit[0] for words in d.words for j in events.starts_in(words) if (hit := events.starting_at(words, j))}
    return "try" in kinds and (len(kinds) >= 2 or any(_points(d, si) for si in range(len(d.words))))


def _side_scores(d: _Report) -> Iterator[Relation]:
    """A side's score in the headline against the events and points told for it."""
    sides = _sides(d)
    if not sides or not _rugby(d):
        return
    n = len(d.tokens)
    for si in range(1, n):
        words = d.words[si]
        side = _side_named(d, si, sides)
        if not side or _has("not_scored", words, 0, len(words)) or _named_after_turn(d, si, sides):
            continue
        found = _events(d, si, 0, _side_end(d, si, sides))
        if found is None or not found[1].get("try"):
            continue
        worth, kinds = found
        spans = _event_spans(d, si)
        points = [fi for fi, _ in _points(d, si)]
        # A side's events told in one place may be only some of its scoring ("two tries after the break"):
        # only more than its score is an error.
        bound = "at-least"
        if not points:
            for s2 in range(si + 1, min(n, si + 1 + POINTS_AHEAD)):
                named = _sides_named(d, s2, sides)
                if named and sides[side].score not in named:
                    break  # told of the other side: its points are not ours
                later = _points(d, s2)
                if later and not _has("not_scored", d.words[s2], 0, len(d.words[s2])):
                    points = [later[0][0]]
                    break
        worths = _data()["worth"]
        why = ", ".join(f"{v} × {k} ({worths[k]})" for k, v in sorted(kinds.items()))
        why += " and the points named" if points else ""
        told = sides[side]
        labels = _claim(
            told.score,
            told.span.start,
            told.span.end,
            f"{told.score} in {d.view.text[told.span.start : told.span.end]}",
            worth,
            why,
            bound=bound,
        )
        cues = tuple(d.span(si, j, e) for j, e in spans)
        counts = tuple(
            ("event", t.fact) for t in d.tokens[si] if t.fact >= 0 and d.facts[t.fact].kind in ("count", "number")
        )
        roles = tuple(("item", i) for i in points) + tuple(r for r in counts if r[1] not in points)
        if roles:
            yield Relation("scoring", roles, cues, "document", labels)


def _conversions(d: _Report, si: int, end: int) -> int:
    """Conversions a sentence tells by its verb before token ``end``: "converted all three tries" (3),
    "converted both" (2); 0 when none is told."""
    words = d.figure_words(si)
    data = _data()["words"]
    counts = data["converted_counts"]
    for k in range(min(end, len(words)) - 1):
        if words[k] not in data["converted"]:
            continue
        nxt = words[k + 1]
        if nxt == "all" and k + 2 < len(words):
            fi = d.tokens[si][k + 2].fact
            v = d.facts[fi].value if fi >= 0 else None
            if v is not None and v == v.to_integral_value() and 1 <= v <= EVENTS_MAX:
                return int(v)
        elif nxt in counts and int(counts[nxt]):
            return int(counts[nxt])
        fi = d.tokens[si][k + 1].fact
        v = d.facts[fi].value if fi >= 0 and " " not in nxt else None
        if v is not None and v == v.to_integral_value() and 1 <= v <= EVENTS_MAX:
            return int(v)  # "converted two"
        if nxt.startswith("all "):  # "all three" read as one figure
            fi = d.tokens[si][k + 1].fact
            v = d.facts[fi].value if fi >= 0 else None
            if v is not None and v == v.to_integral_value() and 1 <= v <= EVENTS_MAX:
                return int(v)
    return 0


def _side_totals(d: _Report) -> Iterator[Relation]:
    """A side's scoring events gathered over the whole report against its headline score: each sentence's
    events are given to the side whose player (from the line-ups) or name it tells first, up to the word
    that turns it to the other side; for each kind of event the most any one sentence tells is a floor on
    the side's (a try told twice is not counted twice). "Amadi scored three tries ... Rook converted all
    three and kicked two penalties" under "Redbridge 24-17 Calder" makes at least 15 + 6 + 6 = 27.
    A draw, a sentence of another match or a running tally, or one that names both sides' players is not
    read."""
    sides = _sides(d)
    scores = {v.score for v in sides.values()}
    if len(scores) != 2 or not _rugby(d):
        return
    players = _lineups(d, sides)
    not_this = frozenset(_data()["words"]["not_this_match"])
    worths = _data()["worth"]
    text = d.view.text
    most: dict[int, dict[str, tuple[int, Span]]] = {}
    for si in range(1, len(d.words)):
        words = d.words[si]
        if not _event_spans(d, si) and not any(w in _data()["words"]["converted"] for w in words):
            continue
        said = {w for t in d.tokens[si] for w in TOKEN.findall(text[t.start : t.end].lower())}
        if _has("not_scored", words, 0, len(words)) or not_this & said:
            continue
        end = _own_part(d, si, sides)
        contrast = _tables()["contrast"]
        turn = next((k for k in contrast.starts_in(words) if contrast.starting_at(words, k)), len(words))
        end = min(end, turn)
        # The side the sentence names first holds its events up to where it names the other: "Redbridge wing
        # Amadi scored three tries as Calder ...", "Harlow scored two tries, and Besford kicked ...".
        owners: list[int] = []
        for k in range(end):
            tok = d.tokens[si][k]
            if tok.fact >= 0 or not text[tok.start].isupper():
                continue
            w = words[k].removesuffix("'s")
            owner = sides[w].score if w in sides else players[w][1] if w in players else -1
            if owner < 0:
                continue
            if owners and owner != owners[0]:
                end = k
                break
            owners.append(owner)
        if not owners:
            continue
        found = _events(d, si, 0, end)
        if found is None:
            continue
        told = dict(found[1])
        conv = _conversions(d, si, end)
        if conv:
            told["conversion"] = max(told.get("conversion", 0), conv)
        side = owners[0]
        span = d.span(si, 0, end)
        for kind, n in told.items():
            if n > most.setdefault(side, {}).get(kind, (0, span))[0]:
                most[side][kind] = (n, span)
    where = next(iter(sides.values())).span
    for side, kinds in sorted(most.items()):
        worth = sum(n * int(worths[k]) for k, (n, _) in kinds.items())
        if worth <= side or "try" not in kinds:
            continue
        why = ", ".join(f"at least {kinds[k][0]} × {k} ({worths[k]})" for k in worths if k in kinds)
        name = next(w for w, v in sides.items() if v.score == side)
        labels = _claim(
            side,
            where.start,
            where.end,
            f"{side} for {name.title()} in {text[where.start : where.end]}",
            worth,
            f"the most of each told in one sentence: {why}",
            bound="at-least",
        )
        cues = tuple(dict.fromkeys(sp for _, sp in sorted(kinds.values(), key=lambda x: x[1].start)))
        yield Relation("scoring", (), (where, *cues), "document", labels)


@functools.cache
def _line_patterns() -> tuple[Any, dict[str, str], Any]:
    """The scorer-line labels as one pattern ("Tries:", "Cons:"), each label → its event, and the pattern of
    a block's start: a side's name before its first label ("Tarrow: Tries:")."""
    lines, nots = _data()["lines"], _data()["lines_not"]
    kinds = {label: kind for kind, labels in lines.items() for label in labels}
    labels = sorted([*kinds, *nots["league"]], key=len, reverse=True)
    alt = "|".join(re.escape(x) for x in labels)
    label = re.compile(rf"(?<![\w-])({alt})\s*:")
    block = re.compile(rf"(?:^|(?<=[.;:]\s))([A-Z][A-Za-z' -]{{0,40}}?)\s*:\s*(?=(?:{alt})\s*:)")
    return label, kinds, block


_ENTRY = re.compile(r"^(?P<name>[A-Z][A-Za-z'.\- ]*?)\s*\(?(?P<n>\d{1,2})?\)?$")


def _block_points(text: str, start: int, end: int) -> tuple[int, dict[str, int]] | None:
    """The points of one side's scorer block ``text[start:end]`` and its events by kind; None when an entry
    cannot be read, a label is rugby league's or a penalty try is listed."""
    label, kinds, _ = _line_patterns()
    chunk = text[start:end]
    low = chunk.lower()
    if any(p in low for p in _data()["lines_not"]["penalty_try"]):
        return None
    found = list(label.finditer(chunk))
    if not found:
        return None
    worth = _data()["worth"]
    total = 0
    events: dict[str, int] = {}
    for i, m in enumerate(found):
        kind = kinds.get(m.group(1))
        if kind is None:
            return None  # "Goals:": rugby league's scoring
        body = chunk[m.end() : found[i + 1].start() if i + 1 < len(found) else len(chunk)]
        entries = [e.strip() for e in re.split(r",|;|\band\b", body.strip().rstrip(".;"))]
        for e in entries:
            if not e:
                continue
            em = _ENTRY.match(e)
            if em is None:
                return None
            n = int(em.group("n") or 1)
            total += n * int(worth[kind])
            events[kind] = events.get(kind, 0) + n
    return total, events


def _scorer_lines(d: _Report) -> Iterator[Relation]:
    """A rugby union report's scorer lines against the headline: "Tarrow: Tries: Quill, Beck; Con: Hart;
    Pens: Hart 3." under "Dunford 24-18 Tarrow" makes 10 + 2 + 9 = 21, not 18. Each block
    names its side before its first label; the events must make the side's score exactly."""
    sides = _sides(d)
    if len(sides) < 2:
        return
    _, _, block = _line_patterns()
    text = d.view.text
    worths = _data()["worth"]
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if ":" in line:
            starts = list(block.finditer(line))
            for i, m in enumerate(starts):
                words = [w.lower().strip(".,") for w in m.group(1).split()]
                scores = {sides[w].score for w in words if w in sides}
                if len(scores) != 1:
                    continue
                b_end = start + (starts[i + 1].start() if i + 1 < len(starts) else len(line))
                read = _block_points(text, start + m.end(), b_end)
                if read is None:
                    continue
                points, events = read
                score = scores.pop()
                where = next(v.span for w in words if w in sides for v in (sides[w],))
                at = Span(start + m.start(1), b_end - (1 if text[b_end - 1 : b_end] in ".;" else 0))
                why = ", ".join(f"{events[k]} × {k} ({worths[k]})" for k in worths if k in events)
                labels = _claim(
                    score,
                    where.start,
                    where.end,
                    f"{score} for {m.group(1).strip()} in {text[where.start : where.end]}",
                    points,
                    f"the scorers listed: {why}",
                    at=at,
                )
                roles = tuple(("event", fi) for fi, f in enumerate(d.facts) if at.start <= f.span.start < at.end)
                yield Relation("scoring", roles, (at,), "document", labels)
        start = end + 1


def _goal_lines(text: str) -> list[list[Goal]]:
    """The goal lists of a football report, one line a team in the order the teams are listed (home
    first): "Lake 9, Moss 30 pen, Lake 51"; none unless a line has two goals."""
    found: list[list[Goal]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if len(line) <= minutes.LIST_CHARS and line.strip():
            read = minutes._read_line(text, start, end)
            if read:
                found.append(read)
        start = end + 1
    return found if any(len(g) >= 2 for g in found) else []


def _goal_counts(d: _Report) -> Iterator[Relation]:
    """The headline's score against the goal lists: two lines are the two sides in order; one line is the
    side that scored when the other scored none ("Town 0-4 United" over four goals listed)."""
    sents = d.view.doc.sentences
    if not sents:
        return
    span = sents[0].span
    m = SCORE.search(d.view.text, span.start, span.end)
    lines = _goal_lines(d.view.text)
    if m is None or not lines or len(lines) > 2 or not _sides(d):
        return
    scores = [int(m.group(1)), int(m.group(2))]
    if len(lines) == 1:
        if scores.count(0) != 1:
            return  # both sides scored but one list: the other side's goals are not listed
        scores = [max(scores)]
    at = {f.span.start: fi for fi, f in enumerate(d.facts)}
    # The figures the relation holds: the listed minutes the fact table read, else the headline's score.
    told = [fi for fi, f in enumerate(d.facts) if f.span.start < m.end() and f.span.end > m.start()]
    for k, (score, line) in enumerate(zip(scores, lines, strict=True)):
        facts = [at[g.span.start] for g in line if g.span.start in at] or told[k : k + 1]
        if not facts:
            continue
        labels = _claim(
            score,
            m.start(),
            m.end(),
            f"{score} in {m.group()}",
            len(line),
            f"{len(line)} goal{'' if len(line) == 1 else 's'} in the goal list",
        )
        roles = tuple(("event", fi) for fi in facts)
        yield Relation("scoring", roles, tuple(g.span for g in line), "document", labels)


def _scorer_claims(d: _Report) -> Iterator[Relation]:
    """What the prose says a scorer got ("Smith scored twice", "his second") against that scorer's entries
    in the goal lists: the prose may tell fewer (a goal later on), never more."""
    lines = _goal_lines(d.view.text)
    listed: dict[str, list[Goal]] = {}
    for g in (g for line in lines for g in line):
        listed.setdefault(g.name.split()[-1].lower(), []).append(g)
    if not listed:
        return
    claims, after = _tables()["claims"], _tables()["claim_after"]
    elsewhere = vocab().score_elsewhere
    text = d.view.text
    first = d.view.doc.sentences[0].span if d.view.doc.sentences else None
    headline = [fi for fi, f in enumerate(d.facts) if first is not None and f.span.end <= first.end]
    at = {f.span.start: fi for fi, f in enumerate(d.facts)}
    for si, toks in enumerate(d.tokens):
        words = d.figure_words(si)  # "his third" may be read as a share "third"
        said = {w for t in toks for w in TOKEN.findall(text[t.start : t.end].lower())}
        if _has("near_miss", words, 0, len(words)) or elsewhere & said:
            continue  # "came close to grabbing his second", "scored twice last season"
        for k in claims.starts_in(words):
            hit = claims.starting_at(words, k)
            if hit is None:
                continue
            phrase, end = hit
            if phrase.startswith("his ") and not (end >= len(words) or after.starting_at(words, end)):
                continue  # "his second season", "his third yellow card"
            name = next(
                (
                    toks[j].text
                    for j in range(k - 1, max(-1, k - CLAIM_REACH - 1), -1)
                    if toks[j].text in listed and text[toks[j].start].isupper()
                ),
                "",
            )
            goals = listed.get(name, [])
            if not goals:
                continue
            # The figures it holds: the scorer's listed minutes the fact table read, else a figure of the
            # claim's sentence or the headline's score.
            facts = [at[g.span.start] for g in goals if g.span.start in at]
            facts = facts or [t.fact for t in toks if t.fact >= 0][:1] or headline[:1]
            if not facts:
                continue
            shown = " ".join(text[toks[j].start : toks[j].end] for j in range(k, end))
            labels = _claim(
                len(goals),
                toks[k].start,
                toks[end - 1].end,
                f"{goals[0].name}'s goals in the goal list ({len(goals)})",
                int(_data()["claims"][phrase]),
                f"'{shown}'",
                bound="at-least",
            )
            yield Relation(
                "scoring", tuple(("scored", fi) for fi in facts), tuple(g.span for g in goals), "document", labels
            )


# Tokens before a score that a word of winning may stand ("beat Leeds United 3-1", "winning the first leg
# at Stamford Park 3-1"), within its clause.
WON_REACH = 8
_BACK_STOP = frozenset({",", ";", ":", ".", "but", "while", "after", "before"})
# Most goals one credit in prose may give ("two from Kane"): larger numbers are minutes or caps.
GOALS_MAX = 5


# Words that open an aside about a scorer ("two goals from Diaz, who has 14 this season"): its goals are not
# this match's.
_ASIDE = frozenset({"who", "whose", "which", "whom"})
# Words that make goals a running tally, not this match's ("Lee now has three goals from ...").
_TALLY = frozenset({"now", "has", "have", "tally", "total", "career", "campaign", "overall"})
# Words without one of which a text credits no goals in prose (a quick first look).
_GOAL_HINTS = ("goal", "twice", "hat-trick", "hat trick", "brace", "double", "strike", "header")


def _prose_goals(d: _Report) -> Iterator[Relation]:
    """A winning score and the goals its sentence credits after it ("won 3-1, courtesy of two goals from
    Diaz and two from Kane"): the goals credited cannot be more than the winner's side of the score (they
    may be fewer: not every scorer need be named). Stops at a word that turns to the other side ("while",
    "but", "replied")."""
    score_at = {f.span.start: fi for fi, f in enumerate(d.facts) if f.kind == "score"}
    if not score_at:
        return
    data = _data()["goals"]
    won_before, won_after = frozenset(data["won_before"]), frozenset(data["won_after"])
    nouns, links = frozenset(data["goal_nouns"]), frozenset(data["scorer_links"])
    claims, contrast = _tables()["claims"], _tables()["contrast"]
    numbers = {w: int(n) for w, n in _data()["counts"].items()} | {
        w: n for w, n in numwords.UNITS.items() if 1 <= n <= GOALS_MAX
    }
    elsewhere = vocab().score_elsewhere
    text = d.view.text
    for si, toks in enumerate(d.tokens):
        if not any(t.start in score_at for t in toks):
            continue  # no score in the sentence: nothing to credit goals against
        words = d.figure_words(si)
        for k, tok in enumerate(toks):
            m = SCORE.fullmatch(tok.text) if tok.start in score_at else None
            if m is None:
                continue
            back = next((x + 1 for x in range(k - 1, max(-1, k - WON_REACH - 1), -1) if words[x] in _BACK_STOP), 0)
            won = any(w in won_before for w in words[max(back, k - WON_REACH) : k]) or (
                k + 1 < len(words) and words[k + 1] in won_after
            )
            if not won or _has("not_scored", words, k, len(words)):
                continue
            side = max(int(m.group(1)), int(m.group(2)))
            credited, spans, shown = 0, [], []
            j = k + 1
            stretch_end = next(
                (
                    x
                    for x in range(j, len(words))
                    if words[x] in CLAUSE_END or words[x] in _ASIDE or contrast.starting_at(words, x)
                ),
                len(words),
            )
            if elsewhere.intersection(words[j:stretch_end]) or _TALLY.intersection(words[j:stretch_end]):
                continue  # "two goals from Diaz, twice last season": another match's goals told too
            while j < stretch_end:
                claim = claims.starting_at(words, j)
                n, end = 0, j
                named = j > 0 and text[toks[j - 1].start : toks[j - 1].start + 1].isupper()
                if claim is not None and not claim[0].startswith("his ") and (claim[0] != "once" or named):
                    n, end = int(_data()["claims"][claim[0]]), claim[1]
                elif words[j] in numbers or (toks[j].fact >= 0 and d.facts[toks[j].fact].kind in ("count", "number")):
                    value = numbers[words[j]] if words[j] in numbers else d.facts[toks[j].fact].value
                    e = j + 1
                    while e < len(words) and e - j <= MODIFIERS and words[e] not in links and words[e] not in nouns:
                        e += 1  # "a late", "a second-half"
                    e += e < len(words) and words[e] in nouns
                    if e + 1 < len(words) and words[e] in links and text[toks[e + 1].start].isupper():
                        if value is not None and 1 <= value <= GOALS_MAX:
                            n, end = int(value), e + 2
                if n:
                    credited += n
                    spans.append(d.span(si, j, end))
                    shown.append(text[toks[j].start : toks[end - 1].end])
                    j = end
                else:
                    j += 1
            if credited <= side:
                continue
            labels = _claim(
                side,
                tok.start,
                tok.end,
                f"{side} goals in {tok.text}",
                credited,
                ", ".join(f"'{s}'" for s in shown),
                bound="at-least",
            )
            yield Relation("scoring", (("scored", score_at[tok.start]),), tuple(spans), "sentence", labels)


# Bowling figures, "5-61": wickets then runs conceded, not part of a longer figure.
_BOWLING = re.compile(r"(\d{1,2})-(\d{1,3})")
# Most wickets of one innings and of one match; most runs of a side's innings read as a total.
INNINGS_WICKETS = 10
MATCH_WICKETS = 20
TOTAL_MIN, TOTAL_MAX = 20, 999
# Tokens back from bowling figures that their bowler's name may stand ("Jack Rennick took 5-61").
BOWLER_REACH = 8
# Sentences before a first-innings gap that the side's total it follows may stand in.
LEAD_BACK = 1
# Words that start a sentence without naming anyone (a capital that is no name).
_NOT_NAMES = frozenset(
    {"he", "she", "his", "her", "the", "that", "this", "it", "a", "an", "then", "in", "after", "with"}
)
_PRONOUNS = frozenset({"he", "she", "his", "her"})
# Words without one of which a text tells no cricket (a quick first look).
_CRICKET_HINTS = ("wicket", "innings", "figures", "bowled", "all out", "dismissed for", "fours", "sixes")


@functools.cache
def _cricket_tables() -> dict[str, PhraseTable]:
    data: dict[str, Any] = _toml("vocab.toml")["cricket"]
    return {key: PhraseTable.build((p, key) for p in phrases) for key, phrases in data.items()}


def _chas(table: str, words: Sequence[str], start: int, end: int) -> bool:
    t = _cricket_tables()[table]
    return any(t.starting_at(words, k) for k in t.starts_in(words, start, end))


def _bowling(word: str, most: int) -> tuple[int, int] | None:
    """Bowling figures as (wickets, runs): "5-61"; None for a score, a batting total ("120-3") or a range."""
    m = _BOWLING.fullmatch(word)
    if m is None:
        return None
    w, r = int(m.group(1)), int(m.group(2))
    return (w, r) if w <= most and r >= w else None


def _name_before(d: _Report, si: int, k: int, reach: int = BOWLER_REACH) -> str:
    """The nearest capitalised word before token ``k`` of sentence ``si`` within reach that is no sentence
    opener ("Jack Rennick took 5-61": "rennick"); "he" for a pronoun opening the sentence; else ""."""
    toks, text = d.tokens[si], d.view.text
    for j in range(k - 1, max(-1, k - reach - 1), -1):
        w = d.words[si][j]
        if toks[j].fact < 0 and text[toks[j].start].isupper() and w.isalpha():
            if j == 0 and w in _NOT_NAMES:
                return "he" if w in _PRONOUNS else ""
            return w.removesuffix("'s")
        if w in (";", "."):
            break
    return ""


_RELATIVE = frozenset({"who", "which", "whose", "whom"})


def _asides(words: Sequence[str]) -> set[int]:
    """The tokens of the relative clauses a sentence sets off by commas (", who lost the opening Test by 40
    runs,"): what they tell is not the main clause's match."""
    out: set[int] = set()
    k = 1
    while k < len(words):
        if words[k] in _RELATIVE and words[k - 1] == ",":
            end = next((j for j in range(k + 1, len(words)) if words[j] == ","), -1)
            if end < 0:
                break
            out.update(range(k, end))
            k = end
        k += 1
    return out


def _match_figures(d: _Report) -> Iterator[Relation]:
    """A bowler's match figures against his innings figures told in that sentence and the ones before:
    "took 4-52 ... 5-38 in the second innings for match figures of 9-90" (4 + 5, 52 + 38); one innings told
    alone cannot be more than the match ("a career-best 7-48 in the match" after "5-31")."""
    t = _cricket_tables()
    elsewhere = vocab().score_elsewhere
    figures: list[tuple[int, int, str, tuple[int, int]]] = []  # sentence, token, bowler, (wickets, runs)
    for si, toks in enumerate(d.tokens):
        words = d.figure_words(si)
        aside = _asides(words)
        if elsewhere.intersection(w for k, w in enumerate(words) if k not in aside):
            continue  # "took 6-20 last season": another match
        for k, tok in enumerate(toks):
            if "-" not in words[k] or k in aside:
                continue  # bowling figures are read whether or not the fact table holds them
            before = t["match_before"].ending_at(words, k)
            after = t["match_after"].starting_at(words, k + 1)
            whole = _bowling(words[k], MATCH_WICKETS) if before or after else None
            if whole is None:
                fig = _bowling(words[k], INNINGS_WICKETS)
                name = _name_before(d, si, k) if fig else ""
                if fig and name:
                    figures.append((si, k, name, fig))
                continue
            name = _name_before(d, si, before[1] if before else k, k)  # the sentence's bowler
            if name == "he":  # "He added 3-44 ...": the bowler of the figures told last
                name = next((f[2] for f in reversed(figures) if f[2] != "he"), "")
            parts = [f for f in figures if f[2] == name or (f[0] == si and f[2] == "he")]
            if not name or not parts or len(parts) > 2:
                continue  # no bowler, or more innings than a match has: another match's figures too
            shown = " and ".join(d.figure_words(p[0])[p[1]] for p in parts)
            wickets, runs = sum(p[3][0] for p in parts), sum(p[3][1] for p in parts)
            bound = "at-least" if len(parts) == 1 else ""
            roles = tuple(("event", fi) for p in parts if (fi := d.tokens[p[0]][p[1]].fact) >= 0)
            cues = (d.span(si, before[1], k) if before else d.span(si, k + 1, after[1] if after else k + 1),)
            for what, told, counted in (("wickets", whole[0], wickets), ("runs", whole[1], runs)):
                # one relation for each, the told figure under its own role (relations are keyed by roles)
                labels = _claim(
                    told,
                    tok.start,
                    tok.end,
                    f"{told} {what} in the match figures {words[k]}",
                    counted,
                    f"the innings figures {shown}",
                    bound=bound,
                )
                # keyed by the told figure under a role of its own, or by a cue of its own when no fact holds it
                if tok.fact >= 0:
                    yield Relation("scoring", ((what, tok.fact), *roles), cues, "document", labels)
                elif what == "wickets":
                    yield Relation("scoring", roles, cues, "document", labels)
                else:
                    yield Relation("scoring", (), (d.span(si, k, k + 1), *cues), "document", labels)
        figures = [f for f in figures if f[2] != "he"]


def _totals(d: _Report, si: int, words: Sequence[str]) -> list[tuple[int, int, bool]]:
    """A side's innings totals told in a sentence: (token, runs, told as a fall) after a word of a total
    ("bowled out for 243", "made 388")."""
    t = _cricket_tables()
    out = []
    for k, tok in enumerate(d.tokens[si]):
        f = d.facts[tok.fact] if tok.fact >= 0 else None
        if f is None or f.kind not in ("count", "number") or f.value is None:
            continue
        if f.value != f.value.to_integral_value() or not TOTAL_MIN <= f.value <= TOTAL_MAX:
            continue
        hit = t["totals"].ending_at(words, k) or t["totals"].ending_at(words, _own_start(words, k))
        faced = k + 3 < len(words) and words[k + 1] in ("from", "off") and t["balls"].starting_at(words, k + 3)
        if hit is not None and not faced:
            # "made 134 from 201 balls" is a batter's innings, not the side's total
            out.append((k, int(f.value), t["collapse"].ending_at(words, k) is not None))
    return out


def _leads(d: _Report) -> Iterator[Relation]:
    """A first-innings lead or deficit against the two sides' totals told before it: "Kent were bowled out
    for 243 ... Surrey made 388 in reply, a first-innings lead of 145". The gap is the side's that made the
    later total unless a word hands it to the other ("conceding a lead of"); a gap told of a named side,
    or of "the hosts" after a total told as a fall, is not read."""
    t = _cricket_tables()
    holders = {("them",), ("the", "hosts"), ("the", "visitors"), ("the", "home", "side"), ("the", "tourists")}
    firsts: list[tuple[int, int, int, bool]] = []  # sentence, token, runs, fall: each sentence's first total
    for si, toks in enumerate(d.tokens):
        words = d.figure_words(si)
        found = _totals(d, si, words)
        gaps = [
            (k, hit)
            for k in t["lead"].starts_in(words) + t["deficit"].starts_in(words)
            if (hit := (t["lead"].starting_at(words, k) or t["deficit"].starting_at(words, k)))
        ]
        for k, (kind, end) in sorted(gaps):
            if end >= len(words) or toks[end].fact < 0 or _chas("not_done", words, 0, len(words)):
                continue
            gap = d.facts[toks[end].fact]
            if gap.kind not in ("count", "number") or gap.value is None or gap.value != gap.value.to_integral_value():
                continue
            here = [x for x in found if x[0] < k]
            if len(here) >= 2 and _chas("first_innings", words, here[0][0], here[1][0] + 1):
                # "Sussex were all out for 301, and Essex replied with 276": both in the gap's sentence
                b = (si, here[1][0], here[1][1], here[1][2])
                start = here[1][0] + 1
                earlier = [*firsts, (si, here[0][0], here[0][1], here[0][2])]
            elif here:
                b = (si, here[0][0], here[0][1], here[0][2])
                start = here[0][0] + 1
                earlier = firsts
            elif firsts and firsts[-1][0] >= si - LEAD_BACK:
                b, start, earlier = firsts[-1], 0, firsts[:-1]
            else:
                continue
            if not earlier or (earlier[-1][0], earlier[-1][1]) >= (b[0], b[1]):
                continue
            a = earlier[-1]
            b_words = d.figure_words(b[0])
            if not (_chas("first_innings", words, 0, len(words)) or _chas("first_innings", b_words, 0, len(b_words))):
                continue
            if b[0] != si and _chas("not_done", b_words, 0, len(b_words)):
                continue
            between = range(start, k)
            conceded = _chas("concede", words, start, k)
            named = any(
                d.view.text[toks[j].start].isupper() and toks[j].fact < 0 and not (j == 0 and words[j] in _NOT_NAMES)
                for j in between
            )
            described = any(tuple(words[j : j + n]) in holders for j in between for n in (1, 2, 3))
            if named or (described and b[3] and not conceded):
                continue  # "giving Kent a lead", "bowled out for 243, giving the hosts a lead": whose?
            held = (b[2] - a[2]) * (-1 if conceded else 1)  # the holder's runs over the other side's
            diff = held if kind == "lead" else -held
            told = int(gap.value)
            if diff == told:
                continue
            phrase = d.view.text[toks[k].start : gap.span.end]
            labels = _claim(
                told,
                gap.span.start,
                gap.span.end,
                f"'{phrase}'",
                diff,
                f"{b[2]} made against {a[2]}: {'a lead' if held > 0 else 'a deficit'} of {abs(held)}",
            )
            roles = (
                ("score", toks[end].fact),
                ("event", d.tokens[a[0]][a[1]].fact),
                ("event", d.tokens[b[0]][b[1]].fact),
            )
            yield Relation("scoring", roles, (d.span(si, k, end),), "document", labels)
        if found:
            firsts.append((si, found[0][0], found[0][1], found[0][2]))


@functools.cache
def _goal_tables() -> dict[str, PhraseTable]:
    g = _data()["goals"]
    out = {key: PhraseTable.build((p, key) for p in g[key]) for key in ("narrated", "tally_after", "own_goal")}
    out["owned"] = PhraseTable.build((p, p) for p in g["owned_claims"])
    return out


# Most words before a line-up's colon ("Harbridge Town:"); fewest players a line-up names.
LINEUP_LABEL = 3
LINEUP_PLAYERS = 7
# Words before "post" that make it where a goal went in, not a miss: "turned it in at the near post".
_PLACES = frozenset({"near", "far", "back"})
# Tokens back from a goal's verb that its scorer's name may stand ("Joe Brandt levelled").
SCORER_REACH = 3


def _lineups(d: _Report, sides: Mapping[str, _Side]) -> dict[str, tuple[str, int]]:
    """Each player's name word (lower case) → (the side's label, its score), from the line-ups that close
    a report ("Town: Strand, Pike, ..."); a word in both line-ups is left out."""
    out: dict[str, tuple[str, int]] = {}
    both: set[str] = set()
    for words in d.words:
        colon = next((k for k in range(min(len(words), LINEUP_LABEL + 1)) if words[k] == ":"), -1)
        label = [w for w in words[:colon] if w in sides] if colon > 0 else []
        if not label or len({sides[w].score for w in label}) != 1:
            continue
        names = [w for w in words[colon + 1 :] if w.isalpha()]
        if words[colon + 1 :].count(",") + 1 < LINEUP_PLAYERS:
            continue
        for w in names:
            if w in out and out[w][0] != label[0]:
                both.add(w)
            out[w] = (label[0], sides[label[0]].score)
    return {w: v for w, v in out.items() if w not in both}


def _credited_goals(d: _Report) -> Iterator[Relation]:
    """A side's goals told in the report's prose against its score in the headline ("Harford 3-2
    Castleton"): a scorer's goals told by a word of many ("Doyle's double", "a hat-trick from Doyle", "scored
    twice") and one goal a sentence for each scorer its verb names ("Keane levelled"), the scorers' sides
    read from the line-ups; more than the side's score is an error. A sentence of a chance, another match or
    an own goal is not read."""
    sides = _sides(d)
    if len(sides) < 2:
        return
    players = _lineups(d, sides)
    if not players:
        return
    g, t = _goal_tables(), _tables()
    owned = _data()["goals"]["owned_claims"]
    owners = frozenset(_data()["goals"]["owners"])
    claims_data = _data()["claims"]
    elsewhere = vocab().score_elsewhere
    text = d.view.text
    claimed: dict[str, tuple[int, Span]] = {}
    narrated: dict[str, int] = {}
    spans: list[Span] = []

    def scorer(si: int, k: int, reach: int) -> str:
        toks, words = d.tokens[si], d.words[si]
        for j in range(k - 1, max(-1, k - reach - 1), -1):
            w = words[j].removesuffix("'s")
            if w in players and text[toks[j].start].isupper():
                return w
            if words[j] in CLAUSE_END and words[j] != ",":
                return ""
        return ""

    def other(words: Sequence[str], start: int, end: int) -> bool:
        """A word of another match in the stretch, also inside a figure's words ("last month")."""
        return any(w in elsewhere for x in words[start:end] for w in x.split())

    def missed(words: Sequence[str], start: int, end: int) -> bool:
        """A word of a chance in the stretch, a post that is a place ("at the near post") aside."""
        near = t["near_miss"]
        for k in near.starts_in(words, start, end):
            if near.starting_at(words, k) and not (words[k] == "post" and k and words[k - 1] in _PLACES):
                return True
        return False

    for si in range(1, len(d.words)):
        words = d.figure_words(si)
        if _has_g(g["own_goal"], words):
            continue  # an own goal counts for the other side
        told_here: set[str] = set()
        for k in g["narrated"].starts_in(words):
            hit = g["narrated"].starting_at(words, k)
            who = scorer(si, k, SCORER_REACH) if hit else ""
            if not hit or not who or who in told_here:
                continue
            opens = max((j + 1 for j in range(k) if words[j] in CLAUSE_END or words[j] == "and"), default=0)
            # another match's words in the goal's own clause, from its opening to the next comma or "and"
            # ("Reese levelled after the break with a header, and Ince ... when Norham switched off" is this
            # match's; "Keane, who levelled last week" is not)
            upto = next(
                (j for j in range(hit[1], len(words)) if words[j] in CLAUSE_END or words[j] in (",", "and")),
                len(words),
            )
            if other(words, 0, upto):
                continue
            if not missed(words, opens, d.clause_end(si, hit[1])):
                told_here.add(who)
                narrated[who] = narrated.get(who, 0) + 1
                spans.append(d.span(si, k, hit[1]))
        for k in range(len(words)):
            n, end = 0, k
            own = g["owned"].starting_at(words, k)
            if own is not None and k > 0 and (words[k - 1] in owners or words[k - 1].endswith("'s")):
                n, end = int(owned[own[0]]), own[1]  # "whose double", "Lowe's hat-trick"
            else:
                hit = t["claims"].starting_at(words, k)
                if hit is not None and not hit[0].startswith("his ") and hit[0] != "once":
                    n, end = int(claims_data[hit[0]]), hit[1]
            if not n or missed(words, 0, len(words)):
                continue  # "twice shot straight at the keeper", "came close to a second"
            who = scorer(si, end, CLAIM_REACH)
            if not who:
                continue
            clause = d.clause_end(si, end)
            tally = g["tally_after"].starting_at(words, end) is not None
            if other(words, 0, k) or (not tally and other(words, end, clause)):
                continue  # "scored twice last week": another match's goals
            span = d.span(si, k, end)
            if n > claimed.get(who, (0, span))[0]:
                claimed[who] = (n, span)
    by_side: dict[str, list[tuple[str, int]]] = {}
    for who in set(claimed) | set(narrated):
        goals = max(claimed.get(who, (0,))[0], narrated.get(who, 0))
        by_side.setdefault(players[who][0], []).append((who, goals))
    for side, scorers in sorted(by_side.items()):
        score = sides[side].score
        credited = sum(n for _, n in scorers)
        if credited <= score:
            continue
        where = sides[side].span
        at = next((claimed[w][1] for w, _ in scorers if w in claimed), None)
        shown = ", ".join(f"{w.title()} {n}" for w, n in sorted(scorers))
        labels = _claim(
            score,
            where.start,
            where.end,
            f"{score} goals for {side.title()} in {text[where.start : where.end]}",
            credited,
            f"goals told for its scorers: {shown}",
            bound="at-least",
            at=at,
        )
        cues = tuple(c for _, c in sorted((v for v in claimed.values()), key=lambda x: x[1].start)) + tuple(spans)
        yield Relation("scoring", (), (where, *cues), "document", labels)


def _has_g(table: PhraseTable, words: Sequence[str]) -> bool:
    return any(table.starting_at(words, k) for k in table.starts_in(words))


def _target(d: _Report) -> Iterator[Relation]:
    """The runs a side was set in the fourth innings against the three innings told: "Kent were bowled out
    for 243 ... Surrey made 388 ... Kent were dismissed for 301 ... set 157 to win" (243 + 301 - 388 + 1).
    Read only when the report tells exactly three totals and no follow-on."""
    t = _cricket_tables()
    totals: list[tuple[int, int, int]] = []  # sentence, token, runs
    targets: list[tuple[int, int, int, bool]] = []  # sentence, token, runs, "to win" after "set N"
    for si, toks in enumerate(d.tokens):
        words = d.figure_words(si)
        if _chas("target_not", words, 0, len(words)):
            return
        totals += [(si, k, runs) for k, runs, _ in _totals(d, si, words)]
        for k in t["target"].starts_in(words):
            hit = t["target"].starting_at(words, k)
            if hit is None or hit[1] >= len(words) or toks[hit[1]].fact < 0:
                continue
            f = d.facts[toks[hit[1]].fact]
            if f.kind not in ("count", "number") or f.value is None or f.value != f.value.to_integral_value():
                continue
            named = t["target_after"].starting_at(words, hit[1] + 1) is not None
            if words[k] == "a" or named:
                targets.append((si, hit[1], int(f.value), named))
    if len(targets) != 1:
        return
    si, k, told, _ = targets[0]
    # "Set 269 to win, they were bowled out for 171": a total after the target in its own sentence is the
    # chase itself, the fourth innings, not one of the three that set it ("dismissed for 340, leaving
    # them a target of 258" tells the third before it).
    totals = [x for x in totals if x[0] != si or x[1] < k]
    if len(totals) != 3:
        return
    (s1, k1, a1), (s2, k2, b1), (s3, k3, a2) = totals
    need = a1 + a2 - b1 + 1
    if need <= 0 or need == told:
        return
    fi = d.tokens[si][k].fact
    labels = _claim(
        told,
        d.facts[fi].span.start,
        d.facts[fi].span.end,
        f"a target of {told}",
        need,
        f"{a1} and {a2} against {b1}, plus one",
    )
    roles = (("target", fi), *(("event", d.tokens[x][y].fact) for x, y, _ in ((s1, k1, 0), (s2, k2, 0), (s3, k3, 0))))
    yield Relation("scoring", roles, (), "document", labels)


# Most boundaries of one kind and most runs of one innings read as such: larger numbers are other things.
BOUNDARIES_MAX = 60
RUNS_MAX = 500
_SINGULAR_COUNTS = frozenset({"a", "one"})
_OWN = frozenset({"his", "her"})


def _boundary_count(d: _Report, si: int, k: int) -> int:
    """How many boundaries the word at ``k`` counts ("14 fours", "a six"), or -1."""
    words, toks = d.figure_words(si), d.tokens[si]
    if k == 0:
        return -1
    if words[k] in ("four", "six"):
        return 1 if words[k - 1] in _SINGULAR_COUNTS else -1
    fi = toks[k - 1].fact
    if fi < 0:
        return -1
    f = d.facts[fi]
    v = f.value
    if f.kind not in ("count", "number") or v is None or v != v.to_integral_value() or not 0 <= v <= BOUNDARIES_MAX:
        return -1
    return int(v)


def _innings_runs(d: _Report, si: int, k: int, taken: set[int]) -> bool:
    """The figure at token ``k`` is a batter's runs: a word of an innings right before or after it ("made
    112", "his 95", "96 from 140 balls"), not the balls faced ("from 140 balls") nor a boundary count."""
    t = _cricket_tables()
    words, toks = d.words[si], d.tokens[si]
    fi = toks[k].fact
    if fi < 0 or fi in taken:
        return False
    f = d.facts[fi]
    v = f.value
    if f.kind not in ("count", "number") or v is None or v != v.to_integral_value() or not 1 <= v <= RUNS_MAX:
        return False
    if f.hedge != "exact" or (k + 1 < len(words) and t["balls"].starting_at(words, k + 1)):
        return False
    unbeaten = tuple(words[k + 1 : k + 3]) == ("not", "out") or words[k + 1 : k + 2] == ("*",)
    if t["milestone"].ending_at(words, k) and not unbeaten:
        return False  # "reached 50 in 40 balls and went on to make 112"; "reached 104 not out" is the innings
    own = k > 0 and words[k - 1].endswith("'s")  # "Nair's 122"
    if words[k + 1 : k + 2] == ("and",) and k + 2 < len(toks) and toks[k + 2].fact >= 0:
        return False  # "having made 38 and 12 in the first Test": two innings of another match
    if k > 1 and words[k - 1] == "and" and toks[k - 2].fact >= 0:
        return False
    before = t["runs_before"].ending_at(words, k) or t["runs_before"].ending_at(words, _own_start(words, k))
    return bool(own or before or t["runs_after"].starting_at(words, k + 1))


def _without_own(words: Sequence[str], toks: Sequence[Token]) -> tuple[str, ...]:
    """The words with each figure's own words before it (``_own_start``) left blank."""
    out = list(words)
    for k, tok in enumerate(toks):
        if tok.fact >= 0:
            for j in range(_own_start(words, k), k):
                out[j] = ""
    return tuple(out)


def _own_start(words: Sequence[str], k: int) -> int:
    """Where the figure at token ``k`` starts with its own words ("made a total of 388": "a total of"; the
    vocabulary's hedge table, ``level_phrases`` with it), else ``k``."""
    hit = vocab().hedges.ending_at(words, k)
    return hit[1] if hit is not None else k


def _boundaries(d: _Report) -> Iterator[Relation]:
    """A batter's runs against the fours and sixes told with them in one sentence: "made 96 from 140 balls,
    hitting 11 fours and two sixes" (11 x 4 + 2 x 6 = 56 runs in boundaries, at most the 96)."""
    worth = _toml("vocab.toml")["cricket"]["boundaries"]
    for si in range(len(d.words)):
        words = d.figure_words(si)
        if not any(w in worth for w in words):
            continue
        said = _without_own(words, d.tokens[si])  # "made a total of 150": no total of innings
        if _chas("boundaries_not", said, 0, len(said)):
            continue
        found: dict[str, tuple[int, int]] = {}  # kind → (token, count)
        twice = False
        for k, w in enumerate(words):
            if w not in worth:
                continue
            n = _boundary_count(d, si, k)
            if n < 0:
                continue
            kind = "fours" if worth[w] == 4 else "sixes"
            twice |= kind in found
            found.setdefault(kind, (k, n))
        if not found or twice:
            continue  # none, or two batters' boundaries in one sentence
        first = min(k for k, _ in found.values())
        toks = d.tokens[si]
        taken = {toks[j].fact for k, _ in found.values() for j in (k - 1, k) if toks[j].fact >= 0}
        before = [k for k in range(first) if _innings_runs(d, si, k, taken)]
        if len(before) > 1 and "," not in words[before[-2] : first] and ";" not in words[before[-2] : first]:
            continue  # "made 40 of the 112 ...": whose runs is not plain
        # runs told after the boundaries only as the batter's own: "hit 12 fours ... in his 80"
        after = [k for k in range(first + 1, len(words)) if words[k - 1] in _OWN and _innings_runs(d, si, k, taken)]
        at = before[-1] if before else (after[0] if after else -1)
        if at < 0:
            continue
        fi = d.tokens[si][at].fact
        runs = d.facts[fi]
        plus = sum(n * (4 if kind == "fours" else 6) for kind, (_, n) in found.items())
        why = " and ".join(
            f"{n} × {'four' if kind == 'fours' else 'six'} ({4 if kind == 'fours' else 6})"
            for kind, (_, n) in sorted(found.items())
        )
        labels = _claim(
            int(runs.value or 0),
            runs.span.start,
            runs.span.end,
            f"{runs.text} runs in the innings",
            plus,
            why,
            bound="at-least",
        )
        cues = tuple(d.span(si, k - (words[k] in ("four", "six")), k + 1) for k, _ in sorted(found.values()))
        roles = (("runs", fi), *(("event", f) for f in sorted(taken)))
        yield Relation("scoring", roles, cues, "sentence", labels)


# Sentences before an all-out total that its batters' runs may be told in, and sentences after it that the
# rest of its batters ("the other seven batters managed 87 between them") may be told in.
INNINGS_BACK, INNINGS_AHEAD = 3, 3
# Tokens back from a figure, within its clause, that the words telling it as the innings' rest or its
# extras may stand ("the other seven batters managed 87", "extras contributed 27").
REST_REACH = 8
# Words between a verb of making runs and the runs ("added a brisk 48").
RUNS_FILLERS = 2
# How near the parts' sum must come to the total for the run of them to be read as its batters'.
INNINGS_FIT = Decimal("0.12")


def _part_runs(d: _Report, si: int, k: int, follow: bool = True) -> str:
    """What the figure at token ``k`` is of an innings told as its batters' runs: "batter" (a verb of making
    runs right before it, "made 142", "added a brisk 48"), "extras" ("extras contributed 27", "27 extras"),
    "rest" ("the other seven batters managed 87 between them", ``[cricket] innings_rest``), else ""."""
    words, toks = d.words[si], d.tokens[si]
    fi = toks[k].fact
    f = d.facts[fi]
    v = f.value
    if f.kind not in ("count", "number") or v is None or v != v.to_integral_value() or not 0 <= v <= RUNS_MAX:
        return ""
    t = _cricket_tables()
    if k + 1 < len(words) and (t["balls"].starting_at(words, k + 1) or words[k + 1] in ("for", "-")):
        return ""  # "from 53 balls", "five for 88": no runs of the innings
    lo = k
    while lo > 0 and k - lo < REST_REACH and words[lo - 1] not in CLAUSE_END:
        lo -= 1
    if _chas("extras", words, max(lo, k - 3), k) or (k + 1 < len(words) and _chas("extras", words, k + 1, k + 2)):
        return "extras"
    if _chas("innings_rest", words, lo, k) and _chas("batters", words, lo, k):
        return "rest"
    j = k
    while j > 0 and k - j < RUNS_FILLERS and t["runs_fillers"].ending_at(words, j) is not None:
        j = t["runs_fillers"].ending_at(words, j)[1]  # type: ignore[index]
    if j > 0 and t["runs_verbs"].ending_at(words, j) is not None:
        return "batter"
    # "Patel made 142 and Hughes 64": a name joined to a batter's runs told before it in the sentence
    # (one step back only: the earlier part must be told by its verb, so the look stays linear)
    named = follow and k > 1 and words[k - 2] in ("and", ",") and d.view.text[toks[k - 1].start].isupper()
    return (
        "batter"
        if named and any(toks[j].fact >= 0 and _part_runs(d, si, j, follow=False) == "batter" for j in range(k - 2))
        else ""
    )


def _innings_sums(d: _Report) -> Iterator[Relation]:
    """A side's all-out total against its batters' runs, its extras and the rest of its batters told as
    one figure: "Westmoor were all out for 358. ... Hughes made 64 ... Ellis added a brisk 48, and extras
    contributed 27. The other seven batters managed 77 between them." Read only where a rest is told, so
    the parts close the total exactly. The batters' runs are those told in the ``INNINGS_BACK`` sentences
    before the total up to the rest, after any other total; of the runs ending at the rest, the one whose
    sum the total fits (exactly, else nearest within ``INNINGS_FIT``) is read."""
    totals: list[tuple[int, int]] = []  # (sentence, token) of each side's total, told as a fall
    parts: list[tuple[int, int, str]] = []  # (sentence, token, what) of each part
    for si in range(len(d.words)):
        words = d.figure_words(si)
        told = _totals(d, si, words)
        told_at = {k for k, _, fall in told if fall}  # ("Hughes, who made 64": a total's word, a batter's runs)
        totals.extend((si, k) for k, _, fall in told if fall)
        for k, tok in enumerate(d.tokens[si]):
            if tok.fact >= 0 and k not in told_at and (what := _part_runs(d, si, k)):
                parts.append((si, k, what))
    for n, (si, k, what) in enumerate(parts):
        if what != "rest":
            continue
        total = next(((ts, tk) for ts, tk in reversed(totals) if (ts, tk) < (si, k) and ts >= si - INNINGS_AHEAD), None)
        if total is None:
            continue
        ts = total[0]
        before = [p for p in parts[:n] if p[0] >= ts - INNINGS_BACK and p[2] != "rest"]
        before = [p for p in before if not any(p[:2] < o < total for o in totals)]  # after another side's total
        whole = d.facts[d.tokens[ts][total[1]].fact]
        w = whole.value or Decimal(0)
        rest = d.tokens[si][k].fact
        best: tuple[int, Decimal, int] | None = None  # (not exact, gap, -length)
        for j in range(len(before) - 1, -1, -1):
            run = [d.tokens[p[0]][p[1]].fact for p in before[j:]] + [rest]
            shown = sum((d.facts[fi].value or Decimal(0) for fi in run), Decimal(0))
            gap = abs(shown - w) / w if w else Decimal(1)
            if gap <= INNINGS_FIT:
                key = (0 if shown == w else 1, gap, -len(run))
                if best is None or key < best:
                    best = (key[0], gap, j)
        if best is None or len(before) - best[2] < 2:
            continue
        run = [d.tokens[p[0]][p[1]].fact for p in before[best[2] :]] + [rest]
        roles = (("total", d.tokens[ts][total[1]].fact),) + tuple(("item", fi) for fi in run)
        # extras told without a figure ("with extras making up the rest"): the parts are then within the total
        bare_extras = not any(p[2] == "extras" for p in before[best[2] :]) and any(
            _chas("extras", d.words[s2], 0, len(d.words[s2])) for s2 in range(ts - INNINGS_BACK, si + 1) if s2 >= 0
        )
        labels = (("inclusive", "yes" if bare_extras else ""),)
        yield Relation("breakdown", roles, (d.span(si, k, k + 1),), "document", labels)


def _cricket(doc: _Doc, report: _Report | None) -> Iterator[Relation]:
    text = doc.view.text
    if not any(w in text for w in _CRICKET_HINTS):
        return
    d = report or _Report(doc)
    yield from _match_figures(d)
    yield from _leads(d)
    yield from _target(d)
    yield from _boundaries(d)
    yield from _innings_sums(d)


def _scoring(doc: _Doc) -> Iterator[Relation]:
    report: _Report | None = None
    if doc.view.by_kind.get("score") and any(w in doc.view.text for w in _GOAL_HINTS):
        report = _Report(doc)
        yield from _prose_goals(report)
    yield from _cricket(doc, report)
    if "points" not in doc.view.text and not SCORE.search(doc.view.text[:HEADLINE_CHARS]):
        return  # most texts tell no match
    d = report or _Report(doc)
    yield from _kicks(d)
    yield from _side_scores(d)
    yield from _scorer_lines(d)
    yield from _side_totals(d)
    yield from _goal_counts(d)
    yield from _scorer_claims(d)
    yield from _credited_goals(d)
