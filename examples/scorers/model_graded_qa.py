import re
from collections.abc import Callable

from inspect_ai import Task, task
from inspect_ai.dataset import example_dataset
from inspect_ai.model import Model, ModelOutput, get_model
from inspect_ai.scorer import Score, Scorer, Target, accuracy, scorer
from inspect_ai.solver import TaskState, generate
from inspect_ai.util import resource

MODEL_GRADED_QA_TEMPLATE = f"""
You are assessing a submitted answer on a given task based on a
criterion. Here is the data:

[BEGIN DATA]
***
[Task]: {{question}}
***
[Submission]: {{answer}}
***
[Criterion]: {{criterion}}
***
[END DATA]

Does the submission meet the criterion?

Reasoning:
"""  # noqa: F541 (an f-string, as in the guide)


@scorer(metrics=[accuracy()])
def model_graded_qa(
    template: str = MODEL_GRADED_QA_TEMPLATE,
    extractor: Callable[[ModelOutput], str] | None = None,
    model: str | Model | None = None,
) -> Scorer:
    # resolve model
    grader_model = get_model(model)

    # resolve grading template
    template = resource(template)

    # provide default scoring function if required
    extractor = extractor if extractor else extract_grade

    async def score(state: TaskState, target: Target) -> Score:
        # format the scoring template
        score_prompt = template.format(
            question=state.input_text,
            answer=state.output.completion,
            criterion=target.text,
        )

        # query the model for the score
        score = await grader_model.generate(score_prompt)

        # return score (reduced by extractor) with explanation
        return Score(
            value=extractor(score),
            explanation=score.completion,
        )

    return score


def extract_grade(output: ModelOutput) -> str:
    text: str = output.completion
    match = re.search("Grade: .", text)
    if match is None:
        raise ValueError("No grade found in model output.")
    return text[match.end() - 1]


@task
def security_guide_graded():
    return Task(
        dataset=example_dataset("security_guide"),
        plan=[generate()],
        scorer=model_graded_qa(),
    )
