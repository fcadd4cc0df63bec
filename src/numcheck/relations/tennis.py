"""Tennis: counts told in a match report against the set scores printed for the match.

A match score is a run of set scores ("6-4 3-6 7-6 (9-7)"), each one a set tennis allows (the
winner on six or more games, two clear or 7-6 after a tie-break). What the report counts of that match
is read against it, the way a sub-editor checks it (the words are data: vocab.toml [tennis]):

- tie-breaks: "the final went to two tie-breaks" cannot be more than the 7-6 sets (a player's
  own tie-breaks may be fewer, so only more is a relation);
- sets: "won in four sets", "a four-set win" is the number of sets printed (the score may follow in the
  next sentences when none came before: a report's lead tells the win, the next sentence the sets);
- a closing run of games: "it was level at 2-2 in the first set", then "Varga ran off eight straight
  games to close out a 6-2 6-0 win": from 2-2 the winner took the first set's last four games and the
  whole second set, so the run is 4 + 6 = 10, not eight. Read only when every game after the told score went to the
  winner (the loser's final count in that set is the one told, and every later set is won to love).

Each count is a ``tally`` relation (judge ``tally``, NC218): role ``total`` the count told, label
``plus`` what the score gives, ``why`` how. A count is read against the nearest match score before
it in its sentence or the ``AHEAD`` sentences before; a sentence with another match score starts
another match.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from numcheck import startcache
from numcheck.mentions import CLAUSE_END
from numcheck.model import Span
from numcheck.relations.base import NOT_NAMES, Relation, _Doc, _plain_tokens
from numcheck.vocab import PhraseTable, _toml

# Sentences after a match score that may still count what happened in that match.
AHEAD = 4
# Sentences before a count that the score of a match its sentence names a player of may stand: a report
# gives the score at the top and tells how the match went to its end.
NAMED_BACK = 25
# Characters from a set count to a score printed right after it ("in four sets, 6-3 6-4 7-5").
SCORE_AFTER = 12
# Characters from a set count to a score later in its clause with only a verb and a name between
# ("needed five sets to see off Brandt 6-4 3-6 6-3 6-2").
SCORE_REACH = 60
# Sentences after a set count with no score before it that its match's score may come in: a report's lead
# tells "a four-set win", the next sentence prints the sets.
FORWARD = 2
# Sentences before a closing run that the score it starts from ("at 2-2 in the first set") may stand.
STATE_BACK = 3
# A set score as printed, with its tie-break in brackets: "7-6 (7-5)", "7-6 (7/5)", "6–4".
_SET = r"(\d{1,2}) ?[-–] ?(\d{1,2})(?: ?\((\d{1,2}) ?[-–/] ?(\d{1,2})\))?"
_MATCH = startcache.compile(rf"(?<![\d£$€-])(?<!\d[.,:/]){_SET}(?:[ ,]+{_SET})+(?![\d%–-]|[.,:/]\d| ?[-–]\d| ?\(\d)")
_ONE_SET = startcache.compile(_SET)
_OTHER_TIMES = frozenset({"relative", "year", "date", "decade"})
_NOT_PLAYERS = frozenset("he she they his her we i this that there when after before with for".split())
_NAME = startcache.compile(r"\b[A-Z][a-z]+(?:'s)?\b")
_WORDS = startcache.compile(r"[a-z0-9']+(?:-[a-z0-9']+)*")


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = _toml("vocab.toml")["tennis"]
    return data


@functools.cache
def _tables() -> dict[str, PhraseTable]:
    data = _data()
    out = {key: PhraseTable.build((p, key) for p in data[key]) for key in ("tiebreaks", "games")}
    out["elsewhere"] = PhraseTable.build((p, "elsewhere") for p in data["elsewhere"])
    out["length"] = PhraseTable.build((p, "length") for p in data["length"])
    out["won"] = PhraseTable.build((p, "won") for p in data["won"])
    out["not_won"] = PhraseTable.build((p, "not_won") for p in data["not_won"])
    return out


@dataclass(frozen=True, slots=True)
class _Match:
    """A tennis match score as printed: set by set, in the sentence that gives it."""

    sentence: int
    span: Span
    sets: tuple[tuple[int, int], ...]  # games of the side named first, then of the other, set by set

    @property
    def text(self) -> str:
        return " ".join(f"{a}-{b}" for a, b in self.sets)


def _valid(a: int, b: int) -> bool:
    """A set tennis allows: six or more games for the winner, two clear, or 7-6 after a tie-break."""
    hi, lo = max(a, b), min(a, b)
    return hi >= 6 and (hi - lo >= 2 or (hi, lo) == (7, 6)) and (hi <= 7 or hi - lo == 2)


def _matches(d: _Doc) -> list[_Match]:
    """The match scores of the text, in order: runs of at least two valid set scores (read once per
    document: the count readers and the won-match reader both ask)."""
    return d.once("tennis_matches", lambda: _scan_matches(d))


def _scan_matches(d: _Doc) -> list[_Match]:
    text = d.view.text
    out: list[_Match] = []
    for si, s in enumerate(d.view.doc.sentences):
        chunk = text[s.span.start : s.span.end]
        if "-" not in chunk and "–" not in chunk:
            continue
        for m in _MATCH.finditer(chunk):
            sets = tuple((int(x.group(1)), int(x.group(2))) for x in _ONE_SET.finditer(m.group()))
            if len(sets) >= 2 and all(_valid(a, b) for a, b in sets):
                out.append(_Match(si, Span(s.span.start + m.start(), s.span.start + m.end()), sets))
    return out


def _by_sentence(d: _Doc) -> dict[int, list[_Match]]:
    """The text's match scores by the sentence that prints them."""
    by_sentence: dict[int, list[_Match]] = {}
    for m in _matches(d):
        by_sentence.setdefault(m.sentence, []).append(m)
    return by_sentence


