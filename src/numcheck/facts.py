"""Text → Document: the fact table, every figure with kind, value, hedge, interval and subject.

``extract(text, path)`` blanks markup (``source.prepare``), splits sentences,
asks ``dates.find`` for dates, times, durations and ages, and
``numbers.find`` for numerals and number words, then reads each number in
its context:

* **kind** (see ``model.KINDS``): money (a currency sign, ISO code or word),
  percent / points (``%``, per cent, percent; percentage points, pp), measure
  (a unit from ``data/units.toml``; time units give duration), share ("one
  in five", "two-thirds", "half of"), multiple ("twice", "three times as",
  "doubled"), ordinal ("21st", "third-largest"), vague count ("millions
  of"), count (something counted follows or is named) or number.
* **hedge** (``interval.HEDGES``) from the words before or after the figure
  (``data/hedges.toml``): about, nearly, more than, at least, less than, at
  most, vague; exact otherwise.
* **interval**: ``interval.hedged`` over the value with the step of the last
  written digit, scaled ("5.6 million" → step 100000); a range keeps its two
  ends; a vague plural is open above ("millions of" ≥ 2,000,000).
* **subject**: what is counted, by reading the sentence around the figure:
  the noun phrase after it ("5.6 million refugees", "millions of Syrian
  refugees", "a two-day international conference"); the phrase before "of N"
  ("a pre-flood population of 410,000"); a predicate after it ("6 million
  ... are internally displaced"); "as X" later in the clause ("forced 5.6
  million to leave as refugees"); a past-tense verb right before it
  ("wounded more than a million").
* **markers** (words rules read), any of:
  ``another`` ("another", "a further", "an additional", "additional", "other"
  right before the figure: a figure disjoint from those before it);
  ``rest`` ("the rest", "the remaining"); ``from`` / ``to`` / ``by`` (the
  word right before the figure: endpoints and size of a change); ``rise`` /
  ``fall`` (a verb of change earlier in the same clause: rose, grew, fell,
  cut, ...); ``total`` ("a total of", "in total", "total"); ``each`` ("a
  share", "each", "per head" after the figure); ``change`` (on "doubled",
  "tripled", "halved": a multiple that states a change); ``of`` (the figure
  is followed by "of", e.g. "6 million of Syria's 23 million").

Not figures: identifiers that contain digits ("resolution 2254", "Article
50", "Boeing 747", "G7", "4G", "COVID-19"), section and page references,
list markers, and what ``numbers`` already skips (versions, phone numbers,
ISBNs, DOIs). A date/time/duration/age fact from ``dates`` wins over any
number fact it overlaps.

Every fact's ``text`` is ``text[span.start:span.end]`` of the original text.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal, localcontext
from typing import Any

from numcheck import dates, numbers, numwords, source, startcache, units
from numcheck.data import text as read_data
from numcheck.interval import Interval, hedged
from numcheck.model import Document, Fact, Sentence, Source, Span, SpanIndex
from numcheck.numbers import VULGAR, Number
from numcheck.vocab import level_words, past_level_words, without_attributions


def _toml(name: str) -> dict[str, Any]:
    raw = read_data(name)
    return startcache.toml(raw, decimal=True)


_MONEY = _toml("money.toml")
_HEDGES = _toml("hedges.toml")
SIGNS: dict[str, str] = dict(_MONEY["signs"])
CODES: frozenset[str] = frozenset(_MONEY["codes"])
CURRENCY_WORDS: dict[str, str] = dict(_MONEY["words"])
# "kroner" → {"DKK": ("danish", …), "NOK": ("norwegian", …)}: settled by the country the text names.
SHARED_CURRENCY_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    word: {code: tuple(names) for code, names in codes.items()} for word, codes in _MONEY["shared"].items()
}
MINOR: dict[str, str] = dict(_MONEY["minor"])
MINOR_FACTOR: dict[str, Decimal] = {k: Decimal(v) for k, v in _MONEY["minor_factor"].items()}
MINOR_ARTICLE: frozenset[str] = frozenset(_MONEY["article"])
NAMED: dict[str, tuple[Decimal, str | None]] = {
    k.lower(): (Decimal(v["value"]), v.get("unit")) for k, v in _toml("quantities.toml").items()
}
HEDGE_BEFORE: dict[str, str] = dict(_HEDGES["before"])
HEDGE_AFTER: dict[str, str] = dict(_HEDGES["after"])
_OBJECT_VERBS: frozenset[str] = frozenset(_HEDGES["object_verbs"])
_UP_VERBS: frozenset[str] = frozenset(_HEDGES["up_verbs"])
_GO_VERBS: frozenset[str] = frozenset(_HEDGES["go_verbs"])
_SMALL_UP_VERBS: frozenset[str] = frozenset(_HEDGES["small_up_verbs"])
# "from" and the older level after "go up to X" within this many characters of its clause.
GO_FROM_REACH = 32
# How many words an object may take between such a verb and "up to" ("brought the total up to").
UP_OBJECT_WORDS = 4
_SUBJECTS = _toml("subjects.toml")
_LEVEL_VERBS: frozenset[str] = frozenset(_SUBJECTS["level_verbs"])
_AUXILIARIES: frozenset[str] = frozenset(_SUBJECTS["auxiliaries"])
_VERB_LINKS: frozenset[str] = frozenset(_SUBJECTS["verb_links"])
_VERB_PARTICLES: frozenset[str] = frozenset(_SUBJECTS["verb_particles"])


def _alt(words: Iterable[str], flexible: bool = True) -> str:
    out = []
    for w in sorted(words, key=lambda s: (-len(s), s)):
        e = re.escape(w)
        out.append(e.replace(r"\ ", r"[^\S\n]+") if flexible else e)
    return "|".join(out)


_SP = r"[^\S\n]"
# A currency written before the figure; "(" first for accounting negatives.
_SIGN_BEFORE = startcache.compile(
    rf"(?P<paren>\(\s*)?(?:(?<![A-Za-z])(?P<sign>{_alt([s for s in SIGNS if not s[0].isalpha()], False)})"
    rf"|\b(?P<wsign>{_alt([s for s in SIGNS if s[0].isalpha()], False)}|{_alt(CODES, False)}))"
    rf"{_SP}?(?P<neg>[-−])?{_SP}?\Z"
)
_SIGN_AFTER = startcache.compile(
    rf"{_SP}?(?P<sign>{_alt([s for s in SIGNS if not s[0].isascii() or s == '$'], False)})"
)
_CODE_AFTER = startcache.compile(rf"{_SP}(?P<code>{_alt(CODES, False)})\b")
_CUR_WORD_AFTER = startcache.compile(
    rf"(?:{_SP}+|{_SP}*-{_SP}*)(?P<w>{_alt([*CURRENCY_WORDS, *SHARED_CURRENCY_WORDS])})\b", re.I
)
_MINOR_WORDS = sorted((w for w in MINOR if w != "p"), key=len, reverse=True)
_MINOR_AFTER = startcache.compile(
    rf"(?:{_SP}*-{_SP}*|{_SP}+)(?P<w>{'|'.join(w.replace(' ', f'{_SP}+') for w in _MINOR_WORDS)})\b|(?P<p>p)\b", re.I
)
_CENTS_TAIL = startcache.compile(
    rf"(?:{_SP}+and)?{_SP}+(?P<n>\d{{1,2}}|[a-z]+(?:[- ][a-z]+)?)(?:{_SP}+(?:cents?|pence|p)\b)?", re.I
)
# After a fraction word: "of a point", "of a percentage point", " a percentage point" ("half a point").
_POINT_OF = startcache.compile(rf"{_SP}+(?:of{_SP}+)?an?{_SP}+(?:percentage(?:{_SP}+|-))?points?\b", re.I)
_PERCENT_AFTER = startcache.compile(
    rf"(?P<pp>{_SP}*(?:%|per{_SP}?cent|percent){_SP}*(?:-{_SP}*)?points?\b|(?:{_SP}+|{_SP}*-{_SP}*)percentage(?:{_SP}+|{_SP}*-{_SP}*)points?\b|{_SP}?pp\b|{_SP}?ppts?\b)"
    rf"|(?P<pc>{_SP}?%|{_SP}+per{_SP}?cents?\b|{_SP}*-?percent(?:s|age)?\b|{_SP}+pc\b)",
    re.I,
)
# Basis points: hundredths of a percentage point ("a 40-basis-point rise", "cut by 25bps",
# "25 basis points"). Only lower-case "bp": "BP" is "before present" or a company.
# (One way to split the spaces around a hyphen: "\s*-?\s*" was quadratic on a run of spaces.)
_BASIS_AFTER = startcache.compile(rf"{_SP}*(?:-{_SP}*)?(?i:basis)(?:{_SP}*-)?{_SP}*(?i:points?)\b|{_SP}?bps?\b")
_BASIS_POINT = Decimal("0.01")
_HEDGE_AFTER = startcache.compile(rf"(?P<h>{_SP}+(?:or{_SP}+(?:more|so|fewer|less))\b|-?odd\b|\+|-plus\b)", re.I)
_MARKER_NAMES = {
    "another": "another",
    "a further": "another",
    "an additional": "another",
    "additional": "another",
    "other": "another",
    "the rest": "rest",
    "the remaining": "rest",
    "remaining": "rest",
    "a total of": "total",
    "total": "total",
    "from": "from",
    "to": "to",
    "by": "by",
}
_CHANGE_VERB = startcache.compile(
    r"\b(?P<rise>rose|rise[sn]?|rising|increased?|increases|increasing|grew|grow(?:s|n|ing)?|climbed|climbs?|jumped|jumps?"
    r"|soared|surged|gained|up|higher|doubled|tripled|raised|boosted|rebounded|widened)\b"
    r"|\b(?P<fall>fell|falls?|falling|fallen|dropped|drops?|declined|declines?|decreased?|decreases|shrank|shrunk|slumped"
    r"|plunged|slid|down|lower|cut|reduced|lost|halved|slumps?|dipped|dips?|tumbled|sank|narrowed|eased)\b",
    re.I,
)
# "20,000 a year earlier" is a figure of a year before, not 20,000 each year.
_EACH_AFTER = startcache.compile(
    rf"{_SP}+(?:a|per){_SP}+(?:share|head|person|year|day|month|week|hour|barrel|tonne)\b"
    rf"(?!{_SP}+(?:earlier|later|ago|before|after|previously|prior|on|back)\b)|{_SP}+each\b",
    re.I,
)

# Identifier cues: a number right after one of these words names a thing, not a quantity.
_ID_WORDS = frozenset(
    """resolution resolutions article articles section sections sec clause clauses paragraph paragraphs para
    chapter chapters page pages p pp figure fig figs table tables appendix annex rule rules regulation amendment
    schedule item items no nos number flight flights route routes highway interstate platform gate room suite
    apartment flat unit lot bus channel version release model series type class phase act psalm verse line
    row column box exit junction bill docket code ward district batch episode volume vol issue track level
    category grade division tier stage season mark mk pt part step question q""".split()
)
# Capitalised words that do not make the next number an identifier.
_CAP_OK = frozenset(
    """the a an in on at by for of from to and or but about around over under nearly almost some more less
    than just only all its his her their our some another january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday
    wednesday thursday friday saturday sunday between after before since until during if as when while
    with without per up down i we they he she it this that these those there here top last first i'm i've
    i'd i'll we're we've they're you're he's she's it's""".split()
)
_WORD_BEFORE = startcache.compile(r"(?P<w>[A-Za-z][\w'’.&-]*)[^\S\n]*[#:]?[^\S\n]*\Z")
_LIST_MARKER = startcache.compile(r"(?:\A|\n)[^\S\n]*\(?\Z")

# Vague plurals: "millions of", "tens of thousands of", "dozens of".
_VAGUE = startcache.compile(
    rf"(?=[dDsShHtTmMbB])\b(?:(?P<mult>tens|hundreds){_SP}+of{_SP}+)?(?P<w>dozens|scores|hundreds|thousands|millions|billions|trillions)"
    rf"(?={_SP}+(?:of|upon|more|were|are|have|had|died|fled|more)\b)",
    re.I,
)
_VAGUE_LOW = {
    "dozens": Decimal(24),
    "scores": Decimal(40),
    "hundreds": Decimal(200),
    "thousands": Decimal(2000),
    "millions": Decimal(2 * 10**6),
    "billions": Decimal(2 * 10**9),
    "trillions": Decimal(2 * 10**12),
}
_VAGUE_MULT = {"tens": Decimal(10), "hundreds": Decimal(100)}
# "several hundred", "a few thousand", "several hundred thousand": not 100 or 1,000 but a vague multiple.
_FEW_SCALE = startcache.compile(
    rf"(?=[sSaAfF])\b(?P<q>several|a{_SP}+few|few){_SP}+(?P<w>(?:hundred|thousand|million|billion|trillion)(?:{_SP}+(?:thousand|million|billion))?)\b(?![^\S\n]*-)",
    re.I,
)

