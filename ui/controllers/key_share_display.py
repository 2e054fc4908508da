"""The "Where the time goes (80/20)" card: the share of follow-ups and contacts going to key
customers beside the share of revenue they bring, and a hint when they get less."""

from __future__ import annotations

from app.dto.insights import KeyShare
from app.i18n import _, ngettext
from ui.amounts import amount_text
from ui.controllers.insight_displays import Display
from ui.controllers.insight_labels import day_text, percent
from ui.item_models.figure_table import Cell
from ui.widgets.charts import ShareRow


def key_share(figure: KeyShare) -> Display:
    shares = [
        ShareRow(
            _("Customers"),
            figure.customers_percent,
            ngettext(
                "{key_customers} key customer of {customers}",
                "{key_customers} key customers of {customers}",
                figure.key_customers,
            ).format(key_customers=figure.key_customers, customers=figure.customers),
        ),
        ShareRow(
            _("Follow-ups done"),
            figure.follow_ups_percent,
            ngettext(
                "{follow_ups_key} of {follow_ups} follow-up done",
                "{follow_ups_key} of {follow_ups} follow-ups done",
                figure.follow_ups,
            ).format(follow_ups_key=figure.follow_ups_key, follow_ups=figure.follow_ups),
        ),
        ShareRow(
            _("All contacts"),
            figure.contacts_percent,
            ngettext(
                "{contacts_key} of {contacts} contact",
                "{contacts_key} of {contacts} contacts",
                figure.contacts,
            ).format(contacts_key=figure.contacts_key, contacts=figure.contacts),
        ),
    ]
    rows: list[tuple[Cell, ...]] = [
        (
            _("Customers"),
            figure.key_customers,
            figure.customers,
            percent(figure.customers_percent),
        ),
        (
            _("Follow-ups done"),
            figure.follow_ups_key,
            figure.follow_ups,
            percent(figure.follow_ups_percent),
        ),
        (
            _("All contacts"),
            figure.contacts_key,
            figure.contacts,
            percent(figure.contacts_percent),
        ),
    ]
    since = day_text(figure.revenue_from)
    for revenue in figure.revenue:
        label = _("Revenue in {currency}").format(currency=revenue.currency)
        shares.append(
            ShareRow(
                label,
                revenue.key_percent,
                _("{key} of {total} won since {since}").format(
                    key=amount_text(revenue.key_minor, revenue.currency),
                    total=amount_text(revenue.total_minor, revenue.currency),
                    since=since,
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
    headline = _(
        "Key customers get {contacts} of your contacts and bring {revenue} of the "
        "revenue won since {since}"
    ).format(
        contacts=percent(figure.contacts_percent),
        revenue=percent(figure.revenue[0].key_percent if figure.revenue else None),
        since=since,
    )
    hint = ""
    if figure.short_changed:
        hint = _(
            "Your key customers get less of your time than their share of the revenue. "
            "Plan the next contacts with them first."
        )
    return Display(
        headline,
        (_("What"), _("Key customers"), _("All customers"), _("Key customers' share")),
        rows,
        hint=hint,
        shares=shares,
    )
