"""The singular a counted noun is grouped by: a plural and its singular must meet ("branches", "branch")."""

import pytest

from numcheck.vocab import singular


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("branches", "branch"),
        ("matches", "match"),
        ("crashes", "crash"),
        ("losses", "loss"),
        ("businesses", "business"),
        ("taxes", "tax"),
        ("companies", "company"),
        ("homes", "home"),
        ("cases", "case"),
        ("sizes", "size"),
        ("niches", "niche"),
        ("headaches", "headache"),
        ("axes", "axe"),
        ("class", "class"),
    ],
)
def test_singular(plural: str, one: str) -> None:
    assert singular(plural) == one
