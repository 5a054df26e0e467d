"""Layering: the core never loads Textual, and the app starts without the fetch and extraction stack."""

from __future__ import annotations

import subprocess
import sys


def loaded_after(statement: str, modules: list[str]) -> list[str]:
    """Which of `modules` a fresh interpreter has loaded after running `statement`."""
    code = f"import sys\n{statement}\nprint(' '.join(m for m in {modules!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    return out.stdout.split()


def test_core_packages_do_not_import_textual() -> None:
    statement = (
        "import tuinews.extract.document, tuinews.store.articles, tuinews.fetch.refresh, tuinews.ingest"
    )
    assert loaded_after(statement, ["textual", "tuinews.ui"]) == []


def test_the_app_starts_without_the_fetch_and_extraction_stack() -> None:
    heavy = ["trafilatura", "httpx", "httpcore", "lxml", "bs4", "tuinews.extract.document", "tuinews.fetch"]
    assert loaded_after("import tuinews.cli, tuinews.ui.app", heavy) == []
