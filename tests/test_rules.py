"""Rule files are validated when loaded; every error names the file, the key and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck.rules import RuleError, load_rules, parse_rule, unmark

GOOD = """
code = "NC299"
name = "my-rule"
check = "ratio"
severity = "warning"
summary = "A share that is not part over whole."
message = "{part} of {whole} is {computed}, not {share}."
why = "Because."

[params]
templates = ['#part:count|number# of #whole:count|number# \\(#share:percent#\\)']

[examples]
flagged = ["Some 7 of 10 (<mark>20%</mark>) agreed."]
clean = ["Some 7 of 10 (70%) agreed."]
"""


def _bad(text: str) -> RuleError:
    with pytest.raises(RuleError) as info:
        parse_rule(text, "my-rule.toml")
    return info.value


def test_a_good_rule_loads_with_defaults_filled() -> None:
    rule = parse_rule(GOOD, "my-rule.toml")
    assert rule.name == "my-rule" and rule.params["test"] == "share" and rule.params["lookup"] == []
    assert rule.family == "arithmetic inside the text"


@pytest.mark.parametrize(
    ("edit", "key", "reason"),
    [
        (('severity = "warning"', 'severity = "fatal"'), "severity", "not one of"),
        (('why = "Because."', 'why = "Because."\ncolour = "red"'), "colour", "unknown key"),
        (('code = "NC299"', 'code = "NC2999"'), "code", "three digits"),
        (('code = "NC299"', "code = 901"), "code", "must be a str"),
        (('check = "ratio"', 'check = "magic"'), "check", "not a check kind"),
        (('name = "my-rule"', 'name = "other"'), "name", "file name"),
        (("{computed}", "{answer}"), "message", "{answer} does not exist"),
        (("[params]", "[params]\nwindow = 3"), "params.window", "unknown parameter"),
        (("templates = [", 'max_n = "ten"\ntemplates = ['), "params.max_n", "must be a Decimal"),
        (('clean = ["Some 7 of 10 (70%) agreed."]', "clean = []"), "examples.clean", "at least one"),
        (("(<mark>20%</mark>)", "(20%)"), "examples.flagged[0]", "<mark>"),
        (("\\(#share:percent#\\)", "(#share:percent#"), "params.templates", "invalid regex"),
        (("#whole:count|number# ", ""), "params.templates", "lacks role"),
    ],
)
def test_bad_rule_names_file_key_and_reason(edit: tuple[str, str], key: str, reason: str) -> None:
    old, new = edit
    assert old in GOOD
    err = _bad(GOOD.replace(old, new, 1))
    assert err.file == "my-rule.toml" and err.key == key, (err.key, err.reason)
    assert reason in err.reason
    assert str(err).startswith("my-rule.toml: " + key)


def test_missing_examples_table_is_an_error() -> None:
    err = _bad(GOOD.split("[examples]")[0])
    assert err.key == "examples" and err.reason == "missing"


def test_not_toml_is_an_error() -> None:
    assert "not valid TOML" in _bad("code = ").reason


def test_bundled_rules_load_sorted_with_unique_codes() -> None:
    rules = load_rules()
    codes = [r.code for r in rules]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    # The change and ratio check kinds stay for user rules; no bundled rule uses them since NC208 and
    # NC202 read relations.
    assert {r.check for r in rules if not r.judge} == {"total", "bounds", "calendar"}
    from numcheck.judges import JUDGES

    assert {r.judge for r in rules if r.judge} <= set(JUDGES)
    assert all(r.trusted for r in rules)


def test_every_bundled_regex_compiles() -> None:
    # Bundled regexes compile on first use (start-up time); this is where a bad one is found.
    from numcheck.patterns import Regex, Template, check_compiled

    rules = load_rules()
    for rule in rules:
        check_compiled(rule.compiled)
    lazy = [
        item
        for rule in rules
        for value in rule.compiled.values()
        for item in (value if isinstance(value, (tuple, list)) else (value,))
        if isinstance(item, (Template, Regex))
    ]
    # Rules that moved to relations and judges carry fewer regexes; the bundled set still has dozens.
    assert len(lazy) >= 30


def test_bundled_regexes_match_with_re_as_with_the_regex_module() -> None:
    """Bundled rules compile with ``re`` (through the start-up cache), users' with ``regex``: same matches.

    Every bundled template and regex runs with both engines over the skeletons
    and sentences of every bundled rule's examples; a pattern ``re`` cannot
    compile falls back to ``regex`` and so cannot differ.
    """
    import regex

    import numcheck
    from numcheck.patterns import Regex, Template, View

    rules = load_rules()
    texts: set[str] = set()
    for rule in rules:
        for example in (*rule.examples.flagged, *rule.examples.clean):
            view = View(numcheck.extract(unmark(example)[0]))
            texts.update(view.skeletons)
            texts.update(view.sentence_text(i) for i in range(len(view.doc.sentences)))
            texts.update(view.sentence_text(i).lower() for i in range(len(view.doc.sentences)))
    items = [
        item
        for rule in rules
        for value in rule.compiled.values()
        for item in (value if isinstance(value, (tuple, list)) else (value,))
        if isinstance(item, (Template, Regex))
    ]
    assert items and all(item.bundled for item in items)
    on_re = 0
    for item in items:
        source = item.expanded if isinstance(item, Template) else item.source
        fast = item.pattern if isinstance(item, Template) else item.compiled
        slow = regex.compile(source, regex.IGNORECASE | regex.VERSION0)
        on_re += not isinstance(fast, type(slow))
        for text in sorted(texts):
            got = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
            want = [(m.span(), m.groupdict()) for m in slow.finditer(text)]
            assert got == want, (item.key, source, text)
    # Every bundled pattern is one ``re`` reads today: none makes a start import ``regex``.
    assert on_re == len(items)


def test_a_bad_template_in_a_user_folder_is_an_error_at_load(tmp_path: Path) -> None:
    (tmp_path / "my-rule.toml").write_text(GOOD.replace("\\(#share:percent#\\)", "(#share:percent#"), encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path])
    assert info.value.key == "params.templates" and "invalid regex" in info.value.reason


def test_user_folder_rules_load_untrusted(tmp_path: Path) -> None:
    (tmp_path / "my-rule.toml").write_text(GOOD, encoding="utf-8")
    rules = load_rules([tmp_path])
    mine = [r for r in rules if r.code == "NC299"]
    assert len(mine) == 1 and not mine[0].trusted


def test_user_rule_cannot_reuse_a_bundled_code(tmp_path: Path) -> None:
    (tmp_path / "my-rule.toml").write_text(GOOD.replace("NC299", "NC201"), encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path])
    assert info.value.key == "code" and "also used" in info.value.reason


def test_a_rule_folder_that_is_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(RuleError):
        load_rules([tmp_path / "missing"])


def test_unmark_gives_the_marked_span() -> None:
    text, span = unmark("a <mark>bc</mark> d")
    assert text == "a bc d" and span == (2, 4)


def test_unknown_family_digit() -> None:
    err = _bad(GOOD.replace("NC299", "NC999"))
    assert err.key == "code" and "family digit 9" in err.reason


def test_user_regex_runs_under_a_timeout(tmp_path: Path) -> None:
    """A catastrophic user template gives up on the sentence instead of hanging."""
    from numcheck.engine import run
    from numcheck.model import Document, Sentence, Source, Span

    slow = "\n".join(
        "templates = ['(?:a|a)*(?:a|a)*(?:a|a)*(?:a|a)*(?:a|a)*(?:a|a)*(?:a|a)*(?:a|a)*#part:count# #whole:count# #share:percent#']"
        if line.startswith("templates")
        else line
        for line in GOOD.splitlines()
    )
    assert slow != GOOD
    (tmp_path / "my-rule.toml").write_text(slow, encoding="utf-8")
    (rule,) = [r for r in load_rules([tmp_path]) if r.code == "NC299"]
    text = "a" * 40 + "!"
    doc = Document(Source("t", text), (Sentence(Span(0, len(text)), 0),), ())
    # No facts: the engine returns at once; with a fact the template is tried and times out.
    assert run(doc, [rule]) == ()
    from decimal import Decimal

    from numcheck.interval import Interval
    from numcheck.model import Fact

    fact = Fact(Span(40, 41), "!", "number", Decimal(1), None, "exact", Interval(Decimal(1), Decimal(1)), None, 0)
    doc = Document(Source("t", text), (Sentence(Span(0, len(text)), 0),), (fact,))
    assert run(doc, [rule]) == ()


def test_an_implies_template_without_a_q_group_is_an_error_at_load() -> None:
    # The implies check kind stays for user rules (the bundled qualifier rules read relations).
    text = """code = "NC405"
