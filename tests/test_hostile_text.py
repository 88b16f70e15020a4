"""Hostile article text is kept exactly, shown literally and never acts.

Articles come from the open web. Their text may hold Rich/Textual markup, ANSI and OSC escape
sequences (clear screen, OSC 52 clipboard writes, OSC 8 hyperlinks), other C0 and C1 control
characters, bidirectional overrides and zero-width characters, lines of 10,000 characters and
files of 100,000 lines. The promises checked here:

- the domain keeps the exact text: claim offsets slice the article's text back to the claim;
- `printable` turns every unsafe character into one visible stand-in (offsets kept);
- the headless commands print tables with no raw ESC, C1, bidi or zero-width character, and
  JSON that escapes them (and parses back to the exact text);
- the app's article pane and inspector draw the markup as literal characters, create no
  link and no click action, let no control character reach the screen, and the app keeps
  running whatever is clicked or pressed.

How we know these can fail: with `printable` returning its input unchanged (a mutant tried
in a copy of the tree) the stand-in, table, pane, inspector and screenshot tests fail; the
JSON test failed on the real code (raw C1/bidi characters in `crosscheck claims --format
json`) until cli._print_json escaped them; the 10,000-character line test failed on the real
code (the pane wrapped before its scrollbar appeared and cut two columns off every line)
until ArticlePane rewrapped when the scrollbar shows.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from tests.screenshots import fixed_config, ready
from tui.app.app import build_app
from tui.app.widgets.article_pane import ArticlePane
from tui.app.widgets.inspector import Inspector
from tui.cli.main import main
from tui.support.safe_text import json_document, printable

ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"
MARKUP = ("[bold red]", "[/bold red]", "[link=https://evil.example]", "[@click=app.quit]")
HOSTILE_BODY = (
    "The mayor said [bold red]taxes rose 40%[/bold red] on Monday.\n"
    "Officials said to click [link=https://evil.example]here[/link] and "
    "[@click=app.quit]quit[/] now.\n"
    f"The screen{ESC}[2J{ESC}[H went blank{ESC}[0m on Tuesday, the police said.\n"
    f"Reuters said {ESC}]52;c;ZXZpbA=={BEL} was written to the clipboard.\n"
    f"The council said a {ESC}]8;;https://evil.example{ST}hidden link{ESC}]8;;{ST} appeared.\n"
    "Witnesses said C1 \x9b31m red \x85 next \x90 dcs \x9d osc \x07 bell \x7f rubout arrived.\n"
    "The file \u202egnp.exe\u202c was named, and zero\u200bwidth\u200d\ufeff\u2060 words "
    "joined, the court said.\n"
)
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def must_go(ch: str) -> bool:
    """What no terminal may receive, by Unicode category: control (but newline and tab),
    format (bidi, invisible, tag characters), line and paragraph separators, surrogates;
    and the whole tag block, assigned or not."""
    return (
        unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") and ch not in "\n\t"
    ) or 0xE0000 <= ord(ch) <= 0xE007F


def unsafe_in(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in text if must_go(c) or UNSAFE.match(c)})


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "hostile"
    root.mkdir()
    (root / "hostile.txt").write_text("Hostile wire [bold]story[/bold]\n\n" + HOSTILE_BODY)
    title = f"{ESC}[2J[@click=app.quit]Title{ESC}]52;c;eA=={BEL}\u202e"
    (root / "front.md").write_text(
        f'+++\ntitle = "{json.dumps(title)[1:-1]}"\noutlet = "Daily [b]News[/b]"\n+++\n'
        "The mayor said taxes rose 40% on Monday, officials said.\n"
    )
    (root / "plain.txt").write_text(
        "Plain report\n\nThe mayor said taxes rose 40% on Monday. "
        "Officials said the council met on Tuesday.\n"
    )
    return root


# ---- domain -------------------------------------------------------------------------------


def test_claims_keep_the_exact_text_and_offsets(hostile: Path) -> None:
    from tui.analysis.pipeline import analyse
    from tui.config import MatchSettings

    analysis = analyse([hostile], MatchSettings())
    article = analysis.article("hostile")
    assert article.text.endswith(HOSTILE_BODY)  # nothing stripped or replaced on load
    claims = analysis.claims_of("hostile")
    assert claims
    for c in claims:
        assert article.text[c.start : c.end] == c.text
    joined = "".join(c.text for c in claims)
    for piece in (*MARKUP, f"{ESC}[2J", "\x9b31m", "\u202e", "\u200b"):
        assert piece in joined, piece


UNSAFE_CHARS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]
UNSAFE_CHARS += ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067"]
UNSAFE_CHARS += ["\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\u200b", "\u200c"]
UNSAFE_CHARS += ["\u200d", "\u2060", "\ufeff", "\u00ad"]
# The invisible math operators, tag characters, other format characters, separators and
# a lone surrogate (an undecodable byte of a file name).
UNSAFE_CHARS += ["\u2061", "\u2062", "\u2063", "\u2064", "\U000e0001", "\U000e0041"]
UNSAFE_CHARS += ["\U000e007f", "\U000e0000", "\u0600", "\u180e", "\ufff9", "\u206a"]
UNSAFE_CHARS += ["\U0001d173", "\u2028", "\u2029", "\udce9"]


@pytest.mark.parametrize("ch", UNSAFE_CHARS, ids=lambda c: f"U+{ord(c):04X}")
def test_printable_replaces_each_unsafe_character_with_one_visible_one(ch: str) -> None:
    out = printable(f"a{ch}b")
    assert len(out) == 3 and out[0] == "a" and out[2] == "b"
    assert out[1] != ch and out[1].isprintable()
    assert unsafe_in(out) == []


def printable_by_definition(text: str, keep_newlines: bool = True) -> str:
    """What `printable` must do, one character at a time from the Unicode categories."""
    out = []
    for ch in text:
        if not keep_newlines and ch in "\n\t":
            out.append(" ")
        elif unicodedata.category(ch) == "Cc" and ch not in "\n\t":
            out.append(
                "\u2421" if ch == "\x7f" else chr(0x2400 + ord(ch)) if ch < " " else "\ufffd"
            )
        elif ch in UNSAFE_CHARS or must_go(ch):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


@given(
    st.text(st.characters(codec="utf-8"))
    | st.text()
    | st.lists(st.sampled_from([*UNSAFE_CHARS, "\n", "\t", "a", "é"])).map("".join)
)
def test_printable_is_its_definition(text: str) -> None:
    assert printable(text) == printable_by_definition(text)
    assert printable(text, keep_newlines=False) == printable_by_definition(text, False)


def test_every_format_character_is_replaced() -> None:
    """The list in safe_text against Unicode itself: every Cf, Cc, Zl, Zp and surrogate
    code point of this Python's Unicode database, and the whole tag block."""
    missed = [
        f"U+{code:04X}"
        for code in range(0x110000)
        if must_go(chr(code)) and printable(chr(code)) == chr(code)
    ]
    assert missed == []


