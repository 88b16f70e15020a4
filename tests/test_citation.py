"""tui.review.citation: the citation a reviewer copies, and which addresses may be opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.articles import Article
from tui.corpus.outlets import UNKNOWN
from tui.review.citation import citation, clean, refusal, web_address
from tui.support.safe_text import printable


def article(**fields: str | None) -> Article:
    values: dict[str, str | None] = {"title": "Floods close the river port", **fields}
    return Article(
        id="a",
        path=Path("a.md"),
        title=values.pop("title") or "",
        text="",
        sha256="0" * 64,
        **values,
    )


class TestCitation:
    def test_every_part(self) -> None:
        cited = citation(
            "Floods closed the river port on Tuesday.",
            article(url="https://news.example/floods?id=7", published="2024-03-05T08:00:00Z"),
            "Reuters",
        )
        assert cited == (
            "“Floods closed the river port on Tuesday.”\n"
            "— Reuters, “Floods close the river port”, https://news.example/floods?id=7 "
            "(published 2024-03-05)"
        )

    def test_missing_parts_are_left_out(self) -> None:
        cited = citation("About 1,200 residents were moved.", article(), UNKNOWN)
        assert cited == "“About 1,200 residents were moved.”\n— “Floods close the river port”"

    def test_a_date_that_is_not_iso_is_kept_as_written(self) -> None:
        cited = citation("x", article(published="5 March 2024"), "The Herald")
        assert cited.endswith(
            "— The Herald, “Floods close the river port” (published 5 March 2024)"
        )

    def test_an_address_that_is_not_a_web_page_is_not_cited(self) -> None:
        cited = citation("x", article(url="javascript:alert(1)"), "Reuters")
        assert "javascript" not in cited
        assert cited == "“x”\n— Reuters, “Floods close the river port”"

    def test_line_breaks_become_spaces(self) -> None:
        cited = citation("Floods closed\nthe port.\r\n", article(title="Two\nlines"), "Reuters")
        assert cited == "“Floods closed the port.”\n— Reuters, “Two lines”"

    def test_escape_sequences_are_removed_whole(self) -> None:
        cited = citation(
            "The \x1b[31mmayor\x1b[0m asked\x1b]52;c;cHduZWQ=\x07 for help\u202e.",
            article(title="Var\x1b[2Jna\x9b1m", published="2024-03-05\x1b[K"),
            "Daily\x1b]0;title\x1b\\ Planet",
        )
        assert (
            cited
            == "“The mayor asked for help\ufffd.”\n— Daily Planet, “Varna” (published 2024-03-05)"
        )

    @given(st.text(), st.text(), st.text())
    def test_nothing_unsafe_is_ever_copied(self, claim: str, title: str, outlet: str) -> None:
        cited = citation(claim, article(title=title), outlet)
        first, _, rest = cited.partition("\n")
        for line in (first, rest):
            assert printable(line, keep_newlines=False) == line
        assert cited.count("\n") <= 1


class TestWebAddress:
    @pytest.mark.parametrize(
        "url", ["https://news.example/a", "http://news.example", "HTTPS://News.Example/a?b=1#c"]
    )
    def test_web_pages_are_opened(self, url: str) -> None:
        assert web_address(url) == url
        assert web_address(f"  {url}\n") == url

    @pytest.mark.parametrize(
        ("url", "why"),
        [
            (None, "This article has no web address."),
            ("", "This article has no web address."),
            ("   ", "This article has no web address."),
            ("javascript:alert(1)", "a javascript: address"),
            ("file:///etc/passwd", "a file: address"),
            ("data:text/html,<b>x</b>", "a data: address"),
            ("http://", "not a valid web address"),
            ("https://[::1", "not a valid web address"),
            ("https://news.example/a b", "not a valid web address"),
            ("https://news.example/\x1b[2J", "not a valid web address"),
            ("https://news.example/\u202eevil", "not a valid web address"),
            ("news.example/a", "not a valid web address"),
        ],
    )
    def test_anything_else_is_refused_with_a_reason(self, url: str | None, why: str) -> None:
        assert web_address(url) is None
        assert why in refusal(url)

    def test_a_hostile_scheme_is_named_safely(self) -> None:
        said = refusal("java\x1b[31mscript:alert(1)")
        assert "\x1b" not in said


def test_clean_keeps_ordinary_text() -> None:
    assert (
        clean("  Сообщение  агентства — 50 000 человек 🙂 ")
        == "Сообщение агентства — 50 000 человек 🙂"
    )
