"""The GitHub Actions workflows publish the site and run the tests as documented.

GitHub Actions cannot run here, so these checks read the workflow files: they
parse, build with the project's own command, publish ``build/html`` with the
Pages permissions, run the tests through ``.ci/run`` in a Debian container
(where apt can install Chromium), and use only GitHub's own ``actions/*``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"


def _load(name: str) -> dict[str, Any]:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    # YAML 1.1 reads the bare key `on` as the boolean True
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _uses(workflow: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Action name (without version) -> its step."""
    return {step["uses"].split("@")[0]: step for step in _steps(workflow) if "uses" in step}


def _runs(workflow: dict[str, Any]) -> list[str]:
    return [step["run"].strip() for step in _steps(workflow) if "run" in step]


@pytest.fixture(scope="module")
def pages() -> dict[str, Any]:
    return _load("pages.yml")


@pytest.fixture(scope="module")
def tests() -> dict[str, Any]:
    return _load("test.yml")


def test_pages_workflow_builds_with_the_project_command_and_uploads_the_site(pages):
    assert "./dev build" in _runs(pages)
    uses = _uses(pages)
    assert uses["actions/setup-python"]["with"]["python-version"] == "3.11"
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "build/html"
    assert "actions/configure-pages" in uses
    assert "actions/deploy-pages" in uses
    assert "main" in pages["on"]["push"]["branches"]


def test_pages_workflow_has_the_pages_permissions_and_one_deploy_at_a_time(pages):
    assert pages["permissions"]["pages"] == "write"
    assert pages["permissions"]["id-token"] == "write"
    assert pages["concurrency"]["group"]
    deploy = pages["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"


def test_pages_workflow_caches_the_downloads_where_the_build_keeps_them(pages):
    cached = _uses(pages)["actions/cache"]["with"]["path"].split()
    conf = (ROOT / "conf.py").read_text("utf-8")
    assert "build/cache" in cached
    assert 'offline_lite_cache = str(HERE / "build" / "cache")' in conf
    assert _uses(pages)["actions/setup-python"]["with"]["cache"] == "pip"


def test_test_workflow_runs_ci_in_a_debian_container_on_push_and_pull_request(tests):
    assert {"push", "pull_request"} <= set(tests["on"])
    assert _runs(tests) == [".ci/run"]
    (job,) = tests["jobs"].values()
    assert "bookworm" in job["container"]["image"]


@pytest.mark.parametrize("name", ["pages.yml", "test.yml"])
def test_workflows_use_only_github_own_actions(name):
    actions = [step["uses"] for step in _steps(_load(name)) if "uses" in step]
    assert actions
    assert [action for action in actions if not action.startswith("actions/")] == []
    assert all("@" in action for action in actions), "every action is pinned to a version"


@pytest.mark.parametrize("name", ["pages.yml", "test.yml"])
def test_workflow_commands_are_executable_files_of_the_project(name):
    for command in _runs(_load(name)):
        program = ROOT / command.split()[0]
        assert program.is_file(), command
        assert os.access(program, os.X_OK), command
