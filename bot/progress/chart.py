"""The chart of one target's progress during the year, as a PNG to send on Telegram.

Pure: values in, PNG bytes out. matplotlib is imported inside :func:`figure_chart` (it costs
about half a second) and only through its object API (:class:`~matplotlib.figure.Figure` on
an Agg canvas): no pyplot, so no global figure state and no rcParams changed, and charts may
be drawn from several threads.

What is drawn (:func:`chart_series`):

* each unit's own figures, one thin line per unit, at the end of each period it reported
  (at most :data:`MAX_UNIT_SERIES` lines: beyond that the smallest units are summed as
  "Đơn vị khác");
* the province's value at the end of each period ("Toàn tỉnh", thick), when the figure has
  one: the sum of the units' latest figures for a cumulative figure, else the latest figure
  of any unit. :class:`FigureStatus` does not say which kind the figure is, so it is read
  from the status: cumulative when its value is the sum of several units' latest figures;
* the year's target as a dashed horizontal line.

Superseded and withdrawn figures are never drawn.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.progress.model import FigureStatus, StoredSubmission
from bot.progress.status import latest_by_unit
from bot.vietnamese.numbers import format_vietnamese_number

FONT = "DejaVu Sans"
"""Bundled with matplotlib, with every glyph of Vietnamese (precomposed and combining)."""
FONT_SIZE = 10
TITLE_SIZE = 12
FIGURE_SIZE = (6.4, 4.8)
"""Inches: 960×720 pixels at :data:`DPI`, sharp on a phone without being heavy."""
DPI = 150
TITLE_WIDTH = 50
"""Characters per line of the title."""
LEGEND_WIDTH = 34
"""Characters per line of a legend entry."""
MAX_UNIT_SERIES = 10
"""Unit lines at most, "Đơn vị khác" included."""
MAX_DATE_TICKS = 8

PROVINCE = "Toàn tỉnh"
OTHER_UNITS = "Đơn vị khác"
NO_DATA = "Chưa có số liệu"
X_LABEL = "Kỳ báo cáo"
Y_LABEL = "Giá trị"

_TARGET_COLOUR = "#b2182b"
_PROVINCE_COLOUR = "#1a1a1a"


@dataclass(frozen=True, slots=True)
class Series:
    """One line of the chart: a label and its points (period end, value), by date."""

    label: str
    points: tuple[tuple[dt.date, float], ...]


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """What a chart draws: the units' lines (largest first) and the province's, if any."""

    units: tuple[Series, ...]
    province: Series | None


def chart_series(
    status: FigureStatus,
    history: Sequence[StoredSubmission],
    unit_names: Mapping[str, str],
) -> ChartSeries:
    """Return the lines of a figure's chart from its submissions (active ones only)."""
    active = [item for item in history if item.active and item.figure == status.figure]
    by_unit: dict[str, dict[dt.date, StoredSubmission]] = {}
    for item in active:
        periods = by_unit.setdefault(item.unit, {})
        kept = periods.get(item.period.end)
        if kept is None or _key(item) > _key(kept):
            periods[item.period.end] = item
    series = {
        unit: tuple((end, periods[end].value) for end in sorted(periods))
        for unit, periods in by_unit.items()
    }
    # Largest latest value first: the legend then reads in the order of the lines.
    order = sorted(series, key=lambda unit: (-series[unit][-1][1], _name(unit, unit_names)))
    if len(order) > MAX_UNIT_SERIES:
        shown, rest = order[: MAX_UNIT_SERIES - 1], order[MAX_UNIT_SERIES - 1 :]
    else:
        shown, rest = order, []
    units = [Series(_name(unit, unit_names), series[unit]) for unit in shown]
    if rest:
        units.append(Series(OTHER_UNITS, _summed([series[unit] for unit in rest])))
    return ChartSeries(tuple(units), _province(status, active))


