"""Charts drawn for the organizer dashboard: the selectors give the numbers, this module
the coordinates the SVG template draws."""

import math
from datetime import datetime, timedelta


def cumulative_line(
    points: list[tuple[datetime, int]], width: int = 640, height: int = 220
) -> dict:
    """Coordinates for a cumulative line chart of `points` (when, running total), drawn
    as SVG by the dashboard template."""
    pad_left, pad_bottom, pad_top, pad_right = 48, 28, 12, 12
    if not points:
        return {"width": width, "height": height, "polyline": "", "ticks": [], "labels": []}
    total = points[-1][1] or 1
    plot_w, plot_h = width - pad_left - pad_right, height - pad_top - pad_bottom
    count = len(points)
    coords = []
    for i, (_when, value) in enumerate(points):
        x = pad_left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)
        y = pad_top + plot_h - plot_h * value / total
        coords.append((round(x, 1), round(y, 1)))
    tick_step = max(1, math.ceil(total / 4))
    ticks = [
        {"y": round(pad_top + plot_h - plot_h * value / total, 1), "value": value}
        for value in range(0, total + 1, tick_step)
    ]
    step = max(1, count // 6)
    hourly = points[-1][0] - points[0][0] <= timedelta(days=2)
    fmt = "%b %d %H:%M" if hourly else "%b %d"
    # The last point always gets its label, anchored at its end so it stays inside the
    # chart (centred, half of it ran past the right edge); a stepped label too close to
    # it is dropped so the two don't overlap.
    shown = list(range(0, count, step))
    if count > 1:
        # About 7px a character at the chart's type size: the end-anchored last label
        # covers its own width to the left, and the one before it half of its width.
        label_px = 7 * len(points[0][0].strftime(fmt))
        last_x = coords[-1][0]
        fits = [i for i in shown if coords[i][0] + label_px / 2 <= last_x - label_px]
        shown = [*fits, count - 1]
    labels = [
        {
            "x": coords[i][0],
            "text": points[i][0].strftime(fmt),
            "anchor": "end" if i == count - 1 and count > 1 else "middle",
        }
        for i in shown
    ]
    return {
        "width": width,
        "height": height,
        "polyline": " ".join(f"{x},{y}" for x, y in coords),
        "area": f"{coords[0][0]},{pad_top + plot_h} "
        + " ".join(f"{x},{y}" for x, y in coords)
        + f" {coords[-1][0]},{pad_top + plot_h}",
        "points": [
            {"x": x, "y": y, "value": v} for (x, y), (_w, v) in zip(coords, points, strict=True)
        ],
        "ticks": ticks,
        "labels": labels,
        "x0": pad_left,
        "x1": width - pad_right,
        "y0": pad_top + plot_h,
    }