def test_json_escapes_what_printable_replaces_and_parses_back() -> None:
    # Lone high surrogates are left out: one followed by a low one reads back as the pair's
    # character, in JSON as in UTF-16. File names give only low ones (U+DC80-U+DCFF).
    everything = "".join(
        chr(c)
        for c in range(0x110000)
        if (must_go(chr(c)) or c in (9, 10)) and not 0xD800 <= c <= 0xDBFF
    )
    text = json_document({"k": everything, everything: [everything]})
    assert unsafe_in(text) == []  # every one written as \\uXXXX (a pair beyond U+FFFF)
    assert json.loads(text) == {"k": everything, everything: [everything]}
    assert json_document("\U000e0041") == '"\\udb40\\udc41"'


@given(st.text())
def test_printable_keeps_length_and_leaves_nothing_unsafe(text: str) -> None:
    out = printable(text)
    assert len(out) == len(text)  # one for one: offsets into the text still hold
    assert unsafe_in(out) == []
    for a, b in zip(text, out, strict=True):
        assert a == b or must_go(a)
    flat = printable(text, keep_newlines=False)
    assert "\n" not in flat and "\t" not in flat and len(flat) == len(text)


# ---- the headless commands ----------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", ["claims", "match"])
def test_tables_print_no_control_characters(
    hostile: Path,
    command: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that match shows every claim whole
    code, out, err = _run(capsys, command, "--config", _config(tmp_path, hostile), hostile)
    assert code == 0, err
    assert unsafe_in(out) == [] and unsafe_in(err) == []
    assert "[/bold red]" in out  # markup printed as the characters it is
    if command == "claims":  # (match lists only the matched claims)
        assert "␛[2J" in out  # the escape shown as a stand-in, not acted on


@pytest.mark.parametrize("command", ["claims", "match"])
def test_json_escapes_control_characters_and_keeps_the_text(
    hostile: Path, command: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _run(
        capsys, command, "--format", "json", "--config", _config(tmp_path, hostile), hostile
    )
    assert code == 0
    assert unsafe_in(out) == []  # escaped as \\u001b, \\u009b, \\u202e ...
    doc = json.loads(out)
    texts = "".join(_strings(doc))
    assert f"{ESC}[2J" in texts and "\x9b31m" in texts and "\u202e" in texts  # exact text


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _strings(v)]
    if isinstance(value, list):
        return [t for v in value for t in _strings(v)]
    return []


def test_stats_prints_no_control_characters(
    hostile: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tui.verdicts.store import VerdictStore

    verdicts = tmp_path / "v.toml"
    with VerdictStore.open(verdicts, reviewer="r", corpus=hostile) as store:
        store.save(store.verdict_set)
    config = _config(tmp_path, hostile)
    for fmt in ("table", "json"):
        code, out, err = _run(
            capsys, "stats", "--config", config, "--verdicts", verdicts, "--format", fmt
        )
        assert code == 0, err
        assert unsafe_in(out) == [] and unsafe_in(err) == []


EXPORT_FORMATS = ["json", "csv", "md", "claimreview", "w3c"]


def _hostile_verdicts(hostile: Path, tmp_path: Path) -> Path:
    """A verdict file deciding every claim of the hostile article, with a hostile note."""
    from tests.exports_support import write_verdicts
    from tui.analysis.pipeline import analyse
    from tui.config import MatchSettings
    from tui.verdicts.model import Status

    claims = analyse([hostile], MatchSettings()).claims_of("hostile")
    decisions = [("hostile", c.text, Status.DISPUTED) for c in claims]
    note = f"see{ESC}]52;c;ZXZpbA=={BEL} and \x9b2J \u202eton"
    path = tmp_path / "hostile-verdicts.toml"
    write_verdicts(path, hostile, "r", decisions, notes={claims[0].text: note})
    return path


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_to_stdout_prints_no_control_characters(
    hostile: Path, fmt: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    verdicts = _hostile_verdicts(hostile, tmp_path)
    config = _config(tmp_path, hostile)
    code, out, err = _run(
        capsys, "export", "--config", config, "--verdicts", verdicts, "--format", fmt
    )
    assert code == 0, err
    assert "taxes rose 40%" in out  # the hostile claims are there
    # CSV rows end in CRLF as RFC 4180 asks; any other carriage return is article text.
    assert unsafe_in(out.replace("\r\n", "\n")) == [] and unsafe_in(err) == []


@pytest.mark.parametrize("fmt", ["json", "claimreview", "w3c"])
def test_json_exports_escape_control_characters_and_keep_the_text(
    hostile: Path, fmt: str, tmp_path: Path
) -> None:
    verdicts = _hostile_verdicts(hostile, tmp_path)
    out = tmp_path / f"out.{fmt}"
    config = _config(tmp_path, hostile)
    args = ["export", "--config", str(config), "--verdicts", str(verdicts)]
    assert main([*args, "--format", fmt, "-o", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    assert unsafe_in(written) == []  # escaped as \u001b, \u009b ...
    texts = "".join(_strings(json.loads(written)))
    assert f"{ESC}[2J" in texts and "\x9b31m" in texts  # the exact text, once parsed


def test_csv_export_to_a_file_keeps_the_exact_text(hostile: Path, tmp_path: Path) -> None:
    import csv
    import io

    verdicts = _hostile_verdicts(hostile, tmp_path)
    out = tmp_path / "out.csv"
    config = _config(tmp_path, hostile)
    args = ["export", "--config", str(config), "--verdicts", str(verdicts)]
    assert main([*args, "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert any(f"{ESC}[2J" in row["text"] for row in rows)  # data, not made printable


def _config(tmp_path: Path, corpus: Path) -> Path:
    path = tmp_path / "hostile-config.toml"
    path.write_text(f'[corpus]\npath = "{corpus}"\n[cache]\nenabled = false\n')
    return path


# ---- the app ------------------------------------------------------------------------------


def _text(strips: list[Strip]) -> str:
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


def _acting(strips: list[Strip]) -> list[Segment]:
    """Segments that would link or run an action when clicked."""
    return [
        seg
        for strip in strips
        for seg in strip
        if seg.style is not None
        and (seg.style.link or any(str(k).startswith("@") for k in seg.style.meta))
    ]


def _pane_strips(pane: ArticlePane) -> list[Strip]:
    return [pane.render_line(y) for y in range(pane.scrollable_content_region.height)]


def _widget_strips(widget: Widget) -> list[Strip]:
    return widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))


async def test_the_app_shows_hostile_text_literally_and_stays_inert(
    hostile: Path, tmp_path: Path
) -> None:
    app = build_app(fixed_config(hostile), [hostile], tmp_path / "v.toml")
    try:
        async with app.run_test(size=(220, 60)) as pilot:
            await ready(pilot)
            s = app.session
            assert s is not None
            # Triage the hostile article on the left; the front-matter one on the right.
            for _ in range(3):  # bounded: a broken key must fail the test, not hang it
                if s.current is not None and s.current.article == "hostile":
                    break
                await pilot.press("right_curly_bracket")
            target = next(c.id for c in s.claims() if "[@click=app.quit]" in c.text)
            for _ in range(20):
                if s.cursor == target:
                    break
                await pilot.press("j")
            await pilot.pause()
            assert s.cursor == target
            left = app.main_screen.query_one("#left", ArticlePane)
            strips = _pane_strips(left)
            shown = _text(strips)
            for piece in MARKUP:
                assert piece in shown, piece
            assert "␛[2J␛[H" in shown and "␛]52;c;ZXZpbA==␇" in shown
            assert unsafe_in(shown) == []
            assert _acting(strips) == []
            inspector = app.main_screen.query_one(Inspector)
            in_inspector = _widget_strips(inspector)
            assert "[@click=app.quit]quit[/]" in _text(in_inspector)
            assert unsafe_in(_text(in_inspector)) == [] and _acting(in_inspector) == []
            # Everything on screen (titles, article list, status bar) is inert too.
            svg = app.export_screenshot()
            assert unsafe_in(svg) == []
            assert "[@click=app.quit]" in svg.replace("&#160;", " ")
            # Click on every line of the pane where markup sits, then press around.
            line = left.line_of(target)
            assert line is not None
            for x in range(2, 60, 6):
                await pilot.click(left, offset=(x, line - left.scroll_offset.y))
            for key in ("tab", "j", "k", "enter", "G", "g", "tab"):
                await pilot.press(key)
            await pilot.pause()
            assert app.is_running and app.return_code is None
    finally:
        app.store.close()


class PaneApp(App[None]):
    """One article pane alone: the widget under test, without matching 100,000 lines."""

    def compose(self) -> ComposeResult:
        yield ArticlePane(id="pane")


LONG_WORD = "X" * 9_992 + f"{ESC}[2J[b]Z"  # 10,000 characters without a space
MANY_LINES = "\n".join(f"{i} [@click=app.quit]q[/] {ESC}]52;c;eA=={BEL}" for i in range(100_000))


async def test_a_10000_character_line_and_100000_lines_are_painted_within_the_pane() -> None:
    app = PaneApp()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ArticlePane)
        pane.show_article("long", f"{ESC}[2J title", LONG_WORD, [])
        await pilot.pause()
        width = pane.scrollable_content_region.width
        height = pane.scrollable_content_region.height
        lines: dict[int, Strip] = {}
        for top in range(0, pane.virtual_size.height, height):  # page through every line
            pane.scroll_to(y=top, animate=False, immediate=True)
            await pilot.pause()
            offset = pane.scroll_offset.y
            for y, strip in enumerate(_pane_strips(pane)):
                if offset + y < pane.virtual_size.height:
                    lines[offset + y] = strip
        painted = [lines[i] for i in range(pane.virtual_size.height)]
        assert all(strip.cell_length == width for strip in painted)  # nothing spills over
        body = "".join(_text(painted[1:]).split())  # the wrapped lines, joined again
        assert body == printable(LONG_WORD) and len(body) == 10_000
        assert _acting(painted) == []

        pane.show_article("many", "many", MANY_LINES, [])
        await pilot.pause()
        assert pane.virtual_size.height == 1 + 100_000
        pane.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        strips = _pane_strips(pane)
        shown = _text(strips)
        assert "99999 [@click=app.quit]q[/] ␛]52;c;eA==␇" in shown
        assert unsafe_in(shown) == [] and _acting(strips) == []
        await pilot.click(pane, offset=(10, 5))
        await pilot.press("pageup", "pagedown")
        assert app.is_running


@pytest.mark.stress
async def test_the_app_runs_on_a_file_of_100000_lines(tmp_path: Path) -> None:
    root = tmp_path / "big"
    root.mkdir()
    (root / "lines.txt").write_text("A long file\n\n" + MANY_LINES + "\n" + LONG_WORD + "\n")
    app = build_app(fixed_config(root), [root], tmp_path / "v.toml")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            await pilot.press("G", "c", "g", "d")
            await pilot.pause()
            left = app.main_screen.query_one("#left", ArticlePane)
            strips = _pane_strips(left)
            assert unsafe_in(_text(strips)) == [] and _acting(strips) == []
            assert unsafe_in(app.export_screenshot()) == []
            assert app.is_running
    finally:
        app.store.close()
