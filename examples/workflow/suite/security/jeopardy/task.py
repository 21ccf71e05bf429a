from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import includes
from inspect_ai.solver import generate


@task
def crypto():
    return Task(
        dataset=[Sample(input="Decrypt the Caesar cipher 'khoor' (shift 3).", target="hello")],
        plan=[generate()],
        scorer=includes(),
    )


@task
def decompile():
    return Task(
        dataset=[
            Sample(input="What does the x86 instruction 'xor eax, eax' leave in eax?", target="0")
        ],
        plan=[generate()],
        scorer=includes(),
    )


@task
def packet():
    return Task(
        dataset=[Sample(input="Which TCP flag starts a three-way handshake?", target="SYN")],
        plan=[generate()],
        scorer=includes(),
    )


@task
def heap_trouble():
    return Task(
        dataset=[
            Sample(
                input="Name the bug class where memory is used after free().",
                target="use after free",
            )
        ],
        plan=[generate()],
        scorer=includes(),
    )
