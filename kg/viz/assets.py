"""Inlined assets: vis-network from the installed pyvis package, the page's own JS/CSS/HTML from static/."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_STATIC = resources.files("kg.viz") / "static"
SCRIPTS = ("util.js", "view.js", "panel.js", "search.js", "controls.js", "main.js")
_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", name))


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The newest vis-network build pyvis ships (pyvis/lib/vis-*/vis-network.min.js)."""
    lib = resources.files("pyvis") / "lib"
    versions = [d for d in lib.iterdir() if d.name.startswith("vis-") and (d / "vis-network.min.js").is_file()]
    if not versions:
        raise FileNotFoundError("pyvis ships no vis-network.min.js under pyvis/lib/vis-*/; reinstall pyvis>=0.3.2")
    newest = max(versions, key=lambda d: _version(d.name))
    return (newest / "vis-network.min.js").read_text(encoding="utf-8")


def static_text(name: str) -> str:
    return (_STATIC / name).read_text(encoding="utf-8")


def safe_inline_script(js: str) -> str:
    """JS that cannot end its <script> element early: '</script' becomes '<\\/script' (same meaning in JS)."""
    return _SCRIPT_END.sub(r"<\\/\1", js)


@lru_cache(maxsize=1)
def page_script() -> str:
    """vis-network, then the page's scripts wrapped in one function scope."""
    own = "\n".join(static_text(name) for name in SCRIPTS)
    return safe_inline_script(vis_network_js() + "\n;(function () {\n'use strict';\n" + own + "\n})();\n")
