"""Second-stage builders over scopes: place figures within a national total, and a toll
listed by its items.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from numcheck.mentions import CLAUSE_END, same_holder
from numcheck.relations.base import (
    NAMES_REACH,
    NOT_NAMES,
    Relation,
    _Doc,
    _lead_sentences,
    divided,
    is_gap,
    same_family,
)

# Words that make a figure the whole of a country or a total ("the country's", "nationwide").
NATIONAL_WORDS = frozenset(
    "country country's nation nation's national nationwide countrywide overall altogether total".split()
)
# Words that make a figure a place's part of a larger whole.
PLACE_WORDS = frozenset(
    "city town capital province state region district county village area municipality prefecture".split()
)
# Sides of a country that make a count a part of it after "in the" ("300 people in the north").
COMPASS = frozenset(
    "north south east west north-east north-west south-east south-west northeast northwest southeast southwest".split()
)


# Words for a whole trade, a group of holders too ("the industry expects").
_TRADES = frozenset({"industry", "sector"})
# Words before a group's noun that leave it the whole group ("the airlines", "all banks", "its rivals").
_GROUP_BEFORE = frozenset({"the", "all", "its", "their", "our", "nation's", "country's"})
# The headline and the first sentences, where a story's total stands before its places.
LEAD_TOTAL_SENTENCES = 3
# Sentences after a national figure that a place's figure may stand and still be counted in it.
SCOPE_SENTENCES = 4
# Tokens an "Of the N <noun>," opener may run to its comma.
OPENER_COMMA = 12
# Tokens back that the figure an elided list item borrows its noun from may stand.
ELIDED_REACH = 10
# Words at a sentence's start that may name the place its later clauses count for ("The town of Brek,").
SUBJECT_WORDS = 6


def _clause_wholes(built: Mapping[str, Mapping[object, Relation]]) -> set[int]:
    """The wholes of parts told in their own clause ("close nine of its 71 schools"): such a whole is no
    place's part of another total (of the nine the headline tells)."""
    return {
        i
        for rel in built.get("part", {}).values()
        if rel.evidence == "clause"
        for role, i in rel.roles
        if role == "whole"
    }


