"""Units of measure: read unit words after a figure, and convert between them.

Reading a unit ("10 km", "a six-mile trip") uses the word table in ``data/units.toml``; converting
(``convert``) reads the small definitions file ``data/units.txt`` (pint's syntax) once, without pint:
importing pint and building a registry cost about a billion instructions, a quarter of a second, on
every run whose text has a conversion to check. This is the only module that imports pint, lazily, in
``registry()``: the tests hold ``convert`` to pint's answers for every pair of units of one dimension.

Every unit name in the table is a pint name defined in ``units.txt`` (a test checks this), so a fact's
``unit`` can be handed to pint as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, localcontext
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from numcheck import startcache
from numcheck.data import text as read_data

if TYPE_CHECKING:  # pragma: no cover
    import pint


@dataclass(frozen=True, slots=True)
class Unit:
    """A physical unit: pint's name for it and its dimension."""

    name: str  # pint's name, e.g. "kilometre", "degree_Celsius"
    dim: str  # "length", "mass", "temperature", "time", ...


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit word or symbol found after a figure."""

    unit: Unit
    start: int  # where the unit word starts (after any space or hyphen)
    end: int
    surface: str
    abbreviation: bool  # written as a symbol ("km", "C") rather than a word


def _load() -> tuple[
    dict[str, Unit],
    dict[str, Unit],
    dict[str, Unit],
    dict[str, Unit],
    frozenset[str],
    frozenset[str],
    frozenset[str],
    frozenset[str],
    frozenset[str],
]:
    raw = read_data("units.toml")
    data = startcache.toml(raw, decimal=True)
    units: dict[str, Unit] = {}
    words: dict[str, Unit] = {}
    abbrs: dict[str, Unit] = {}
    power_only: dict[str, Unit] = {}
    article: set[str] = set()
    strict: set[str] = set()
    decimal: set[str] = set()
    after_numeral: set[str] = set()
    before_of: set[str] = set()
    for name, entry in data.items():
        unit = Unit(name, entry["dim"])
        units[name] = unit
        for w in entry.get("words", ()):
            words.setdefault(w.lower(), unit)
        for a in entry.get("abbr", ()):
            abbrs.setdefault(a, unit)
        for a in entry.get("abbr_power", ()):
            power_only.setdefault(a, unit)
        for key, kept in (("abbr_strict", strict), ("abbr_decimal", decimal)):
            for a in entry.get(key, ()):
                abbrs.setdefault(a, unit)
                kept.add(a)
        article.update(w.lower() for w in entry.get("article", ()))
        after_numeral.update(w.lower() for w in entry.get("words_after_numeral", ()))
        before_of.update(w.lower() for w in entry.get("words_before_of", ()))
    return (
        units,
        words,
        abbrs,
        power_only,
        frozenset(article),
        frozenset(strict),
        frozenset(decimal),
        frozenset(after_numeral),
        frozenset(before_of),
    )


# STRICT_ABBRS and DECIMAL_ABBRS are symbols the extractor reads only in the contexts
# data/units.toml describes (``abbr_strict``, ``abbr_decimal``); ARTICLE_WORDS take "a" as one;
# NUMERAL_WORDS are unit words read only after digits (``words_after_numeral``); OF_WORDS only before "of"
# or a bracketed conversion (``words_before_of``).
UNITS, _WORDS, _ABBRS, _POWER_ONLY, ARTICLE_WORDS, STRICT_ABBRS, DECIMAL_ABBRS, NUMERAL_WORDS, OF_WORDS = _load()


def _alternation(surfaces: Iterable[str], flexible_space: bool) -> str:
    parts = []
    for s in sorted(surfaces, key=lambda w: (-len(w), w)):
        esc = re.escape(s)
        if flexible_space:
            esc = esc.replace(r"\ ", r"[^\S\n]+").replace(r"\-", r"[-\s]")
        parts.append(esc)
    return "|".join(parts)


# A unit word after a figure: "10 miles", "six-mile", "2.5-mile", "40 degrees Celsius".
_UNIT_WORDS = _alternation(_WORDS, True)  # built once: ~0.3 ms of a start
_WORD_AFTER = startcache.compile(rf"(?:[^\S\n]*-[^\S\n]*|[^\S\n]+)(?P<u>{_UNIT_WORDS})(?![\w-])", re.I)
_WORD_AT = startcache.compile(rf"(?P<u>{_UNIT_WORDS})(?![\w-])", re.I)
# A unit symbol after a figure, attached or after one space: "10km", "10 km", "40°C".
_ABBR_AFTER = startcache.compile(rf"(?:[^\S\n]?)(?P<u>{_alternation(_ABBRS, False)})(?![A-Za-z0-9_])")


# A power after a unit: "km^2", "m³", "km cubed"; and the inverse a rate is written with in
# science copy: "s-1", "s^-1", "fb−1", "s⁻¹" (per second, per femtobarn).
_POWER = startcache.compile(
    r"(?:\^(?P<a>[23])|(?P<b>[²³])|[^\S\n]+(?P<c>squared|cubed)|(?P<inv>\^?[-−]1|⁻¹))(?![\w.,]\d|\w)"
)
_PER = startcache.compile(r"/|[^\S\n]+per[^\S\n]+")
_POWERS = {"2": 2, "3": 3, "²": 2, "³": 3, "squared": 2, "cubed": 3}
# "4 cubic kilometres", "10 square miles": a power word before a length word. Units the
# table names outright ("square metre", "cubic feet") are found first and win on a tie.
_POWER_WORD = startcache.compile(r"(?:[^\S\n]*-[^\S\n]*|[^\S\n]+)(?P<p>cubic|square|sq)[^\S\n]+", re.I)
_POWER_WORDS = {"square": 2, "sq": 2, "cubic": 3}
# Symbols too ambiguous alone ("s", "b") that are units when a power follows: "4e14 s-1".
_POWER_ONLY_AFTER = startcache.compile(
    rf"[^\S\n]?(?P<u>{_alternation(_POWER_ONLY, False) if _POWER_ONLY else '(?!)'})(?=\^?[-−]1(?![\w.,]\d|\w)|⁻¹)"
)


def match_after(text: str, pos: int) -> UnitMatch | None:
    """The unit written right after a figure ending at ``pos``, if any.

    The longest reading wins; a power ("km^2", "m³", "km cubed") and a
    denominator ("W/min", "kg/cm³", "joules per second") are folded into the
    unit's pint expression ("kilogram / centimetre ** 3").
    """
    first = _match_one(text, pos)
    if first is None:
        return None
    first = _with_power(text, first)
    second = match_per(text, first.end)
    if second is not None:
        unit = Unit(f"{first.unit.name} / {second.unit.name}", f"{first.unit.dim}/{second.unit.dim}")
        return UnitMatch(unit, first.start, second.end, text[first.start : second.end], first.abbreviation)
    return first


def match_per(text: str, pos: int) -> UnitMatch | None:
    """The denominator of a rate written at ``pos``: "/hour", " per kg", "/m²" (the unit after "/" or "per")."""
    per = _PER.match(text, pos)
    if not per:
        return None
    second = _match_one(text, per.end(), glued=True)
    if second is None or (second.abbreviation and second.surface in ('"', "in", "'", "′", "″")):
        return None
    return _with_power(text, second)


def _with_power(text: str, um: UnitMatch) -> UnitMatch:
    p = _POWER.match(text, um.end)
    if not p:
        return um
    if p.group("inv"):
        # An inverse is read for any unit ("fb−1" is per femtobarn); a "-1" after a word
        # ("metres-1") is a hyphenated number, not a power.
        if not um.abbreviation or (p.group("inv")[0] in "-−" and len(um.surface) == 1 and um.surface in _ABBRS):
            # "F-1", "M-1", "L-1" name things; a one-letter symbol takes "^-1" or "⁻¹" only.
            return um
        return UnitMatch(
            Unit(f"1 / {um.unit.name}", f"1/{um.unit.dim}"), um.start, p.end(), text[um.start : p.end()], True
        )
    if um.unit.dim not in ("length", "time"):
        return um
    n = _POWERS[p.group("a") or p.group("b") or p.group("c")]
    dim = {("length", 2): "area", ("length", 3): "volume"}.get((um.unit.dim, n), f"{um.unit.dim}^{n}")
    return UnitMatch(Unit(f"{um.unit.name} ** {n}", dim), um.start, p.end(), text[um.start : p.end()], um.abbreviation)


def _match_one(text: str, pos: int, glued: bool = False) -> UnitMatch | None:
    best: UnitMatch | None = None
    m = _ABBR_AFTER.match(text, pos)
    if m:
        best = UnitMatch(_ABBRS[m.group("u")], m.start("u"), m.end("u"), m.group("u"), True)
    else:
        m = _POWER_ONLY_AFTER.match(text, pos)
        if m:
            best = UnitMatch(_POWER_ONLY[m.group("u")], m.start("u"), m.end("u"), m.group("u"), True)
    m = _WORD_AFTER.match(text, pos) if not glued else _WORD_AT.match(text, pos)
    if m and (best is None or m.end() > best.end):
        key = re.sub(r"[\s-]+", " ", m.group("u").lower())
        unit = _WORDS.get(key) or _WORDS.get(m.group("u").lower())
        if unit is None:  # a hyphenated spelling of a spaced word ("light-year")
            unit = next((u for w, u in _WORDS.items() if re.sub(r"[\s-]+", " ", w) == key), None)
        if unit is not None:
            best = UnitMatch(unit, m.start("u"), m.end("u"), m.group("u"), False)
    pw = _POWER_WORD.match(text, pos) if not glued else None
    if pw:
        w = _WORD_AT.match(text, pw.end())
        unit = _WORDS.get(re.sub(r"[\s-]+", " ", w.group("u").lower())) if w else None
        if w and unit is not None and unit.dim == "length" and (best is None or w.end() > best.end):
            n = _POWER_WORDS[pw.group("p").lower()]
            dim = "area" if n == 2 else "volume"
            best = UnitMatch(
                Unit(f"{unit.name} ** {n}", dim), pw.start("p"), w.end(), text[pw.start("p") : w.end()], False
            )
    return best


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry[Any]:
    """numcheck's one pint registry, built on first use from ``data/units.txt``."""
    import pint  # deferred: ~200 ms, paid only when a conversion is asked for

    reg: pint.UnitRegistry[Any] = pint.UnitRegistry(None, non_int_type=Decimal, autoconvert_offset_to_baseunit=True)
    from importlib import resources

    with resources.as_file(resources.files("numcheck.data").joinpath("units.txt")) as path:
        reg.load_definitions(str(path))
    return reg


