"""Holders: a total told of a group, and the figures its members are given by name, in the sentences around it.

One reader of "holder: figure" clauses across a window of sentences:

- a total for a group of holders ("The four largest parties took in £8.2m", "the £10.2m given to 12
  parties", "the four biggest banks made £30bn"), and each holder's figure told by its name after it, as a
  list or one sentence each ("Labour was given £4.1m, the Greens £1.6m ...", "Skylane flew 22 million.
  Northjet carried 14 million."), or in the sentence just before when the total's sentence points back
  ("Labour took £5m. That is nearly half of the £10.2m given to 12 parties.");
- a part and "another N" beside it, against the total of the same action told in the sentences before
  ("5,200 posts are to be moved out of the capital ... 3,100 will leave by April and there are plans
  to relocate another 2,600"): one action told with different verbs (``[holders.actions]``).

Both yield a ``breakdown`` judged by ``sum`` (NC205). The named holders may be only some of the group, and
"another N" may not be the last: ``inclusive`` (parts may fall short, never pass), except when a count
of the group ("the three parties") names exactly as many holders as are told. Guards, as vocabulary:
a total of "the other" or "smaller" holders, or of "each"; older ends of changes ("up from £4m"); parts of
another action ("spent" against "received"), another counted thing (votes against seats), another period
or a forecast.

Cost: only sentences holding a group word, or a figure with the "another" role, open a search, and each
search reads a fixed window of sentences.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from numcheck.model import Fact
from numcheck.patterns import View
from numcheck.relations.base import COUNTABLE, FRAME_KINDS, Relation, _Doc, family
from numcheck.relations.lists import _capital, _name_end, names_at
from numcheck.vocab import PhraseTable, _toml, singular

# Sentences after a group's total that its holders' figures may be told in.
HOLDERS_AHEAD = 3
# Sentences before a total that opens on "In all" or "Together" that its holders' figures may be told in.
SUMMED_BACK = 2
# Tokens either side of a total that its group's noun may stand ("the four largest parties took in £8.2m",
# "£11.7m received by 16 political parties").
GROUP_REACH = 8
# Tokens either side of a figure that the word naming its action may stand.
ACTION_REACH = 6
# Sentences before an "another N" that the total of its action may stand (the action must match, so a
# story may tell the total a few paragraphs up).
ANOTHER_BACK = 8
# Words opening a total's sentence that point back at the figure told just before it.
_POINTING = frozenset({"this", "that", "it", "which", "these"})
# Words right before a name that make it a source, a giver or a place ("85 in Swansea", "Across Britain,"),
# not whose figure it is.
_NOT_HOLDER_BEFORE = frozenset({"from", "by", "according", "in", "at", "across"})
# Words after a figure that give it to the name after them ("£4m went to the Greens").
_TO_NAME = frozenset({"to", "for"})
_LOWER = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
_MODEL = re.compile(r"\d[A-Za-z]+\d")
_ANOTHER_WORDS = frozenset({"a", "an", "another", "further", "additional", "extra", "more", "the"})
# Words right before a figure that are no verb to read an action from.
_NOT_VERBS = frozenset(
    "of to in on at for by with from and or but while than about some around nearly almost over under up down".split()
)
_JOINS = frozenset({"while", "whereas", "but", "and", "with"})
_AMOUNTS = frozenset({"count", "number", "money", "percent", "share"})


@functools.cache
def _data() -> tuple[frozenset[str], PhraseTable, PhraseTable, PhraseTable, frozenset[str]]:
    data = _toml("vocab.toml")["holders"]  # groups, not_whole, change_ends, actions, claims
    actions = PhraseTable.build((p, kind) for kind, phrases in data["actions"].items() for p in phrases)
    return (
        frozenset(data["groups"]),
        PhraseTable.build((p, "not") for p in data["not_whole"]),
        PhraseTable.build((p, "end") for p in data["change_ends"]),
        actions,
        frozenset(data["claims"]),
    )


@functools.cache
def _more() -> tuple[PhraseTable, int]:
    data = _toml("vocab.toml")["holders"]
    return PhraseTable.build((p, "together") for p in data["together"]), int(data["group_count_max"])


def _lower_words(view: View) -> frozenset[str]:
    """The words a text writes in lower case somewhere: a capitalised sentence opener that is one of them
    ("Donations rose ...") is a common word, not a name ("Alder bid £900m")."""
    return frozenset(_LOWER.findall(view.text))


def _amount(d: _Doc, fi: int) -> bool:
    """A single amount, not a model's name read as a number ("the 7E7")."""
    f = d.facts[fi]
    return f.kind in COUNTABLE and not f.is_range and f.value is not None and not _MODEL.search(f.text)


