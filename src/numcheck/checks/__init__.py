"""The check kinds: a short closed list, one module per kind, registered in CHECKS below.

Every module offers the same four names:

- ``PARAMS``: parameter name → (type, default), validated when a rule loads;
- ``FIELDS``: the fields a rule's message template may use;
- ``compile(params)``: templates and regexes compiled once per rule (raises
  ValueError "key: reason" on a bad one);
- ``find(rule, view)``: the hits of one rule on one document.
"""

from __future__ import annotations

from types import ModuleType

from numcheck.checks import bounds, calendar, change, consistency, conversion, implies, ratio, total

CHECKS: dict[str, ModuleType] = {
    "ratio": ratio,
    "total": total,
    "change": change,
    "implies": implies,
    "bounds": bounds,
    "consistency": consistency,
    "calendar": calendar,
    "conversion": conversion,
}