@cache
def alternates(unit: str) -> tuple[str, ...]:
    """The unit and the other units its words may mean ("gallon": the US one and the imperial one)."""
    entry = startcache.toml(read_data("units.toml"), decimal=True).get(unit, {})
    return (unit, *entry.get("alternates", ()))


def convert(value: Decimal, unit: str, to: str) -> Decimal:
    """``value`` in ``unit`` expressed in ``to`` (pint names, or products and quotients of them:
    "kilogram / centimetre ** 3"); raises ValueError if incompatible.

    Read from ``data/units.txt`` by ``_quantity`` without pint: importing pint and building its registry
    cost about a billion instructions (a quarter of a second) on every run whose text has one conversion
    to check. ``tests/test_units.py`` holds every pair of units of one dimension to pint's answer."""
    fa, da, oa = _quantity(unit)
    fb, db, ob = _quantity(to)
    if da != db:
        raise ValueError(f"cannot convert {unit} to {to}: {dict(da)} is not {dict(db)}")
    with localcontext() as ctx:
        ctx.prec = 50
        out = ((value * fa + oa) - ob) / fb
    return +out  # back to the ambient precision: "40 degree_Celsius" is 104 degree_Fahrenheit, exactly


# A unit's size against its base units, its dimensions (base name → power) and the offset of its zero
# (degrees Celsius and Fahrenheit).
_Quantity = tuple[Decimal, tuple[tuple[str, int], ...], Decimal]
_EXPR_TOKEN = re.compile(r"\*\*|[*/]|[0-9.]+(?:e-?[0-9]+)?|[^\s*/]+")


