"""Fuzzing the loaders: whatever the bytes, a loader returns a result or raises its documented
error (CorpusError, VerdictFileError, ConfigError); never a traceback of another kind.

- Articles: random bytes and text under every suffix crosscheck reads, plus structured junk
  (front matter blocks, HTML pages, RSS/Atom feeds with random fields). What loads keeps its
  promise: claim offsets slice the article text back to the claim.
- Verdict files: random TOML documents, valid files with a field given a random value, and
  byte-level mutations of a valid file; `loads`, `crosscheck check` and `VerdictStore.open`
  either accept them or raise VerdictFileError (the store leaving the bytes untouched).
- Config files: random TOML documents and random bytes; problems are reported, never raised
  (only ConfigError for a file that is not TOML at all).

The default run uses a few dozen examples per test; `make stress` runs them by the thousand.
How we know these can fail: they found three real crashes, now fixed and pinned by
test_crashes_found_by_fuzzing_stay_fixed: a `reviewer` given as an array in a [[verdicts]]
entry made `_Reader.unique` (tui/verdicts/reader.py) raise TypeError (unhashable), and a key
named "" (top level or in a section) made `crosscheck check` (tui/verdicts/checks.py,
`_locate_config_problem`) raise TypeError. Undoing either fix fails the tests here.
"""

from __future__ import annotations

import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.config import ConfigError, load_config, parse_config
from tui.corpus.articles import CorpusError, load_corpus
from tui.verdicts.checks import check_text
from tui.verdicts.model import VerdictFileError
from tui.verdicts.reader import loads
from tui.verdicts.store import VerdictStore

FEW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALID = (Path(__file__).resolve().parent / "data" / "verdicts" / "valid.toml").read_text()
T = TypeVar("T")

SUFFIXES = (".txt", ".md", ".html", ".htm", ".xml", ".rss", ".atom")


def both(
    strategy: st.SearchStrategy[T], test: Callable[[T], None]
) -> tuple[Callable[[], None], Callable[[], None]]:
    """The test with few examples (default run) and with many (stress)."""
    quick = FEW(given(strategy)(test))
    full = pytest.mark.stress(MANY(given(strategy)(test)))
    return quick, full


# ---- articles -------------------------------------------------------------------------------

words = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=60)
sentences = st.lists(words, max_size=6).map(". ".join)


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    fence = draw(st.sampled_from(["+++", "---"]))
    body = draw(
        st.lists(
            st.tuples(st.sampled_from(["title", "date", "outlet", "authors", "x"]), words),
            max_size=4,
        )
    )
    lines = [f"{k} = {v!r}" if fence == "+++" else f"{k}: {v}" for k, v in body]
    closed = draw(st.booleans())
    return "\n".join([fence, *lines, *([fence] if closed else [])]) + "\n" + draw(sentences)


@st.composite
def html_page(draw: st.DrawFn) -> str:
    tags = st.sampled_from(["p", "div", "article", "script", "h1", "title", "b", "<!--", "]]>"])
    parts = draw(st.lists(st.tuples(tags, sentences), max_size=8))
    inner = "".join(f"<{t}>{s}</{t}>" if t.isalpha() else f"{t}{s}" for t, s in parts)
    return f"<html><head><title>{draw(words)}</title></head><body>{inner}"


@st.composite
def feed(draw: st.DrawFn) -> str:
    items = draw(st.lists(st.tuples(words, sentences, words), max_size=4))
    body = "".join(
        f"<item><title>{t}</title><description>{d}</description><pubDate>{p}</pubDate></item>"
        for t, d, p in items
    )
    if draw(st.booleans()):
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{body}'
    return f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>{draw(sentences)}'


article_files = st.one_of(
    st.tuples(st.sampled_from(SUFFIXES), st.binary(max_size=600)),
    st.tuples(st.sampled_from(SUFFIXES), sentences.map(str.encode)),
    st.tuples(st.sampled_from([".md", ".txt"]), front_matter().map(str.encode)),
    st.tuples(st.sampled_from([".html", ".htm"]), html_page().map(str.encode)),
    st.tuples(st.sampled_from([".xml", ".rss", ".atom"]), feed().map(str.encode)),
)


def _articles_load_or_say_why(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for i, (suffix, data) in enumerate(files):
            (root / f"f{i}{suffix}").write_bytes(data)
        try:
            corpus = load_corpus([root])
        except CorpusError as exc:
            assert str(exc)
            return
        from tui.claims.units import extract_claims

        for article in corpus.articles:
            for c in extract_claims(article):
                assert article.text[c.start : c.end] == c.text


test_articles_load_or_say_why, test_articles_load_or_say_why_stress = both(
    st.lists(article_files, min_size=1, max_size=3), _articles_load_or_say_why
)


# ---- verdict files --------------------------------------------------------------------------

scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    words,
    st.datetimes(),
    st.dates(),
    st.times(),
)
keys = st.one_of(
    st.sampled_from(["version", "reviewer", "corpus", "verdicts", "claim", "status", "start"]),
    words,
)
toml_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=12,
)
toml_docs = st.dictionaries(keys, toml_values, max_size=6)