def _tennis(d: _Doc) -> Iterator[Relation]:
    """Counts of tie-breaks, sets and closing runs of games against the match score they are told of."""
    by_sentence = _by_sentence(d)
    if not by_sentence:
        return
    for si, pos, fi, f in d.figures(frozenset({"count", "number"})):
        v = f.value
        if v is None or f.hedge != "exact" or v != v.to_integral_value() or not (1 <= v <= 40):
            continue
        match = _match_for(d, si, pos, by_sentence)
        if match is None:
            continue
        words = d.m.words[si]
        told = _told(words, pos)
        labels: tuple[tuple[str, str], ...]
        if told == "tiebreaks":
            n = sum(1 for a, b in match.sets if {a, b} == {6, 7})
            why = f"the score {match.text} has {n} tie-break{'s' if n != 1 else ''}"
            labels = (("plus", str(n)), ("why", why), ("bound", "at-most"))
        elif told == "sets":
            n = len(match.sets)
            labels = (("plus", str(n)), ("why", f"the score {match.text} has {n} sets"))
        elif told == "games":
            run = _closing_run(d, si, match)
            if run is None:
                continue
            n, why = run
            labels = (("plus", str(n)), ("why", why))
        else:
            continue
        yield Relation("tally", (("total", fi),), (match.span,), "document", labels)


def _told(words: Sequence[str], pos: int) -> str:
    """What a count at ``pos`` counts of a match: "tiebreaks", "sets", "games" (a run), else ""."""
    nxt = pos + 1
    if nxt < len(words) and words[nxt] == "-":
        nxt += 1  # "a four-set win"
    for key in ("tiebreaks", "games"):
        if _tables()[key].starting_at(words, nxt):
            return key
    if nxt < len(words) and words[nxt] in _data()["sets"]:
        k = pos - 1 if pos and words[pos - 1] == "all" else pos  # "took all five sets"
        if _tables()["length"].ending_at(words, k) or words[nxt - 1] == "-":
            return "sets"  # "won in four sets", "needed four sets", "a four-set match"; not "won two sets"
    return ""


