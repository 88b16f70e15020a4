"""crosscheck: triage the claims that several news articles make about one story."""

# The one place the version is written: pyproject.toml reads it from here when the wheel is
# built ([tool.hatch.version]), so the app never pays for importlib.metadata at start-up.
__version__ = "0.1.0"