def _other_concepts(d: _Doc, a: str, b: str) -> bool:
    """Two figures count different things the vocabulary knows ("votes" and "seats"); a verb read as a noun
    ("received") is no concept here: the actions are compared on their own."""
    known = d.v.concept_names - d.v.generic
    return a in known and b in known and a != b


def _segment(d: _Doc, si: int, pos: int) -> tuple[int, int]:
    """The tokens that tell of the figure at ``pos``: its clause, cut at the sentence's other amounts."""
    toks = d.m.tokens[si]
    a, b = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    for k in range(pos - 1, a - 1, -1):
        if toks[k].fact >= 0 and d.facts[toks[k].fact].kind in _AMOUNTS:
            a = k + 1
            break
    for k in range(pos + 1, b):
        if toks[k].fact >= 0 and d.facts[toks[k].fact].kind in _AMOUNTS:
            b = k
            break
    return a, b


def action_table() -> PhraseTable:
    """The phrases of ``[holders.actions]``, each to its action."""
    return _data()[3]


@functools.cache
def action_kin(action: str) -> frozenset[str]:
    """The actions one set may be told by ("withdraw 14 routes" ... "the routes being scrapped"): the action's
    group of ``[holders] action_kin``, else the action alone."""
    for group in _toml("vocab.toml")["holders"]["action_kin"]:
        if action in group:
            return frozenset(group)
    return frozenset({action})


def action_of(d: _Doc, si: int, pos: int) -> str:
    """The action the figure at ``pos`` is told of ("received", "will leave", "relocate another"): the
    nearest phrase of ``[holders.actions]`` in its segment, either side; "" when none."""
    words = d.m.words[si]
    actions = _data()[3]
    a, b = _segment(d, si, pos)
    stop = False  # "9,000 jobs were cut while 5,200 were moved": a joining word ends what is told before
    after = True  # "Alder bid £900m, Birch offered £700m": a comma or a name ends what is told after
    for step in range(1, ACTION_REACH + 1):
        k = pos - step
        stop = stop or (k >= a and words[k] in _JOINS)
        if k >= a and not stop:
            hit = actions.starting_at(words, k)
            if hit and hit[1] <= pos:
                return hit[0]
        k = pos + step
        after = after and k < b and words[k] != "," and not _capital(d, d.m.tokens[si][k])
        if after:
            hit = actions.starting_at(words, k)
            if hit and hit[1] <= b:
                return hit[0]
    return ""


