# 8.7 Custom Models: a model provider registered with @modelapi.
from typing import Any

from inspect_ai import Task, eval, task
from inspect_ai.dataset import Sample
from inspect_ai.model import (
    ChatMessage,
    GenerateConfig,
    ModelAPI,
    ModelOutput,
    ToolChoice,
    get_model,
    modelapi,
)
from inspect_ai.scorer import match
from inspect_ai.solver import generate
from inspect_ai.tool import ToolDef


@modelapi(name="custom")
class CustomModelAPI(ModelAPI):
    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        config: GenerateConfig = GenerateConfig(),  # noqa: B008 (as in the guide)
        **model_args: dict[str, Any],
    ) -> None:
        super().__init__(model_name, base_url, config)

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolDef],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> ModelOutput:
        # a trivial "model": reply with the last message, upper-cased
        return ModelOutput.from_content(model=self.model_name, content=input[-1].text.upper())


@task
def math():
    return Task(
        dataset=[Sample(input="1 + 1 = 2", target="1 + 1 = 2")],
        plan=[generate()],
        scorer=match(),
    )


if __name__ == "__main__":
    # get a model instance
    model = get_model("custom/name-of-model")

    # run an eval with the model
    eval(math, model="custom/name-of-model")
