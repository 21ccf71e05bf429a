"""Solvers: the task state and the steps that take a sample from its input to an output."""

from inspect_ai._agent.basic_agent import basic_agent
from inspect_ai._solver.chain import chain
from inspect_ai._solver.choices import Choice, Choices
from inspect_ai._solver.critique import self_critique
from inspect_ai._solver.generate import generate
from inspect_ai._solver.multiple_choice import multiple_choice
from inspect_ai._solver.plan import Plan
from inspect_ai._solver.prompt import (
    chain_of_thought,
    prompt_template,
    system_message,
    user_message,
)
from inspect_ai._solver.solver import Generate, Solver, solver
from inspect_ai._solver.spec import SolverSpec
from inspect_ai._solver.state import TaskState
from inspect_ai._solver.use_tools import use_tools

__all__ = [
    "Choice",
    "Choices",
    "Generate",
    "Plan",
    "Solver",
    "SolverSpec",
    "TaskState",
    "basic_agent",
    "chain",
    "chain_of_thought",
    "generate",
    "multiple_choice",
    "prompt_template",
    "self_critique",
    "solver",
    "system_message",
    "use_tools",
    "user_message",
]
