"""The README's CI snippets work as written: pre-commit through ``pre-commit try-repo`` on a clone,
GitHub Actions workflows as YAML with the steps they need and numcheck options that exist.

The snippets are read from README.md at test time, so an edit to one is tested
as it is. Where a snippet has to name something only its reader knows (the
repository URL, the commit to pin), the README says so next to it and the
test puts in this repository's clone and its HEAD.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# The placeholders a snippet may carry, each explained in the README beside it.
URL_PLACEHOLDER = "https://github.com/OWNER/numcheck"
REV_PLACEHOLDER = "COMMIT"

BAD = "Ticket sales rose from 20,000 to 25,000, a rise of 30%.\n"


def _yaml_blocks() -> list[str]:
    return re.findall(r"^```ya?ml\n(.*?)^```", README, flags=re.M | re.S)


PRE_COMMIT = [b for b in _yaml_blocks() if re.search(r"^\s*-?\s*id:\s*numcheck\b", b, re.M)]
ACTIONS = [b for b in _yaml_blocks() if "uses:" in b or "runs-on:" in b]


def _load(block: str) -> Any:
    yaml = pytest.importorskip("yaml", reason="PyYAML is not installed (pip install -e '.[test]')")
    return yaml.safe_load(block)


def test_the_readme_has_the_snippets() -> None:
    assert PRE_COMMIT, "no pre-commit snippet (a YAML block with 'id: numcheck') in README.md"
    assert ACTIONS, "no GitHub Actions snippet (a YAML block with 'uses:') in README.md"
    # A placeholder in a snippet must be explained outside the snippets, in the prose.
    prose = re.sub(r"^```.*?^```", "", README, flags=re.M | re.S)
    for used, word in ((URL_PLACEHOLDER, "`OWNER`"), (f"rev: {REV_PLACEHOLDER}", f"`{REV_PLACEHOLDER}`")):
        if any(used in b for b in PRE_COMMIT + ACTIONS):
            assert word in prose, f"{used} is used in a snippet but {word} is never explained"


# --- pre-commit ------------------------------------------------------------------------


def _tools() -> str:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: the pre-commit snippets cannot be tried")
    exe = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
    if not Path(exe).exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]'): the pre-commit snippets cannot be tried")
    return exe


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone of this repository (its committed HEAD), as a user's pre-commit would fetch it."""
    _tools()
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to clone for pre-commit")
    dest = tmp_path_factory.mktemp("clone") / "numcheck"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(dest)], check=True, capture_output=True)
    return dest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writer's repository: one draft with a problem, one excluded by its numcheck.toml."""
    root = tmp_path / "project"
    (root / "archive").mkdir(parents=True)
    _git(root, "init", "-q")
    (root / "draft.md").write_text(BAD, encoding="utf-8")
    (root / "archive" / "old.md").write_text(BAD.replace("20,000", "30,000"), encoding="utf-8")
    (root / "numcheck.toml").write_text('exclude = ["archive"]\n', encoding="utf-8")
    _git(root, "add", ".")
    return root


def _pre_commit_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")  # hermetic: no cache from elsewhere
    env.pop("PRE_COMMIT", None)
    return env


