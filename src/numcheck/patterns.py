"""Rule templates over a sentence skeleton: bind figures to roles by the words around them.

A skeleton is a sentence in which every figure with a value is one token,
``#7:percent#`` (fact 7 of the document, kind percent), and every other
character is kept (lower-cased). A template is a regex over skeletons with
role slots ``#part:count#`` (a fact of kind count bound to the role
``part``), ``#share:percent|share#`` (either kind) or ``#x#`` (any kind);
matching reads back only fact ids, so no offset arithmetic is needed.

``View`` is the read-only view of one document that every check gets:
skeletons, facts grouped by kind and by the nouns around them, and the
reporting date. It computes each index once, on first use.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeAlias

from numcheck import startcache
from numcheck.interval import Interval
from numcheck.model import Document, Fact, Span
from numcheck.vocab import past_level_words

if TYPE_CHECKING:
    import regex

# A compiled rule regex: the standard ``re`` for the bundled rules, ``regex`` for a user's (its timeout).
Compiled: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"

# Matching a user's template may take at most this long per sentence (seconds).
USER_REGEX_TIMEOUT = 0.05

_SLOT = startcache.compile(r"#([a-z_][a-z0-9_]*)(?::([a-z|]+))?#")

# Words that carry no meaning for whole lookup ("the population", "its people").
STOPWORDS = frozenset(
    """a an the of its their his her our your this that these those all some any and or
    to in on at by for from with as than about around nearly almost over under more less
    who which whom whose was were is are be been being has have had it they them he she we you i
    another further other same such per each every total""".split()
)
# Words that make two mentions of a subject different quantities ("last year", "now").
TIME_WORDS = frozenset(
    """now currently today yesterday tomorrow last next previous previously ago before after since until
    earlier later former formerly once then pre-war prewar post-war initially originally recent recently
    year years month months week weeks annual annually quarter daily weekly monthly record peak""".split()
)


@dataclass(frozen=True, slots=True)
class Template:
    """A skeleton template, the roles it binds and its regex, compiled on first use.

    Bundled rules have dozens of templates and a document needs few of them
    (see ``needs``), so compiling each only when a sentence could match keeps
    start-up short. Rules from user folders are compiled when they load
    (``rules.parse_rule`` calls ``check``), so a bad regex there is still an
    error at load time; the bundled ones are compiled by the test suite.
    """

    source: str
    expanded: str  # the regex with each slot written out
    roles: tuple[str, ...]
    # Per slot that every match must fill, the kinds it accepts: a sentence
    # without a token of one of them cannot match, so the regex is not run there.
    needs: tuple[frozenset[str], ...] = ()
    key: str = ""  # the rule parameter it came from, for error messages
    group: str = ""  # a named group (or role) the check reads, checked when it compiles
    missing: str = ""  # what to say when ``group`` is missing
    bundled: bool = False  # a bundled rule's: compiled with ``re`` (see ``bundled``)

    @property
    def pattern(self) -> Compiled:
        return _bundled(self.expanded) if self.bundled else _compiled(self.expanded)

    def check(self) -> None:
        """Compile now; raises ValueError ("key: reason") if the regex is not valid or lacks ``group``."""
        import regex

        try:
            rx = self.pattern
        except regex.error as err:
            raise ValueError(f"{self.key}: invalid regex {self.source!r}: {err}") from err
        if self.group and self.group not in rx.groupindex:
            raise ValueError(f"{self.key}: template {self.source!r} {self.missing}")


@functools.cache
def _compiled(expanded: str) -> regex.Pattern[str]:
    """A user's rule regex: the ``regex`` module, whose matches take a timeout."""
    import regex

    return regex.compile(expanded, regex.IGNORECASE | regex.VERSION0)


@functools.cache
def _bundled(expanded: str) -> Compiled:
    """A bundled rule's regex: ``re`` through the start-up cache, ``regex`` for what ``re`` cannot read.

    The ``regex`` module (VERSION0, the ``re``-compatible behaviour) compiles
    in Python on every start, ~12 ms for the templates one article needs;
    ``re``'s compiled form is kept between runs. Bundled patterns need no
    timeout, and ``tests/test_rules.py`` checks that both engines find the
    same matches for every bundled pattern.
    """
    try:
        return startcache.compile(expanded, re.IGNORECASE)
    except re.error:
        return _compiled(expanded)


