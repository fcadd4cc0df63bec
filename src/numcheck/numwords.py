"""Number words: find and value phrases like "twenty-three", "half a million", "two-thirds".

``PATTERN`` finds candidate phrases (case-insensitive, linear time: every
repetition consumes a whole word and a separator, and no two alternatives can
consume the same characters in different ways); ``parse`` values one phrase
and returns None when the words do not form a number ("one two").
``ORDINAL`` / ``parse_ordinal`` do the same for "third", "twenty-first".

The word lists live in ``data/numwords.toml`` so that adding a word needs no
code change.

Grammar (informally)::

    phrase   := [minus|negative] (mixed | fraction | cardinal | "a" scale | "a couple")
    cardinal := word (sep word | scale "and" word)*        word: unit, ten, scale, dozen
    fraction := (cardinal plural-denominator | (one|a) singular-denominator | half)
                [[of] [a] scale]                           "half a million", "two-thirds of a million"
    mixed    := cardinal "and" (a|one|cardinal without "and") denominator [scale]
                                                           "one and a half million"

A singular denominator needs "one"/"a" before it ("one fifth"), so that
"twenty-fifth" stays an ordinal and "two seconds" a duration.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, localcontext

from numcheck import startcache
from numcheck.data import text as read_data


def _load() -> tuple[dict[str, dict[str, Decimal]], dict[str, list[str]]]:
    raw = read_data("numwords.toml")
    data = startcache.toml(raw, decimal=True)
    tables = {
        table: {k: Decimal(v) for k, v in words.items()} for table, words in data.items() if isinstance(words, dict)
    }
    lists = {name: [str(w) for w in words] for name, words in data.items() if isinstance(words, list)}
    return tables, lists


_WORDS, _LISTS = _load()
# Words glued after a figure by a hyphen that make it part of an adjective, not a quantity:
# "zero-based", "1-indexed", "three-dimensional".
NOT_FIGURE_AFTER: frozenset[str] = frozenset(_LISTS.get("not_figure_after", ()))
# Words after "threefold" (a change noun) or before it (a change verb) that make it a multiple.
FOLD_NOUNS: tuple[str, ...] = tuple(_LISTS.get("fold_nouns", ()))
FOLD_VERBS: tuple[str, ...] = tuple(_LISTS.get("fold_verbs", ()))
# Change nouns before "of" that make a fraction word after them the change's size ("a reduction of a third").
SHARE_CHANGE_NOUNS: tuple[str, ...] = tuple(_LISTS.get("share_change_nouns", ()))
UNITS: dict[str, Decimal] = _WORDS["units"]
TENS: dict[str, Decimal] = _WORDS["tens"]
SCALES: dict[str, Decimal] = _WORDS["scales"]
GROUPS: dict[str, Decimal] = _WORDS["groups"]
FRACTIONS: dict[str, Decimal] = _WORDS["fractions"]
ORDINALS: dict[str, Decimal] = _WORDS["ordinals"]
del _WORDS


def _alt(words: Iterable[str]) -> str:
    # Longest first so that "seventeen" is tried before "seven"; \b closes each word.
    return "(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + r")\b"


_SP = r"[^\S\n]+"  # spaces but not a line break: phrases do not run across lines
_SEP = r"(?:[^\S\n]*-[^\S\n]*|[^\S\n]+)"  # "twenty-three", "fifty - two", "fifty two"
_NUM = r"\b" + _alt([*UNITS, *TENS])
_SCALE = r"\b" + _alt(SCALES)
_DOZEN = r"\b(?:dozens?|dozs?|dzs?)\b"
_FRAC_PL = r"\b" + _alt([w for w in FRACTIONS if w.endswith("s")])
_FRAC_SG = r"\b" + _alt([w for w in FRACTIONS if not w.endswith("s")])
_A = rf"\ban?{_SP}"

# A cardinal: words joined by separators; "and" only after a scale word
# ("one hundred and five", "two thousand and two") so that "two and three" stays two numbers.
# After a scale word, "&" stands for "and" and a comma may continue the number ("three
# million, two hundred & forty"); ``parse`` accepts the comma only before a smaller group.
_CARDINAL = rf"(?:(?:{_NUM}|{_DOZEN}){_SEP}|{_SCALE}(?:{_SP}(?:and|&){_SP}|,{_SP}|{_SEP}))*(?:{_NUM}|{_SCALE}|{_DOZEN})"
# A compound denominator: a tens word and a unit ordinal ("one twenty-fifth", "three
# twenty-firsts"), only after a numerator, so that "twenty-first" alone stays an ordinal.
# "second" is left out: "two twenty seconds" is not 2/22.
_ORD_UNIT = [w for w, v in ORDINALS.items() if v < 10 and w != "second"]
_COMPOUND_SG = r"\b" + _alt(TENS) + _SEP + r"\b" + _alt(_ORD_UNIT)
_COMPOUND_PL = r"\b" + _alt(TENS) + _SEP + r"\b" + _alt([w + "s" for w in _ORD_UNIT])
# A singular denominator over a hundred: "one one hundred fifth" (1/105), "one one hundred and
# fifth"; its first word is a unit or tens word, so "one hundred fifth" stays 100 and a rank.
_HUNDRED_SG = rf"(?=(?:{_NUM})){_CARDINAL}{_SEP}(?:and{_SP})?\b" + _alt(_ORD_UNIT)
_DENOM = (
    rf"(?:(?:{_A}(?={_SCALE}))?{_CARDINAL}{_SEP}(?:{_FRAC_PL}|{_COMPOUND_PL})"
    rf"|(?:\bone{_SEP}|{_A})(?:{_FRAC_SG}|{_COMPOUND_SG}|{_HUNDRED_SG})|\bhalf\b|\bquarter(?={_SP}{_SCALE}))"
)
_SCALE_TAIL = rf"(?:{_SP}(?:of{_SP})?(?:an?{_SP})?(?:{_SCALE}|\bdozen\b))?"
# The numerator of a mixed number has no "and" of its own ("two hundred and three quarters";
# ``parse`` too reads the numerator as what follows the last "and"). With one, "scale and" could
# end the whole part or run on in the numerator: on "one hundred and " * n every "and" was tried
# as the split and the numerator re-read the rest (quadratic: 12.8 s on 25 KB).
_PLAIN_CARDINAL = rf"(?:(?:{_NUM}|{_DOZEN}){_SEP}|{_SCALE}(?:,{_SP}|{_SEP}))*(?:{_NUM}|{_SCALE}|{_DOZEN})"
_MIXED = rf"{_CARDINAL}{_SP}and{_SP}(?:an?|one|{_PLAIN_CARDINAL}){_SEP}(?:{_FRAC_SG}|{_FRAC_PL})"
# "a" stands for one only before a scale or group word: "a million", "a dozen", "a couple".
# "five point two", "nought point nought three": digits after "point" are read one word at a time.
_DIGIT = r"\b" + _alt([w for w, v in UNITS.items() if v < 10] + ["oh"])
_POINT = rf"{_CARDINAL}{_SP}point(?:{_SEP}(?:{_DIGIT}|{_NUM}))+"
_A_SCALE = rf"{_A}(?=(?:{_alt([*SCALES, *GROUPS])}))(?:{_CARDINAL}|couple\b)"

PATTERN: re.Pattern[str] = startcache.compile(
    rf"(?:\b(?:minus|negative){_SP})?(?:{_MIXED}{_SCALE_TAIL}|{_DENOM}{_SCALE_TAIL}|{_POINT}|{_A_SCALE}|{_CARDINAL})",
    re.I,
)

_ORD_WORDS = _alt(ORDINALS)
ORDINAL: re.Pattern[str] = startcache.compile(
    rf"\b(?:{_alt(TENS)}{_SEP})?{_ORD_WORDS}|\b\d{{1,9}}(?:st|nd|rd|th)\b",
    re.I,
)

_SPLIT = startcache.compile(r"[\s\-]+")
_TOKEN = startcache.compile(r"\b[A-Za-z]{1,9}\b")  # no starter is longer than nine letters
# Words a phrase can start with: PATTERN is tried only at these, which is ~30x faster than
# letting the regex engine try its long alternation at every character.
_STARTERS = frozenset([*UNITS, *TENS, *SCALES, *GROUPS, "a", "an", "half", "quarter", "minus", "negative"])
_ORD_STARTERS = frozenset([*ORDINALS, *TENS])


# "a"/"an" start a phrase only before these ("a dozen", "a half", "a million"): checked
# before trying PATTERN, since "a" is the commonest word in English.
_A_NEXT = startcache.compile(rf"an?{_SP}+(?:{_alt([*SCALES, *GROUPS, *FRACTIONS, *TENS])})", re.I)


def _scan(
    pattern: re.Pattern[str], starters: frozenset[str], text: str, pos: int, endpos: int | None
) -> Iterator[re.Match[str]]:
    end = len(text) if endpos is None else endpos
    last = pos
    for t in _TOKEN.finditer(text, pos, end):
        word = t.group()
        if t.start() < last or (word.lower() not in starters):
            continue
        if len(word) <= 2 and word in ("a", "A", "an", "An") and not _A_NEXT.match(text, t.start(), end):
            continue
        m = pattern.match(text, t.start(), end)
        if m:
            yield m
            last = m.end()


def finditer(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """Like ``PATTERN.finditer(text)``, same matches, much faster on long texts."""
    return _scan(PATTERN, _STARTERS, text, pos, endpos)


def finditer_ordinals(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """Word ordinals ("third", "twenty-first"), like ``ORDINAL.finditer`` without the numeral forms."""
    return _scan(ORDINAL, _ORD_STARTERS, text, pos, endpos)


def _cardinal(words: list[str]) -> Decimal | None:
    """Value of a cardinal word sequence, or None if the words are not one number."""
    if not words or words[-1] == "and":
        return None
    total = Decimal(0)  # closed groups (thousands, millions, ...)
    group = Decimal(0)  # the group being built (below a thousand)
    last = ""  # kind of the previous word, for grammar checks
    closed = Decimal(0)  # the scale that closed the last group: later groups are smaller
    seen_any = False
    for w in words:
        if w == "and":
            if last != "scale":
                return None
            continue
        if w in UNITS or w in TENS:
            v = UNITS.get(w, TENS.get(w))
            assert v is not None
            # "one two" and "twenty thirty" are lists, not one number; "twenty three" is 23.
            if last == "unit" or (last == "ten" and w in TENS) or (last == "ten" and v >= 10):
                return None
            group += v
            last = "unit" if w in UNITS else "ten"
        elif w in SCALES:
            s = SCALES[w]
            if s == 100:
                group = (group if seen_any and group else Decimal(1)) * s
            elif last == "scale" and not group and total:
                total *= s  # "three lakh crore", "a thousand million"
                closed = max(closed, s)
            else:
                if closed and s >= closed:
                    return None  # "three million two million" is a list, not 5,000,000
                total += (group if group else Decimal(1)) * s
                group = Decimal(0)
                closed = s
            last = "scale"
        elif w in GROUPS:
            # "three hundred and two dozen" is 300 + 2 × 12: the group word takes the part below 100.
            small = group % 100 if group >= 100 else group
            group = group - small + (small if small else Decimal(1)) * GROUPS[w]
            last = "scale"
        else:
            return None
        seen_any = True
    return total + group


def _numerator(words: list[str]) -> Decimal | None:
    if not words:
        return Decimal(1)
    if words in (["a"], ["an"]):
        return Decimal(1)
    if words[0] in ("a", "an") and words[1] in SCALES:
        return _cardinal(words[1:])  # "a hundred trillionths"
    return _cardinal(words)


def is_fraction(phrase: str) -> bool:
    """Whether a number-word phrase has a denominator ("two-thirds", "one twenty-fifth")."""
    return _denominator([w for w in _SPLIT.split(phrase.lower()) if w]) is not None


def _denominator(words: list[str]) -> tuple[int, int, Decimal] | None:
    """(first word of the denominator, word after it, its value): "fifths" → 5; an ordinal
    compound after a numerator → its value ("twenty twenty fifths" is 20/25, "one one hundred
    fifth" 1/105; "twenty fifths" alone is 20/5).
    After "and" the words are the numerator's: "a hundred and thirty fifths" is 130/5."""
    for i, w in enumerate(words):
        plural = w.endswith("s") and w[:-1] in ORDINALS
        base = w[:-1] if plural else w
        if base in ORDINALS and ORDINALS[base] < 100:
            # A plural takes only a tens word ("twenty twenty fifths"): "ninety-five hundred
            # fifths" is 9,500 fifths, not 90/505.
            for j in range(max(1, i - 1 if plural else i - 6), i):
                den = _compound_denominator(words[j:i], ORDINALS[base])
                if den is not None and words[j - 1] != "and" and _numerator(words[:j]) is not None:
                    return j, i + 1, den
        if w in FRACTIONS:
            return i, i + 1, FRACTIONS[w]
    return None


def _compound_denominator(prefix: list[str], unit: Decimal) -> Decimal | None:
    """ "twenty" + fifth → 25, "one hundred (and)" + fifth → 105; None when the words before the
    ordinal cannot lead it ("two fifth", "hundred fifth" without its count)."""
    if prefix and prefix[-1] == "and":
        prefix = prefix[:-1]
    if not prefix or prefix[0] in SCALES or prefix[0] == "and":
        return None
    lead = _cardinal(prefix)
    if lead is None or lead <= 0:
        return None
    if (unit < 10 and lead % 10 == 0) or (unit < 100 and lead % 100 == 0):
        return lead + unit
    return None


def parse(phrase: str) -> Decimal | None:
    """The value of a number-word phrase, or None when it is not one number.

    >>> parse("twenty-three"), parse("half a million"), parse("two-thirds") # doctest: +SKIP
    (Decimal('23'), Decimal('500000'), Decimal('0.666...'))
    """
    lower = phrase.lower()
    if "," in lower:
        # "one thousand, two hundred": a comma only after a scale of a thousand or more and
        # before a part with its own scale or "and" ("a million, two years on" is two things).
        parts = lower.split(",")
        for head, rest in zip(parts, parts[1:]):
            last = head.split()[-1] if head.split() else ""
            if SCALES.get(last, Decimal(0)) < 1000 or not any(
                w in SCALES or w in ("and", "&") for w in _SPLIT.split(rest)
            ):
                return None
        lower = lower.replace(",", " ")
    words = [w for w in _SPLIT.split(lower.replace("&", " and ").strip()) if w]
    if not words:
        return None
    sign = Decimal(1)
    if words[0] in ("minus", "negative"):
        sign = Decimal(-1)
        words = words[1:]
    if not words:
        return None
    if "point" in words:
        return _point(words, sign)
    found = _denominator(words)
    if found is None:
        if words[0] in ("a", "an"):
            words = words[1:]
            if not words or words[0] not in SCALES and words[0] not in GROUPS:
                return None
        value = _cardinal(words)
        return None if value is None else sign * value
    fi, after, den = found
    left, right = words[:fi], words[after:]
    whole = Decimal(0)
    scale_before = Decimal(1)  # "three million and a half": the fraction is of the last scale
    if "and" in left:
        cut = len(left) - 1 - left[::-1].index("and")
        whole_words, left = left[:cut], left[cut + 1 :]
        if whole_words and whole_words[-1] in SCALES and not left:
            return None
        w = _cardinal(whole_words)
        if w is None:
            return None
        whole = w
        if whole_words and whole_words[-1] in SCALES and SCALES[whole_words[-1]] >= 1000:
            scale_before = SCALES[whole_words[-1]]
    num = _numerator(left)
    if num is None:
        return None
    if whole and num >= den and whole_words[-1] in SCALES:
        # A mixed number's fraction is proper: "one hundred and thirty fifths" is 130/5, not
        # 100 + 30/5 ("one hundred and three quarters" stays 100¾).
        joined = _cardinal([*whole_words, "and", *left])
        if joined is not None:
            whole, num, scale_before = Decimal(0), joined, Decimal(1)
    with localcontext() as ctx:
        ctx.prec = 28
        frac = num / den
        # Scale after the fraction: "half a million", "two-thirds of a million",
        # "one and a half million" (1.5M) but "one billion and a half million" (1,000.5M).
        tail = [w for w in right if w not in ("of", "a", "an")]
        scale = Decimal(1)
        if tail:
            t = _cardinal(tail)
            if t is None:
                return None
            scale = t
        if scale_before > 1:
            value = whole + frac * (scale if tail else scale_before)
        else:
            value = (whole + frac) * scale
    return _tidy(sign * value)


def _tidy(value: Decimal) -> Decimal:
    """Whole numbers without a trailing ".0" (500000, not 500000.0)."""
    return value.to_integral_value() if value == value.to_integral_value() else value


def _point(words: list[str], sign: Decimal) -> Decimal | None:
    """ "five point two" → 5.2; digits after "point" one word each ("point seventy-one" → .71)."""
    i = words.index("point")
    whole = _cardinal(words[:i])
    digits = ""
    rest = words[i + 1 :]
    for j, w in enumerate(rest):
        if w == "oh":
            digits += "0"
        elif w in UNITS and UNITS[w] < 10:
            if j and rest[j - 1] in TENS:
                continue  # "seventy-one": the unit was added with its ten
            digits += str(UNITS[w])
        elif w in TENS:
            nxt = UNITS.get(rest[j + 1]) if j + 1 < len(rest) else None
            digits += str(TENS[w] + (nxt if nxt is not None and nxt < 10 else 0))
        elif w in UNITS:
            digits += str(UNITS[w])
        else:
            return None
    if whole is None or not digits:
        return None
    return sign * (whole + Decimal("0." + digits))


def parse_ordinal(phrase: str) -> Decimal | None:
    """The value of an ordinal: "third" → 3, "twenty-first" → 21, "21st" → 21."""
    p = phrase.lower().strip()
    m = re.fullmatch(r"(\d{1,9})(?:st|nd|rd|th)", p)
    if m:
        return Decimal(m.group(1))
    words = [w for w in _SPLIT.split(p) if w]
    if not words or words[-1] not in ORDINALS:
        return None
    last = ORDINALS[words[-1]]
    if len(words) == 1:
        return last
    if len(words) == 2 and words[0] in TENS and last < 10:
        return TENS[words[0]] + last
    return None
