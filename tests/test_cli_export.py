"""`crosscheck export`, `stats` and `merge` end to end: outputs, exit codes, bad input."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest

from tests.exports_support import (
    AUGUST,
    GOVERNOR,
    KOREANS,
    TROOPS_DAILY,
    TROOPS_WIRE,
    copy_corpus,
    write_verdicts,
)
from tui.cli.main import EXIT_FAIL, EXIT_OK, EXIT_USAGE, main
from tui.verdicts.model import Status

C, D, U = Status.CORROBORATED, Status.DISPUTED, Status.UNSOURCED


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the corpus and alice's verdict file; the current folder, no config."""
    monkeypatch.chdir(tmp_path)
    corpus = copy_corpus(tmp_path)
    write_verdicts(
        tmp_path / "verdicts.toml",
        corpus,
        "alice",
        [("wire", TROOPS_WIRE, D), ("wire", KOREANS, C), ("daily", GOVERNOR, U)],
        notes={TROOPS_WIRE: "daily says 10,000"},
    )
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("crosscheck: ") and "Traceback" not in err
    return lines[0]


class TestExport:
    @pytest.mark.parametrize("fmt", ["json", "csv", "md", "claimreview", "w3c"])
    def test_stdout_and_file_agree(
        self, desk: Path, capsys: pytest.CaptureFixture[str], fmt: str
    ) -> None:
        code, out, err = run(capsys, "export", "--verdicts", "verdicts.toml", "--format", fmt)
        assert (code, err) == (EXIT_OK, "")
        assert out
        code, _, _ = run(capsys, "export", "--format", fmt, "-o", "out.txt")
        assert code == EXIT_OK
        assert (desk / "out.txt").read_bytes().decode("utf-8") == out
        assert [p.name for p in desk.iterdir() if p.name.startswith(".out")] == []

    def test_positions_are_re_anchored_against_the_current_articles(
        self, desk: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        wire = desk / "corpus" / "wire.txt"
        wire.write_text("Updated at 10:00.\n\n" + wire.read_text(encoding="utf-8"), "utf-8")
        code, out, err = run(capsys, "export", "--format", "json")
        assert code == EXIT_OK and err == ""
        text = wire.read_text(encoding="utf-8")
        for record in (r for r in json.loads(out)["verdicts"] if r["article"] == "wire"):
            assert text[record["start"] : record["end"]] == record["text"]
            assert record["start"] > len("Updated at 10:00.")

    def test_orphans_are_flagged_and_announced(
        self, desk: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        daily = desk / "corpus" / "daily.txt"
        daily.write_text(daily.read_text("utf-8").replace(GOVERNOR, ""), "utf-8")
        code, out, err = run(capsys, "export", "--format", "json")
        assert code == EXIT_OK
        assert "1 verdict could not be re-anchored" in one_line(err)
        orphans = [r for r in json.loads(out)["verdicts"] if r["orphan"]]
        assert [r["text"] for r in orphans] == [GOVERNOR]

    def test_the_verdict_file_is_only_read(
        self, desk: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = desk / "verdicts.toml"
        before = (path.read_bytes(), path.stat().st_mtime_ns)
        for argv in (["export", "--format", "md"], ["stats", "--format", "json"]):
            assert run(capsys, *argv)[0] == EXIT_OK
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before
        assert sorted(p.name for p in desk.iterdir()) == ["corpus", "verdicts.toml"]


class TestBadInput:
    def test_newer_version(self, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = data_dir / "exports" / "newer_version.toml"
        code, out, err = run(capsys, "export", "--verdicts", str(path), "--format", "json")
        assert (code, out) == (EXIT_FAIL, "")
        assert "written by a newer crosscheck (version 7)" in one_line(err)

    def test_unknown_status(self, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = data_dir / "exports" / "unknown_status.toml"
        code, out, err = run(capsys, "stats", "--verdicts", str(path))
        assert (code, out) == (EXIT_FAIL, "")
        assert "probably-true" in one_line(err)

    def test_missing_verdict_file(self, desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
        code, _, err = run(capsys, "export", "--verdicts", "nope.toml", "--format", "csv")
        assert code == EXIT_FAIL and "nope.toml: no such verdict file" in one_line(err)

    def test_output_folder_missing(self, desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(capsys, "export", "--format", "json", "-o", "no/such/out.json")
        assert (code, out) == (EXIT_FAIL, "")
        assert "does not exist" in one_line(err)
        assert not (desk / "no").exists()

    def test_output_is_a_folder(self, desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
        code, _, err = run(capsys, "export", "--format", "json", "-o", "corpus")
        assert code == EXIT_FAIL and "is a folder" in one_line(err)

    @pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
    def test_output_folder_without_permission(
        self, desk: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        locked = desk / "locked"
        locked.mkdir(mode=0o500)
        code, _, err = run(capsys, "export", "--format", "json", "-o", "locked/out.json")
        assert code == EXIT_FAIL and "no permission" in one_line(err)
        assert list(locked.iterdir()) == []

    def test_a_failed_write_leaves_nothing_behind(
        self, desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        (desk / "out.json").write_text("previous export\n", encoding="utf-8")

        def refuse(src: str, dst: str) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(os, "replace", refuse)
        code, _, err = run(capsys, "export", "--format", "json", "-o", "out.json")
        assert code == EXIT_FAIL
        assert one_line(err) == "crosscheck: out.json: cannot write (Permission denied)"
        assert (desk / "out.json").read_text(encoding="utf-8") == "previous export\n"
        assert sorted(p.name for p in desk.iterdir()) == ["corpus", "out.json", "verdicts.toml"]

    def test_format_is_required(self, desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
        code, _, err = run(capsys, "export")
        assert code == EXIT_USAGE and "--format" in err


class TestOutputInsideTheCorpus:
    """`export -o` into the corpus folder was accepted, and the next run read the report as
    an article. How we know it can fail: with the check removed from cmd_export, every
    refusal below exits 0 and writes the file."""

    @pytest.mark.parametrize(
        ("out", "fmt"),
        [
            ("corpus/report.md", "md"),
            ("corpus/x.txt", "csv"),
            ("corpus/sub/../deep.json", "json"),  # ".." resolved, as the write would
            ("alias/report.md", "md"),  # a link to the corpus folder
        ],
    )
    def test_refused_with_exit_2_and_nothing_written(
        self, desk: Path, capsys: pytest.CaptureFixture[str], out: str, fmt: str
    ) -> None:
        (desk / "corpus" / "sub").mkdir()
        (desk / "alias").symlink_to(desk / "corpus")
        before = sorted(p.relative_to(desk) for p in (desk / "corpus").rglob("*"))
        code, stdout, err = run(capsys, "export", "--format", fmt, "-o", out)
        assert (code, stdout) == (EXIT_USAGE, "")
        line = one_line(err)
        assert f"{out}: is inside the corpus folder {(desk / 'corpus').resolve()}" in line
        assert "--force" in line
        assert sorted(p.relative_to(desk) for p in (desk / "corpus").rglob("*")) == before

    def test_force_writes_it(self, desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
        code, _, err = run(capsys, "export", "--format", "md", "-o", "corpus/report.md", "--force")
        assert (code, err) == (EXIT_OK, "")
        assert (desk / "corpus" / "report.md").read_text(encoding="utf-8").startswith("#")

    def test_beside_the_corpus_is_fine(
        self, desk: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, _, err = run(capsys, "export", "--format", "md", "-o", "corpus-report.md")
        assert (code, err) == (EXIT_OK, "")


def test_an_output_file_nested_past_the_stack_is_judged_without_crashing(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `-o` looks into an existing file to refuse a verdict or config file; TOML arrays
    # nested thousands deep made that look fail with RecursionError ("unexpected error").
    deep = desk / "deep.toml"
    deep.write_text("a = " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    code, _, err = run(capsys, "export", "--format", "json", "-o", "deep.toml")
    assert (code, err) == (EXIT_OK, "")
    assert json.loads(deep.read_text(encoding="utf-8"))  # not a crosscheck file: replaced


class TestStats:
    def test_json(self, desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(capsys, "stats", "--format", "json")
        assert (code, err) == (EXIT_OK, "")
        doc = json.loads(out)
        assert {"triaged", "untriaged", "by_status", "articles", "clusters", "orphans"} <= set(doc)
        assert doc["triaged"] == 3
        assert doc["by_status"] == {"corroborated": 1, "disputed": 1, "unsourced": 1}
        assert doc["orphans"] == 0
        assert doc["triaged"] + doc["untriaged"] == sum(a["claims"] for a in doc["articles"])
        assert [a["id"] for a in doc["articles"]] == ["daily", "wire"]

    def test_table(self, desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "stats")
        assert code == EXIT_OK
        assert "By article" in out and "orphans: 0" in out


class TestMerge:
    @pytest.fixture
    def bob(self, desk: Path) -> Path:
        path = desk / "bob.toml"
        decisions = [("wire", TROOPS_WIRE, D), ("wire", KOREANS, U), ("daily", TROOPS_DAILY, D)]
        write_verdicts(path, desk / "corpus", "bob", decisions)
        return path

    def test_merge_two_reviewers(
        self, desk: Path, bob: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (desk / "out").mkdir()
        code, out, err = run(capsys, "merge", "verdicts.toml", "bob.toml", "-o", "out/m.toml")
        assert code == EXIT_OK
        # Decided by both: TROOPS_WIRE (D, D), KOREANS (C, U) -> 1 of 2 agree.
        # alice: D 1/2, C 1/2; bob: D 1/2, U 1/2; pe = 1/4; kappa = (1/2 - 1/4)/(3/4) = 1/3.
        assert "over 2 claims decided by all 2 reviewers (alice, bob): 50.0% agreed" in out
        assert "Cohen's kappa 0.333" in out
        # Disagreements are a result, on stdout as a table; stderr stays for problems.
        assert err == ""
        table = out[out.index("Disagreements") :]
        (row,) = [line for line in table.splitlines() if line.startswith("│") and "corrob" in line]
        assert row.index("corroborated") < row.index("unsourced")  # alice's column, then bob's
        header = next(line for line in table.splitlines() if "claim" in line)
        assert header.index("alice") < header.index("bob")
        assert "The force includes North Korean soldiers." in table
        text = (desk / "out" / "m.toml").read_text(encoding="utf-8")
        assert 'corpus = "../corpus"' in text
        assert "[[disagreements]]" in text

    @pytest.mark.parametrize("configured", [None, "carol"])
    def test_the_merged_file_names_who_merged(
        self,
        desk: Path,
        bob: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        configured: str | None,
    ) -> None:
        """Who ran the merge: the configured reviewer, else the login name; never the
        reviewer of the first file given."""
        for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("LOGNAME", "dana")
        if configured:
            (desk / "config.toml").write_text(
                f'[verdicts]\nreviewer = "{configured}"\n', encoding="utf-8"
            )
        code, out, _ = run(capsys, "merge", "verdicts.toml", "bob.toml", "-o", "m.toml")
        assert code == EXIT_OK
        who = configured or "dana"
        assert out.splitlines()[0] == f"merged by {who} into m.toml"
        merged = tomllib.loads((desk / "m.toml").read_text(encoding="utf-8"))
        assert (merged["reviewer"], merged["reviewers"]) == (who, ["alice", "bob"])

    def test_merged_file_opens_for_stats(
        self, desk: Path, bob: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert run(capsys, "merge", "verdicts.toml", "bob.toml", "-o", "m.toml")[0] == EXIT_OK
        code, out, err = run(capsys, "stats", "--verdicts", "m.toml", "--format", "json")
        assert (code, err) == (EXIT_OK, "")
        doc = json.loads(out)
        # 4 claims decided: TROOPS_WIRE, GOVERNOR, TROOPS_DAILY agreed; KOREANS disputed.
        assert doc["triaged"] == 4 and doc["disagreements"] == 1
        assert doc["by_status"] == {"corroborated": 0, "disputed": 2, "unsourced": 1}

    def test_different_corpora(self, desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
        other = copy_corpus(desk / "clone")
        (other / "wire.txt").write_text("A different story.\n\n" + AUGUST + "\n", "utf-8")
        write_verdicts(desk / "clone" / "carol.toml", other, "carol", [("wire", AUGUST, U)])
        code, out, err = run(capsys, "merge", "verdicts.toml", "clone/carol.toml", "-o", "m.toml")
        assert (code, out) == (EXIT_FAIL, "")
        assert "are on different corpora" in one_line(err)
        assert not (desk / "m.toml").exists()

    def test_one_file_is_a_usage_error(
        self, desk: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, _, err = run(capsys, "merge", "verdicts.toml", "-o", "m.toml")
        assert code == EXIT_USAGE and "at least two verdict files" in one_line(err)

    def test_same_reviewer_twice(self, desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (desk / "copy.toml").write_bytes((desk / "verdicts.toml").read_bytes())
        code, _, err = run(capsys, "merge", "verdicts.toml", "copy.toml", "-o", "m.toml")
        assert code == EXIT_FAIL and "both by reviewer 'alice'" in one_line(err)
        assert not (desk / "m.toml").exists()

    def test_output_over_an_input_is_refused(
        self, desk: Path, bob: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        before = bob.read_bytes()
        code, _, err = run(capsys, "merge", "verdicts.toml", "bob.toml", "-o", "bob.toml")
        assert code == EXIT_USAGE and "is one of the inputs" in one_line(err)
        assert bob.read_bytes() == before

    def test_output_required(self, desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert run(capsys, "merge", "verdicts.toml", "bob.toml")[0] == EXIT_USAGE


def test_merged_exports_name_each_reviewer_once_and_as_people(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review finding: a verdict both reviewers agreed on was one person "alice, bob", and
    the report header listed "alice, alice, bob, bob"."""
    corpus = desk / "corpus"
    write_verdicts(desk / "bob.toml", corpus, "bob", [("wire", KOREANS, C), ("daily", GOVERNOR, D)])
    assert main(["merge", "verdicts.toml", "bob.toml", "-o", "merged.toml"]) == EXIT_OK
    capsys.readouterr()
    code, out, _ = run(capsys, "export", "--verdicts", "merged.toml", "--format", "md")
    assert code == EXIT_OK and "reviewed by alice, bob." in out
    code, out, _ = run(capsys, "export", "--verdicts", "merged.toml", "--format", "w3c")
    creators = [item["creator"] for item in json.loads(out)["first"]["items"]]
    both = [{"type": "Person", "name": "alice"}, {"type": "Person", "name": "bob"}]
    assert both in creators  # the Korean troops claim, agreed
    assert {"type": "Person", "name": "alice"} in creators  # a claim only alice decided
    code, out, _ = run(capsys, "export", "--verdicts", "merged.toml", "--format", "claimreview")
    authors = [r["author"] for r in json.loads(out)]
    assert [{"@type": "Person", "name": "alice"}, {"@type": "Person", "name": "bob"}] in authors


def test_the_report_counts_sources_with_the_configured_wire_settings(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review finding: the Markdown report counted wire copies with the built-in settings."""
    (desk / "loose.toml").write_text(
        "[matching]\nwire_score = 30.0\nwire_share = 0.05\n", encoding="utf-8"
    )
    argv = ["export", "--verdicts", "verdicts.toml", "--format", "md"]
    _, default, _ = run(capsys, *argv)
    _, loose, _ = run(capsys, *argv, "--config", "loose.toml")
    assert "| 2 outlets |" in default
    assert "| 2 outlets |" not in loose and "| 1 outlet |" in loose


def test_claimreview_leaves_out_claims_still_in_dispute(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A published rating must be settled: a merged file's open disagreement is not
    exported twice with opposite ratings (review finding)."""
    corpus = desk / "corpus"
    write_verdicts(desk / "bob.toml", corpus, "bob", [("wire", KOREANS, D)])  # alice: C
    assert main(["merge", "verdicts.toml", "bob.toml", "-o", "merged.toml"]) == EXIT_OK
    capsys.readouterr()
    code, out, err = run(capsys, "export", "--verdicts", "merged.toml", "--format", "claimreview")
    reviewed = [r["claimReviewed"] for r in json.loads(out)]
    assert code == EXIT_OK and reviewed and KOREANS not in reviewed
    assert "1 claim the reviewers disagree on left out of ClaimReview" in one_line(err)
    code, out, _ = run(capsys, "export", "--verdicts", "merged.toml", "--format", "json")
    assert sum(r["text"] == KOREANS for r in json.loads(out)["verdicts"]) == 2  # both kept
