"""Issue 10 items 8 and 15: built-in questionnaires are never shadowed by imported copies,
and a single export carries its user questionnaire so it imports anywhere."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import DATA, CliResult

from hostile.import_support import CALMS, assessment

Cli = Callable[..., CliResult]


def _tampered_bundle(path: Path) -> Path:
    body = json.loads(CALMS.to_json())
    body["questionnaire"]["title"] = {"en": "Tampered"}
    data = {
        "schema": "maturity/bundle@1",
        "questionnaires": [{"id": "calms", "version": CALMS.version, "body": body}],
        "assessments": [assessment("Tampered")],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_tampered_builtin_snapshot_is_refused_and_new_keeps_working(
    cli: Cli, tmp_path: Path
) -> None:
    r = cli("import", str(_tampered_bundle(tmp_path / "t.json")))
    assert r.code == 2
    assert f"questionnaire calms {CALMS.version} differs from the built-in" in r.err
    assert cli("list", "--json").out.strip() == "[]"
    r = cli("new", "--team", "Payments")
    assert r.code == 0, r.err


def test_an_edited_copy_of_a_builtin_file_is_refused_for_new(cli: Cli, tmp_path: Path) -> None:
    from maturity.resources import questionnaires_dir

    text = (questionnaires_dir() / "calms.yaml").read_text(encoding="utf-8")
    edited = tmp_path / "calms-edited.yaml"
    (tmp_path / "recommendations").symlink_to(questionnaires_dir() / "recommendations")
    assert "  en: DevOps maturity (CALMS)\n" in text
    edited.write_text(
        text.replace("  en: DevOps maturity (CALMS)\n", "  en: Our CALMS\n", 1), encoding="utf-8"
    )
    r = cli("new", "--team", "Payments", "--questionnaire", str(edited))
    assert r.code == 2 and "differs from the built-in" in r.err
    assert cli("new", "--team", "Payments").code == 0


def test_a_single_export_imports_into_an_empty_store_elsewhere(cli: Cli, tmp_path: Path) -> None:
    aid = cli("new", "--team", "Mini", "--questionnaire", str(DATA / "mini.yaml")).out.strip()
    assert cli("answer", aid, "alpha.one", "4", "--note", "by hand").code == 0
    out = tmp_path / "a.json"
    assert cli("export", aid, "-o", str(out)).code == 0
    data = json.loads(out.read_text())
    assert data["questionnaire_snapshot"]["id"] == "mini"
    elsewhere = tmp_path / "elsewhere.db"
    r = cli("--store", str(elsewhere), "import", str(out))
    assert r.code == 0, r.err
    shown = json.loads(cli("--store", str(elsewhere), "show", aid, "--json").out)
    original = json.loads(cli("show", aid, "--json").out)
    assert shown == original
    # re-export from the second store gives the same document again
    assert cli("--store", str(elsewhere), "export", aid).out == out.read_text()
    # built-in questionnaires are not copied into every export
    calms_id = cli("new", "--team", "Web").out.strip()
    assert "questionnaire_snapshot" not in json.loads(cli("export", calms_id).out)


def test_a_carried_snapshot_must_match_the_assessment(cli: Cli, tmp_path: Path) -> None:
    aid = cli("new", "--team", "Mini", "--questionnaire", str(DATA / "mini.yaml")).out.strip()
    data = json.loads(cli("export", aid).out)
    data["questionnaire_snapshot"]["version"] = "9.9"
    f = tmp_path / "odd.json"
    f.write_text(json.dumps(data))
    r = cli("--store", str(tmp_path / "x.db"), "import", str(f))
    assert r.code == 2 and "says mini 9.9 but holds mini 1.0" in r.err
