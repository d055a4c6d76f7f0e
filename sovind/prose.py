"""Numbers for the prose: glue values computed from the data into the page."""

from __future__ import annotations

from typing import Any

import numpy as np
from myst_nb import glue


def plain(value: Any) -> Any:
    """Turn numpy and pandas scalars into plain Python numbers (their repr is what glue shows)."""
    if isinstance(value, np.generic):
        return value.item()
    return value


def glue_values(**values: Any) -> None:
    """Glue each keyword as a number or text the essay's prose can paste with ``{glue:text}``.

    Values are not displayed in the notebook; floats are rounded to six decimals
    so that their text never carries floating-point residue.
    """
    for name, value in values.items():
        value = plain(value)
        if isinstance(value, float):
            value = round(value, 6)
        glue(name, value, display=False)
