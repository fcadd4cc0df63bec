"""Numerals and number words in running text: values, printed precision, scales, ranges.

``find(text)`` returns every number written in ``text`` as a ``Number``: its
span, its Decimal value, the place value of its last written digit scaled by
any scale word (``step``: "5.6 million" → 100000), and for a range both ends.
It reads:

* numerals with thousands separators ("1,234", "40 000"), decimals (".08"),
  signs including the Unicode minus, exponents ("1.3e6"), fractions ("3/4",
  "2 1/4", "½", "2½");
* scale words and news abbreviations after a numeral ("3 million", "£3.2bn",
  "10k", "13 lakh", "1 crore", "10 bln", "$4M"); lower-case "m" is left to
  the extractor, which knows whether money ("£900m") or metres ("900m race")
  is meant;
* number words through ``numcheck.numwords`` ("twenty-three", "half a million");
* hyphen and dash ranges ("10-15", "10–15 million", "8- to 16-").

It does not decide what a number counts, nor whether it is an identifier:
that needs the words around it, which ``numcheck.facts`` reads. It does
skip what is never a figure on its own: digits glued to letters on the left
("A380", "H1N1", "COVID-19"), versions and addresses ("1.2.3",
"192.168.1.2"), ISBNs, DOIs, phone numbers, clock times ("10:30").

Every pattern is linear: each repetition consumes digits or a separator that
the next repetition cannot also consume.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

from numcheck import numwords, startcache
from numcheck.data import text as read_data
from numcheck.model import SpanIndex


@dataclass(frozen=True, slots=True)
class Number:
    """A numeral as written: its span, value and printed precision, or a range's ends."""

    start: int
    end: int
    value: Decimal
    step: Decimal  # place value of the last written digit, scaled ("5.6 million" → 100000)
    low: Decimal | None = None  # range ends ("10-15"); None for a single number
    high: Decimal | None = None
    words: bool = False  # written in words ("twenty-three")
    fraction: bool = False  # a fraction ("3/4", "two-thirds", "½")
    scaled: bool = False  # a scale word or abbreviation applied ("3 million", "3bn")
    suffix: str = ""  # letters glued to the end that were not read ("4G" → "G")
    factor: Decimal = Decimal(1)  # the scale applied ("3 million" → 1000000)

    @property
    def is_range(self) -> bool:
        return self.low is not None


SCALE_WORDS: dict[str, Decimal] = {
    "hundred": Decimal(100),
    "thousand": Decimal(1000),
    "lakh": Decimal(100000),
    "lakhs": Decimal(100000),
    "million": Decimal(10) ** 6,
    "crore": Decimal(10) ** 7,
    "crores": Decimal(10) ** 7,
    "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "dozen": Decimal(12),
    "dozens": Decimal(12),
    "doz": Decimal(12),
    "dozs": Decimal(12),
    "dz": Decimal(12),
    "dzs": Decimal(12),
}
# Abbreviations: multi-letter ones may stand after a space ("10 bln"); single
# letters only glued to the numeral ("10k", "€10M"), where they cannot be a word.
# Lower-case "m" and "b" are left to the extractor: metres or million, bytes or billion.
SCALE_ABBR_SPACED: dict[str, Decimal] = {
    "bn": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "mil": Decimal(10) ** 6,
    "MM": Decimal(10) ** 6,
    "tn": Decimal(10) ** 12,
    "tln": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
}
SCALE_ABBR_GLUED: dict[str, Decimal] = {
    "k": Decimal(1000),
    "K": Decimal(1000),
    "M": Decimal(10) ** 6,
    "B": Decimal(10) ** 9,
    "T": Decimal(10) ** 12,
}
VULGAR: dict[str, Decimal] = {
    "½": Decimal("0.5"),
    "⅓": Decimal(1) / Decimal(3),
    "⅔": Decimal(2) / Decimal(3),
    "¼": Decimal("0.25"),
    "¾": Decimal("0.75"),
    "⅕": Decimal("0.2"),
    "⅖": Decimal("0.4"),
    "⅗": Decimal("0.6"),
    "⅘": Decimal("0.8"),
    "⅙": Decimal(1) / Decimal(6),
    "⅚": Decimal(5) / Decimal(6),
    "⅛": Decimal("0.125"),
    "⅜": Decimal("0.375"),
    "⅝": Decimal("0.625"),
    "⅞": Decimal("0.875"),
}

