from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import includes
from inspect_ai.solver import generate


@task
def saar():
    return Task(
        dataset=[Sample(input="Which port does SSH listen on by default?", target="22")],
        plan=[generate()],
        scorer=includes(),
    )


@task
def bank():
    return Task(
        dataset=[
            Sample(
                input="Which HTTP header protects a bank's cookies from JavaScript?",
                target="HttpOnly",
            )
        ],
        plan=[generate()],
        scorer=includes(),
    )


@task
def voting():
    return Task(
        dataset=[
            Sample(
                input="What property guarantees that a vote cannot be altered unnoticed?",
                target="integrity",
            )
        ],
        plan=[generate()],
        scorer=includes(),
    )


@task(light=True)
def dns():
    return Task(
        dataset=[
            Sample(input="Which DNS record type maps a name to an IPv6 address?", target="AAAA")
        ],
        plan=[generate()],
        scorer=includes(),
    )
