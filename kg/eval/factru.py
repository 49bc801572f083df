"""Reader of the factRuEval-2016 layout (one folder per split: book_N.txt + .spans/.objects/.coref/.facts).

Texts are decoded exactly as the build decodes a .txt (``kg.sources.decode``); the .spans offsets are
code-point offsets into that string (checked by tests against every span and token of the devset).

Gold mentions: every object (``.objects``) becomes one mention spanning from the first character of its
first span to the last character of its last span. Object types map onto evaluation classes by
``GOLD_CLASSES``; other types (Project...) are not scored.

Occupation facts: each slot holds one or more references ``objN`` (a coreference entity of ``.coref``:
every mention object of that entity in the document counts) or ``spanN`` (one span), joined by `` | ``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..sources import decode
from .spans import Span

GOLD_CLASSES = {"Person": "Person", "Location": "Location", "LocOrg": "Location",
                "Org": "Organization", "Facility": "Organization"}
_REF = re.compile(r"\b(obj|span)(\d+)\b")


@dataclass
class GoldFact:
    id: str
    kind: str
    slots: dict[str, list[tuple[str, str]]]      # slot -> [("obj"|"span", id)]


@dataclass
class FactruDoc:
    name: str                                  # the .txt file name: the graph's hc:sourceFile
    text: str
    spans: dict[str, tuple[int, int, list[str]]] = field(default_factory=dict)   # id -> (begin, end, tokens)
    objects: dict[str, tuple[str, list[str]]] = field(default_factory=dict)      # id -> (type, span ids)
    coref: dict[str, list[str]] = field(default_factory=dict)                    # entity id -> object ids
    facts: list[GoldFact] = field(default_factory=list)

    def object_span(self, obj: str) -> Span:
        ranges = [self.spans[s][:2] for s in self.objects[obj][1] if s in self.spans]
        begin, end = min(b for b, _ in ranges), max(e for _, e in ranges)
        return Span(self.name, begin, end, self.text[begin:end])

    def ref_spans(self, refs: list[tuple[str, str]]) -> list[Span]:
        """Spans of references: a coreference entity -> all its mention objects; a span -> itself."""
        out = []
        for kind, ident in refs:
            if kind == "span" and ident in self.spans:
                begin, end, _ = self.spans[ident]
                out.append(Span(self.name, begin, end, self.text[begin:end]))
            elif kind == "obj":
                objects = self.coref.get(ident) or ([ident] if ident in self.objects else [])
                out.extend(self.object_span(o) for o in objects if o in self.objects)
        return out

    def gold_mentions(self) -> dict[str, list[Span]]:
        out: dict[str, list[Span]] = {cls: [] for cls in sorted(set(GOLD_CLASSES.values()))}
        for obj, (kind, _) in sorted(self.objects.items()):
            if kind in GOLD_CLASSES:
                out[GOLD_CLASSES[kind]].append(self.object_span(obj))
        return out


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def _read_spans(path: Path) -> dict:
    out = {}
    for line in _lines(path):
        left, _, right = line.partition("#")
        parts = left.split()
        if len(parts) < 6:
            continue
        begin, n_tokens = int(parts[2]), int(parts[5])
        out[parts[0]] = (begin, begin + int(parts[3]), right.split()[n_tokens:])
    return out


def _read_objects(path: Path) -> dict:
    out = {}
    for line in _lines(path):
        parts = line.partition("#")[0].split()
        if len(parts) >= 3:
            out[parts[0]] = (parts[1], parts[2:])
    return out


def _blocks(path: Path) -> list[list[str]]:
    blocks, current = [], []
    for line in _lines(path) + [""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    return blocks


def _read_coref(path: Path) -> dict:
    return {b[0].split()[0]: b[0].split()[1:] for b in _blocks(path) if b[0].split()[0].isdigit()}


def _read_facts(path: Path) -> list[GoldFact]:
    facts = []
    for block in _blocks(path):
        head = block[0].split()
        slots: dict[str, list[tuple[str, str]]] = {}
        for line in block[1:]:
            slot, _, rest = line.partition(" ")
            slots.setdefault(slot, []).extend(_REF.findall(rest))
        facts.append(GoldFact(head[0], head[1] if len(head) > 1 else "", slots))
    return facts


def read_doc(txt: Path) -> FactruDoc:
    stem = txt.with_suffix("")
    doc = FactruDoc(txt.name, decode(txt.read_bytes(), txt.name))
    doc.spans = _read_spans(stem.with_suffix(".spans"))
    doc.objects = _read_objects(stem.with_suffix(".objects"))
    doc.coref = _read_coref(stem.with_suffix(".coref"))
    doc.facts = _read_facts(stem.with_suffix(".facts"))
    return doc


def doc_files(folder: Path) -> list[Path]:
    """The split's texts in numeric order (book_2 before book_10)."""
    def order(p: Path):
        digits = re.findall(r"\d+", p.stem)
        return (int(digits[-1]) if digits else 0, p.name)
    return sorted((p for p in Path(folder).glob("*.txt") if p.with_suffix(".objects").exists()), key=order)


def read_split(folder: Path) -> list[FactruDoc]:
    return [read_doc(p) for p in doc_files(folder)]