def bundled(compiled: Mapping[str, Any]) -> dict[str, Any]:
    """A bundled rule's compiled parameters with each template and regex marked ``bundled``."""
    from dataclasses import replace

    def mark(item: Any) -> Any:
        return replace(item, bundled=True) if isinstance(item, (Template, Regex)) else item

    out: dict[str, Any] = {}
    for key, value in compiled.items():
        if isinstance(value, (tuple, list)):
            out[key] = type(value)(mark(v) for v in value)
        else:
            out[key] = mark(value)
    return out


def _needs(source: str) -> tuple[frozenset[str], ...]:
    """The kind sets of the slots that every match of ``source`` fills.

    Only slots outside any group, in a template without a top-level ``|``,
    and not followed by a quantifier count; any doubt gives no requirement,
    which only means the regex runs where it could not match.
    """
    slots = {m.start(): m for m in _SLOT.finditer(source)}
    needs: list[frozenset[str]] = []
    depth = 0
    i = 0
    n = len(source)
    while i < n:
        ch = source[i]
        if i in slots:
            m = slots[i]
            i = m.end()
            if depth == 0 and m.group(2) and not (i < n and source[i] in "?*{"):
                needs.append(frozenset(m.group(2).split("|")))
            continue
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            # A class ends at the first "]" that is not its first character or escaped.
            j = i + 1
            if j < n and source[j] == "^":
                j += 1
            if j < n and source[j] == "]":
                j += 1
            while j < n and source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            i = j + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return ()
        i += 1
    return tuple(needs) if depth == 0 else ()


def compile_template(source: str, key: str = "") -> Template:
    """One template, its regex not yet compiled; raises ValueError for a role written twice.

    ``Template.check`` compiles it (and says why a regex is invalid).
    """
    roles: list[str] = []

    def slot(m: re.Match[str]) -> str:
        role, kinds = m.group(1), m.group(2)
        if role in roles:
            raise ValueError(f"role {role!r} appears twice in {source!r}")
        roles.append(role)
        kind_re = "|".join(re.escape(k) for k in kinds.split("|")) if kinds else r"[a-z]+"
        return rf"#(?P<{role}>\d+):(?:{kind_re})#"

    expanded = _SLOT.sub(slot, source)
    return Template(source, expanded, tuple(roles), _needs(source), key)


