"""Chart builders that more than one essay uses. Style lives in :mod:`sovind.site.style`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from sovind.data.bib import author_year, short_title
from sovind.data.coverage import CLASSES, LABELS, source_class
from sovind.errors import DataError
from sovind.site.style import CLASS_SHAPES, GUIDE, LABEL

TOOLTIP = [
    alt.Tooltip("name:N", title="Source"),
    alt.Tooltip("period:N", title="Period as printed"),
    alt.Tooltip("value:Q", title="Value"),
    alt.Tooltip("unit:N", title="Unit"),
    alt.Tooltip("coverage:N", title="Coverage"),
    alt.Tooltip("source_class:N", title="Class of source"),
    alt.Tooltip("locator:N", title="Where in the source"),
]


def with_source_class(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with a ``source_class`` column: the class of each row's source, as readers read it."""
    return frame.assign(source_class=frame["source"].map(lambda key: LABELS[source_class(key)]))


#: Columns that can tell apart two estimates from one source, in the order they are tried.
QUALIFIERS = ("coverage", "territory", "unit", "period_kind")


def reader_names(frame: pd.DataFrame) -> pd.Series:
    """Name each row's estimate as a reader would: its source's author and year, never its identifier.

    Where one source gives several estimates (all stations and public-utility
    stations only, say), the first column of :data:`QUALIFIERS` that tells them
    apart is added: "Soviet Union Information Bureau (1928), public utility
    stations only". Failing that, the title of each estimate's work is added (two
    Wikipedia articles, say). Raises :class:`DataError` when nothing does, so that two
    estimates never share a name in a legend.
    """
    names = frame["source"].map(author_year)
    for name in names.unique():
        rows = frame[names == name]
        if rows["estimate"].nunique() < 2:
            continue
        for column in QUALIFIERS:
            if column in rows and rows.groupby("estimate")[column].nunique().eq(1).all() \
                    and rows.drop_duplicates("estimate")[column].is_unique:
                names[rows.index] = name + ", " + rows[column].astype(str)
                break
        else:
            titles = rows["source"].map(lambda key: short_title(key).split(", ", 1)[-1])
            if rows.assign(t=titles).groupby("estimate")["t"].nunique().eq(1).all() and \
                    titles.groupby(rows["estimate"]).first().is_unique:
                names[rows.index] = name + ", " + titles.str.slice(0, 60)
                continue
            raise DataError("chart", f"estimates {sorted(rows['estimate'].unique())} of {name} cannot be told apart "
                            f"by {', '.join(QUALIFIERS)} or title: give them a coverage")
    return names


def estimates_over_time(frame: pd.DataFrame, *, y_title: str, log_scale: bool = False,
                        x_domain: tuple[int, int] | None = None) -> alt.Chart:
    """Plot every estimate of one series as its own line of points: colour by source, marker by class of source.

    Points carry their source and locator in the tooltip; lines join only
    consecutive years of one estimate, so no line ever bridges two sources or
    a gap in a source's series (1913 and 1932, say). The marker's
    shape says what kind of source each point rests on (official statistics,
    scholarship, a reference work, ...), with its own legend.
    """
    frame = broken_at_gaps(with_source_class(frame).assign(name=reader_names(frame)), "name")
    order = sorted(frame["name"].unique())
    shapes = dict(zip([LABELS[c] for c in CLASSES], CLASS_SHAPES, strict=True))
    scale = alt.Scale(type="log") if log_scale else alt.Scale(zero=True)
    x_scale = alt.Scale(domain=list(x_domain)) if x_domain else alt.Scale()
    base = alt.Chart(frame).encode(
        x=alt.X("year:Q", title="Year (economic years dated by the year they end)", scale=x_scale,
                axis=alt.Axis(format="d")),
        y=alt.Y("value:Q", title=y_title, scale=scale),
        color=alt.Color("name:N", title="Source", sort=order, legend=alt.Legend(labelLimit=0)),
        tooltip=TOOLTIP,
    )
    points = base.mark_point(size=70, filled=True).encode(
        shape=alt.Shape("source_class:N", title="Class of source",
                        scale=alt.Scale(domain=list(shapes), range=list(shapes.values()))))
    return base.mark_line(opacity=0.6).encode(detail="run:N") + points


def with_periods(chart: alt.Chart | alt.LayerChart, periods: pd.DataFrame, *,
                 x_domain: tuple[int, int]) -> alt.VConcatChart:
    """Set a strip of labelled periods (``label``, ``start``, ``end``) above a chart over years, on the same x axis.

    Each period is a bar on its own row, named on the bar, so that overlapping
    periods never hide one another and the names stay legible on a phone; the
    chart below keeps its full height for the data.
    """
    frame = periods.reset_index(drop=True)
    x = alt.X("start:Q", scale=alt.Scale(domain=list(x_domain), zero=False), axis=None)
    bars = alt.Chart(frame).mark_bar(color=GUIDE, opacity=0.35, height=14).encode(
        x=x, x2="end:Q", y=alt.Y("label:N", axis=None, sort=None),
        tooltip=[alt.Tooltip("label:N", title="Period"), alt.Tooltip("when:N", title="When")])
    names = alt.Chart(frame).mark_text(align="left", dx=3, fontSize=11, color=LABEL).encode(
        x=x, y=alt.Y("label:N", axis=None, sort=None), text="label:N")
    strip = alt.layer(bars, names).properties(height=alt.Step(17))
    return alt.vconcat(strip, chart, spacing=4).resolve_scale(x="shared")


def broken_at_gaps(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Add a ``run`` column that changes wherever a series skips a year, so lines are not drawn across gaps.

    Encode it as ``detail`` beside the colour: a line then joins only
    consecutive years of one series, and a missing war year stays visibly empty.
    """
    frame = frame.sort_values([by, "year"])
    gap = frame.groupby(by)["year"].diff().fillna(1).ne(1)
    return frame.assign(run=frame[by].astype(str) + "-" + gap.groupby(frame[by]).cumsum().astype(str))