name = "qualifier-mismatch"
check = "implies"
severity = "warning"
summary = "A qualifier its figure contradicts."
message = "'{qualifier}' means {means}, but the figure is {figure}."
why = "House style."

[params]
templates = ['''#x:percent# of voters''']

[params.qualifiers]
"a majority" = { low = 50, low_open = true, means = "more than 50%" }

[examples]
flagged = ["A majority (<mark>45%</mark>) of voters agreed."]
clean = ["A majority (55%) of voters agreed."]
"""
    with pytest.raises(RuleError) as info:
        parse_rule(text, "qualifier-mismatch.toml")
    assert info.value.key == "params.templates" and "no #q# role" in info.value.reason


def test_rules_json_names_each_rules_relation_and_judge_or_check_kind() -> None:
    import json

    from typer.testing import CliRunner

    from numcheck.cli import app

    listing = {r["code"]: r for r in json.loads(CliRunner().invoke(app, ["rules", "--format", "json"]).stdout)}
    assert listing["NC201"]["relation"] == "share" and listing["NC201"]["judge"] == "share"
    assert listing["NC210"]["relation"] == "change,comparison" and listing["NC210"]["judge"] == "direction"
    assert listing["NC402"]["check"] == "bounds" and "judge" not in listing["NC402"]
    assert set(listing["NC001"]) == {"code", "name", "severity", "summary"}  # numcheck's own rules


# --- the bundled rules from the start-up cache -------------------------------------------------


@pytest.fixture
def rule_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty start-up cache, its rule store as at a new start."""
    from numcheck import startcache

    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(startcache, "_RULES", startcache._Store("rules", 8))
    monkeypatch.setattr(startcache.atexit, "register", lambda fn: None)
    return tmp_path


