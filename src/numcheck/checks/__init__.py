"""The check kinds: a short closed list, one module per kind, registered in CHECKS below.

Every module offers the same four names:

- ``PARAMS``: parameter name → (type, default), validated when a rule loads;
- ``FIELDS``: the fields a rule's message template may use;
- ``compile(params)``: templates and regexes compiled once per rule (raises
  ValueError "key: reason" on a bad one);
- ``find(rule, view)``: the hits of one rule on one document.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType

# Check kind → its module in this package, imported when a rule of that kind first loads or runs
# (the bundled rules use three of the eight kinds).
CHECKS: dict[str, str] = {
    "ratio": "ratio",
    "total": "total",
    "change": "change",
    "implies": "implies",
    "bounds": "bounds",
    "consistency": "consistency",
    "calendar": "calendar",
    "conversion": "conversion",
}


@functools.cache
def module(kind: str) -> ModuleType:
    """The module of the check kind ``kind`` (a key of ``CHECKS``)."""
    return importlib.import_module(f"numcheck.checks.{CHECKS[kind]}")
