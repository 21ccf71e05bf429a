"""The results of an eval: epoch reductions per sample, then metrics per scorer."""
