# 7.3 Field Mapping with a function from record to Sample.
from inspect_ai import Task, task
from inspect_ai.dataset import Sample, json_dataset
from inspect_ai.scorer import match
from inspect_ai.solver import generate


def record_to_sample(record):
    return Sample(
        input=record["question"],
        target=record["answer_matching_behavior"].strip(),
        id=record["question_id"],
        metadata={"label_confidence": record["label_confidence"]},
    )


dataset = json_dataset("popularity.jsonl", record_to_sample)


@task
def popularity():
    return Task(dataset=dataset, plan=[generate()], scorer=match())
