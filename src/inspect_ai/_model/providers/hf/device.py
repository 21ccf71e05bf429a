"""The torch device a Hugging Face model runs on."""

import torch


def default_device() -> str:
    """``cuda`` when CUDA is available, else ``mps`` (Apple silicon), else ``cpu``."""
    if torch.cuda.is_available():
        return "cuda"
    if torch.backends.mps.is_available():
        return "mps"
    return "cpu"


def checked_device(device: str) -> str:
    """``device`` when torch knows it (``cpu``, ``cuda:0``, ``mps``, ...).

    Raises:
        ValueError: torch does not know the device, in one line.
    """
    try:
        torch.device(device)
    except (RuntimeError, TypeError) as ex:
        raise ValueError(f"Invalid device for hf/ models: {device!r} ({ex})") from None
    return device
