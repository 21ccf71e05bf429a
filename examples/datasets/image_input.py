# 7.7 Image Input: an image in a dataset file, and the same input built in code.
from inspect_ai import Task, task
from inspect_ai.dataset import Sample, json_dataset
from inspect_ai.model import ChatMessageUser, ContentImage, ContentText
from inspect_ai.scorer import model_graded_fact
from inspect_ai.solver import generate


@task
def images():
    return Task(
        dataset=json_dataset("images.json"),
        plan=[generate()],
        scorer=model_graded_fact(),
    )


@task
def images_in_code():
    return Task(
        dataset=[
            Sample(
                input=[
                    ChatMessageUser(
                        content=[
                            ContentText(text="What is this a picture of?"),
                            ContentImage(image="picture.png"),
                        ]
                    )
                ],
                target="a red square",
            )
        ],
        plan=[generate()],
        scorer=model_graded_fact(),
    )