_V = "".join(VULGAR)
_SP = r"[^\S\n]"
# The decimal point: a full stop, or the middle dot of some journals and British papers
# ("17·4%"); before "10^" a middle dot is a multiplication sign ("3·10^5").
_POINT = r"(?:\.|·(?!10\^))"
# The numeral from its first digit on: value, exponent, fraction, scale and glued letters.
_BODY = rf"""
    (?P<num>
        \d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:{_POINT}\d+)?(?![\d,]\d)  # Indian grouping: 12,34,567
      | \d{{1,3}}(?:,\d{{3}})*,\ 000(?![\d,])  # a stray space in a thousands group: "$30, 000"
      | \d{{1,3}}(?:,\d{{3}})+(?:{_POINT}\d+)?(?![\d,]\d)
      | \d{{1,3}}(?:[\u00a0\u202f\u2009 ]\d{{3}})+(?:{_POINT}\d+)?(?!\d|,\d|[\u00a0\u202f\u2009 ]\d)
      | \d+(?:{_POINT}\d+)?
      | \.\d+
      | (?=[{_V}])
    )
    (?P<exp>[eE][-+−]?\d{{1,3}}(?![\w.]) | {_SP}*[x×·]{_SP}*(?:10(?:\^|{_SP})?(?P<sciexp>[-+−]?\d{{1,3}}) | (?P<base>\d{{1,3}})\^(?P<bexp>[-+−]?\d{{1,3}}))(?![\w.]))?
    (?P<pow>\^[-+−]{{0,2}}\d{{1,3}}(?![\d.]))?
    (?P<pm>{_SP}*(?:±|\+/-|\+-){_SP}*\d+(?:\.\d+)?(?:[eE][-+−]?\d{{1,3}})?)?
    (?: (?P<mixed>{_SP}+\d{{1,2}}/\d{{1,3}}(?![\d/])) | (?P<slash>/\d{{1,3}}(?![\d/])) | (?P<vulgar>[{_V}]) )?
    (?P<scale>
        {_SP}*(?:-{_SP}*)?(?:{"|".join(SCALE_WORDS)})\b(?:{_SP}+(?:thousand|million|billion|trillion|crore)\b)?(?P<half>{_SP}+and{_SP}+a{_SP}+half\b)?
      | {_SP}?(?:{"|".join(SCALE_ABBR_SPACED)})\b
      | (?:{"|".join(SCALE_ABBR_GLUED)})(?![A-Za-z0-9])
      | {_SP}(?:k|K|M)(?={_SP}*(?:[.,;:!?)]|\Z))
    )?
    (?P<suffix>[A-Za-z]+)?
"""
# A hyphen after a figure and a space is a dash, not a minus ("75 -300mm" is two figures);
# the true minus sign "−" is a sign anywhere. After "digits," a figure starts only where the
# digits are no thousands group: "pages 22,24,26" is a list ("1,3" may be a decimal comma or a
# chemical locant, so single digits are left alone).
_NUMERAL = startcache.compile(
    rf"""
    (?=[-−–.\d{_V}mn])  # cheap first-character test before the alternation
    (?:(?P<wsign>\b(?:minus|negative)[^\S\n]+(?=\.?\d)) | (?P<sign>(?<![\w.,)\]])(?:−|(?<!\d[^\S\n])[-–])(?=\.?\d)) | (?:(?<![\w.,/]) | (?<=\d\d,)(?=\d\d)(?!\d{{3}}(?!\d))) (?<![A-Za-z]-) (?<![A-Za-z]\d-) (?<![\w.]\+) )
    {_BODY}
    """,
    re.X,
)
# A numeral right after a currency written with letters ("$US4.2 billion", "Rs.250 crore",
# "RM2bn"): the lead of ``_NUMERAL`` refuses digits glued to letters, so these are found apart.
_GLUED_NUMERAL = startcache.compile(_BODY, re.X)

