"""Duplicates, merge/skip/add, all-or-nothing writes, the backup first, keep-in-touch after."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.context import AppContext
from app.dto.customers import CustomerInput, CustomerQuery
from app.progress import Cancelled, Progress
from app.rules import import_writer, keep_in_touch

HEADER = "Name,Company,E-mail,Phone,Birthday,Notes\r\n"


def write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "contacts.csv"
    path.write_text(HEADER + "".join(row + "\r\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture
def ana(planner_de: AppContext) -> int:
    return planner_de.customers.add(
        CustomerInput(name="Ana Silva", company="Acme GmbH", email="ana@acme.example",
                      phone="+49 170 1234567")
    ).id  # fmt: skip


def names(context: AppContext) -> list[str]:
    return [c.name for c in context.customers.page(CustomerQuery(limit=1000)).rows]


def test_matches_by_email_phone_and_name_with_company(
    planner_de: AppContext, ana: int, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "A. Silva,,ANA@ACME.EXAMPLE,,,",
        "Ana S.,,,0170 1234567,,",
        '"Silva, Ana",ACME,,,,',
        "Ana Silva,Other Corp,,,,",
        "Ben Ortiz,Acme,ben@acme.example,,,",
        "Ben Ortiz,Acme,,,,repeated",
        # The phone alone is not enough: a switchboard number is shared by many people.
        "Someone Else,,,0170 1234567,,",
    )
    preview = planner_de.importing.preview(path)
    reasons = {dup.row: (dup.customer_id, dup.reason) for dup in preview.plan.duplicates}
    assert reasons == {
        2: (ana, "same e-mail"),
        3: (ana, "same phone and a similar name"),
        4: (ana, "same name and company"),
        7: (None, "same name and company as row 6"),
    }
    assert [item.row for item in preview.plan.new] == [5, 6, 8]
    counts = planner_de.importing.outcome(preview, "skip", {3: "add", 7: "merge"})
    assert (counts.added, counts.merged, counts.skipped) == (4, 1, 2)


def test_merge_fills_gaps_and_never_overwrites(
    planner_de: AppContext, ana: int, tmp_path: Path
) -> None:
    path = write(tmp_path, "Ana S.,New Co,ana@acme.example,+49 89 999,1984-09-02,Likes tea")
    result = planner_de.importing.run(planner_de.importing.preview(path), "merge")
    assert (result.added, result.merged, result.skipped) == (0, 1, 0)
    merged = planner_de.customers.get(ana)
    assert (merged.name, merged.company, merged.phone) == ("Ana Silva", "Acme GmbH",
                                                           "+49 170 1234567")  # fmt: skip
    assert str(merged.birthday) == "1984-09-02" and merged.notes == "Likes tea"


def test_skip_and_add(planner_de: AppContext, ana: int, tmp_path: Path) -> None:
    path = write(tmp_path, "Ana Silva,Acme,ana@acme.example,,,")
    skipped = planner_de.importing.run(planner_de.importing.preview(path), "skip")
    assert (skipped.added, skipped.skipped) == (0, 1) and names(planner_de) == ["Ana Silva"]
    added = planner_de.importing.run(planner_de.importing.preview(path), "add")
    assert added.added == 1 and names(planner_de) == ["Ana Silva", "Ana Silva"]


def test_new_customers_get_their_keep_in_touch_and_birthday(
    planner_de: AppContext, tmp_path: Path
) -> None:
    path = write(tmp_path, "Ben Ortiz,Acme,ben@acme.example,,1980-12-24,")
    planner_de.importing.run(planner_de.importing.preview(path))
    ben = planner_de.customers.page(CustomerQuery()).rows[0]
    kinds = {item.kind for item in planner_de.agenda.touchpoints(None, None, ben.id, ("planned",))}
    assert kinds == {"check_in", "birthday"}
    assert ben.source == "CSV import"


def test_imported_customers_are_planned_as_one_added_by_hand(
    planner_de: AppContext, tmp_path: Path
) -> None:
    """The import plans from the rows it inserted; the form plans from the stored customer."""
    path = write(tmp_path, "Ben Ortiz,Acme,ben@acme.example,,1980-12-24,", "Dan Ray,,,,03-02,")
    planner_de.importing.run(planner_de.importing.preview(path))
    planner_de.customers.add(CustomerInput(name="Cara Lind", birthday="1980-12-24"))
    planner_de.customers.add(CustomerInput(name="Eve Lund", birthday="03-02"))
    by_name = {c.name: c.id for c in planner_de.customers.page(CustomerQuery(limit=10)).rows}

    def planned(name: str) -> list[tuple[str, object]]:
        items = planner_de.agenda.touchpoints(None, None, by_name[name], ("planned",))
        return sorted((item.kind, item.due_date) for item in items)

    assert planned("Ben Ortiz") == planned("Cara Lind") != []
    assert planned("Dan Ray") == planned("Eve Lund") != []


def test_a_backup_is_taken_before_the_import(planner_de: AppContext, tmp_path: Path) -> None:
    planner_de.customers.add(CustomerInput(name="Before Import"))
    result = planner_de.importing.run(planner_de.importing.preview(write(tmp_path, "X Y,,,,,")))
    assert result.backup is not None and result.backup.reason == "import"
    with sqlite3.connect(result.backup.path) as conn:
        assert conn.execute("SELECT name FROM customer").fetchall() == [("Before Import",)]


def test_cancel_midway_leaves_the_database_as_before(
    planner_de: AppContext, tmp_path: Path
) -> None:
    rows = [f"Person {i},Co {i},p{i}@example.com,,," for i in range(25_000)]
    preview = planner_de.importing.preview(write(tmp_path, *rows))
    progress = Progress()
    seen: list[str] = []

    def listener(done: int, total: int, message: str) -> None:
        seen.append(message)
        if done >= 10_000 and message.startswith("Adding"):
            progress.cancel()

    progress._listener = listener
    with pytest.raises(Cancelled):
        planner_de.importing.run(preview, progress=progress)
    assert planner_de.customers.count() == 0
    assert planner_de.agenda.touchpoints(None, None, None, ("planned",)) == []


def test_a_failure_after_the_inserts_rolls_everything_back(
    planner_de: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(keep_in_touch, "plan_new_customers", broken)
    preview = planner_de.importing.preview(write(tmp_path, "A B,,a@b.example,,,"))
    with pytest.raises(RuntimeError):
        planner_de.importing.run(preview)
    assert planner_de.customers.count() == 0
    monkeypatch.undo()
    # The search index trigger dropped for the bulk insert is back after the rollback.
    planner_de.customers.add(CustomerInput(name="Searchable Person"))
    assert planner_de.customers.count("searchable") == 1


def test_imported_customers_are_found_by_search(planner_de: AppContext, tmp_path: Path) -> None:
    planner_de.importing.run(planner_de.importing.preview(write(tmp_path, "Zoë Fournier,Café,,,,")))
    assert planner_de.customers.count("fourn") == 1 and planner_de.customers.count("café") == 1


def test_a_bulk_import_is_searched_exactly_as_customers_added_by_hand(
    planner_de: AppContext, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Several chunks, so the search index is filled several times within one import.
    monkeypatch.setattr(import_writer, "INSERT_CHUNK", 3)
    people = [(f"Zoë Fournier{i}", f"Café {i}", f"zoe{i}@cafe.example", f"+49 171 55500{i}")
              for i in range(7)]  # fmt: skip
    path = write(tmp_path, *(",".join(person) + ",," for person in people))
    planner_de.importing.run(planner_de.importing.preview(path))
    by_hand = CustomerInput(
        name="Zoë Fournier7", company="Café 7", email="zoe7@cafe.example", phone="+49 171 555007"
    )
    planner_de.customers.add(by_hand)
    terms = ["fournier", "zoë", "café 3", "zoe5@cafe", "555003", "4917155500", "ournier7"]
    found = {term: planner_de.customers.count(term) for term in terms}
    assert found == {"fournier": 8, "zoë": 8, "café 3": 1, "zoe5@cafe": 1, "555003": 1,
                     "4917155500": 8, "ournier7": 1}  # fmt: skip
    # An imported customer edited or deleted leaves the index as one added by hand does.
    first = planner_de.customers.page(CustomerQuery(search="fournier0", limit=5)).rows[0]
    planner_de.customers.delete(first.id)
    assert planner_de.customers.count("fournier0") == 0
    with sqlite3.connect(db_path) as conn:
        # The index holds exactly what the table does, and its merge setting is as before.
        conn.execute("INSERT INTO customer_search(customer_search) VALUES ('integrity-check')")
        setting = conn.execute("SELECT v FROM customer_search_config WHERE k = 'automerge'")
        assert setting.fetchall() in ([], [(4,)])


def test_an_import_plans_exactly_what_a_full_refresh_would(
    planner_de: AppContext, tmp_path: Path, db_path: Path
) -> None:
    """New customers are planned once per alike set (plan_new_customers); re-planning every
    one of them from scratch afterwards must find nothing to add, move or skip. Each goes
    in with its next follow-up set: it must be what the touchpoint table says."""
    path = tmp_path / "flags.csv"
    rows = ["Name,E-mail,Phone,Birthday,Channel,Key customer,Do not contact,Keep in touch days"]
    for i in range(60):
        birthday = ("", "1980-12-24", "02-29", "1975-01-01")[i % 4]
        channel = ("email", "phone", "sms", "")[i % 3]
        key, dnc, cadence = (
            ("yes" if i % 5 == 0 else ""),
            ("yes" if i % 7 == 0 else ""),
            ("", "14", "45")[i % 3],
        )
        rows.append(f"Person {i},p{i}@example.com,+49 170 {i:07d},{birthday},{channel},"
                    f"{key},{dnc},{cadence}")  # fmt: skip
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    planner_de.importing.run(planner_de.importing.preview(path))

    def planned() -> list[tuple[object, ...]]:
        items = planner_de.agenda.touchpoints(None, None, None, ("planned",))
        return sorted(
            (item.customer_id, item.kind, item.channel, item.due_date, item.due_at, item.uid)
            for item in items
        )

    before = planned()
    assert {kind for _, kind, *_ in before} == {"check_in", "birthday"}
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute(
            "SELECT next_due = coalesce((SELECT min(due_date) FROM touchpoint t WHERE"
            " t.customer_id = customer.id AND t.status = 'planned'), '9999-12-31'),"
            " next_due = '9999-12-31' FROM customer"
        ).fetchall()
    assert len(stored) == 60 and all(same for same, _ in stored)
    # Do-not-contact customers have nothing planned.
    assert sum(empty for _, empty in stored) == len(range(0, 60, 7))
    planner_de.replanning.replan_all()
    assert planned() == before
