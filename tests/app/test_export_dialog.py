"""Export from inside the app (the palette's "Export verdicts…", or `E`): each format writes
what `crosscheck export -o` writes for the same verdict file, and a target that must not or
cannot be written gives one message, never a traceback, with the dialog left open."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import Input

from tests.app.conftest import Run, Start
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.export import FORMATS, ExportScreen, default_target
from tui.cli.main import EXIT_OK, main
from tui.cli.parser import EXPORT_FORMATS


@pytest.fixture
def desk(tmp_path: Path, conflict: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder: the conflict corpus and the verdict file are below it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def top(r: Run) -> Screen[object]:
    """The screen on top (typed loosely: the tests compare it with several kinds)."""
    return r.app.screen


async def decide(r: Run) -> None:
    """A few decisions, so the export has something in it."""
    await r.press("d", "n", "c", "n", "w")


async def open_dialog(r: Run) -> ExportScreen:
    await r.press("E")
    screen = r.app.screen
    assert isinstance(screen, ExportScreen)
    return screen


async def export(r: Run, fmt: str, target: str) -> ExportScreen:
    """Open the dialog, choose `fmt` and `target`, press ctrl+s and wait for the worker."""
    dialog = await open_dialog(r)
    dialog.choose(fmt, target)
    await r.press("ctrl+s")
    await r.app.workers.wait_for_complete()
    await r.pilot.pause()
    return dialog


def cli_export(verdicts: Path, fmt: str, out: Path, *extra: str) -> bytes:
    argv = ["export", "--verdicts", str(verdicts), "--format", fmt, "-o", str(out), "--no-cache"]
    assert main([*argv, *extra]) == EXIT_OK
    return out.read_bytes()


def test_the_dialog_offers_the_commands_formats() -> None:
    from tui.exporters import FORMATS as EXPORTERS

    assert sorted(f for f, _, _ in FORMATS) == sorted(EXPORT_FORMATS) == sorted(EXPORTERS)


def test_the_default_file_is_beside_the_verdict_file(desk: Path) -> None:
    assert default_target(desk / "verdicts.toml", "md") == "verdicts.md"
    assert default_target(desk / "a" / "mine.toml", "csv") == "a/mine.csv"
    assert default_target(Path("/elsewhere/v.toml"), "w3c") == "/elsewhere/v.annotations.jsonld"


class TestExport:
    @pytest.mark.parametrize("fmt", [f for f, _, _ in FORMATS])
    async def test_each_format_as_the_command_writes_it(
        self, start: Start, desk: Path, conflict: Path, verdicts: Path, fmt: str
    ) -> None:
        async with start(conflict) as r:
            await decide(r)
            await export(r, fmt, f"from-app.{fmt}")
            written = desk / f"from-app.{fmt}"
            assert written.exists(), r.notices
            assert not isinstance(r.app.screen, ExportScreen)  # closed once written
            assert r.notices[-1] == f"Exported {fmt} to from-app.{fmt}."
            assert written.read_bytes() == cli_export(verdicts, fmt, desk / f"from-cli.{fmt}")
            assert len(written.read_bytes()) > 0

    async def test_the_palette_opens_it_prefilled(
        self, start: Start, desk: Path, conflict: Path
    ) -> None:
        async with start(conflict) as r:
            await r.press("ctrl+p")
            await r.pilot.press(*"Export verdicts")
            await r.app.workers.wait_for_complete()
            await r.pilot.pause(0.1)
            await r.press("enter")
            dialog = r.app.screen
            assert isinstance(dialog, ExportScreen)
            assert dialog.query_one("#export-file", Input).value == "verdicts.md"
            await r.press("escape")
            assert not isinstance(r.app.screen, ExportScreen)
            assert not (desk / "verdicts.md").exists()

    async def test_choosing_a_format_renames_the_default_file(
        self, start: Start, desk: Path, conflict: Path
    ) -> None:
        async with start(conflict) as r:
            dialog = await open_dialog(r)
            field = dialog.query_one("#export-file", Input)
            await r.press("down", "enter")  # the second format: json
            assert dialog.format == "json"
            assert field.value == "verdicts.json"
            field.value = "mine.txt"  # a name the reviewer typed stays
            await r.press("down", "enter")
            assert dialog.format == "csv"
            assert field.value == "mine.txt"

    async def test_enter_in_the_file_name_exports(
        self, start: Start, desk: Path, conflict: Path
    ) -> None:
        async with start(conflict) as r:
            await decide(r)
            dialog = await open_dialog(r)
            dialog.query_one("#export-file", Input).focus()
            await r.press("enter")
            await r.app.workers.wait_for_complete()
            await r.pilot.pause()
            assert (desk / "verdicts.md").read_text(encoding="utf-8").startswith("#")


class TestRefused:
    async def assert_refused(self, r: Run, fmt: str, target: str, why: str) -> None:
        if not r.app.store.path.exists() and "Nothing to export" not in why:
            await decide(r)
        dialog = await export(r, fmt, target)
        assert r.app.screen is dialog  # still open, to name another file
        assert why in r.notices[-1], r.notices
        assert "Traceback" not in "".join(r.notices)

    async def test_the_verdict_file_itself(
        self, start: Start, desk: Path, conflict: Path, verdicts: Path
    ) -> None:
        async with start(conflict) as r:
            await decide(r)
            before = verdicts.read_bytes()
            await self.assert_refused(
                r, "md", "verdicts.toml", "verdicts.toml: is the verdict file; write to a new file"
            )
            assert verdicts.read_bytes() == before

    async def test_before_the_first_decision(
        self, start: Start, desk: Path, conflict: Path
    ) -> None:
        async with start(conflict) as r:
            await self.assert_refused(
                r, "md", "out.md", "Nothing to export yet: verdicts.toml holds no decision."
            )
            assert not (desk / "out.md").exists()

    async def test_a_folder_that_does_not_exist(
        self, start: Start, desk: Path, conflict: Path
    ) -> None:
        async with start(conflict) as r:
            await self.assert_refused(r, "csv", "no/such/out.csv", "does not exist")

    async def test_a_folder_as_the_file(self, start: Start, desk: Path, conflict: Path) -> None:
        async with start(conflict) as r:
            await self.assert_refused(r, "json", "conflict", "is a folder")

    async def test_no_file_name(self, start: Start, desk: Path, conflict: Path) -> None:
        async with start(conflict) as r:
            await self.assert_refused(r, "md", "  ", "Name the file to write.")

    @pytest.mark.skipif(os.geteuid() == 0, reason="root writes in any folder")
    async def test_a_folder_without_write_permission(
        self, start: Start, desk: Path, conflict: Path
    ) -> None:
        locked = desk / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            async with start(conflict) as r:
                await self.assert_refused(r, "md", "locked/out.md", "no permission")
        finally:
            locked.chmod(0o700)

    async def test_a_write_that_fails(
        self, start: Start, desk: Path, conflict: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The folder passes the checks but the write fails (a read-only file system, say):
        the worker's message says so and nothing is left behind."""
        import tui.exporters.output as output

        def refuse(path: Path, data: bytes) -> None:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))

        monkeypatch.setattr(output, "write_atomically", refuse)
        async with start(conflict) as r:
            await self.assert_refused(r, "md", "out.md", "Not exported: out.md: cannot write")
            assert "Read-only file system" in r.notices[-1]
            assert not (desk / "out.md").exists()


