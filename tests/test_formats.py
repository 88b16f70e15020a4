"""Loaders for saved web pages and feeds (tui.corpus.formats), and their place in the registry."""

from __future__ import annotations

import hashlib
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fixture_types import WriteCorpus
from tui.claims.units import extract_claims
from tui.corpus.articles import LOADERS, load_corpus
from tui.corpus.document import RawDocument
from tui.corpus.formats.feeds import html_to_text, read_feed_file
from tui.corpus.formats.html import read_html_file

FORMATS = Path(__file__).resolve().parent / "data" / "formats"


def load(
    reader: Callable[..., list[RawDocument]], name: str
) -> tuple[list[RawDocument], list[str]]:
    said: list[str] = []
    return reader(FORMATS / name, said.append), said


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading must never reach the network: any socket use fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a loader tried to reach the network")

    class NoSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            refuse()

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


class TestRegistry:
    def test_every_format_suffix_has_a_loader(self) -> None:
        for suffix in (".txt", ".md", ".html", ".htm", ".xml", ".rss", ".atom"):
            assert suffix in LOADERS, suffix

    def test_importing_the_loader_registry_imports_no_heavy_parser(self) -> None:
        code = (
            "import sys, tui.corpus.articles\n"
            "heavy = ('trafilatura', 'feedparser', 'yaml', 'lxml')\n"
            "print(','.join(m for m in heavy if m in sys.modules))\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == ""


class TestHtml:
    def test_main_text_and_metadata(self) -> None:
        (doc,), said = load(read_html_file, "courier_bridge.html")
        assert said == []
        assert "eleven weeks of repairs" in doc.text
        assert "240 steel cables" in doc.text
        assert doc.title == "Harbour bridge reopens after repairs"
        assert doc.author == "Mara Vint"
        assert doc.published == "2024-03-05"
        assert doc.outlet == "The Lakeside Courier"
        assert doc.url == "https://courier.example/news/harbour-bridge"
        assert doc.key == ""

    @pytest.mark.parametrize(
        "boilerplate",
        [
            "Sport",  # navigation
            "Glowmart",  # advert
            "Ferry timetable",  # related articles
            "detour added an hour",  # comment section
            "All rights reserved",  # footer
        ],
    )
    def test_boilerplate_stays_out(self, boilerplate: str) -> None:
        (doc,), _ = load(read_html_file, "courier_bridge.html")
        assert boilerplate not in doc.text

    def test_sha256_is_the_hash_of_the_extracted_text(self) -> None:
        (doc,), _ = load(read_html_file, "courier_bridge.html")
        assert doc.sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        file_hash = hashlib.sha256((FORMATS / "courier_bridge.html").read_bytes()).hexdigest()
        assert doc.sha256 != file_hash

    def test_claim_offsets_slice_the_extracted_text(self) -> None:
        corpus = load_corpus([FORMATS / "courier_bridge.html"])
        (article,) = corpus.articles
        claims = extract_claims(article)
        assert claims
        for c in claims:
            assert article.text[c.start : c.end] == c.text

    def test_broken_html_is_read_best_effort(self) -> None:
        (doc,), said = load(read_html_file, "broken.htm")
        assert said == []
        assert "7 percent more for water" in doc.text
        assert "appeal the new rates" in doc.text
        assert doc.title == "Water rates rise in Millbrook"
        assert doc.outlet is None  # no site name and no URL: unknown

    def test_page_without_article_text_is_skipped_with_a_warning(self) -> None:
        docs, said = load(read_html_file, "navigation_only.html")
        assert docs == []
        assert said == [
            f"{FORMATS / 'navigation_only.html'}: skipped, no article text found in the page"
        ]

    def test_empty_and_binary_pages_are_skipped(self, tmp_path: Path) -> None:
        empty = tmp_path / "empty.html"
        empty.write_text("  \n", encoding="utf-8")
        binary = tmp_path / "image.html"
        binary.write_bytes(b"\x89PNG\x00\x00\x01\x02" * 50)
        said: list[str] = []
        assert read_html_file(empty, said.append) == []
        assert read_html_file(binary, said.append) == []
        assert said == [f"{empty}: skipped, empty file", f"{binary}: skipped, binary file"]

    def test_outlet_falls_back_to_the_host_of_the_canonical_url(self, tmp_path: Path) -> None:
        page = tmp_path / "page.html"
        page.write_text(
            '<html><head><link rel="canonical" href="https://www.ridge.example/a/b">'
            "<title>Snow</title></head><body><article>"
            "<p>Heavy snow closed the mountain pass on Saturday, the road agency said.</p>"
            "<p>Ploughs cleared the route by Sunday evening, according to the agency.</p>"
            "</article></body></html>",
            encoding="utf-8",
        )
        (doc,) = read_html_file(page, lambda _: None)
        assert doc.outlet == "ridge.example"


class TestFeeds:
    def test_each_entry_with_text_is_an_article(self) -> None:
        docs, said = load(read_feed_file, "valley_wire.rss")
        assert [d.title for d in docs] == [
            "Dam inspection finds cracks",
            "School opens new library",
        ]
        assert said == [
            f"{FORMATS / 'valley_wire.rss'}: skipped 1 entry with no text: "
            "entry 3 (Entry with nothing in it)"
        ]

    def test_full_content_wins_over_the_summary_and_html_becomes_text(self) -> None:
        (dam, _), _ = load(read_feed_file, "valley_wire.rss")
        assert dam.text == (
            "Inspectors found three cracks in the north wall of the Kessel dam, "
            "the water authority said.\n\n"
            "The reservoir will be lowered by two metres as a precaution."
        )
        assert "teaser" not in dam.text
        assert "trackReader" not in dam.text

    def test_entry_fields(self) -> None:
        (dam, library), _ = load(read_feed_file, "valley_wire.rss")
        assert dam.url == "https://wire.example/news/dam-inspection"
        assert dam.published == "2024-03-05T08:30:00Z"  # +0100 converted to UTC
        assert dam.author == "Ola Strand"
        assert dam.outlet == "Valley Wire"  # the feed's title
        assert library.outlet == "Schools Bulletin"  # the entry's own <source>
        assert library.url is None
        assert library.text == "The Eastfield school opened a library with 4,000 books on Monday."

    def test_each_entry_has_its_own_hash_of_its_text(self) -> None:
        docs, _ = load(read_feed_file, "valley_wire.rss")
        for d in docs:
            assert d.sha256 == hashlib.sha256(d.text.encode("utf-8")).hexdigest()
        assert len({d.sha256 for d in docs}) == len(docs)

    def test_keys_are_short_plain_and_stable(self) -> None:
        (dam, library), _ = load(read_feed_file, "valley_wire.rss")
        guid = "https://wire.example/news/dam-inspection"
        assert dam.key == hashlib.sha256(guid.encode()).hexdigest()[:10]
        assert library.key == "lib-2024-03"  # a plain guid is used as it is

    def test_ids_compose_the_feed_stem_and_the_entry_key(self) -> None:
        corpus = load_corpus([FORMATS / "valley_wire.rss"])
        assert [a.id for a in corpus.articles] == [
            "valley_wire#484bb5558d",
            "valley_wire#lib-2024-03",
        ]

    def test_atom_entry(self) -> None:
        (entry,), said = load(read_feed_file, "harbour_notes.atom")
        assert said == []
        assert entry.title == "Ferry fares frozen"
        assert entry.outlet == "Harbour Notes"
        assert entry.url == "https://harbour.example/ferry-fares"
        assert entry.published == "2024-03-06T06:45:00Z"
        assert entry.text.splitlines()[-1] == "Children travel free."
        assert "Adults pay 4 euros." in entry.text.splitlines()

    def test_feed_without_entries_is_reported(self) -> None:
        docs, said = load(read_feed_file, "empty_channel.xml")
        assert docs == []
        assert said == [f"{FORMATS / 'empty_channel.xml'}: skipped, the feed has no entries"]

    def test_feed_without_content_is_reported(self) -> None:
        docs, said = load(read_feed_file, "no_content.rss")
        assert docs == []
        assert said == [f"{FORMATS / 'no_content.rss'}: skipped, no entry in the feed has any text"]

    def test_xml_that_is_not_a_feed_is_skipped(self) -> None:
        docs, said = load(read_feed_file, "settings.xml")
        assert docs == []
        assert said == [f"{FORMATS / 'settings.xml'}: skipped, not an RSS or Atom feed"]

    def test_entries_without_guid_link_or_title_are_numbered(self, tmp_path: Path) -> None:
        feed = tmp_path / "bare.rss"
        feed.write_text(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Bare</title>'
            "<item><description>First story text here.</description></item>"
            "<item><description>Second story text here.</description></item>"
            "</channel></rss>",
            encoding="utf-8",
        )
        docs = read_feed_file(feed, lambda _: None)
        assert [d.key for d in docs] == ["n1", "n2"]

    def test_repeated_guids_get_distinct_keys(self, tmp_path: Path) -> None:
        feed = tmp_path / "twice.rss"
        item = "<item><guid>same</guid><description>{}</description></item>"
        feed.write_text(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
            + item.format("One story.")
            + item.format("Another story.")
            + "</channel></rss>",
            encoding="utf-8",
        )
        docs = read_feed_file(feed, lambda _: None)
        assert [d.key for d in docs] == ["same", "same-2"]


class TestHtmlToText:
    def test_blocks_become_paragraphs_and_inline_markup_disappears(self) -> None:
        markup = "<div><h2>Head</h2><p>One <i>two</i>  three.</p>Tail<br>end</div>"
        assert html_to_text(markup) == "Head\n\nOne two three.\n\nTail\n\nend"

    def test_scripts_styles_and_comments_are_dropped(self) -> None:
        markup = "<p>Kept.</p><style>p{}</style><!-- hidden --><script>x()</script><p>Also.</p>"
        assert html_to_text(markup) == "Kept.\n\nAlso."

    def test_plain_text_is_tidied(self) -> None:
        assert html_to_text("  one  line \n\n\n two ") == "one line\n\ntwo"


class TestCorpus:
    def test_the_rest_of_a_folder_loads_around_bad_files(self, tmp_path: Path) -> None:
        folder = tmp_path / "mixed"
        shutil.copytree(FORMATS, folder)
        corpus = load_corpus([folder])
        ids = {a.id for a in corpus.articles}
        assert {"courier_bridge", "broken", "toml_front", "yaml_front", "bad_toml"} <= ids
        assert "harbour_notes#" + "f1c3ab73e4" in ids
        assert not any(i.startswith(("navigation_only", "settings", "empty_channel")) for i in ids)
        assert any("settings.xml: skipped, not an RSS or Atom feed" in w for w in corpus.warnings)

    def test_same_text_from_two_outlets_loads_twice(self, write_corpus: WriteCorpus) -> None:
        body = "The bridge reopened on Tuesday, the council said."
        feed = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>{}</title>'
            "<item><guid>g1</guid><description>{}</description></item></channel></rss>"
        )
        root = write_corpus(
            {
                "ledger.rss": feed.format("Ledger", body),
                "gazette.rss": feed.format("Gazette", body),
                "c.txt": body,
                "d.txt": body,
            }
        )
        corpus = load_corpus([root])
        assert [a.id for a in corpus.articles] == ["c", "gazette#g1", "ledger#g1"]
        assert [w for w in corpus.warnings if "same content as" in w] == [
            f"{root / 'd.txt'}: same content as {root / 'c.txt'}; loaded once"
        ]

    def test_identical_feed_entries_from_one_outlet_load_once(self, tmp_path: Path) -> None:
        feed = tmp_path / "dup.rss"
        item = "<item><guid>{}</guid><description>Same words.</description></item>"
        feed.write_text(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
            + item.format("g1")
            + item.format("g2")
            + "</channel></rss>",
            encoding="utf-8",
        )
        corpus = load_corpus([feed])
        assert [a.id for a in corpus.articles] == ["dup#g1"]
        assert corpus.warnings == (f"{feed}: same content as {feed}; loaded once",)


