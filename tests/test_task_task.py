"""``Task``, ``task_with``, ``Epochs`` and ``TaskInfo``: arguments, aliases and normalisation."""

import pytest

from inspect_ai._dataset.dataset import Dataset, MemoryDataset
from inspect_ai._dataset.sample import Sample
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._registry.registry import registry_name
from inspect_ai._sandbox.spec import SandboxEnvironmentSpec
from inspect_ai._solver.chain import chain
from inspect_ai._solver.generate import generate
from inspect_ai._solver.plan import Plan
from inspect_ai._solver.solver import Generate, Solver, solver
from inspect_ai._solver.state import TaskState
from inspect_ai._task.epochs import Epochs
from inspect_ai._task.info import TaskInfo
from inspect_ai._task.not_given import NOT_GIVEN, NotGiven
from inspect_ai._task.task import Task
from inspect_ai._task.task_with import task_with


@solver
def add_note(note: str = "note") -> Solver:
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        state.metadata["note"] = note
        return state

    return solve


def scorer_stub() -> object:
    return object()


# --- defaults and normalisation ---------------------------------------------------------


def test_defaults() -> None:
    task = Task()
    assert task.name == "task"
    assert task.version == 0
    assert task.metadata is None
    assert task.scorer is None and task.epochs is None and task.sandbox is None
    assert task.config == GenerateConfig()
    assert task.attribs == {} and task.task_args == {} and task.task_args_passed == {}
    assert task.task_file is None and task.task_registry_name is None


def test_no_dataset_is_one_prompt_sample() -> None:
    task = Task()
    assert isinstance(task.dataset, MemoryDataset)
    assert [sample.input for sample in task.dataset] == ["prompt"]


def test_list_of_samples_becomes_memory_dataset() -> None:
    samples = [Sample(input="a", target="1"), Sample(input="b", target="2")]
    task = Task(dataset=samples)
    assert isinstance(task.dataset, Dataset)
    assert [sample.target for sample in task.dataset] == ["1", "2"]


def test_dataset_object_is_kept() -> None:
    dataset = MemoryDataset([Sample(input="x")], name="mine")
    assert Task(dataset=dataset).dataset is dataset


def test_default_solver_is_generate() -> None:
    task = Task()
    assert [registry_name(step) for step in task.plan_steps] == ["generate"]
    assert task.plan_finish is None and task.plan_name == "plan"


def test_solver_list_keeps_its_steps() -> None:
    steps = [add_note("a"), generate()]
    task = Task(solver=steps)
    assert task.plan_steps == steps
    assert callable(task.solver)


def test_single_solver_is_one_step() -> None:
    step = add_note()
    task = Task(solver=step)
    assert task.solver is step
    assert task.plan_steps == [step]


def test_chain_expands_into_steps() -> None:
    steps = [add_note("a"), add_note("b")]
    assert Task(solver=chain(steps)).plan_steps == steps


def test_plan_object_keeps_finish_and_name() -> None:
    finish = add_note("done")
    plan = Plan(steps=[add_note("a"), generate()], finish=finish, name="my_plan")
    task = Task(solver=plan)
    assert task.solver is plan
    assert task.plan_steps == plan.steps
    assert task.plan_finish is finish
    assert task.plan_name == "my_plan"


def test_setup_list_becomes_one_solver() -> None:
    task = Task(setup=[add_note("a"), add_note("b")])
    assert task.setup is not None and callable(task.setup)
    assert Task().setup is None


def test_single_scorer_becomes_list() -> None:
    one = scorer_stub()
    two = scorer_stub()
    assert Task(scorer=one).scorer == [one]
    assert Task(scorer=[one, two]).scorer == [one, two]


def test_int_epochs_become_epochs() -> None:
    task = Task(epochs=3)
    assert task.epochs == Epochs(3)
    assert task.epochs is not None and task.epochs.reducer is None
    epochs = Epochs(2, "pass_at_2")
    assert Task(epochs=epochs).epochs is epochs


def test_sandbox_shorthands_become_specs() -> None:
    assert Task(sandbox="docker").sandbox == SandboxEnvironmentSpec("docker")
    assert Task(sandbox=("docker", "compose.yaml")).sandbox == SandboxEnvironmentSpec(
        "docker", "compose.yaml"
    )


def test_other_options_are_stored() -> None:
    config = GenerateConfig(temperature=0.2)
    task = Task(
        model="mockllm/model",
        config=config,
        model_roles={"grader": "mockllm/grader"},
        approval="approval.yaml",
        fail_on_error=0.1,
        message_limit=10,
        token_limit=1000,
        time_limit=60,
        working_limit=30,
        metrics=["accuracy"],
        version="1.2",
        metadata={"suite": "ctf"},
    )
    assert task.model == "mockllm/model"
    assert task.config is config
    assert task.model_roles == {"grader": "mockllm/grader"}
    assert task.approval == "approval.yaml"
    assert (task.fail_on_error, task.message_limit, task.token_limit) == (0.1, 10, 1000)
    assert (task.time_limit, task.working_limit) == (60, 30)
    assert task.metrics == ["accuracy"]
    assert task.version == "1.2"
    assert task.metadata == {"suite": "ctf"}


