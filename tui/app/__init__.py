"""The triage app: everything that imports textual lives under this package."""