def figure_chart(
    status: FigureStatus,
    history: Sequence[StoredSubmission],
    unit_names: Mapping[str, str],
) -> bytes:
    """Return a PNG chart of one figure's progress during the year against its target."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, DateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.ticker import FuncFormatter

    def unzip(points: Sequence[tuple[dt.date, float]]) -> tuple[list[float], list[float]]:
        """Return the x (matplotlib's date numbers) and y of points."""
        numbers = date2num([day for day, _ in points])  # type: ignore[no-untyped-call]
        days: list[float] = numbers.tolist()
        return days, [value for _, value in points]

    drawn = chart_series(status, history, unit_names)
    font = FontProperties(family=FONT, size=FONT_SIZE)

    figure = Figure(figsize=FIGURE_SIZE, dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    figure.suptitle(
        _plain("\n".join(textwrap.wrap(status.label, TITLE_WIDTH)) or status.figure),
        family=FONT,
        fontsize=TITLE_SIZE,
        fontweight="bold",
    )
    axes.set_title(_plain(f"Mục {status.place}"), family=FONT, fontsize=FONT_SIZE)
    axes.set_xlabel(X_LABEL, family=FONT, fontsize=FONT_SIZE)
    y_label = f"{Y_LABEL} ({status.unit})" if status.unit else Y_LABEL
    axes.set_ylabel(_plain(y_label), family=FONT, fontsize=FONT_SIZE)
    axes.tick_params(labelsize=FONT_SIZE, labelfontfamily=FONT)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: _number(value)))
    axes.grid(True, color="#dddddd", linewidth=0.6)
    axes.margins(y=0.1)  # points and the target line clear of the frame
    axes.set_axisbelow(True)

    if drawn.province is not None:
        dates, values = unzip(drawn.province.points)
        axes.plot(
            dates,
            values,
            label=PROVINCE,
            color=_PROVINCE_COLOUR,
            linewidth=3,
            marker="s",
            markersize=6,
            zorder=2,
        )
    for line in drawn.units:
        dates, values = unzip(line.points)
        axes.plot(
            dates,
            values,
            label=_plain(_legend_text(line.label)),
            linewidth=1.2,
            marker="o",
            markersize=4,
            alpha=0.9,
            zorder=3,
        )
    target = f"Chỉ tiêu: {status.target}" if status.target else "Chỉ tiêu"
    axes.axhline(
        status.target_value,
        label=_plain(_legend_text(target)),
        color=_TARGET_COLOUR,
        linestyle="--",
        linewidth=1.8,
        zorder=1,
    )

    every_date = sorted({day for line in _all(drawn) for day, _ in line.points})
    if every_date:
        axes.xaxis.set_major_formatter(DateFormatter("%d/%m"))  # type: ignore[no-untyped-call]
        if len(every_date) <= MAX_DATE_TICKS:
            axes.set_xticks(unzip([(day, 0.0) for day in every_date])[0])
        else:
            locator = AutoDateLocator(maxticks=MAX_DATE_TICKS)  # type: ignore[no-untyped-call]
            axes.xaxis.set_major_locator(locator)
    else:
        axes.set_xticks([])
        if status.target_value > 0:
            axes.set_ylim(0, status.target_value * 1.25)
        axes.text(
            0.5,
            0.5,
            NO_DATA,
            transform=axes.transAxes,
            ha="center",
            va="center",
            family=FONT,
            fontsize=TITLE_SIZE + 2,
            color="#777777",
        )

    entries = len(drawn.units) + (drawn.province is not None) + 1
    if entries <= 4:
        axes.legend(loc="best", prop=font, framealpha=0.9)
    else:
        labels = [*(line.label for line in drawn.units), PROVINCE, target]
        columns = 3 if max(len(label) for label in labels) <= 18 else 2
        figure.legend(loc="outside lower center", ncols=columns, prop=font, frameon=False)

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _province(status: FigureStatus, active: Sequence[StoredSubmission]) -> Series | None:
    """Return the province's value at the end of each reported period (None: no value)."""
    if status.value is None or not active:
        return None
    latest = list(status.latest) or list(latest_by_unit(active).values())
    cumulative = len(latest) > 1 and math.isclose(
        status.value, sum(item.value for item in latest), rel_tol=1e-9, abs_tol=1e-9
    )
    points: dict[dt.date, float] = {}
    for end in sorted({item.period.end for item in active}):
        counted = list(latest_by_unit(item for item in active if item.period.end <= end).values())
        if cumulative:
            points[end] = sum(item.value for item in counted)
        else:
            points[end] = max(counted, key=_key).value
    if status.as_of is not None:
        points[status.as_of] = status.value  # the chart agrees with the status it illustrates
    return Series(PROVINCE, tuple(sorted(points.items())))


def _summed(
    lines: Iterable[tuple[tuple[dt.date, float], ...]],
) -> tuple[tuple[dt.date, float], ...]:
    """Return the sum of several units' lines: at each date, each unit's latest value so far."""
    lines = list(lines)
    dates = sorted({day for points in lines for day, _ in points})
    summed = []
    for day in dates:
        total = 0.0
        for points in lines:
            before = [value for end, value in points if end <= day]
            if before:
                total += before[-1]
        summed.append((day, total))
    return tuple(summed)


def _all(drawn: ChartSeries) -> tuple[Series, ...]:
    return (*drawn.units, *((drawn.province,) if drawn.province is not None else ()))


def _key(item: StoredSubmission) -> tuple[dt.date, dt.datetime, int]:
    return (item.period.end, item.submitted_at, item.id)


def _name(unit: str, unit_names: Mapping[str, str]) -> str:
    return unit_names.get(unit, unit)


def _number(value: float) -> str:
    """Return a tick value the Vietnamese way ("80.200", "54,2")."""
    return format_vietnamese_number(value) if math.isfinite(value) else ""


def _legend_text(text: str) -> str:
    return "\n".join(textwrap.wrap(text, LEGEND_WIDTH)) or text


def _plain(text: str) -> str:
    """Return text that matplotlib shows as written: a "$" would otherwise start mathtext."""
    return text.replace("$", r"\$")
