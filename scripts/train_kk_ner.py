"""Train the Kazakh NER model shipped in ``kg/models/kk_ner`` (``make train-kk``).

Reproducible: fixed seeds, a deterministic train / held-out split (``kg.nlp.kk.corpus.is_held_out``: stable
blake2b hash of the sentence, 15 % held out), CPU only, nothing downloaded. The held-out part is used only
to report scores (the last model is kept; no checkpoint is selected on it).

    python scripts/train_kk_ner.py [--epochs N] [--work build/kk_ner] [--out kg/models/kk_ner]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.cli.train import train  # noqa: E402
from spacy.scorer import Scorer  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.training import Example  # noqa: E402

from kg import paths  # noqa: E402
from kg.nlp.kk import features, lexicon  # noqa: E402,F401  (registers kg_kk_features)
from kg.nlp.kk.corpus import split_docs  # noqa: E402
from kg.nlp.kk.lang import Kazakh  # noqa: E402,F401  (registers "kk")

DATA = paths.DATA_DIR / "kaznerd" / "IOB2_valid.txt"

# The shipped model: gazetteer / lexicon word classes (kg.nlp.kk.features, in token.tag_) embedded beside the
# lexical attributes, a wider tok2vec. ``--plain`` is the previous model's configuration (for comparison).
SETTINGS = {
    "features": {"width": 128, "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG"],
                 "rows": [10000, 5000, 4000, 1000, 50], "pipeline": ["kg_kk_features", "tok2vec", "ner"]},
    "plain": {"width": 96, "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [6000, 3000, 2000, 800],
              "pipeline": ["tok2vec", "ner"]},
}
FEATURES_BLOCK = """[components.kg_kk_features]
factory = "kg_kk_features"

"""


def config_text(setting: str, epochs: int, eval_frequency: int) -> str:
    s = SETTINGS[setting]
    features = "kg_kk_features" in s["pipeline"]
    return CONFIG % {"width": s["width"], "epochs": epochs, "eval_frequency": eval_frequency,
                     "attrs": json.dumps(s["attrs"]), "rows": json.dumps(s["rows"]),
                     "pipeline": json.dumps(s["pipeline"]), "features": FEATURES_BLOCK if features else "",
                     "annotating": json.dumps(["kg_kk_features"] if features else [])}

CONFIG = """
[paths]
train = null
dev = null

[system]
gpu_allocator = null
seed = 0

[nlp]
lang = "kk"
pipeline = %(pipeline)s
batch_size = 256
tokenizer = {"@tokenizers":"spacy.Tokenizer.v1"}

[components]

%(features)s[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = %(width)d
attrs = %(attrs)s
rows = %(rows)s
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = %(width)d
depth = 4
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = %(width)d
upstream = "*"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}
max_length = 0

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${system.seed}
gpu_allocator = ${system.gpu_allocator}
dropout = 0.15
accumulate_gradient = 1
patience = 0
max_epochs = %(epochs)d
max_steps = 0
eval_frequency = %(eval_frequency)d
frozen_components = []
annotating_components = %(annotating)s
before_to_disk = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


def write_corpus(work: Path) -> tuple[list[Doc], list[Doc]]:
    vocab = spacy.blank("kk").vocab
    train_docs, held_docs = split_docs(vocab, DATA)
    DocBin(docs=train_docs, store_user_data=False).to_disk(work / "train.spacy")
    DocBin(docs=held_docs, store_user_data=False).to_disk(work / "held_out.spacy")
    return train_docs, held_docs


def evaluate(model_dir: Path, held_docs: list[Doc]) -> dict:
    """spaCy's scorer on the held-out sentences (gold tokenization), per label and for the groups we track."""
    nlp = spacy.load(model_dir)
    examples = []
    for gold in held_docs:
        pred = nlp(Doc(nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold]))
        examples.append(Example(pred, gold))
    scores = Scorer.score_spans(examples, "ents")
    per_type = {k: {m: round(v, 4) for m, v in d.items()} for k, d in scores["ents_per_type"].items()}
    grouped = {}
    for name, labels in {"ORG+FAC": {"ORG", "FAC"}}.items():
        sub = [_relabel(ex, labels, name) for ex in examples]
        s = Scorer.score_spans(sub, "ents")
        grouped[name] = {"p": round(s["ents_p"], 4), "r": round(s["ents_r"], 4), "f": round(s["ents_f"], 4)}
    return {"overall": {"p": round(scores["ents_p"], 4), "r": round(scores["ents_r"], 4),
                        "f": round(scores["ents_f"], 4)},
            "per_type": per_type, "grouped": grouped,
            "gold_counts": dict(Counter(e.label_ for d in held_docs for e in d.ents))}


def _relabel(example: Example, labels: set, name: str) -> Example:
    def keep(doc):
        out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        out.ents = [spacy.tokens.Span(out, e.start, e.end, label=name) for e in doc.ents if e.label_ in labels]
        return out
    return Example(keep(example.predicted), keep(example.reference))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "kk_ner")
    ap.add_argument("--out", type=Path, default=paths.KK_NER_MODEL)
    ap.add_argument("--plain", action="store_true", help="the previous configuration: no features, width 96")
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    train_docs, held_docs = write_corpus(args.work)
    print(f"train {len(train_docs)} sentences, held-out {len(held_docs)}", flush=True)
    steps_per_epoch = 250
    cfg = args.work / "config.cfg"
    cfg.write_text(config_text("plain" if args.plain else "features", args.epochs, steps_per_epoch * 4),
                   encoding="utf-8")
    started = time.time()
    train(cfg, args.work / "run", use_gpu=-1, overrides={"paths.train": str(args.work / "train.spacy"),
                                                            "paths.dev": str(args.work / "held_out.spacy")})
    minutes = (time.time() - started) / 60
    last = args.work / "run" / "model-last"
    keep = {p.name for p in args.out.glob("README*")}
    for item in args.out.iterdir() if args.out.exists() else ():
        if item.name not in keep:
            shutil.rmtree(item) if item.is_dir() else item.unlink()
    shutil.copytree(last, args.out, dirs_exist_ok=True)
    lexicon.write(args.out / lexicon.FILENAME, train_docs)
    metrics = evaluate(args.out, held_docs)
    metrics["train_minutes"] = round(minutes, 1)
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    print(json.dumps(metrics, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
