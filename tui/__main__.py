"""`python -m tui` does what the `crosscheck` command does."""

from tui.cli.main import main

raise SystemExit(main())
