"""Open word lists (hedges, scale words, currencies, units) as TOML data."""

from __future__ import annotations

import os


def text(name: str) -> str:
    """The text of the data file ``name``, read from this package's folder.

    A plain ``open``: ``importlib.resources`` and what it imports cost ~4 ms
    of every start, and the data is a folder beside this file in a wheel and
    in a checkout alike. Only a zipped install goes through ``importlib.resources``.
    """
    try:
        with open(os.path.join(os.path.dirname(__file__), name), encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        from importlib import resources

        return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
