"""Chart builders that more than one essay uses. Style lives in :mod:`sovind.site.style`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from sovind.data.coverage import CLASSES, LABELS, source_class
from sovind.site.style import CLASS_SHAPES

TOOLTIP = [
    alt.Tooltip("estimate:N", title="Estimate"),
    alt.Tooltip("period:N", title="Period as printed"),
    alt.Tooltip("value:Q", title="Value"),
    alt.Tooltip("unit:N", title="Unit"),
    alt.Tooltip("coverage:N", title="Coverage"),
    alt.Tooltip("source_class:N", title="Class of source"),
    alt.Tooltip("source:N", title="Source key"),
    alt.Tooltip("locator:N", title="Where in the source"),
]


def with_source_class(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with a ``source_class`` column: the class of each row's source, as readers read it."""
    return frame.assign(source_class=frame["source"].map(lambda key: LABELS[source_class(key)]))


def estimates_over_time(frame: pd.DataFrame, *, y_title: str, log_scale: bool = False,
                        x_domain: tuple[int, int] | None = None) -> alt.Chart:
    """Plot every estimate of one series as its own line of points: colour by estimate, marker by class of source.

    Points carry their source and locator in the tooltip; lines join only the
    points of one estimate, so no line ever bridges two sources. The marker's
    shape says what kind of source each point rests on (official statistics,
    scholarship, a reference work, ...), with its own legend.
    """
    frame = with_source_class(frame)
    order = sorted(frame["estimate"].unique())
    shapes = dict(zip([LABELS[c] for c in CLASSES], CLASS_SHAPES, strict=True))
    scale = alt.Scale(type="log") if log_scale else alt.Scale(zero=True)
    x_scale = alt.Scale(domain=list(x_domain)) if x_domain else alt.Scale()
    base = alt.Chart(frame).encode(
        x=alt.X("year:Q", title="Year (economic years dated by the year they end)", scale=x_scale,
                axis=alt.Axis(format="d")),
        y=alt.Y("value:Q", title=y_title, scale=scale),
        color=alt.Color("estimate:N", title="Estimate", sort=order),
        tooltip=TOOLTIP,
    )
    points = base.mark_point(size=70, filled=True).encode(
        shape=alt.Shape("source_class:N", title="Class of source",
                        scale=alt.Scale(domain=list(shapes), range=list(shapes.values()))))
    return base.mark_line(opacity=0.6) + points
