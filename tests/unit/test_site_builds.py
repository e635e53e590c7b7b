"""The shared test builds (tests/site_builds.py) report a failed or lost build clearly.

A test waiting for a build must fail with Sphinx's own output, or say the
builder ended without a result, never wait for ever or pass on an old site.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests import site_builds


@pytest.fixture
def folder(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("TOOLKIT_SITE", raising=False)
    return tmp_path


def test_a_failed_build_fails_the_waiting_test_with_sphinx_output(folder):
    (folder / "site.started").write_text(str(os.getpid()), "utf-8")
    result = {"returncode": 2, "output": "WARNING: undefined label: 'nowhere'", "html": ""}
    (folder / "site.json").write_text(json.dumps(result), "utf-8")
    with pytest.raises(AssertionError, match="undefined label: 'nowhere'"):
        site_builds.wait(folder, "site")


def test_a_finished_build_gives_its_folder(folder):
    (folder / "site.started").write_text(str(os.getpid()), "utf-8")
    result = {"returncode": 0, "output": "", "html": str(folder / "site" / "html")}
    (folder / "site.json").write_text(json.dumps(result), "utf-8")
    assert site_builds.wait(folder, "site") == folder / "site" / "html"


def test_a_builder_that_ended_without_a_result_is_named(folder):
    ended = subprocess.Popen(["true"])
    ended.wait()
    (folder / "site.started").write_text(str(ended.pid), "utf-8")
    with pytest.raises(AssertionError, match=f"pid {ended.pid}\\) ended without a result"):
        site_builds.wait(folder, "site")


def test_a_reused_site_starts_no_build(folder, monkeypatch):
    monkeypatch.setenv("TOOLKIT_SITE", str(folder / "mine"))
    site_builds.start(folder, "site")
    assert not (folder / "site.started").exists()
    assert site_builds.wait(folder, "site") == (folder / "mine").resolve()