def _verdict_text_is_accepted_or_refused(text: str) -> None:
    path = Path("fuzz.toml")
    try:
        loads(text, path)
    except VerdictFileError as exc:
        assert exc.path == path and exc.message
    for line in check_text(path, text):
        assert line.startswith(str(path))


def _random_toml_document(doc: dict[str, Any]) -> None:
    _verdict_text_is_accepted_or_refused(tomli_w.dumps(doc))


test_random_toml_documents, test_random_toml_documents_stress = both(
    toml_docs, _random_toml_document
)

VALID_DOC = tomllib.loads(VALID)
ENTRY_KEYS = [*sorted(VALID_DOC["verdicts"][0]), "reviewer", "sources", "unknown"]


def _one_field_changed(change: tuple[str | None, str, Any]) -> None:
    """A valid file with one top-level or [[verdicts]] field given a value of any type."""
    section, key, value = change
    doc = tomllib.loads(VALID)
    if section is None:
        doc[key] = value
    else:
        doc["verdicts"].append(dict(doc["verdicts"][0]))  # a second entry for `unique`
        doc["verdicts"][1][key] = value
    _verdict_text_is_accepted_or_refused(tomli_w.dumps(doc))


test_verdict_fields_of_any_type, test_verdict_fields_of_any_type_stress = both(
    st.tuples(
        st.sampled_from([None, "verdicts"]),
        st.sampled_from(["version", "reviewer", "corpus", "reviewers", *ENTRY_KEYS]),
        toml_values,
    ),
    _one_field_changed,
)


@st.composite
def mutated_bytes(draw: st.DrawFn) -> bytes:
    data = bytearray(VALID.encode())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["delete", "insert", "replace", "truncate"]))
        if kind == "delete":
            del data[at : at + draw(st.integers(1, 20))]
        elif kind == "insert":
            data[at:at] = draw(
                st.binary(min_size=1, max_size=8)
                | st.sampled_from([b"[[", b"]", b'"', b"\n", b"=", b"\xff"])
            )
        elif kind == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        else:
            del data[at:]
    return bytes(data)


def _mutated_file_opens_or_is_left_alone(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "verdicts.toml"
        path.write_bytes(data)
        try:
            VerdictStore.open(path, reviewer="fuzz", corpus=Path(tmp)).close()
        except VerdictFileError as exc:
            assert exc.path == path
            assert path.read_bytes() == data  # refused and never written over
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return
        _verdict_text_is_accepted_or_refused(text)


test_mutated_verdict_files, test_mutated_verdict_files_stress = both(
    mutated_bytes(), _mutated_file_opens_or_is_left_alone
)


# ---- config -----------------------------------------------------------------------------------

CONFIG_NAMES: tuple[str, ...] = (
    "corpus",
    "verdicts",
    "matching",
    "cache",
    "keys",
    "path",
    "reviewer",
)
CONFIG_NAMES += ("enabled", "dir", "match_threshold", "suggestion_floor", "wire_share")
CONFIG_NAMES += ("related_threshold",)  # retired: still read, with a warning
config_keys = st.sampled_from([*CONFIG_NAMES, "short_claim_words", "next_claim"]) | words
config_docs = st.dictionaries(
    config_keys,
    st.one_of(toml_values, st.dictionaries(config_keys, toml_values, max_size=4)),
    max_size=5,
)


def _config_reports_never_raises(doc: dict[str, Any]) -> None:
    from tui.app.keys import KEY_IDS

    config, problems = parse_config(doc, Path("/tmp"), KEY_IDS)
    assert all(isinstance(p, str) and p for p in problems)
    assert 0 <= config.matching.suggestion_floor <= config.matching.match_threshold <= 100
    check_text(Path("config.toml"), tomli_w.dumps(doc), KEY_IDS)


test_random_configs, test_random_configs_stress = both(config_docs, _config_reports_never_raises)


def _config_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "config.toml"
        path.write_bytes(data)
        try:
            load_config(path)
        except ConfigError as exc:
            assert str(path) in str(exc)


test_config_bytes, test_config_bytes_stress = both(
    st.binary(max_size=200) | toml_docs.map(lambda d: tomli_w.dumps(d).encode()), _config_bytes
)


def test_crashes_found_by_fuzzing_stay_fixed() -> None:
    """Each of these raised TypeError before the fix named in the module docstring."""
    _one_field_changed(("verdicts", "reviewer", []))  # verdict_reader: unhashable reviewer
    _config_reports_never_raises({"": {}})  # checks: an empty top-level name
    _config_reports_never_raises({"matching": {"": 1}})  # checks: an empty key in a section
    # masthead: a first line that starts with a full stop (IndexError)
    _articles_load_or_say_why([(".md", b"+++\n+++\n. 0. ")])
