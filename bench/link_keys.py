"""The link keys in the app on the seeds, in a real terminal: time from writing a key to
the end of the last frame it caused, for confirm (s) and split (S opens the question, enter
splits at the first place), each followed by its undo, against plain cursor movement (j/k)
measured in the same run. Prints one JSON line; asserts nothing.

    python bench/link_keys.py [--repeat 100]

crosscheck runs through its command line (`--no-cache`, a fresh verdict file) in a 160x48
pseudo-terminal (bench/terminal.py, as bench/app_scale.py does): every figure includes the
session's change, the save to disk (verdict file and history) and the repaint written to
the terminal. The cursor is put on a claim with a match by searching for its words; each
confirm and each split is undone before the next, so every press does the same work.
Medians and p90 in milliseconds, and each median as a multiple of the movement's.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.terminal import Terminal, crosscheck_argv, summary  # noqa: E402

SEEDS = ROOT / "seeds"
SIZE = (160, 48)
ENTER, ESCAPE, UNDO = b"\r", b"\x1b", b"\x1a"


def matched_claim() -> str:
    """Words that find (by search) the first claim of the seeds that has a match."""
    from tui.analysis.pipeline import analyse
    from tui.config import MatchSettings
    from tui.matching.matcher import Tier

    analysis = analyse([SEEDS], MatchSettings())
    for claim in analysis.claims:
        if claim.is_claim and any(m.tier is Tier.MATCH for m in analysis.matches_of(claim.id)):
            words = claim.text.split()[:6]
            return " ".join(w for w in words if w.isascii())
    raise SystemExit("no matched claim in the seeds")


def run(repeat: int) -> dict[str, object]:
    query = matched_claim()
    with tempfile.TemporaryDirectory() as folder:
        verdicts = Path(folder) / "verdicts.toml"
        argv = crosscheck_argv(SEEDS, verdicts, "--no-cache")
        with Terminal(argv, cwd=Path(folder), size=SIZE) as term:
            term.first_frame()
            term.frame_showing("triaged")  # the status line once the articles are shown
            term.settle(1.0)
            for key in (b"/", query.encode(), ESCAPE):
                term.press(key)
            move = [term.press(b"j" if i % 2 == 0 else b"k") for i in range(repeat)]
            confirm, confirm_undo = [], []
            for _ in range(repeat):
                confirm.append(term.press(b"s"))
                confirm_undo.append(term.press(UNDO))
            dialog, split, split_undo = [], [], []
            for _ in range(repeat):
                dialog.append(term.press(b"S"))
                split.append(term.press(ENTER))
                split_undo.append(term.press(UNDO))
            saved = verdicts.read_text(encoding="utf-8") if verdicts.exists() else ""
    base = summary(move)["median_ms"]
    out: dict[str, object] = {"repeat": repeat, "query": query, "move_j_k": summary(move)}
    for name, times in (
        ("confirm_s", confirm),
        ("confirm_undo", confirm_undo),
        ("split_question_S", dialog),
        ("split_enter", split),
        ("split_undo", split_undo),
    ):
        figures = summary(times)
        out[name] = {**figures, "x_move": round(figures["median_ms"] / base, 2)}
    # every change undone: the file holds no link and no correction at the end
    out["file_clean_at_end"] = "[[links]]" not in saved and "[[corrections]]" not in saved
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    print(json.dumps(run(args.repeat)))


if __name__ == "__main__":
    main()
