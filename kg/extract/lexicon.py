"""Trigger lexicons per language, with the sets derived from them."""
from __future__ import annotations

import importlib
from functools import lru_cache
from types import SimpleNamespace


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> SimpleNamespace:
    name = "kk" if lang == "kk" else "ru"
    try:
        module = importlib.import_module(f"kg.extract.lexicon_{name}")
    except ModuleNotFoundError:
        module = importlib.import_module("kg.extract.lexicon_ru")
    lex = SimpleNamespace(**{k: v for k, v in vars(module).items() if k.isupper()})
    lex.lang = name
    lex.EVENT_HEADS = {k[-1] for k in lex.EVENTS}
    lex.ACTING = [tuple(a) for a in lex.ACTING]
    lex.FACILITY_LEMMAS = {h.split()[-1] for h in lex.FACILITY_HEADS}
    lex.MAX_ROLE = max(len(k) for k in lex.ROLES)
    return lex
