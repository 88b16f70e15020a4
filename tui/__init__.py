"""crosscheck: triage the claims that several news articles make about one story."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("crosscheck")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