def _match_for(d: _Doc, si: int, pos: int, by_sentence: dict[int, list[_Match]]) -> _Match | None:
    """The match a count in sentence ``si`` is told of: the latest score before it whose sentence names a
    player the count's sentence names (up to ``NAMED_BACK`` sentences back), else the nearest score before
    it in its sentence or the ``AHEAD`` sentences before; a closing run in the sentence of its score reads
    that score. A count told of another time ("a three-set battle last week") is of no match here."""
    words = d.m.words[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    if any(_tables()["elsewhere"].starting_at(words, k) for k in range(lo, hi)):
        return None
    toks = d.m.tokens[si]
    if any(toks[k].fact >= 0 and d.facts[toks[k].fact].kind in _OTHER_TIMES for k in range(lo, hi)):
        return None  # "a three-set battle last week", "his four-set win in 2003"
    here = d.m.tokens[si][pos].start
    own = [m for m in by_sentence.get(si, ()) if m.span.start < here]
    if own:
        if _another_player_between(d, si, own[-1].span.end, here):
            return None  # "beat Brenna 6-4, 7-5, 6-3 and Cárdenas came through a five-set match": another match
        return own[-1]
    if by_sentence.get(si):
        later = by_sentence[si][0]
        told = _told(words, pos)
        if told == "games":
            return later
        # "won in four sets, 6-3 6-4 7-5": the score right after the count's phrase is its match; so is
        # one a few words on, when nothing between tells of another ("needed four sets to beat Li 7-5 ...").
        if told == "sets" and later.span.start - d.m.tokens[si][pos].end <= SCORE_AFTER:
            return later
        if told == "sets" and later.span.start - d.m.tokens[si][pos].end <= SCORE_REACH:
            between = [t for t in d.m.tokens[si][pos + 1 :] if t.start < later.span.start]
            if not any(t.fact >= 0 or t.text in CLAUSE_END or t.text in _data()["apart"] for t in between):
                return later
        return None
    named = _names(d, si)
    if named:
        for s2 in range(si - 1, max(-1, si - NAMED_BACK - 1), -1):
            if by_sentence.get(s2) and named & _names(d, s2):
                return by_sentence[s2][-1]
    for s2 in range(si - 1, max(-1, si - AHEAD - 1), -1):
        if by_sentence.get(s2):
            return by_sentence[s2][-1]
    if _told(words, pos) == "sets":
        return _score_ahead(d, si, by_sentence)
    return None


def _another_player_between(d: _Doc, si: int, start: int, end: int) -> bool:
    """Between ``start`` and ``end`` a clause opens on another name: "and Cárdenas came through"."""
    toks = d.m.tokens[si]
    text = d.view.text
    for k in range(1, len(toks)):
        if start <= toks[k - 1].start and toks[k].end <= end and toks[k - 1].text in ("and", "while", "but"):
            if text[toks[k].start : toks[k].start + 1].isupper():
                return True
    return False


def _score_ahead(d: _Doc, si: int, by_sentence: dict[int, list[_Match]]) -> _Match | None:
    """The score a set count with none before it is told of: the first in the ``FORWARD`` sentences after
    ("... a five-set win over Li. The Swede came through 6-3 3-6 ..."), when the sentences up to it tell of
    no other match ("In the other semi-final, ...", "Earlier, ...")."""
    apart = set(_data()["apart"]) | set(_data()["other_match"])
    for s2 in range(si + 1, min(len(d.view.doc.sentences), si + FORWARD + 1)):
        toks = d.m.tokens[s2] or _plain_tokens(d, s2)
        if apart.intersection(t.text for t in toks):
            return None
        if any(t.fact >= 0 and d.facts[t.fact].kind in _OTHER_TIMES for t in toks):
            return None  # "when they met in 2003, Li won 6-4 6-4 6-3": another match
        if by_sentence.get(s2):
            return by_sentence[s2][0]
    return None


def _names(d: _Doc, si: int) -> set[str]:
    """The capitalised words of a sentence that may name a player ("Moya", not "The" or "He")."""
    text = d.view.text
    span = d.view.doc.sentences[si].span
    return {w.lower().removesuffix("'s") for w in _NAME.findall(text, span.start, span.end)} - NOT_NAMES - _NOT_PLAYERS


_STATE = startcache.compile(r"(\d{1,2}) ?[-–] ?(\d{1,2}) in the ([a-z]+) set")


def _closing_run(d: _Doc, si: int, match: _Match) -> tuple[int, str] | None:
    """The games a match's winner took in a row to finish it, from a score told in a set before ("level
    at 2-2 in the first set"); None unless the printed sets leave no game to the loser after that score."""
    if match.sentence != si:
        return None
    text = d.view.text
    ordinals: dict[str, int] = _data()["ordinals"]
    for s2 in range(si, max(-1, si - STATE_BACK - 1), -1):
        span = d.view.doc.sentences[s2].span
        top = match.span.start if s2 == si else span.end
        found = [m for m in _STATE.finditer(text, span.start, top) if m.group(3) in ordinals]
        if not found:
            continue
        state = found[-1]
        k = ordinals[state.group(3)] - 1
        if k >= len(match.sets):
            return None
        a, b = int(state.group(1)), int(state.group(2))
        runs = {r for x, y in ((a, b), (b, a)) if (r := _run_from(match.sets, k, x, y)) is not None}
        if len(runs) != 1:
            return None
        (n,) = runs
        return n, f"from {a}-{b} in set {k + 1}, {match.text} leaves {n} games in a row to the winner"
    return None


def _run_from(sets: Sequence[tuple[int, int]], k: int, won: int, lost: int) -> int | None:
    """Games the first-named side won in a row from ``won``-``lost`` in set ``k`` to the end, if the loser
    won no game after it (its count in set ``k`` stays ``lost``, every later set to love), else None."""
    a, b = sets[k]
    if b != lost or won > a or any(y != 0 for _, y in sets[k + 1 :]):
        return None
    return (a - won) + sum(x for x, _ in sets[k + 1 :])


def _won_matches(d: _Doc) -> Iterator[Relation]:
    """A match score told as a win, set by set from the winner's side ("Ruiz beat Li 2-6 4-6 6-4 7-5",
    "a 6-3 2-6 win over Li"): a ``match`` relation whose roles are its sets, for the judge to count them.
    Only a sentence with a word of winning and none of losing or of a match that did not end ("lost to",
    "was beaten", "retired", "led ... when rain stopped play") is read: there the first games are the
    winner's."""
    matches = _matches(d)
    if not matches:
        return
    tables = _tables()
    facts = d.facts
    sentences: dict[int, list[_Match]] = {}
    for m in matches:
        sentences.setdefault(m.sentence, []).append(m)
    for si, ms in sentences.items():
        # A sentence with no figure but its scores has no tokens of its own: read its words here.
        toks = d.m.tokens[si] or _plain_tokens(d, si)
        words = tuple(t.text for t in toks)
        if not any(tables["won"].starting_at(words, k) for k in tables["won"].starts_in(words)):
            continue
        dropped = _sets_dropped(d, toks, words)
        # The words of "dropped a set ... before winning 6-3 6-4 6-2" tell of the match, not of a loss.
        read = list(words)
        if dropped is not None:
            for k in range(dropped[1], dropped[2]):
                read[k] = ""
            read = ["" if w == "before" else w for w in read]
        if any(tables["not_won"].starting_at(read, k) for k in tables["not_won"].starts_in(read)):
            continue
        for m in ms:
            sets = [
                i
                for i, f in enumerate(facts)
                if f.kind == "score"
                and m.span.start <= f.span.start < m.span.end
                and d.view.text[max(0, f.span.start - 1) : f.span.start] != "("
            ]
            if len(sets) != len(m.sets):
                continue
            labels: tuple[tuple[str, str], ...] = (("score", m.text),)
            cues: tuple[Span, ...] = ()
            if dropped is not None and len(ms) == 1 and not (dropped[0] and _tournament(d, si)):
                # some sets dropped over a whole event may be another match's ("dropped two sets all week")
                n, a, b = dropped
                labels += (("dropped", str(n)),)
                cues = (Span(toks[a].start, toks[b - 1].end),)
            yield Relation("match", tuple(("set", i) for i in sets), cues, "sentence", labels)


# Sentences after a tournament's sets dropped that the player's wins may be told in by a pronoun ("She beat
# Brandt 6-2 6-3 ...").
PRONOUN_AHEAD = 2


def _tournament(d: _Doc, si: int) -> bool:
    """The sentence tells of a whole event ("on her way to the title", "all week")."""
    span = d.view.doc.sentences[si].span
    said = f" {' '.join(_WORDS.findall(d.view.text[span.start : span.end].lower()))} "
    return any(f" {p} " in said for p in _data()["tournament"])


def _won_sentence(d: _Doc, si: int) -> tuple[tuple[Any, ...], tuple[str, ...]] | None:
    """A sentence's tokens and words when its scores are told as wins (a word of winning, none of losing or of
    a match that did not end, the words of sets dropped aside), else None."""
    tables = _tables()
    toks = d.m.tokens[si] or _plain_tokens(d, si)
    words = tuple(t.text for t in toks)
    if not any(tables["won"].starting_at(words, k) for k in tables["won"].starts_in(words)):
        return None
    read = list(words)
    dropped = _sets_dropped(d, toks, words)
    if dropped is not None:
        read[dropped[1] : dropped[2]] = [""] * (dropped[2] - dropped[1])
    if any(tables["not_won"].starting_at(read, k) for k in tables["not_won"].starts_in(read)):
        return None
    return toks, words


def _tournament_sets(d: _Doc) -> Iterator[Relation]:
    """The sets a player is said to have dropped over a tournament ("Kovac dropped just one set all
    week") against the scores of the player's wins told in the text: the final in the lead ("Ana Kovac won
    ..., beating Mia Ruiz 6-3 4-6 6-2"), the rounds in the sentences after by name or pronoun ("She beat
    Lena Ito 7-5 3-6 6-4 ... and Eva Lind 6-1 6-1"). Not every match need be told, so only more sets
    lost than said is an error: a ``tally`` (bound "at-least") for a count, a ``match`` relation with
    "dropped" 0 for each won match with a lost set after "without dropping a set"."""
    by_sentence = _by_sentence(d)
    if not by_sentence:
        return
    data = _data()
    aux = frozenset(data["dropped_aux"])
    pronouns = frozenset(data["pronouns"])
    text = d.view.text
    for si in range(len(d.view.doc.sentences)):
        toks = d.m.tokens[si] or _plain_tokens(d, si)
        words = tuple(t.text for t in toks)
        if not any(w in data["dropped"] for w in words) or not _tournament(d, si):
            continue
        dropped = _sets_dropped(d, toks, words)
        if dropped is None:
            continue
        n, a, b = dropped
        j = a - 1
        while j >= 0 and (words[j] in aux or (toks[j].fact >= 0 and j and words[j - 1] == ",")):
            j -= 1  # "Kovac has dropped", "Berg, 24, dropped"
        if j < 0 or toks[j].fact >= 0 or not text[toks[j].start].isupper() or words[j] in NOT_NAMES:
            continue  # no player named as the subject
        player = words[j].removesuffix("'s")
        won: list[_Match] = []
        for s2, ms in sorted(by_sentence.items()):
            got = _won_sentence(d, s2)
            if got is None:
                continue
            t2, w2 = got
            first_won = next(k for k in _tables()["won"].starts_in(w2) if _tables()["won"].starting_at(w2, k))
            named = any(w2[k].removesuffix("'s") == player and text[t2[k].start].isupper() for k in range(first_won))
            by_pronoun = si < s2 <= si + PRONOUN_AHEAD and w2 and w2[0] in pronouns
            if named or by_pronoun:
                won.extend(ms)
        seen: set[tuple[tuple[int, int], ...]] = set()
        mine: list[_Match] = []
        for m in won:
            sets_won = sum(1 for x, y in m.sets if x > y)
            if sets_won <= len(m.sets) - sets_won or m.sets[-1][0] < m.sets[-1][1]:
                mine = []
                break  # a score not from the winner's side: the sentence is not read as hers
            if m.sets not in seen:
                seen.add(m.sets)
                mine.append(m)
        lost = [(m, x, y) for m in mine for x, y in m.sets if x < y]
        if len(lost) <= n:
            continue
        cue = Span(toks[a].start, toks[b - 1].end)
        shown = ", ".join(f"{x}-{y} in {m.text}" for m, x, y in lost)
        fi = toks[b - 2].fact
        if n == 0:
            for m in dict.fromkeys(m for m, _, _ in lost):
                sets = [
                    i
                    for i, f in enumerate(d.facts)
                    if f.kind == "score"
                    and m.span.start <= f.span.start < m.span.end
                    and text[max(0, f.span.start - 1) : f.span.start] != "("
                ]
                if len(sets) == len(m.sets):
                    zero = (("score", m.text), ("dropped", "0"))
                    yield Relation("match", tuple(("set", i) for i in sets), (cue,), "document", zero)
        elif fi >= 0:
            why = f"the scores told for {player.title()}'s wins lose {len(lost)}: {shown}"
            labels = (("plus", str(len(lost))), ("why", why), ("bound", "at-least"))
            yield Relation("tally", (("total", fi),), tuple(m.span for m in mine), "document", labels)


_NEGATIONS = frozenset(("without", "not", "never", "n't", "hasn't", "haven't", "didn't", "no"))


def _sets_dropped(d: _Doc, toks: Sequence[Any], words: Sequence[str]) -> tuple[int, int, int] | None:
    """ "dropped a set", "lost two sets", "without dropping a set": how many sets the winner lost, and the
    phrase's token bounds; None when the sentence tells none."""
    data = _data()
    for k, w in enumerate(words):
        if w not in data["dropped"]:
            continue
        j = k + 1
        while j < len(words) and words[j] in ("only", "just"):
            j += 1  # "dropped only one set"
        if j + 1 >= len(words) or words[j + 1] not in ("set", "sets"):
            continue
        if words[j] in ("a", "one"):
            n = 1
        elif toks[j].fact >= 0 and d.facts[toks[j].fact].value is not None:
            v = d.facts[toks[j].fact].value
            if v != v.to_integral_value():
                continue
            n = int(v)
        else:
            continue
        # "without dropping a set", "has not dropped a set", "never lost a set": none.
        negated = next((i for i in range(k - 1, max(-1, k - 3), -1) if words[i] in _NEGATIONS), -1)
        return (0 if negated >= 0 else n), (negated if negated >= 0 else k), j + 2
    return None


@functools.cache
def _set_told_re() -> Any:
    """ "the opening set 6-3", "the deciding set, 7-5", "won the second 6-2", "dropped the third set 4-6":
    a set named by its place with its score right after (words as data: [tennis] set_ordinals, set_taken)."""
    data = _data()
    ords = "|".join(sorted(data["set_ordinals"], key=len, reverse=True))
    taken = "|".join(sorted((w.replace(" ", r"\s+") for w in data["set_taken"]), key=len, reverse=True))
    score = r"(?P<a>\d{1,2}) ?[-–] ?(?P<b>\d{1,2})(?![\d%–-]| ?[-–] ?\d| ?\(\d)"
    return startcache.compile(
        rf"(?i)\b(?:(?P<ord>{ords})(?:-set)?\s+set,?\s+(?:by\s+)?|(?:{taken})\s+the\s+(?P<ord2>{ords})(?:\s+set)?,?\s+){score}"
    )


def _sets_told(d: _Doc) -> Iterator[Relation]:
    """A set told by its place in the match with a score ("After taking the opening set 6-3"), against
    that set in the match score printed before it (the match its sentence is told of, as for counts). The
    score may be told from either side, so the games are compared as a pair in any order. An in-set
    state ("led 5-3 in the second set") has the score before the set's name and is not read; nor is a
    score no set can end on. A ``set-told`` relation: ``set`` the printed set, ``told`` the first figure
    of the told score; labels ``told`` ("6-3"), ``told_span``, ``place`` (the ordinal word), ``score``."""
    by_sentence = _by_sentence(d)
    if not by_sentence:
        return
    text = d.view.text
    places = _data()["set_ordinals"]
    for si, s in enumerate(d.view.doc.sentences):
        for hit in _set_told_re().finditer(text, s.span.start, s.span.end):
            a, b = int(hit.group("a")), int(hit.group("b"))
            if not _valid(a, b):
                continue
            start = hit.start("a")
            pos = next((k for k, t in enumerate(d.m.tokens[si]) if t.start == start), -1)
            told = next((i for i, f in enumerate(d.facts) if f.span.start == start), -1)
            if pos < 0 or told < 0:
                continue  # a lone set score is a score fact; "6-3," may be read as two figures
            if any(m.span.start <= start < m.span.end for m in by_sentence.get(si, ())):
                continue  # part of a match score itself
            match = _match_for(d, si, pos, by_sentence)
            if match is None:
                continue
            word = (hit.group("ord") or hit.group("ord2")).lower()
            k = places[word]
            if k > len(match.sets):
                continue
            idx = len(match.sets) - 1 if k < 0 else k - 1
            sets = [
                i
                for i, f in enumerate(d.facts)
                if f.kind == "score"
                and match.span.start <= f.span.start < match.span.end
                and text[max(0, f.span.start - 1) : f.span.start] != "("
            ]
            if len(sets) != len(match.sets):
                continue
            labels = (
                ("told", f"{a}-{b}"),
                ("told_span", f"{start}:{hit.end()}"),
                ("place", word),
                ("score", match.text),
            )
            yield Relation("set-told", (("set", sets[idx]), ("told", told)), (match.span,), "document", labels)
