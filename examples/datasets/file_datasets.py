# 7.1 Overview and 7.2 Dataset Samples: reading CSV and JSON datasets.
from inspect_ai import Task, task
from inspect_ai.dataset import csv_dataset, json_dataset
from inspect_ai.scorer import includes
from inspect_ai.solver import generate

dataset1 = csv_dataset("dataset1.csv")
dataset2 = json_dataset("dataset2.json")


@task
def csv_task():
    return Task(dataset=dataset1, plan=[generate()], scorer=includes())


@task
def json_task():
    return Task(dataset=dataset2, plan=[generate()], scorer=includes())


@task
def security_guide_csv():
    dataset = csv_dataset("security_guide.csv")
    return Task(dataset=dataset, plan=[generate()], scorer=includes())
