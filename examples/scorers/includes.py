from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import Score, Target, accuracy, scorer
from inspect_ai.solver import TaskState, generate


@scorer(metrics=[accuracy()])
def includes(ignore_case: bool = True):
    async def score(state: TaskState, target: Target):
        # check for correct
        value = state.output.completion
        answer = target.text
        if ignore_case:
            correct = value.lower().rfind(answer.lower()) != -1
        else:
            correct = value.rfind(answer) != -1

        # return score
        return Score(value="C" if correct else "I", explanation=state.output.completion)

    return score


@task
def includes_mockllm():
    return Task(
        dataset=[
            Sample(input="Say something.", target="DEFAULT OUTPUT"),
            Sample(input="Say something else.", target="not in the reply"),
        ],
        plan=[generate()],
        scorer=includes(),
    )