def compile_templates(key: str, sources: Sequence[str], required: Sequence[str]) -> tuple[Template, ...]:
    """Read a list of templates, each of which must bind every role in ``required``.

    Their regexes compile on first use (``Template.check`` compiles one now).
    """
    out: list[Template] = []
    for src in sources:
        try:
            t = compile_template(src, key)
        except ValueError as err:
            raise ValueError(f"{key}: {err}") from err
        missing = [r for r in required if r not in t.roles]
        if missing:
            raise ValueError(f"{key}: template {src!r} lacks role(s) {', '.join(missing)}")
        out.append(t)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Regex:
    """A rule's regex, compiled on first use like ``Template``; acts as the compiled pattern."""

    source: str
    key: str  # the rule parameter it came from, for error messages
    groups: tuple[str, ...] = ()  # named groups the check reads
    missing: str = ""  # what to say when one is missing ("" for the usual words)
    bundled: bool = False  # a bundled rule's: compiled with ``re`` (see ``bundled``)

    @property
    def pattern(self) -> str:
        return self.source

    @property
    def compiled(self) -> Compiled:
        return _bundled(self.source) if self.bundled else _compiled(self.source)

    # The calls checks make, spelled out: a __getattr__ lookup costs an exception each time.
    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.match(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.finditer(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        # Anything else (groupindex, fullmatch, sub...): that of the compiled pattern.
        return getattr(self.compiled, name)

    def check(self) -> None:
        """Compile now; raises ValueError ("key: reason") if the regex is invalid or lacks a group."""
        import regex

        try:
            rx = self.compiled
        except regex.error as err:
            raise ValueError(f"{self.key}: invalid regex {self.source!r}: {err}") from err
        lacking = [g for g in self.groups if g not in rx.groupindex]
        if lacking:
            raise ValueError(f"{self.key}: {self.missing or f'{self.source!r} lacks group(s) ' + ', '.join(lacking)}")


def compile_regex(key: str, source: str, groups: Sequence[str] = (), missing: str = "") -> Regex:
    """A rule's regex for ``key``, compiled on first use (``Regex.check`` compiles it now)."""
    return Regex(source, key, tuple(groups), missing)


def check_compiled(compiled: Mapping[str, Any]) -> None:
    """Compile every template and regex of a rule's compiled parameters now; raises ValueError ("key: reason")."""
    for value in compiled.values():
        for item in value if isinstance(value, (tuple, list)) else (value,):
            if isinstance(item, (Template, Regex)):
                item.check()


@dataclass(frozen=True, slots=True)
class Binding:
    """One template match: role → fact index, plus named text groups."""

    sentence: int
    roles: Mapping[str, int]
    groups: Mapping[str, str]
    start: int  # match position in the skeleton, for ordering
    end: int


class View:
    """What checks read about one document, each index computed once."""

    def __init__(self, doc: Document, today: dt.date | None = None) -> None:
        self.doc = doc
        self.today = today
        self._memo: dict[str, Any] = {}

    @cached_property
    def text(self) -> str:
        return self.doc.clean or self.doc.text

    @cached_property
    def ends(self) -> Mapping[int, tuple[int, int]]:
        """Range facts read as two endpoints ("from 41% to 48%"): range index → (from, to) indexes in ``facts``."""
        return self._split[1]

    @cached_property
    def facts(self) -> tuple[Fact, ...]:
        """The fact table plus the two ends of each "from X to Y" range, appended after it."""
        return self._split[0]

    @cached_property
    def _split(self) -> tuple[tuple[Fact, ...], Mapping[int, tuple[int, int]]]:
        out = list(self.doc.facts)
        ends: dict[int, tuple[int, int]] = {}
        for i, f in enumerate(self.doc.facts):
            # "from a typical 12,000 to 10,000": past the words that name the kind of level
            if f.is_range and (
                _FROM_BEFORE.search(past_level_words(self.before(f, 40))) or _tally(f, self.before(f, TALLY_REACH))
            ):
                pair = split_range(f)
                if pair:
                    ends[i] = (len(out), len(out) + 1)
                    out.extend(pair)
        return tuple(out), ends

    @cached_property
    def by_sentence(self) -> tuple[tuple[int, ...], ...]:
        """Fact indexes per sentence, in text order (a split range gives its two ends, not itself)."""
        groups: list[list[int]] = [[] for _ in self.doc.sentences]
        hidden = set(self.ends)
        for i, f in enumerate(self.facts):
            if i not in hidden and 0 <= f.sentence < len(groups):
                groups[f.sentence].append(i)
        for g in groups:
            g.sort(key=lambda i: (self.facts[i].span.start, i))
        return tuple(tuple(g) for g in groups)

    @cached_property
    def by_kind(self) -> Mapping[str, tuple[int, ...]]:
        out: dict[str, list[int]] = {}
        for i, f in enumerate(self.doc.facts):
            out.setdefault(f.kind, []).append(i)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def skeletons(self) -> tuple[str, ...]:
        out: list[str] = []
        for si, sent in enumerate(self.doc.sentences):
            parts: list[str] = []
            pos = sent.span.start
            for fi in self.by_sentence[si]:
                f = self.facts[fi]
                if not is_token(f) or f.span.start < pos:
                    continue
                parts.append(_plain(self.text[pos : f.span.start]))
                parts.append(f"#{fi}:{f.kind}#")
                pos = f.span.end
                # A scale suffix left outside the fact ("£9m", "$4bn") belongs to the token.
                m = _SUFFIX.match(self.text, pos, sent.span.end)
                if m:
                    pos = m.end()
            parts.append(_plain(self.text[pos : sent.span.end]))
            out.append("".join(parts))
        return tuple(out)

    @cached_property
    def token_kinds(self) -> tuple[frozenset[str], ...]:
        """Per sentence, the kinds of its ``#i:kind#`` tokens (a template needing another kind is skipped)."""
        return tuple(frozenset(_TOKEN_KIND.findall(skel)) for skel in self.skeletons)

    def sentence_text(self, index: int) -> str:
        s = self.doc.sentences[index].span
        return self.text[s.start : s.end]

    def before(self, fact: Fact, chars: int = 60) -> str:
        """Lower-cased text before ``fact`` inside its sentence (at most ``chars``)."""
        start = self.doc.sentences[fact.sentence].span.start if self.doc.sentences else 0
        return _normalise(self.text[max(start, fact.span.start - chars) : fact.span.start].lower())

    def after(self, fact: Fact, chars: int = 60) -> str:
        end = self.doc.sentences[fact.sentence].span.end if self.doc.sentences else len(self.text)
        return _normalise(self.text[fact.span.end : min(end, fact.span.end + chars)].lower())

    def bind(
        self, templates: Sequence[Template], sentences: Sequence[int] | None = None, *, trusted: bool = True
    ) -> Iterator[Binding]:
        """Every match of every template in every sentence (or in ``sentences``), in text order."""
        found: list[Binding] = []
        indexes = range(len(self.skeletons)) if sentences is None else sentences
        for si in indexes:
            skel = self.skeletons[si]
            if "#" not in skel:
                continue
            kinds = self.token_kinds[si]
            for t in templates:
                for need in t.needs:
                    if need.isdisjoint(kinds):
                        break  # a slot this sentence has no figure for
                else:
                    for m in _finditer(t.pattern, skel, trusted):
                        roles = {r: int(m.group(r)) for r in t.roles if m.group(r) is not None}
                        groups = {k: v for k, v in m.groupdict().items() if k not in t.roles and v is not None}
                        found.append(Binding(si, roles, groups, m.start(), m.end()))
        found.sort(key=lambda b: (b.sentence, b.start, -b.end))
        yield from found

    @staticmethod
    def search(pattern: Any, text: str, pos: int = 0, *, trusted: bool = True) -> Any:
        """``pattern.search`` from ``pos``, under the timeout when the rule is not bundled."""
        try:
            return pattern.search(text, pos) if trusted else pattern.search(text, pos, timeout=USER_REGEX_TIMEOUT)
        except TimeoutError:
            return None

    @cached_property
    def labels(self) -> tuple[frozenset[str], ...]:
        """Per fact: content words naming what it counts (subject, "population of X", "X people")."""
        out: list[frozenset[str]] = []
        for f in self.facts:
            words: set[str] = set()
            if f.subject:
                words.update(content_words(f.subject))
            m = _NOUN_OF.search(self.before(f, 50))
            if m:
                words.update(content_words(m.group(1)))
            m = _NOUN_AFTER.match(self.after(f, 40))
            if m:
                words.update(content_words(m.group(1)))
            out.append(frozenset(words))
        return tuple(out)

    @cached_property
    def by_label(self) -> Mapping[str, tuple[int, ...]]:
        """Content word → indexes of the facts it labels (the whole-lookup index)."""
        out: dict[str, list[int]] = {}
        for i, words in enumerate(self.labels):
            for w in words:
                out.setdefault(w, []).append(i)
        return {k: tuple(v) for k, v in out.items()}

    def memo(self, name: str, make: Callable[[View], Any]) -> Any:
        """``make(self)``, computed once per document under ``name`` (how later layers, such as the
        relations, keep their index on the view without this module importing them)."""
        if name not in self._memo:
            self._memo[name] = make(self)
        return self._memo[name]

    @cached_property
    def reporting_date(self) -> dt.date | None:
        if self.today is not None:
            return self.today
        try:
            from numcheck.dates import reporting_date
        except ImportError:  # the dates module is not there yet: no "now"
            return None
        # The fact table already holds the dateline's date: no second read of the top lines.
        return reporting_date(self.doc, self.doc.facts)


_FROM_BEFORE = startcache.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?$")
# Characters before "A to B" that a word of a vote or a contest may stand in for the pair to be a tally
# ("Okafor beat Pryce by just 14 votes, 1,208 to 1,194"): two figures, never a range.
TALLY_REACH = 80


@functools.cache
def _tally_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    from numcheck.vocab import _toml

    data = _toml("vocab.toml")["tallies"]
    words = "|".join(re.escape(w) for w in sorted(data["words"], key=len, reverse=True))
    near = "|".join(re.escape(w) for w in data["next_to"])
    stops = "|".join(re.escape(w) for w in data["stops"] if w.isalpha())
    return re.compile(rf"\b(?:{words})\b|\b(?:{near})\s+$", re.I), re.compile(rf"[;.!?]|\b(?:{stops})\b", re.I)


def _tally(f: Fact, before: str) -> bool:
    """The range fact ``f`` is "A to B" after a word of a vote or a contest in its clause (vocab.toml
    [tallies]): a tally of two sides."""
    if " to " not in f.text:
        return False
    words, stops = _tally_words()
    cut = max((m.end() for m in stops.finditer(before)), default=0)
    return bool(words.search(before[cut:]))


_RANGE_PARTS = startcache.compile(r"^(.*?\S)\s*(?:\bto\b|-|–|—)\s*(\S.*)$")


def split_range(f: Fact) -> tuple[Fact, Fact] | None:
    """The two ends of a range fact as facts of their own, when each end reads as one figure by itself.

    "41% to 48%" splits; "10 to 12 million" does not (the scale is written once,
    so the first end alone would read as 10).
    """
    from dataclasses import replace

    from numcheck.facts import extract

    m = _RANGE_PARTS.match(f.text)
    if not m:
        return None
    pair: list[Fact] = []
    for g in (1, 2):
        part = m.group(g)
        facts = [x for x in extract(part).facts if x.value is not None]
        if len(facts) != 1 or facts[0].text != part.strip():
            return None
        x = facts[0]
        start = f.span.start + m.start(g) + x.span.start
        pair.append(replace(x, span=Span(start, start + len(x.text)), sentence=f.sentence, subject=f.subject))
    a, b = pair
    if a.kind != b.kind or a.unit != b.unit:
        return None
    return a, b


def _finditer(pattern: Any, text: str, trusted: bool) -> Iterator[Any]:
    try:
        if trusted:
            yield from pattern.finditer(text)
        else:
            yield from pattern.finditer(text, timeout=USER_REGEX_TIMEOUT)
    except TimeoutError:
        return


_TOKEN_KIND = startcache.compile(r"#\d+:([a-z]+)#")
_SUFFIX = startcache.compile(r"(?:bn|m|k|tn|mn|trn)(?![A-Za-z])")
# Searched over the 50 characters before a figure: the phrase starts only where a run of its
# characters starts (a start inside a run reads the same words) and words give nothing back,
# or a run of "'" or "-" is retried from every position (quadratic). Same matches as without.
_NOUN_OF = startcache.compile(
    r"(?<![a-z'’-])((?:[a-z'’-]++ ){0,2}[a-z'’-]++) of (?:about |around |some |nearly |almost |roughly |approximately |over |more than )?$"
)
_NOUN_AFTER = startcache.compile(r"^ (?:of )?(?:the )?((?:[a-z'’-]+ ){0,1}[a-z'’-]+)")


def is_token(f: Fact) -> bool:
    """Whether a fact becomes a ``#i:kind#`` token (it has a value or a date)."""
    return f.value is not None or f.iso is not None


_CONTENT_WORD = startcache.compile(r"[a-z][a-z'’-]*")
_POSSESSIVE = startcache.compile(r"['’]s$")


def content_words(phrase: str) -> set[str]:
    """Lower-cased content words with a plural "s" dropped ("Syrian refugees" → syrian, refugee)."""
    out: set[str] = set()
    for w in _CONTENT_WORD.findall(phrase.lower()):
        w = _POSSESSIVE.sub("", w)
        if w in STOPWORDS or len(w) < 3:
            continue
        if w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "y"
        elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
            w = w[:-1]
        out.add(w)
    return out


def _plain(s: str) -> str:
    # A "#" in the prose must not look like a token boundary.
    return _normalise(s.lower()).replace("#", " ")


def _normalise(s: str) -> str:
    # Curly quotes and dashes in, plain ones out: templates stay simple.
    return s.translate(_TRANSLATE)


_TRANSLATE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ", "\n": " "})


def format_number(value: object) -> str:
    """A Decimal as a reader writes it: thousands separators, no exponent, no trailing zeros."""
    from decimal import Decimal

    d = value if isinstance(value, Decimal) else Decimal(str(value))
    d = d.normalize()
    if d == d.to_integral_value():
        return f"{int(d):,}"
    whole, _, frac = format(d, "f").partition(".")
    return f"{int(whole):,}.{frac}" if whole.lstrip("-") else f"{whole}.{frac}"


# --- arithmetic the checks share ------------------------------------------------


# The share words a writer rounds to, in percent: a hedged one ("roughly three in four") reaches no nearer
# a neighbour than halfway to it, so 67% is "two in three", not "roughly three in four".
COMMON_SHARES = tuple(
    Decimal(n) * 100 / Decimal(d) for n, d in ((1, 10), (1, 5), (1, 4), (1, 3), (1, 2), (2, 3), (3, 4), (4, 5), (9, 10))
)


def _about_share(mid: Decimal, width: Decimal) -> Interval:
    """A hedged share word: twice its own rounding ``width`` either side, cut at halfway to the next common
    share word but never inside its own rounding ("roughly three in four" is 67.5% to 82.5%)."""
    low, high = mid - 2 * width, mid + 2 * width
    below = [c for c in COMMON_SHARES if c < mid - Decimal("0.01")]
    above = [c for c in COMMON_SHARES if c > mid + Decimal("0.01")]
    if below:
        low = max(low, min(mid - width, (mid + below[-1]) / 2))
    if above:
        high = min(high, max(mid + width, (mid + above[0]) / 2))
    return Interval(low, high)


def as_percent(f: Fact) -> Interval | None:
    """A percent or share fact as an interval in percent.

    A share word ("one in five", "two-thirds") is a conventional rounding, so
    it is read as "about": one in five covers 18–22%.
    """
    from decimal import Decimal

    from numcheck.interval import ABOUT_WIDTH

    if f.kind == "percent":
        return f.interval if f.interval.bounded else None
    if f.kind == "share" and f.value is not None:
        mid = f.value * 100
        width = max(mid * ABOUT_WIDTH, Decimal("0.5"))
        low, high = mid - width, mid + width
        if f.hedge == "exact":
            return Interval(low, high)
        if f.hedge == "about":
            # "about one in three", "roughly a quarter": the rounding a share word already is, told twice; a
            # little wider, never as far as the next share word (one in three is no 25%).
            return _about_share(mid, width)
        # A hedge ("nearly half") may reach further than the conventional rounding.
        if f.interval.low is not None:
            low = min(low, f.interval.low * 100)
        if f.interval.high is not None:
            high = max(high, f.interval.high * 100)
        return Interval(low, high if f.interval.high is not None else None)
    return None


def share_of(part: Interval, whole: Interval) -> Interval | None:
    """part ÷ whole in percent, or None when the whole may be zero or unbounded below."""
    from decimal import Decimal

    q = part.divide(whole)
    return None if q is None else q.scale(Decimal(100))


def entirely_above(a: Interval, b: Interval) -> bool:
    """Every value of ``a`` is above every value of ``b``."""
    return a.low is not None and b.high is not None and not a.overlaps(b) and a.low >= b.high


def round_to(value: Decimal, step: str | Decimal) -> Decimal:
    """``value`` rounded half-up to ``step`` ("0.01"); left as it is when too large to round."""
    from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

    try:
        return value.quantize(Decimal(step), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the context holds: show it unrounded
        return value


def rounded_like(value: Decimal, written: str) -> str:
    """``value`` rounded to the decimals of ``written`` ("24" for "40%", "58.3" for "(48.0%)")."""
    from decimal import Decimal

    digits = re.search(r"\d+(?:\.(\d+))?", written)
    places = len(digits.group(1)) if digits and digits.group(1) else 0
    return format_number(round_to(value, Decimal(1).scaleb(-places)))


def midpoint(iv: Interval) -> Decimal | None:
    from decimal import Decimal

    if iv.low is None or iv.high is None:
        return iv.low if iv.low is not None else iv.high
    return (iv.low + iv.high) / Decimal(2)


def point(f: Fact) -> Decimal | None:
    """The value to show in a message: the written value, or the middle of its interval."""
    return f.value if f.value is not None else midpoint(f.interval)
