"""Temporary shim (kept until a running evaluation finishes): natasha_spans lives in kg.eval.runner."""
from .runner import NATASHA_CLASSES, natasha_spans  # noqa: F401
