"""The export dialog (command palette "Export verdicts…", or its key): a format and a file.

It runs what `crosscheck export -o FILE` runs (tui/exporters/to_file.py) over the verdict
file as saved, so the file it writes holds the same bytes the command would write. The
target is checked at once (a folder, no permission, the verdict file or one of its
companions, a config file): the reason is shown and the dialog stays open to change the
name. A target inside the corpus folder is written only after a yes/no question (the
command's `--force`). The corpus is read and matched again in a worker thread (through the
match cache, as the command does), which reports by message; the dialog then closes and one
notice says what was written, or says why not and the dialog stays.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from tui.app.bindings import bindings_for
from tui.app.keys import EXPORT_KEYS, first_key
from tui.app.notices import tell
from tui.app.screens.closing import dismiss_once
from tui.app.screens.confirm import ConfirmScreen
from tui.support.safe_text import printable

if TYPE_CHECKING:
    from tui.app.host import Host

# The formats `crosscheck export --format` offers (tui.exporters.FORMATS; a test checks
# they agree), what each is for, and the file name it is written to by default.
FORMATS: tuple[tuple[str, str, str], ...] = (
    ("md", "Markdown report", ".md"),
    ("json", "JSON: verdicts, deferred claims, links", ".json"),
    ("csv", "CSV, one row per record, for a spreadsheet", ".csv"),
    ("claimreview", "schema.org ClaimReview (JSON-LD)", ".claimreview.jsonld"),
    ("w3c", "W3C Web Annotations (JSON-LD)", ".annotations.jsonld"),
)
SUFFIX: Mapping[str, str] = {fmt: suffix for fmt, _, suffix in FORMATS}


def shown_path(path: Path) -> str:
    """A file as the reviewer would type it: relative to the current folder when below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


def default_target(verdict_file: Path, fmt: str) -> str:
    """The file an export goes to unless the reviewer names another: beside the verdict
    file, named after it (verdicts.toml -> verdicts.md)."""
    return shown_path(verdict_file.with_name(verdict_file.stem + SUFFIX[fmt]))


@dataclass
class ExportFinished(Message):
    """The worker wrote the export (`ok`) or could not; `text` says which, in one line."""

    text: str
    ok: bool