# --- deprecated and unknown arguments -----------------------------------------------------


def test_plan_is_an_alias_of_solver() -> None:
    steps = [add_note("a"), generate()]
    assert Task(plan=steps).plan_steps == steps
    single = add_note()
    assert Task(plan=single).plan_steps == [single]


def test_plan_object_given_as_plan() -> None:
    plan = Plan(steps=[generate()], finish=add_note("end"))
    task = Task(plan=plan)
    assert task.solver is plan and task.plan_finish is plan.finish


def test_plan_and_solver_together_is_an_error() -> None:
    with pytest.raises(TypeError, match="plan"):
        Task(solver=generate(), plan=[generate()])


def test_max_messages_is_an_alias_of_message_limit() -> None:
    assert Task(max_messages=7).message_limit == 7
    with pytest.raises(TypeError, match="max_messages"):
        Task(message_limit=3, max_messages=7)


def test_unknown_keyword_is_a_type_error_naming_it() -> None:
    with pytest.raises(TypeError, match="'tool_environment'"):
        Task(tool_environment="docker")


# --- names -----------------------------------------------------------------------------------


def test_explicit_name() -> None:
    task = Task(name="security")
    assert task.name == "security" and task.has_explicit_name
    task.name = None
    assert task.name == "task" and not task.has_explicit_name


# --- task_with -------------------------------------------------------------------------------


def test_task_with_modifies_in_place_and_returns_the_task() -> None:
    task = Task(name="original", message_limit=5, metadata={"a": 1})
    adapted = task_with(task, name="adapted", token_limit=100)
    assert adapted is task
    assert task.name == "adapted"
    assert task.token_limit == 100
    assert task.message_limit == 5  # not given: unchanged
    assert task.metadata == {"a": 1}


def test_task_with_normalises_values() -> None:
    task = Task()
    steps = [add_note("x"), generate()]
    one = scorer_stub()
    task_with(
        task,
        dataset=[Sample(input="q")],
        solver=steps,
        scorer=one,
        epochs=4,
        sandbox="local",
        setup=[add_note("s")],
    )
    assert isinstance(task.dataset, MemoryDataset)
    assert [sample.input for sample in task.dataset] == ["q"]
    assert task.plan_steps == steps
    assert task.scorer == [one]
    assert task.epochs == Epochs(4)
    assert task.sandbox == SandboxEnvironmentSpec("local")
    assert task.setup is not None


def test_task_with_none_clears_values() -> None:
    task = Task(name="named", sandbox="docker", epochs=2, scorer=scorer_stub(), metadata={})
    task_with(task, sandbox=None, epochs=None, scorer=None, metadata=None, name=None)
    assert task.sandbox is None and task.epochs is None and task.scorer is None
    assert task.metadata is None
    assert task.name == "task"


def test_task_with_other_options() -> None:
    config = GenerateConfig(max_tokens=10)
    task = task_with(
        Task(),
        model="mockllm/model",
        config=config,
        model_roles={"grader": "mockllm/g"},
        approval=["policy"],
        fail_on_error=False,
        message_limit=1,
        time_limit=2,
        working_limit=3,
        version=5,
        metrics=["mean"],
    )
    assert task.model == "mockllm/model" and task.config is config
    assert task.model_roles == {"grader": "mockllm/g"} and task.approval == ["policy"]
    assert task.fail_on_error is False
    assert (task.message_limit, task.time_limit, task.working_limit) == (1, 2, 3)
    assert task.version == 5 and task.metrics == ["mean"]


def test_not_given_is_a_falsy_singleton() -> None:
    assert NotGiven() is NOT_GIVEN
    assert not NOT_GIVEN
    assert repr(NOT_GIVEN) == "NOT_GIVEN"


# --- Epochs and TaskInfo ---------------------------------------------------------------------


def test_epochs_reducer_normalised_to_list() -> None:
    assert Epochs(3).reducer is None
    assert Epochs(3, "mean").reducer == ["mean"]
    assert Epochs(3, ["mean", "pass_at_2"]).reducer == ["mean", "pass_at_2"]
    reducer = object()
    assert Epochs(2, reducer).reducer == [reducer]
    assert Epochs(5).epochs == 5


@pytest.mark.parametrize("bad", [0, -1, True, 1.5])
def test_epochs_must_be_positive_int(bad: object) -> None:
    with pytest.raises(ValueError, match="positive integer"):
        Epochs(bad)  # type: ignore[arg-type]


def test_task_info_str_and_attribs() -> None:
    info = TaskInfo(file="security/jeopardy.py", name="crypto", attribs={"light": True})
    assert str(info) == "security/jeopardy.py@crypto"
    assert info.attrs == {"light": True}
    assert TaskInfo(file="a.py", name="b").attribs == {}
    assert TaskInfo.model_validate(info.model_dump()) == info
