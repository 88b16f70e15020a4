"""The domain layer never imports textual: it runs headless and is tested without an app."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui


def domain_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        if info.name.startswith("tui.app") or info.name == "tui.__main__":
            continue
        names.append(info.name)
    return sorted(names)


def test_there_are_domain_modules_to_check() -> None:
    assert {
        "tui.corpus.articles",
        "tui.claims.units",
        "tui.matching.matcher",
        "tui.verdicts.model",
        "tui.config",
    } <= set(domain_modules())


def test_domain_modules_do_not_import_textual() -> None:
    modules = domain_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(leaked))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"textual imported by the domain layer: {out.stdout}"
