"""The book's chart style: named colour tokens, one font, one size, and the Altair theme.

Essays name colours by their role (``style.MAIN``, ``style.TARGET``), never by
hex value, so that one change here restyles every figure.
"""

from __future__ import annotations

import altair as alt

#: The series a run uses, or the single series of a chart.
MAIN = "#1f4e79"
#: Targets, losses and other marks set against the main series.
CONTRAST = "#c0504d"
#: Alternatives not used in this run.
OTHER = "#b0b0b0"
#: Reference lines and their labels (100 per cent, a plan target).
REFERENCE = "#444444"
#: Text labels drawn on a chart (values on bars).
LABEL = "#333333"
#: Light guides, such as the 50 per cent line.
GUIDE = "#888888"
#: A target met, and a target missed.
MET = "#4f8a3c"
MISSED = CONTRAST
#: A highlighted value, such as the crossing year.
HIGHLIGHT = "#e8a33d"
#: A second kind of quantity on the same page (migration beside population).
SECONDARY = "#8e5ea2"
#: The second of two paired series (rural beside urban).
PAIRED = "#7fae5e"

#: Colours for estimates and series, in order: twelve, so that a chart of up to twelve sources gives each its own.
PALETTE = [MAIN, CONTRAST, "#7f7f7f", HIGHLIGHT, MET, SECONDARY, "#2a9d8f", "#8c564b", "#d45087", "#17becf",
           "#bcbd22", "#5254a3"]

#: The marker of each class of source (official statistics ... partisan), best first. Open diamonds are
#: kept for plan targets, so no class uses a diamond.
CLASS_SHAPES = ["circle", "square", "triangle-up", "triangle-down", "cross", "triangle-right", "triangle-left",
                "wedge"]

FONT = "DejaVu Sans, Verdana, sans-serif"
WIDTH = 620
HEIGHT = 320


@alt.theme.register("sovind", enable=True)
def theme() -> alt.theme.ThemeConfig:
    """Return the book's chart style: quiet axes, one font, a fixed palette and size."""
    return {
        "config": {
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "font": FONT,
            "background": "#ffffff",
            "title": {"anchor": "start", "fontSize": 15, "fontWeight": "bold", "subtitleFontSize": 12,
                      "subtitleColor": "#444444", "offset": 12},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "titleFontWeight": "normal",
                     "gridColor": "#e6e6e6", "domainColor": "#888888", "tickColor": "#888888"},
            "legend": {"labelFontSize": 11, "titleFontSize": 12, "orient": "bottom", "direction": "vertical"},
            "range": {"category": PALETTE},
            "line": {"strokeWidth": 2},
            "point": {"size": 50, "filled": True},
        }
    }