# Things made of digits that are never a figure by themselves.
_NOT_FIGURE = startcache.compile(
    r"""
    (?=[IiDdVv+(\d])  # cheap first-character test before the alternation
    (?:
      \bISBN(?:-1[03])?:?[^\S\n]*[\dX][\dX \-]{8,16}[\dX]\b
    | \bdoi:?[^\S\n]*10\.\d{4,9}/\S+ | \b10\.\d{4,9}/[^\s,;]+
    | (?<![\w.])v?\d+(?:\.\d+){2,}\b
    | \bv\d+(?:\.\d+)?\b
    | (?<![\w+])\+\d{1,3}(?:[ .\-]?\(?\d{1,4}\)?)(?:[ .\-/]\d{2,4}){2,4}\b
    | (?<![\w.,])\(?0\d{2,4}\)?[ .\-]\d{3,4}[ .\-]?\d{3,4}\b
    | (?<![\w.,])\d{3}[.\-]\d{3}[.\-]\d{4}\b
    | (?<![\w.])\d{1,2}(?::\d{2}){1,2}(?![\d])
    )
    """,
    re.X | re.I,
)

_RANGE_GAP = startcache.compile(rf"(?:-|{_SP}*[–—]{_SP}*|-{_SP}*(?:to|and){_SP}+|{_SP}+(?:–|—){_SP}+)")


def _dec(s: str) -> Decimal:
    return Decimal(
        s.replace(",", "")
        .replace("·", ".")
        .replace("\u00a0", "")
        .replace("\u202f", "")
        .replace("\u2009", "")
        .replace(" ", "")
    )


