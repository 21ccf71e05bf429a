"""The ``docker`` sandbox: compose files (parsed, found, generated), the ``docker compose``
command lines it runs, and (where a Docker engine is reachable) a task end to end."""

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from inspect_ai import Task, eval
from inspect_ai._concurrency.subprocess import ExecResult
from inspect_ai._sandbox.docker import docker as docker_module
from inspect_ai._sandbox.docker.available import docker_unavailable_reason
from inspect_ai._sandbox.docker.commands import (
    ComposeProject,
    cp_command,
    down_command,
    exec_command,
    project_name,
    up_command,
)
from inspect_ai._sandbox.docker.compose_file import (
    DEFAULT_IMAGE,
    compose_file_for,
    is_generated,
    parse_compose,
)
from inspect_ai._sandbox.docker.docker import DockerSandboxEnvironment
from inspect_ai._sandbox.resolve import resolve_sandbox
from inspect_ai.dataset import Sample
from inspect_ai.model import ModelOutput, get_model
from inspect_ai.solver import generate, use_tools
from inspect_ai.tool import bash
from inspect_ai.util import SandboxEnvironmentSpec

PROJECT = ComposeProject("inspect-task-iabc", "/tasks/compose.yaml")
COMPOSE = ["docker", "compose", "-p", "inspect-task-iabc", "-f", "/tasks/compose.yaml"]


# compose files ----------------------------------------------------------------------------


def test_services_with_the_default_first() -> None:
    text = """
services:
  attacker:
    image: kali
  default:
    build: .
    working_dir: /work
"""
    services = parse_compose(text)
    assert [service.name for service in services] == ["default", "attacker"]
    assert services[0].build and services[0].working_dir == "/work"
    assert services[1].image == "kali" and not services[1].build


def test_x_default_marks_the_default_service_else_the_first() -> None:
    marked = parse_compose("services:\n  a: {image: x}\n  b: {image: y, x-default: true}\n")
    assert [service.name for service in marked] == ["b", "a"]
    first = parse_compose("services:\n  a: {image: x}\n  b: {image: y}\n")
    assert [service.name for service in first] == ["a", "b"]


