"""Scoring: scorers, metrics, epoch reducers, scores and their values."""

from inspect_ai._scorer.intermediate import score
from inspect_ai._scorer.metric import Metric, MetricValue, metric
from inspect_ai._scorer.metrics.accuracy import accuracy
from inspect_ai._scorer.metrics.bootstrap import bootstrap_std, bootstrap_stderr
from inspect_ai._scorer.metrics.mean import mean, std, var
from inspect_ai._scorer.metrics.stderr import stderr
from inspect_ai._scorer.multi import multi_scorer
from inspect_ai._scorer.reducer import ScoreReducer, ScoreReducers, score_reducer
from inspect_ai._scorer.reducers.builtin import (
    at_least,
    max_score,
    mean_score,
    median_score,
    mode_score,
    pass_at,
)
from inspect_ai._scorer.sample_score import SampleScore
from inspect_ai._scorer.score import Score, Value, ValueScalar
from inspect_ai._scorer.scorer import Scorer, scorer
from inspect_ai._scorer.scorers.answer import answer
from inspect_ai._scorer.scorers.choice import choice
from inspect_ai._scorer.scorers.exact import exact
from inspect_ai._scorer.scorers.f1 import f1
from inspect_ai._scorer.scorers.includes import includes
from inspect_ai._scorer.scorers.match import match
from inspect_ai._scorer.scorers.model_graded import model_graded_fact, model_graded_qa
from inspect_ai._scorer.scorers.pattern import pattern
from inspect_ai._scorer.target import Target
from inspect_ai._scorer.value_to_float import (
    CORRECT,
    INCORRECT,
    NOANSWER,
    PARTIAL,
    ValueToFloat,
    value_to_float,
)

__all__ = [
    "CORRECT",
    "INCORRECT",
    "NOANSWER",
    "PARTIAL",
    "Metric",
    "MetricValue",
    "SampleScore",
    "Score",
    "ScoreReducer",
    "ScoreReducers",
    "Scorer",
    "Target",
    "Value",
    "ValueScalar",
    "ValueToFloat",
    "accuracy",
    "answer",
    "at_least",
    "bootstrap_std",
    "bootstrap_stderr",
    "choice",
    "exact",
    "f1",
    "includes",
    "match",
    "max_score",
    "mean",
    "mean_score",
    "median_score",
    "metric",
    "mode_score",
    "model_graded_fact",
    "model_graded_qa",
    "multi_scorer",
    "pass_at",
    "pattern",
    "score_reducer",
    "score",
    "scorer",
    "std",
    "stderr",
    "value_to_float",
    "var",
]