def _numeral(m: re.Match[str]) -> Number | None:
    num = (m.group("num") or "").replace("·", ".")
    lead = m.groupdict()
    sign = -1 if lead.get("sign") or lead.get("wsign") else 1
    fraction = False
    try:
        if num:
            value = _dec(num)
            digits = num.replace(",", "")
            step = Decimal(1).scaleb(-len(digits.split(".", 1)[1])) if "." in digits else Decimal(1)
        else:
            value, step = Decimal(0), Decimal(1)
        if m.group("base"):
            # "8x2^10", "3 × 2^-4": a power of another base, exact as written.
            with localcontext() as ctx:
                ctx.prec = 34
                factor = Decimal(m.group("base")) ** int(m.group("bexp").replace("−", "-"))
                value, step = value * factor, step * factor
        elif m.group("exp"):
            with localcontext() as ctx:
                ctx.prec = 34
                e = int((m.group("sciexp") or m.group("exp")[1:]).replace("−", "-"))
                value = value.scaleb(e)
                step = step.scaleb(e)
        if m.group("pow"):
            # "1.1^23", "2.5^-1": a power written out; its precision is the base's, carried through.
            p = m.group("pow")[1:]
            e = int(p.lstrip("+-−"))
            if (p.count("-") + p.count("−")) % 2:
                e = -e
            with localcontext() as ctx:
                ctx.prec = 28
                value = value**e
                step = abs(value) * Decimal("1e-6") or Decimal(1)
        with localcontext() as ctx:
            ctx.prec = 28
            if m.group("mixed"):
                a, b = m.group("mixed").strip().split("/")
                if int(b) == 0 or int(a) >= int(b):
                    return None
                value += Decimal(a) / Decimal(b)
                step = Decimal(1) / Decimal(b)
                fraction = True
            elif m.group("slash"):
                den = int(m.group("slash")[1:])
                # "3/4" is a fraction; "24/7", "9/11" and "2004/05" are not.
                if den == 0 or not num or "." in num or "," in num or value >= den or den > 100:
                    return None
                value = value / Decimal(den)
                step = Decimal(1) / Decimal(den)
                fraction = True
            elif m.group("vulgar"):
                value += VULGAR[m.group("vulgar")]
                step = Decimal("0.125")
                fraction = True
    except (InvalidOperation, ValueError):
        return None
    end = m.end("num") if num else m.start("num")
    end = max(end, m.end("exp") if m.group("exp") else 0, m.end("mixed") if m.group("mixed") else 0)
    end = max(end, m.end("slash") if m.group("slash") else 0, m.end("vulgar") if m.group("vulgar") else 0)
    end = max(
        end, m.end("pm") if m.group("pm") else 0, m.end("pow") if m.group("pow") else 0
    )  # "2,000.45±0.01": the uncertainty belongs to the figure
    scaled = False
    factor = Decimal(1)
    scale_text = m.group("scale")
    if scale_text:
        if m.group("half"):  # "3 million and a half"
            scale_text = scale_text[: m.start("half") - m.start("scale")]
        key = scale_text.strip(" -\u00a0\t").split()
        for k in key:
            factor *= SCALE_WORDS.get(k.lower()) or SCALE_ABBR_SPACED.get(k) or SCALE_ABBR_GLUED.get(k) or Decimal(1)
        value *= factor
        step *= factor
        if m.group("half"):
            value += factor / 2
            step = factor / 2
        scaled = True
        end = m.end("scale")
    suffix = m.group("suffix") or ""
    # A leading zero on a whole number marks a code ("007", "0161"), not a quantity.
    if num and len(num) > 1 and num[0] == "0" and num[1].isdigit():
        return None
    return Number(m.start(), end, sign * value, step, scaled=scaled, fraction=fraction, suffix=suffix, factor=factor)


def _glued_currencies() -> re.Pattern[str]:
    """Currency signs and codes that end in a letter or a full stop ("$US", "Rs.", "RM", "USD"),
    from ``data/money.toml``: a numeral glued after one is still a figure."""
    raw = read_data("money.toml")
    money = startcache.toml(raw)
    lead = [s for s in money["signs"] if s[-1].isalpha() or s[-1] == "."] + list(money["codes"])
    alt = "|".join(re.escape(s) for s in sorted(lead, key=lambda s: (-len(s), s)))
    # A cheap first-character test before the alternation: most positions of a text fail it.
    firsts = "".join(sorted({re.escape(s[0]) for s in lead}))
    return startcache.compile(rf"(?=[{firsts}])(?<![A-Za-z])(?:{alt})(?=\d)")


_GLUED_CURRENCY = _glued_currencies()


def _blocked(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _NOT_FIGURE.finditer(text)]


def _word_step(value: Decimal, phrase: str) -> Decimal:
    """Printed precision of a number-word phrase: "five million" → 1000000, "twenty-three" → 1."""
    lower = phrase.lower()
    for word, scale in (("trillion", 10**12), ("billion", 10**9), ("million", 10**6), ("thousand", 1000)):
        if word in lower:
            # "half a million", "two and a half million": the fraction sets the step.
            if any(f in lower for f in ("half", "quarter", "third")):
                return Decimal(scale) / 4
            rest = lower.split(word, 1)[1].strip(" -")
            return Decimal(1) if rest and rest not in ("and",) else Decimal(scale)
    if "hundred" in lower and lower.rstrip().endswith("hundred"):
        return Decimal(100)
    return Decimal(1) if value == value.to_integral_value() else Decimal("0.01")


