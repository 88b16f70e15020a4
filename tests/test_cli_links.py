"""Links, cuts and deferrals through the commands: `match --verdicts`, `check`, `stats`,
`merge`."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.exports_support import GOVERNOR, KOREANS, TROOPS_DAILY, TROOPS_WIRE, copy_corpus
from tui.analysis.pipeline import Analysis, analyse
from tui.cli.main import EXIT_FAIL, EXIT_OK, main
from tui.config import MatchSettings
from tui.verdicts.model import (
    Anchor,
    Correction,
    Link,
    Relation,
    Status,
    Verdict,
    VerdictSet,
    make_anchor,
)
from tui.verdicts.writer import dumps

WHEN = datetime(2026, 12, 6, 6, 1, 22, tzinfo=UTC)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def unit(analysis: Analysis, article: str, text: str) -> str:
    return next(c.id for c in analysis.claims_of(article) if c.text == text)


def anchor(analysis: Analysis, claim_id: str) -> Anchor:
    claim = analysis.claim(claim_id)
    return make_anchor(analysis.article(claim.article), claim)


def write(path: Path, corpus: Path, vs: VerdictSet) -> Path:
    from dataclasses import replace

    vs = replace(vs, corpus=Path(os.path.relpath(corpus, path.parent)).as_posix())
    path.write_text(dumps(vs), encoding="utf-8")
    return path


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Analysis]:
    monkeypatch.chdir(tmp_path)
    corpus = copy_corpus(tmp_path)
    return corpus, analyse([corpus], MatchSettings())


def link(analysis: Analysis, a: str, b: str, relation: Relation) -> Link:
    return Link.of(anchor(analysis, a), anchor(analysis, b), relation, WHEN, "alice")


def test_match_with_verdicts_says_each_matchs_source_and_lists_rejected_pairs(
    desk: tuple[Path, Analysis], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, analysis = desk
    troops_w, troops_d = unit(analysis, "wire", TROOPS_WIRE), unit(analysis, "daily", TROOPS_DAILY)
    koreans_w, koreans_d = unit(analysis, "wire", KOREANS), unit(analysis, "daily", KOREANS)
    governor = unit(analysis, "daily", GOVERNOR)
    whole = analysis.claim(governor)
    vs = VerdictSet(
        "alice",
        "",
        links=(link(analysis, koreans_d, koreans_w, Relation.DIFFERENT),),
        corrections=(
            Correction(anchor(analysis, governor), True, WHEN, split_at=whole.text.index("said")),
        ),
    )
    write(Path("v.toml"), corpus, vs)
    code, out, err = run(
        capsys, "match", str(corpus), "--verdicts", "v.toml", "--format", "json", "--no-cache"
    )
    assert code == EXIT_OK, err
    doc = json.loads(out)
    assert list(doc) == ["version", "articles", "claims", "matches", "rejected", "clusters"]
    assert doc["rejected"] == [{"a": min(koreans_d, koreans_w), "b": max(koreans_d, koreans_w)}]
    sources = {(m["a"], m["b"]): m["source"] for m in doc["matches"]}
    assert sources[(min(troops_d, troops_w), max(troops_d, troops_w))] == "machine"
    assert list(doc["matches"][0]) == ["a", "b", "score", "tier", "source", "conflicts"]
    texts = [c["text"] for c in doc["claims"] if c["article"] == "daily"]
    assert "A local governor" in texts and "said schools would stay closed." in texts
    plain = json.loads(run(capsys, "match", str(corpus), "--format", "json", "--no-cache")[1])
    assert "rejected" not in plain and "source" not in plain["matches"][0]
    # a link whose claim is gone from the article is left out, and said to be
    daily = corpus / "daily.txt"
    daily.write_text(daily.read_text(encoding="utf-8").replace(KOREANS, ""), encoding="utf-8")
    code, out, err = run(
        capsys, "match", str(corpus), "--verdicts", "v.toml", "--format", "json", "--no-cache"
    )
    assert code == EXIT_OK and "could not be placed on these articles" in err
    assert json.loads(out)["rejected"] == []


def test_a_contradicting_link_disputes_both_claims_in_match_json(
    desk: tuple[Path, Analysis], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, analysis = desk
    governor = unit(analysis, "daily", GOVERNOR)
    august = next(c.id for c in analysis.claims_of("wire") if "August" in c.text)
    write(
        Path("v.toml"),
        corpus,
        VerdictSet("alice", "", links=(link(analysis, governor, august, Relation.CONTRADICTS),)),
    )
    code, out, err = run(
        capsys, "match", str(corpus), "--verdicts", "v.toml", "--format", "json", "--no-cache"
    )
    assert code == EXIT_OK, err
    doc = json.loads(out)
    made = next(m for m in doc["matches"] if {m["a"], m["b"]} == {governor, august})
    assert (made["tier"], made["source"]) == ("match", "reviewer")
    suggestion = next(c for c in doc["claims"] if c["id"] == governor)["suggestion"]
    assert suggestion["verdict"] == "disputed" and "reviewer's link" in suggestion["reason"]


def test_a_damaged_verdict_file_for_match_is_one_located_line(
    desk: tuple[Path, Analysis], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, _ = desk
    Path("v.toml").write_text(
        'version = 1\nreviewer = "a"\ncorpus = "c"\n[[links]]\nrelation = "maybe"\n'
    )
    code, out, err = run(capsys, "match", str(corpus), "--verdicts", "v.toml", "--format", "json")
    assert code == EXIT_FAIL and out == ""
    assert err.count("\n") == 1 and "v.toml:5:1:" in err and "Traceback" not in err


def test_check_refuses_two_links_on_one_pair(
    desk: tuple[Path, Analysis], capsys: pytest.CaptureFixture[str]
) -> None:
    _, analysis = desk
    a, b = unit(analysis, "daily", KOREANS), unit(analysis, "wire", KOREANS)
    text = dumps(VerdictSet("alice", "corpus", links=(link(analysis, a, b, Relation.SAME),)))
    block = text[text.index("[[links]]") :]
    Path("v.toml").write_text(text + "\n" + block.replace('"same"', '"different"'))
    code, _, err = run(capsys, "check", "v.toml")
    assert code == EXIT_FAIL
    assert "are linked twice among [[links]] (first at line 5)" in err


def test_stats_counts_deferred_claims_apart(
    desk: tuple[Path, Analysis], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, analysis = desk
    governor = unit(analysis, "daily", GOVERNOR)
    koreans = unit(analysis, "daily", KOREANS)
    vs = VerdictSet(
        "alice",
        "",
        verdicts=(
            Verdict(anchor(analysis, governor), Status.LATER, WHEN),
            Verdict(anchor(analysis, koreans), Status.CORROBORATED, WHEN),
        ),
    )
    write(Path("v.toml"), corpus, vs)
    code, out, err = run(capsys, "stats", "--verdicts", "v.toml", "--format", "json", "--no-cache")
    assert code == EXIT_OK, err
    doc = json.loads(out)
    claims = sum(a["claims"] for a in doc["articles"])
    assert (doc["triaged"], doc["later"], doc["untriaged"]) == (1, 1, claims - 2)
    assert doc["by_status"] == {"corroborated": 1, "disputed": 0, "unsourced": 0}
    code, out, _ = run(capsys, "stats", "--verdicts", "v.toml", "--no-cache")
    assert code == EXIT_OK and "later" in out


def test_merge_reports_agreement_on_links_beside_verdicts(
    desk: tuple[Path, Analysis], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, analysis = desk
    a, b = unit(analysis, "daily", KOREANS), unit(analysis, "wire", KOREANS)
    c, d = unit(analysis, "daily", TROOPS_DAILY), unit(analysis, "wire", TROOPS_WIRE)
    write(
        Path("alice.toml"),
        corpus,
        VerdictSet(
            "alice",
            "",
            links=(link(analysis, a, b, Relation.SAME), link(analysis, c, d, Relation.SAME)),
        ),
    )
    write(
        Path("bob.toml"),
        corpus,
        VerdictSet(
            "bob",
            "",
            links=(link(analysis, a, b, Relation.SAME), link(analysis, c, d, Relation.CONTRADICTS)),
        ),
    )
    code, out, err = run(
        capsys, "merge", "alice.toml", "bob.toml", "-o", "merged.toml", "--no-cache"
    )
    assert code == EXIT_OK, err
    assert "agreement on links over 2 pairs of claims linked by all 2 reviewers" in out
    assert "50.0% agreed" in out
    merged = Path("merged.toml").read_text(encoding="utf-8")
    assert merged.count("[[links]]") == 3 and merged.count("[[link_disagreements]]") == 1
