"""The suite reaches no network beyond loopback: tests/conftest.py guards every test."""

from __future__ import annotations

import socket
import urllib.request

import pytest

from tests.web_server import NetworkUsed, Reply, Site


def test_a_test_cannot_resolve_or_connect_beyond_loopback(loopback_only: list[str]) -> None:
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("example.org", 443)
    with socket.socket() as s, pytest.raises(NetworkUsed):
        s.connect(("192.0.2.1", 80))  # TEST-NET-1: refused before any packet is sent
    with pytest.raises(NetworkUsed):  # through a library too
        urllib.request.urlopen("http://example.org/", timeout=1)
    assert loopback_only == ["resolve example.org", "connect 192.0.2.1", "resolve example.org"]
    loopback_only.clear()  # seen here: the guard's own check at the end of the test passes


def test_loopback_is_allowed() -> None:
    site = Site()
    try:
        url = site.route("/", Reply(body=b"<p>here</p>"))
        with urllib.request.urlopen(url, timeout=5) as response:
            assert response.read() == b"<p>here</p>"
    finally:
        site.close()
