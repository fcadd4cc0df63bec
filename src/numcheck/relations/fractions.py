"""A fraction word of a whole, with its part ("one fifth or three million of its 15 million"), or of an
amount hoped for, with the amounts hoped for and got told after it."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from numcheck.relations.base import _DETERMINERS, _NP_STOP, COUNTABLE, Relation, _Doc, same_family
from numcheck.vocab import PhraseTable, _toml

# Words before a fraction word that point back at the part: "That is almost half of the £13.4m".
_THIS_IS = frozenset(
    {
        ("this", "is"),
        ("this", "was"),
        ("that", "is"),
        ("that", "was"),
        ("which", "is"),
        ("which", "was"),
        ("it", "is"),
        ("it", "was"),
        ("this", "represents"),
        ("that", "represents"),
    }
)
# Sentences back a whole named by its noun may stand ("the surplus" → "a trade surplus of 12 trillion yen").
WHOLE_BACK = 1


def _fraction_shares(d: _Doc) -> Iterator[Relation]:
    """ "That is almost half of the £13.4m" (the part in the sentence before), "more than half the
    surplus, 5.9 trillion yen" (the whole named by its noun before): ``qualifier`` relations with
    ``part`` and ``whole``."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            qi = tok.fact
            qv = d.facts[qi].value if qi >= 0 else None
            if qv is None or d.facts[qi].kind != "share" or qv > 1:
                continue
            j = pos + 1
            if j < len(words) and words[j] == "of":
                j += 1
            k = j
            while k < len(words) and words[k] in _DETERMINERS:
                k += 1
            wi = d.fact_at(si, k)
            part = -1
            cue_end = k
            if wi >= 0:
                if d.facts[wi].kind not in COUNTABLE or d.facts[wi].is_range or d.facts[wi].value is None:
                    continue
                # The part before: "That is almost half of the £13.4m".
                h = d.v.hedges.ending_at(words, pos)
                b = h[1] if h else pos
                if b >= 2 and (words[b - 2], words[b - 1]) in _THIS_IS:
                    part = _previous_like(d, si, b - 2, wi)
                cue_end = k
            else:
                # "half the surplus, 5.9 trillion yen": a noun, then the part beside it.
                n = k
                while (
                    n < len(words)
                    and n - k < 3
                    and toks[n].fact < 0
                    and words[n][0].isalpha()
                    and words[n] not in _NP_STOP
                ):
                    n += 1
                if n == k or n >= len(words) or words[n] not in (",", "("):
                    continue
                part = d.figure_after(si, n + 1, COUNTABLE)
                if part < 0:
                    continue
                concept = d.v.concept(" ".join(words[k:n]))
                wi = _named_before(d, si, pos, concept, part)
                cue_end = n
            if part < 0 or wi < 0 or part == wi or not same_family(d.facts[part], d.facts[wi]):
                continue
            yield Relation(
                "qualifier",
                (("qualifier", qi), ("part", part), ("whole", wi)),
                (d.span(si, pos, max(pos + 1, cue_end)),),
                "sentence",
                (("phrase", ""), ("unit", "share")),
            )


def _previous_like(d: _Doc, si: int, pos: int, like: int) -> int:
    """The nearest figure before token ``pos`` (this sentence, then the one before) of ``like``'s family."""
    for s2, k in d.m.previous_figures(si, pos, back=1):
        fi = d.fact_at(s2, k)
        f = d.facts[fi]
        if fi != like and same_family(f, d.facts[like]) and not f.is_range and f.value is not None:
            return fi
    return -1


def _named_before(d: _Doc, si: int, pos: int, concept: str, part: int) -> int:
    """The nearest earlier figure whose noun names ``concept``, of the part's family ("the surplus")."""
    for s2, k in d.m.previous_figures(si, pos, back=WHOLE_BACK):
        fi = d.fact_at(s2, k)
        f = d.facts[fi]
        m = d.m.by_fact.get(fi)
        if fi == part or f.is_range or f.value is None or not same_family(f, d.facts[part]):
            continue
        if k + 1 < len(d.m.words[s2]) and d.m.words[s2][k + 1] == "-":
            continue  # "four-bedroom houses": a kind of house, no count of them
        names = {m.concept} if m and m.concept else set()
        if f.subject:
            names.add(d.v.head_concept(f.subject))
        if concept in names and not _first_of_parts(d, s2, k):
            return fi
    return -1


