"""The supervisor's dashboard figures as charts: what each one shows, and in what words."""

from __future__ import annotations

from django.utils.safestring import SafeString

from paroledesk.adjudication.dashboard import Dashboard
from paroledesk.web import charts


class _Drawn:
    """The figures drawn last with their charts, as one pair: the same figures (kept
    between changes by adjudication.recount) are not drawn again."""

    last: tuple[Dashboard, dict[str, SafeString]] | None = None


def dashboard_charts(figures: Dashboard) -> dict[str, SafeString]:
    last = _Drawn.last
    if last is None or last[0] is not figures:
        last = _Drawn.last = (figures, _draw(figures))
    return last[1]


def _draw(figures: Dashboard) -> dict[str, SafeString]:
    open_statuses = [tally for tally in figures.statuses if tally.open]
    earliest, latest = figures.window
    return {
        "statuses": charts.bar_chart(
            [charts.Bar(tally.label, tally.count) for tally in figures.statuses],
            ident="chart-statuses",
            title="Requests by status",
            description=f"{sum(t.count for t in figures.statuses):,} requests in all; "
            f"{sum(t.count for t in open_statuses):,} open. The table below gives each figure.",
        ),
        "ages": charts.bar_chart(
            [charts.Bar(tally.label, tally.count) for tally in figures.ages],
            ident="chart-ages",
            title="Open requests against the decision window",
            description=f"The window runs from {earliest} to {latest} business days after "
            "receipt, not counting the days a request waited on its requestor. "
            "The table below gives each figure.",
        ),
        "officers": charts.bar_chart(
            [charts.Bar(row.officer or "Not assigned", row.overdue) for row in figures.officers],
            ident="chart-officers",
            title="Overdue open requests by officer",
            description=f"{figures.overdue_total:,} open requests are past their window. "
            "The table below gives each officer's figure.",
        ),
        "weeks": charts.column_chart(
            [week.week_of.strftime("%b %-d") for week in figures.weeks],
            [
                charts.Series("Approved", [week.approved for week in figures.weeks]),
                charts.Series("Denied", [week.denied for week in figures.weeks]),
            ],
            ident="chart-weeks",
            title=f"Decisions in each of the last {len(figures.weeks)} weeks, by outcome",
            description=f"{sum(w.total for w in figures.weeks):,} decisions, weeks starting "
            "on Monday. The table below gives each week's figures.",
        ),
    }
