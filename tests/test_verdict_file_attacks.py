"""Verdict files crafted to break the reader: values with no UTC time, arrays nested past the
stack, paths the file system refuses, a byte order mark, a pipe in place of the file.

Each must give one line, `file:line:col: message`, from the reader, `crosscheck check` and
every command that reads it, never another exception ("unexpected error: OverflowError"
before); a store whose file turns into one of them while it is open refuses to save
(VerdictFileError) without writing anything, keeps the decision in the history, and saves it
once the file is usable again. A hypothesis test puts arbitrary TOML values in every key.

How we know it can fail: with `moment` back to a bare `astimezone`, the year-1 cases raise
OverflowError; with `parse_toml` not catching RecursionError, the nesting cases raise it;
without `unusable_path`, the NUL corpus passes the reader and `export` fails with "embedded
null byte"; with `decode_text` not removing the BOM, the BOM case fails in the store.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import tomllib
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.screenshots import SEEDS
from tui.cli.main import main
from tui.verdicts.checks import check_file, check_text
from tui.verdicts.corpus_link import corpus_path, read_verdict_set
from tui.verdicts.history import HistoryEntry, history_path
from tui.verdicts.model import Status, VerdictFileError
from tui.verdicts.reader import loads, read_verdict_text
from tui.verdicts.store import VerdictStore
from tui.verdicts.writer import dumps

DATA = Path(__file__).resolve().parent / "data" / "verdicts"
VALID = (DATA / "valid.toml").read_text(encoding="utf-8")
LOCATED = re.compile(r"^(?P<file>[^\n]+?):(?P<line>\d+):(?P<col>\d+): [^\n]+$")

# name -> (text, line, column, what the message says)
ATTACKS: dict[str, tuple[str, int, int, str]] = {
    "year 1 with a positive offset": (
        VALID.replace("2024-05-01 12:00:00+00:00", "0001-01-01T00:00:00+05:00"),
        19,
        1,
        "decided_at: 0001-01-01T00:00:00+05:00 has no UTC time (out of range)",
    ),
    "year 9999 with a negative offset": (
        VALID.replace("2024-05-01 12:00:00+00:00", "9999-12-31T23:30:00-05:00"),
        19,
        1,
        "has no UTC time (out of range)",
    ),
    "arrays nested past the stack": (
        VALID.replace('    "b:000000000002",\n', "    " + "[" * 5000 + "]" * 5000 + ",\n"),
        17,
        36,  # the 33rd opening bracket: 4 spaces, then 31 brackets before it on this line
        "arrays or tables nested deeper than 32 levels",
    ),
    "inline tables nested past the stack": (
        VALID.replace(
            'corpus = "../seeds"', 'corpus = "../seeds"\nx = ' + "{a=" * 3000 + "}" * 3000
        ),
        4,
        101,  # "x = " then 32 of "{a=" before the 33rd brace
        "arrays or tables nested deeper than 32 levels",
    ),
    "a NUL in the corpus": (
        VALID.replace('corpus = "../seeds"', 'corpus = "x\\u0000y"'),
        3,
        1,
        "corpus: cannot be a path: it contains a NUL character",
    ),
    "a corpus folder name too long": (
        VALID.replace('corpus = "../seeds"', f'corpus = "{"a" * 300}"'),
        3,
        1,
        "corpus: cannot be a path: a folder name in it is longer than 255 bytes",
    ),
    "a corpus in an unknown user's home": (
        VALID.replace('corpus = "../seeds"', 'corpus = "~no-such-user-here-0/seeds"'),
        3,
        1,
        "corpus: cannot be a path: no home folder for '~no-such-user-here-0'",
    ),
}


@pytest.fixture(params=sorted(ATTACKS))
def attack(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str, str]:
    """The crafted file beside a copy of the seeds, and the start and text of its message."""
    text, line, column, what = ATTACKS[request.param]
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "work").mkdir()
    path = tmp_path / "work" / "verdicts.toml"
    path.write_text(text, encoding="utf-8")
    return path, f"{path}:{line}:{column}: ", what


def test_the_reader_names_the_place(attack: tuple[Path, str, str]) -> None:
    path, where, what = attack
    with pytest.raises(VerdictFileError) as caught:
        loads(path.read_text(encoding="utf-8"), path)
    assert str(caught.value).startswith(where) and what in str(caught.value)


def test_check_gives_one_located_line(attack: tuple[Path, str, str]) -> None:
    path, where, what = attack
    problems = check_file(path)
    assert len(problems) == 1
    assert problems[0].startswith(where) and what in problems[0]
    assert LOCATED.match(problems[0])


@pytest.mark.parametrize("command", ["export", "stats", "check"])
def test_commands_give_one_located_line_and_exit_1(
    attack: tuple[Path, str, str], command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, where, what = attack
    before = path.read_bytes()
    args = {
        "export": ["export", "--verdicts", str(path), "--format", "json"],
        "stats": ["stats", "--verdicts", str(path)],
        "check": ["check", str(path)],
    }[command]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert where in lines[0] and what in lines[0]
    assert "unexpected error" not in err
    assert path.read_bytes() == before


def test_a_store_whose_file_turns_bad_refuses_to_save_and_keeps_the_decision(
    attack: tuple[Path, str, str],
) -> None:
    path, where, what = attack
    crafted = path.read_bytes()
    path.unlink()
    with VerdictStore.open(path, reviewer="alice", corpus=path.parent.parent / "seeds") as store:
        good = loads(VALID, path)
        store.save(good)
        path.write_bytes(crafted)  # changed on disk while the store is open
        v = good.verdicts[0]
        decided = good.__class__(
            good.reviewer, good.corpus, (v.__class__(v.anchor, Status.DISPUTED, v.decided_at),)
        )
        entry = HistoryEntry(
            datetime(2024, 6, 1, tzinfo=UTC), "alice", v.claim, "a",
            Status.CORROBORATED, Status.DISPUTED,
        )  # fmt: skip
        with pytest.raises(VerdictFileError) as caught:
            store.save(decided, [entry])
        assert str(caught.value).startswith(where) and what in str(caught.value)
        assert path.read_bytes() == crafted  # not written over
        assert '"new_status":"disputed"' in history_path(path).read_text()  # on record
        path.write_bytes(VALID.encode())  # repaired: the same decision saves now
        saved = store.save(decided)
    assert loads(path.read_text(encoding="utf-8"), path).verdicts[0].status is Status.DISPUTED
    assert saved.verdicts[0].status is Status.DISPUTED


def test_a_corpus_the_file_system_refuses_is_a_located_problem(tmp_path: Path) -> None:
    # Valid text, but the folder it names cannot be looked at: a link loop on the way.
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    path = tmp_path / "verdicts.toml"
    path.write_text(VALID.replace('corpus = "../seeds"', 'corpus = "loop/x"'), encoding="utf-8")
    vs = read_verdict_set(path)
    try:
        found = corpus_path(vs, path, tmp_path)
    except VerdictFileError as exc:
        assert str(exc).startswith(f"{path}:3:1: corpus: cannot be used")
    else:  # a platform that resolves the loop quietly: the path is at least usable
        assert not found.exists()


def test_a_verdict_file_with_a_bom_is_accepted_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "work").mkdir()
    path = tmp_path / "work" / "verdicts.toml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    expected = loads(VALID, path)
    assert check_file(path) == []
    assert read_verdict_set(path) == expected
    with VerdictStore.open(path, reviewer="alice", corpus=tmp_path / "seeds") as store:
        assert store.verdict_set == expected
        store.save(expected)  # nothing changed: nothing written
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert main(["stats", "--verdicts", str(path), "--format", "json", "--no-cache"]) == 0
    merged = tmp_path / "work" / "merged.toml"
    other = tmp_path / "work" / "bob.toml"
    other.write_text(VALID.replace('reviewer = "alice"', 'reviewer = "bob"'), encoding="utf-8")
    assert main(["merge", str(path), str(other), "-o", str(merged), "--no-cache"]) == 0
    assert "alice" in merged.read_text(encoding="utf-8")
    capsys.readouterr()


def test_a_fifo_as_verdict_file_is_refused_without_waiting(tmp_path: Path) -> None:
    from tests.test_special_files import finishes

    fifo = tmp_path / "verdicts.toml"
    os.mkfifo(fifo)
    with pytest.raises(VerdictFileError, match="is a named pipe"):
        finishes(lambda: VerdictStore.open(fifo, reviewer="a", corpus=SEEDS), (fifo,))
    problems = finishes(lambda: check_file(fifo), (fifo,))
    assert problems == [f"{fifo}: is a named pipe (FIFO), not a verdict file"]
    with pytest.raises(VerdictFileError, match="is a named pipe"):
        finishes(lambda: read_verdict_set(fifo), (fifo,))
    assert finishes(lambda: main(["export", "--verdicts", str(fifo), "--format", "json"])) == 1
    # The app refuses it before it starts (the store opens the file before the first frame).
    assert finishes(lambda: main(["open", "--verdicts", str(fifo), str(SEEDS)]), (fifo,)) == 1


# ---- hypothesis: any TOML value in any key ---------------------------------------------

_OFFSETS = st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59).map(
    lambda m: timezone(timedelta(minutes=m))
)
_SCALARS = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from("\x00\x1b\u202e\u2062~/.:\\ ab"), max_size=300),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(timezones=st.none() | _OFFSETS),
    st.dates(min_value=date(1, 1, 1)),
    st.times(),
    st.sampled_from([s.value for s in Status]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
_BASE = tomllib.loads(VALID)
_PLACES = [(None, k) for k in ("version", "reviewer", "corpus", "reviewers", "verdicts")] + [
    ("verdicts", k)
    for k in (
        *_BASE["verdicts"][0],
        "decided_text",
        "sources",
        "reviewer",
    )
]


def _with(place: tuple[str | None, str], value: Any) -> dict[str, Any]:
    doc = tomllib.loads(VALID)
    section, key = place
    (doc if section is None else doc[section][0])[key] = value
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place=st.sampled_from(_PLACES), value=_VALUES)
def test_any_value_in_any_key_is_read_or_refused_in_one_located_line(
    place: tuple[str | None, str], value: Any
) -> None:
    try:
        text = tomli_w.dumps(_with(place, value))
    except (TypeError, ValueError):  # a value TOML cannot hold (tomli_w refuses it)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "verdicts.toml"
        path.write_text(text, encoding="utf-8")
        vs, problems = read_verdict_text(text, path)
        for problem in problems:
            assert "\n" not in str(problem)
            assert problem.line is not None, str(problem)
        for line in check_text(path, text):
            assert "\n" not in line and line.startswith(f"{path}:")
        try:
            store = VerdictStore.open(path, reviewer="a", corpus=folder)
        except VerdictFileError:
            assert vs is None
            return
        assert vs is not None and not problems
        with store:
            assert store.verdict_set == vs
            assert loads(dumps(vs), path) == vs  # what it would write reads back the same
            try:
                corpus_path(vs, path, folder)
            except VerdictFileError as exc:
                assert exc.line == 3 and "corpus: cannot be used" in str(exc)
            store.save(vs)
