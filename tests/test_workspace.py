"""Opening a verdict file with its corpus: where the corpus is, re-anchoring, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exports_support import (
    AUGUST,
    KOREANS,
    TROOPS_WIRE,
    copy_corpus,
    write_verdicts,
)
from tui.config import MatchSettings
from tui.review.links import LinkedAnalysis
from tui.review.workspace import open_many, open_workspace
from tui.verdicts.corpus_link import WorkspaceError, corpus_path, read_verdict_set
from tui.verdicts.model import Status, VerdictFileError, VerdictSet
from tui.verdicts.store import relative_corpus

SETTINGS = MatchSettings()
DECISIONS = [
    ("wire", TROOPS_WIRE, Status.DISPUTED),
    ("wire", KOREANS, Status.CORROBORATED),
    ("wire", AUGUST, Status.UNSOURCED),
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return copy_corpus(tmp_path)


def test_corpus_is_resolved_against_the_verdict_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    vs = VerdictSet("alice", "../corpus")
    assert corpus_path(vs, tmp_path / "desk" / "v.toml", Path("/configured")) == tmp_path / "corpus"


def test_no_corpus_field_falls_back_to_the_configured_one(tmp_path: Path) -> None:
    assert corpus_path(VerdictSet("alice", ""), tmp_path / "v.toml", tmp_path / "seeds") == (
        tmp_path / "seeds"
    )


def test_relative_corpus_is_the_inverse(tmp_path: Path) -> None:
    out = tmp_path / "merged" / "m.toml"
    out.parent.mkdir()
    field = relative_corpus(tmp_path / "corpus", out)
    assert field == "../corpus"
    assert corpus_path(VerdictSet("x", field), out, Path("/nowhere")) == tmp_path / "corpus"


def test_unchanged_articles_keep_every_verdict(tmp_path: Path, corpus: Path) -> None:
    path = tmp_path / "verdicts.toml"
    vs = write_verdicts(path, corpus, "alice", DECISIONS)
    ws = open_workspace(path, Path("/nowhere"), SETTINGS)
    assert ws.corpus_path == corpus
    assert ws.orphans == ()
    assert {v.anchor for v in ws.placed} == {v.anchor for v in vs.verdicts}
    assert ws.reviewer_of(ws.placed[0]) == "alice"


def test_edited_article_moves_positions_and_orphans_what_is_gone(
    tmp_path: Path, corpus: Path
) -> None:
    path = tmp_path / "verdicts.toml"
    write_verdicts(path, corpus, "alice", DECISIONS)
    wire = corpus / "wire.txt"
    text = wire.read_text(encoding="utf-8")
    inserted = "An editor's note was added here at the top.\n\n"
    wire.write_text(inserted + text.replace(" " + AUGUST, ""), encoding="utf-8")
    ws = open_workspace(path, Path("/nowhere"), SETTINGS)
    article = ws.analysis.article("wire")
    assert sorted(v.anchor.text for v in ws.placed) == sorted([TROOPS_WIRE, KOREANS])
    for v in ws.placed:
        assert article.text[v.anchor.start : v.anchor.end] == v.anchor.text
        assert v.anchor.article_sha256 == article.sha256
    (orphan,) = ws.orphans
    assert orphan.anchor.text == AUGUST and orphan.status is Status.UNSOURCED


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no such verdict file"):
        read_verdict_set(tmp_path / "none.toml")
    with pytest.raises(WorkspaceError, match="is a folder"):
        read_verdict_set(tmp_path)
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b'version = 1\nreviewer = "\xff"\n')
    with pytest.raises(VerdictFileError, match="not UTF-8"):
        read_verdict_set(bad)


def test_newer_version_and_unknown_status(data_dir: Path) -> None:
    with pytest.raises(VerdictFileError, match="newer crosscheck"):
        read_verdict_set(data_dir / "exports" / "newer_version.toml")
    with pytest.raises(VerdictFileError, match="probably-true"):
        read_verdict_set(data_dir / "exports" / "unknown_status.toml")


def test_corpus_that_is_not_there(tmp_path: Path) -> None:
    path = tmp_path / "v.toml"
    path.write_text('version = 1\nreviewer = "a"\ncorpus = "gone"\n', encoding="utf-8")
    with pytest.raises(WorkspaceError, match="corpus is not there"):
        open_workspace(path, Path("/nowhere"), SETTINGS)


class TestOpenMany:
    def test_same_corpus_is_analysed_once(self, tmp_path: Path, corpus: Path) -> None:
        a, b = tmp_path / "a.toml", tmp_path / "b.toml"
        write_verdicts(a, corpus, "alice", DECISIONS[:1])
        write_verdicts(b, corpus, "bob", DECISIONS[1:])
        files = [(a, read_verdict_set(a)), (b, read_verdict_set(b))]
        first, second = open_many(files, Path("/nowhere"), SETTINGS)
        # each file's own links and cuts are applied over the one machine analysis
        assert isinstance(first.analysis, LinkedAnalysis)
        assert isinstance(second.analysis, LinkedAnalysis)
        assert first.analysis.base is second.analysis.base is not None
        assert (len(first.placed), len(second.placed)) == (1, 2)

    def test_a_copy_of_the_corpus_elsewhere_is_the_same_corpus(
        self, tmp_path: Path, corpus: Path
    ) -> None:
        other = copy_corpus(tmp_path / "clone")
        a, b = tmp_path / "a.toml", tmp_path / "clone" / "b.toml"
        write_verdicts(a, corpus, "alice", DECISIONS[:1])
        write_verdicts(b, other, "bob", DECISIONS[:1])
        files = [(a, read_verdict_set(a)), (b, read_verdict_set(b))]
        assert len(open_many(files, Path("/nowhere"), SETTINGS)) == 2

    def test_different_corpora_are_refused(self, tmp_path: Path, corpus: Path) -> None:
        other = copy_corpus(tmp_path / "clone")
        a, b = tmp_path / "a.toml", tmp_path / "clone" / "b.toml"
        write_verdicts(a, corpus, "alice", DECISIONS[:1])
        write_verdicts(b, other, "bob", DECISIONS[:1])
        (other / "daily.txt").write_text("Something else entirely.\n", encoding="utf-8")
        (other / "extra.txt").write_text("One more article.\n", encoding="utf-8")
        files = [(a, read_verdict_set(a)), (b, read_verdict_set(b))]
        with pytest.raises(WorkspaceError) as caught:
            open_many(files, Path("/nowhere"), SETTINGS)
        message = str(caught.value)
        assert message.startswith(f"{a} and {b} are on different corpora")
        assert "only b.toml's has extra" in message and "daily differ" in message
