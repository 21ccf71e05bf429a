"""``none``: the model of evals that never call one."""

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.output import ModelOutput
from inspect_ai._model.registry import modelapi
from inspect_ai._tool.info import ToolChoice, ToolInfo


@modelapi(name="none")
class NoModel(ModelAPI):
    """A placeholder model for tasks that do their own work; generating is an error."""

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> ModelOutput:
        raise ValueError(
            "No model was given for this eval (model 'none/none'), but a solver or scorer "
            "called generate(). Pass --model or set INSPECT_EVAL_MODEL."
        )