def test_hook_runs_from_a_clone_with_try_repo(clone: Path, project: Path, tmp_path: Path) -> None:
    """The hook as shipped: installs from the clone, fails on the draft, leaves the excluded file alone."""
    exe = _tools()
    proc = subprocess.run(
        [exe, "try-repo", str(clone), "numcheck", "--files", "draft.md", "archive/old.md"],
        cwd=project,
        env=_pre_commit_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "draft.md:1:52: NC207 [error]" in out, out
    assert "archive/old.md" not in out.split("numcheck....")[-1], out  # --force-exclude in the hook's entry


@pytest.mark.parametrize("snippet", PRE_COMMIT, ids=[f"pre-commit-{i}" for i in range(len(PRE_COMMIT))])
def test_pre_commit_snippet_is_a_valid_config_for_this_hook(snippet: str, clone: Path, tmp_path: Path) -> None:
    exe = _tools()
    doc = _load(snippet)
    repos = doc["repos"] if isinstance(doc, dict) else doc
    ours = [r for r in repos if any(h.get("id") == "numcheck" for h in r.get("hooks", []))]
    assert ours, snippet
    head = _git(clone, "rev-parse", "HEAD")
    for repo in ours:
        rev = str(repo["rev"])
        if rev == REV_PLACEHOLDER:
            repo["rev"] = head
        else:
            assert (
                subprocess.run(
                    ["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd=clone, capture_output=True
                ).returncode
                == 0
            ), f"rev {rev!r} is no tag or commit of numcheck"
        if repo["repo"] == URL_PLACEHOLDER:
            repo["repo"] = str(clone)
    import yaml

    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(yaml.safe_dump({"repos": repos}), encoding="utf-8")
    env = _pre_commit_env(tmp_path)
    for check in (["validate-config", str(config)], ["validate-manifest", str(clone / ".pre-commit-hooks.yaml")]):
        proc = subprocess.run([exe, *check], env=env, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    shipped = {h["id"] for h in yaml.safe_load((clone / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert {h["id"] for r in ours for h in r["hooks"]} <= shipped


# --- GitHub Actions -------------------------------------------------------------------


def _steps(doc: Any) -> list[dict[str, Any]]:
    if isinstance(doc, list):
        return doc
    return [step for job in doc["jobs"].values() for step in job["steps"]]


def _numcheck_commands(run: str) -> list[list[str]]:
    """The numcheck command lines in a ``run:`` script, GitHub expressions filled, redirections dropped."""
    out: list[list[str]] = []
    for line in run.splitlines():
        line = re.sub(r"\$\{\{[^}]*\}\}", "main", line.strip())
        if not line.startswith("numcheck"):
            continue
        words = shlex.split(line, comments=True)
        kept: list[str] = []
        skip = False
        for w in words:
            if skip:
                skip = False
            elif w in (">", ">>", "2>", "|"):
                skip = w != "|"
                if w == "|":
                    break
            else:
                kept.append(w)
        out.append(kept[1:])
    return out


@pytest.mark.parametrize("snippet", ACTIONS, ids=[f"actions-{i}" for i in range(len(ACTIONS))])
def test_github_actions_snippet_parses_with_the_steps_it_needs(snippet: str) -> None:
    from typer.testing import CliRunner

    from numcheck import cli

    doc = _load(snippet)
    if isinstance(doc, dict):
        assert doc.get("on") is not None or doc.get(True) is not None, "a workflow needs an 'on:' trigger"
        for job in doc["jobs"].values():
            assert job.get("runs-on"), "every job needs runs-on"
    steps = _steps(doc)
    uses = [s.get("uses", "") for s in steps]
    runs = [s.get("run", "") for s in steps]
    assert any(u.startswith("actions/checkout@") for u in uses), "no checkout step"
    assert any(re.search(r"\b(pip|pipx|uv)\b.*\binstall\b.*numcheck", r) for r in runs), "no step installs numcheck"
    commands = [c for r in runs for c in _numcheck_commands(r)]
    assert commands, "no step runs numcheck"
    for args in commands:
        # --help after the options: click parses them all first, so an unknown option fails here.
        result = CliRunner().invoke(cli.app, [*args, "--help"])
        assert result.exit_code == 0, f"numcheck {' '.join(args)}: {result.output}"
    if any("--format sarif" in r or "-f sarif" in r for r in runs):
        assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses), "SARIF made but not uploaded"
    if any("--changed-since" in r for r in runs):
        checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
        assert (checkout.get("with") or {}).get("fetch-depth") == 0, (
            "--changed-since needs the history (fetch-depth: 0)"
        )


# --- links ----------------------------------------------------------------------------


def _anchors(markdown: str) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    out = set()
    for heading in re.findall(r"^#{1,6} (.+)$", re.sub(r"^```.*?^```", "", markdown, flags=re.M | re.S), re.M):
        out.add(re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-"))
    return out


@pytest.mark.parametrize("doc", ["README.md", "docs/benchmarks.md"])
def test_relative_links_and_anchors_resolve(doc: str) -> None:
    path = ROOT / doc
    text = path.read_text(encoding="utf-8")
    prose = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    for target in re.findall(r"\]\(([^)\s]+)\)", prose):
        if re.match(r"[a-z]+:", target):
            continue  # http(s), mailto: not checked offline
        file, _, anchor = target.partition("#")
        linked = (path.parent / file).resolve() if file else path
        assert linked.exists(), f"{doc}: link to {target!r}: no such file"
        if anchor and linked.suffix == ".md":
            assert anchor in _anchors(linked.read_text(encoding="utf-8")), f"{doc}: link to {target!r}: no such heading"


def test_the_rules_table_lists_every_bundled_rule_with_its_severity() -> None:
    """The README's Rules table is the user's list: a rule added or a severity changed shows there too."""
    import numcheck

    rows = dict(re.findall(r"^\| (NC\d{3}) \| (note|warning|error) \|", README, flags=re.M))
    missing = [f"{r.code} ({r.severity}, {r.name})" for r in numcheck.load_rules() if rows.get(r.code) != r.severity]
    assert not missing, f"add or correct these rows in README.md's Rules table: {', '.join(missing)}"
