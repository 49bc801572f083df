"""Inlined assets: the page's own JS/CSS/HTML from static/ (a canvas renderer of ours; no third-party script)."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_STATIC = resources.files("kg.viz") / "static"
SCRIPTS = ("util.js", "load.js", "render.js", "view.js", "panel.js", "search.js", "controls.js", "main.js")
_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)


def static_text(name: str) -> str:
    return (_STATIC / name).read_text(encoding="utf-8")


def safe_inline_script(js: str) -> str:
    """JS that cannot end its <script> element early: '</script' becomes '<\\/script' (same meaning in JS)."""
    return _SCRIPT_END.sub(r"<\\/\1", js)


@lru_cache(maxsize=1)
def page_script() -> str:
    """The page's scripts wrapped in one function scope."""
    own = "\n".join(static_text(name) for name in SCRIPTS)
    return safe_inline_script(";(function () {\n'use strict';\n" + own + "\n})();\n")
