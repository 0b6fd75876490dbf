"""The lead's dashboard: progress per annotator, grade and source-type
distributions, agreement figures. Figures are computed by the core
(team.dashboard_data) in a worker; this widget only draws them."""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import CREDIBILITY_GRADES, RELIABILITY_GRADES, SOURCE_TYPE_LABELS
from annotator.core.team.agreement import FIELDS
from annotator.core.team.dashboard_data import DashboardData
from annotator.core.team.settling import CURATION_STATUSES

# Axis labels must fit under a bar group of the chart.
SHORT_SOURCE_TYPES = dict(zip(SOURCE_TYPE_LABELS, ["Person", "Gov.", "Military", "Intel.",
                                                    "Int. org.", "Expert", "Media", "Doc.",
                                                    "Anon."]))


def integer_step(maximum: float, ticks: int = 5) -> int:
    """A whole tick step (1, 2, 5, 10, 20, 50, …) giving at most ``ticks`` steps."""
    base = 1
    while True:
        for factor in (1, 2, 5):
            if base * factor * ticks >= maximum:
                return base * factor
        base *= 10


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 annotator", "2 annotators" (the dashboard said "1 annotators")."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def _chart(title: str) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(320, 220)
    view.setAccessibleName(title)
    return chart, view


def _axes(chart: QChart, series, categories: list[str], maximum: float,
          horizontal: bool = False, minimum: float = 0.0, counts: bool = True) -> QBarCategoryAxis:
    chart.addSeries(series)
    category_axis, value_axis = QBarCategoryAxis(), QValueAxis()
    category_axis.append(categories)
    value_axis.setRange(minimum, max(maximum, 1))
    if counts:  # whole numbers on the ticks, each once ("%d" of 0.5 steps read "0, 0, 1, 1, 2")
        step = integer_step(maximum)
        value_axis.setRange(0, step * math.ceil(max(maximum, 1) / step))
        value_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        value_axis.setTickAnchor(0)
        value_axis.setTickInterval(step)
        value_axis.setLabelFormat("%d")
    else:
        # Steps of 0.2 (five ticks over 0..1 read "0.3" for 0.25).
        value_axis.setTickCount(round((max(maximum, 1) - minimum) / 0.2) + 1)
        value_axis.setLabelFormat("%.1f")
    chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(category_axis)
    series.attachAxis(value_axis)
    return category_axis


class Dashboard(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Team dashboard")
        self.setAccessibleName("Team dashboard")
        self.summary = QLabel("Computing…", self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # names annotators
        self.summary.setWordWrap(True)
        self.charts: dict[str, tuple[QChart, QChartView]] = {
            name: _chart(title) for name, title in (  # noqa: C416
                ("progress", "Progress per annotator (claims)"),
                ("reliability", "Source reliability (accepted claims)"),
                ("credibility", "Information credibility (accepted claims)"),
                ("source_types", "Source types (accepted claims)"),
                ("agreement", "Krippendorff's alpha (all annotators)"),
            )}
        self.figures = QTableWidget(0, 4, self)
        self.figures.setAccessibleName("Agreement figures")
        self.figures.setHorizontalHeaderLabels(["Scope", "Measure", "Value", "n"])
        self.figures.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.figures.verticalHeader().setVisible(False)
        self.figures.horizontalHeader().setStretchLastSection(True)
        grid = QGridLayout()
        for index, name in enumerate(["progress", "agreement", "reliability", "credibility"]):
            grid.addWidget(self.charts[name][1], index // 2, index % 2)
        grid.addWidget(self.charts["source_types"][1], 2, 0)
        grid.addWidget(self.figures, 2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)

    def show_data(self, data: DashboardData) -> None:
        self.data = data
        self._summary(data)
        self._progress(data)
        self._distribution("reliability", data.reliability, list(RELIABILITY_GRADES))
        self._distribution("credibility", data.credibility, list(CREDIBILITY_GRADES))
        self._distribution("source_types", data.source_types, [k.value for k in SOURCE_TYPE_LABELS],
                           [SHORT_SOURCE_TYPES[k] for k in SOURCE_TYPE_LABELS])
        self._agreement(data)

    def _summary(self, data: DashboardData) -> None:
        agreement, adjudication = data.agreement, data.adjudication
        self.summary.setText(
            f"{plural(len(data.progress), 'annotator')} · "
            f"{plural(agreement.items, 'claim')} judged by two or more · "
            f"{adjudication.settled} of {plural(adjudication.total, 'disagreement')} settled · "
            f"{adjudication.changed} changed since adjudicated · articles: "
            + ", ".join(f"{data.curation.get(s, 0)} {s}" for s in CURATION_STATUSES) + " · "
            + f"{plural(data.merge_conflicts, 'merge conflict')} recorded")

    def _reset(self, name: str) -> QChart:
        chart = self.charts[name][0]
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        return chart

    def _progress(self, data: DashboardData) -> None:
        chart = self._reset("progress")
        done, left = QBarSet("reviewed"), QBarSet("to do")
        for row in data.progress:
            done.append(row.reviewed)
            left.append(max(row.total - row.reviewed, 0))
        series = QHorizontalStackedBarSeries()
        series.append(done)
        series.append(left)
        largest = max((row.total for row in data.progress), default=1)
        _axes(chart, series, [row.annotator for row in data.progress], largest, horizontal=True)

    def _distribution(self, name: str, counts: dict, values: list, labels: list | None = None) -> None:
        chart = self._reset(name)
        series = QBarSeries()
        largest = 1
        for annotator in sorted(counts):
            bars = QBarSet(annotator)
            for value in values:
                bars.append(counts[annotator].get(value, 0))
                largest = max(largest, counts[annotator].get(value, 0))
            series.append(bars)
        axis = _axes(chart, series, [str(v) for v in (labels or values)], largest)
        if len(values) > 6:  # many categories: smaller labels, so they are not cut
            font = QFont(axis.labelsFont())
            font.setPointSizeF(font.pointSizeF() * 0.8)
            axis.setLabelsFont(font)

    def _agreement(self, data: DashboardData) -> None:
        chart = self._reset("agreement")
        bars = QBarSet("alpha (undefined: no bar)")
        values = [data.agreement.alpha[field].value or 0.0 for field in FIELDS]
        for value in values:
            bars.append(value)
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPrecision(3)
        _axes(chart, series, [f.replace("_", " ") for f in FIELDS], 1.0,
              minimum=-1.0 if min(values) < 0 else 0.0, counts=False)
        rows = data.agreement.rows()
        self.figures.setRowCount(len(rows))
        for row, (scope, measure, value, n) in enumerate(rows):
            for column, shown in enumerate(
                    (scope, measure, "–" if value is None else f"{value:.3f}", str(n))):
                self.figures.setItem(row, column, QTableWidgetItem(shown))
