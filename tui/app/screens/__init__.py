"""Screens of the triage app, one per module."""
