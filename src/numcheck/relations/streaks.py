"""Runs told twice: the newest step of a run by its ordinal ("Harbour Lights spent an eighth consecutive
week at number one", "prices rose for a sixth straight month", "City's 10th successive win") against the
run's length told elsewhere ("its run of nine weeks at the top", "the five-month run of rises", "11 wins
in a row"). The two must be one number.

Each pair is a ``tally`` (judge ``tally``, NC218): ``total`` the length, label ``plus`` the ordinal's
number. Words are data (``[streaks]`` in data/vocab.toml). Left alone: a text with more than one run of
a unit told either way (which run is which is not said), a run told of another time ("last week's
seventh", "in 2019"), and a length with a hedge ("more than nine weeks").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from numcheck.mentions import run_words
from numcheck.relations.base import FRAME_KINDS, Relation, _Doc


def _unit_after(words: Sequence[str], k: int) -> str:
    units, _, adjectives, _ = run_words()
    if k < len(words) and words[k] in adjectives:
        k += 1
    return units.get(words[k], "") if k < len(words) else ""


def _ordinal_runs(d: _Doc) -> list[tuple[int, str]]:
    """(fact, unit) of each ordinal told as a run's newest step: "an eighth consecutive week", "her
    fourth win in a row", "the third year running"."""
    units, after, adjectives, _ = run_words()
    out = []
    for si, pos, fi, f in d.figures(frozenset({"ordinal"})):
        if f.value is None or f.value < 2:
            continue
        words = d.m.words[si]
        k = pos + 1
        if k < len(words) and words[k] in adjectives and k + 1 < len(words) and words[k + 1] in units:
            out.append((fi, units[words[k + 1]]))
        elif k < len(words) and words[k] in units and after.starting_at(words, k + 1):
            out.append((fi, units[words[k]]))
    # A run told as an aside before the figures its verb moves is out of the tokens (``Mentions.runs``).
    out.extend((fi, units[unit]) for fi, (_, unit) in d.m.runs.items())
    return sorted(out)


def _length_runs(d: _Doc) -> list[tuple[int, str]]:
    """(fact, unit) of each run's length: "a run of nine weeks", "11 wins in a row", "11 consecutive
    wins", "the five-month run", "nine weeks running"."""
    units, after, adjectives, nouns = run_words()
    out = []
    for si, pos, fi, f in d.figures(frozenset({"count", "number", "duration"})):
        if f.value is None or f.hedge != "exact" or f.is_range:
            continue
        words = d.m.words[si]
        unit = units.get(f.unit or "", "") if f.kind == "duration" else ""
        k = pos + 1
        if not unit:
            if k < len(words) and words[k] in adjectives:
                unit, k = _unit_after(words, k), k + 2  # "11 consecutive wins"
            elif k < len(words) and words[k] in units:
                unit, k = units[words[k]], k + 1  # "11 wins" (a run only with what follows)
                if not after.starting_at(words, k) and not (
                    pos >= 2 and words[pos - 1] == "of" and words[pos - 2] in nouns
                ):
                    continue
            else:
                continue
            if unit:
                out.append((fi, unit))
            continue
        # A length of time: "a run of nine weeks", "nine weeks in a row", "the five-month run".
        run_before = pos >= 2 and words[pos - 1] == "of" and words[pos - 2] in nouns
        run_after = (k < len(words) and words[k] in nouns) or bool(after.starting_at(words, k))
        if run_before or run_after:
            out.append((fi, unit))
    return out


def _other_time(d: _Doc, fi: int) -> bool:
    """The run is told of another time than now: a time figure in its clause ("last week's seventh")."""
    si, pos = d.pos_of(fi)
    toks = d.m.tokens[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    for k in range(lo, hi):
        ti = toks[k].fact
        if ti < 0 or ti == fi or d.facts[ti].kind not in FRAME_KINDS:
            continue
        t = d.facts[ti]
        if t.kind == "year" or (t.kind == "relative" and t.value is not None and t.value < 0):
            return True  # "in 2019", "last week's": the month or day of the newest step dates it, no more
    return False


def _streaks(d: _Doc) -> Iterator[Relation]:
    ords = _ordinal_runs(d)
    if not ords:
        return
    lengths = _length_runs(d)
    for unit in {u for _, u in ords}:
        o = [fi for fi, u in ords if u == unit]
        n = [fi for fi, u in lengths if u == unit]
        if len(n) != 1 or len({d.facts[fi].value for fi in o}) != 1:
            continue  # two runs of the unit, or none told by its length
        li = n[0]
        if any(_other_time(d, fi) for fi in (*o, li)):
            continue
        first = o[0]
        value = d.facts[first].value
        assert value is not None
        why = f"the run is told as its {d.facts[first].text} {unit}"
        labels = (("plus", str(int(value))), ("why", why))
        yield Relation("tally", (("total", li),), tuple(d.facts[fi].span for fi in o), "document", labels)