@cache
def _definitions() -> tuple[dict[str, _Quantity], dict[str, Decimal]]:
    """The units and prefixes of ``data/units.txt``, each name and alias to its quantity."""
    defs: dict[str, _Quantity] = {}
    prefixes: dict[str, Decimal] = {}
    with localcontext() as ctx:
        ctx.prec = 50
        for raw in read_data("units.txt").splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            head, *rest = [part.strip() for part in line.split("=")]
            if head.endswith("-"):
                value = _evaluate(rest[0], defs, prefixes)[0]
                for name in (head, *rest[1:]):
                    prefixes[name.rstrip("-")] = value
                continue
            body, _, offset_text = rest[0].partition(";")
            if body.startswith("["):
                q: _Quantity = (Decimal(1), ((body.strip("[] "), 1),), Decimal(0))
            else:
                q = _evaluate(body, defs, prefixes)
            if offset_text:
                # "offset: 233.15 + 200 / 9": a sum of numeric terms
                terms = offset_text.split(":", 1)[1].split("+")
                off = sum((_evaluate(t, defs, prefixes)[0] for t in terms), Decimal(0))
                q = (q[0], q[1], off)
            for name in (head, *rest[1:]):
                defs.setdefault(name, q)
    return defs, prefixes


def _evaluate(expr: str, defs: dict[str, _Quantity], prefixes: dict[str, Decimal]) -> _Quantity:
    """A product or quotient of numbers and units with powers, read left to right ("5 / 9 * kelvin",
    "kilogram * metre ** 2 / second ** 2"); the offset of a unit named alone is kept."""
    tokens = _EXPR_TOKEN.findall(expr)
    factor, dims = Decimal(1), dict[str, int]()
    offset = Decimal(0)
    op = "*"
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if tok in ("*", "/"):
            op = tok
            k += 1
            continue
        d: tuple[tuple[str, int], ...]
        if tok[0].isdigit() or tok[0] == ".":
            f, d, o = Decimal(tok), (), Decimal(0)
        else:
            f, d, o = _unit_named(tok, defs, prefixes)
        power = 1
        if k + 2 < len(tokens) and tokens[k + 1] == "**":
            power = int(tokens[k + 2])
            k += 2
        sign = 1 if op == "*" else -1
        factor = factor * f**power if sign > 0 else factor / f**power
        for base, n in d:
            dims[base] = dims.get(base, 0) + sign * n * power
        if len(tokens) == 1:
            offset = o
        k += 1
    return factor, tuple(sorted((b, n) for b, n in dims.items() if n)), offset