def _scoped_parts(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A national or total figure and the same count for places within it: "in all 640 people have
    fallen ill … Tarvel, where 150 people were treated … Oskam, with 520 people sick". Each place's figure
    is part of the total, and the places together are at most the total.

    Figures are grouped by concept once (linear); a whole is a figure with a total cue or a national
    word in its clause; a part names a place ("in Harare", "the city of", "province") and no national
    word; a part counts only against the nearest whole before it, in its paragraph or the one before.
    """
    in_change = {i for rel in built.get("change", {}).values() for _, i in rel.roles}
    clause_wholes = _clause_wholes(built)
    groups: dict[str, list[int]] = {}
    for fi, m in sorted(d.m.by_fact.items(), key=lambda kv: d.facts[kv[0]].span.start):
        f = d.facts[fi]
        concept = m.concept or _elided_concept(d, fi)
        if not concept or f.kind not in ("count", "number") or f.is_range or f.value is None or fi in in_change:
            continue
        if concept in d.v.unscoped:
            continue  # a side's points or goals are no part of a total by place
        groups.setdefault(concept, []).append(fi)
    sentences = d.view.doc.sentences
    lead = _lead_sentences(d)
    for members in groups.values():
        whole = -1
        parts: list[tuple[int, str]] = []
        for fi in members:
            scope = _scope(d, fi)
            if is_gap(d, fi):
                continue  # "three points behind the leaders": a gap, neither a total nor a part
            if not scope and not parts and _lead_total(d, fi, lead):
                # "The disease has killed 18 children" in the lead, places below; a later one in the lead
                # before any place is the newer count ("Floods kill 120" over "The floods have now killed 180").
                scope = "whole"
            if scope == "whole":
                if whole >= 0 and len(parts) >= 2:
                    yield from _scoped_breakdown(d, whole, parts)
                whole, parts = fi, []
                continue
            if whole < 0 or not scope or fi in clause_wholes:
                continue
            ws = d.facts[whole].sentence
            if sentences[d.facts[fi].sentence].paragraph - sentences[ws].paragraph > 1:
                continue
            if d.facts[fi].sentence - ws > SCOPE_SENTENCES:
                continue
            frames = (d.m.by_fact[fi].frame, d.m.by_fact[whole].frame)
            if None not in frames and frames[0] != frames[1]:
                continue  # another time: "last year" against "so far"
            counted = (d.m.frame(fi).concept, d.m.frame(whole).concept)
            if all(counted) and counted[0] != counted[1]:
                continue  # "9,000 pupils are ill" is no part of "30 pupils have died": another thing counted
            if not _fits_whole(d, d.pos_of(fi) + (fi,), d.pos_of(whole) + (whole,), scope):
                continue  # another time, holder, event or source
            yield Relation("part", (("part", fi), ("whole", whole)), (), "document", (("frame", "scope"),))
            if all(scope != other for _, other in parts):
                parts.append((fi, scope))
        if whole >= 0 and len(parts) >= 2:
            yield from _scoped_breakdown(d, whole, parts)


def _scoped_breakdown(d: _Doc, whole: int, parts: list[tuple[int, str]]) -> Iterator[Relation]:
    """The places' figures as an open breakdown of the whole, unless one place is told within another ("In
    Lusk, the capital of Kesh province, 150 died" after Kesh's 180): nested places are no separate parts."""
    names = [(d.facts[fi].sentence, set(name.split()) - PLACE_WORDS - COMPASS) for fi, name in parts]
    for si in {s2 for s2, _ in names}:
        words = d.m.words[si]
        # Another place named as a place here ("the capital of Kesh province", "a town of Kesh").
        placed = {
            w
            for k, w in enumerate(words)
            if (k + 1 < len(words) and words[k + 1] in PLACE_WORDS) or (k > 0 and words[k - 1] == "of")
        }
        if any(other and other <= placed for s2, other in names if s2 != si):
            return  # (places listed in one sentence are siblings: "Almora reported 250, and Bellgrave 190")
    roles = (("total", whole),) + tuple(("item", fi) for fi, _ in parts)
    yield Relation("breakdown", roles, (), "document", (("inclusive", "yes"), ("frame", "scope")))


# Words that open a relative clause after a figure ("... villages that had not been confirmed by ...").
_RELATIVE_AFTER = frozenset({"that", "which", "who", "whose", "whom"})


def _scope(d: _Doc, fi: int) -> str:
    """ "whole" for a total or national figure, a place's name for a figure of a place, else ""."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    toks = d.m.tokens[si]
    m = d.m.by_fact[fi]
    lo = max(d.m.clause_start(si, pos), pos - NAMES_REACH)
    hi = min(d.m.clause_end(si, pos), pos + NAMES_REACH)
    said = set(words[lo:hi])
    own: frozenset[int] = frozenset()
    if "total" in said:  # "a total of": words told of the figure itself, no national total
        own = frozenset(k for k in range(lo, pos) if d.own_words(si, k))
        said = {words[k] for k in range(lo, hi) if k not in own}
    # "a total of 410 cases" is the whole, unless its clause tells the place it counts ("Tarvel province
    # reported a total of 410 cases", "Chile alone has recorded a total of 3,400").
    total = "total" in m.roles and not (own and (said & PLACE_WORDS or "alone" in said))
    # "five deaths in remote villages that had not yet been confirmed by the national agency": a national
    # word in a relative clause after the figure tells of something else, not the figure's scope.
    cut = next((k for k in range(pos + 1, hi) if words[k] in _RELATIVE_AFTER), hi)
    national = said & NATIONAL_WORDS and NATIONAL_WORDS.intersection(
        w for k, w in enumerate(words[lo:cut], lo) if k not in own
    )
    if total or national or d.m.frame(fi).scope == "whole":
        return "whole"  # "across the region" is the whole, though "region" may name a place
    text = d.view.text
    names = [
        words[k]
        for k in range(lo, hi)
        if toks[k].fact < 0
        and text[toks[k].start : toks[k].start + 1].isupper()
        and k > lo
        and words[k] not in NOT_NAMES
    ]
    for k in range(lo, hi - 2):
        if words[k] == "in" and words[k + 1] == "the" and words[k + 2] in COMPASS:
            return words[k + 2]  # "in the north": a part of the country told by its side
    if said & PLACE_WORDS:
        # Only a place word makes a part: "in the United Kingdom" may be a country of its own. The
        # place's name may open the sentence ("Henan province has recorded 15 deaths").
        named = [words[k - 1] for k in range(max(lo, 1), hi) if words[k] in PLACE_WORDS and toks[k - 1].fact < 0]
        return (
            " ".join(names) or " ".join(w for w in named if w not in NOT_NAMES) or " ".join(sorted(said & PLACE_WORDS))
        )
    if names and _elided_concept(d, fi):
        # "The city of Porto Velho logged 213 cases, and Campo Grande 57": a name closing a list whose
        # item before it is a place's figure names a place too.
        prev = next((toks[k].fact for k in range(pos - 1, -1, -1) if toks[k].fact >= 0), -1)
        if prev >= 0 and _scope(d, prev) not in ("", "whole"):
            return " ".join(names)
    if lo > 0 and not any(toks[k].fact >= 0 for k in range(lo)):
        # "The town of Brek, which lies on the coast, has been hard hit, with 260 people dead": the
        # sentence opens with the place that its later clause counts for, and no figure comes between.
        head = range(min(lo, SUBJECT_WORDS))
        opened = {words[k] for k in head}
        if opened & PLACE_WORDS and not opened & NATIONAL_WORDS:
            named = [
                words[k]
                for k in head
                if k > 0 and text[toks[k].start : toks[k].start + 1].isupper() and words[k] not in NOT_NAMES
            ]
            return " ".join(named) or " ".join(sorted(opened & PLACE_WORDS))
    return ""


def _elided_concept(d: _Doc, fi: int) -> str:
    """ "Porto Velho logged 213 cases, and Campo Grande 570": a bare figure after a name in a list
    counts what the figure before it counts."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    toks = d.m.tokens[si]
    text = d.view.text
    if pos == 0 or toks[pos - 1].fact >= 0 or not text[toks[pos - 1].start : toks[pos - 1].start + 1].isupper():
        return ""
    nxt = words[pos + 1] if pos + 1 < len(words) else "."
    if nxt not in (".", ",", ";", "and"):
        return ""
    for k in range(pos - 1, max(-1, pos - ELIDED_REACH), -1):
        prev = toks[k].fact
        if prev >= 0:
            pm = d.m.by_fact.get(prev)
            return pm.concept or "" if pm else ""
    return ""


def _listed_toll(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """ "The raid left 23 people dead. Three guards and 22 raiders died.": counts listed with one
    verb that names what they count are parts of that count given just before."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        items: list[int] = []
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0:
                continue
            f = d.facts[fi]
            if f.kind not in ("count", "number") or f.is_range or f.value is None or f.hedge != "exact":
                items = []
                continue
            if items:
                _, prev = d.pos_of(items[-1])
                gap = words[prev + 1 : pos]
                if len(gap) > 3 or not (set(gap) & {"and", ","}) or set(gap) & set(CLAUSE_END):
                    items = []
                elif any(d.verb_like(w) for w in gap):
                    items = []  # "12 were killed and 20 were injured": two verbs, two counts of two things
            items.append(fi)
            if len(items) < 2:
                continue
            concept = _verb_after(d, si, pos)
            if not concept:
                continue
            if "also" in words[pos + 1 : pos + 5]:
                items = []
                continue  # "Six motorcyclists ... and two cyclists were also killed": more than the count before
            total = _toll_before(d, si, concept, items)
            if total >= 0:
                roles = (("total", total),) + tuple(("item", i) for i in items)
                yield Relation("breakdown", roles, (), "document", (("inclusive", "yes"),))
            items = []


def _verb_after(d: _Doc, si: int, pos: int) -> str:
    """The concept of a verb right after a list ("... were killed", "... died"), else ""."""
    words = d.m.words[si]
    for k in range(pos + 1, min(len(words), pos + 5)):
        if d.m.tokens[si][k].fact >= 0 or words[k] in CLAUSE_END:
            return ""
        c = d.v.concepts.get(words[k])
        if c and words[k].endswith(("ed", "died", "dead")):
            return c
    return ""


def _toll_before(d: _Doc, si: int, concept: str, items: list[int]) -> int:
    """A count of ``concept`` in one of the two sentences before, the only one there."""
    for s2 in range(si - 1, max(-1, si - 3), -1):
        found = [
            t.fact
            for t in d.m.tokens[s2]
            if t.fact >= 0
            and d.facts[t.fact].kind in ("count", "number")
            and d.m.by_fact[t.fact].concept == concept
            and not d.facts[t.fact].is_range
        ]
        if len(found) == 1 and found[0] not in items:
            return found[0]
        if found:
            return -1
    return -1


def _lead_total(d: _Doc, fi: int, lead: frozenset[int]) -> bool:
    """A figure at the top of the story that may stand for the whole its places share: in the
    headline or the first sentences of the lead, of a counted concept ("deaths", not "people"), exact
    or a lower bound, not a part, a change or a forecast."""
    m = d.m.by_fact[fi]
    f = d.facts[fi]
    if f.sentence not in lead or f.sentence >= LEAD_TOTAL_SENTENCES or not m.concept or m.concept in d.v.generic:
        return False
    return f.hedge in ("exact", "about", "more than", "at least") and not (
        m.roles & {"part", "another", "each", "forecast", "remainder"}
    )


# Sentences apart that a place's or a division's figure and a whole told outside the lead may stand.
APART_SENTENCES = 8
# Roles that make a figure something other than a level of its own: another group, a share of each.
_NOT_LEVELS = frozenset({"another", "each", "remainder", "part", "forecast"})
# Change roles of a figure that is no level of now: where a change started, its amount, its factor.
_NOT_NOW = frozenset({"from", "stated", "factor", "by", "amount"})
# Words right after a money noun that narrow it to a part told by what it is of ("sales of its new phone").
_NARROWED_BY = frozenset({"of", "from", "outside", "excluding"})
# Words right before a money noun that leave it the holder's whole ("its sales", "on sales", "the sales").
_PLAIN_BEFORE = frozenset({"its", "their", "the", "on", "of", "with", "and", "group", "total", "overall"})
# Words around a source word read for who the source is ("the Red Cross says", "according to the UN").
SOURCE_REACH = 3
# A figure's time told as now: none, "now", "so far", or the current year, month or week ("this year").
_NOW_PERIODS = frozenset({"", "now"})


def _share_of_before(d: _Doc, si: int, pos: int) -> bool:
    """A share word, "of" and a few words of a holder stand before the figure ("one in ten of the
    operator's 24.6 million customers"): the figure is that share's whole."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    for j in range(k - 1, max(0, k - SHARE_OF_REACH) - 1, -1):
        if words[j] == "of":
            prev = d.fact_at(si, j - 1) if j > 0 else -1
            return prev >= 0 and d.facts[prev].kind in ("share", "percent")
        if d.fact_at(si, j) >= 0:
            return False
    return False


# Tokens between "of" and the whole after a share ("of the operator's 24.6 million").
SHARE_OF_REACH = 4


def _parts_told_apart(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A place's or a holder's division's count and the story's whole of that count, told in other
    sentences, the part before the whole or after it: "relief work in Ostrava, where more than 7,000 people
    were killed" … "the flooding has so far claimed at least 4,500 lives"; "Sales in its generics business
    fell to 7.2bn rupees" … "on sales which slid 5% to 3.9bn rupees". A whole is told of the story as a
    whole: of an event its clause names ("The earthquake has killed"), across the country or "so far", or
    at the top of the story; or, for money a holder's parts add up to, of the holder with no part named.
    Each part is read against the nearest whole of its concept (before it when two are as near), of its
    time (or the part names none) and mood, told by no other source and of no other event.

    Figures are grouped by concept once; each part looks at the wholes of its concept only (linear in the
    figures for a text that tells one whole, as a story does)."""
    in_change = {i for rel in built.get("change", {}).values() for role, i in rel.roles if role in _NOT_NOW}
    # The whole of a share ("almost one in ten of the operator's 24.6 million customers") is no place's part.
    in_change |= {i for rel in built.get("share", {}).values() for role, i in rel.roles if role == "whole"}
    in_change |= _clause_wholes(built)
    in_change |= {fi for si, pos, fi, _ in d.figures(_APART_KINDS) if _share_of_before(d, si, pos)}
    # A part told with its own whole in its clause ("Of the 14 deaths confirmed nationally, nine were in A") is
    # that whole's, not a part of another told apart.
    owned = {
        i
        for rel in built.get("part", {}).values()
        if rel.evidence == "clause"
        for role, i in rel.roles
        if role == "part"
    }
    owned |= {  # "Of the 14 deaths, nine were in A, with four in B and one in C": each is the opener's
        t.fact
        for s, ws in enumerate(d.m.words)
        if ws and ws[0] == "of" and "," in ws[:OPENER_COMMA]
        for t in d.m.tokens[s][ws.index(",") + 1 :]
        if t.fact >= 0
    }
    # A figure told as a part of another ("290 of the appeals") is no whole of a place's count.
    told_parts = {i for rel in built.get("part", {}).values() for role, i in rel.roles if role == "part"}
    lead = _lead_sentences(d)
    parts: dict[str, list[tuple[int, int, int, str]]] = {}
    wholes: dict[str, list[tuple[int, int, int, bool]]] = {}
    for si, pos, fi, f in d.figures(_APART_KINDS):
        m = d.m.by_fact.get(fi)
        if m is None or fi in in_change or m.roles & _NOT_LEVELS:
            continue
        fr = d.m.frame(fi)
        noun = -1
        if f.kind == "money":
            noun, concept = _money_noun(d, si, pos)
            if concept not in d.v.added_money:
                continue
        else:
            concept = fr.concept or m.concept or ""
        if not concept or concept in d.v.generic or concept in d.v.unscoped or fr.mood or fr.part == "part":
            continue
        if is_gap(d, fi) or d.move_size(fi):
            continue  # "three points behind"; "will cut 640 jobs": a move's size, no level with parts
        h = d.hedge_start(si, pos)
        if h > 0 and d.m.words[si][h - 1] == "by":
            continue  # "a result decided by 17 votes", "won by 12 seats": a margin, no level with parts
        where = _market(d, si, noun) if noun >= 0 else ""
        where = where or _part_named(d, si, pos, fi, f.kind == "money")
        if where and fi not in owned:
            parts.setdefault(concept, []).append((si, pos, fi, where))
        elif fi in told_parts:
            continue
        elif noun >= 0:
            if _plain_money(d, si, noun):
                wholes.setdefault(concept, []).append((si, pos, fi, True))
        elif _story_whole(d, si, pos, fi) or _group_told(d, si, pos):
            wholes.setdefault(concept, []).append((si, pos, fi, True))
        elif _lead_total(d, fi, lead):
            wholes.setdefault(concept, []).append((si, pos, fi, False))
    if not parts or not wholes:
        return
    placed: dict[int, dict[str, int]] = {}  # whole → place → its first part
    for concept, members in parts.items():
        told = wholes.get(concept)
        if not told:
            continue
        for ps, ppos, pi, where in members:
            near = [w for w in told if w[0] != ps or d.m.clause_start(ps, ppos) != d.m.clause_start(w[0], w[1])]
            # A holder's sales are one whole wherever the story tells them; a toll is the story's in the lead.
            near = [w for w in near if abs(w[0] - ps) <= APART_SENTENCES or w[0] in lead or where == "division"]
            if not near:
                continue
            ws, wpos, wi, told_whole = min(near, key=lambda w: (abs(w[0] - ps), w[0] > ps, w[1]))
            if (ps, ppos) < (ws, wpos) and (not told_whole or not set(where.split()) - PLACE_WORDS - COMPASS):
                # "A cholera epidemic in Angola has killed 1,200" before a count in the lead: no whole; "90
                # died off the coast of the province" before "72 died in the sinking": the story's own place.
                continue
            if where != "division":
                if abs(ws - ps) > APART_SENTENCES and not _events_in(d, ps) & _events_in(d, ws):
                    continue  # far from the whole, a place's count must name the whole's event again
                if _places_in(d, ws) - _places_in(d, ps) - set(where.split()):
                    continue  # "393 cases in the country", Santiago's: a whole of its own place
            if not _fits_whole(d, (ps, ppos, pi), (ws, wpos, wi), where, told_whole) or d.order_and_stock(pi, wi):
                continue  # "will buy 250 buses" ... "has a fleet of 1,340 buses across the region": no whole of it
            yield Relation("part", (("part", pi), ("whole", wi)), (), "document", (("frame", "scope"),))
            if where != "division" and not _headline(d, ps):
                # (A headline's place, "Floods kill 120 in Ruritania", may be the whole country.)
                placed.setdefault(wi, {}).setdefault(where, pi)
    for wi, found in placed.items():
        if len(found) >= 2:
            # Places told one each are separate parts: together they are at most the whole.
            yield from _scoped_breakdown(d, wi, [(pi, where) for where, pi in found.items()])


def _headline(d: _Doc, si: int) -> bool:
    """Sentence ``si`` is the headline: the first, a line of its own with no full stop."""
    sents = d.view.doc.sentences
    if si != 0 or len(sents) < 2 or sents[0].paragraph == sents[1].paragraph:
        return False
    words = d.m.words[0]
    return not words or words[-1] not in CLAUSE_END


def _places_in(d: _Doc, si: int) -> set[str]:
    """The places a sentence names after "in", "across" or "throughout" ("in Santiago" → santiago)."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    text = d.view.text
    out = set()
    for k in range(len(words) - 1):
        if words[k] in ("in", "across", "throughout") and toks[k + 1].fact < 0:
            w = words[k + 1]
            if text[toks[k + 1].start : toks[k + 1].start + 1].isupper() and w not in d.v.not_names:
                out.add(w.removesuffix("'s"))
    return out


# Kinds a place's or a division's part and its whole are counted in.
_APART_KINDS = frozenset({"count", "number", "money"})


def _part_named(d: _Doc, si: int, pos: int, fi: int, money: bool) -> str:
    """ "division" when the figure's clause names a part of its holder before it ("Sales in its European
    division"), a place's name when it names a place (see ``_scope``, and a place after "in": "in Ostrava,
    where"), else ""; "" too for another place than the story's ("In neighbouring Belvia")."""
    words = d.m.words[si]
    lo = d.m.clause_start(si, pos)
    hi = d.m.clause_end(si, pos)
    if any(words[k] in d.v.elsewhere for k in range(max(0, lo - 1), hi)):
        return ""
    if divided(d, fi):
        return "division"
    fr_scope = d.m.frame(fi).scope
    if fr_scope == "whole":
        return ""  # "across the region": the whole, though "region" may name a place
    if money:
        return ""
    scope = _scope(d, fi)
    if scope == "whole":
        return ""
    if scope and not _placed(d, si, lo, hi, set(scope.split())):
        scope = ""  # "the loss of 1,900 jobs was a blow to the town": no count in the town
    if fr_scope and _other_predicate(d, si, pos, fr_scope):
        fr_scope = ""
    return (
        scope
        or fr_scope
        or _hardest_hit(d, si)
        or _named_alone(d, si, pos, fi)
        or _sibling_place(d, si)
        or _where_named(d, si, pos)
    )


def _other_predicate(d: _Doc, si: int, pos: int, name: str) -> bool:
    """The place named after "in" before the figure belongs to another predicate: "has killed a woman in
    Wisconsin and has made 95 sick" ("and" and a verb stand between the place and the figure)."""
    words = d.m.words[si]
    first = name.split()[0]
    for k in range(pos - 1, 0, -1):
        if words[k] == first and words[k - 1] in ("in", "across", "throughout"):
            between = words[k + 1 : pos]
            return "and" in between and any(d.verb_like(w) for w in between[between.index("and") + 1 :])
    return False


def _where_named(d: _Doc, si: int, pos: int) -> str:
    """ "Aid has reached Kesh, where 520 people died": a figure right after ", where" after a name is that
    place's; else ""."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    k = d.hedge_start(si, pos) - 1
    if k < 2 or words[k] != "where" or words[k - 1] != "," or toks[k - 2].fact >= 0 or words[k - 2] in d.v.not_names:
        return ""
    return words[k - 2] if d.view.text[toks[k - 2].start : toks[k - 2].start + 1].isupper() else ""


# Verbs right after a sentence's opening name that report a count for it ("Shandong has reported five").
_REPORTING = frozenset("reported recorded registered confirmed counted".split())


def _sibling_place(d: _Doc, si: int) -> str:
    """ "Henan province has recorded 15 deaths. Shandong has reported five deaths.": a sentence that opens
    with a name and a verb of reporting, beside a sentence that opens with a place word so, names a place
    too; else ""."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    if len(words) < 3 or toks[0].fact >= 0 or words[0] in d.v.not_names or words[0] in NOT_NAMES:
        return ""
    if not d.view.text[toks[0].start : toks[0].start + 1].isupper():
        return ""
    k = 2 if words[1] in ("has", "have", "had") else 1
    if words[k] not in _REPORTING:
        return ""
    for other in (si - 1, si + 1):
        if 0 <= other < len(d.m.words):
            ow = d.m.words[other]
            j = next((i for i, w in enumerate(ow[:SUBJECT_WORDS]) if w in PLACE_WORDS), -1)
            if 0 < j < len(ow) - 2 and (ow[j + 1] in _REPORTING or ow[j + 2] in _REPORTING):
                return words[0]
    return ""


# Words before a place that make a count the place's ("in the town of Lusk", "across Kesh province").
_PLACE_PREPOSITIONS = frozenset({"in", "at", "across", "throughout", "within", "of"})
# Words back from a place's word or name that its preposition may stand ("in the northern district").
PLACE_BACK = 3


def _placed(d: _Doc, si: int, lo: int, hi: int, named: set[str]) -> bool:
    """A place word or one of ``named`` in the clause follows a preposition of place a few words before it
    or opens the clause ("Henan province has"): the clause counts in that place."""
    words = d.m.words[si]
    for k in range(lo, hi):
        if words[k] not in PLACE_WORDS and words[k].removesuffix("'s") not in named:
            continue
        for j in range(k - 1, max(lo, k - 1 - PLACE_BACK) - 1, -1):
            if words[j] in _PLACE_PREPOSITIONS:
                return True
        if k - lo <= PLACE_BACK:
            return True
    return False


def _toll_after(d: _Doc, si: int, k: int, pos: int) -> bool:
    """Token ``k`` (after a name's "'s") is the figure or a noun of a toll ("Kesh's death toll", "Ohio's 300
    cases"), not another noun ("Ruritania's health ministry counted 310 deaths")."""
    if k == pos:
        return True
    words = d.m.words[si]
    for n in (2, 1):
        c = d.v.concepts.get(" ".join(words[k : k + n]))
        if c:
            return c in d.v.tolls
    return False


def _named_alone(d: _Doc, si: int, pos: int, fi: int) -> str:
    """A name the figure's clause singles out before it: "Rovno alone has reported 520 cases", or, for a
    toll, a name's own ("Kesh's death toll has risen to 3,500"); else ""."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    text = d.view.text
    toll = d.m.frame(fi).concept in d.v.tolls
    for k in range(d.m.clause_start(si, pos), pos):
        w = words[k]
        if toks[k].fact >= 0 or not text[toks[k].start : toks[k].start + 1].isupper() or w in d.v.not_names:
            continue
        if k + 1 < pos and words[k + 1] == "alone":
            return w
        if toll and w.endswith("'s") and w[:-2] not in d.v.not_names and _toll_after(d, si, k + 1, pos):
            return w[:-2]
    return ""


def _hardest_hit(d: _Doc, si: int) -> str:
    """The name a sentence opens with when it tells that place was hit worst ("Ohio has been hit worst by the
    flu", "Kesh, the hardest-hit district,"): the sentence's tolls are that place's; else ""."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    if not words or toks[0].fact >= 0 or words[0] in d.v.not_names or words[0] in NOT_NAMES:
        return ""
    if not d.view.text[toks[0].start : toks[0].start + 1].isupper():
        return ""
    if not any(d.v.hardest_hit.starting_at(words, k) for k in d.v.hardest_hit.starts_in(words)):
        return ""
    return words[0].removesuffix("'s")


def _group_told(d: _Doc, si: int, pos: int) -> bool:
    """The figure's clause tells it of a group of holders before it ("UK airlines carried 100 million
    passengers", "the industry expects"): the whole of what one of them alone is told to do."""
    words = d.m.words[si]
    groups = d.v.holder_groups | _TRADES
    lo = d.m.clause_start(si, pos)
    for k in range(lo, pos):
        if words[k] in groups:
            # Not a group narrowed by a word of its own: "budget airlines", "other banks", "smaller firms".
            before = words[k - 1] if k > lo else ""
            return (
                not before
                or before in _GROUP_BEFORE
                or before in d.v.markets
                or before.endswith("'s")
                or d.m.tokens[si][k - 1].fact >= 0
            )
    return False


def _story_whole(d: _Doc, si: int, pos: int, fi: int) -> bool:
    """The figure is told of the story as a whole: across the country or the region, in total or so far,
    or of an event its clause names before it ("The earthquake has killed")."""
    fr = d.m.frame(fi)
    if fr.scope == "whole" or _scope(d, fi) == "whole" or fr.part == "whole":
        return True
    words = d.m.words[si]
    toks = d.m.tokens[si]
    lo = d.m.clause_start(si, pos)
    noun = (d.m.by_fact[fi].noun or "").split()[-1:] or ["#"]
    for k in range(lo, d.m.clause_end(si, pos) - 1):
        # "has infected 3,000 people in 40 countries": a count spread over places is their whole, told right
        # after its noun ("312 deaths, most in two districts" tells where most were, not the whole's reach).
        if toks[k].fact < 0 or k == pos or words[k + 1] not in _PLACES:
            continue
        over = d.hedge_start(si, k) - 1
        if over > 0 and words[over] in _OVER and (over - 1 == pos or words[over - 1] == noun[0]):
            return True
    # The event stands before the figure with no other amount in its clause but in an aside ("The floods,
    # which hit 14 towns, have displaced 40,000"; not "the outbreak ... with 546 new cases and 31 deaths").
    aside = False
    for k in range(pos - 1, max(-1, pos - 1 - EVENT_REACH), -1):
        other = toks[k].fact
        aside = aside or words[k] == ","
        if k >= lo and other >= 0 and d.facts[other].kind in _APART_KINDS | {"percent"} and not aside:
            break
        if words[k] in d.v.events and (k >= lo - 1 or k < EVENT_SUBJECT_WORDS):
            return True
    # Or after it, as what the count came from: "6,000 people died in the tsunami", "killed by the floods".
    for k in range(pos + 1, min(d.m.clause_end(si, pos), pos + 1 + EVENT_AFTER) - 1):
        if toks[k].fact >= 0:
            break
        if words[k] in _FROM_EVENT:
            j = k + 2 if words[k + 1] == "the" else k + 1
            if j < len(words) and words[j] in d.v.events:
                return True
    return False


# Tokens after a figure read for the event it came from, and the words that tie it ("died in the floods").
EVENT_AFTER = 8
_FROM_EVENT = frozenset({"in", "by", "from", "during"})


# Plural nouns of places, and the words before their count, that spread a figure over places ("in 40
# countries", "across nine states").
_PLACES = frozenset("countries nations states provinces regions districts counties cities towns villages".split())
_OVER = frozenset({"in", "across", "throughout", "over"})
# Tokens back from a figure read for the event its clause tells of (a bounded walk per figure).
EVENT_REACH = 30
# Words at a sentence's start read for the event it tells of ("The floods, which hit on Sunday, have").
EVENT_SUBJECT_WORDS = 4


def _money_noun(d: _Doc, si: int, pos: int) -> tuple[int, str]:
    """The noun an amount is told of, the nearest before it in its clause past any percentage ("on sales
    which slid 5% to 3.9bn rupees" → sales), with its concept; (-1, "") when another amount comes first."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    for k in range(pos - 1, d.m.clause_start(si, pos) - 1, -1):
        other = toks[k].fact
        if other >= 0 and d.facts[other].kind != "percent":
            return -1, ""
        concept = d.v.concepts.get(words[k])
        if concept:
            return k, concept
    return -1, ""


def _market(d: _Doc, si: int, k: int) -> str:
    """The market the money noun at token ``k`` is told for, the word right before it ("UK sales",
    "overseas revenue"), else ""."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    before = words[k - 1] if k > d.m.clause_start(si, k) else ""
    if before in d.v.markets:
        return before
    # "Sales in Europe rose": a name after "in" (not "in the quarter").
    j = k + 2 if k + 2 < len(words) and words[k + 1] == "in" else -1
    if j >= 0 and toks[j].fact < 0 and words[j] not in d.v.not_names:
        if d.view.text[toks[j].start : toks[j].start + 1].isupper():
            return words[j]
    return ""


def _plain_money(d: _Doc, si: int, k: int) -> bool:
    """The money noun at token ``k`` is its holder's whole: no other word before it ("Acme's sales", "on
    sales which fell") and nothing after it that narrows it ("sales of its new phone", "car sales")."""
    words = d.m.words[si]
    lo = d.m.clause_start(si, k)
    if any(words[j] in d.v.other_holders for j in range(lo, d.m.clause_end(si, k))):
        return False  # "Rival Bellco's sales fell to": another holder's
    before = words[k - 1] if k > lo else ""
    after = words[k + 1] if k + 1 < len(words) else ""
    plain = (
        not before
        or before in _PLAIN_BEFORE
        or before in d.v.neutral_modifiers
        or (before.endswith("'s") and before[:1].isalpha())
    )
    return plain and after not in _NARROWED_BY


def _fits_whole(
    d: _Doc, part: tuple[int, int, int], whole: tuple[int, int, int], where: str, told: bool = False
) -> bool:
    """The part may be counted in the whole: one family, the part's time the whole's (or told as now, or, of
    a whole ``told`` as such, none beside "alone"), one holder (a division tied to the whole's holder), one
    event, one source."""
    ps, ppos, pi = part
    ws, wpos, wi = whole
    if not same_family(d.facts[pi], d.facts[wi]):
        return False
    pm, wm = d.m.by_fact[pi], d.m.by_fact[wi]
    lo = d.hedge_start(ws, wpos)
    said = d.m.words[ws]
    if not d.m.frame(wi).period and any(
        w in d.v.fresh_words for w in (*said[max(0, lo - 2) : lo], *said[wpos + 1 : wpos + 2])
    ):
        # "546 new cases reported in the last 24 hours": a fresh day's count, not the whole. New cases
        # told for a quarter or a month ("3,100 new cases in the third quarter") are that period's whole.
        return False
    head = (wm.noun or "").split()[-1:]
    if head and head[0] in _PLACES:
        return False  # "spread to at least 20 states, has killed ...": a count of places, not of the toll
    if (pm.roles | wm.roles) & _NOT_LEVELS or _yearly(d, ps, ppos) or _yearly(d, ws, wpos):
        return False  # "an average of 450 people", "37,000 people die each year": no count of the story's
    if (
        wm.noun
        and pm.noun != wm.noun
        and wm.noun not in d.v.generic
        and d.v.concept(wm.noun) != wm.concept
        and (not pm.noun or d.v.concept(pm.noun) != pm.concept)
    ):
        return False  # "The storm killed 40 children" … "60 people died": the whole counts a group of its own
    pf, wf = d.m.frame(pi), d.m.frame(wi)
    if pf.period != wf.period and not (
        _now(pf.period) and (_now(wf.period) or wf.period.startswith(("--", "Q")) or _since(d, ws, wpos))
    ):
        if told and not pf.period and _alone(d, ps, ppos):
            return _one_event(d, ps, ws) and _one_source(d, ps, ws)  # "Barclays alone lent": the whole's time
        # "In 1998 a storm killed 400 in the province": another time; "the last outbreak, in 1992, with
        # 3,000 cases": the whole's. A whole told for a month or a quarter ("the three months to December")
        # is the story's time.
        return False
    if where == "division":
        if not _tied_to(d, ps, ppos):
            return False
    elif (
        pf.holder
        and wf.holder
        and not same_holder(pf.holder, wf.holder)
        and pf.holder not in where
        and pf.concept not in d.v.tolls
    ):
        return False  # a toll is the event's, whoever its sentence tells of ("Moya donated ... in Thailand")
    if where != "division" and wf.holder and same_holder(where, wf.holder) and pf.concept not in d.v.tolls:
        return False  # "sales in Norvik" against Norvik's: the holder itself, not a place within it
    return _one_event(d, ps, ws) and _one_source(d, ps, ws)


def _alone(d: _Doc, si: int, pos: int) -> bool:
    """The figure's clause singles its holder or place out ("British Airways alone carried")."""
    words = d.m.words[si]
    return "alone" in words[d.m.clause_start(si, pos) : d.m.clause_end(si, pos)]


def _yearly(d: _Doc, si: int, pos: int) -> bool:
    """The figure's clause tells a rate ("37,000 people die each year", "every week")."""
    toks = d.m.tokens[si]
    return any(
        toks[k].fact >= 0 and d.facts[toks[k].fact].kind == "frequency"
        for k in range(d.m.clause_start(si, pos), d.m.clause_end(si, pos))
    )


def _since(d: _Doc, si: int, pos: int) -> bool:
    """The figure's clause counts from a date to now ("has killed 140 people since 2003")."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    return any(
        words[k] == "since" and toks[k + 1].fact >= 0 and d.facts[toks[k + 1].fact].kind in ("year", "date")
        for k in range(d.m.clause_start(si, pos), d.m.clause_end(si, pos) - 1)
    )


def _now(period: str) -> bool:
    """A time told as now: none, "now", "so far", or the current year, month or week ("this year")."""
    return period in _NOW_PERIODS or period.startswith("0 ")


def _tied_to(d: _Doc, si: int, pos: int) -> bool:
    """The division's clause ties it to a holder: "its", "their", "the group's", a name's ("Sales in
    Norvik's paper business"); not to a rival ("at rival Bellco's European arm")."""
    words = d.m.words[si]
    span = range(d.m.clause_start(si, pos), pos)
    if any(words[k] in d.v.other_holders for k in span):
        return False
    return any(words[k] in ("its", "their") or (words[k].endswith("'s") and words[k][:1].isalpha()) for k in span)


def _events_in(d: _Doc, si: int) -> set[str]:
    """The event nouns a sentence names, in one form ("floods", "flooding" → "flood")."""
    out = set()
    for w in d.m.words[si]:
        if w in d.v.events:
            out.add(w.removeprefix("earth").removesuffix("ing").removesuffix("s"))
    return out


def _one_event(d: _Doc, ps: int, ws: int) -> bool:
    """The part's sentence names no event other than the whole's ("The blast killed 12" … "In Kesh
    province, fighting has killed 3,000")."""
    a, b = _events_in(d, ps), _events_in(d, ws)
    return not a or not b or bool(a & b)


def _source_of(d: _Doc, si: int) -> set[str]:
    """Who a sentence's figures are told by: the words around a source word ("the Red Cross says",
    "according to the UN", "officials said"), less small words."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    out: set[str] = set()
    for k in d.v.sources.starts_in(words):
        hit = d.v.sources.starting_at(words, k)
        if hit is None:
            continue
        start = hit[1] if words[k] == "according" else max(0, k - SOURCE_REACH)
        for j in range(start, min(len(words), start + SOURCE_REACH)):
            w = words[j]
            if w[:1].isalpha() and w not in d.v.not_names and w not in d.v.holder_pronouns:
                # A name is kept as written ("Red", "Cross"; not a sentence's first word), others in lower case.
                named = j > 0 and d.view.text[toks[j].start : toks[j].start + 1].isupper()
                out.add(w.capitalize() if named else w)
    return out


def _one_source(d: _Doc, ps: int, ws: int) -> bool:
    """The part and the whole are not told by two sources: the part's is named ("The government says 120
    died … The Red Cross says 300 died in Kesh") and the whole's is another. Officials, the police, a
    spokesman may be anyone's."""
    a = _source_of(d, ps)
    if not any(w != w.lower() for w in a):
        return True
    b = _source_of(d, ws)
    return not b or bool({w.lower() for w in a} & {w.lower() for w in b})