_MULTIPLE_WORD = startcache.compile(
    r"(?=[tTdDqQhH])\b(?:(?P<twice>twice|thrice)|(?P<verb>doubled|doubling|doubles|tripled|trebled|tripling|quadrupled|halved|halving))\b",
    re.I,
)
# "a threefold rise", "grew fourfold", "a 10-fold increase": a number word or numeral glued to "fold",
# with a change noun after it or a change verb right before it.
_FOLD_WORDS = sorted({*numwords.UNITS, *numwords.TENS}, key=lambda w: (-len(w), w))
_FOLD_NUMBER = rf"(?P<n>{'|'.join(_FOLD_WORDS)}|\d+(?:\.\d+)?)"
_FOLD = startcache.compile(
    rf"(?:\b(?:{'|'.join(numwords.FOLD_VERBS)}){_SP}+)?(?P<m>\b{_FOLD_NUMBER}-?fold)\b"
    rf"(?P<noun>(?={_SP}+(?:{'|'.join(numwords.FOLD_NOUNS)})\b))?",
    re.I,
)
_FOLD_HINT = re.compile("fold", re.I)
_MULTIPLE_VALUE = {
    "twice": Decimal(2),
    "thrice": Decimal(3),
    "doubled": Decimal(2),
    "doubling": Decimal(2),
    "doubles": Decimal(2),
    "tripled": Decimal(3),
    "trebled": Decimal(3),
    "tripling": Decimal(3),
    "quadrupled": Decimal(4),
    "halved": Decimal("0.5"),
    "halving": Decimal("0.5"),
}
# Words after "3 times" / "3-fold" / "3×" that make it a multiple ("three times as many", "2.5× faster").
_TIMES_NEXT = (
    r"as|more|larger|bigger|higher|greater|the|that|than|faster|slower|quicker|less|smaller|lower"
    r"|cheaper|longer|shorter|over|what|its|their"
)
_TIMES_AFTER = startcache.compile(
    rf"(?:{_SP}*(?:-{_SP}*)?(?:times|fold)|×)(?={_SP}+(?:{_TIMES_NEXT})\b|[.,;)]|\Z)",
    re.I,
)
# A glued "x" is a multiple only before a comparison word ("9.1x slower"; not "4x4", "the 5x model").
_X_AFTER = startcache.compile(rf"(?={_SP}+(?:{_TIMES_NEXT})\b)", re.I)
_OVER_GAP = startcache.compile(rf"{_SP}+over{_SP}+\Z")
_CLAUSE_END = startcache.compile(rf"{_SP}*(?:[.,;:!?)]|\Z)")
_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}
_BRACKET_OPEN = startcache.compile(rf"{_SP}?(?P<o>[(\[{{<])(?=[A-Za-zµμ°])")
_SHARE_GAP = startcache.compile(rf"{_SP}+(?:in|out{_SP}+of)(?:{_SP}+every)?{_SP}+\Z", re.I)
_ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th"})


def _ordinal_fits(value: Decimal, suffix: str) -> bool:
    """The suffix is the one English writes after the number: "1st", "12th", "21st", "23rd" (not "16st")."""
    if value != value.to_integral_value():
        return False
    n = int(value)
    want = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return suffix == want


_SINGULAR_DENOMS = frozenset({*(w for w in numwords.FRACTIONS if not w.endswith("s")), *numwords.ORDINALS} - {"half"})
_DETERMINERS = frozenset("the its his her their our my your a an this that whose".split())
# A phrase after one of these says where or when, not what is counted ("cases in the UK").
_PLACE_PREPS = frozenset("in at on across within to".split())
# Words that pick a period out of a run of them ("in the last quarter", "over the past year"): a place
# or time phrase may hold them between its preposition and its noun.
_PERIOD_PICKERS = frozenset("last past previous next first second third fourth final same latest".split())

# Subject reading: words that end a noun phrase.
_STOP = frozenset(
    """to of in on at by for from with and or but as than that which who whom whose where when while if because
    is are was were be been being has have had do does did will would shall should can could may might must
    said says say according after before since until during over under into onto about around between among
    per each a an the this these those there it its their his her our we they he she i you also only just
    more less than so such not no yet still already now then last next this year years month months week weeks
    day days including included include includes up down out off against across through toward towards
    ago annually time times while why how what overnight today yesterday tomorrow tonight apiece instead
    respectively altogether alone almost nearly about around roughly some earlier later although though
    whereas unless compared compares comparing versus vs thanks courtesy""".split()
)
# Words are separated by required spaces so that no word can be split two ways (linear time).
_NP_AFTER = startcache.compile(
    r"[^\S\n]*(?:of[^\S\n]+(?:all[^\S\n]+)?(?:the[^\S\n]+|their[^\S\n]+|its[^\S\n]+)?)?"
    r"(?P<np>[A-Za-z][\w'’-]*(?:[^\S\n]+[A-Za-z][\w'’-]*){0,3})"
)
_WORDS = startcache.compile(r"[A-Za-z][\w'’-]*")
_PREDICATE = startcache.compile(
    rf"[^.;:!?]*?\b(?:are|were|is|was|remain|remained|became|have been|had been)\b{_SP}+(?P<p>[a-z][\w-]*(?:{_SP}+[a-z][\w-]*){{0,2}})"
)
_AS_NOUN = startcache.compile(r"[^.;:!?]*?\bas[^\S\n]+(?P<p>[a-z][\w-]*(?:[^\S\n]+[a-z][\w-]*)?)")
# Searched over the text before a figure, so every start is tried: a phrase starts only where a
# run of word characters starts (skipping its leading digits, "2020s"), and no word or space run
# gives characters back (possessive), or "twenty-twenty-…" is quadratic. Same matches as without.
_OF_BEFORE = startcache.compile(
    r"(?<![\w'’-])(?:(?![A-Za-z])[\w'’-])*+(?P<np>(?:[A-Za-z][\w'’-]*+[^\S\n]++){1,4})of[^\S\n]+\Z"
)
_CLAUSE_BREAK = startcache.compile(r"[,;:()\"“”—]")
_EVENT_PREPS = {
    p: p
    for p in (
        "in",
        "on",
        "since",
        "by",
        "until",
        "from",
        "during",
        "at",
        "in the",
        "on the",
        "since the",
        "by the",
        "until the",
        "from the",
        "during the",
        "at the",
    )
}
_LOWER_WORDS = startcache.compile(r"[a-z]+")
_RISE_WORDS = frozenset(
    """rose rise rises risen rising increase increased increases increasing grew grow grows grown growing
    climbed climb climbs jumped jump jumps soared surged gained up higher doubled tripled raised boosted
    rebounded widened""".split()
)
_FALL_WORDS = frozenset(
    """fell fall falls falling fallen dropped drop drops declined decline declines decrease decreased
    decreases shrank shrunk slumped plunged slid down lower cut reduced lost halved slump slumps dipped
    dip dips tumbled sank narrowed eased""".split()
)
_CHANGE_WORDS = frozenset({"up", "down", "higher", "lower", "cut"})
_RISE_OR_FALL = _RISE_WORDS | _FALL_WORDS  # the words of _CHANGE_VERB
_LETTER_WORD = startcache.compile(r"\b[A-Za-z]+\b")
_VALUE_SLOTS = frozenset(
    {"is", "was", "were", "are", "be", "been", "of", "at", "to", "totalled", "totaled", "reported"}
)
# A plural head noun ends the phrase; "people", "men" and "women" are heads on their own ("300
# people came" counts people), "police" and "staff" often qualify the next noun ("police officers").
# Nouns that end in s but modify the next noun rather than end the phrase ("500 news articles").
_MASS_NOUNS = frozenset("news series species means economics politics physics athletics headquarters".split())
_PLURAL = startcache.compile(r"[a-z][a-z'’-]+[^sui'’]s|[a-z-]*(?:ies|ren|people|men)|[a-z-]+(?:police|staff|cattle)")
_WHEN_KINDS = frozenset({"date", "year", "decade", "weekday", "time", "relative"})
# Lengths of time: a verb before them ("has risen over the past four years") is not said of them.
_SPAN_KINDS = frozenset({"duration", "age", "frequency"})
# The match starts at the window's start or after its last [.;:!?] (where else would the lazy
# prefix have started?), and the word before the preposition is tried only where a run of word
# characters starts, with nothing given back (possessive): the plain form was cubic in a scan
# and quadratic anchored ("1e1e1e…"). Same matches as the plain form.
_EVENT_BEFORE = startcache.compile(
    r"(?<![^.;:!?])(?P<e>[^.;:!?]*?(?<![\w'’-])(?:(?![A-Za-z])[\w'’-])*+[A-Za-z][\w'’-]*+)"
    r"[^\S\n]++(?:in|on|since|by|until|from|during|at)[^\S\n]++(?:the[^\S\n]++)?\Z",
    re.I,
)


def extract(text: str, path: str = "") -> Document:
    """The fact table of ``text``; see the module docstring for what each field holds."""
    clean = source.prepare(text, path)
    sentences = source.split_sentences(clean)
    starts = [s.span.start for s in sentences]
    date_facts: list[Fact] = list(dates.find(clean, sentences))
    nums = numbers.find(clean)
    ctx = _Context(text, clean, sentences, starts)

    facts: list[Fact] = []
    used: list[tuple[int, int]] = []
    facts.extend(_vague(ctx))
    facts.extend(_multiples(ctx, nums))
    facts.extend(_shares(ctx, nums))
    facts.extend(_named(ctx))
    facts.extend(_scores(ctx))
    facts.extend(_positions(ctx))
    used.extend((f.span.start, f.span.end) for f in facts)
    used.extend(_odds(ctx))
    used.sort()
    last_end = 0
    for i, n in enumerate(nums):
        # Numbers already read as part of a fact ("3 dollars 50 cents") or a share/multiple/vague.
        if n.start < last_end or _overlaps_any(Span(n.start, n.end), used):
            continue
        fact = _read(ctx, n, nums[i + 1] if i + 1 < len(nums) else None)
        if fact is not None:
            facts.append(fact)
            last_end = fact.span.end
    facts.extend(_ordinals(ctx, SpanIndex((f.span.start, f.span.end) for f in facts)))
    share_ends = frozenset(f.span.end for f in facts if f.kind == "share")
    facts.extend(_article_ones(ctx, sorted((f.span.start, f.span.end) for f in facts), share_ends))
    # A year the dates module reads on its own ("in 2004") is no end of a range with an amount a
    # thousand times larger: "turnover fell in 2011 to £620m" is not 2,011 to 620 million.
    dated_alone = frozenset((d.span.start, d.span.end) for d in date_facts if d.kind == "year")
    facts = _join_word_ranges(ctx, sorted(facts, key=lambda f: (f.span.start, f.span.end)), dated_alone)
    facts = _join_compounds(ctx, facts)

    # A date/time/duration/age fact wins over any number fact it overlaps, unless the number
    # strictly contains it ("two hundred and two thousand" is not the year 2000; "£2015m" is money).
    by_start = sorted(facts, key=lambda f: f.span.start)
    fact_starts = [f.span.start for f in by_start]
    date_facts = [d for d in date_facts if not _inside_number(d.span, by_start, fact_starts)]
    date_spans = sorted((f.span.start, f.span.end) for f in date_facts)
    kept = [f for f in facts if not _overlaps_any(f.span, date_spans)]
    # dates.find reads the blanked text; a fact's text is always what was written (HTML entities, tags).
    dated = [
        dataclasses.replace(
            f,
            text=text[f.span.start : f.span.end],
            subject=f.subject if f.subject is not None else _subject(ctx, f.span.start, f.span.end, f.kind),
        )
        for f in date_facts
    ]
    merged = _share_of_one(ctx, sorted(kept + dated, key=lambda f: (f.span.start, f.span.end, f.kind)))
    merged = _carry_unit(ctx, merged)
    merged = _carry_list_unit(ctx, merged)
    return Document(source=Source(path, text), sentences=tuple(sentences), facts=tuple(merged), clean=clean)


# Betting odds are a price, not two figures: "priced at 2-1", "the outsider at 8-1", "odds of 5/2", "a 12-1
# shot", "the 3-1 favourite". Their digits make no fact. Words after odds that say so exclude "on" and
# "against", which follow a score ("won 3-1 on aggregate", "voted 5-4 against").
_ODDS = startcache.compile(
    r"\b(?:odds(?:[^\S\n]+of)?|priced[^\S\n]+at|quoted[^\S\n]+at|backed[^\S\n]+at|available[^\S\n]+at"
    r"|offered[^\S\n]+at|went[^\S\n]+off[^\S\n]+at|started[^\S\n]+at|(?:favourites?|outsider|shot)[^\S\n]+at)"
    r"[^\S\n]+(?P<a>\d{1,3}[-–/]\d{1,3})\b"
    r"|(?<![\w.,/:–-])(?P<b>\d{1,3}[-–/]\d{1,3})(?=[^\S\n]+(?:joint[- ]?)?(?:favourites?|shot|outsider|chance)\b)",
    re.I,
)


def _odds(ctx: _Context) -> list[tuple[int, int]]:
    """The spans of betting odds in the text (``_ODDS``): numbers inside them are read as no figure."""
    return [m.span("a") if m.group("a") else m.span("b") for m in _ODDS.finditer(ctx.clean)]


def _inside_number(span: Span, facts: list[Fact], starts: list[int]) -> bool:
    """Whether a number fact strictly contains ``span`` (facts sorted by start)."""
    i = bisect.bisect_right(starts, span.start)
    for f in facts[max(0, i - 4) : i]:
        if f.span.contains(span) and len(f.span) > len(span):
            return True
    return False