def _first_of_parts(d: _Doc, si: int, k: int) -> bool:
    """The figure at token ``k`` opens a list of parts its sentence closes with a rest ("Thirty-eight cases
    were in children under five and 92 in those aged five to 14, while the other 84 were adults"): a part,
    no whole; unless told as a whole ("Of the 214 cases, ...", "a total of")."""
    fi = d.fact_at(si, k)
    m = d.m.by_fact.get(fi)
    if m is None or "total" in m.roles:
        return False
    words = d.m.words[si]
    h = d.hedge_start(si, k)
    if h >= 1 and words[h - 1] in ("of", "the") and "of" in words[max(0, h - 2) : h]:
        return False
    later = (d.m.by_fact.get(t.fact) for t in d.m.tokens[si][k + 1 :] if t.fact >= 0)
    return any(o is not None and "remainder" in o.roles for o in later)


# Sentences after "a quarter of what the charity wanted" that the amount hoped for and the amount got may
# be told in, and tokens before each amount that the verb telling which it is may stand.
HOPED_NEXT = 2
HOPED_REACH = 8


@functools.cache
def _hoped_tables() -> dict[str, PhraseTable]:
    data = _toml("vocab.toml")["fractions"]
    return {key: PhraseTable.build((p, key) for p in data[key]) for key in ("hoped", "got")}


def _fractions_of_hoped(d: _Doc) -> Iterator[Relation]:
    """ "The grant covered roughly a quarter of what the council had wanted to secure. It had asked for
    £600m ... but was given £290m": a fraction word of an amount hoped for, told without figures, and in
    the next sentences the amount hoped for (a verb of hoping, asking or expecting before it) and the
    amount got (a verb of getting before it): a ``qualifier`` with ``part`` the amount got."""
    t = _hoped_tables()
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            qi = tok.fact
            q = d.facts[qi] if qi >= 0 else None
            if q is None or q.kind != "share" or q.value is None or q.value > 1:
                continue
            if pos + 1 >= len(words) or words[pos + 1] != "of":
                continue
            end = d.m.clause_end(si, pos)
            if any(toks[k].fact >= 0 for k in range(pos + 1, end)):
                continue  # "a third of the £900m": the whole is told here (the builder above)
            if not any(t["hoped"].starting_at(words, k) for k in range(pos + 2, min(end, pos + 2 + HOPED_REACH))):
                continue
            for s2 in range(si + 1, min(len(d.m.tokens), si + 1 + HOPED_NEXT)):
                pair = _hoped_and_got(d, s2)
                if pair is not None:
                    whole, part = pair
                    cue = d.span(si, pos, min(end, pos + 2 + HOPED_REACH))
                    roles = (("qualifier", qi), ("part", part), ("whole", whole))
                    yield Relation("qualifier", roles, (cue,), "document", (("phrase", ""), ("unit", "share")))
                    break


def _hoped_and_got(d: _Doc, si: int) -> tuple[int, int] | None:
    """(amount hoped for, amount got) of sentence ``si``: two figures of one family, a verb of hoping before
    the first and a verb of getting before the second, each in its own reach; else None."""
    t = _hoped_tables()
    words = d.m.words[si]
    found: dict[str, int] = {}
    for pos, tok in enumerate(d.m.tokens[si]):
        fi = tok.fact
        if fi < 0 or d.facts[fi].kind not in COUNTABLE or d.facts[fi].is_range or d.facts[fi].value is None:
            continue
        for k in range(pos - 1, max(-1, pos - 1 - HOPED_REACH), -1):
            if d.m.tokens[si][k].fact >= 0:
                break
            hit = t["got"].starting_at(words, k) or t["hoped"].starting_at(words, k)
            if hit:
                found.setdefault(hit[0], fi)
                break
    if set(found) != {"hoped", "got"}:
        return None
    whole, part = found["hoped"], found["got"]
    if d.pos_of(whole)[1] > d.pos_of(part)[1] or not same_family(d.facts[whole], d.facts[part]):
        return None
    return whole, part
