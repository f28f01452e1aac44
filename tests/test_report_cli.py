"""``maturity report`` and :func:`maturity.report.export`: formats, errors, atomic writes."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import CliResult, InstalledWheel
from report_sample import populate
from report_support import pdf_text_until

from maturity import questionnaire as qmod
from maturity.errors import MaturityError
from maturity.report import export
from maturity.store import open_store
from maturity.workspace import Workspace

Cli = Callable[..., CliResult]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def ids(store_path: Path) -> tuple[str, str]:
    """The sample assessment and its earlier one, in the test's isolated store."""
    ws = Workspace(open_store(store_path, create=True))
    try:
        return populate(ws, qmod.builtin("calms"))
    finally:
        ws.store.close()


def leftovers(folder: Path) -> list[str]:
    """Temporary files write_atomic would leave behind if it did not clean up."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and ".tmp" in p.name)


def one_error_line(result: CliResult) -> str:
    lines = result.err.strip().splitlines()
    assert result.code == 2, result
    assert len(lines) == 1 and lines[0].startswith("error: "), result.err
    assert "Traceback" not in result.err
    return lines[0]


@pytest.mark.slow
def test_report_html_and_pdf(cli: Cli, ids: tuple[str, str], tmp_path: Path) -> None:
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    r = cli("report", ids[0], "--format", "html", "-o", str(html))
    assert r.code == 0, r.err
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    r = cli("report", ids[0][:6], "-o", str(pdf), "--lang", "ko")  # prefix; format from suffix
    assert r.code == 0, r.err
    assert pdf.read_bytes()[:5] == b"%PDF-" and f"wrote {pdf}" in r.err
    assert leftovers(tmp_path) == []


def test_format_flag_wins_over_suffix(cli: Cli, ids: tuple[str, str], tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    assert cli("report", ids[0], "-f", "html", "-o", str(out)).code == 0
    assert out.read_bytes().startswith(b"<!DOCTYPE html>")


def test_benchmark_and_compare_to(cli: Cli, ids: tuple[str, str], tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert cli("report", ids[0], "-o", str(out), "--benchmark", "2022").code == 0
    text = out.read_text(encoding="utf-8")
    assert "Benchmark DORA 2022" in text and "<th>High</th>" in text
    assert "<th>Elite</th>" not in text  # 2022 had three clusters
    assert cli("report", ids[0], "-o", str(out), "--benchmark", "devlake-2023").code == 0
    text = out.read_text(encoding="utf-8")
    assert "Benchmark Apache DevLake (DORA 2023)" in text and "<th>Elite</th>" in text
    assert "Tier against the Apache DevLake (DORA 2023) benchmark" in text
    assert cli("report", ids[1], "-o", str(out), "--compare-to", ids[0]).code == 0
    # the earlier assessment compared with the later one: levels went down
    assert "▼" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["report", "ffffffffffff", "-o", "{tmp}/x.pdf"], "ffffffffffff"),
        (["report", "not-hex", "-o", "{tmp}/x.pdf"], "not-hex"),
        (["report", "{id}", "-o", "{tmp}/missing/x.pdf"], "does not exist"),
        (["report", "{id}", "-o", "{tmp}"], "is a folder"),
        (["report", "{id}", "-o", "{tmp}/x.txt"], "--format"),
        (["report", "{id}", "-o", "{tmp}/x.pdf", "--format", "docx"], "invalid choice"),
        (["report", "{id}", "-o", "{tmp}/x.pdf", "--lang", "fr"], "fr"),
        (["report", "{id}", "-o", "{tmp}/x.pdf", "--benchmark", "1999"], "1999"),
        (["report", "{id}", "-o", "{tmp}/x.pdf", "--compare-to", "{id}"], "same assessment"),
        (["report", "{id}", "-o", "{tmp}/x.pdf", "--compare-to", "abcdef999"], "abcdef999"),
        (["report", "{id}"], "-o"),
    ],
)
def test_bad_input_is_one_error_line_and_no_file(
    cli: Cli, ids: tuple[str, str], tmp_path: Path, args: list[str], needle: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    argv = [a.format(tmp=out, id=ids[0]) for a in args]
    line = one_error_line(cli(*argv))
    assert needle in line
    assert list(out.iterdir()) == []


def test_unwritable_path_is_one_clear_error(
    cli: Cli, ids: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Said before the PDF is laid out (seconds), not after: a render here would fail."""

    def never(*_a: object, **_k: object) -> tuple[bytes, int]:
        raise AssertionError("rendered a PDF that could not be written")

    monkeypatch.setattr("maturity.report.pdf.render_pdf", never)
    if os.geteuid() == 0:
        # root ignores permission bits; /proc refuses new files to everyone
        target = Path("/proc/maturity-report-test.pdf")
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        target = locked / "r.pdf"
    line = one_error_line(cli("report", ids[0], "-o", str(target)))
    assert str(target) in line and "cannot write" in line
    assert not target.exists()


