"""Vega-Lite specs for the pages' charts, drawn in the browser by the vendored vega-embed.

The data is inlined in the spec, so a chart needs no set-up and no second request; an
empty chart is never drawn (the template says there is nothing to plot instead).
"""

from __future__ import annotations

from typing import Any

Spec = dict[str, Any]

_BASE: Spec = {
    "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
    "width": "container",
    "config": {"font": "system-ui, sans-serif", "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 260},
               "legend": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 260}},
}


def event_chart(event: dict) -> Spec | None:
    points = event["chart"]
    if not points:
        return None
    if event["kind"] == "figure":
        return _figure_lines(event, points)
    return _dates_per_source(event, points)


def _figure_lines(event: dict, points: list[dict]) -> Spec:
    """One line per source through its figures by as-of date; other figures of a day as hollow dots."""
    x = {"field": "as_of", "type": "temporal", "timeUnit": "yearmonthdate", "title": "as of",
         "axis": {"format": "%d %b %Y", "tickCount": {"interval": "day", "step": 7}}, "scale": {"padding": 24}}
    y = {"field": "value", "type": "quantitative", "title": event.get("claim_type") or "figure",
         "scale": {"zero": False, "padding": 12}, "axis": {"format": "~s"}}
    color = {"field": "source", "type": "nominal", "title": "source"}
    tooltip = [{"field": "source"}, {"field": "figure"}, {"field": "as_of", "title": "as of"}, {"field": "status"}]
    return {
        **_BASE, "height": 260,
        "description": f"{event['label']}: each source's figure by as-of date",
        "data": {"values": points},
        "encoding": {"x": x, "y": y, "color": color, "tooltip": tooltip},
        "layer": [
            {"transform": [{"filter": "datum.line"}],
             "mark": {"type": "line", "point": {"size": 80, "filled": True}, "strokeWidth": 2}},
            # A headline or an earlier report of the same day: a dot off the line. Hidden from screen
            # readers (its group had no name, an axe violation): the table below lists every figure.
            {"transform": [{"filter": "!datum.line"}],
             "mark": {"type": "point", "size": 80, "filled": False, "strokeWidth": 2, "aria": False}},
        ],
    }


def _dates_per_source(event: dict, points: list[dict]) -> Spec:
    """Each source's date for the happening on one date axis."""
    return {
        **_BASE, "height": {"step": 28},
        "description": f"{event['label']}: the date each source gives",
        "data": {"values": points},
        "mark": {"type": "point", "filled": True, "size": 120},
        "encoding": {
            "x": {"field": "date", "type": "temporal", "timeUnit": "yearmonthdate", "title": "date",
                  "axis": {"format": "%d %b %Y", "tickCount": {"interval": "day"}}, "scale": {"padding": 24}},
            "y": {"field": "source", "type": "nominal", "title": None},
            "color": {"field": "source", "type": "nominal", "legend": None},
            "tooltip": [{"field": "source"}, {"field": "date"}, {"field": "as_written", "title": "as written"}],
        },
    }


def timeline_chart(happenings: list[dict]) -> Spec | None:
    """One lane per source, a dot per dated happening."""
    if not happenings:
        return None
    return {
        **_BASE, "height": {"step": 34},
        "description": "Dated happenings, one lane per source",
        "data": {"values": [{k: h[k] for k in ("source", "date", "happening", "as_written")} for h in happenings]},
        "mark": {"type": "point", "filled": True, "size": 90, "opacity": 0.85},
        "encoding": {
            "x": {"field": "date", "type": "temporal", "title": None, "axis": {"format": "%d %b", "grid": True}},
            "y": {"field": "source", "type": "nominal", "title": None},
            "color": {"field": "happening", "type": "nominal", "title": "happening",
                      "scale": {"scheme": "tableau20"}},
            "tooltip": [{"field": "source"}, {"field": "happening"}, {"field": "date"},
                        {"field": "as_written", "title": "as written"}],
        },
    }
