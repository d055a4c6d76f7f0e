"""Shared code for the book *Soviet Industrialisation in Numbers, 1920–1945*.

The data flow is one-directional and each step lives in one module:

raw transcriptions (``data/raw``) → :mod:`sovind.build` (one step per dataset
in :mod:`sovind.steps`) → clean tables (``data/clean``) → :mod:`sovind.load`
(validated loading) → the essays' analysis (:mod:`sovind.analysis`) →
figures (:mod:`sovind.figures`) → pages (``book/``).
"""

from sovind.errors import DataError, ParameterError

__all__ = ["DataError", "ParameterError"]