class ExportScreen(ModalScreen[None]):
    """Choose a format and a file, then write the export; Escape closes without writing."""

    DEFAULT_CSS = """
    ExportScreen {
        align: center middle;
    }
    ExportScreen #export-box {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    ExportScreen RadioSet {
        width: 100%;
        margin-bottom: 1;
    }
    ExportScreen #export-source {
        margin-bottom: 1;
    }
    ExportScreen #export-status {
        color: $text-muted;
        height: auto;
    }
    ExportScreen #export-buttons {
        height: 3;
        align-horizontal: right;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings_for(EXPORT_KEYS)

    def __init__(self, host: Host) -> None:
        super().__init__()
        self.host = host
        self.format = FORMATS[0][0]
        self.busy = False  # a worker is writing
        self._asking = False  # the "inside the corpus folder" question is on screen

    @property
    def verdict_file(self) -> Path:
        return self.host.store.path

    def compose(self) -> ComposeResult:
        cancel, write = (first_key(k, self.host.keymap) for k in EXPORT_KEYS)
        with Vertical(id="export-box"):
            source = f"The decisions saved in {shown_path(self.verdict_file)}, with their articles."
            yield Static(Text(printable(source, keep_newlines=False)), id="export-source")
            yield Label("Format")
            with RadioSet(id="export-format"):
                for index, (fmt, what, _) in enumerate(FORMATS):
                    yield RadioButton(Text(f"{fmt} — {what}"), value=index == 0, name=fmt)
            yield Label("File")
            yield Input(default_target(self.verdict_file, self.format), id="export-file")
            yield Static(Text(""), id="export-status")
            with Horizontal(id="export-buttons"):
                yield Button(Text(f"Export ({write})"), id="export-write", variant="primary")
                yield Button(Text(f"Cancel ({cancel})"), id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-box").border_title = "Export verdicts"
        self.query_one("#export-file", Input).cursor_blink = not self.app.is_headless
        self.query_one(RadioSet).focus()

    # ---- choosing -----------------------------------------------------------------------

    @on(RadioSet.Changed, "#export-format")
    def _format_chosen(self, event: RadioSet.Changed) -> None:
        fmt = event.pressed.name or self.format
        field = self.query_one("#export-file", Input)
        if field.value == default_target(self.verdict_file, self.format):
            field.value = default_target(self.verdict_file, fmt)  # not a name they typed
        self.format = fmt

    def choose(self, fmt: str, file: str) -> None:
        """Set the format and the file (what the reviewer's clicks and keys do)."""
        for button in self.query(RadioButton):
            if button.name == fmt:
                button.value = True
        self.format = fmt
        self.query_one("#export-file", Input).value = file

    @on(Input.Submitted, "#export-file")
    def _file_submitted(self) -> None:
        self.action_export_write()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-write":
            self.action_export_write()
        else:
            self.action_export_cancel()

    def action_export_cancel(self) -> None:
        if not self.busy and not self._asking:
            dismiss_once(self, None)

    # ---- writing ------------------------------------------------------------------------

    def action_export_write(self) -> None:
        """Check the target, ask about the corpus folder if need be, then write."""
        if self.busy or self._asking or not self.is_active:
            return
        from tui.exporters.output import OutputError
        from tui.exporters.to_file import InsideCorpus, check_target

        typed = self.query_one("#export-file", Input).value.strip()
        if not typed:
            self._failed("Name the file to write.")
            return
        if not self.verdict_file.exists():  # the app writes it with the first decision
            self._failed(
                f"Nothing to export yet: {shown_path(self.verdict_file)} holds no decision."
            )
            return
        target = Path(typed).expanduser()
        config = self.host.config
        try:
            check_target(target, self.verdict_file, config.corpus, config.source)
        except InsideCorpus as exc:
            self._ask_inside_corpus(target, str(exc))
            return
        except (OutputError, OSError, ValueError) as exc:
            self._failed(str(exc))
            return
        self._write(target, force=False)

    def _ask_inside_corpus(self, target: Path, why: str) -> None:
        def answered(yes: bool | None) -> None:
            self._asking = False
            if yes:
                self._write(target, force=True)

        self._asking = True
        why = why.split(" (or add --force)")[0]  # the command line's way to insist
        question = f"{why}. Write it there anyway?"
        self.app.push_screen(ConfirmScreen(question, [], self.host.keymap), answered)

    def _write(self, target: Path, *, force: bool) -> None:
        self.busy = True
        self.query_one("#export-write", Button).disabled = True
        self._status(f"Exporting {self.format} to {shown_path(target)}…")
        self._export(target, self.format, self.host.unsaved, force)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, target: Path, fmt: str, unsaved: int, force: bool) -> None:
        """Read the verdict file with its corpus and write the export (in a thread: the
        corpus is read and matched again, as `crosscheck export` does)."""
        self.post_message(export_to(self.host, target, fmt, unsaved, force=force))

    @on(ExportFinished)
    def _finished(self, message: ExportFinished) -> None:
        self.busy = False
        if message.ok:
            tell(self.app, message.text, timeout=8)
            dismiss_once(self, None)
            return
        self.query_one("#export-write", Button).disabled = False
        self._failed(message.text)

    def _failed(self, why: str) -> None:
        self._status(why)
        tell(self.app, why, severity="error", timeout=8)

    def _status(self, text: str) -> None:
        self.query_one("#export-status", Static).update(Text(printable(text, keep_newlines=False)))


def export_to(host: Host, target: Path, fmt: str, unsaved: int, *, force: bool) -> ExportFinished:
    """Export the verdict file as `crosscheck export --format FMT -o TARGET [--force]`
    would; what happened, as the message the dialog shows. Never raises for a bad file,
    corpus or target."""
    from tui.analysis.cache import MatchCache
    from tui.corpus.articles import CorpusError
    from tui.exporters.output import OutputError
    from tui.exporters.to_file import check_target, export_notes, write_export
    from tui.review.workspace import open_workspace
    from tui.verdicts.corpus_link import WorkspaceError
    from tui.verdicts.model import VerdictFileError

    config, verdict_file = host.config, host.store.path
    try:
        # Again, in case the target changed since the dialog checked it (the question
        # about the corpus folder was answered already: `force`).
        check_target(target, verdict_file, config.corpus, config.source, force=force)
        workspace = open_workspace(
            verdict_file, config.corpus, config.matching, cache=MatchCache.for_config(config)
        )
        write_export(workspace, fmt, target)
    except (OutputError, WorkspaceError, VerdictFileError, CorpusError, OSError) as exc:
        return ExportFinished(f"Not exported: {exc}", ok=False)
    notes = export_notes(workspace, fmt)
    if unsaved:
        notes.append(f"{unsaved} decision(s) not yet saved to the verdict file are not in it")
    said = f"Exported {fmt} to {shown_path(target)}"
    return ExportFinished("; ".join([said, *notes]) + ".", ok=True)
