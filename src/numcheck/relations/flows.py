"""Flows: a stock told at two times and what came in and went out between them. "The chain opened 14
stores and shut nine over the year, leaving it with 212, compared with 207 a year earlier": 207 + 14 - 9
must be 212. The words of coming in and going out are data ([flows] in vocab.toml).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

from numcheck.model import Fact
from numcheck.relations.base import Relation, _Doc, bare_ends, same_family
from numcheck.vocab import _toml

Built = Mapping[str, Mapping[object, Relation]]

# Kinds a stock and its flows may be of: things counted, whole or in money ("raised £4m and spent £1m").
FLOW_KINDS = frozenset({"count", "number", "money"})
# Words of what is counted between a flow's figure and its verb ("120 staff left", "300 were felled").
NOUN_GAP = 3
# Words that join two flows of one subject: "opened 14 and shut nine", "hired 340, while 120 left".
JOINERS = frozenset({"and", "but", "while", "whereas", ","})
# Words that may stand between a join and the second flow ("and then shut", "while also closing").
ADVERBS = frozenset({"then", "also", "later"})
# Tokens that may stand between two flows of one subject ("opened 14 stores over the year and shut").
FLOW_GAP = 8


@functools.cache
def _table() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = _toml("vocab.toml")["flows"]
    return (
        frozenset(data["in_before"]),
        frozenset(data["out_before"]),
        frozenset(data["in_after"]),
        frozenset(data["out_after"]),
    )


def _flow_at(d: _Doc, si: int, k: int, like: Fact) -> tuple[int, str, int, int] | None:
    """A flow starting at token ``k``: a verb and its figure ("opened 14", "shut nine") or a figure and
    its verb ("120 left", "five members resigned"): (figure, "in" | "out", first token, token after)."""
    words = d.m.words[si]
    in_before, out_before, in_after, out_after = _table()
    w = words[k]
    if w in in_before or w in out_before:
        fi = d.figure_after(si, k + 1)
        if fi >= 0 and d.facts[fi].kind in FLOW_KINDS and same_family(d.facts[fi], like, bare_ok=True):
            end = k + 2
            while end < len(words) and d.fact_at(si, end) == fi:
                end += 1
            return fi, ("in" if w in in_before else "out"), k, end
        return None
    fi = d.figure_after(si, k)
    if fi < 0 or d.facts[fi].kind not in FLOW_KINDS or not same_family(d.facts[fi], like, bare_ok=True):
        return None
    j = d.skip_hedge(si, k)
    while j < len(words) and d.fact_at(si, j) == fi:
        j += 1
    for v in range(j, min(len(words), j + NOUN_GAP + 2)):
        if words[v] in in_after or words[v] in out_after:
            return fi, ("in" if words[v] in in_after else "out"), k, v + 1
        if not words[v].isalpha() or d.fact_at(si, v) >= 0:
            break
    return None


def _pair_in(d: _Doc, si: int, like: Fact, ends: set[int]) -> list[tuple[int, str, int, int]] | None:
    """The flows of one subject in sentence ``si``: two or more flows one after the other, joined by
    "and", "while" or a comma, at least one in and one out; None when the sentence holds none or holds
    other flows of the family that no join ties to them (another subject's: "Labour gained 12 seats, the
    Tories lost nine")."""
    words = d.m.words[si]
    found: list[tuple[int, str, int, int]] = []
    k = 0
    while k < len(words):
        got = _flow_at(d, si, k, like)
        if got is None or got[0] in ends:
            k += 1
            continue
        found.append(got)
        k = got[3]
    if len(found) < 2:
        return None
    for a, b in zip(found, found[1:], strict=False):
        # Between two flows: what the first counts ("stores over the year"), a join, no other figure.
        between = range(a[3], b[2])
        if len(between) > FLOW_GAP or not any(words[n] in JOINERS for n in between):
            return None
        # The second flow follows its join: "and shut nine", "while 120 left"; another subject between
        # ("12 seats, the Conservatives lost nine") tells another's moves.
        if words[b[2] - 1] not in JOINERS | ADVERBS:
            return None
        if any((fi := d.fact_at(si, n)) >= 0 and d.facts[fi].kind in FLOW_KINDS for n in between):
            return None
    if {f[1] for f in found} != {"in", "out"}:
        return None
    return found


def flow_figures(d: _Doc, si: int, like: Fact, ai: int, bi: int) -> frozenset[int]:
    """The figures of sentence ``si`` told as flows of one subject, in and out ("gained three seats and
    lost five"), other than the stock's ends ``ai`` and ``bi``: a change reader does not take one of them
    for the net change."""
    found = _pair_in(d, si, like, {ai, bi})
    return frozenset(f[0] for f in found) if found else frozenset()


def _flows(d: _Doc, built: Built) -> Iterator[Relation]:
    """A change of a stock (``from``, ``to``) and the flows told of one subject in its sentence or the
    sentence before it in its paragraph: roles ``from``, ``to``, ``in`` and ``out`` (repeated)."""
    sents = d.view.doc.sentences
    for rel in built.get("change", {}).values():
        pair = bare_ends(rel)
        if pair is None:
            continue
        ai, bi = pair
        a, b = d.facts[ai], d.facts[bi]
        if a.kind not in FLOW_KINDS or not same_family(a, b, bare_ok=True) or a.value is None or b.value is None:
            continue
        if a.is_range or b.is_range:
            continue
        si = d.pos_of(bi)[0]
        ends = {ai, bi}
        flows = None
        for s2 in (si, si - 1):
            if s2 < 0 or sents[s2].paragraph != sents[si].paragraph:
                break
            flows = _pair_in(d, s2, b, ends)
            if flows is not None:
                break
        if flows is None:
            continue
        if any(not _alike(d, f[0], bi) for f in flows):
            continue
        roles: tuple[tuple[str, int], ...] = (("from", ai), ("to", bi))
        roles += tuple((f[1], f[0]) for f in flows)
        cues = tuple(d.span(d.pos_of(f[0])[0], f[2], f[3]) for f in flows)
        evidence = "sentence" if all(d.pos_of(f[0])[0] == si for f in flows) else "document"
        yield Relation("flow", roles, rel.cues + cues, evidence)


def _alike(d: _Doc, fi: int, bi: int) -> bool:
    """A flow counts what the stock counts: where their concepts differ, neither is one the vocabulary
    knows ("opened 14 stores" for "212 shops", never "cut 90 jobs")."""
    fm, bm = d.m.by_fact.get(fi), d.m.by_fact.get(bi)
    if fm is None or bm is None or not fm.concept or not bm.concept or fm.concept == bm.concept:
        return True
    known = d.v.concept_names - {"people"}
    return fm.concept not in known and bm.concept not in known