def _unit_named(name: str, defs: dict[str, _Quantity], prefixes: dict[str, Decimal]) -> _Quantity:
    got = defs.get(name)
    if got is not None:
        return got
    for prefix, value in prefixes.items():
        if name.startswith(prefix) and name[len(prefix) :] in defs:
            f, d, _ = defs[name[len(prefix) :]]
            return f * value, d, Decimal(0)
    raise ValueError(f"unknown unit: {name}")


@lru_cache(maxsize=256)
def _quantity(unit: str) -> _Quantity:
    defs, prefixes = _definitions()
    with localcontext() as ctx:
        ctx.prec = 50
        return _evaluate(unit, defs, prefixes)


def dimensionality(unit: str) -> str:
    """pint's dimensionality of a unit name, e.g. "[length] / [time]"."""
    return str(registry().Unit(unit).dimensionality)


def is_word(word: str) -> bool:
    """Whether ``word`` is a unit written as a word ("mile", "Kilometres"), not a symbol."""
    return word.lower() in _WORDS


def plural(word: str) -> str:
    """The plural of a unit word, from the word table ("mile" → "miles", "foot" → "feet").

    A word that is not a unit word, or whose unit lists no plural for it, is
    returned as it is: a message may then read "26.2 km", never a made-up form.
    """
    unit = _WORDS.get(word.lower())
    if unit is None:
        return word
    same = [w for w, u in _WORDS.items() if u == unit and w != word.lower()]
    regular = [word.lower() + "s", word.lower() + "es"]
    # Irregular plurals in the table keep the word's first and last letters and its length ("foot", "feet").
    irregular = [w for w in same if len(w) == len(word) and w[0] == word[0].lower() and w[-1] == word[-1].lower()]
    for w in [*regular, *irregular]:
        if w in same:
            return word + w[len(word) :] if w.startswith(word.lower()) else w
    return word
