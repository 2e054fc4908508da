"""CLI contract of import, export csv/vcard/json and backup: JSON out, one-line errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from ui.main import main

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("FOLLOWUP_TODAY", "2026-11-20")

    def run(*args: str, ok: bool = True, db: Path = db_path) -> Any:
        code = main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        if ok:
            assert code == 0, err
            return json.loads(out) if out.strip().startswith(("{", "[")) else out
        assert code != 0 and out == "" and err.count("\n") == 1
        return err

    return run


def count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM customer").fetchone()[0])


def test_import_prints_counts_and_row_errors(cli: Any, db_path: Path) -> None:
    dry = cli("import", str(SAMPLES / "outlook_contacts_en.csv"), "--dry-run")
    assert dry["added"] == 5 and dry["errors"] == []
    assert dry["warnings"] == [
        {"row": 4, "field": "e-mail", "value": "bad.address@",
         "warning": "E-mail 'bad.address@' is not an e-mail address; it was kept in the notes."},
        {"row": 6, "field": "birthday", "value": "2/30/1985",
         "warning": "Birthday '2/30/1985' is not a date; it was kept in the notes."},
    ]  # fmt: skip
    assert count(db_path) == 0
    assert cli("import", str(SAMPLES / "outlook_contacts_en.csv"))["added"] == 5
    again = cli("import", str(SAMPLES / "outlook_contacts_en.csv"), "--on-duplicate", "merge")
    assert (again["added"], again["merged"]) == (0, 5)
    assert count(db_path) == 5


def test_import_lists_proposed_merges_to_accept_or_refuse(cli: Any, db_path: Path) -> None:
    path = str(SAMPLES / "duplicates_in_file.csv")
    dry = cli("import", path, "--dry-run", "--accept", "5", "--refuse", "4")
    pairs = [(d["row"], d["earlier_row"], d["looks_like"], d["choice"]) for d in dry["duplicates"]]
    assert pairs == [
        (4, 2, "Anna Schmidt", "add"),
        (5, 2, "Anna Schmidt", "merge"),
    ]
    assert (dry["added"], dry["merged"], dry["skipped"]) == (3, 1, 0)
    assert count(db_path) == 0
    done = cli("import", path, "--accept", "4,5")
    assert (done["added"], done["merged"]) == (2, 2) and count(db_path) == 2
    assert "not a list of row numbers" in cli("import", path, "--accept", "four", ok=False)


def test_import_encoding_is_shown_and_can_be_chosen(cli: Any, db_path: Path) -> None:
    path = str(SAMPLES / "cp1251.csv")
    assert cli("import", path, "--dry-run")["encoding"] == "Windows-1251"
    assert cli("import", path, "--dry-run", "--encoding", "koi8_r")["encoding"] == "KOI8-R"
    assert "unknown encoding" in cli("import", path, "--encoding", "klingon", ok=False)


def test_full_export_found_by_format_auto_and_dry_run(cli: Any, tmp_path: Path) -> None:
    cli("customer", "add", "--name", "Ana Silva")
    cli("export", "json", "--out", str(tmp_path / "all.json"))
    fresh = tmp_path / "fresh.sqlite3"
    dry = cli("import", str(tmp_path / "all.json"), "--dry-run", db=fresh)
    assert dry["would_import"]["customer"] == 1
    assert cli("customer", "list", db=fresh) == []
    assert cli("import", str(tmp_path / "all.json"), db=fresh)["imported"]["customer"] == 1
    again = cli("import", str(tmp_path / "all.json"), "--dry-run", db=fresh, ok=False)
    assert "not empty (1 customer" in again


def test_import_with_mapping_file_and_format(cli: Any, db_path: Path) -> None:
    result = cli(
        "import", str(SAMPLES / "custom_columns.csv"), "--format", "csv",
        "--mapping", str(SAMPLES / "custom_columns.mapping.json"),
    )  # fmt: skip
    assert result["added"] == 2
    listed = cli("customer", "list")
    assert {item["source"] for item in listed} == {"Trade show", "Website"}
    assert cli("import", str(SAMPLES / "icloud_contacts.vcf"), "--format", "vcard")["added"] == 2


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (None, (), "does not exist"),
        (bytes(range(256)) * 10, (), "not a text file"),
        (b"Zebra;Giraffe\r\n1;2\r\n", (), "unknown file layout"),
        (b"First Name,Last Name\r\nA,B\r\n", ("--format", "vcard"), "no vCards"),
        (b"a,b\r\n", ("--mapping", "missing.json"), "cannot read the mapping"),
    ],
)
def test_unreadable_import_exits_non_zero_and_writes_nothing(
    cli: Any, db_path: Path, tmp_path: Path, content: bytes | None, args: tuple[str, ...],
    message: str,
) -> None:  # fmt: skip
    path = tmp_path / "in.csv"
    if content is not None:
        path.write_bytes(content)
    error = cli("import", str(path), *args, ok=False)
    assert message in error
    assert count(db_path) == 0
    assert not (db_path.parent / "backups").exists()


def test_exports_print_a_summary(cli: Any, tmp_path: Path) -> None:
    cli("import", str(SAMPLES / "google_contacts_classic.csv"))
    out = tmp_path / "out"
    assert cli("export", "csv", "--out", str(out / "customers.csv")) == {
        "rows": 2, "file": str(out / "customers.csv"),
    }  # fmt: skip
    touchpoints = cli("export", "csv", "--what", "touchpoints", "--out", str(out / "tp"))
    assert touchpoints["rows"] >= 2 and touchpoints["file"].endswith("tp.csv")
    assert cli("export", "csv", "--what", "interactions", "--out", str(out / "i.csv"))["rows"] == 0
    assert cli("export", "vcard", "--out", str(out / "c.vcf"))["cards"] == 2
    full = cli("export", "json", "--out", str(out / "all.json"))
    assert full["tables"]["customer"] == 2 and full["file"] == str(out / "all.json")


def test_json_round_trip_into_an_empty_database_only(cli: Any, tmp_path: Path) -> None:
    cli("import", str(SAMPLES / "outlook_contacts_de_utf16.csv"))
    cli("sale", "add", "--customer", "1", "--closed", "2026-11-20", "--outcome", "won")
    cli("interaction", "add", "--customer", "2", "--summary", "Met at the fair")
    cli("settings", "set", "timezone", "Europe/Berlin")
    cli("export", "json", "--out", str(tmp_path / "all.json"))
    fresh = tmp_path / "fresh.sqlite3"
    imported = cli("import", str(tmp_path / "all.json"), "--format", "json", db=fresh)
    assert imported["imported"]["customer"] == 3 and imported["imported"]["sale"] == 1
    cli("export", "json", "--out", str(tmp_path / "again.json"), db=fresh)
    first = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    second = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))
    assert first["tables"] == second["tables"]
    error = cli("import", str(tmp_path / "all.json"), "--format", "json", db=fresh, ok=False)
    assert "not empty (3 customer" in error


def test_backup_now_list_restore(cli: Any, db_path: Path) -> None:
    made = cli("backup", "now")
    assert set(made) == {"name", "created", "size", "reason"} and made["reason"] == "manual"
    cli("customer", "add", "--name", "After Backup")
    restored = cli("backup", "restore", made["name"])
    assert restored["restored"] == made["name"]
    assert restored["kept"].endswith("-before-restore.sqlite3")
    assert cli("customer", "list") == []
    listed = cli("backup", "list", "--json")
    assert [item["name"] for item in listed] == [restored["kept"], made["name"]]
    assert "no backup named" in cli("backup", "restore", "../planner.sqlite3", ok=False)
    # The kept file is a full backup: restoring it brings the customer back.
    cli("backup", "restore", restored["kept"])
    assert [item["name"] for item in cli("customer", "list")] == ["After Backup"]


@pytest.mark.parametrize(
    "command",
    [("export", "csv"), ("export", "vcard"), ("export", "json"), ("export", "ics")],
    ids=lambda command: command[1],
)
@pytest.mark.parametrize("out", ["", " ", "folder", "folder/", "new-folder/", "."])
def test_an_empty_or_folder_output_path_is_refused_in_one_line(
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: tuple[str, str],
    out: str,
) -> None:
    work = tmp_path / "work"
    (work / "folder").mkdir(parents=True)
    monkeypatch.chdir(work)
    try:
        code = main(["--db", str(db_path), *command, "--out", out])
    except SystemExit as exit_:  # argparse type errors exit from inside the parser
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    assert code == 2 and captured.out == "" and captured.err.count("\n") == 1
    assert "--out" in captured.err and "file" in captured.err
    written = sorted(p.relative_to(work) for p in work.rglob("*"))
    assert written == [Path("folder")]  # no calendar.csv, no folder.ics, nothing


def test_an_output_path_in_a_new_folder_is_still_fine(cli: Any, tmp_path: Path) -> None:
    shown = cli("export", "csv", "--out", str(tmp_path / "new" / "customers.csv"))
    assert shown["file"] == str(tmp_path / "new" / "customers.csv")


def test_services_refuse_an_empty_or_folder_output_too(
    context: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.dto.exports import IcsExportRequest
    from app.errors import ValidationError

    tmp_path = tmp_path / "work"
    tmp_path.mkdir()
    monkeypatch.chdir(tmp_path)  # where an empty name used to land as calendar.csv

    for out in (Path(""), tmp_path):
        with pytest.raises(ValidationError, match="not a file to write to"):
            context.data_export.export_csv("customers", out)
        with pytest.raises(ValidationError, match="not a file to write to"):
            context.data_export.export_vcard(out)
        with pytest.raises(ValidationError, match="not a file to write to"):
            context.full_export.export_json(out)
    (tmp_path / "plan").mkdir()
    for folder, base in ((tmp_path, ""), (tmp_path / "new", " "), (tmp_path, "plan")):
        with pytest.raises(ValidationError, match="not a file to write to"):
            context.calendar_export.export_ics(IcsExportRequest(folder, base_name=base))
    assert sorted(tmp_path.iterdir()) == [tmp_path / "plan"]


def test_import_of_a_cell_over_csvs_limit_reports_the_row(
    cli: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "long.csv"
    path.write_text(
        f'Name,E-mail,Notes\r\nAna,ana@acme.example,\r\nBen,ben@acme.example,"{"x" * 200_000}"\r\n',
        encoding="utf-8",
    )
    done = cli("import", str(path))
    assert (done["added"], done["merged"], done["skipped"]) == (1, 0, 0)
    assert done["errors"] == [{"row": 3, "error": "notes is longer than 20000 characters"}]
    monkeypatch.setattr("app.importing.dialects.MAX_CELL", 100_000)
    error = cli("import", str(path), "--on-duplicate", "add", ok=False)
    assert "row 3 has a cell longer than 100,000 characters" in error
    assert count(db_path) == 1


def test_import_sales_from_the_command_line(
    db_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    deals = tmp_path / "deals.csv"
    deals.write_text(
        "Opportunity Name,Stage,Close Date,Amount,Account Name,Contact: Email\r\n"
        "Fleet,Closed Won,2026-11-18,7000,Fay Corp,fay@fay.example\r\n"
        "Racks,Prospecting,2026-12-18,100,Fay Corp,fay@fay.example\r\n"
        "Parts,Closed Won,someday,100,Fay Corp,fay@fay.example\r\n",
        encoding="utf-8",
    )
    db = ("--db", str(db_path))
    assert main([*db, "import", "sales", str(deals), "--dry-run"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["layout"] == "Salesforce opportunities" and preview["new_customers"] == 1
    assert preview["deals"][0]["customer"] == "Fay Corp (new)"
    assert main([*db, "import", "sales", str(deals)]) == 0
    done = json.loads(capsys.readouterr().out)
    assert (done["sales"], done["new_customers"], done["open_deals_left_out"]) == (1, 1, 1)
    assert done["errors"] == [
        {"row": 4, "error": "close date 'someday' is not a date (use YYYY-MM-DD)"}
    ]
    assert main([*db, "import", str(deals), str(deals)]) != 0
    assert "one file at a time" in capsys.readouterr().err


def test_import_sales_of_any_layout_with_a_mapping(
    db_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    deals = tmp_path / "orders.csv"
    deals.write_text(
        "Kundennr;Ansprechpartner;Gebucht am;Artikel\r\nK-1;Ana Silva;2026-11-18;Forklift\r\n",
        encoding="utf-8",
    )
    db = ("--db", str(db_path))
    assert main([*db, "import", "sales", str(deals), "--dry-run"]) != 0
    refused = capsys.readouterr().err
    assert "no column holds the close date" in refused and "--mapping" in refused
    mapping = tmp_path / "columns.json"
    mapping.write_text(json.dumps({"closed_on": "Gebucht am", "name": "Ansprechpartner"}))
    assert main([*db, "import", "sales", str(deals), "--mapping", str(mapping)]) == 0
    done = json.loads(capsys.readouterr().out)
    assert (done["sales"], done["new_customers"]) == (1, 1)
