"""The end of the retro: the top disagreements, the Now items and every note, as Markdown the
team pastes into its chat or wiki (``c`` copies, ``s`` saves a .md file), and ``o`` opens the
PDF exported in this session.

The Markdown is built by :func:`maturity.retro.summary_markdown` (the core), so what is copied,
saved and shown here is one text.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Markdown, Static

from maturity.errors import MaturityError
from maturity.tui.screens.base import BaseScreen
from maturity.tui.screens.confirm import ConfirmScreen
from maturity.tui.widgets.footer import KeyFooter


def summary_path(team: str) -> Path:
    """Where ``s`` saves the summary: beside the default report, named after the team."""
    slug = "".join(c if c.isalnum() else "-" for c in team.lower()).strip("-") or "assessment"
    return Path.cwd() / f"maturity-{slug}-summary.md"


def opener() -> list[str] | None:
    """The desktop's "open this file" command, if there is one."""
    if sys.platform == "darwin":
        return ["open"]
    if sys.platform.startswith("win"):
        return ["explorer"]
    found = shutil.which("xdg-open")
    return [found] if found else None


class SummaryScreen(BaseScreen[None]):
    HELP_GROUP = "help.screen.summary"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "copy", "Copy Markdown", id="copy"),
        Binding("s", "save_md", "Save .md", id="save_md"),
        Binding("o", "open_pdf", "Open PDF", id="open_pdf"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, assessment_id: str) -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.markdown = ""
        self.team = ""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="topbar"):
            yield Static(id="s-title", classes="topbar-title")
        yield Static(id="s-hint", classes="hint")
        with VerticalScroll(id="s-main"):
            yield Markdown(id="s-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()
        self.query_one("#s-main").focus()

    @work(exclusive=True, group="summary-load", exit_on_error=False)
    async def load(self) -> None:
        from maturity.retro import SummaryLabels, summary_markdown

        ws = self.gateway.workspace
        lang = self.lang
        labels = SummaryLabels(
            title=self.t("retro.summary_title"),
            overall=self.t("retro.sum.overall"),
            partial=self.t("retro.sum.partial"),
            disagreements=self.t("retro.sum.disagreements"),
            spread=self.t(
                "retro.sum.spread", spread="{spread}", median="{median}", answer="{answer}"
            ),
            now=self.t("retro.sum.now"),
            notes=self.t("retro.sum.notes"),
            none=self.t("retro.sum.none"),
            not_sure=self.t("q.not_sure"),
        )

        def _build() -> tuple[str, str]:
            a = ws.get(self.assessment_id)
            loaded = ws.questionnaire_for(a)
            results = ws.results(a.id, lang)
            return a.team, summary_markdown(a, loaded.questionnaire, results, lang, labels)

        try:
            self.team, self.markdown = await self.gateway.run(_build)
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            self.dismiss()
            return
        self.refresh_view()
        await self.query_one("#s-body", Markdown).update(self.markdown)

    def refresh_view(self) -> None:
        self.query_one("#s-title", Static).update(self.t("retro.summary_title"))
        self.query_one("#s-hint", Static).update(self.t("retro.summary_hint"))

    def on_language_changed(self, _message: object) -> None:
        self.refresh_bindings()
        self.load()

    def action_copy(self) -> None:
        if self.markdown:
            self.app.copy_to_clipboard(self.markdown)
            self.notify(self.t("retro.copied"), timeout=4)

    def action_save_md(self) -> None:
        if not self.markdown:
            return
        self.save(summary_path(self.team))

    @work(group="summary-save", exit_on_error=False, thread=True)
    def save(self, path: Path) -> None:
        try:
            path.write_text(self.markdown, encoding="utf-8")
        except OSError as exc:
            self.app.call_from_thread(
                self.notify, f"{path}: {exc.strerror}", severity="error", timeout=8
            )
            return
        self.app.call_from_thread(self.notify, self.t("retro.saved_md", path=str(path)), timeout=8)

    def action_open_pdf(self) -> None:
        """Offer to open the PDF exported in this session (export it first with x on results)."""
        path = self.host.exported.get(self.assessment_id)
        if path is None or not path.exists():
            self.notify(self.t("retro.no_pdf"), severity="warning", timeout=6)
            return

        def answer(yes: bool | None) -> None:
            command = opener()
            if yes and command is not None:
                subprocess.Popen(
                    [*command, str(path)],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            elif yes:
                self.notify(str(path), timeout=10)

        self.app.push_screen(ConfirmScreen(self.t("retro.open_pdf_ask", path=str(path))), answer)

    def action_back(self) -> None:
        self.dismiss()
