"""The one module that knows where the project's data files live."""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "hckg.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
QUERIES_DIR = ONTOLOGY_DIR / "queries"
GAZETTEER = ONTOLOGY_DIR / "gazetteer" / "gazetteer.csv"
SETTLEMENTS = ONTOLOGY_DIR / "gazetteer" / "settlements.csv"
COUNTRY_NAMES = ONTOLOGY_DIR / "gazetteer" / "country_names.csv"
ALIASES = ONTOLOGY_DIR / "aliases.csv"
MODELS_DIR = PACKAGE / "models"
KK_NER_MODEL = MODELS_DIR / "kk_ner"
PATTERNS_DIR = PACKAGE / "patterns"        # trigger tables: patterns/<lang>/<table>.json (kg.patterns)
DATA_DIR = ROOT / "data"
SEEDS_DIR = ROOT / "seeds"
KK_PLACE_NAMES = ONTOLOGY_DIR / "gazetteer" / "place_names_kk.csv"
