"""Stakes in one company held by different owners add up to at most 100%: "Skyhop, which is 30% owned by
Ana Kell" ... "Harbour Holdings, which owns 80% of Skyhop" cannot both be true.

A stake is a percentage with an owning verb (vocab.toml ``[stakes]``): "<owner> owns|holds|controls N%
of <company>", "<owner> ... a N% stake in <company>", "<company>, which is N% owned by <owner>". Names
are runs of capitalised words. Stakes are grouped by the company's name; two stakes of one company whose
owners share no name word are separate parts of it (relation ``shares``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from numcheck.mentions import CLAUSE_END, Token
from numcheck.relations.base import NOT_NAMES, Relation, _Doc, _lead_sentences
from numcheck.vocab import PhraseTable, _toml

# Tokens either side of a stake that its owner's or company's name may stand.
NAME_REACH = 8
# Stakes kept per company (the latest ones): a bound, so building stays linear.
PER_COMPANY = 4
# Sentences before "the remaining N%" that the stake it closes, and the pieces sold out of it, may stand.
REST_BACK = 6
# Words the name of a piece's company may stand after its figure ("33% of Kelm", "10% of its stake in Kelm").
PIECE_REACH = 5


@functools.cache
def _verbs() -> tuple[frozenset[str], PhraseTable, frozenset[str]]:
    data = _toml("vocab.toml")["stakes"]
    trades = PhraseTable.build((p, "trade") for p in data["trades"])
    return frozenset(data["holds"]), trades, frozenset(data["rest_words"])


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


def _stake_rests(d: _Doc) -> Iterator[Relation]:
    """ "Ostra owns 60% of Kelm. ... Alder agreed to buy 25% of Kelm ... Ostra is also selling 10% of its
    stake in Kelm to a fund. The remaining 30% will stay with the city.": a stake held in a company, the
    pieces of that company told as bought or sold around it (the lead and the sentences up to the rest),
    and "the remaining N%" that closes them. Together they are at most the stake (the pieces may be only
    some of it: a one-sided breakdown)."""
    lead = _lead_sentences(d)
    for si, pos, fi, _ in d.figures(frozenset({"percent"})):
        words = d.m.words[si]
        k = d.hedge_start(si, pos)
        if k == 0 or words[k - 1] not in ("remaining", "rest", "remainder") or not _verbs()[2] & set(words):
            continue
        held = _held_stake(d, si, pos)
        if held is None:
            continue
        stake, company = held
        top = d.facts[stake].value or 0
        pieces: list[int] = []
        for s2 in sorted(set(range(max(0, si - REST_BACK), si + 1)) | {s for s in lead if s < si}):
            for k2, tok in enumerate(d.m.tokens[s2]):
                if s2 == si and k2 >= pos:
                    break
                p = tok.fact
                if p < 0 or p == stake or d.facts[p].kind != "percent" or d.facts[p].value is None:
                    continue
                if (d.facts[p].value or 0) < top and _piece_of(d, s2, k2, company):
                    pieces.append(p)
                elif s2 == si:
                    pieces = []  # "40% work in Spain; the remaining 60%": the rest of another whole
                    break
        if pieces:
            roles = (("total", stake),) + tuple(("item", p) for p in pieces) + (("item", fi),)
            yield Relation("breakdown", roles, (), "document", (("inclusive", "yes"),))


def _held_stake(d: _Doc, si: int, pos: int) -> tuple[int, frozenset[str]] | None:
    """The nearest stake held now before token ``pos`` ("owns 55% of Kelm"), up to ``REST_BACK`` sentences
    back: (its figure, the company's name words)."""
    holds = _verbs()[0]
    for s2, k, fi in d.m.figures_before(si, pos, REST_BACK, None):
        if d.facts[fi].kind != "percent":
            continue
        words = d.m.words[s2]
        v = d.hedge_start(s2, k) - 1
        if v < 0 or words[v] not in holds:
            continue
        got = _stake(d, s2, k)
        if got is not None and got[0]:
            return fi, got[0]
    return None


def _piece_of(d: _Doc, si: int, pos: int, company: frozenset[str]) -> bool:
    """The percentage at ``pos`` is a piece of ``company`` changing hands: a trade verb before it ("to buy
    33% of", "sell a 10% stake in") and the company named in the words after it."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = d.hedge_start(si, pos)
    while k > 0 and words[k - 1] in ("a", "an", "another", "further", "the", "its", "their"):
        k -= 1  # "sell a further 15%", "buy another 10%"
    if _verbs()[1].ending_at(words, k) is None:
        return False
    for j in range(pos + 1, min(len(words), pos + 1 + PIECE_REACH)):
        if toks[j].fact >= 0 or words[j] in CLAUSE_END:
            return False
        if _capital(d, toks[j]):
            return bool(_name_after(d, toks, j) & company)
    return False


def stake_like(d: _Doc, fi: int) -> bool:
    """The percentage ``fi`` is a stake in a named company, held or changing hands ("owns 55% of Kelm",
    "agreed to buy 25% of Kelm"): a part of that company, not a share of the whole a "remaining" closes."""
    si, pos = d.pos_of(fi)
    stake = _stake(d, si, pos)
    if stake is not None and stake[0]:
        return True  # "owns 55% of Kelm"; "had 38.6% of the vote" names no company
    words, toks = d.m.words[si], d.m.tokens[si]
    k = d.hedge_start(si, pos)
    while k > 0 and words[k - 1] in ("a", "an", "another", "further", "the", "its", "their"):
        k -= 1
    if _verbs()[1].ending_at(words, k) is None:
        return False
    for j in range(pos + 1, min(len(toks), pos + 1 + PIECE_REACH)):
        if _capital(d, toks[j]):
            return True
        if words[j] not in _PIECE_LINKS:
            return False  # "took 14.2% and the Green Alliance 7.1%", "had 38.6% of the vote in Sunday's"
    return False


# Words between a piece and the company it is of: "55% of Kelm", "10% of its stake in Kelm", "10% to Orbis".
_PIECE_LINKS = frozenset({"of", "the", "in", "to", "its", "their", "stake", "holding", "shares", "share"})
