"""Front matter at the top of Markdown and text files (tui.corpus.formats.front_matter)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tui.claims.units import extract_claims
from tui.corpus.articles import load_corpus, read_text_file
from tui.corpus.document import RawDocument
from tui.corpus.formats.front_matter import split_front_matter

FORMATS = Path(__file__).resolve().parent / "data" / "formats"


def read(name: str) -> tuple[list[RawDocument], list[str]]:
    said: list[str] = []
    return read_text_file(FORMATS / name, said.append), said


class TestSplit:
    def test_toml_block(self) -> None:
        text = '+++\ntitle = "T"\noutlet = "O"\n+++\nBody.\n'
        fm = split_front_matter(text)
        assert (fm.title, fm.outlet, fm.problems) == ("T", "O", ())
        assert text[fm.body_start :] == "Body.\n"

    def test_yaml_block_with_aliases(self) -> None:
        text = "---\nsource: O\nlink: https://o.example/x\ndate: 2024-01-02\n---\nBody.\n"
        fm = split_front_matter(text)
        assert (fm.outlet, fm.url, fm.published) == ("O", "https://o.example/x", "2024-01-02")
        assert text[fm.body_start :] == "Body.\n"

    def test_crlf_line_endings(self) -> None:
        text = '+++\r\ntitle = "T"\r\n+++\r\nBody.\r\n'
        fm = split_front_matter(text)
        assert fm.title == "T"
        assert text[fm.body_start :] == "Body.\r\n"

    def test_no_front_matter(self) -> None:
        for text in ("Plain text.\n", "", "Title\n---\nNot at the top.\n", " ---\nx\n---\n"):
            fm = split_front_matter(text)
            assert (fm.found, fm.body_start, fm.problems) == (False, 0, ())

    def test_block_closing_at_the_end_of_the_file(self) -> None:
        fm = split_front_matter('+++\ntitle = "Only"\n+++')
        assert fm.title == "Only"
        assert fm.body_start == len('+++\ntitle = "Only"\n+++')

    def test_empty_yaml_block(self) -> None:
        fm = split_front_matter("---\n---\nBody.\n")
        assert fm.found and fm.title is None and fm.problems == ()

    def test_yaml_that_is_not_a_mapping(self) -> None:
        fm = split_front_matter("---\n- a\n- b\n---\nBody.\n")
        assert fm.found
        assert fm.problems == (
            "line 2: front matter must be key: value pairs, not a list; ignored",
        )

    def test_unknown_keys_are_ignored_quietly(self) -> None:
        fm = split_front_matter("---\nlayout: post\ntags: [a, b]\ntitle: T\n---\nBody.\n")
        assert (fm.title, fm.problems) == ("T", ())

    def test_wrong_types_are_reported_with_their_line(self) -> None:
        fm = split_front_matter("---\ntitle: T\nurl: 42\nauthor: [A, 3]\n---\nBody.\n")
        assert fm.title == "T"
        assert fm.url is None and fm.author is None
        assert fm.problems == (
            "line 3: 'url' should be text, not a int; ignored",
            "line 4: 'author' should be text, not a list; ignored",
        )

    def test_toml_dates_become_iso_8601(self) -> None:
        fm = split_front_matter("+++\npublished = 2024-02-28T10:00:00Z\n+++\nBody.\n")
        assert fm.published == "2024-02-28T10:00:00+00:00"

    @given(
        body=st.text(st.characters(exclude_categories=["Cs"]), max_size=200),
        title=st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=40),
    )
    def test_the_body_is_exactly_what_follows_the_block(self, body: str, title: str) -> None:
        escaped = title.replace("\\", "\\\\").replace('"', '\\"')
        head = f'+++\ntitle = "{escaped}"\n+++\n'
        fm = split_front_matter(head + body)
        assert fm.body_start == len(head)
        assert (head + body)[fm.body_start :] == body
        assert fm.title == (title.strip() or None)


class TestLoading:
    def test_toml_front_matter_fields(self) -> None:
        (doc,), said = read("toml_front.md")
        assert said == []
        assert doc.title == "Council approves tram extension"
        assert doc.outlet == "Northern Ledger"
        assert doc.url == "https://ledger.example/tram"
        assert doc.published == "2024-02-28T10:00:00+00:00"
        assert doc.author == "Ivo Petrak"

    def test_yaml_front_matter_fields(self) -> None:
        (doc,), said = read("yaml_front.txt")
        assert said == []
        assert doc.title == "Bakery wins regional prize"
        assert doc.outlet == "Eastfield Gazette"
        assert doc.url == "https://gazette.example/bakery"
        assert doc.published == "2024-03-01"
        assert doc.author == "Ruth Amsel, Tom Kerr"

    def test_text_is_the_body_and_the_hash_is_the_file_hash(self) -> None:
        path = FORMATS / "toml_front.md"
        (doc,), _ = read("toml_front.md")
        assert doc.text.startswith("The city council approved")
        assert "+++" not in doc.text and "outlet" not in doc.text
        assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()

    def test_claim_offsets_slice_the_body(self) -> None:
        corpus = load_corpus([FORMATS / "yaml_front.txt"])
        (article,) = corpus.articles
        claims = extract_claims(article)
        assert [c.text for c in claims] == [
            "A family bakery in Eastfield won the regional bread prize on Friday.",
            "The judges praised its rye loaf, the organisers said.",
        ]
        for c in claims:
            assert article.text[c.start : c.end] == c.text

    def test_invalid_toml_is_reported_and_the_body_still_loads(self) -> None:
        (doc,), said = read("bad_toml.md")
        assert said == [
            f"{FORMATS / 'bad_toml.md'}: line 2: front matter is not valid TOML "
            "(Illegal character '\\n'); ignored"
        ]
        assert doc.text == "The library will open on Sundays from April, the mayor said.\n"
        assert doc.outlet is None

    def test_invalid_yaml_is_reported_and_the_body_still_loads(self) -> None:
        (doc,), said = read("bad_yaml.md")
        (message,) = said
        assert message.startswith(
            f"{FORMATS / 'bad_yaml.md'}: line 4: front matter is not valid YAML"
        )
        assert message.endswith("; ignored")
        assert doc.text.startswith("The coast road was closed")
        assert doc.title is None and doc.outlet is None

    def test_wrong_values_are_reported_and_the_rest_is_kept(self) -> None:
        (doc,), said = read("wrong_types.md")
        where = FORMATS / "wrong_types.md"
        assert said == [
            f"{where}: line 3: 'outlet' should be text, not a dict; ignored",
            f"{where}: line 5: 'published' 'next Tuesday' is not an ISO 8601 date; kept as written",
        ]
        assert doc.title == "Budget vote delayed"
        assert doc.outlet is None
        assert doc.published == "next Tuesday"

    def test_an_unclosed_block_is_read_as_text(self) -> None:
        (doc,), said = read("unclosed.md")
        assert said == [
            f"{FORMATS / 'unclosed.md'}: line 1: front matter opened with '---' is never "
            "closed; read the whole file as text"
        ]
        assert doc.text == (FORMATS / "unclosed.md").read_text(encoding="utf-8")

    def test_a_file_with_only_front_matter_is_skipped(self, tmp_path: Path) -> None:
        path = tmp_path / "only.md"
        path.write_text('+++\ntitle = "Nothing else"\n+++\n\n', encoding="utf-8")
        said: list[str] = []
        assert read_text_file(path, said.append) == []
        assert said == [f"{path}: skipped, nothing after the front matter"]

    def test_plain_files_are_unchanged(self, tmp_path: Path) -> None:
        path = tmp_path / "plain.txt"
        data = "\ufeffHeadline here\n\nA sentence about the port.\n".encode()
        path.write_bytes(data)
        (doc,) = read_text_file(path, lambda _: None)
        assert doc.text == "Headline here\n\nA sentence about the port.\n"
        assert doc.title == "Headline here"
        assert doc.sha256 == hashlib.sha256(data).hexdigest()
        assert (doc.outlet, doc.url, doc.published, doc.author) == (None, None, None, None)


def test_unicode_line_separators_do_not_end_the_block() -> None:
    text = '+++\ntitle = "a\u2028+++\u2028b"\n+++\nBody.\n'
    fm = split_front_matter(text)
    assert fm.title == "a\u2028+++\u2028b"
    assert text[fm.body_start :] == "Body.\n"


def test_front_matter_nested_past_the_stack_is_ignored_with_a_warning(tmp_path: Path) -> None:
    # Before, a crafted block made the whole load fail with RecursionError.
    body = "The council approved the budget on Monday after a long debate.\n"
    (tmp_path / "a.md").write_text(f"+++\ntitle = {'[' * 3000}{']' * 3000}\n+++\n{body}")
    (tmp_path / "b.md").write_text(f"---\ntitle: {'[' * 3000}{']' * 3000}\n---\n{body}")
    corpus = load_corpus([tmp_path])
    assert [a.text for a in corpus.articles] == [body, body]
    assert corpus.warnings == tuple(
        f"{tmp_path / name}: line 2: front matter nests too deeply to read; ignored"
        for name in ("a.md", "b.md")
    )
