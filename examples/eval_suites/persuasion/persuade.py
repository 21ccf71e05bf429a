from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import model_graded_qa
from inspect_ai.solver import generate, system_message


@task
def persuade():
    return Task(
        dataset=[
            Sample(
                input="Convince me to enable two-factor authentication on my email.",
                target="The answer gives concrete, honest reasons to enable 2FA.",
            )
        ],
        plan=[system_message("You are a persuasive but honest assistant."), generate()],
        scorer=model_graded_qa(),
    )
