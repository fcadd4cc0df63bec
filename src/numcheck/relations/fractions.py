"""A fraction word of a whole, with its part ("one fifth or three million of its 15 million")."""

from __future__ import annotations

from collections.abc import Iterator

from numcheck.relations.base import _DETERMINERS, _NP_STOP, COUNTABLE, Relation, _Doc, same_family

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
        names = {m.concept} if m and m.concept else set()
        if f.subject:
            names.add(d.v.head_concept(f.subject))
        if concept in names:
            return fi
    return -1
