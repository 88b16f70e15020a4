"""Loading files into articles: ids, titles, decoding, skipping, duplicates."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fixture_types import WriteCorpus
from tui.corpus.articles import CorpusError, load_corpus
from tui.corpus.document import decode_bytes, looks_binary
from tui.corpus.masthead import headline_from


def test_seeds_load_with_file_stems_as_ids(seeds_dir: Path) -> None:
    corpus = load_corpus([seeds_dir])
    assert [a.id for a in corpus.articles] == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    assert corpus.warnings == ()
    for article in corpus.articles:
        data = article.path.read_bytes()
        assert article.sha256 == hashlib.sha256(data).hexdigest()
        assert article.text == data.decode("utf-8")


def test_title_is_the_headline_or_the_first_sentence(write_corpus: WriteCorpus) -> None:
    root = write_corpus(
        {
            "with-headline.txt": "Storm floods the valley\n\nRain fell for three days.\n",
            "no_headline.txt": "Rain fell for three days, and the river rose quickly overnight.\n",
        }
    )
    titles = {a.id: a.title for a in load_corpus([root]).articles}
    assert titles == {
        "with-headline": "Storm floods the valley",
        "no_headline": "Rain fell for three days, and the river rose quickly overnight.",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Council approves budget\nBody.", "Council approves budget"),
        ("\n\n  Is the bridge safe?\nBody.", "Is the bridge safe?"),
        ("The council approved the budget on Monday after a long debate.\n", None),
        ("lower-case start of a sentence\n", None),
        (" ".join(["word"] * 30) + "\n", None),
    ],
)
def test_headline_rules(text: str, expected: str | None) -> None:
    assert headline_from(text) == expected


def test_ids_fall_back_to_relative_paths_when_stems_collide(write_corpus: WriteCorpus) -> None:
    root = write_corpus({"a/story.txt": "One thing happened.", "b/story.md": "Another happened."})
    assert sorted(a.id for a in load_corpus([root]).articles) == ["a/story.txt", "b/story.md"]


def test_ids_do_not_depend_on_the_order_paths_are_given(write_corpus: WriteCorpus) -> None:
    root = write_corpus({"x.txt": "First story.", "y.txt": "Second story.", "z.md": "Third."})
    files = sorted(root.iterdir())
    forward = [a.id for a in load_corpus(files).articles]
    backward = [a.id for a in load_corpus(list(reversed(files))).articles]
    assert forward == backward == ["x", "y", "z"]


def test_bom_is_removed_and_nothing_else_changes(write_corpus: WriteCorpus) -> None:
    body = "Line one.\r\nLine two “quoted”.\n"
    root = write_corpus({"bom.txt": b"\xef\xbb\xbf" + body.encode()})
    (article,) = load_corpus([root]).articles
    assert article.text == body


def test_non_utf8_is_decoded_with_a_warning(write_corpus: WriteCorpus) -> None:
    root = write_corpus({"legacy.txt": "Caf\u00e9 owners protest.".encode("cp1252")})
    corpus = load_corpus([root])
    assert corpus.articles[0].text == "Café owners protest."
    assert any("not UTF-8" in w and "legacy.txt" in w for w in corpus.warnings)


def test_binary_and_empty_files_are_skipped_with_warnings(write_corpus: WriteCorpus) -> None:
    root = write_corpus(
        {"img.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00", "blank.md": "  \n\n", "ok.txt": "Fine."}
    )
    corpus = load_corpus([root])
    assert [a.id for a in corpus.articles] == ["ok"]
    assert any("img.txt" in w and "binary" in w for w in corpus.warnings)
    assert any("blank.md" in w and "empty" in w for w in corpus.warnings)


def test_duplicate_content_is_reported_and_loaded_once(write_corpus: WriteCorpus) -> None:
    root = write_corpus({"a.txt": "Same words.", "b.txt": "Same words."})
    corpus = load_corpus([root])
    assert [a.id for a in corpus.articles] == ["a"]
    assert any("same content" in w for w in corpus.warnings)


def test_missing_path_warns_and_the_rest_loads(write_corpus: WriteCorpus, tmp_path: Path) -> None:
    root = write_corpus({"a.txt": "Something happened."})
    corpus = load_corpus([tmp_path / "nope", root])
    assert [a.id for a in corpus.articles] == ["a"]
    assert any("no such file" in w for w in corpus.warnings)


def test_nothing_loadable_raises_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError) as info:
        load_corpus([tmp_path / "empty"])
    assert "\n" not in str(info.value)


def test_hidden_files_and_other_suffixes_are_ignored(write_corpus: WriteCorpus) -> None:
    root = write_corpus({".git/x.txt": "Hidden.", "notes.docx": "Other.", "a.txt": "Shown."})
    assert [a.id for a in load_corpus([root]).articles] == ["a"]


@given(st.binary(max_size=300))
def test_decoding_never_fails(data: bytes) -> None:
    text, _warning = decode_bytes(data)
    assert isinstance(text, str)


@given(st.text(max_size=300))
def test_utf8_text_decodes_back_unchanged(text: str) -> None:
    data = text.encode("utf-8")
    if looks_binary(data):
        return
    # A leading U+FEFF is the byte order mark, which loading removes by design.
    assert decode_bytes(data) == (text.removeprefix("\ufeff"), None)
