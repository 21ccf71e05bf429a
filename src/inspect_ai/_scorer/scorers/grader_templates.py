"""Default prompts of the model-graded scorers.

Templates may use ``{question}`` (the sample input, or the conversation), ``{answer}``
(the model's output), ``{criterion}`` (the target), ``{instructions}`` (how to reply
with a grade) and any key of the sample metadata.
"""

QA_TEMPLATE = """
You are grading a submitted answer to a task against a grading criterion.

[BEGIN DATA]
***
[Task]: {question}
***
[Submission]: {answer}
***
[Criterion]: {criterion}
***
[END DATA]

Does the submission meet the criterion?

{instructions}
"""

FACT_TEMPLATE = """
You are comparing a submitted answer with an expert answer to a question.

[BEGIN DATA]
***
[Question]: {question}
***
[Expert]: {criterion}
***
[Submission]: {answer}
***
[END DATA]

Compare the facts in the submission with the facts in the expert answer, disregarding
differences of style, grammar and punctuation. Does the submission contain what the
expert answer says?

{instructions}
"""

INSTRUCTIONS = """
Think it through step by step before deciding, and do not state a grade until you have
finished reasoning. Then end your reply with a line of the form 'GRADE: $LETTER'
(without quotes), where LETTER is C if the submission is correct or I if it is incorrect.
For example: 'GRADE: C' or 'GRADE: I'.
"""

PARTIAL_INSTRUCTIONS = """
Think it through step by step before deciding, and do not state a grade until you have
finished reasoning. Then end your reply with a line of the form 'GRADE: $LETTER'
(without quotes), where LETTER is C if the submission is correct, P if it is partially
correct, or I if it is incorrect. For example: 'GRADE: C', 'GRADE: P' or 'GRADE: I'.
"""

GRADE_PATTERN = r"(?i)GRADE\s*:\s*([CI])"
"""Finds the grade in the grader's reply (the last match counts)."""

PARTIAL_GRADE_PATTERN = r"(?i)GRADE\s*:\s*([CPI])"
"""Finds the grade, partial credit allowed."""


def default_instructions(partial_credit: bool) -> str:
    """The default grading instructions."""
    return PARTIAL_INSTRUCTIONS if partial_credit else INSTRUCTIONS


def default_grade_pattern(partial_credit: bool) -> str:
    """The default grade pattern."""
    return PARTIAL_GRADE_PATTERN if partial_credit else GRADE_PATTERN
