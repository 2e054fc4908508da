"""Past sales from deal exports: customers matched or added, nothing scheduled in the past."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerInput, CustomerQuery
from app.errors import KnownError, MissingColumns
from app.importing.deal_values import money_of, outcome_of

TODAY = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)  # Friday 09:00 in Berlin


@pytest.fixture
def book(planner_de: AppContext, clock: FixedClock) -> AppContext:
    clock.set(TODAY)
    planner_de.customers.add(
        CustomerInput(name="Ana Silva", company="Acme", email="ana@acme.example")
    )
    return planner_de


def write(path: Path, rows: list[dict[str, str]], delimiter: str = ",") -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter,
                            lineterminator="\r\n")  # fmt: skip
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


HUBSPOT = [
    {"Deal Name": "Two forklifts", "Deal Stage": "Closed Won", "Close Date": "2026-11-02 14:00",
     "Amount": "12500.00", "Associated Contact": "Ana Silva", "Associated Company": "Acme",
     "Associated Contact Email": "ANA@acme.example"},
    {"Deal Name": "Pallet truck", "Deal Stage": "Closed Lost", "Close Date": "2026-06-15",
     "Amount": "", "Associated Contact": "", "Associated Company": "Northwind",
     "Associated Contact Email": "buyer@northwind.example"},
    {"Deal Name": "Racking", "Deal Stage": "Negotiation", "Close Date": "2026-12-15",
     "Amount": "900", "Associated Contact": "Ben Ortiz", "Associated Company": "",
     "Associated Contact Email": ""},
    {"Deal Name": "Spare parts", "Deal Stage": "closedwon", "Close Date": "someday",
     "Amount": "50", "Associated Contact": "Cleo Park", "Associated Company": "",
     "Associated Contact Email": ""},
    {"Deal Name": "Service plan", "Deal Stage": "Closed Won", "Close Date": "2026-11-19",
     "Amount": "1,200.50", "Associated Contact": "", "Associated Company": "Northwind",
     "Associated Contact Email": "buyer@northwind.example"},
]  # fmt: skip


def test_hubspot_preview_names_each_deals_customer(book: AppContext, tmp_path: Path) -> None:
    preview = book.sales_import.preview(write(tmp_path / "deals.csv", HUBSPOT))
    assert preview.layout == "HubSpot deals"
    assert [(d.row, d.customer, d.outcome) for d in preview.deals] == [
        (2, "Ana Silva", "won"),
        (3, "Northwind (new)", "lost"),
        (6, "Northwind (new)", "won"),
    ]
    assert preview.deals[0].customer_id is not None and preview.deals[1].customer_id is None
    assert preview.new_customers == 1 and preview.open_deals == 1
    assert [(e.row, e.error) for e in preview.errors] == [
        (5, "close date 'someday' is not a date (use YYYY-MM-DD)")
    ]


def test_import_plans_as_of_each_sale_and_never_in_the_past(
    book: AppContext, tmp_path: Path
) -> None:
    result = book.sales_import.run(write(tmp_path / "deals.csv", HUBSPOT))
    assert (result.sales, result.new_customers, result.open_deals) == (3, 1, 1)
    assert result.backup is not None and len(result.errors) == 1
    assert result.in_the_past > 0 and result.touchpoints > 0
    planned = book.agenda.touchpoints()
    assert planned and min(t.due_date for t in planned) >= TODAY.date()
    northwind = book.customers.page(CustomerQuery(search="northwind")).rows
    assert [(c.name, c.email, c.source) for c in northwind] == [
        ("Northwind", "buyer@northwind.example", "Sales import")
    ]
    sales = book.sales.of_customer(northwind[0].id)
    assert sorted((s.closed_on, s.outcome, s.amount_minor) for s in sales) == [
        (dt.date(2026, 6, 15), "lost", None), (dt.date(2026, 11, 19), "won", 120050)
    ]  # fmt: skip


def test_a_thank_you_for_a_sale_closed_long_ago_is_not_scheduled(
    book: AppContext, tmp_path: Path
) -> None:
    rows = [{"Deal Name": "Old order", "Deal Stage": "Closed Won", "Close Date": "2025-01-10",
             "Amount": "100", "Associated Contact": "Dan Wu", "Associated Company": "",
             "Associated Contact Email": "dan@wu.example"}]  # fmt: skip
    result = book.sales_import.run(write(tmp_path / "old.csv", rows))
    assert result.sales == 1 and result.in_the_past >= 1
    kinds = {t.kind for t in book.agenda.touchpoints()}
    assert "thank_you" not in kinds


def test_pipedrive_and_salesforce_layouts(book: AppContext, tmp_path: Path) -> None:
    pipedrive = [{"Deal - Title": "Forklift", "Deal - Status": "won",
                  "Deal - Won time": "2026-11-18 10:00:00", "Deal - Value": "5000",
                  "Deal - Currency": "EUR", "Person - Name": "Eve Roe",
                  "Person - Email": "eve@roe.example",
                  "Organization - Name": "Roe Ltd"}]  # fmt: skip
    salesforce = [{"Opportunity Name": "Fleet", "Stage": "Closed Won", "Close Date": "11/18/2026",
                   "Amount": "USD 7,000.00", "Account Name": "Fay Corp",
                   "Contact: Email": "fay@fay.example"}]  # fmt: skip
    first = book.sales_import.preview(write(tmp_path / "p.csv", pipedrive))
    second = book.sales_import.preview(write(tmp_path / "s.csv", salesforce, ";"))
    assert (first.layout, second.layout) == ("Pipedrive deals", "Salesforce opportunities")
    assert first.deals[0].closed_on == second.deals[0].closed_on == dt.date(2026, 11, 18)
    book.sales_import.run(tmp_path / "s.csv")
    fay = book.customers.page(CustomerQuery(search="fay corp")).rows[0]
    assert (fay.name, fay.company) == ("Fay Corp", "Fay Corp")


def test_a_file_without_close_dates_is_refused_in_one_line(
    book: AppContext, tmp_path: Path
) -> None:
    with pytest.raises(MissingColumns, match="no column holds the close date"):
        book.sales_import.preview(write(tmp_path / "x.csv", [{"Customer": "A", "Amount": "1"}]))


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [("12500", "12500", ""), ("12,500.00", "12500.00", ""), ("€ 12.500,00", "12500.00", ""),
     ("1.250.000", "1250000", ""), ("USD 7,000.00", "7000.00", "USD"), ("99,5", "99.5", "")],
)  # fmt: skip
def test_amounts_as_crms_write_them(text: str, amount: str, currency: str) -> None:
    assert money_of(text) == (amount, currency)


def test_outcome_words() -> None:
    assert [outcome_of(w) for w in ("Closed Won", "closedlost", "won", "Verloren", "Proposal")] == [
        "won", "lost", "won", "lost", None
    ]  # fmt: skip


def test_cancel_leaves_customers_and_sales_as_before(book: AppContext, tmp_path: Path) -> None:
    from app.progress import Cancelled, Progress

    progress = Progress()
    before = book.agenda.touchpoints()

    def listener(done: int, total: int, message: str) -> None:
        if message.startswith("Recording sales"):
            progress.cancel()

    progress._listener = listener
    with pytest.raises(Cancelled):
        book.sales_import.run(write(tmp_path / "deals.csv", HUBSPOT), progress=progress)
    assert book.customers.count() == 1
    assert book.agenda.touchpoints() == before


def test_the_actual_delivery_anchors_the_delivery_check(book: AppContext, tmp_path: Path) -> None:
    rows = [{"Customer": "Gil Reyes", "Close date": "2026-11-10", "Outcome": "won",
             "Promised delivery": "2026-11-30", "Delivered": "2026-11-24"}]  # fmt: skip
    result = book.sales_import.run(write(tmp_path / "mine.csv", rows))
    assert result.sales == 1
    [sale] = book.sales.of_customer(book.customers.page(CustomerQuery(search="gil")).rows[0].id)
    assert (sale.promised_delivery, sale.actual_delivery) == (
        dt.date(2026, 11, 30), dt.date(2026, 11, 24)
    )  # fmt: skip
    check = [t for t in book.agenda.touchpoints() if t.kind == "delivery_check"]
    assert check and check[0].due_date >= dt.date(2026, 11, 24)


def test_a_new_customers_keep_in_touch_runs_from_their_last_sale(
    book: AppContext, tmp_path: Path
) -> None:
    rows = [{"Customer": "Hal Berg", "E-mail": "hal@berg.example", "Close date": "2025-01-10",
             "Outcome": "won"},
            {"Customer": "Hal Berg", "E-mail": "hal@berg.example", "Close date": "2025-03-01",
             "Outcome": "won"}]  # fmt: skip
    book.sales_import.run(write(tmp_path / "old.csv", rows))
    hal = book.customers.page(CustomerQuery(search="hal berg")).rows[0]
    assert hal.created_at.date() == dt.date(2025, 3, 1)
    check_ins = [t for t in book.agenda.touchpoints(customer_id=hal.id) if t.kind == "check_in"]
    # Long overdue by the cadence: soon, not a whole cadence from today.
    assert check_ins and check_ins[0].due_date < TODAY.date() + dt.timedelta(days=30)


def test_a_file_of_open_deals_records_nothing(book: AppContext, tmp_path: Path) -> None:
    rows = [{"Customer": "Ivy Lo", "Close date": "2026-12-01", "Stage": "Proposal"}]
    result = book.sales_import.run(write(tmp_path / "open.csv", rows))
    assert (result.sales, result.new_customers, result.open_deals) == (0, 0, 1)
    assert book.customers.count() == 1


# An order book of no known layout, with headers no synonym knows.
ORDERS = [
    {"Kundennr": "K-1", "Ansprechpartner": "Ana Silva", "Mail": "ana@acme.example",
     "Gebucht am": "2026-11-02", "Artikel": "Two forklifts", "Summe": "12500"},
    {"Kundennr": "K-2", "Ansprechpartner": "Ben Ortiz", "Mail": "ben@ortiz.example",
     "Gebucht am": "2026-11-18", "Artikel": "Racking", "Summe": "900"},
]  # fmt: skip
ORDERS_MAPPING = {"closed_on": "Gebucht am", "name": "Ansprechpartner", "email": ["Mail"],
                  "description": "Artikel", "amount": "Summe"}  # fmt: skip


def test_any_other_file_through_the_column_mapping(book: AppContext, tmp_path: Path) -> None:
    path = write(tmp_path / "orders.csv", ORDERS)
    with pytest.raises(MissingColumns) as refused:
        book.sales_import.preview(path)
    # What the mapping offers: the file's headers, and what was guessed from them.
    assert refused.value.headers == tuple(ORDERS[0])
    preview = book.sales_import.preview(path, ORDERS_MAPPING)
    assert [(d.customer, d.customer_id is None, d.description) for d in preview.deals] == [
        ("Ana Silva", False, "Two forklifts"), ("Ben Ortiz (new)", True, "Racking"),
    ]  # fmt: skip
    assert preview.headers == tuple(ORDERS[0])
    assert preview.mapping["closed_on"] == ("Gebucht am",)
    result = book.sales_import.run(path, columns=ORDERS_MAPPING)
    assert (result.sales, result.new_customers) == (2, 1)


@pytest.mark.parametrize(
    ("mapping", "says"),
    [({"closed_on": "Gebucht"}, "Gebucht"), ({"when": "Gebucht am"}, "when"),
     ({"name": "Ansprechpartner"}, "close date"), ({"closed_on": "Gebucht am"}, "customer"),
     ({"closed_on": 3, "name": "Ansprechpartner"}, "closed_on")],
)  # fmt: skip
def test_a_mapping_that_cannot_work_is_refused_in_one_line(
    book: AppContext, tmp_path: Path, mapping: dict[str, object], says: str
) -> None:
    path = write(tmp_path / "orders.csv", ORDERS)
    with pytest.raises(KnownError) as refused:
        book.sales_import.preview(path, mapping)
    assert says in refused.value.message and "\n" not in refused.value.message
