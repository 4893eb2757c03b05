"""The GitHub workflows, issue forms and pre-commit configuration are valid, checked offline."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml

from conftest import ROOT

GITHUB = ROOT / ".github"


def check_schema(builtin: str, *files) -> subprocess.CompletedProcess:
    # check-jsonschema ships GitHub's schemas, so this needs no network.
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", builtin, *map(str, files)],
                          capture_output=True, text=True)


def test_workflows_are_valid():
    workflows = sorted((GITHUB / "workflows").glob("*.yml"))
    assert len(workflows) >= 3
    result = check_schema("vendor.github-workflows", *workflows)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_are_valid():
    forms = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
    assert len(forms) >= 2
    result = check_schema("vendor.github-issue-forms", *forms)
    assert result.returncode == 0, result.stdout + result.stderr
    assert check_schema("vendor.github-issue-config", GITHUB / "ISSUE_TEMPLATE" / "config.yml").returncode == 0


def test_pull_request_workflow_is_read_only_and_runs_every_check():
    workflow = yaml.safe_load((GITHUB / "workflows" / "granska.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    commands = " ".join(step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"])
    for target in ("make check", "make build", "make test"):
        assert target in commands
    assert "secrets." not in (GITHUB / "workflows" / "granska.yml").read_text(encoding="utf-8")


def test_pre_commit_hooks_call_existing_make_targets():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert hooks
    for hook in hooks:
        command, target = hook["entry"].split()
        assert command == "make" and target in targets


def test_pull_requests_are_built_without_secrets_or_write_access():
    """What CONTRIBUTING.md promises about pull requests from forks."""
    source = (GITHUB / "workflows" / "granska.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(source)
    triggers = workflow[True]  # PyYAML reads the key "on" as true
    assert set(triggers) == {"pull_request"}
    assert workflow["permissions"] == {"contents": "read"}
    assert "secrets." not in source and "pull_request_target" not in source
    for job in workflow["jobs"].values():
        assert "permissions" not in job
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout"):
                assert step["with"]["persist-credentials"] is False


def test_the_workflow_for_a_kommuns_own_repository_is_valid_and_safe_for_pull_requests():
    template = ROOT / "editions" / "arbetsflode-for-egen-utgava.yml"
    result = check_schema("vendor.github-workflows", template)
    assert result.returncode == 0, result.stdout + result.stderr
    source = template.read_text(encoding="utf-8")
    workflow = yaml.safe_load(source)
    assert workflow["permissions"] == {"contents": "read"}
    assert "secrets." not in source and "pull_request_target" not in source
    build = workflow["jobs"]["bygg"]
    checkout = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"] == {"submodules": True, "persist-credentials": False}
    assert any('make -C handbok build UTGAVA="$GITHUB_WORKSPACE"' in s.get("run", "") for s in build["steps"])
    # Only what is on main is published, with the write rights only that job gets.
    assert workflow["jobs"]["publicera"]["if"] == "github.event_name != 'pull_request'"


def test_the_pages_workflow_builds_every_edition_but_the_examples():
    steps = yaml.safe_load((GITHUB / "workflows" / "publicera.yml").read_text(encoding="utf-8"))["jobs"]["bygg"]["steps"]
    script = next(s["run"] for s in steps if s.get("name") == "Bygg utgåvorna")
    assert 'for utgava in editions/*/' in script and "_*) continue" in script
    assert 'make build UTGAVA="$namn" SITE_DIR="site/utgavor/$namn"' in script