def test_failed_render_leaves_the_old_file_untouched(
    cli: Cli, ids: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "r.pdf"
    out.write_bytes(b"previous report")

    def explode(*_a: object, **_k: object) -> tuple[bytes, int]:
        raise MaturityError("layout failed half way")

    monkeypatch.setattr("maturity.report.pdf.render_pdf", explode)
    line = one_error_line(cli("report", ids[0], "-o", str(out)))
    assert "half way" in line
    assert out.read_bytes() == b"previous report"
    assert leftovers(tmp_path) == []


def test_failed_write_leaves_no_half_file(
    cli: Cli, ids: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "r.html"
    out.write_text("previous report")

    def disk_full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    line = one_error_line(cli("report", ids[0], "-o", str(out)))
    assert "No space left" in line
    assert out.read_text() == "previous report"
    assert leftovers(tmp_path) == []


@pytest.mark.slow
def test_export_from_a_worker_thread_reports_progress(ids: tuple[str, str], tmp_path: Path) -> None:
    """What the TUI does: export in a thread, progress callbacks, a path back."""
    seen: list[tuple[float, str]] = []
    result: list[Path | BaseException] = []

    def work() -> None:
        ws = Workspace(open_store(tmp_path / "store.db", create=False))
        try:
            result.append(
                export(
                    ws,
                    ids[0],
                    "pdf",
                    tmp_path / "t.pdf",
                    "en",
                    progress=lambda f, m: seen.append((f, m)),
                )
            )
        except BaseException as exc:  # pragma: no cover - reported by the assert below
            result.append(exc)
        finally:
            ws.store.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=120)
    assert result == [tmp_path / "t.pdf"]
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert any("laying out page" in m for _, m in seen)
    log = logging.getLogger("weasyprint.progress")
    assert log.handlers == [] and log.propagate  # the progress hook was removed again


HEAVY = ("weasyprint", "jinja2", "textual")


def _imported_after(code: str, env: dict[str, str]) -> list[str]:
    probe = (
        f"import sys, json\n{code}\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))"
    )
    r = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert r.returncode == 0, r.stderr
    imported: list[str] = json.loads(r.stdout.strip().splitlines()[-1])
    return imported


@pytest.mark.slow
def test_report_imports_stay_lazy(ids: tuple[str, str], store_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "MATURITY_STORE": str(store_path)}
    assert _imported_after("import maturity.report", env) == []
    assert _imported_after("from maturity.cli import main; main(['list'])", env) == []
    html = tmp_path / "lazy.html"
    after_html = _imported_after(
        f"from maturity.cli import main; main(['report', '{ids[0]}', '-o', '{html}'])", env
    )
    assert after_html == ["jinja2"]  # an HTML report never loads WeasyPrint


@pytest.mark.slow
def test_report_from_an_installed_wheel(installed_wheel: InstalledWheel, tmp_path: Path) -> None:
    """Templates, CSS and fonts are packaged: the wheel renders a Korean PDF outside the checkout."""

    def run(cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False, **kw)

    py = installed_wheel.python
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "MATURITY_STORE": str(tmp_path / "w.db")}
    # the sample data is test code (tests/report_sample.py), not in the wheel; the script
    # finds it on the tests folder's path and everything else in the installed wheel
    script = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r});"
        "import importlib.util as u; assert u.find_spec('maturity.report.sample') is None;"
        "from report_sample import populate;"
        "from maturity import questionnaire as q; from maturity.report import export;"
        "from maturity.store import open_store; from maturity.workspace import Workspace;"
        "from maturity.resources import reports_dir;"
        "ws = Workspace(open_store(None)); cur, _ = populate(ws, q.builtin('calms'), lang='ko');"
        "print(reports_dir()); print(export(ws, cur, 'pdf', 'r.pdf', 'ko'))"
    )
    made = run([str(py), "-c", script], cwd=work, env=env)
    assert made.returncode == 0, made.stderr
    assert "_data" in made.stdout.splitlines()[0]
    text = pdf_text_until(work / "r.pdf", "결제 플랫폼", "요약")
    assert "결제 플랫폼" in text and "요약" in text


def test_progress_speaks_the_report_language(ids: tuple[str, str], store_path: Path) -> None:
    seen: list[str] = []
    ws = Workspace(open_store(store_path, create=False))
    try:
        export(
            ws,
            ids[0],
            "html",
            store_path.parent / "k.html",
            "ko",
            progress=lambda _f, m: seen.append(m),
        )
    finally:
        ws.store.close()
    assert seen[0] == "진단 불러오는 중" and seen[-1] == "완료"


def test_missing_weasyprint_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from maturity.report.pdf import render_pdf

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import now fails, as without Pango
    with pytest.raises(MaturityError, match="Pango"):
        render_pdf("<p>x</p>")