def test_a_feed_naming_an_external_dtd_loads_offline(tmp_path: Path) -> None:
    feed = tmp_path / "dtd.rss"
    feed.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE rss SYSTEM "http://dtd.example.invalid/rss.dtd">\n'
        '<rss version="2.0"><channel><title>Offline</title>'
        "<item><guid>x1</guid><description>The pier reopened on Friday.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    (doc,) = read_feed_file(feed, lambda _: None)
    assert (doc.outlet, doc.text) == ("Offline", "The pier reopened on Friday.")


def test_a_feed_file_naming_another_file_is_not_read_through(tmp_path: Path) -> None:
    # feedparser takes bytes that look like a path (or a URL) for one and reads that file
    # instead: a `.xml` holding `/etc/passwd` would show it, one naming a feed elsewhere
    # would load that feed's entries as this file's.
    elsewhere = tmp_path / "private" / "other.rss"
    elsewhere.parent.mkdir()
    elsewhere.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Private</title>'
        "<item><guid>p1</guid><description>Not for this corpus.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    pointer = tmp_path / "pointer.xml"
    pointer.write_bytes(str(elsewhere).encode())
    said: list[str] = []
    assert read_feed_file(pointer, said.append) == []
    (warning,) = said
    assert warning.startswith(f"{pointer}: skipped, not an RSS or Atom feed")
    assert read_feed_file(elsewhere, said.append)[0].text == "Not for this corpus."
