"""Shared code for the book *Soviet Industrialisation in Numbers, 1920–1945*.

The data flow is one-directional, and the folders show it:

* :mod:`sovind.data`: raw transcriptions (``data/raw``) → one step per dataset →
  clean tables (``data/clean``) and ``data/datapackage.json`` → validated loading;
* :mod:`sovind.essay`: each essay's declaration, its run context (load, glue,
  publish), the shared analysis and charts, execution, rebuilds and reruns;
* :mod:`sovind.site`: figures (style tokens, records, exports, citation), the
  generated pages and the Sphinx extension that renders figures into the book.
"""

from sovind.errors import DataError, ParameterError

__all__ = ["DataError", "ParameterError"]