class TestInsideTheCorpus:
    async def test_asks_first_and_writes_only_when_told(
        self, start: Start, desk: Path, conflict: Path, verdicts: Path
    ) -> None:
        async with start(conflict) as r:
            await decide(r)
            dialog = await export(r, "md", "conflict/report.md")
            assert isinstance(top(r), ConfirmScreen)
            await r.press("n")
            assert top(r) is dialog
            assert not (conflict / "report.md").exists()
            await r.press("ctrl+s")
            assert isinstance(top(r), ConfirmScreen)
            await r.press("y")
            await r.app.workers.wait_for_complete()
            await r.pilot.pause()
            written = (conflict / "report.md").read_bytes()
            (conflict / "report.md").unlink()  # the command must not read it as an article
            out = desk / "cli-report.md"
            assert written == cli_export(verdicts, "md", out)
            assert r.notices[-1] == "Exported md to conflict/report.md."


async def test_decisions_not_saved_are_named(
    start: Start, desk: Path, conflict: Path, verdicts: Path
) -> None:
    """The export is of the verdict file as saved: when saves failed, the notice says how
    many decisions it lacks."""
    from tests.app.test_unsaved import failing_save

    async with start(conflict) as r:
        await decide(r)
        _, heal = failing_save(r, OSError(errno.ENOSPC, "No space left"), history_first=False)
        await r.press("u")
        assert r.app.unsaved == 1
        await export(r, "json", "out.json")
        heal()
        assert r.notices[-1] == (
            "Exported json to out.json; 1 decision(s) not yet saved to the verdict file are "
            "not in it."
        )
        assert (desk / "out.json").read_bytes() == cli_export(verdicts, "json", desk / "cli.json")
