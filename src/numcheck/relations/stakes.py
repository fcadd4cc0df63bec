"""Stakes in one company held by different owners add up to at most 100%: "Skyhop, which is 30% owned by
Ana Kell" ... "Harbour Holdings, which owns 80% of Skyhop" cannot both be true.

A stake is a percentage with an owning verb (vocab.toml ``[stakes]``): "<owner> owns|holds|controls N%
of <company>", "<owner> ... a N% stake in <company>", "<company>, which is N% owned by <owner>". Names
are runs of capitalised words. Stakes are grouped by the company's name; two stakes of one company whose
owners share no name word are separate parts of it (relation ``shares``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from numcheck.mentions import CLAUSE_END, Token
from numcheck.relations.base import NOT_NAMES, Relation, _Doc

# Tokens either side of a stake that its owner's or company's name may stand.
NAME_REACH = 8
# Stakes kept per company (the latest ones): a bound, so building stays linear.
PER_COMPANY = 4


def _stakes(d: _Doc) -> Iterator[Relation]:
    held: dict[str, list[tuple[int, frozenset[str]]]] = {}  # company -> [(fact, owner words)]
    for si, pos, fi, f in d.figures(frozenset({"percent"})):
        if f.value is None or f.value > 100:
            continue
        found = _stake(d, si, pos)
        if found is None:
            continue
        company, owner = found
        if not company or not owner or owner <= company:
            continue
        others = held.setdefault(" ".join(sorted(company)), [])
        for oi, other in others:
            if not other & owner:
                yield Relation("shares", (("item", oi), ("item", fi)), (), "document")
        others.append((fi, owner))
        del others[:-PER_COMPANY]


def _stake(d: _Doc, si: int, pos: int) -> tuple[frozenset[str], frozenset[str]] | None:
    """(company, owner) name words of a stake at token ``pos``, or None."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    after = words[pos + 1 : pos + 3]
    if after == ("owned", "by"):
        # "Skyhop, which is 25% owned by Ann Fenton"
        return _name_before(d, toks, pos), _name_after(d, toks, pos + 3)
    k = d.hedge_start(si, pos) - 1
    if k >= 0 and words[k] in ("a", "an"):
        k -= 1
    if k < 0 or words[k] not in d.v.stake_verbs:
        return None
    if after[:1] == ("of",):
        company = _name_after(d, toks, pos + 2)  # "owns 80% of Skyhop"
    elif after[:2] in (("stake", "in"), ("holding", "in"), ("interest", "in")):
        company = _name_after(d, toks, pos + 3)  # "holds a 60% stake in Tarn Motors"
    else:
        return None
    owner = _name_before(d, toks, k)
    if not owner and k > 0 and toks[k - 1].fact < 0 and toks[k - 1].text.isalpha():
        owner = frozenset({toks[k - 1].text})  # "the state owns 51% of", "its founder holds"
    return company, owner


def _name_after(d: _Doc, toks: Sequence[Token], k: int) -> frozenset[str]:
    """The capitalised words starting at token ``k`` ("Tarn Motors")."""
    out: list[str] = []
    while k < len(toks) and len(out) < NAME_REACH and _capital(d, toks[k]):
        out.append(toks[k].text.removesuffix("'s"))
        k += 1
    return frozenset(out)


def _name_before(d: _Doc, toks: Sequence[Token], k: int) -> frozenset[str]:
    """The nearest run of capitalised words before token ``k`` in its clause ("Harbour Holdings, which
    owns", "Skyhop, which is")."""
    out: list[str] = []
    j = k - 1
    while j >= 0 and k - j <= NAME_REACH and toks[j].text not in CLAUSE_END:
        if _capital(d, toks[j]):
            out.append(toks[j].text.removesuffix("'s"))
        elif out:
            break
        j -= 1
    return frozenset(out)


def _capital(d: _Doc, tok: Token) -> bool:
    text = d.view.text
    return tok.fact < 0 and text[tok.start : tok.start + 1].isupper() and tok.text not in NOT_NAMES
