"""Nothing a command prints for people acts on the terminal, whoever wrote the text.

The attack: file names holding OSC 52 clipboard writes, OSC 0/2 window titles, CSI
sequences, bidi overrides, invisible operators (U+2062) and tag characters; verdict files
whose reviewer names, claim ids, keys and notes hold the same; usage errors quoting such an
argument; an unexpected error whose message holds one. Each command runs through
`tui.cli.main.main` (and the console script, in a real subprocess), and no code point
U+0000-U+001F (but tab and newline) or U+007F-U+009F, no format (Cf) character (bidi,
invisible, tag characters), no line separator and no lone surrogate reaches stdout or
stderr. The text stays readable: each escape shows as its visible stand-in (␛ for ESC).
JSON keeps the text exact (escaped) and parses back to the original.

How we know these can fail: run against the tree before `tui.support.terminal` existed,
the loader warnings, the `check`, `merge` and `open` messages, usage errors and the
unexpected-error line printed raw ESC/BEL, and every table and JSON document let U+2062 and
tag characters through.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tomllib
import unicodedata
from pathlib import Path

import pytest
import tomli_w

from tests.exports_support import write_verdicts
from tui.cli.main import EXIT_FAIL, EXIT_OK, EXIT_USAGE, HANDLERS, main
from tui.verdicts.model import Status

ESC, BEL = "\x1b", "\x07"
OSC52 = f"{ESC}]52;c;ZXZpbA=={BEL}"  # writes "evil" to the clipboard
OSC0 = f"{ESC}]0;pwned{BEL}"  # sets the window title
OSC2 = f"{ESC}]2;pwned{ESC}\\"
CSI = f"{ESC}[2J"
DISGUISE = "\u202egnp\u2066\u2062\u200b\U000e0041\U000e0042\u00ad\x9b\x7f"
SHOWN_OSC52 = "␛]52;c;ZXZpbA==␇"  # what the clipboard write must look like instead

WIRE = f"wire{OSC52}{DISGUISE}"
DAILY = f"daily{OSC0}{DISGUISE}"
WIRE_TEXT = (
    "Troops massed\n\n"
    "Officials said 50,000 troops massed near the border on Monday, the ministry said. "
    "The governor said schools in the region would stay closed until Friday.\n"
)
DAILY_TEXT = WIRE_TEXT.replace("50,000", "10,000")
SCHOOLS = "The governor said schools in the region would stay closed until Friday."
ALICE = f"alice{OSC0}{DISGUISE}"
BOB = f"bob{OSC2}\U000e0062"
NOTE = f"see {OSC52} and {CSI}\u2062\U000e0043 here"


def forbidden(text: str) -> list[str]:
    """Code points that may act on a terminal or hide text, by Unicode category."""
    found = set()
    for ch in text:
        if ch in "\t\n":
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Cs", "Zl", "Zp") or 0xE0000 <= ord(ch) <= 0xE007F:
            found.add(f"U+{ord(ch):04X}")
    return sorted(found)


def toml(value: str) -> str:
    """`value` as a TOML string (control characters escaped, the rest literal)."""
    return tomli_w.dumps({"k": value}).removeprefix("k = ").rstrip("\n")


def front_matter(title: str, outlet: str, published: str) -> str:
    fields = {"title": title, "outlet": outlet, "published": published}
    return "+++\n" + "".join(f"{k} = {toml(v)}\n" for k, v in fields.items()) + "+++\n"


@pytest.fixture(autouse=True)
def plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rich colours nothing when stdout is not a terminal, unless told to; wide enough that
    # no cell wraps a stand-in sequence in two.
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "400")


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus of hostile file names and front matter, two hostile verdict files, a config."""
    root = tmp_path_factory.mktemp("desk")
    corpus = root / "corpus"
    corpus.mkdir()
    title = f"Title {CSI}{OSC2}\u2062"
    (corpus / f"{WIRE}.md").write_text(
        front_matter(title, f"Wire {DISGUISE}", "2024-11-20") + WIRE_TEXT, encoding="utf-8"
    )
    (corpus / f"{DAILY}.md").write_text(
        front_matter("Daily", "Daily Post", f"Monday{OSC52}") + DAILY_TEXT, encoding="utf-8"
    )
    (corpus / f"empty{OSC52}{DISGUISE}.txt").write_text("", encoding="utf-8")
    decision = [(WIRE, SCHOOLS, Status.DISPUTED)]
    alice = write_verdicts(root / "alice.toml", corpus, ALICE, decision, notes={SCHOOLS: NOTE})
    assert alice.verdicts  # the decision is there to export
    write_verdicts(root / "bob.toml", corpus, BOB, [(WIRE, SCHOOLS, Status.CORROBORATED)])
    (root / "config.toml").write_text(
        f'[corpus]\npath = "{corpus}"\n[verdicts]\npath = "{root / "alice.toml"}"\n'
        "[cache]\nenabled = false\n",
        encoding="utf-8",
    )
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_inert(out: str, err: str) -> None:
    assert forbidden(out) == [], out
    assert forbidden(err) == [], err
    assert "Traceback" not in err


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [*value] + [t for v in value.values() for t in strings(v)]
    if isinstance(value, list):
        return [t for v in value for t in strings(v)]
    return []


