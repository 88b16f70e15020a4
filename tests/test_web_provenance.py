"""Provenance file: deterministic TOML that round-trips, and one-line errors on damage;
names made from hostile titles."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.web_server import loopback_guard
from tui.corpus.web.names import article_stem, numbered, quoted, slug
from tui.corpus.web.provenance import (
    PROVENANCE_FILE,
    Capture,
    Provenance,
    ProvenanceError,
    dump_provenance,
    load_provenance,
    write_provenance,
)

CAPTURE = Capture(
    url="https://example.org/a",
    final_url="https://www.example.org/news/a",
    status=200,
    fetched_at=datetime(2025, 3, 4, 12, 30, 15, tzinfo=UTC),
    sha256="ab" * 32,
    archive_file=".crosscheck/archive/2025-03.warc.gz",
    record_id="<urn:uuid:5f1b3a52-0d0e-4f53-9d4a-2f4c8e0c7b11>",
    offset=1234,
)
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(autouse=True)
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    yield from loopback_guard(monkeypatch)  # no network beyond loopback in these tests


def test_entries_round_trip_and_are_written_deterministically(tmp_path: Path) -> None:
    second = Capture(
        url="https://example.org/b",
        final_url="https://example.org/b",
        status=203,
        fetched_at=datetime(2025, 3, 5, 8, 0, 0, tzinfo=UTC),
        sha256="cd" * 32,
        archive_file=".crosscheck/archive/2025-03.warc.gz",
        record_id="<urn:uuid:0000>",
        offset=99,
    )
    entries = {
        "z-last.html": Provenance("z-last.html", second),
        "a-first.html": Provenance("a-first.html", second, earlier=(CAPTURE,)),
    }
    write_provenance(tmp_path, entries)  # .crosscheck/ is created
    text = (tmp_path / PROVENANCE_FILE).read_text()
    assert text.index('[files."a-first.html"]') < text.index('[files."z-last.html"]')
    assert 'fetched_at = "2025-03-05T08:00:00Z"' in text
    assert '[[files."a-first.html".earlier]]' in text
    assert load_provenance(tmp_path) == entries
    assert dump_provenance(dict(reversed(entries.items()))) == text  # order-independent


def test_no_file_means_no_entries(tmp_path: Path) -> None:
    assert load_provenance(tmp_path) == {}


GOOD = """format = 1
[files."a.html"]
url = "https://example.org/a"
final_url = "https://example.org/a"
status = 200
fetched_at = "2025-03-04T12:30:15Z"
sha256 = "{sha}"
archive_file = ".crosscheck/archive/2025-03.warc.gz"
record_id = "<urn:uuid:1>"
offset = 0
""".replace("{sha}", "ab" * 32)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda t: t.replace("offset = 0", "offset = ["), "not valid TOML"),
        (lambda t: t.replace("format = 1", "format = 7"), "format 7 is not 1"),
        (lambda t: t.replace('sha256 = "ab', 'sha256 = "zz'), "`sha256` has a bad value"),
        (lambda t: t.replace("status = 200", "status = 42"), "`status` has a bad value"),
        (lambda t: t.replace("status = 200", "status = true"), "`status` has a bad value"),
        (lambda t: t.replace("offset = 0", "offset = -5"), "`offset` has a bad value"),
        (lambda t: t.replace('record_id = "<urn:uuid:1>"\n', ""), "`record_id` is missing"),
        (lambda t: t.replace("12:30:15Z", "12:30:15+02:00"), "not a UTC time"),
        (lambda t: t.replace('"a.html"', '"../../etc/passwd"'), "not a file name inside"),
        (lambda t: t.replace('"a.html"', '".hidden.html"'), "not a file name inside"),
        (lambda t: t.replace(".crosscheck/archive/", "/tmp/"), "`archive_file` has a bad value"),
        (lambda t: t.replace("format = 1", "format = 1\nfiles = 3"), "not valid TOML"),
        (lambda t: "format = 1\nfiles = 3\n", "`files` must be a table"),
    ],
)
def test_a_damaged_file_gives_one_line_saying_where(
    tmp_path: Path, damage: Callable[[str], str], message: str
) -> None:
    path = tmp_path / PROVENANCE_FILE
    path.parent.mkdir(parents=True)
    path.write_text(damage(GOOD))
    with pytest.raises(ProvenanceError) as caught:
        load_provenance(tmp_path)
    text = str(caught.value)
    assert message in text and str(path) in text and "\n" not in text


def test_non_utf8_provenance(tmp_path: Path) -> None:
    path = tmp_path / PROVENANCE_FILE
    path.parent.mkdir(parents=True)
    path.write_bytes(b"format = 1\n# \xff\xfe\n")
    with pytest.raises(ProvenanceError, match="not UTF-8"):
        load_provenance(tmp_path)


@settings(max_examples=25)  # each example writes (and fsyncs) a file
@given(
    st.dictionaries(
        st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}\.html", fullmatch=True),
        st.integers(0, 2**40),
        max_size=5,
    )
)
def test_property_any_entries_round_trip(names: dict[str, int]) -> None:
    import tempfile

    entries = {
        name: Provenance(name, replace(CAPTURE, offset=offset)) for name, offset in names.items()
    }
    with tempfile.TemporaryDirectory() as tmp:
        write_provenance(Path(tmp), entries)
        assert load_provenance(Path(tmp)) == entries


# Names --------------------------------------------------------------------------------


STEM = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def test_stems_read_as_outlet_and_title() -> None:
    assert article_stem("The Guardian", "Café owners say rents rose 40%", "https://x.org/a") == (
        "the-guardian-cafe-owners-say-rents-rose-40"
    )
    assert article_stem(None, None, "https://www.bbc.co.uk/news/world-12345.html") == (
        "bbc-co-uk-world-12345"
    )
    assert article_stem(None, "Новости дня", "http://127.0.0.1:8080/") == "127-0-0-1-page"
    assert numbered("x", 1) == "x.html" and numbered("x", 3) == "x-3.html"


@pytest.mark.parametrize(
    "title",
    [
        "../../etc/passwd",
        ".bashrc",
        "a/b\\c",
        "\x1b[31mred\x1b[0m alert",
        "\u202eevil\u202c txt.exe",
        "CON",
        "x" * 5000,
        "\x00\x01",
    ],
)
def test_hostile_titles_make_safe_names(title: str) -> None:
    stem = article_stem(title, title, "http://example.org/")
    assert STEM.fullmatch(stem), stem
    assert len(numbered(stem, 999)) <= 130


@given(st.text(), st.text(), st.text())
def test_property_every_stem_is_safe(outlet: str, title: str, url: str) -> None:
    stem = article_stem(outlet, title, url)
    assert STEM.fullmatch(stem) and len(stem) <= 121


@given(st.text(), st.integers(1, 100))
def test_property_slugs_are_bounded(text: str, limit: int) -> None:
    value = slug(text, limit)
    assert len(value) <= limit and (value == "" or STEM.fullmatch(value))


@given(st.text())
def test_property_quoted_text_is_one_inert_line(text: str) -> None:
    line = quoted(text)
    assert not UNSAFE.search(line) and "\n" not in line and len(line) <= 200


def test_quoted_shows_escapes_as_pictures() -> None:
    assert quoted("a\x1b[2Jb\u202ec") == "a␛[2Jb\ufffdc"
