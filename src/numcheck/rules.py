"""Load and validate rules: one TOML file per rule, data only, errors name file and key.

A rule file holds a code, a check kind (one of ``checks.CHECKS``), a
severity, a summary, a message template, a "why" paragraph, the kind's
parameters and example sentences. Everything is checked when the file is
loaded (unknown keys, wrong types, message fields the check does not
provide, regexes that do not compile, missing examples), so a bad rule
never surfaces as a wrong finding later. (One exception, for start-up
time: the regexes of the bundled rules compile on first use, since a
document needs few of them; the test suite compiles them all.)
Nothing in a rule file is
executed as code: the regexes of rules from user folders are compiled with
the ``regex`` module and matched under a timeout; the bundled rules' with
``re``, through the start-up cache (``patterns.bundled``).
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from numcheck import startcache
from numcheck.model import CODE_FAMILIES, SEVERITIES, Examples, Rule
from numcheck.patterns import bundled, check_compiled

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_TOP_KEYS: dict[str, type | tuple[type, ...]] = {
    "code": str,
    "name": str,
    "check": str,
    "relation": (str, list),
    "judge": str,
    "severity": str,
    "summary": str,
    "message": str,
    "why": str,
    "params": dict,
    "examples": dict,
}
_EXAMPLE_KEYS = {"flagged": list, "clean": list, "today": str}


class RuleError(Exception):
    """A rule file that cannot be used: says which file, which key, and why."""

    def __init__(self, file: str, key: str, reason: str) -> None:
        super().__init__(f"{file}: {key}: {reason}")
        self.file = file
        self.key = key
        self.reason = reason


def load_rules(extra_dirs: Sequence[Path] = ()) -> tuple[Rule, ...]:
    """The bundled rules, then the rules in each of ``extra_dirs``, sorted by code.

    Raises RuleError on the first bad file, or when two rules share a code or name.
    """
    found = _bundled_rules()
    for folder in extra_dirs:
        folder = Path(folder)
        if not folder.is_dir():
            raise RuleError(str(folder), "-", "not a folder of rule files")
        for path in sorted(folder.glob("*.toml")):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as err:
                raise RuleError(str(path), "-", f"cannot read: {err}") from err
            found.append(parse_rule(text, str(path), trusted=False))
    seen_code: dict[str, str] = {}
    seen_name: dict[str, str] = {}
    for rule in found:
        if rule.code in seen_code:
            raise RuleError(rule.file, "code", f"{rule.code} is also used by {seen_code[rule.code]}")
        if rule.name in seen_name:
            raise RuleError(rule.file, "name", f"{rule.name} is also used by {seen_name[rule.name]}")
        seen_code[rule.code] = rule.file
        seen_name[rule.name] = rule.file
    return tuple(sorted(found, key=lambda r: r.code))


def _bundled_rules() -> list[Rule]:
    """The bundled rules, parsed and validated, or as an earlier start validated the same files.

    Loading them (42 files: parse, validate, import every judge and check
    they name) was ~8 ms of each start. The start-up cache keeps the validated
    rules, keyed by the size and modification time of each rule file and of
    each module and data file that loading reads or runs (``_stamp``), as
    Python keys its bytecode; an edit anywhere there loads and validates them
    all again. Their compiled parameters are not kept: each rule compiles
    them on first use (``_Compiled``), and a judge's module loads only when a
    document gives its rule something to judge.
    """
    folder = bundled_dir()
    key = _stamp(folder)
    if key is not None:
        stored = startcache.rules(key)
        if stored is not None:
            try:
                return [_from_record(r) for r in stored["rules"]]
            except (KeyError, TypeError, ValueError):  # an entry of another layout: load them
                pass
    found = [
        # Start-up: a run needs few of the bundled templates, so they compile on first use.
        # Their TOML is kept in the start-up cache only when the loaded rules cannot be (every start
        # that can use those reads the loaded rules instead: ~40 parsed files fewer to read at each start).
        parse_rule(
            entry.read_text(encoding="utf-8"),
            f"rules/{entry.name}",
            trusted=True,
            compile_now=False,
            keep_toml=key is None,
        )
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".toml")
    ]
    if key is not None:
        startcache.keep_rules(key, {"rules": [_record(r) for r in found]})
    return found


# What loading the bundled rules reads or runs, besides the rule files: this module and the model,
# the check kinds and judges (parameters, fields, compile), the patterns and vocabulary they compile with.
_STAMPED = ("", "checks", "judges", "data")


def _stamp(folder: Traversable) -> tuple[Any, ...] | None:
    """(name, size, mtime) of every rule file and of every file in ``_STAMPED``; None in a zipped install."""
    if not isinstance(folder, Path):
        return None
    package = Path(__file__).parent
    seen: list[tuple[str, int, int]] = []
    try:
        for where in (folder, *(package / sub for sub in _STAMPED)):
            with os.scandir(where) as entries:
                for e in entries:
                    if e.name.endswith((".toml", ".py", ".txt")):
                        st = e.stat()
                        seen.append((e.path, st.st_size, st.st_mtime_ns))
    except OSError:
        return None
    return tuple(sorted(seen))


def _record(rule: Rule) -> dict[str, Any]:
    """A loaded rule as plain data (its compiled parameters left out)."""
    return {
        "code": rule.code,
        "name": rule.name,
        "check": rule.check,
        "relation": rule.relation,
        "judge": rule.judge,
        "severity": rule.severity,
        "summary": rule.summary,
        "message": rule.message,
        "why": rule.why,
        "params": dict(rule.params),
        "flagged": list(rule.examples.flagged),
        "clean": list(rule.examples.clean),
        "today": rule.examples.today,
        "file": rule.file,
    }


def _from_record(r: dict[str, Any]) -> Rule:
    params = MappingProxyType(r["params"])
    return Rule(
        code=r["code"],
        name=r["name"],
        check=r["check"],
        relation=r["relation"],
        judge=r["judge"],
        severity=r["severity"],
        summary=r["summary"],
        message=r["message"],
        why=r["why"],
        params=params,
        examples=Examples(tuple(r["flagged"]), tuple(r["clean"]), r["today"]),
        file=r["file"],
        trusted=True,
        compiled=_Compiled(r["judge"], r["check"], params),
    )


class _Compiled(Mapping[str, Any]):
    """A bundled rule's compiled parameters, compiled the first time the rule reads them.

    Only for a rule an earlier start loaded and validated from the same files
    (``_bundled_rules``): compiling it then succeeded, and compiles alike now.
    """

    __slots__ = ("_check", "_judge", "_params", "_value")

    def __init__(self, judge: str, check: str, params: Mapping[str, Any]) -> None:
        self._judge = judge
        self._check = check
        self._params = params
        self._value: Mapping[str, Any] | None = None

    def _compiled(self) -> Mapping[str, Any]:
        if self._value is None:
            if self._judge:
                from numcheck.judges import module

                kind = module(self._judge)
            else:
                from numcheck.checks import module as check_module

                kind = check_module(self._check)
            self._value = MappingProxyType(bundled(kind.compile(self._params)))
        return self._value

    def __getitem__(self, key: str) -> Any:
        return self._compiled()[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self._compiled().get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._compiled())

    def __len__(self) -> int:
        return len(self._compiled())


def bundled_dir() -> Traversable:
    """The folder of bundled rule files.

    In a wheel the top-level ``rules/`` folder is installed as
    ``numcheck/bundled_rules/`` next to this module; in a source checkout or editable install it stays at
    the top of the repository, two levels above this file's package.
    """
    package = Path(__file__).parent
    if package.is_dir():  # a wheel or a checkout: no importlib.resources (~4 ms of a start)
        installed = package / "bundled_rules"
        return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "rules"
    from importlib import resources  # a zipped install

    return resources.files("numcheck").joinpath("bundled_rules")


def parse_rule(text: str, file: str, *, trusted: bool = True, compile_now: bool = True, keep_toml: bool = True) -> Rule:
    """One rule from the TOML text of ``file``; raises RuleError naming the bad key.

    ``compile_now=False`` leaves the regexes to compile on first use: only
    for the bundled rules, which the test suite compiles. ``keep_toml=False``:
    the parsed text is not kept in the start-up cache (the loaded rule is).
    """
    from numcheck.checks import CHECKS
    from numcheck.checks import module as check_module

    try:
        data = startcache.toml(text, decimal=True, keep=keep_toml)
    except ValueError as err:  # tomllib.TOMLDecodeError, without importing tomllib on every start
        raise RuleError(file, "-", f"not valid TOML: {err}") from err
    for key, value in data.items():
        if key not in _TOP_KEYS:
            raise RuleError(file, key, f"unknown key (allowed: {', '.join(_TOP_KEYS)})")
        want = _TOP_KEYS[key]
        if not isinstance(value, want):
            names = " or ".join(t.__name__ for t in want) if isinstance(want, tuple) else want.__name__
            raise RuleError(file, key, f"must be a {names}, not {type(value).__name__}")
    optional = {"params", "relation", "judge", "check"}
    for key in _TOP_KEYS:
        if key not in data and key not in optional:
            raise RuleError(file, key, "missing")
    if ("judge" in data) == ("check" in data):
        raise RuleError(file, "check", "a rule has either a check kind or a relation and its judge")
    code, name = data["code"], data["name"]
    if not (len(code) == 5 and code.startswith("NC") and code[2:].isdigit()):
        raise RuleError(file, "code", f"{code!r} is not NC followed by three digits")
    if code[2] not in CODE_FAMILIES:
        raise RuleError(file, "code", f"family digit {code[2]} unknown (known: {', '.join(CODE_FAMILIES)})")
    stem = Path(file).stem
    if name != stem:
        raise RuleError(file, "name", f"{name!r} must equal the file name {stem!r}")
    if data["severity"] not in SEVERITIES:
        raise RuleError(file, "severity", f"{data['severity']!r} is not one of {', '.join(SEVERITIES)}")
    if "judge" in data:
        from numcheck.judges import JUDGES, module

        if data["judge"] not in JUDGES:
            raise RuleError(file, "judge", f"{data['judge']!r} is not a judge ({', '.join(JUDGES)})")
        check = module(data["judge"])
        relation = data.get("relation")
        kinds = relation if isinstance(relation, list) else [relation]
        for kind in kinds:
            if kind not in check.RELATIONS:
                raise RuleError(
                    file, "relation", f"{kind!r}: judge {data['judge']} reads {', '.join(sorted(check.RELATIONS))}"
                )
    else:
        if data["check"] not in CHECKS:
            raise RuleError(file, "check", f"{data['check']!r} is not a check kind ({', '.join(CHECKS)})")
        check = check_module(data["check"])
    params = _params(file, data.get("params", {}), check.PARAMS)
    _message_fields(file, data["message"], check.FIELDS)
    examples = _examples(file, data["examples"])
    compiled: dict[str, Any] = {}
    try:
        compiled = check.compile(params)
        if trusted:
            compiled = bundled(compiled)
        if compile_now:
            # Regexes compile on first use; a user's rule file is compiled
            # now, so that a bad regex is an error when the rules load. The
            # bundled rules are compiled by the test suite (test_rules.py).
            check_compiled(compiled)
    except ValueError as err:
        # compile() says "key: reason" so the message can name the parameter.
        key, _, reason = str(err).partition(": ")
        raise RuleError(file, f"params.{key}", reason or str(err)) from err
    return Rule(
        code=code,
        name=name,
        check=data.get("check", ""),
        relation=",".join(data["relation"]) if isinstance(data.get("relation"), list) else data.get("relation", ""),
        judge=data.get("judge", ""),
        severity=data["severity"],
        summary=data["summary"].strip(),
        message=data["message"].strip(),
        why=data["why"].strip(),
        params=MappingProxyType(params),
        examples=examples,
        file=file,
        trusted=trusted,
        compiled=MappingProxyType(compiled),
    )


def _params(file: str, raw: dict[str, Any], spec: Mapping[str, tuple[type, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in spec:
            raise RuleError(file, f"params.{key}", f"unknown parameter (allowed: {', '.join(spec) or 'none'})")
        want, _ = spec[key]
        if want is Decimal and isinstance(value, int) and not isinstance(value, bool):
            value = Decimal(value)
        if not isinstance(value, want) or isinstance(value, bool) and want is not bool:
            raise RuleError(file, f"params.{key}", f"must be a {want.__name__}, not {type(value).__name__}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise RuleError(file, f"params.{key}", "must be a list of strings")
        out[key] = value
    for key, (_, default) in spec.items():
        out.setdefault(key, default)
    return out


def _message_fields(file: str, message: str, fields: frozenset[str]) -> None:
    try:
        parsed = list(string.Formatter().parse(message))
    except ValueError as err:
        raise RuleError(file, "message", f"bad template: {err}") from err
    for _, name, spec, conv in parsed:
        if name is None:
            continue
        if name not in fields:
            raise RuleError(
                file,
                "message",
                f"field {{{name}}} does not exist (this check or judge gives: {', '.join(sorted(fields))})",
            )
        if spec or conv:
            raise RuleError(file, "message", f"field {{{name}}} takes no format spec or conversion")


def _examples(file: str, raw: dict[str, Any]) -> Examples:
    for key, value in raw.items():
        if key not in _EXAMPLE_KEYS:
            raise RuleError(file, f"examples.{key}", "unknown key (allowed: flagged, clean, today)")
        if not isinstance(value, _EXAMPLE_KEYS[key]):
            raise RuleError(file, f"examples.{key}", f"must be a {_EXAMPLE_KEYS[key].__name__}")
    for key in ("flagged", "clean"):
        items = raw.get(key)
        if not items:
            raise RuleError(file, f"examples.{key}", "at least one example is required")
        if not all(isinstance(s, str) and s.strip() for s in items):
            raise RuleError(file, f"examples.{key}", "must be a list of non-empty sentences")
    for i, sentence in enumerate(raw["flagged"]):
        if (
            sentence.count("<mark>") != 1
            or sentence.count("</mark>") != 1
            or sentence.index("<mark>") > sentence.index("</mark>")
        ):
            raise RuleError(file, f"examples.flagged[{i}]", "must mark the expected span once with <mark>…</mark>")
    for i, sentence in enumerate(raw["clean"]):
        if "<mark>" in sentence:
            raise RuleError(file, f"examples.clean[{i}]", "a clean example has no <mark>")
    today = raw.get("today")
    if today is not None:
        import datetime as dt

        try:
            dt.date.fromisoformat(today)
        except ValueError as err:
            raise RuleError(file, "examples.today", f"not a YYYY-MM-DD date: {today!r}") from err
    return Examples(tuple(raw["flagged"]), tuple(raw["clean"]), today)


def unmark(sentence: str) -> tuple[str, tuple[int, int] | None]:
    """An example without its <mark> tags, and the marked span in the unmarked text."""
    if "<mark>" not in sentence:
        return sentence, None
    start = sentence.index("<mark>")
    end = sentence.index("</mark>") - len("<mark>")
    return sentence.replace("<mark>", "").replace("</mark>", ""), (start, end)