def _overlaps_any(span: Span, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_left(spans, (span.end, span.end))
    # Any span starting before our end may overlap; date spans are short, look back a few.
    for j in range(max(0, i - 8), min(len(spans), i + 1)):
        s, e = spans[j]
        if s < span.end and span.start < e:
            return True
    return False


@dataclasses.dataclass(frozen=True, slots=True)
class _Context:
    """One text as the fact readers see it: as written, with markup blanked, and its sentences."""

    text: str
    clean: str
    sentences: Sequence[Sentence]
    starts: list[int]

    def sentence(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def bounds(self, pos: int) -> tuple[int, int]:
        if not self.sentences:
            return 0, len(self.clean)
        s = self.sentences[self.sentence(pos)].span
        return s.start, max(s.end, pos)

    def before(self, pos: int, width: int = 48) -> str:
        start, _ = self.bounds(pos)
        return self.clean[max(start, pos - width) : pos]

    def after(self, pos: int, width: int = 64) -> str:
        _, end = self.bounds(pos)
        return self.clean[pos : min(end, pos + width)]


def _tidy(value: Decimal) -> Decimal:
    """Whole numbers without exponent or trailing zeros (3200000000, not 3.2E+9 or 3200000000.0)."""
    if value.adjusted() >= 34:
        return value  # a numeral of 35+ digits: keep it exactly as Decimal holds it
    if value == value.to_integral_value():
        with localcontext() as c:
            c.prec = 40
            return value.quantize(Decimal(1))
    return value.normalize() if abs(value) >= Decimal("0.001") else value


def _fact(
    ctx: _Context,
    start: int,
    end: int,
    kind: str,
    value: Decimal | None,
    unit: str | None,
    step: Decimal,
    *,
    hedge: str = "exact",
    low: Decimal | None = None,
    high: Decimal | None = None,
    interval: Interval | None = None,
    markers: tuple[str, ...] = (),
    subject: str | None = None,
) -> Fact:
    if interval is None:
        if low is not None and high is not None:
            # A range means its written ends: "10-15" is [10, 15].
            interval = Interval(low, high)
        elif value is not None:
            interval = hedged(value, step, hedge, digits=any(c.isdigit() for c in ctx.clean[start:end]))
        else:
            interval = Interval(None, None)
    tidy = None if value is None else _tidy(value)
    return Fact(
        span=Span(start, end),
        text=ctx.text[start:end],
        kind=kind,
        value=tidy,
        unit=unit,
        hedge=hedge,
        interval=interval,
        subject=subject,
        sentence=ctx.sentence(start),
        markers=markers,
        is_range=low is not None,
    )


# --- hedges and markers --------------------------------------------------------


_TOKENS = startcache.compile(r"[^\s—–]+")
_SYMBOL_HEDGES = ("~", "≈", ">", "<")


def _last_words(table: dict[str, str]) -> frozenset[str]:
    """The final words of a phrase table's keys, for a quick rejection in ``_tail_phrase``."""
    return frozenset(p.split()[-1] for p in table)


def _tail_phrase(
    before: str, table: dict[str, str], last_words: frozenset[str], longest: int = 4
) -> tuple[str, int] | None:
    """The longest phrase of ``table`` that ``before`` ends with (whole words), and where it starts.

    A word lookup over the last few tokens: far cheaper than a regex alternation searched
    at every position of the window.
    """
    if before and before[-1] in _SYMBOL_HEDGES:
        return (before[-1], len(before) - 1) if before[-1] in table else None
    if not before or not before[-1].isspace():
        return None
    # Cheap rejection first: the last word must end some phrase of the table.
    tail = before.rsplit(None, 1)
    if not tail or tail[-1].lower().lstrip("([\"'“‘—-") not in last_words:
        return None
    toks = list(_TOKENS.finditer(before))[-longest:]
    for k in range(len(toks), 0, -1):
        first = toks[-k].group()
        lead = len(first) - len(first.lstrip("([\"'“‘—-"))  # "(about 5", "—some 40"
        phrase = " ".join([first[lead:], *(t.group() for t in toks[-k + 1 :])] if k > 1 else [first[lead:]]).lower()
        if phrase in table:
            return phrase, toks[-k].start() + lead
    return None


_HEDGE_LAST = _last_words(HEDGE_BEFORE)
_MARKER_LAST = _last_words(_MARKER_NAMES)
_EVENT_LAST = _last_words(_EVENT_PREPS)


# A figure joined by a hyphen to a noun and followed by another word ("17-vote council result"): the
# figure names a kind of thing, so "over" before it means "about", not "more than".
_ABOUT_COMPOUND = startcache.compile(rf"-[a-z]+{_SP}+[a-z]")


def _hedge(ctx: _Context, start: int, end: int) -> tuple[str, int, int]:
    """(hedge, start of the hedge words or ``start``, end of a trailing hedge or ``end``)."""
    before = ctx.before(start, 32)
    m = _tail_phrase(before, HEDGE_BEFORE, _HEDGE_LAST)
    hedge, hs, he = "exact", start, end
    if m:
        word = m[0]
        hedge = HEDGE_BEFORE[word]
        hs = start - (len(before) - m[1])
        # "some" is a hedge only before a figure that is not itself a count of years/times
        if word == "over" and ctx.clean[start:end].strip().isdigit() and _looks_like_year(ctx.clean[start:end]):
            hedge, hs = "exact", start
        elif word in _OBJECT_VERBS and _plural_after(ctx.clean, end):
            hedge, hs = "exact", start  # "the Senate passed 12 bills": twelve of them, not more
        elif word == "over" and _ABOUT_COMPOUND.match(ctx.clean, end):
            hedge, hs = "exact", start  # "petition over 17-vote council result": about a result, no bound
        elif word == "over" and _over_across(ctx, hs, end):
            hedge, hs = "exact", start  # "Over 46 league matches they won 27": across them, no bound
        elif word == "up to" and _particle_up(ctx.before(hs, 48)):
            hedge, hs = "exact", start  # "pushed rates up to 2.25%": the level reached
        elif word == "up to" and _small_move_up(ctx.before(hs, 24)):
            hedge, hs = "exact", start  # "it edged up to 4.4%": the level reached
        elif word == "up to" and _gone_up_from(ctx, hs, end):
            hedge, hs = "exact", start  # "will go up to £1,823 a year from £1,749": the level reached
    a = _HEDGE_AFTER.match(ctx.clean, end)
    if a and hedge == "exact":
        word = a.group("h").strip().lower()
        word = re.sub(r"\s+", " ", word)
        key = word if word in HEDGE_AFTER else word.lstrip("-")
        if key in HEDGE_AFTER:
            hedge = HEDGE_AFTER[key]
    return hedge, hs, he


_FIRST_WORD = startcache.compile(rf"{_SP}+([a-z][a-z'’-]*)")


_WORDS_BEFORE = startcache.compile(r"[A-Za-z][A-Za-z'’-]*")


# "Over N <noun>" opening a sentence and followed by its clause's subject pronoun: "Over 46 league matches
# they won 27", "Over 12 seasons, she scored 140 goals". Up to this many words of the noun phrase.
OVER_NOUN_WORDS = 3
_OVER_SUBJECT = startcache.compile(
    rf"(?:{_SP}+[A-Za-z][A-Za-z'’-]*){{1,{OVER_NOUN_WORDS}}}?,?{_SP}+(?:they|he|she|we|I|you|it)\b"
    rf"(?!{_SP}+(?:said|says|say|added|told|believe|believes|think|thinks)\b)"  # ("Over 40 people, he said, ...")
)


def _over_across(ctx: _Context, hs: int, end: int) -> bool:
    """ "Over" opens the sentence and the figure's noun phrase is followed by the clause's subject: "Over 46
    league matches they won 27" (across the matches), not "Over 40 people were hurt" (more than 40)."""
    start, _ = ctx.bounds(hs)
    if ctx.clean[start:hs].strip() or ctx.clean[hs : hs + 4].lower() != "over":
        return False
    return _OVER_SUBJECT.match(ctx.clean, end) is not None


def _particle_up(before: str) -> bool:
    """Whether the words before "up to" are a verb of the ``up_verbs`` list and its object, with no
    clause break between ("pushed interest rates up to")."""
    tail = re.split(r"[.,;:!?()\[\]\n]", before)[-1]
    words = _WORDS_BEFORE.findall(tail)[-(UP_OBJECT_WORDS + 1) :]
    return any(w.lower() in _UP_VERBS for w in words[:-1])


def _small_move_up(before: str) -> bool:
    """Whether the word right before "up to" is a verb of a small move (``small_up_verbs``): "edged up to",
    "crept up to"."""
    words = _WORDS_BEFORE.findall(before)
    return bool(words) and words[-1].lower() in _SMALL_UP_VERBS and not before.rstrip().endswith(",")


def _gone_up_from(ctx: _Context, hs: int, end: int) -> bool:
    """ "go up to X" with "from" and its older level after X in the clause: a rise to X, no bound."""
    words = _WORDS_BEFORE.findall(ctx.before(hs, 12))
    if not words or words[-1].lower() not in _GO_VERBS:
        return False
    after = re.split(r"[.,;:!?()\n]", ctx.clean[end : end + GO_FROM_REACH])[0]
    return re.search(r"\bfrom\b", after) is not None


def _plural_after(clean: str, end: int) -> bool:
    """Whether a plural noun follows the figure ending at ``end`` ("12 bills")."""
    m = _FIRST_WORD.match(clean, end)
    return m is not None and m.group(1) not in _STOP and _PLURAL.fullmatch(m.group(1)) is not None


def _looks_like_year(s: str) -> bool:
    return len(s) == 4 and "1500" <= s <= "2100"


def _markers(ctx: _Context, start: int, end: int) -> tuple[str, ...]:
    out: list[str] = []
    before = ctx.before(start, 40)
    m = _tail_phrase(before, _MARKER_NAMES, _MARKER_LAST, 3)
    if m is None and len(plain := past_level_words(before)) < len(before):
        m = _tail_phrase(plain, _MARKER_NAMES, _MARKER_LAST, 3)  # "from the previous 1,715": "from"
    if m:
        out.append(_MARKER_NAMES[m[0]])
    sent_start, _ = ctx.bounds(start)
    # The clause before the figure, at most 160 characters back: a verb of change further
    # away does not govern it, and the bound keeps a sentence of 10^5 figures linear.
    clause = ctx.clean[max(sent_start, start - 160) : start]
    cut = max(clause.rfind(","), clause.rfind(";"))
    clause = clause[cut + 1 :]
    # The last verb of change in the clause, by word lookup (a regex alternation searched at
    # every character costs ten times more here, once per figure).
    for w in reversed(_LOWER_WORDS.findall(clause.lower())):
        if w in _RISE_WORDS:
            out.append("rise")
            break
        if w in _FALL_WORDS:
            out.append("fall")
            break
    after = ctx.clean[end : end + 24]
    if re.match(rf"{_SP}+of\b", after):
        out.append("of")
    if re.match(rf"{_SP}+in{_SP}+total\b", after) and "total" not in out:
        out.append("total")
    if _EACH_AFTER.match(ctx.clean, end):
        out.append("each")
    return tuple(dict.fromkeys(out))


# --- subjects -------------------------------------------------------------------


def _np(words: list[str]) -> str | None:
    out: list[str] = []
    for i, w in enumerate(words):
        lw = w.lower()
        if not out and i + 1 < len(words) and words[i + 1] in dates.COUNTED_COMPOUNDS.get(w, ()):
            out.append(w)  # "day tickets": a time word naming a kind of the noun
            continue
        if lw in _STOP or lw in numwords.UNITS or lw in numwords.TENS or lw in numwords.SCALES:
            break
        if out and lw.endswith("ing"):  # "conference regarding", "people living": a new clause
            break
        out.append(w)
        if _PLURAL.fullmatch(lw) and lw not in _MASS_NOUNS:  # "fans queued": the head noun ends the phrase
            break
        if len(out) == 4:
            break
    # A noun phrase should not end on a word that starts the next clause ("refugees fled").
    while out and out[-1].lower().endswith("ed") and len(out) > 1:
        out.pop()
    return " ".join(out) if out else None


# Characters before a figure read for what it counts ("the number of deaths was").
SUBJECT_BEFORE = 60
# Characters an attribution told as an aside may add to them (", according to figures released on Tuesday,").
ASIDE_CHARS = 80


def _subject(ctx: _Context, start: int, end: int, kind: str) -> str | None:
    """What the figure counts, read from the sentence around it (see module docstring)."""
    s_start, s_end = ctx.bounds(start)
    after = ctx.clean[end : min(s_end, end + 80)]
    if kind in _WHEN_KINDS:
        # "Russia joined the war in September 2015": the event the date is the time of.
        window = ctx.clean[max(s_start, start - 60) : start]
        w = _EVENT_BEFORE.search(window) if _tail_phrase(window, _EVENT_PREPS, _EVENT_LAST, 2) else None
        if w:
            words = _WORDS.findall(_CLAUSE_BREAK.split(w.group("e"))[-1])
            return " ".join(words[-4:]) if words else None
        return None
    clause_after = _CLAUSE_BREAK.split(after, 1)[0]
    partitive = kind != "vague" and re.match(r"[^\S\n]+of\b", after) is not None
    # 1. The noun phrase right after ("5.6 million refugees", "millions of Syrian refugees").
    #    "6 million of the population are displaced" is a part: its predicate says what it counts.
    if partitive:
        p = _PREDICATE.match(clause_after)
        if p:
            words = [w for w in p.group("p").split() if w.lower() not in _STOP]
            if words:
                return " ".join(words[:3])
    m = _NP_AFTER.match(after)
    if m and not re.match(r"[^\S\n]*[,;:.()]", after):
        np = _np(_WORDS.findall(m.group("np")))
        if np:
            return np
    lo = max(s_start, start - SUBJECT_BEFORE)
    if lo > s_start and ctx.clean[lo - 1].isalnum():
        lo = ctx.clean.find(" ", lo, start) + 1 or start  # a word cut by the window is no word
    before = ctx.clean[lo:start]
    if before.count(",") >= 2 or lo > s_start:
        # "Sales at the chain, according to figures released on Tuesday, reached": the window is read
        # without the attribution, as wide as it would be without it.
        wide = ctx.clean[max(s_start, start - SUBJECT_BEFORE - ASIDE_CHARS) : start]
        bare = without_attributions(wide)
        if bare != wide:
            before = bare[-SUBJECT_BEFORE:]
            if len(bare) > SUBJECT_BEFORE and bare[-SUBJECT_BEFORE - 1].isalnum():
                before = before[before.find(" ") + 1 :]
    # 2. "a pre-flood population of 410,000": the phrase before "of".
    ob = _OF_BEFORE.search(before) if before.endswith(("of ", "of\u00a0")) else None
    if ob:
        words = _WORDS.findall(ob.group("np"))
        while words and (
            words[0].lower() in _STOP or words[0][0].isupper() and len(words) > 1 and words[0].lower() in _CAP_OK
        ):
            words = words[1:]
        tail: list[str] = []
        for w in reversed(words):
            if w.lower() in _STOP or any(ch.isdigit() for ch in w):
                break
            tail.insert(0, w)
        if tail:
            return " ".join(tail)
    clause = before[max(before.rfind(","), before.rfind(";"), before.rfind("("), before.rfind(")")) + 1 :]
    # 3. A verb of level or change right before: "the toll stood at 186", "ticket sales reached
    #    25,000", "the number of deaths was 2,315", "the death toll has risen to 73".
    said = _verb_subject(clause) if kind not in _SPAN_KINDS else None
    if said:
        return said
    # 4. What changed: "quarterly profits rose 76% to $1.13bn", "revenues grew 6.4%".
    # The last change word (a set lookup per word: the alternation regex costs ~1 µs a character).
    verb = None
    for w in _LETTER_WORD.finditer(clause if kind not in _SPAN_KINDS else ""):
        if w.group().lower() in _RISE_OR_FALL:
            verb = w
    if verb:
        head = _WORDS.findall(clause[: verb.start()])
        picked = _head_before(head)
        if picked:
            return picked
    # 5. A predicate: "6 million of ... are internally displaced".
    p = _where_predicate(clause_after)
    if p:
        words = [w for w in p.group("p").split() if w.lower() not in _STOP]
        if words:
            return " ".join(words[:3])
    # 6. "... to leave the country as refugees".
    a = _AS_NOUN.match(after)
    if a:
        return a.group("p").split()[0]
    # 7. A past-tense verb right before: "wounded more than a million".
    hb = _tail_phrase(before, HEDGE_BEFORE, _HEDGE_LAST)
    cut = (before[: hb[1]] if hb else before).rstrip(", ").split()
    if (
        cut
        and kind in ("count", "number")
        and re.fullmatch(r"[a-z]{3,}(?:ed|ing)", cut[-1])
        and cut[-1] not in _LEVEL_VERBS
    ):
        return cut[-1]
    return None


# Prepositions that open a predicate telling where or among whom a figure falls ("were in children",
# "were among staff"): what follows is no name of what the figure counts.
_WHERE_PREDICATE = frozenset({"in", "among", "amongst"})


def _where_predicate(clause_after: str) -> re.Match[str] | None:
    """The predicate after a figure ("are internally displaced"), unless it tells where the figure falls:
    "Another 70 were in children" counts no children, "187 of the cases were in children" counts cases."""
    p = _PREDICATE.match(clause_after)
    if p is None or p.group("p").split()[0].lower() in _WHERE_PREDICATE:
        return None
    return p


def _head_before(words: list[str], place: bool = True) -> str | None:
    """The noun phrase that ends ``words``, past auxiliaries ("the death toll has" → "death toll")
    and past a place or time after it ("cases in the UK had" → "cases", not "UK")."""
    i = len(words)
    while i and words[i - 1].lower() in _AUXILIARIES:
        i -= 1
    picked: list[str] = []
    j = i - 1
    while j >= 0:
        w = words[j]
        lw = w.lower()
        if lw in _STOP or lw in _CHANGE_WORDS or lw in _AUXILIARIES or any(ch.isdigit() for ch in w):
            break
        picked.insert(0, w)
        if len(picked) == 3:
            break
        j -= 1
    if place and picked and j > 0:
        k = j
        while k >= 0 and (
            words[k].lower() in _DETERMINERS
            or words[k].lower() in _PERIOD_PICKERS
            or any(ch.isdigit() for ch in words[k])
        ):
            k -= 1
        if k > 0 and words[k].lower() in _PLACE_PREPS:
            head = _head_before(words[:k], place=False)
            if head:
                return head
    return " ".join(picked) if picked else None


def _verb_subject(clause: str) -> str | None:
    """What a level or change verb right before the figure is said of ("the toll stood at")."""
    verb_hedge = False
    hb = _tail_phrase(clause, HEDGE_BEFORE, _HEDGE_LAST)
    if hb:
        # "was more than 450": the hedge stands between verb and figure; "tops 450": it is the verb.
        verb_hedge = hb[0] in _LEVEL_VERBS
        clause = clause[: hb[1]]
    words = _WORDS.findall(clause)
    if not verb_hedge:
        if words and words[-1].lower() in _VERB_LINKS:
            words.pop()
            if len(words) > 1 and words[-1].lower() in _VERB_PARTICLES and words[-2].lower() in _LEVEL_VERBS:
                words.pop()  # "came in at", "ended up at"
        if not words or (words[-1].lower() not in _LEVEL_VERBS and words[-1].lower() not in _RISE_OR_FALL):
            return None
        words.pop()
    return _head_before(words)


# --- money, percent, units -----------------------------------------------------


_POUNDS = _MONEY["pounds"]
_POUNDS_MONEY = startcache.compile(rf"\b(?:{_alt(_POUNDS['money'])})", re.I)
_POUNDS_WEIGHT = startcache.compile(
    rf"\b(?:{_alt([w for w in _POUNDS['weight'] if w != 'pounds of'])})|\bpounds?{_SP}+of{_SP}+(?!(?:{_alt(_POUNDS['of_money'])})\b)",
    re.I,
)
_POUNDS_DECIMAL = startcache.compile(r"\.\d\d\Z")
# Money in pounds told elsewhere in the text: a sign, pence, sterling, a scaled "3m pounds".
_POUNDS_TEXT = startcache.compile(
    rf"£|\bpence\b|\bsterling\b|\d{_SP}*(?:bn|m|million|billion){_SP}+pounds\b|\bpounds{_SP}+sterling\b", re.I
)
_POUNDS_FIGURE = startcache.compile(rf"\d{_SP}+pounds\b", re.I)


def _pounds_money(ctx: _Context, start: int, end: int) -> bool:
    """ "N pounds" with no scale word is money when its sentence says money and no weight ("raised 9,000
    pounds"), or says neither and the text tells money in pounds elsewhere and no weight (words as data,
    money.toml `[pounds]`); "weighed 200 pounds" stays a weight."""
    s, e = ctx.bounds(start)
    sentence = ctx.clean[s:e]
    if _POUNDS_WEIGHT.search(sentence):
        return False
    if _POUNDS_MONEY.search(sentence) or _POUNDS_DECIMAL.search(ctx.clean[start : end - len("pounds")].rstrip()):
        return True
    if any(
        _POUNDS_WEIGHT.search(ctx.clean[a:b])
        for a, b in (ctx.bounds(m.start()) for m in _POUNDS_FIGURE.finditer(ctx.clean))
    ):
        return False  # a text that weighs in pounds anywhere: no guess
    if _POUNDS_TEXT.search(ctx.clean):
        return True
    for m in _POUNDS_FIGURE.finditer(ctx.clean):
        a, b = ctx.bounds(m.start())
        if (a, b) != (s, e) and _POUNDS_MONEY.search(ctx.clean[a:b]):
            return True
    return False


def _currency_word(clean: str, word: str) -> str | None:
    """The ISO code of a currency word after a figure; for a word several countries share ("kroner",
    "pesos"), the code of the first of those countries the text names, else the word's plain code if it has
    one ("pesos" are Mexico's), else None."""
    if word not in SHARED_CURRENCY_WORDS:
        return CURRENCY_WORDS[word]
    first: tuple[int, str] | None = None
    for code, names in SHARED_CURRENCY_WORDS[word].items():
        for m in re.finditer(rf"\b(?:{'|'.join(names)})\b", clean, re.I):
            if first is None or m.start() < first[0]:
                first = (m.start(), code)
            break
    return first[1] if first else CURRENCY_WORDS.get(word)


def _currency_before(ctx: _Context, start: int) -> tuple[str, int, bool, bool] | None:
    """(ISO code, start of the sign, accounting bracket, minus between sign and digits)."""
    window = ctx.clean[max(0, start - 8) : start]
    m = _SIGN_BEFORE.search(window)
    if not m:
        return None
    tok = m.group("sign") or m.group("wsign")
    code = SIGNS.get(tok) or ("CNY" if tok == "RMB" else tok)
    sign_start = start - len(window) + m.start("sign" if m.group("sign") else "wsign")
    return code, sign_start, bool(m.group("paren")), bool(m.group("neg"))


_MILLION_M = _toml("million_m.toml")
_M_METRE_WORDS = frozenset(_MILLION_M["metre_words"])
_M_DIMENSION = frozenset(_MILLION_M["dimension_words"])
_M_PLURAL_VERBS = frozenset(_MILLION_M["plural_verbs"])
_M_COUNTED_PARTICIPLES = frozenset(_MILLION_M["counted_participles"])
_M_TIME_PLURALS = frozenset({"years", "months", "weeks", "days", "hours"})
# Up to three words after the "m", on the same line, with nothing but spaces between them.
_M_WORDS = startcache.compile(rf"(?:{_SP}+[A-Za-z][\w&'’.-]*){{1,3}}")
_M_CLAUSE_WORDS = frozenset("and or to from in on at a an the last this by with against".split())
# Sorted: a set's order changes from run to run, and so would the pattern (whole words, so
# the order of the alternatives does not change what matches).
_M_CLAUSE_END = startcache.compile(
    rf"{_SP}*(?:[,;:.!?()]|{_SP}(?:{'|'.join(sorted(_M_CLAUSE_WORDS, key=lambda w: (-len(w), w)))})\b|\Z|\n)"
)
# Another figure in millions near a clause-final "m": "million", "bn", money with "m".
_MILLIONS_NEAR = startcache.compile(
    r"\b(?:million|billion|trillion|mln|bln)s?\b|\d(?:bn|tn|mn)\b|(?:[£$€¥₹]|\b[A-Z]{3}\b ?)\d[\d.,]*m\b|\d(?:\.\d+)?m(?=[^\S\n]+\S)"
)


# What stands between money in millions and a bare "m" figure that is the other end of its change: "£45m,
# up from 20m", "€64m (£55m; $70m), down from 21m", "$9m in 2024 against 7m"; "from 20m to £45m".
# "up from the previous 20m": the words that name the kind of level (vocab.toml [comparison] older_adjectives).
_LEVEL_WORDS = "|".join(sorted(level_words(), key=lambda w: (-len(w), w)))  # one text on every start
_M_OLDER_END = startcache.compile(
    rf"(?:{_SP}?\([^()\n]{{0,40}}\))?(?:{_SP}(?:in|for|during|over|last|this)\b[^,.;:()\n]{{0,24}}?)?"
    rf",?{_SP}(?:(?:up|down){_SP})?(?:from|against|compared{_SP}(?:with|to)|versus|vs){_SP}(?:(?:about|around|some){_SP})?"
    rf"(?:(?:(?:the|a|an|its|their){_SP})?(?:(?:{_LEVEL_WORDS}){_SP})+)?"
)
_M_NEWER_END = startcache.compile(rf"{_SP}to{_SP}(?:(?:about|around|some){_SP})?")

_MILLION = Decimal(10**6)


# Lower-case scale letters glued to a figure, which the numbers module leaves as a suffix:
# "m" may be metres ("400m") and "b" bits or bytes ("1500b packet"), so the words decide.
_GLUED_SCALE = {"m": _MILLION, "b": Decimal(10**9)}


def _times_million(
    value: Decimal, step: Decimal, low: Decimal | None, high: Decimal | None, factor: Decimal = _MILLION
) -> tuple[Decimal, Decimal, Decimal | None, Decimal | None]:
    """A figure and its precision and range ends with "m" read as million ("£900m", "2-3m votes")
    (or another glued scale ``factor``: "£5b")."""
    if low is not None and high is not None:
        low, high = low * factor, high * factor
    return value * factor, step * factor, low, high


# Words a unit reader may take for a unit that, after "4m", are words of the sentence ("4m in height").
_M_NOT_UNITS = frozenset({"in", "at", "a", "an", "to", "by", "of", "on", "or", "m", "s", "h", "g", "t", "c", "f"})


def _m_noun_after(clean: str, pos: int, start: int | None = None, value: Decimal | None = None) -> bool | None:
    """After "4m" (``pos`` just past the "m"): True for a count or money, False for a length, None if unsure.

    ``start`` (where the figure begins) and ``value`` let a verb right after it decide: "3m voted"
    counts, "a 4m raised bed" and "that 1500m will be" measure."""
    if clean[pos : pos + 1] == "-":
        return False  # "a 4m-high wall", "the 100m-long pier"
    if _CUR_WORD_AFTER.match(clean, pos) or _CODE_AFTER.match(clean, pos):
        return True  # "65m euros", "30m rupees"
    unit = units.match_after(clean, pos)
    if (
        unit is not None
        and unit.start > pos
        and clean[pos : unit.start].strip() == ""
        and clean[unit.start : unit.end].lower() not in _M_NOT_UNITS
    ):
        return True  # "50.5m km", "2.3m tonnes": a unit after the "m" makes it million of that unit
    m = _M_WORDS.match(clean, pos)
    if m is None:
        return None
    fillers = 0
    for i, w in enumerate(m.group().split()):
        lw = w.lower().rstrip(".")
        if i == 0 and lw in _M_CLAUSE_WORDS:
            return None  # "3m to 4.5m units", "8.2m and 31%": the clause decides
        if i == 0 and _subject_of_verb(clean, lw, start, value):
            return True  # "2.8m came from abroad", "4m were left without power"
        if lw in _M_TIME_PLURALS:
            return True  # "1m years ago"
        if lw in ("more", "fewer", "less", "other"):
            continue  # "3m more jobs"
        if lw in _M_DIMENSION or lw in _STOP or lw in _M_METRE_WORDS:
            return False
        if w[0].isupper():
            continue  # a name or an abbreviation: "5m UK voters", "2m PC games"
        if _PLURAL.fullmatch(lw):
            return True  # "9.4m viewers", "3m new Labour members"
        fillers += 1
        if fillers > 1:
            break  # two lower-case words before any plural: a compound, not a count
    return False  # a singular noun or a name: "the 100m champion", "a 4m drop"


# A determiner before the figure makes it a thing named by its length ("the 800m went to form",
# "her 1500m will be", "a 4m raised bed"), never a count that a verb follows.
_DETERMINER_BEFORE = startcache.compile(r"(?i)(?:\b(?:a|an|the|his|her|their|its|my|our|your)|\w['’]s)\s+$")
# Race distances are whole hundreds of metres ("that 1500m will be her event"); a count in
# millions that a verb follows is small or has decimals ("4m were", "2.8m came").
_RACE_LIKE = Decimal(100)


def _subject_of_verb(clean: str, word: str, start: int | None, value: Decimal | None) -> bool:
    """Whether ``word``, right after a glued "m", makes the figure the subject of a plural verb."""
    if word in _M_COUNTED_PARTICIPLES:
        return True  # "the 4.5m sold by its rival", "180m sold": a count traded, never a length
    if value is None or (value >= _RACE_LIKE and value == value.to_integral_value()):
        return False
    if start is None or _DETERMINER_BEFORE.search(clean, max(0, start - 8), start) is not None:
        return False
    return word in _M_PLURAL_VERBS or (len(word) >= 5 and word.endswith("ed"))


def _glued_scale_means_it(ctx: _Context, n: Number, pos: int, letter: str) -> bool:
    """Whether a glued "m" is million (not metres) or a glued "b" billion (not bits or bytes,
    which come before a singular noun: "the 1500b packet")."""
    if letter == "b":
        return _m_noun_after(ctx.clean, pos) is not False
    return _m_is_million(ctx, n, pos)


def _m_is_million(ctx: _Context, n: Number, pos: int) -> bool:
    """Whether "m" glued to ``n`` (no currency sign before it) means million rather than metres."""
    said = _m_noun_after(ctx.clean, pos, n.start, n.value)
    if said is not None:
        return said
    if not _M_CLAUSE_END.match(ctx.clean, pos):
        return False
    # Clause-final ("an audience of 8.2m and ...", "fell 2m barrels to 301.5m."): millions only
    # when a figure in millions stands close by in the same sentence.
    s, e = ctx.bounds(n.start)
    lo, hi = max(s, n.start - 160), min(e, pos + 160)
    for m in _MILLIONS_NEAR.finditer(ctx.clean, lo, hi):
        if m.start() <= n.start < m.end():
            continue  # the figure itself
        if m.group()[-1] != "m" or _m_noun_after(ctx.clean, m.end()):
            return True
        if not m.group()[0].isdigit() and (
            _M_OLDER_END.fullmatch(ctx.clean, m.end(), n.start) or _M_NEWER_END.fullmatch(ctx.clean, pos, m.start())
        ):
            return True  # "£45m, up from 20m", "from 20m to £45m": the other end of a change in money
    return False


def _read(ctx: _Context, n: Number, nxt: Number | None) -> Fact | None:
    clean = ctx.clean
    start, end, value, step = n.start, n.end, n.value, n.step
    low, high = n.low, n.high
    kind: str | None = None
    unit: str | None = None
    suffix = n.suffix

    cur = _currency_before(ctx, start)
    if cur is not None and not n.words or (cur is not None and n.words):
        code, sign_start, paren, neg = cur
        kind, unit = "money", code
        if suffix:
            # "£900m", "$4mn", "$5b": lower-case m after money is million, never metres.
            if suffix not in _GLUED_SCALE:
                return None
            value, step, low, high = _times_million(value, step, low, high, _GLUED_SCALE[suffix])
            end += len(suffix)
            suffix = ""
        start = sign_start
        if neg:
            value = -value
        if paren and clean[end : end + 1] == ")":
            # Accounting brackets mean a negative only where a value is expected ("revenue was
            # (£1.2m)", a table cell); after a noun or figure they gloss it ("a loss (£3.5m)").
            pstart = clean.rfind("(", 0, start + 1)
            lead = clean[max(0, pstart - 12) : pstart].rstrip()
            if not lead or lead.endswith(("|", ":", "=")) or lead.rsplit(None, 1)[-1].lower() in _VALUE_SLOTS:
                value = -abs(value)
                start, end = pstart, end + 1
    elif suffix in _GLUED_SCALE and not n.words and _glued_scale_means_it(ctx, n, end + 1, suffix):
        # "9.4m viewers", "65m euros", "2b users": the news abbreviations, as "4M" and "3B" are.
        factor = _GLUED_SCALE[suffix]
        value, step, low, high = _times_million(value, step, low, high, factor)
        end, suffix = end + 1, ""
        n = dataclasses.replace(
            n, end=end, value=value, step=step, low=low, high=high, scaled=True, factor=factor, suffix=""
        )
    if kind == "money":
        # "$15.4/hour", "£1.50 per litre": a price per unit is a rate, kept apart from amounts.
        per = units.match_per(clean, end)
        if per is not None:
            unit, end = f"{unit} / {per.unit.name}", per.end
    elif (
        n.scaled
        and n.factor == 1000
        and clean[n.end - 1 : n.end] == "K"
        and (clean[n.end - 2 : n.end - 1].isdigit() or clean[n.end - 2 : n.end - 1] == " ")
    ):
        # "573.15K", "4 K" beside other temperatures are kelvin, not thousands ("32K fans" stays 32,000).
        s, e = ctx.bounds(n.start)
        if _WEATHER.search(clean[s:e]) or "°" in clean[s:e]:
            return _fact(
                ctx, start, end, "measure", value / 1000, "kelvin", step / 1000, **_extras(ctx, start, end, "measure")
            )
    if suffix and kind is None and (_PERCENT_AFTER.match(clean, end) or _BASIS_AFTER.match(clean, end)):
        suffix = ""  # "2.5pp", "3pc": read as points / percent below
    if suffix:
        lower = suffix.lower()
        if (
            lower == "st"
            and not _ordinal_fits(value, lower)
            and not n.is_range
            and clean[end : end + 2].lower() == "st"
        ):
            # "16st (102kg)": no sixteenth is written "16st"; a weight in stone (its pounds may follow: "16st 4lb")
            return _fact(
                ctx, start, end + 2, "measure", value, "stone", step, **_extras(ctx, start, end + 2, "measure")
            )
        if lower in _ORDINAL_SUFFIX and not n.is_range and "." not in clean[n.start : n.end]:
            return _ordinal_fact(ctx, start, end + len(suffix) if not clean[start:end].endswith(suffix) else end, value)
        um = units.match_after(clean, end)
        if um is not None and um.start == end and um.end >= end + len(suffix) and _unit_plausible(ctx, n, um):
            pass  # a glued unit ("10kg", "40C", "24703m2", "10km/hr"): read below
        elif lower == "p" and kind is None:
            return _fact(
                ctx, start, end + 1, "money", value / 100, "GBP", step / 100, **_extras(ctx, start, end + 1, "money")
            )
        else:
            return None  # "4G", "737MAX", "11pm" (a time: the dates module's)
    if kind is None:
        # Currency after the figure: "15€", "5 USD", "420 million finnish markka", "50 cents".
        sa = _SIGN_AFTER.match(clean, end)
        ca = _CODE_AFTER.match(clean, end)
        wa = _CUR_WORD_AFTER.match(clean, end)
        mi = _MINOR_AFTER.match(clean, end)
        if sa:
            kind, unit, end = "money", SIGNS[sa.group("sign")], sa.end()
        elif ca:
            kind, unit, end = "money", "CNY" if ca.group("code") == "RMB" else ca.group("code"), ca.end()
        elif mi and mi.group("w") and (not wa or mi.end() > wa.end()):
            pass  # a cent named with its currency ("20 euro cents"): read below
        elif wa and not (
            wa.group("w").lower().startswith("pound")
            and not n.scaled
            and "sterling" not in wa.group("w").lower()
            and not _pounds_money(ctx, start, wa.end())
        ):
            word = re.sub(r"\s+", " ", wa.group("w").lower())
            word_code = _currency_word(clean, word)
            if (word in ("won", "marks", "rand") and not n.scaled) or word_code is None:
                wa = None  # "won 3 games", "3 marks": words first, money only with a scale
            else:
                kind, unit, end = "money", word_code, wa.end()
                # "3 dollars 50 cents", "thirteen dollars and forty-five cents"
                tail = _CENTS_TAIL.match(clean, end)
                said_cents = tail is not None and re.search(r"cents?\s*\Z", tail.group()) is not None
                words_tail = (
                    tail is not None and not tail.group("n").isdigit() and not _CUR_WORD_AFTER.match(clean, tail.end())
                )
                if tail and unit == "USD" and (said_cents or (words_tail and word.startswith("dollar"))):
                    cents = (
                        numwords.parse(tail.group("n")) if not tail.group("n").isdigit() else Decimal(tail.group("n"))
                    )
                    tail_end = tail.end()
                    first, _, second = tail.group("n").replace("-", " ").partition(" ")
                    if cents is None and second in ("and", "or") and not said_cents:
                        # "one dollar and one and ...": the second word is not part of the cents.
                        cents, tail_end = numwords.parse(first), tail.start("n") + len(first)
                    if cents is not None and 0 < cents < 100 and cents == cents.to_integral_value():
                        value, step, end = value + cents / 100, Decimal("0.01"), tail_end
        if kind is None and mi and (mi.group("w") or (mi.group("p") and not n.words)):
            word = re.sub(r"\s+", " ", (mi.group("w") or "p").lower())
            kind, unit = "money", MINOR[word]
            value, step, end = value * MINOR_FACTOR[word], step * MINOR_FACTOR[word], mi.end()
            if low is not None and high is not None:
                low, high = low * MINOR_FACTOR[word], high * MINOR_FACTOR[word]
    if kind is None and (bp := _BASIS_AFTER.match(clean, end)):
        # In percentage points, as "points" facts are, so that "25bp" and "0.25 points" compare.
        kind, unit, end = "points", "percentage point", bp.end()
        value, step = value * _BASIS_POINT, step * _BASIS_POINT
        if low is not None and high is not None:
            low, high = low * _BASIS_POINT, high * _BASIS_POINT
    if kind is None:
        pm = _PERCENT_AFTER.match(clean, end)
        if pm:
            kind, unit, end = ("points", "percentage point", pm.end()) if pm.group("pp") else ("percent", "%", pm.end())
    if kind is None:
        um = units.match_after(clean, end)
        if um is not None and _unit_plausible(ctx, n, um):
            kind = "duration" if um.unit.dim == "time" else "measure"
            unit, end = um.unit.name, um.end
        else:
            # A unit in brackets, as tables write it: "20 (kg)", "20 [kg]".
            br = _BRACKET_OPEN.match(clean, end)
            um = units.match_after(clean, br.end()) if br else None
            if br and um is not None and clean[um.end : um.end + 1] == _BRACKETS[br.group("o")]:
                kind = "duration" if um.unit.dim == "time" else "measure"
                unit, end = um.unit.name, um.end + 1
    if kind is None and n.suffix:
        return None
    if kind is None:
        if _is_identifier(ctx, n):
            return None
        if n.words and not _word_number_ok(ctx, n):
            return None
    # The figure that "X in Y" / "X times" already read is handled elsewhere; here plain numbers.
    if kind is None and n.fraction and not n.scaled and value < 1 and not n.is_range:
        kind, unit = "share", None
        pp = _POINT_OF.match(clean, end)
        if pp:
            # "a quarter of a point", "half a percentage point": a fraction of a percentage point
            kind, unit, end = "points", "percentage point", pp.end()
    hedge, hs, _ = _hedge(ctx, n.start if kind != "money" else start, end)
    extras_markers = _markers(ctx, hs, end)
    if kind is None:
        subject = _subject(ctx, n.start, end, "count")
        kind = "count" if subject else "number"
    else:
        subject = _subject(ctx, start, end, kind)
    if kind == "share" and step >= 1:
        step = Decimal("0.05")
    if n.is_range:
        return _fact(
            ctx,
            start,
            end,
            kind,
            value,
            unit,
            step,
            hedge=hedge,
            low=low,
            high=high,
            markers=extras_markers,
            subject=subject,
        )
    return _fact(ctx, start, end, kind, value, unit, step, hedge=hedge, markers=extras_markers, subject=subject)


def _extras(ctx: _Context, start: int, end: int, kind: str) -> dict[str, Any]:
    hedge, hs, _ = _hedge(ctx, start, end)
    return {"hedge": hedge, "markers": _markers(ctx, hs, end), "subject": _subject(ctx, start, end, kind)}


_OF_NEXT = startcache.compile(rf"{_SP}+of\b|{_SP}*\(")
_OPEN_QUOTE = startcache.compile(r"(?:^|(?<=[\s(\[—–-]))['‘]")
_STRICT_NEXT = startcache.compile(rf"{_SP}*(?:[.,;:!?)\]]|\Z|\n)|{_SP}+(?:ago|BP|old|earlier|before{_SP}+present)\b")
_INCH_NEXT = startcache.compile(
    rf"(?:{_SP}*(?:[.,;:!?)]|\Z)|{_SP}+(?:thick|long|wide|tall|high|deep|across|in{_SP}+diameter|diameter)\b)"
)
_WEATHER = startcache.compile(
    r"\b(?:temperature|temperatures|degrees?|heat|heatwave|hot|hottest|cold|coldest|warm|warmer|cool|weather|celsius|fahrenheit|freezing|thermometer|climate|high of|low of|highs|lows)\b",
    re.I,
)
# After "40C": punctuation, a word of place or time or of a margin ("5C below the record"), or its conversion
# in brackets ("40C (104F)").
_TEMP_NEXT_OK = startcache.compile(
    rf"(?:{_SP}*\({_SP}*[-−]?\d[\d.,]*{_SP}*°?[CF]\b|{_SP}*(?:[.,;:!?)\]]|\Z|\n)|{_SP}+(?:in|on|at|and|or|with|by|to|today|yesterday|tomorrow|outside|inside|during|for|from|while|when|this|last|next|degrees|in|above|below|warmer|colder|hotter|cooler|higher|lower)\b)",
    re.I,
)


def _unit_plausible(ctx: _Context, n: Number, um: units.UnitMatch) -> bool:
    """Reject unit readings that news copy does not mean ("13F filing", "the 2 in 10")."""
    surface = um.surface
    hyphen = ctx.clean[n.end : um.start] == "-"
    if um.unit.dim == "time" and dates.counted_compound(ctx.clean, surface, hyphen, um.end):
        return False  # "1,480 day tickets": tickets of a kind, no length
    if n.words and not um.abbreviation and surface.lower() in units.NUMERAL_WORDS:
        return False  # "one bit of the program"
    if not um.abbreviation and surface.lower() in units.OF_WORDS and not _OF_NEXT.match(ctx.clean, um.end):
        return False  # "won three cups and a league title": things counted, not a volume
    if um.abbreviation and n.suffix and _is_identifier(ctx, n):
        return False  # "Boeing 777F", "Route 66W"
    if um.abbreviation and surface in units.DECIMAL_ABBRS:
        # "pm"/"am" are clock words: a length only after a decimal no clock writes ("2.1 pm", "2.125 pm").
        written = ctx.clean[n.start : n.end]
        frac = written.rsplit(".", 1)[1] if "." in written else ""
        return not n.words and frac.isdigit() and (len(frac) != 2 or int(frac) >= 60)
    if um.abbreviation and surface in units.STRICT_ABBRS:
        # "66 Ma ago", "1Ga": alone these symbols are names ("in 2019 Ma said").
        return um.start == n.end or bool(_STRICT_NEXT.match(ctx.clean, um.end))
    if surface == '"':
        # An inch mark, unless it closes a quotation ("English 101").
        s, _ = ctx.bounds(n.start)
        return ctx.clean[s : n.start].count('"') % 2 == 0
    if surface == "in":
        return bool(_INCH_NEXT.match(ctx.clean, um.end))
    if surface in ("'", "′"):
        # A foot mark glued to the figure ("a 6' fence"), unless it closes a quotation ("'Route 9'").
        if um.start != n.end or n.words:
            return False
        s, _ = ctx.bounds(n.start)
        # A quotation left open within the last 200 characters: bounded, so a sentence of
        # thousands of figures stays linear.
        return surface == "′" or len(_OPEN_QUOTE.findall(ctx.clean[max(s, n.start - 200) : n.start])) % 2 == 0
    if um.abbreviation and surface in ("C", "F") and not n.words:
        # "40C" is a temperature in a sentence about the weather or when nothing follows it.
        s, e = ctx.bounds(n.start)
        if _WEATHER.search(ctx.clean[s:e]):
            return True
        if "." in ctx.clean[n.start : n.end] and um.start == n.end and ctx.clean[um.end : um.end + 1] != "/":
            # "The 34.6C reading was": a decimal glued to its symbol names no grade, class or model ("14.7C/ per
            # security" is cents)
            return True
        return bool(_TEMP_NEXT_OK.match(ctx.clean, um.end))
    if um.abbreviation and re.match(r"-\d", ctx.clean[um.end : um.end + 2]):
        return False  # "24703 L-202": a code, not litres
    if um.abbreviation and len(surface) == 1 and surface not in ("°", "º"):
        # Single-letter symbols ("m", "g", "t", "L", "W") after digits, not starting a word run
        # ("5 m high" yes; "Group 5 W Smith" is caught as an identifier above).
        return not n.words and not re.match(rf"{_SP}+[A-Z][a-z]", ctx.clean[um.end : um.end + 3])
    if um.abbreviation and n.words:
        return False
    if um.unit.dim == "temperature" and surface.lower() in ("degree", "degrees") and not n.words:
        s, e = ctx.bounds(n.start)
        return bool(_WEATHER.search(ctx.clean[s:e].replace(surface, "", 1))) or True
    return True


# A figure told as a number of points in a compound after a name ("gives Okoro 12-point lead").
_POINT_COMPOUND = startcache.compile(rf"{_SP}*-{_SP}*(?:percentage{_SP}*-{_SP}*)?points?\b", re.I)


def _is_identifier(ctx: _Context, n: Number) -> bool:
    """ "resolution 2254", "Article 50", "Boeing 747", "page 12", a list marker, "No. 10"."""
    written = ctx.clean[n.start : n.end]
    if n.words or n.scaled or n.fraction:
        return False
    before = ctx.clean[max(0, n.start - 40) : n.start]
    if _LIST_MARKER.search(before) and re.match(r"[.)]\s", ctx.clean[n.end : n.end + 2]):
        return True
    if before.endswith(("#", "№")):
        return True
    wb = _WORD_BEFORE.search(before)
    if not wb:
        return False
    word = wb.group("w").rstrip(".").lower()
    if word in _ID_WORDS:
        # "number 10" is an identifier; "a number of 10"? too rare to matter.
        return True
    raw = wb.group("w")
    s_start, _ = ctx.bounds(n.start)
    word_start = n.start - (len(before) - wb.start("w"))
    possessive = raw.endswith(("'s", "\u2019s"))  # "GB's 12-strong team", "Labour's 35 seats": not a model name
    if (
        raw[0].isupper()
        and word_start > s_start
        and word not in _CAP_OK
        and "," not in written
        and "." not in written
        and not possessive
    ):
        if _elided_noun(ctx, n, s_start, word_start, before):
            return False
        if _POINT_COMPOUND.match(ctx.clean, n.end):
            return False  # "Poll gives Okoro 12-point lead": a gap in points, no model's number
        # "Boeing 747", "Windows 10", "Euro 2016": a name followed by digits, unless a noun follows ("Labour 356 seats").
        nxt = re.match(rf"{_SP}+([a-z]+)", ctx.clean[n.end : n.end + 20])
        return not (nxt and nxt.group(1) not in _STOP and len(written) <= 3 and nxt.group(1).endswith("s"))
    return False


# A list item whose noun is left out after a name: "Porto Velho logged 213 cases, and Campo Grande 57.",
# also after the place's preposition ("840 homes were flooded, in Ledbury Marsh 310 and in Upton Vale 270"),
# "Labour won 35 seats, the Tories 13 and the Greens 4.", "The 60 seats were split: Labour 35, ...".
_ELIDED_NAME = startcache.compile(
    rf"(?:[,:;]|\band){_SP}+(?:(?:in|at){_SP}+)?(?:the{_SP}+)?(?:[A-Z][\w'’.-]*{_SP}+(?:(?:de|da|do|del|di|la|le|van|von|of){_SP}+)?){{1,4}}\Z"
)
_ELIDED_END = startcache.compile(rf"{_SP}*(?:[.,;]|and\b|\Z)")
# An earlier item that counts something ("327 deaths"), or a bare figure closed by a comma that opens the
# list ("Independents hold 22, the Conservatives 11 and Labour 4", "Labour took 12 and the Tories 7").
# The earlier item may be in words, as style guides write one to nine: "Labour won six seats and the Greens 4".
_COUNT_WORD = "|".join(sorted((w for w in (*numwords.UNITS, *numwords.TENS) if " " not in w), key=len, reverse=True))
_COUNTED = startcache.compile(
    rf"(?:\d[\d,.]*|\b(?:{_COUNT_WORD})(?:-(?:{_COUNT_WORD}))?){_SP}+[a-z]+s\b|\d(?:[\d.]|,\d)*(?:,|{_SP}+and\b){_SP}"
)


def _elided_noun(ctx: _Context, n: Number, s_start: int, word_start: int, before: str) -> bool:
    """ "..., and Rio de Janeiro 84.": a name then a bare number closing a list whose earlier item counts
    something ("327 deaths") or is a bare figure itself ("hold 22, the Tories 11"), so the number counts
    it too."""
    return bool(
        _ELIDED_NAME.search(before)
        and _ELIDED_END.match(ctx.clean, n.end)
        and _COUNTED.search(ctx.clean, s_start, word_start)
    )


_NUMBER_BEFORE = startcache.compile(rf"\bnumber{_SP}+\Z")


def _word_number_ok(ctx: _Context, n: Number) -> bool:
    """Number words that are not figures: "no one", "the one who", "one another", "half-time"."""
    w = ctx.clean[n.start : n.end].lower()
    before = ctx.clean[max(0, n.start - 12) : n.start].lower()
    after = ctx.clean[n.end : n.end + 12].lower()
    if _NUMBER_BEFORE.search(before):
        return False  # "the summer number one", "slipped to number four": a rank, as "number 4" is
    if w == "one":
        if re.search(r"\b(?:no|the|this|that|which|every|any|each|some|someone|another|any)\s+\Z", before):
            return False
        if re.match(
            r"\s+(?:another|of\s+(?:the|its|his|her|their|our|them|us|those|these)|day|time|way|thing|who|that|which|or)\b|'s\b|-(?:off|time|way|sided|to-one)\b",
            after,
        ):
            return False
    if w == "zero" and re.match(r"-[a-z]", after) and not re.match(r"-(?:hours?|days?|weeks?|years?)\b", after):
        return False  # "zero-emission buses", "a zero-carbon plan": a kind, no figure ("zero-hours" stays)
    if w == "half":
        ok_after = re.match(r"\s+(?:of|the|their|its|his|her|our|all|a|an|that)\b|-(?:million|dozen)", after)
        if re.match(r"\s[-–—]\s", after) and re.search(r"[,;:]\s*\Z", before):
            return True  # "Of the homes, half - about 600 - were ...": a count set beside it between dashes
        ok_before = re.search(
            r"\b(?:than|nearly|almost|about|around|by|over|under|just|roughly|only|some)\s+\Z", before
        )
        return bool(ok_after or ok_before)
    parts = w.replace("-", " ").split()
    if len(parts) >= 2 and parts[0] in ("a", "an") and parts[-1] in _SINGULAR_DENOMS:
        # "a quarter of", "a trillionth of a second"; but "a twenty-first birthday", "a fifth term".
        if re.search(r"\bby\s+\Z", before) and _BY_SHARE_NEXT.match(after):
            return True  # "cut by a third last year", "rose by a fifth in 2004": a share of the change
        if _CHANGE_OF.search(ctx.clean[max(0, n.start - 20) : n.start].lower()):
            return True  # "that reduction of a third showed", "a fall of a quarter": the change's size
        if _SHARE_BRACKET.match(after):
            return True  # "More than a third (27%) said": the share its bracket gives again
        return bool(re.match(r"\s*(?:of\b|[.,;:)]|\Z)|\s[-–—]\s", after))
    if w.endswith(("quarters", "quarter")) and (
        not re.match(r"\s*(?:of\b|[.,;:)]|\Z)|\s[-–—]\s", after)
        or re.search(
            r"\b(?:the|preceding|previous|last|past|next|first|following|consecutive|straight|successive)\s+\Z", before
        )
    ):
        return False  # "the preceding three quarters" is a period, not 3/4
    return True


# A bracket right after a fraction word that gives its percentage: "More than a third (27%) said".
_SHARE_BRACKET = startcache.compile(r"\s*\(\s*(?:about\s+|some\s+)?\d[\d.]*\s*(?:%|per\s*cent)\s*\)")


# A change noun and "of" right before a fraction word ("a reduction of a third"; numwords.toml
# ``share_change_nouns``).
_CHANGE_OF = startcache.compile(
    r"\b(?:" + "|".join(sorted(numwords.SHARE_CHANGE_NOUNS, key=len, reverse=True)) + r")s?\s+of\s+\Z"
)


# Words after "by a third" that keep it a share of a change, not an ordinal before its noun
# ("by a third party"): a time frame or a clause going on.
_BY_SHARE_NEXT = startcache.compile(
    r"\s+(?:last|this|next|in|on|since|over|from|to|between|and|or|compared|after|before|during|while|but|as|than)\b"
)


# --- vague plurals, multiples, shares, ordinals --------------------------------


def _vague(ctx: _Context) -> list[Fact]:
    out: list[Fact] = []
    for m in _VAGUE.finditer(ctx.clean):
        low = _VAGUE_LOW[m.group("w").lower()]
        if m.group("mult"):
            low = low / 2 * _VAGUE_MULT[m.group("mult").lower()] * 2
        start, end = m.span()
        out.append(
            _fact(
                ctx,
                start,
                end,
                "count",
                None,
                None,
                Decimal(1),
                hedge="vague",
                interval=Interval(low, None),
                markers=_markers(ctx, start, end),
                subject=_subject(ctx, start, end, "vague"),
            )
        )
    for m in _FEW_SCALE.finditer(ctx.clean):
        # "several hundred", "a few thousand": some multiple of the scale below the next power of ten.
        scale = Decimal(1)
        for w in m.group("w").lower().split():
            scale *= numwords.SCALES[w]
        low = scale * (3 if m.group("q").lower() == "several" else 2)
        start, end = m.span()
        kind, unit = "count", None
        wa = _CUR_WORD_AFTER.match(ctx.clean, end)
        code = _currency_word(ctx.clean, re.sub(r"\s+", " ", wa.group("w").lower())) if wa else None
        if wa and code:  # "several hundred million pounds": vague money
            kind, unit, end = "money", code, wa.end()
        out.append(
            _fact(
                ctx,
                start,
                end,
                kind,
                None,
                unit,
                Decimal(1),
                hedge="vague",
                interval=Interval(low, scale * 10, high_open=True),
                markers=_markers(ctx, start, end),
                subject=_subject(ctx, start, end, "vague"),
            )
        )
    return out


def _multiples(ctx: _Context, nums: list[Number]) -> list[Fact]:
    out: list[Fact] = []
    for m in _MULTIPLE_WORD.finditer(ctx.clean):
        word = m.group().lower()
        value = _MULTIPLE_VALUE[word]
        markers = ("change",) if m.group("verb") else ()
        hedge, _, _ = _hedge(ctx, m.start(), m.end())  # "more than doubled", "nearly halved"
        out.append(
            _fact(
                ctx,
                m.start(),
                m.end(),
                "multiple",
                value,
                None,
                Decimal("0.1") if value < 1 else Decimal(1),
                hedge=hedge,
                markers=markers,
                subject=None,
            )
        )
    folds: list[tuple[int, int]] = []
    # The pattern tries its verbs and number words at every position (~8% of a corpus run): only a
    # text that holds "fold" at all can match it.
    for m in _FOLD.finditer(ctx.clean) if _FOLD_HINT.search(ctx.clean) else ():
        if m.group("noun") is None and m.start("m") == m.start():
            continue  # "a threefold approach": no change word with it
        n = m.group("n").lower()
        value = Decimal(n) if n[0].isdigit() else numwords.UNITS.get(n, numwords.TENS.get(n, Decimal(0)))
        if value < 2:
            continue
        hedge, _, _ = _hedge(ctx, m.start("m"), m.end("m"))
        folds.append((m.start("m"), m.end("m")))
        out.append(
            _fact(
                ctx,
                m.start("m"),
                m.end("m"),
                "multiple",
                value,
                None,
                Decimal(1),
                hedge=hedge,
                markers=("change",),
                subject=None,
            )
        )
    for n in nums:
        if n.is_range or any(a <= n.start < b for a, b in folds):
            continue
        if n.suffix:
            t = _X_AFTER.match(ctx.clean, n.end + 1) if n.suffix in ("x", "X") else None
        else:
            t = _TIMES_AFTER.match(ctx.clean, n.end)
        if t and n.value > 0:
            hedge, _, _ = _hedge(ctx, n.start, t.end())
            out.append(_fact(ctx, n.start, t.end(), "multiple", n.value, None, n.step, hedge=hedge, subject=None))
    return out


def _shares(ctx: _Context, nums: list[Number]) -> list[Fact]:
    """ "one in five", "3 out of 4", "one in every ten"; "one over twenty" where nothing follows."""
    out: list[Fact] = []
    for a, b in zip(nums, nums[1:]):
        if a.is_range or b.is_range or a.suffix or b.suffix or a.fraction or b.fraction:
            continue
        gap = ctx.clean[a.end : b.start]
        if _OVER_GAP.fullmatch(gap) and b.value > 0 and _CLAUSE_END.match(ctx.clean, b.end):
            # "2000 over 3" read as a fraction only when no noun follows ("over 3 years" is a span of time).
            with localcontext() as c:
                c.prec = 28
                value = a.value / b.value
            out.append(
                _fact(
                    ctx,
                    a.start,
                    b.end,
                    "share" if abs(value) <= 1 else "number",
                    value,
                    None,
                    abs(value) * Decimal("0.001") or Decimal("0.001"),
                )
            )
            continue
        if (
            not _SHARE_GAP.fullmatch(gap)
            or not (0 < a.value < b.value <= 1000)
            or _looks_like_year(ctx.clean[b.start : b.end])
        ):
            continue
        with localcontext() as c:
            c.prec = 28
            value = a.value / b.value
            step = Decimal(1) / b.value
        hedge, hs, _ = _hedge(ctx, a.start, b.end)
        out.append(
            _fact(
                ctx,
                a.start,
                b.end,
                "share",
                value,
                None,
                step,
                hedge=hedge,
                markers=_markers(ctx, hs, b.end),
                subject=_subject(ctx, a.start, b.end, "share"),
            )
        )
    return out


def _ordinal_fact(ctx: _Context, start: int, end: int, value: Decimal) -> Fact:
    end2 = end
    m = re.match(r"-[a-z]+", ctx.clean[end : end + 20])
    if m:  # "third-largest", "21st-century"
        end2 = end + m.end()
    return _fact(ctx, start, end2, "ordinal", value, None, Decimal(1), subject=_subject(ctx, start, end2, "ordinal"))


def _ordinals(ctx: _Context, taken: SpanIndex) -> list[Fact]:
    out: list[Fact] = []
    for m in numwords.finditer_ordinals(ctx.clean):
        s, e = m.span()
        if taken.overlaps(s, e) or m.group()[0].isdigit():
            continue
        word = m.group().lower()
        value = numwords.parse_ordinal(word)
        if value is None:
            continue
        hyphen = ctx.clean[e : e + 1] == "-" and re.match(r"-[a-z]", ctx.clean[e : e + 2]) is not None
        prev = re.search(r"([A-Za-z']+)\s+\Z", ctx.clean[max(0, s - 20) : s])
        determiner = prev is not None and (
            prev.group(1).lower() in _DETERMINERS or prev.group(1).endswith(("'s", "’s"))
        )
        compound = "-" in word or " " in word
        if word == "second" and not (hyphen or (determiner and prev and prev.group(1).lower() == "the")):
            continue
        if not (hyphen or determiner or compound):
            continue
        out.append(_ordinal_fact(ctx, s, e, value))
    return out


_NAMED_ALT = _alt(NAMED).replace("'", "['’]")  # a typographic apostrophe reads the same
_NAMED = startcache.compile(rf"\b(?:{_NAMED_ALT})\b", re.I) if NAMED else None


def _named(ctx: _Context) -> list[Fact]:
    """Figures named in words ("absolute zero"): a defined value, exact to the point."""
    out: list[Fact] = []
    if _NAMED is None:
        return out
    for m in _NAMED.finditer(ctx.clean):
        value, unit = NAMED[re.sub(r"\s+", " ", m.group().lower()).replace("’", "'")]
        kind = "count" if unit is None else "duration" if units.UNITS[unit].dim == "time" else "measure"
        out.append(
            _fact(
                ctx,
                m.start(),
                m.end(),
                kind,
                value,
                unit,
                Decimal(0),
                interval=Interval(value, value),
                **_extras(ctx, m.start(), m.end(), kind),
            )
        )
    return out


# --- chart and ranking positions -------------------------------------------------

# "climbed to number five from 13", "rising from first position": a place in a chart or ranking after
# a word that moves to it or from it. "number" is lower case ("Number 10" is an address) and is followed
# by digits or a number word; an ordinal word right after "to" or "from" is a place when "place",
# "position" or "spot", a stop or a word that goes on with the clause follows ("rose to fifth in the
# rankings"; not "sold to third parties"). With a determiner or hyphen the ordinals pass reads it anyway.
_POSITION = startcache.compile(
    r"\b(?:to|from|at|reached|hit|entered|in at)\s+(?P<fig>number\s+(?P<n>\d{1,3}\b|[a-z]+(?:-[a-z]+)?))"
    r"|\b(?:to|from|in at)\s+(?P<o>[a-z]+)(?=\s+(?:place|position|spot)\b"
    r"|\s*[,.;]|\s+(?:in|on|after|with|behind|from|to|and|last|this|spot)\b)"
)


def _positions(ctx: _Context) -> list[Fact]:
    """Places in a chart or ranking: "number five", "number 18", "first" before "position"."""
    out: list[Fact] = []
    for m in _POSITION.finditer(ctx.clean):
        if m.group("n"):
            word = m.group("n")
            value = Decimal(word) if word.isdigit() else numwords.parse(word)
            if value is None or value < 1 or value != value.to_integral_value():
                continue
            s, e = m.span("fig")
        else:
            value = numwords.parse_ordinal(m.group("o"))
            if value is None:
                continue
            s, e = m.span("o")
        out.append(_fact(ctx, s, e, "ordinal", value, None, Decimal(1), subject="position"))
    return out


# --- scores ----------------------------------------------------------------------

# Two whole numbers joined by a hyphen or dash, as results are written ("6-4", "3–1").
_SCORE = startcache.compile(r"(?<![\w.,/:–-])(?P<a>\d{1,3})[-–](?P<b>\d{1,3})(?![\w%°]|[.,:]\d|[-–/]\d)")
# A result is said with a verb before it (with the other side named between: "beat Spain 2-1")
# or a noun after it ("a 3-1 win", "22-6 down at the break").
_SCORE_VERB = startcache.compile(
    r"\b(?:won|win|wins|winning|beat|beats|beaten|beating|defeated|defeats|drew|draw|draws|drawn|lost|lose"
    r"|loses|losing|led|leads|leading|trailed|trails|trailing|edged|thrashed|routed|crushed|hammered|overcame"
    r"|downed|stunned|scored|score|scores|scoreline|finished|ended|past|over|against|versus|vs"
    r"|passed|approved|rejected|voted|vote[^\S\n]+of)"
    # Up to eight words between verb and score: the other side ("beat the eighth seed Max Mirnyi
    # 6-7"); one way only to split them, so the search of the window stays linear.
    r"(?:[^\S\n]+[\w'’.-]+){0,8}[^\S\n]*\Z",
    re.I,
)
_SCORE_NOUN = startcache.compile(
    r"[^\S\n]*(?:-[^\S\n]*)?(?:win|wins|victory|victories|defeat|defeats|loss|draw|lead|triumph|thrashing|drubbing"
    r"|scoreline|home|away|aggregate|on[^\S\n]+aggregate|down|up|at[^\S\n]+(?:half-time|the[^\S\n]+break|full-time)"
    r"|in[^\S\n]+(?:the[^\S\n]+)?(?:final|semi-final|match|game|tie|sets?))\b",
    re.I,
)
# How far back the verb of a result may stand: room for the other side named in full
# ("defeated the second seed Anna Maria de la Cruz of Spain 6-2").
_SCORE_WINDOW = 64
# Set after set ("6-4, 3-6, 7-5", "6-3 6-4"), a tie-break in brackets ("7-6 (7-5)").
_SCORE_NEXT = startcache.compile(r"(?:,?[^\S\n]+(?:and[^\S\n]+)?|,|[^\S\n]*\()\Z")


def _set_like(m: re.Match[str]) -> bool:
    a, b = int(m.group("a")), int(m.group("b"))
    return max(a, b) in (6, 7) and a != b


def _scores(ctx: _Context) -> list[Fact]:
    """Results of games and sets: "won 6-4, 3-6, 7-5", "a 3-1 win", "beat Spain 2-1"; not ranges."""
    found = list(_SCORE.finditer(ctx.clean))
    out: list[Fact] = []
    prev_end = -1
    for i, m in enumerate(found):
        gap = ctx.clean[prev_end : m.start()] if prev_end >= 0 else None
        chained = gap is not None and len(gap) <= 6 and _SCORE_NEXT.search(gap) is not None
        nxt = found[i + 1] if i + 1 < len(found) else None
        sets = (
            nxt is not None
            and _set_like(m)
            and _set_like(nxt)
            and re.fullmatch(r",?[^\S\n]+(?:and[^\S\n]+)?", ctx.clean[m.end() : nxt.start()]) is not None
        )
        noun = _SCORE_NOUN.match(ctx.clean, m.end())
        # "won 10-20 seats" is a range of seats, not a result.
        verb = (
            not noun
            and not _plural_after(ctx.clean, m.end())
            and _SCORE_VERB.search(ctx.before(m.start(), _SCORE_WINDOW))
        )
        if not (chained or sets or noun or verb):
            continue
        out.append(_fact(ctx, m.start(), m.end(), "score", None, None, Decimal(1)))
        prev_end = m.end() + (1 if ctx.clean[m.end() : m.end() + 1] == ")" else 0)
    return out


# "a gallon of milk", "a mile away", "not a penny more": the article is the figure one.
_ARTICLE_ONE = startcache.compile(
    rf"(?<![\w'’-])(?P<a>an?){_SP}+(?P<u>{_alt([*units.ARTICLE_WORDS, *MINOR_ARTICLE])})(?![\w'’-])", re.I
)
# Words before "a" that make it something else: "$4 a gallon", "sixty miles a day", "per a litre".
# After a fraction ("half a mile") the article is read, and ``_share_of_one`` joins the two.
_ARTICLE_BLOCK = frozenset({*numwords.UNITS, *numwords.TENS, *numwords.SCALES, "per", "every", "each", "such", "quite"})


def _article_ones(ctx: _Context, taken: list[tuple[int, int]], share_ends: frozenset[int] = frozenset()) -> list[Fact]:
    out: list[Fact] = []
    for m in _ARTICLE_ONE.finditer(ctx.clean):
        s, e = m.span()
        if _overlaps_any(Span(s, e), taken):
            continue
        prev = re.search(r"(\S+)\s*\Z", ctx.clean[max(0, s - 24) : s])
        if prev and (
            any(ch.isdigit() for ch in prev.group(1))
            or prev.group(1).lower().strip(",;:") in _ARTICLE_BLOCK
            or prev.group(1)[-1] in "%$£€¥"
        ):
            continue  # "$4 a gallon", "60 miles a day", "half a mile"
        lead = _SHARE_OF_TAIL.search(ctx.clean, max(0, s - 8), s)
        if _overlaps_any(Span(max(0, s - 2), s), taken) and not (lead and lead.start() in share_ends):
            continue  # a figure right before: "3 dollars a gallon" (but "half a mile", joined later)
        word = m.group("u").lower()
        if word in MINOR_ARTICLE:
            code = MINOR.get(word, "USD")
            factor = MINOR_FACTOR.get(word, Decimal("0.01"))
            out.append(_fact(ctx, s, e, "money", factor, code, factor, **_extras(ctx, s, e, "money")))
            continue
        unit = units.match_after(ctx.clean, m.end("a"))
        if unit is None or unit.end != e or unit.unit.dim == "time":
            continue
        out.append(_fact(ctx, s, e, "measure", Decimal(1), unit.unit.name, Decimal(1), **_extras(ctx, s, e, "measure")))
    return out


_SHARE_OF_GAP = startcache.compile(rf"{_SP}+(?:of{_SP}+)?")
_SHARE_OF_TAIL = startcache.compile(rf"{_SP}+(?:of{_SP}+)?\Z")
_ONE_UNIT_KINDS = frozenset({"measure", "duration", "money"})


# "from 24 weeks to 26", "from 24% to 19": the end of a change that leaves its unit to be read from the
# start. Kinds whose value does not hang on a scale word (money does: "from £5m to 7" is left alone).
_CARRIED_KINDS = frozenset({"percent", "duration", "measure"})
_FROM_BEFORE = startcache.compile(r"\bfrom\s+(?:(?:about|around|some|roughly|nearly|almost|just)\s+)?\Z")
_TO_BETWEEN = startcache.compile(r"\s+to\s+(?:(?:about|around|some|roughly|nearly|almost|just)\s+)?\Z")
# What may follow the bare end: a stop, or a word that opens the rest of the clause ("to 26 in 2004").
_CARRY_END = startcache.compile(
    r"\s*(?:[.,;:)!?\u2013\u2014-]|\Z|\s(?:in|on|at|by|last|this|next|over|during|after|before|since|and|but|"
    r"while|when|as|with|from|under|for|until|which|that|according|said|says|or)\b)"
)


def _carry_unit(ctx: _Context, facts: list[Fact]) -> list[Fact]:
    """A bare number ending a "from A to B" change whose start has a unit takes that unit: "cut the limit
    from 24 weeks to 20" reads 20 weeks, "fell from 24% to 19" reads 19%. The number must close its
    phrase ("to 20." or "to 20 in 2004"); "from 24 weeks to 20 games" counts another thing."""
    out = list(facts)
    clean = ctx.clean
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if a.kind not in _CARRIED_KINDS or a.unit is None or a.is_range or b.is_range:
            continue
        if b.kind not in ("number", "count") or b.unit is not None or b.value is None:
            continue
        gap = clean[a.span.end : b.span.start]
        if len(gap) > 20 or not _TO_BETWEEN.match(gap) or "to" not in gap:
            continue
        if not _FROM_BEFORE.search(past_level_words(clean[max(0, a.span.start - 40) : a.span.start])):
            continue  # "fell from 24% to 19", "fell from a typical 24% to 19"
        if not _CARRY_END.match(clean, b.span.end):
            continue
        out[k] = dataclasses.replace(b, kind=a.kind, unit=a.unit, subject=a.subject)
    return out


# "1,100 acres were in winter wheat and 560 in oilseed rape, with 400 more in spring barley": a bare number
# joined to a measure before it in its sentence, and told where it goes or what it is of, is a list item of
# that measure. The join (a comma, "and", "with", "while") and the word after the number (a preposition).
_LIST_JOIN = startcache.compile(
    r"[^.;:()\d]{0,40}?(?:,|\band|\bwith|\bwhile)\s+(?:another\s+|a\s+further\s+|(?P<rest>the\s+(?:remaining|other)\s+))?\Z"
)
_LIST_REST_END = startcache.compile(
    r"\s*[.,;]|\s+(?:are|were|is|was|went|go|goes|lie|lay|remain|remained|stay|stayed|in|on|at|for|of|under|to)\b"
)
_LIST_ITEM_END = startcache.compile(r"\s+(?:more\s+|others?\s+)?(?:in|on|at|for|of|under|to)\s")


# "Dry bulk accounted for 5.3 million tonnes, and ro-ro freight for 3.2 million": a clause that leaves its
# verb out, joined by a comma or "and", its label, then the last word of the verb before the first figure.
_GAP_JOIN = startcache.compile(
    r"(?:,\s*(?:and\s+|while\s+)?|\s+and\s+)(?P<label>[^.;:()\d,]{1,80}?)\s(?P<prep>\w+)\s+\Z"
)
_GAP_PREP_BEFORE = startcache.compile(
    r"\b(\w+)\s+(?:(?:about|around|some|roughly|nearly|almost|just|over|under)\s+)?\Z"
)


def _gapped(clean: str, a: Fact, gap: str, b: Fact) -> bool:
    """``b`` is told in a clause that leaves out the verb ``a``'s clause tells it with: its label, then the
    verb's last word again ("accounted for 5.3 million tonnes, and ro-ro freight for 3.2 million"), the
    figure closing its clause."""
    join = _GAP_JOIN.match(gap)
    if join is None or not _CARRY_END.match(clean, b.span.end):
        return False
    before = _GAP_PREP_BEFORE.search(clean, max(0, a.span.start - 30), a.span.start)
    return before is not None and before.group(1).lower() == join.group("prep").lower()


def _carry_list_unit(ctx: _Context, facts: list[Fact]) -> list[Fact]:
    """A bare number listed after a measure of its sentence takes the measure's unit: "1,100 acres were in
    winter wheat and 560 in oilseed rape" reads 560 acres. The number must be told where it goes ("in", "on",
    "for") or as the list's rest ("and the remaining 600 are moorland"), so "300 miles and 20 passengers" is
    left alone; a number told with a scale or unit word keeps its own reading."""
    out = list(facts)
    clean = ctx.clean
    last = -1  # the figure before, past dates ("were in winter wheat" reads a season)
    for k in range(len(out)):
        if out[k].kind in ("date", "relative"):
            continue
        a, b, last = (out[last] if last >= 0 else None), out[k], k
        if a is None or a.kind != "measure" or a.unit is None or a.is_range or b.is_range:
            continue
        if b.kind not in ("number", "count") or b.unit is not None or b.value is None:
            continue
        if ctx.sentence(a.span.start) != ctx.sentence(b.span.start):
            continue
        gap = clean[a.span.end : b.span.start]
        join = _LIST_JOIN.match(gap)
        rest = join is not None and join.group("rest") and _LIST_REST_END.match(clean, b.span.end)
        if join is None or not (rest or _LIST_ITEM_END.match(clean, b.span.end)):
            if not _gapped(clean, a, gap, b):
                continue  # ("and the remaining 600 are moorland": the rest of the list needs no place word)
        out[k] = dataclasses.replace(b, kind=a.kind, unit=a.unit)
    return out


def _share_of_one(ctx: _Context, facts: list[Fact]) -> list[Fact]:
    """ "half a mile", "a quarter of a mile", "half an hour": the share of one unit is one figure."""
    out: list[Fact] = []
    i = 0
    while i < len(facts):
        a = facts[i]
        b = facts[i + 1] if i + 1 < len(facts) else None
        if (
            b is not None
            and a.kind == "share"
            and not a.is_range
            and a.value is not None
            and b.value == 1
            and b.kind in _ONE_UNIT_KINDS
            and re.match(r"an?\s", b.text, re.I) is not None
            and _SHARE_OF_GAP.fullmatch(ctx.clean[a.span.end : b.span.start]) is not None
        ):
            # Of one unit, the share's value and interval are the figure's, in that unit.
            out.append(
                dataclasses.replace(
                    b,
                    span=Span(a.span.start, b.span.end),
                    text=ctx.text[a.span.start : b.span.end],
                    value=a.value,
                    interval=a.interval,
                    hedge=a.hedge,
                    markers=a.markers or b.markers,
                )
            )
            i += 2
            continue
        out.append(a)
        i += 1
    return out


_WORD_RANGE_GAP = startcache.compile(rf"{_SP}+(?:to|-|–|—){_SP}+\Z|{_SP}*[–—]{_SP}*\Z")
_BETWEEN = startcache.compile(rf"\bbetween{_SP}+\Z", re.I)
_RANGE_BLOCK = startcache.compile(r"\b(?:from|rose|fell|up|down|increased|decreased|grew|by|cut|raised)\s+\Z", re.I)


def _join_word_ranges(ctx: _Context, facts: list[Fact], dated: frozenset[tuple[int, int]] = frozenset()) -> list[Fact]:
    """Join "between 10 and 15", "3 to 4 litres", "44 mg to 50 mg", "eight to 10 feet" into one range.

    "from X to Y" is a range ("temperatures ranged from -18C to -34C", "from 50 to 80% of it")
    unless a verb of change governs it ("grew from 120 to 180"): then X and Y stay two
    facts, marked ``from`` and ``to``, for the change rules. "45 and 50 mg": the first
    figure takes the unit written once after the second.
    """
    out: list[Fact] = []
    i = 0
    while i < len(facts):
        a = facts[i]
        if i + 1 < len(facts):
            b = facts[i + 1]
            joined = None if _year_and_amount(a, b, dated) else _join_pair(ctx, a, b)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
            if _shares_unit(ctx, a, b):
                out.append(dataclasses.replace(a, kind=b.kind, unit=b.unit))
                i += 1
                continue
        out.append(a)
        i += 1
    return out


# A large imperial unit and the smaller one that completes it: "6ft 4in", "15st 4lb", "8lb 2oz", "4 feet
# and 6 inches" are one measure, in the smaller unit.
_COMPOUNDS = {
    "foot": ("inch", 12, r"(?:in|ins|inch|inches)\b|\"|”"),
    "stone": ("pound", 14, r"(?:lb|lbs|pounds?)\b"),
    "pound": ("ounce", 16, r"(?:oz|ounces?)\b"),
}
_VULGAR_CHARS = "".join(VULGAR)
# The smaller unit's count in words ("four feet six inches"): a unit word below twenty.
_SMALL_WORDS = "(?:" + "|".join(sorted((w for w in numwords.UNITS if " " not in w), key=len, reverse=True)) + r")\b"
_STONE_ORDINAL = re.compile(r"\d+\s*st", re.I)  # "15st" before its pounds is stone, not fifteenth


def _join_compounds(ctx: _Context, facts: list[Fact]) -> list[Fact]:
    """Join a measure in feet, stone or pounds with the inches, pounds or ounces written right after it
    ("6ft 4in" is 76 inches, "15st 4lb" 214 pounds): apart, the second part would be read, or converted,
    as the whole."""
    out: list[Fact] = []
    skip_to = -1
    for a in facts:
        if a.span.start < skip_to:
            continue
        unit = a.unit
        if a.kind == "ordinal" and _STONE_ORDINAL.fullmatch(a.text):
            unit = "stone"
        part = _COMPOUNDS.get(unit or "") if a.kind in ("measure", "ordinal") and a.value is not None else None
        m = None
        if part is not None:
            small, per, words = part
            m = re.match(
                r"[ \t]+(?:and[ \t]+)?(\d{1,2}(?:\.\d+)?|"
                + _SMALL_WORDS
                + r")(["
                + _VULGAR_CHARS
                + r"])?[ \t]*(?:"
                + words
                + ")",
                ctx.clean[a.span.end : a.span.end + 24],
                re.I,
            )
        if part is None or m is None or a.is_range or a.value is None:
            out.append(a)
            continue
        # "7ft 7¾in"; "four feet six inches" in words as in digits
        told = Decimal(m.group(1)) if m.group(1)[0].isdigit() else numwords.UNITS[m.group(1).lower()]
        extra = told + (VULGAR[m.group(2)] if m.group(2) else 0)
        if extra >= per:
            out.append(a)
            continue
        end = a.span.end + m.end()
        value = a.value * per + extra
        step = Decimal("0.25") if m.group(2) else Decimal(1)  # a quarter inch is the printed precision
        out.append(_fact(ctx, a.span.start, end, "measure", value, small, step, hedge=a.hedge, subject=a.subject))
        skip_to = end
    return out


def _in_year(f: Fact, dated: frozenset[tuple[int, int]]) -> bool:
    """The fact is a year the dates module reads, or a piece of one: the "23" of "in 2022-23 to 87.5%"
    (a fiscal or season year) is no end of a range."""
    span = (f.span.start, f.span.end)
    if span in dated:
        return True
    # Year spans are short and few: a piece lies in a span that starts at most YEAR_PIECE before it.
    return any(s <= f.span.start and f.span.end <= e for s, e in dated if f.span.start - YEAR_PIECE <= s)


def _year_and_amount(a: Fact, b: Fact, dated: frozenset[tuple[int, int]]) -> bool:
    """ "in 2011 to £620m", "from 410,000 in 2024 to 455,000", "from 84.2% in 2022-23 to 87.5%": a year
    the dates module reads alone, or a piece of one, is no end of a range with an amount; the two ends of
    a range are one kind of quantity."""
    a_dated = _in_year(a, dated)
    b_dated = _in_year(b, dated)
    if a_dated == b_dated:
        return False
    # "between 2000 and 3000 people" is one range: the other end is written as a year is.
    other = b if a_dated else a
    return not re.fullmatch(r"\d{4}", other.text)


_BARE = ("count", "number")
# Characters a piece of a year may stand after the year's start ("2022-23", "1998/1999").
YEAR_PIECE = 10
_AND_OR = startcache.compile(rf"{_SP}+(?:and|or){_SP}+\Z")
_LEADING_FIGURE = startcache.compile(r"[^\d]*?(\d[\d,]*(?:\.\d+)?)")


def _shares_unit(ctx: _Context, a: Fact, b: Fact) -> bool:
    gap = ctx.clean[a.span.end : b.span.start]
    return (
        a.kind in _BARE
        and b.kind in ("measure", "percent")
        and not a.is_range
        and a.subject is None
        and _AND_OR.fullmatch(gap) is not None
        and a.value is not None
        and not a.markers
    )


# How far above the last end's numeral a bare first end may be and still share its scale word: "9 to 8
# million" is 9 million to 8 million (backwards); "500 to 2 million" is 500 to 2,000,000.
SHARED_SCALE_REACH = 10


def _join_pair(ctx: _Context, a: Fact, b: Fact) -> Fact | None:
    if a.value is None or b.value is None or a.is_range or b.is_range:
        return None
    gap = ctx.clean[a.span.end : b.span.start]
    window = max(0, a.span.start - 40)
    before = ctx.clean[window : a.span.start]
    # The words that govern the pair stand before any hedge: "rose from about $350 to $680".
    hb = _tail_phrase(before, HEDGE_BEFORE, _HEDGE_LAST)
    before = before[: hb[1]] if hb else before
    before = past_level_words(before)  # "rose from the previous £3,420 to £3,560": the verb governs the pair
    between = _BETWEEN.search(before)
    if between and re.fullmatch(rf"{_SP}+and{_SP}+", gap):
        start = window + between.start()
    elif _WORD_RANGE_GAP.fullmatch(gap) and not _RANGE_BLOCK.search(before):
        start = a.span.start
    elif "from" in a.markers and re.fullmatch(rf"{_SP}+to{_SP}+", gap) and not _change_governs(before):
        start = a.span.start
    else:
        return None
    same = (
        a.kind == b.kind
        and a.unit == b.unit
        or a.kind in _BARE
        and b.kind in (*_BARE, "measure", "money", "percent", "duration")
    )
    if not same:
        return None
    low, high = a.value, b.value
    if a.kind in _BARE:
        # "3 to 4 million", "between 2 and 3bn": the scale written once covers both ends.
        lead = _LEADING_FIGURE.match(b.text)
        if lead:
            written = Decimal(lead.group(1).replace(",", ""))
            if written and b.value / written >= 1000 and a.value < written:
                low = a.value * (b.value / written)
            elif written and b.value / written >= 1000 and a.value <= written * SHARED_SCALE_REACH:
                return None  # "between 9 and 8 million": 9 million to 8 million, backwards; two figures
    if low == high or ("from" not in a.markers and low > high):
        return None
    low, high = min(low, high), max(low, high)
    return Fact(
        span=Span(start, b.span.end),
        text=ctx.text[start : b.span.end],
        kind=b.kind,
        value=_tidy((low + high) / 2),
        unit=b.unit,
        hedge=a.hedge if a.hedge != "exact" else b.hedge,
        interval=Interval(low, high),
        subject=b.subject or a.subject,
        sentence=a.sentence,
        markers=tuple(m for m in a.markers if m != "from"),
        is_range=True,
    )


def _change_governs(before: str) -> bool:
    """Whether the words before "from" make it a change ("grew from", "was cut from")."""
    words = before.lower().split()
    if len(words) < 2 or words[-1] != "from":
        return True  # no "from" in view: treat as a change, the cautious reading
    verb = words[-2].strip(",;:")
    if verb in ("ranged", "ranging", "range", "ranges", "varied", "varying", "vary", "varies", "anywhere", "spanning"):
        return False
    return (
        bool(_CHANGE_VERB.fullmatch(verb))
        or verb.endswith("ed")
        or verb in ("went", "go", "goes", "moved", "was", "were", "is", "are", "been")
    )
