"""numcheck: check the numbers in a piece of writing against each other."""

from __future__ import annotations

__version__ = "0.1.0"
