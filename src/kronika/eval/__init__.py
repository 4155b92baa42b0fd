"""Evaluation on labelled data made by others: ``kronika eval`` and the pinned baselines."""