def _older_end(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is the older end of a change or a comparison ("up from £4m", "than 2,000")."""
    words = d.m.words[si]
    start = d.hedge_start(si, pos)
    hit = _data()[2].ending_at(words, start)
    if hit is None:
        return False
    # "ahead of Northjet with 2.1 million", "Labour on 38%": a name right before "with"/"on" holds the figure.
    k = hit[1]
    return not (start - k == 1 and k > 0 and words[k] in ("with", "on") and _capital(d, d.m.tokens[si][k - 1]))


def holder_of(d: _Doc, si: int, pos: int) -> str:
    """The name a figure is given to in its own segment: the first name before it ("Skylane flew over
    22 million", "the Greens £2.1m", "while the Reform party was given nearly £2m"), else the
    name after "to"/"for" right after it ("£4m went to the Greens"); "" when none. A sentence's first word
    is a name only when the text capitalises it elsewhere or a verb follows it; names of a source or a
    giver ("from Lord Bell", "according to the commission") are passed over."""
    words, toks = d.m.words[si], d.m.tokens[si]
    not_names = d.v.not_names
    a, b = _segment(d, si, pos)
    k = a
    while k < pos:
        if toks[k].fact >= 0 or not _capital(d, toks[k]) or words[k] in not_names or not words[k][:1].isalpha():
            k += 1
            continue
        end = _name_end(d, toks, words, k)
        prev = words[k - 1] if k else ""
        if prev == "the" and k > 1:
            prev = words[k - 2]
        if prev in _NOT_HOLDER_BEFORE or (prev == "to" and k > 1 and words[k - 2] == "according"):
            k = max(end, k + 1)
            continue
        if k == 0 and end == 1 and not _first_word_name(d, si):
            k += 1
            continue
        return " ".join(w.removesuffix("'s") for w in words[k:end])
    j = pos + 1
    if j < b and words[j] in ("went", "goes", "go", "going"):
        j += 1
    if j + 1 < b and words[j] in _TO_NAME:
        j += 1 + (words[j + 1] == "the")
        end = _name_end(d, toks, words, j)
        if end > j and words[j] not in not_names:
            return " ".join(words[j:end])
    return ""


def _first_word_name(d: _Doc, si: int) -> bool:
    words = d.m.words[si]
    w = words[0]
    if w in d.v.concepts or w in d.v.not_names:
        return False
    if w in d.m._mid_names() or w.removesuffix("'s") not in d.view.memo("holders-lower", _lower_words):
        return True
    return len(words) > 1 and (
        d.verb_like(words[1])
        or words[1] in ("was", "were", "has", "had", "is")
        or bool(_data()[3].starting_at(words, 1))
    )


def _group_at(d: _Doc, si: int, pos: int) -> tuple[int, int] | None:
    """The group noun told in the clause of the total at ``pos`` (token), with the count of the group before
    it ("the three parties" → 3; 0 when no count), else None; None too when the clause makes the total some
    other holders' or each holder's ("the other parties", "each")."""
    groups, not_whole = _data()[:2]
    words, toks = d.m.words[si], d.m.tokens[si]
    a = max(d.m.clause_start(si, pos), pos - GROUP_REACH)
    b = min(d.m.clause_end(si, pos), pos + 1 + GROUP_REACH)
    found: tuple[int, int] | None = None
    for k in range(a, b):
        if not_whole.starting_at(words, k):
            return None
        w = words[k].removesuffix("'")
        if found is None and toks[k].fact < 0 and (w in groups or _counted_group(d, si, k, pos)):
            count = 0
            for j in (k - 1, k - 2):
                if j >= 0 and toks[j].fact >= 0 and j != pos:
                    f = d.facts[toks[j].fact]
                    if f.kind in ("count", "number") and f.value is not None and not f.is_range:
                        count = int(f.value) if f.value == f.value.to_integral_value() else 0
                    break
            found = (k, count)
    return found


def _claimed(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is what its holder says or reckons ("Labour said it had received £6m")."""
    words = d.m.words[si]
    a = d.m.clause_start(si, pos)
    return any(w in _data()[4] for w in words[max(a, pos - ACTION_REACH) : pos])


def _counted_group(d: _Doc, si: int, k: int, pos: int) -> bool:
    """Token ``k`` is a plural noun of holders counted right before it ("the two airlines", "five big
    lenders"): a noun that stands for a holder (``[frames.holders] nouns``), not the total itself."""
    words, toks = d.m.words[si], d.m.tokens[si]
    w = words[k]
    if not w.endswith("s") or w.endswith("ss") or singular(w) not in d.v.holder_nouns:
        return False
    for j in (k - 1, k - 2):
        if j < 0 or j == pos:
            return False
        fi = toks[j].fact
        if fi >= 0:
            f = d.facts[fi]
            return f.kind in ("count", "number") and f.value is not None and 2 <= f.value <= _more()[1]
        if not words[j].isalpha():
            return False
    return False


def _named_group(d: _Doc, si: int, pos: int) -> frozenset[str]:
    """The holders a total's clause names before it and gathers by a word of ``together`` ("Labour, the
    Greens and Reform received £9.5m between them"), else an empty set."""
    words = d.m.words[si]
    a, b = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    if not _together_in(words[a:b]):
        return frozenset()
    toks = d.m.tokens[si]
    k = a
    while k < pos:
        if toks[k].fact < 0 and _capital(d, toks[k]) and (k == 0 or not _capital(d, toks[k - 1])):
            names = names_at(d, si, k)
            if len(names) >= 2 and names[-1].end <= pos:
                return frozenset(
                    " ".join(w.removesuffix("'s") for w in words[e.start : e.end] if w != "the") for e in names
                )
        k += 1
    return frozenset()


def _names_in(d: _Doc, si: int, a: int, b: int) -> set[str]:
    words, toks = d.m.words[si], d.m.tokens[si]
    out: set[str] = set()
    k = a
    while k < b:
        if toks[k].fact < 0 and _capital(d, toks[k]) and words[k] not in d.v.not_names:
            end = _name_end(d, toks, words, k)
            out.add(" ".join(w.removesuffix("'s") for w in words[k:end]))
            k = max(end, k + 1)
        else:
            k += 1
    return out


def _fits(d: _Doc, total: int, part: int, total_action: str, action: str, mood: str) -> bool:
    """The part counts what the total counts, for the same time and mood, by the same action."""
    if total_action and action and total_action != action:
        return False
    tf, pf = d.m.frame(total), d.m.frame(part)
    if _other_concepts(d, tf.concept, pf.concept):
        return False
    if tf.period and pf.period and tf.period != pf.period:
        return False
    span = _span_told(d, part)
    if span and span != _span_told(d, total):
        return False  # "has now made £11.9m in ten days" against a weekend's "£8.2m between them"
    return tf.mood == mood


# Words after a figure that tell the span of time it was counted over: "£11.9m in ten days", "over two
# weeks".
_SPAN_WORDS = frozenset({"in", "over", "across", "within"})


def _span_told(d: _Doc, fi: int) -> str:
    """The length of time told right after the figure ("£11.9m in ten days" → "ten days"), else ""."""
    si, k = d.pos_of(fi)
    words = d.m.words[si]
    if k + 2 < len(words) and words[k + 1] in _SPAN_WORDS:
        for j in (k + 2, k + 3):
            g = d.fact_at(si, j)
            if g >= 0:
                return d.facts[g].text if d.facts[g].kind == "duration" else ""
    return ""


def _group_totals(d: _Doc) -> Iterator[Relation]:
    """A total told of a group of holders, against the figures the holders are given by name around it."""
    groups, firsts = _cues()
    counted = _counted_plurals(d)
    for si, words in enumerate(d.m.words):
        said = set(words)
        if said.isdisjoint(groups) and si not in counted and (said.isdisjoint(firsts) or not _together_in(words)):
            continue
        toks = d.m.tokens[si]
        for pos, tok in enumerate(toks):
            ti = tok.fact
            if ti < 0 or not _amount(d, ti) or d.facts[ti].hedge not in ("exact", "about"):
                continue
            if _older_end(d, si, pos) or (pos and words[pos - 1] == "by"):
                continue
            named = _named_group(d, si, pos)
            group = (pos, len(named)) if named else _group_at(d, si, pos)
            if group is None or group[0] - 2 <= pos < group[0]:
                continue  # "the three parties" is the group's count, not its total
            rel = _holders_total(d, si, pos, ti, group[1], named)
            if rel is not None:
                yield rel


@functools.cache
def _cues() -> tuple[frozenset[str], frozenset[str]]:
    """The group nouns (also as plural possessives, "banks'"), and the first words of ``together``: a
    sentence holding none of them, and no count before a holder noun, opens no search."""
    groups = _data()[0]
    firsts = frozenset(p.split()[0] for p in _toml("vocab.toml")["holders"]["together"])
    return groups | frozenset(g + "'" for g in groups), firsts


def _together_in(words: Sequence[str]) -> bool:
    """A phrase of ``together`` is in ``words`` (read as one string: "in" opens many sentences)."""
    text = " " + " ".join(words) + " "
    return any(p in text for p in _together_phrases())


@functools.cache
def _together_phrases() -> tuple[str, ...]:
    return tuple(f" {p} " for p in _toml("vocab.toml")["holders"]["together"])


def _counted_plurals(d: _Doc) -> frozenset[int]:
    """The sentences that count a plural holder noun ("the two airlines", "five big lenders"), found from
    the document's figures in one pass."""
    holders = d.v.holder_nouns
    out: set[int] = set()
    for si, pos, _, _ in d.figures(frozenset({"count", "number"})):
        words = d.m.words[si]
        for j in (pos + 1, pos + 2):
            if j < len(words) and words[j].endswith("s") and singular(words[j]) in holders:
                out.add(si)
    return frozenset(out)


def _clause_counts_other(d: _Doc, si: int, k: int, concept: str) -> bool:
    """The clause of the figure at token ``k`` names a thing of the vocabulary other than ``concept`` and not
    ``concept`` itself ("the South East completed the most homes, 31,200" against vacancies)."""
    known = d.v.concept_names - d.v.generic
    if not concept or concept in d.v.generic:
        return False
    lo = d.m.clause_start(si, k)
    words = d.m.words[si][lo:k]
    said = {c for w in words if (c := d.v.concepts.get(w)) in known}
    return bool(said) and concept not in said and concept not in {singular(w) for w in words}


def _holders_total(
    d: _Doc, si: int, pos: int, ti: int, count: int, named: frozenset[str] = frozenset()
) -> Relation | None:
    like = family(d.facts[ti])
    total_action = action_of(d, si, pos)
    a, b = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    own = frozenset() if named else _names_in(d, si, a, b)
    first = si
    words = d.m.words[si]
    if words and words[0] in _POINTING:
        first = max(0, si - 1)  # "Labour took £5m. That is nearly half of the £10.2m given to 12 parties."
    elif _more()[0].starting_at(words, 0) or (words and words[0] == "overall"):
        first = max(0, si - SUMMED_BACK)  # "... the Greens £1.1m. In all, the parties received £9.5m."
    seen: set[str] = set()
    parts: list[int] = []
    for s2 in range(first, min(len(d.m.tokens), si + 1 + HOLDERS_AHEAD)):
        toks = d.m.tokens[s2]
        last_action = last_mood = ""
        for k, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or fi == ti or d.facts[fi].kind in FRAME_KINDS:
                continue
            if not _amount(d, fi) or family(d.facts[fi]) != like:
                continue
            if _older_end(d, s2, k):
                continue
            holder = holder_of(d, s2, k)
            action = action_of(d, s2, k) or last_action
            mood = d.m.frame(fi).mood or last_mood  # "Germany will put in €300bn, France €250bn"
            if not holder or _claimed(d, s2, k):
                continue
            last_action, last_mood = action, mood
            if holder in own or holder in seen or not _fits(d, ti, fi, total_action, action, mood):
                continue
            if named and holder not in named:
                continue
            if _other_concepts(d, d.m.frame(ti).concept, d.m.frame(fi).concept) or _clause_counts_other(
                d, s2, k, d.m.frame(ti).concept
            ):
                continue  # "members had 31,000 unfilled vacancies ... the South East completed the most homes, 31,200"
            seen.add(holder)
            parts.append(fi)
    if len(parts) < 2 or (count and len(parts) > count):
        return None
    labels = () if count and len(parts) == count else (("inclusive", "yes"),)
    roles = (("total", ti),) + tuple(("item", i) for i in parts)
    return Relation("breakdown", roles, (), "document", labels)


def _another_of_action(d: _Doc) -> Iterator[Relation]:
    """ "5,200 posts are being moved out of the capital ... About 3,100 will leave by April and there are
    plans to relocate another 2,600": a first part and "another N" beside it (in its sentence, or closing the
    sentence before when "Another N" opens its own), against the nearest figure before of the same family
    told of the same action (one action, different verbs), larger than both. "Another" may not be the last
    part: the parts may fall short of the total, never pass it. An action the vocabulary does not know is
    read as the stem of the verb before the figure ("planted 32,000 ... plant an additional 20,000")."""
    for si, pos, fi, f in d.figures(COUNTABLE):
        m = d.m.by_fact.get(fi)
        if m is None or "another" not in m.roles:
            continue
        first = _first_part(d, si, pos, fi)
        if first < 0:
            continue
        fsi, fpos = d.pos_of(first)
        own, told = _action_or_stem(d, si, pos), _action_or_stem(d, fsi, fpos)
        action = own or told
        if not action or (told and told != action):
            continue
        top = max(f.value or Decimal(0), d.facts[first].value or Decimal(0))
        total = _action_total(d, fsi, fpos, f, action, top)
        if total < 0 or not _later_fits(d, total, first, fi):
            continue
        roles = (("total", total), ("item", first), ("item", fi))
        yield Relation("breakdown", roles, (), "document", (("inclusive", "yes"),))


def _action_or_stem(d: _Doc, si: int, pos: int) -> str:
    """The figure's action (``action_of``), else the stem of the verb right before it in its segment
    ("planted 32,000" → "v:plant"), else ""."""
    got = action_of(d, si, pos)
    if got:
        return got
    words = d.m.words[si]
    a, _ = _segment(d, si, pos)
    k = d.hedge_start(si, pos) - 1
    while k >= a and words[k] in _ANOTHER_WORDS:
        k -= 1
    if k < a or not words[k].isalpha() or words[k] in _NOT_VERBS:
        return ""
    w = words[k]
    for end in ("ing", "ed", "es", "s"):
        if w.endswith(end) and len(w) - len(end) >= 3:
            w = w[: -len(end)]
            break
    return "v:" + w.removesuffix("e")


def _later_fits(d: _Doc, total: int, *parts: int) -> bool:
    """Parts told as still to come ("plans to relocate another 2,600", "will be moved in 2026") may belong
    to a total told as planned, not to one already done ("cut 900 jobs last year")."""
    tf = d.m.frame(total)
    done = tf.period == "past" or tf.period.startswith("-")
    for part in parts:
        pf = d.m.frame(part)
        if _other_concepts(d, tf.concept, pf.concept):
            return False
        later = pf.mood == "forecast" or pf.period == "future"
        if (done and later) or (tf.period.isdigit() and pf.period.isdigit() and tf.period != pf.period):
            return False
    return True


def _first_part(d: _Doc, si: int, pos: int, fi: int) -> int:
    """The one figure of the same family before "another N" in its sentence; when "Another N" opens its
    sentence, the last such figure of the sentence before ("350 soldiers would pull out this month.
    Another 400 will be brought home"); else -1."""
    like = family(d.facts[fi])
    toks = d.m.tokens[si]
    found = [
        toks[k].fact
        for k in range(pos)
        if toks[k].fact >= 0 and _amount(d, toks[k].fact) and family(d.facts[toks[k].fact]) == like
    ]
    if not found and si > 0 and d.hedge_start(si, pos) <= 2:
        prev = d.m.tokens[si - 1]
        found = [t.fact for t in prev if t.fact >= 0 and _amount(d, t.fact) and family(d.facts[t.fact]) == like][-1:]
    if len(found) != 1:
        return -1
    fsi, fpos = d.pos_of(found[0])
    if _older_end(d, fsi, fpos) or _held_already(d, fsi, fpos):
        return -1
    return found[0]


def _held_already(d: _Doc, si: int, pos: int) -> bool:
    """The figure at token ``pos`` is a stock already held ("which already has 1,300 staff and will take on
    450 more"): what "more" adds to, no part of a total told before."""
    words = d.m.words[si]
    h = d.hedge_start(si, pos)
    return "already" in words[max(0, h - HELD_REACH) : h]


# Tokens before a figure where "already" makes it a stock held ("already has 1,300", "already employs some").
HELD_REACH = 4


def _action_total(d: _Doc, si: int, before: int, like_f: Fact, action: str, top: Decimal) -> int:
    """The nearest figure before token ``before`` of sentence ``si`` (up to ``ANOTHER_BACK`` sentences
    back) of the family of ``like_f``, told of ``action`` and larger than ``top``, else -1."""
    like = family(like_f)
    for s2, k, fi in d.m.figures_before(si, before, ANOTHER_BACK, None):
        f = d.facts[fi]
        if not _amount(d, fi) or family(f) != like or f.hedge not in ("exact", "about"):
            continue
        if _older_end(d, s2, k) or _action_or_stem(d, s2, k) != action:
            continue
        if s2 == si and "and" in d.m.words[si][k + 1 : before]:
            continue  # "will shut 40 in Wales and 35 in Scotland": the first part's sibling, no total
        m = d.m.by_fact.get(fi)
        if m is not None and m.roles & {"part", "another", "each"}:
            continue
        return fi if (f.value or 0) > top else -1
    return -1
