"""Which samples a complete log holds, in the order streaming reads yield them."""

from inspect_ai._log.model.log import EvalLogHeaderFields


def require_complete(header: EvalLogHeaderFields, location: str, required: bool) -> None:
    """Refuse to stream a log that may lack samples, unless the caller accepts that."""
    if required and header.status != "success":
        raise IndexError(
            f"{location} has status '{header.status}', so it may not hold every sample "
            "(pass all_samples_required=False to read the samples it has)"
        )


def expected_samples(header: EvalLogHeaderFields) -> list[tuple[int | str, int]]:
    """Sample ids x epochs a complete log holds, by epoch and then dataset order."""
    ids = header.eval.dataset.sample_ids or []
    epochs = header.eval.config.epochs or 1
    return [(id, epoch) for epoch in range(1, epochs + 1) for id in ids]
