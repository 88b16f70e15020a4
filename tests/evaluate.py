"""`make eval`: quality of the claim classifier and the matcher on the labelled dev sets."""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import eval_attribution, eval_claims, eval_conflicts, eval_matching


def main() -> int:
    print("== claim / non-claim classifier and segmentation ==")
    eval_claims.main()
    print()
    print("== matcher ==")
    eval_matching.main()
    eval_attribution.main()
    print()
    print("== figure conflicts ==")
    eval_conflicts.main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