# ---- reading articles: loader warnings, tables, JSON --------------------------------------


@pytest.mark.parametrize("command", ["claims", "match"])
def test_tables_and_loader_warnings_are_inert(
    desk: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # The two articles are wire copies: --wire shows their pairs in the match table.
    wire = ["--wire"] if command == "match" else []
    code, out, err = run(capsys, command, *wire, "--config", desk / "config.toml", desk / "corpus")
    assert code == EXIT_OK, err
    assert_inert(out, err)
    assert f"empty{SHOWN_OSC52}" in err and "skipped, empty file" in err  # named, inert
    assert "is not an ISO 8601 date" in err  # the front-matter warning, quoting the value
    assert f"wire{SHOWN_OSC52}" in out  # the article id, shown with its stand-ins
    assert "10,000" in out and "50,000" in out


@pytest.mark.parametrize("command", ["claims", "match"])
def test_json_keeps_the_exact_text(
    desk: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    argv: list[str | Path] = [
        command,
        "--format",
        "json",
        "--config",
        desk / "config.toml",
        desk / "corpus",
    ]
    code, out, err = run(capsys, *argv)
    assert code == EXIT_OK, err
    assert_inert(out, err)
    texts = strings(json.loads(out))
    assert WIRE in texts and DAILY in texts  # article ids, exactly as named on disk
    assert "\\u2062" in out and "\\udb40\\udc41" in out  # escaped, tag character as a pair


# ---- reading verdict files: export, stats, merge, check -----------------------------------


@pytest.mark.parametrize("fmt", ["json", "csv", "md", "claimreview", "w3c"])
def test_export_to_stdout_is_inert(
    desk: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    argv: list[str | Path] = ["export", "--config", desk / "config.toml", "--format", fmt]
    code, out, err = run(capsys, *argv)
    assert code == EXIT_OK, err
    # CSV ends rows with CRLF (RFC 4180): a line end, the one carriage return allowed.
    assert_inert(out.replace("\r\n", "\n") if fmt == "csv" else out, err)
    if fmt in ("json", "claimreview", "w3c"):
        texts = strings(json.loads(out))
        assert NOTE in texts and any(ALICE in t for t in texts)  # exact, once parsed
    else:
        assert "pwned␇" in out  # the reviewer, shown (in Markdown, "]" is escaped)


def test_export_errors_quoting_a_hostile_path_are_inert(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = desk / f"no{OSC52}" / f"out{OSC0}.md"
    argv: list[str | Path] = [
        "export",
        "--config",
        desk / "config.toml",
        "--format",
        "md",
        "-o",
        target,
    ]
    code, out, err = run(capsys, *argv)
    assert code == EXIT_FAIL
    assert_inert(out, err)
    assert f"no{SHOWN_OSC52}" in err and "does not exist" in err


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_stats_is_inert(desk: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, err = run(capsys, "stats", "--config", desk / "config.toml", "--format", fmt)
    assert code == EXIT_OK, err
    assert_inert(out, err)
    if fmt == "json":
        assert WIRE in strings(json.loads(out))
    else:
        assert f"wire{SHOWN_OSC52}" in out


def test_merge_messages_are_inert(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    merged = desk / "merged.toml"
    argv: list[str | Path] = ["merge", desk / "alice.toml", desk / "bob.toml", "-o", merged]
    code, out, err = run(capsys, *argv, "--config", desk / "config.toml")
    assert code == EXIT_OK, err
    try:
        assert_inert(out, err)
        assert "Disagreements" in out and "␛]0;pwned␇" in out  # claim id and reviewers
        assert "agreement over" in out and "␛]2;pwned␛\\" in out  # the reviewers' names
        assert ALICE in tomllib.loads(merged.read_text(encoding="utf-8"))["reviewers"]
    finally:
        merged.unlink(missing_ok=True)


def test_merge_refusal_naming_a_reviewer_is_inert(
    desk: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    twin = tmp_path / f"twin{OSC52}.toml"
    twin.write_bytes((desk / "alice.toml").read_bytes())
    argv: list[str | Path] = ["merge", desk / "alice.toml", twin, "-o", tmp_path / "m.toml"]
    code, out, err = run(capsys, *argv, "--config", desk / "config.toml")
    assert code == EXIT_FAIL
    assert_inert(out, err)
    assert "are both by reviewer" in err and "␛]0;pwned␇" in err


def test_check_quotes_hostile_keys_and_names_inertly(
    desk: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    hostile_key = toml(f"key{OSC52}{DISGUISE}")
    text = (desk / "alice.toml").read_text(encoding="utf-8")
    damaged = tmp_path / f"verdicts{OSC0}{DISGUISE}.toml"
    damaged.write_text(text.replace("version = 1\n", f"version = 1\n{hostile_key} = 1\n", 1))
    missing = tmp_path / f"gone{OSC2}.toml"
    code, out, err = run(capsys, "check", damaged, missing)
    assert code == EXIT_FAIL
    assert_inert(out, err)
    assert f"key{SHOWN_OSC52}" in err  # the unknown key, named
    assert "verdicts␛]0;pwned␇" in err and "gone␛]2;pwned␛\\" in err
    code, out, err = run(capsys, "check", desk / "alice.toml")
    assert code == EXIT_OK and out.startswith("ok: 1 file(s)")


# ---- open's errors before the app, usage errors, unexpected errors ------------------------


def test_open_refusals_before_the_app_are_inert(
    desk: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.app.app

    def no_app(*args: object, **kwargs: object) -> int:
        raise AssertionError("the app started")

    monkeypatch.setattr(tui.app.app, "run_app", no_app)
    code, out, err = run(capsys, tmp_path / f"nothing{OSC52}")
    assert code == EXIT_FAIL
    assert_inert(out, err)
    assert f"nothing{SHOWN_OSC52}: no such file or folder" in err
    damaged = tmp_path / f"v{OSC0}.toml"
    damaged.write_text(f"version = 1\nreviewer = {toml(ALICE)}\n[[verdicts]\n")
    code, out, err = run(capsys, "open", desk / "corpus", "--verdicts", damaged)
    assert code == EXIT_FAIL
    assert_inert(out, err)
    assert "v␛]0;pwned␇.toml:3:" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--format", f"csv{OSC52}{DISGUISE}"],  # invalid choice, quoted
        ["stats", f"--bogus{OSC0}{DISGUISE}"],  # unrecognised argument
        ["match", "--threshold", f"9{CSI}"],  # not a number
        ["merge", f"a{OSC52}.toml", "b.toml", "-o", f"a{OSC52}.toml"],  # UsageError
        [f"claims{OSC2}"],  # a mistyped command, taken for a path
    ],
    ids=["choice", "unknown-option", "threshold-type", "merge-into-input", "command"],
)
def test_usage_errors_quoting_the_argument_are_inert(
    desk: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code in (EXIT_USAGE, EXIT_FAIL)
    assert_inert(out, err)
    assert err.startswith(("usage:", "crosscheck:")) and "crosscheck: " in err


def test_an_unexpected_error_line_is_inert(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(args: object) -> int:
        raise RuntimeError(f"bad {OSC52} value {DISGUISE}")

    monkeypatch.delenv("CROSSCHECK_DEBUG", raising=False)
    monkeypatch.setitem(HANDLERS, "check", broken)
    code, out, err = run(capsys, "check", "x.toml")
    assert code == EXIT_FAIL
    assert_inert(out, err)
    assert f"unexpected error: RuntimeError: bad {SHOWN_OSC52} value" in err


def test_help_and_version_still_print(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--help")
    assert code == EXIT_OK and "usage: crosscheck" in out and "export" in out and err == ""
    code, out, _ = run(capsys, "--version")
    assert code == EXIT_OK and out.startswith("crosscheck ")


# ---- the console script, in a real process ------------------------------------------------

CROSSCHECK = Path(sys.executable).parent / "crosscheck"


def test_the_console_script_prints_nothing_that_acts(desk: Path, tmp_path: Path) -> None:
    # An empty file whose name is not even UTF-8 (a Latin-1 é and a raw CSI byte) beside
    # the others: Python reads it as lone surrogates, which no terminal encoding can write.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in (desk / "corpus").iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    with open(os.path.join(os.fsencode(corpus), b"caf\xe9\x9b31m.txt"), "wb"):
        pass
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    env["COLUMNS"] = "400"
    config = desk / "config.toml"
    for argv in (
        ["claims", "--config", config, corpus],
        ["match", "--config", config, corpus],
        ["check", desk / "alice.toml", tmp_path / f"gone{OSC52}.toml"],
        ["export", "--config", config, "--format", "md"],
    ):
        done = subprocess.run(
            [CROSSCHECK, *map(str, argv)], capture_output=True, env=env, timeout=300, check=False
        )
        out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")  # valid UTF-8
        assert done.returncode in (EXIT_OK, EXIT_FAIL), err
        assert_inert(out, err)
        assert "unexpected error" not in err
        if argv[0] == "claims":
            assert done.returncode == EXIT_OK
            assert f"wire{SHOWN_OSC52}" in out
            assert "caf\ufffd\ufffd31m.txt: skipped, empty file" in err


# ---- one path to the terminal -------------------------------------------------------------

TUI = Path(__file__).resolve().parent.parent / "tui"
# The one module that writes for people; the app's screen belongs to Textual; the segment
# pool's worker answers its parent process in pickles, not people.
EXEMPT = {"support/terminal.py", "analysis/segment_pool.py"}


def _writes_to_a_terminal(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        owner = func.value if isinstance(func, ast.Attribute) else None
        stream = (
            isinstance(owner, ast.Attribute)
            and isinstance(owner.value, ast.Name)
            and owner.value.id == "sys"
            and owner.attr in ("stdout", "stderr")
        )
        if name in ("print", "Console") or (stream and name in ("write", "writelines")):
            lines.append(node.lineno)
    return sorted(set(lines))


def test_commands_print_only_through_the_terminal_module() -> None:
    offenders = []
    for path in sorted(TUI.rglob("*.py")):
        rel = path.relative_to(TUI).as_posix()
        if rel in EXEMPT:
            continue
        for line in _writes_to_a_terminal(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"tui/{rel}:{line}")
    assert offenders == []


def test_the_scan_finds_a_print() -> None:
    tree = ast.parse("import sys\nprint('x')\nsys.stderr.write('y')\nConsole().print(1)\n")
    assert _writes_to_a_terminal(tree) == [2, 3, 4]