@pytest.mark.parametrize(
    ("text", "message"),
    [("services: {}\n", "declares no services"), ("a: [", "Invalid"), ("- 1\n", "no services")],
)
def test_bad_compose_files(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_compose(text)


def test_the_compose_file_named_by_the_task(tmp_path: Path) -> None:
    named = tmp_path / "custom.yaml"
    named.write_text("services:\n  default: {image: x}\n")
    assert compose_file_for(str(named), str(tmp_path)) == str(named)


def test_a_compose_file_beside_the_task(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM python:3.12\n")
    (tmp_path / "docker-compose.yml").write_text("services:\n  default: {image: x}\n")
    assert compose_file_for(None, str(tmp_path)) == str(tmp_path / "docker-compose.yml")
    (tmp_path / "compose.yaml").write_text("services:\n  default: {image: x}\n")
    assert compose_file_for(None, str(tmp_path)) == str(tmp_path / "compose.yaml")


def test_a_dockerfile_beside_the_task_gets_a_generated_compose_file(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM python:3.12\n")
    generated = compose_file_for(None, str(tmp_path))
    try:
        assert is_generated(generated)
        compose = yaml.safe_load(Path(generated).read_text())
        assert compose["services"]["default"]["build"] == {"context": str(tmp_path)}
        assert compose["services"]["default"]["network_mode"] == "none"
        assert compose["services"]["default"]["command"] == "tail -f /dev/null"
    finally:
        os.remove(generated)


def test_no_config_runs_the_default_image(tmp_path: Path) -> None:
    generated = compose_file_for(None, str(tmp_path))
    try:
        compose = yaml.safe_load(Path(generated).read_text())
        assert compose["services"]["default"]["image"] == DEFAULT_IMAGE
        assert [service.name for service in parse_compose(Path(generated).read_text())] == [
            "default"
        ]
    finally:
        os.remove(generated)
    assert not is_generated(str(tmp_path / "compose.yaml"))


def test_specs_resolve_config_files_against_the_task_directory(tmp_path: Path) -> None:
    (tmp_path / "compose.yaml").write_text("services:\n  default: {image: x}\n")
    (tmp_path / "other.yaml").write_text("services:\n  default: {image: x}\n")
    found = resolve_sandbox(SandboxEnvironmentSpec("docker"), str(tmp_path))
    assert found == SandboxEnvironmentSpec("docker", str(tmp_path / "compose.yaml"))
    named = resolve_sandbox(SandboxEnvironmentSpec("docker", "other.yaml"), str(tmp_path))
    assert named == SandboxEnvironmentSpec("docker", str(tmp_path / "other.yaml"))
    missing = resolve_sandbox(SandboxEnvironmentSpec("docker", "absent.yaml"), str(tmp_path))
    assert missing == SandboxEnvironmentSpec("docker", "absent.yaml")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert resolve_sandbox(SandboxEnvironmentSpec("docker"), str(empty)) == (
        SandboxEnvironmentSpec("docker")
    )


# command lines ----------------------------------------------------------------------------


def test_project_names_are_valid_compose_names() -> None:
    assert project_name("My Task: v2!", "AbC123") == "inspect-my-task-v2-iabc123"
    assert project_name("___", "x") == "inspect-task-ix"
    assert project_name("t").startswith("inspect-t-i")
    assert project_name("t") != project_name("t")


def test_up_and_down() -> None:
    assert up_command(PROJECT) == [*COMPOSE, "up", "--detach", "--wait", "--wait-timeout", "120"]
    assert down_command(PROJECT) == [*COMPOSE, "down", "--volumes", "--timeout", "1"]


def test_exec_command() -> None:
    assert exec_command(PROJECT, "default", ["ls", "-la"]) == [
        *COMPOSE, "exec", "-T", "default", "ls", "-la"
    ]  # fmt: skip
    full = exec_command(
        PROJECT, "web", ["bash", "-c", "echo $A"], cwd="/srv", env={"A": "1", "B": "x y"},
        user="app", timeout=30,
    )  # fmt: skip
    assert full == [
        *COMPOSE, "exec", "-T", "--workdir", "/srv", "--user", "app", "--env", "A=1",
        "--env", "B=x y", "web", "timeout", "--kill-after=5", "30s", "bash", "-c", "echo $A",
    ]  # fmt: skip


def test_cp_command() -> None:
    assert cp_command(PROJECT, "/tmp/x", "default:/work/x") == [
        *COMPOSE, "cp", "/tmp/x", "default:/work/x"
    ]  # fmt: skip


# the environment's use of the commands (docker itself replaced) ------------------------------


class FakeDocker:
    """Stands in for ``run_process``: records command lines, answers from a script."""

    def __init__(self, answers: dict[str, ExecResult[str]] | None = None) -> None:
        self.commands: list[list[str]] = []
        self.answers = answers or {}

    async def __call__(self, args: list[str], input: Any = None, **kwargs: Any) -> ExecResult[str]:
        self.commands.append(args)
        if args[6] == "cp" and args[7].startswith("default:"):
            Path(args[8]).write_text("from the container")
        for word, answer in self.answers.items():
            if word in args:
                return answer
        return ExecResult(True, 0, "/root\n" if "pwd" in args[-1] else "", "")


def test_exec_and_files_through_compose(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeDocker()
    monkeypatch.setattr(docker_module, "run_process", fake)
    environment = DockerSandboxEnvironment(PROJECT, "default", None)

    async def use() -> str:
        await environment.exec(["ls"], cwd="/tmp")
        await environment.write_file("notes/a.txt", "text")
        return await environment.read_file("/etc/motd")

    assert asyncio.run(use()) == "from the container"
    ls, pwd, mkdir, copy_in, copy_out = fake.commands
    assert ls == [*COMPOSE, "exec", "-T", "--workdir", "/tmp", "default", "ls"]
    assert pwd == [*COMPOSE, "exec", "-T", "default", "sh", "-c", "pwd"]
    assert mkdir == [*COMPOSE, "exec", "-T", "default", "mkdir", "-p", "/root/notes"]
    assert copy_in[6:8] == ["cp", copy_in[7]] and copy_in[8] == "default:/root/notes/a.txt"
    assert copy_out[6:8] == ["cp", "default:/etc/motd"]


def test_exec_timeout_and_missing_files(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeDocker(
        {
            "timeout": ExecResult(False, 124, "", ""),
            "cp": ExecResult(False, 1, "", "Error: could not find the file /nope in container"),
        }
    )
    monkeypatch.setattr(docker_module, "run_process", fake)
    environment = DockerSandboxEnvironment(PROJECT, "default", "/work")
    with pytest.raises(TimeoutError, match="timed out after 3 seconds"):
        asyncio.run(environment.exec(["sleep", "100"], timeout=3))
    with pytest.raises(FileNotFoundError):
        asyncio.run(environment.read_file("/nope"))


def test_the_provider_is_registered() -> None:
    from inspect_ai._sandbox.registry import sandboxenv_class

    assert sandboxenv_class("docker") is DockerSandboxEnvironment
    assert DockerSandboxEnvironment.config_files()[0] == "compose.yaml"


# end to end ---------------------------------------------------------------------------------

DOCKER_UNAVAILABLE = docker_unavailable_reason()


@pytest.mark.skipif(
    DOCKER_UNAVAILABLE is not None, reason=f"Docker is not usable here: {DOCKER_UNAVAILABLE}"
)
def test_bash_in_a_docker_sandbox(tmp_path: Path) -> None:  # pragma: no cover (no engine here)
    outputs = [
        ModelOutput.for_tool_call("mockllm/model", "bash", {"cmd": "cat /etc/os-release; pwd"}),
        ModelOutput.from_content("mockllm/model", "done"),
    ]
    task = Task(
        dataset=[Sample(input="x", files={"hello.txt": "hi"}, setup="echo ready > ready.txt")],
        solver=[use_tools(bash(timeout=60)), generate()],
        sandbox="docker",
    )
    model = get_model("mockllm/model", custom_outputs=outputs)
    log = eval(task, model=model, log_dir=str(tmp_path), display="none")[0]
    assert log.status == "success", log.error
    assert log.samples is not None
    tool = [message for message in log.samples[0].messages if message.role == "tool"]
    assert "PRETTY_NAME" in tool[0].text


def test_task_init_says_why_docker_is_unusable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docker_module, "docker_unavailable_reason", lambda: "no engine")
    with pytest.raises(RuntimeError, match="Docker sandboxes cannot run here: no engine."):
        asyncio.run(DockerSandboxEnvironment.task_init("task", None))
