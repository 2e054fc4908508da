"""The "Where the time goes (80/20)" card: the share of follow-ups and contacts going to key
customers beside the share of revenue they bring, and a hint when they get less."""

from __future__ import annotations

from app.dto.insights import KeyShare
from ui.amounts import amount_text
from ui.controllers.insight_displays import Display
from ui.controllers.insight_labels import day_text, percent, tr
from ui.item_models.figure_table import Cell
from ui.texts import fill
from ui.widgets.charts import ShareRow


def key_share(figure: KeyShare) -> Display:
    shares = [
        ShareRow(
            tr("Customers"),
            figure.customers_percent,
            fill(tr("%1 key customers of %2"), str(figure.key_customers), str(figure.customers)),
        ),
        ShareRow(
            tr("Follow-ups done"),
            figure.follow_ups_percent,
            fill(
                tr("%1 of %2 follow-ups done"), str(figure.follow_ups_key), str(figure.follow_ups)
            ),
        ),
        ShareRow(
            tr("All contacts"),
            figure.contacts_percent,
            fill(tr("%1 of %2 contacts"), str(figure.contacts_key), str(figure.contacts)),
        ),
    ]
    rows: list[tuple[Cell, ...]] = [
        (
            tr("Customers"),
            figure.key_customers,
            figure.customers,
            percent(figure.customers_percent),
        ),
        (
            tr("Follow-ups done"),
            figure.follow_ups_key,
            figure.follow_ups,
            percent(figure.follow_ups_percent),
        ),
        (
            tr("All contacts"),
            figure.contacts_key,
            figure.contacts,
            percent(figure.contacts_percent),
        ),
    ]
    since = day_text(figure.revenue_from)
    for revenue in figure.revenue:
        label = fill(tr("Revenue in %1"), revenue.currency)
        shares.append(
            ShareRow(
                label,
                revenue.key_percent,
                fill(
                    tr("%1 of %2 won since %3"),
                    amount_text(revenue.key_minor, revenue.currency),
                    amount_text(revenue.total_minor, revenue.currency),
                    since,
                ),
            )
        )
        rows.append(
            (
                label,
                amount_text(revenue.key_minor, revenue.currency),
                amount_text(revenue.total_minor, revenue.currency),
                percent(revenue.key_percent),
            )
        )
    headline = fill(
        tr("Key customers get %1 of your contacts and bring %2 of the revenue won since %3"),
        percent(figure.contacts_percent),
        percent(figure.revenue[0].key_percent if figure.revenue else None),
        since,
    )
    hint = ""
    if figure.short_changed:
        hint = tr(
            "Your key customers get less of your time than their share of the revenue. "
            "Plan the next contacts with them first."
        )
    return Display(
        headline,
        (tr("What"), tr("Key customers"), tr("All customers"), tr("Key customers' share")),
        rows,
        hint=hint,
        shares=shares,
    )