def find(text: str) -> list[Number]:
    """Every number in ``text``, in order, ranges joined; see the module docstring."""
    blocked = _blocked(text)
    out: list[Number] = []
    bi = 0
    for m in _NUMERAL.finditer(text):
        while bi < len(blocked) and blocked[bi][1] <= m.start():
            bi += 1
        if bi < len(blocked) and blocked[bi][0] <= m.start() < blocked[bi][1]:
            continue
        n = _numeral(m)
        if n is not None:
            out.append(n)
    glued = False
    for c in _GLUED_CURRENCY.finditer(text):
        g = _GLUED_NUMERAL.match(text, c.end())
        n = _numeral(g) if g else None
        if n is not None:
            out.append(n)
            glued = True
    if glued:
        out.sort(key=lambda n: n.start)
    taken = SpanIndex((n.start, n.end) for n in out)
    words: list[Number] = []
    for m in numwords.finditer(text):
        start = m.start()
        # A word run that begins inside a numeral ("6 crore and two hundred" matches from
        # "crore"): read only what follows the numeral.
        reach = taken.reach(start, m.end())
        if reach is not None:
            start = max(start, reach)
        lead = _LEAD.match(text, start, m.end())
        start = lead.end() if lead else start
        if start >= m.end():
            continue
        for s, e, value in _word_numbers(text, start, m.end()):
            if taken.overlaps(s, e):
                continue
            if (
                _ORDINAL_TAIL.match(text, e)
                and text[s:e].lower().rsplit(None, 1)[-1].rsplit("-", 1)[-1] in numwords.TENS
            ):
                continue  # "twenty" of "the twenty-first century": the ordinal is read elsewhere
            phrase = text[s:e]
            if phrase.lower() in numwords.SCALES:
                continue  # a scale word alone ("billion" after a figure not read) is never a figure
            frac = numwords.is_fraction(phrase)
            step = _word_step(value, phrase)
            if frac and abs(value) < 1:
                step = min(step, abs(value))  # "a trillionth" is not ±0.5
            words.append(Number(s, e, value, step, words=True, fraction=frac, scaled=value >= 1000))
    out = sorted(out + words, key=lambda n: n.start)
    if numwords.NOT_FIGURE_AFTER:
        out = [n for n in out if not _adjective_tail(text, n.end + len(n.suffix))]
    out = [n for n in out if not _VERSION_WILDCARD.match(text, n.end)]
    return _join_ranges(text, _join_compounds(text, out))


_HYPHEN_WORD = startcache.compile(r"-([A-Za-z]+)\b")
# A version with a wildcard ("3.x", "1.2.x", "2.*"): a range of releases, not a quantity.
_VERSION_WILDCARD = startcache.compile(r"\.(?:[xX]|\*)(?![\w*])")


def _adjective_tail(text: str, end: int) -> bool:
    """ "zero-based", "1-indexed": a figure glued to a word of ``numwords.NOT_FIGURE_AFTER``."""
    m = _HYPHEN_WORD.match(text, end)
    return m is not None and m.group(1).lower() in numwords.NOT_FIGURE_AFTER


_WORD_TOKEN = startcache.compile(r"[A-Za-z]+")
# A unit ordinal right after a tens word: "twenty-first", "thirty third" (not "twenty seconds").
_ORDINAL_TAIL = startcache.compile(
    r"(?:-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|[^\S\n](?:first|third|fourth|fifth|sixth|seventh|eighth|ninth))\b(?!-?s\b)",
    re.I,
)
_LEAD = startcache.compile(r"(?:[\s-]+|and\b)*")