def _next_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """Save the rule store as the end of a run does and start a new one that reads the file."""
    from numcheck import startcache

    startcache._RULES.save()
    monkeypatch.setattr(startcache, "_RULES", startcache._Store("rules", 8))


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    import numcheck.rules

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed a bundled rule file that the cache holds")

    monkeypatch.setattr(numcheck.rules, "parse_rule", refuse)


def test_bundled_rules_from_the_cache_equal_the_rules_parsed(rule_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = load_rules()
    _next_start(monkeypatch)
    _no_parsing(monkeypatch)
    cached = load_rules()
    assert cached == parsed
    for a, b in zip(cached, parsed, strict=True):
        # Every field, of the same type (a Decimal parameter stays a Decimal, a list a list).
        assert [(k, type(v), v) for k, v in a.params.items()] == [(k, type(v), v) for k, v in b.params.items()]
        assert a.examples == b.examples and a.trusted and a.file == b.file
        # Compiled on first use, to what loading compiles.
        assert dict(a.compiled) == dict(b.compiled)


def test_an_edited_bundled_rule_is_validated_again(rule_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    import numcheck.rules

    folder = rule_cache / "rules"
    shutil.copytree(numcheck.rules.bundled_dir(), folder)  # type: ignore[arg-type]
    monkeypatch.setattr(numcheck.rules, "bundled_dir", lambda: folder)
    assert len(load_rules()) == len(list(folder.glob("*.toml")))
    _next_start(monkeypatch)
    target = folder / "part-exceeds-whole.toml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace('message = "', 'message = "{no_such_field} ', 1), encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules()
    assert info.value.file == "rules/part-exceeds-whole.toml" and info.value.key == "message"
    assert "no_such_field" in info.value.reason


def test_a_judge_loads_only_when_its_rule_has_something_to_judge() -> None:
    """``judges.find`` skips a rule without relations of its kind, templates or relations of its own:
    the judge registry says which judges find relations of their own, and templates come only from
    a rule's "templates" parameter."""
    from numcheck.judges import JUDGES, MORE_RELATIONS, module

    assert MORE_RELATIONS == {name for name in JUDGES if hasattr(module(name), "more_relations")}
    rules = [r for r in load_rules() if r.judge]
    assert {r.judge for r in rules} == set(JUDGES)  # every judge is read below
    for rule in rules:
        assert bool(rule.compiled.get("templates")) == bool(rule.params.get("templates")), rule.name
        without = module(rule.judge).compile({**rule.params, "templates": []})
        assert not without.get("templates"), rule.name
