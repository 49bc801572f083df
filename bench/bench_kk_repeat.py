"""Timing of the Kazakh pipeline and extractors on N repeated sentences (a pathological input that was
quadratic in the sentence splitter, the entity clean-up and the extractors): python bench/bench_kk_repeat.py 400 1600"""
from __future__ import annotations

import sys
import time

from kg.extract.context import Ctx
from kg.extract.pipeline import CTX, extraction
from kg.nlp import pipeline
from kg.records import Article

SENTENCE = "Шымкент қаласының әкімі Ғабит Сыздықбеков жаңа ауруханаға барды, деп хабарлайды Kazinform."


def main(sizes: list[int]) -> None:
    nlp, stage = pipeline("kk"), extraction("kk")
    for n in sizes:
        text = " ".join([SENTENCE] * n)
        doc = nlp.make_doc(text)
        times = {}
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            times[name] = time.perf_counter() - t
        ctx = Ctx(Article(id="b", source="b.txt", text=text, language="kk", date="2026-02-20"), doc, "kk")
        doc._.set(CTX, ctx)
        for name, proc in stage.pipeline:          # trigger components, then the extractors, in STEPS order
            t = time.perf_counter()
            proc(doc)
            times[name] = time.perf_counter() - t
        doc._.set(CTX, None)
        print(n, len(doc), " ".join(f"{k}={v:.2f}" for k, v in times.items() if v >= 0.01), flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [400, 1600])
