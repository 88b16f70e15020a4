"""`python -m tui` does what the `crosscheck` command does."""

from tui.cli import main

raise SystemExit(main())
