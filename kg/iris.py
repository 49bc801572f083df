"""The one place IRIs are minted. ASCII only, deterministic across runs and machines.

Regions by ISO code, countries by alpha-2, everything else by a stable hash of its normalized key;
mentions as ``<article IRI>#char=<begin>,<end>`` (RFC 5147). Never Python's salted ``hash()``.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rdflib import URIRef

from .vocab import DATA

_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_QUOTES = str.maketrans("", "", "«»\"“”„‘’'`")


@lru_cache(maxsize=1 << 16)
def normalize_key(text: str) -> str:
    """Case-, quote-, ё- and whitespace-insensitive form of a name: the part of a key that identifies it."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = text.replace("ё", "е").replace("Ё", "Е").casefold()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return " ".join(text.split())


def stable_hash(text: str, size: int = 8) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=size).hexdigest()


def make_key(kind: str, *parts: str) -> str:
    """An entity key: ``kind:part|part`` with every part normalized. Keys, not IRIs, travel in records."""
    body = "|".join(normalize_key(p) for p in parts)
    if not body.strip("|"):
        raise ValueError(f"an entity key needs a name: {kind}:{parts!r}")
    return kind + ":" + body


def entity_iri(key: str) -> URIRef:
    """The IRI of the resource with this key. ``region:ru-lip`` -> ``id/region/RU-LIP``."""
    kind, _, rest = key.partition(":")
    if not kind or not rest:
        raise ValueError(f"not an entity key: {key!r} (expected 'kind:name')")
    if kind in ("region", "country") and _SAFE.match(rest):
        return DATA[f"{kind}/{rest.upper()}"]
    return DATA[f"{kind}/{stable_hash(key)}"]


def article_iri(source: str, origin: str = "") -> URIRef:
    """An article's IRI from its source path (relative to the input folder, or ``file.jsonl#id``); ``origin``
    (the input folder's name) only when an earlier input folder of the build holds the same path."""
    key = f"article:{source}" if not origin else f"article:{origin}\u0000{source}"
    return DATA[f"article/{stable_hash(key)}"]


def mention_iri(article: URIRef, begin: int, end: int) -> URIRef:
    return URIRef(f"{article}#char={begin},{end}")


GAZETTEER_GRAPH = DATA["graph/gazetteer"]
RESOURCE_GRAPH = DATA["graph/resources"]   # merged descriptions: classes and labels chosen across articles