def _word_numbers(text: str, start: int, end: int) -> list[tuple[int, int, Decimal]]:
    """The numbers in a number-word run: one if it parses whole, else its longest valid pieces
    ("three-nought-four" is 3, 0, 4; "one two" is 1, 2)."""
    value = numwords.parse(text[start:end])
    if value is not None:
        return [(start, end, value)]
    toks = list(_WORD_TOKEN.finditer(text, start, end))
    out: list[tuple[int, int, Decimal]] = []
    i = 0
    while i < len(toks):
        # No number phrase runs past 16 words ("one hundred and twenty-three thousand four
        # hundred and fifty-six" is 11): the window keeps this linear on stacked number words.
        for j in range(min(len(toks), i + 16) - 1, i - 1, -1):
            v = numwords.parse(text[toks[i].start() : toks[j].end()])
            if v is not None:
                out.append((toks[i].start(), toks[j].end(), v))
                i = j + 1
                break
        else:
            i += 1
    return out


_COMPOUND_GAP = startcache.compile(rf"{_SP}+(?:and{_SP}+)?")


def _join_compounds(text: str, nums: list[Number]) -> list[Number]:
    """ "3 hundred and 21", "4 thousand 3 hundred and 21", "6 crore and two hundred": a numeral
    with a scale word followed by a smaller number completes it (never with million and up,
    where "£3 million and 400 jobs" are two figures)."""
    out: list[Number] = []
    for n in nums:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.scaled
            and not prev.words
            and not prev.is_range
            and not prev.suffix
            and prev.factor in _COMPOUND_FACTORS
            and 0 <= n.value < prev.factor
            and not n.is_range
            and n.factor < prev.factor
            and _COMPOUND_GAP.fullmatch(text[prev.end : n.start])
        ):
            out[-1] = Number(
                prev.start, n.end, prev.value + n.value, min(prev.step, n.step), scaled=True, factor=prev.factor
            )
            continue
        out.append(n)
    return out


_COMPOUND_FACTORS = frozenset({Decimal(100), Decimal(1000), Decimal(100000), Decimal(10**7)})


def _join_ranges(text: str, nums: list[Number]) -> list[Number]:
    """Join "10-15", "10–15 million", "8- to 16-" into one ranged Number."""
    out: list[Number] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        if i + 1 < len(nums):
            b = nums[i + 1]
            gap = text[a.end : b.start]
            # "ten-twelve" is rare; "three-nought-four" (digits read out) is not a range.
            glued_words = gap == "-" and (a.words or b.words)
            if _RANGE_GAP.fullmatch(gap) and not a.suffix and b.value >= 0 and not glued_words:
                low, high, step = a.value, b.value, min(a.step, b.step)
                # "3-4 million": the scale written once covers both ends.
                if b.scaled and not a.scaled and not a.words:
                    low = a.value * b.factor
                    step = min(a.step * b.factor, b.step)
                # A negative low end only before a dash: "-78-0 degrees", "−5 to 10C".
                if low < high and (a.value >= 0 or gap.strip() in ("-", "–", "—", "-to", "- to")):
                    mid = (low + high) / 2
                    out.append(
                        Number(
                            a.start,
                            b.end,
                            mid,
                            step,
                            low,
                            high,
                            a.words and b.words,
                            scaled=b.scaled,
                            suffix=b.suffix,
                            factor=b.factor,
                        )
                    )
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


# A scale word after a figure's digits and the one name it has however it is written: "£3.2bn", "£3.2
# billion" and "3.2bn pounds" are all told in billions, so readers that ask whether two figures share a
# scale ("€64 million, up from 21m") see one answer for every style.
_SCALE_AFTER = startcache.compile(r"\d[^\S\n]*(bn|mn|m|k|tn|million|billion|trillion|thousand)\b", re.IGNORECASE)
_SCALE_NAMES = {"k": "thousand", "m": "million", "mn": "million", "bn": "billion", "tn": "trillion"}


def scale_word(text: str) -> str:
    """The scale a figure's text is told in, one name per scale ("m" and "million" are "million"), or ""."""
    m = _SCALE_AFTER.search(text)
    if m is None:
        return ""
    word = m.group(1).lower()
    return _SCALE_NAMES.get(word, word)
