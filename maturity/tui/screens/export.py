"""Export a report (HTML or PDF) in a thread worker, with progress, then show the path.

The report writer lives in :mod:`maturity.report` (built separately); when this installation
does not have it yet, the export action says so instead of opening this dialog.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, ProgressBar, Select, Static
from textual.worker import get_current_worker

from maturity.errors import MaturityError
from maturity.tui.i18n import t
from maturity.tui.safe import plain
from maturity.tui.screens.base import BaseModal
from maturity.tui.widgets.safe_input import SafeInput


def _report_export() -> Callable[..., Any] | None:
    try:
        module = importlib.import_module("maturity.report")
    except Exception:  # not built yet, or WeasyPrint's system libraries are missing
        return None
    fn = getattr(module, "export", None)
    return fn if callable(fn) else None


def export_available() -> bool:
    return _report_export() is not None


def default_path(team: str, fmt: str) -> Path:
    slug = "".join(c if c.isalnum() else "-" for c in team.lower()).strip("-") or "assessment"
    return Path.cwd() / f"maturity-{slug}.{fmt}"


class ExportScreen(BaseModal[Path | None]):
    """Choose format and file; the export runs in a thread and reports progress here."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, assessment_id: str, team: str = "") -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.team = team
        self.running = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(id="x-heading", classes="dialog-title")
            with Horizontal(classes="form-row"):
                yield Static(id="x-lbl-format", classes="form-label")
                yield Select[str](
                    [("PDF", "pdf"), ("HTML", "html")],
                    id="x-format",
                    value="pdf",
                    allow_blank=False,
                )
            with Horizontal(classes="form-row"):
                yield Static(id="x-lbl-path", classes="form-label")
                yield SafeInput(str(default_path(self.team, "pdf")), id="x-path")
            yield Static(id="x-error", classes="field-error")
            yield ProgressBar(id="x-progress", total=100, show_eta=False)
            yield Static(id="x-stage", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(id="x-start", variant="primary")
                yield Button(id="x-cancel")

    def on_mount(self) -> None:
        self.query_one("#x-progress").display = False
        self.query_one("#x-error").display = False
        self.refresh_view()
        self.query_one("#x-path", Input).focus()  # enter exports; tab reaches the format
        if not self.team:
            self.load_team()

    @work(group="export-team", exit_on_error=False)
    async def load_team(self) -> None:
        """Name the default file after the team (unless the user already typed a path)."""
        try:
            a = await self.gateway.run(self.gateway.workspace.get, self.assessment_id)
        except MaturityError:
            return
        self.team = a.team
        field = self.query_one("#x-path", Input)
        fmt = str(self.query_one("#x-format", Select).value)
        if field.value == str(default_path("", fmt)):
            field.value = str(default_path(a.team, fmt))

    def refresh_view(self) -> None:
        self.query_one("#x-heading", Static).update(self.t("export.heading"))
        self.query_one("#x-lbl-format", Static).update(self.t("export.format"))
        self.query_one("#x-lbl-path", Static).update(self.t("export.path"))
        self.query_one("#x-start", Button).label = self.t("export.start")
        self.query_one("#x-cancel", Button).label = self.t("common.cancel")

    @on(Select.Changed, "#x-format")
    def _format_changed(self, event: Select.Changed) -> None:
        field = self.query_one("#x-path", Input)
        path = Path(field.value)
        if path.suffix.lower() in (".pdf", ".html"):
            field.value = str(path.with_suffix(f".{event.value}"))

    @on(Button.Pressed, "#x-cancel")
    def action_cancel(self) -> None:
        if not self.running:
            self.dismiss(None)

    @on(Button.Pressed, "#x-start")
    @on(Input.Submitted, "#x-path")
    def _start(self) -> None:
        if self.running:
            return
        raw = self.query_one("#x-path", Input).value.strip()
        error = self.query_one("#x-error", Static)
        if not raw:
            error.update(self.t("export.error.path"))
            error.display = True
            return
        error.display = False
        fmt = str(self.query_one("#x-format", Select).value)
        self.running = True
        self.query_one("#x-start", Button).disabled = True
        self.query_one("#x-progress").display = True
        self.notify(self.t("export.working"), timeout=2)
        self.run_export(fmt, Path(raw).expanduser(), self.lang)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def run_export(self, fmt: str, path: Path, lang: str) -> None:
        """Runs in a thread: rendering (WeasyPrint for PDF) takes seconds.

        The report reads the store through its own connection (SQLite WAL lets it read while
        the store thread keeps saving), so an export never blocks or interleaves with answers.
        """
        worker = get_current_worker()
        export = _report_export()

        def progress(fraction: float, stage: str = "") -> None:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._progress, fraction, stage)

        own = None
        try:
            if export is None:
                raise MaturityError(t("export.unavailable", lang))
            shared = self.gateway.workspace
            if shared.store.exists:  # its own connection: the export runs on a worker thread
                from maturity.store import open_store
                from maturity.workspace import Workspace

                own = Workspace(open_store(shared.store.target, create=False))
            written = export(own or shared, self.assessment_id, fmt, path, lang, progress=progress)
        except MaturityError as exc:
            self.app.call_from_thread(self._failed, self.error_text(exc))
            return
        finally:
            if own is not None:
                own.store.close()
        self.app.call_from_thread(self._done, Path(written) if written else path)

    def _progress(self, fraction: float, stage: str) -> None:
        self.query_one(ProgressBar).update(progress=round(100 * fraction))
        self.query_one("#x-stage", Static).update(plain(stage))

    def _failed(self, message: str) -> None:
        self.running = False
        self.query_one("#x-start", Button).disabled = False
        self.query_one("#x-progress").display = False
        error = self.query_one("#x-error", Static)
        error.update(plain(message, multiline=True))  # it may quote a path or a name
        error.display = True

    def _done(self, path: Path) -> None:
        self.query_one(ProgressBar).update(progress=100)
        self.notify(self.t("export.done", path=str(path)), timeout=10)
        self.dismiss(path)
