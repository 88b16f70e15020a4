"""Widgets of the triage app, one (or a tight family) per module."""
