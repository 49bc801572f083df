"""Places known before reading: regions (the gazetteer), their capitals, and countries (ISO 3166-1).

Data with ids: every ``Place`` carries the entity key the extractors emit, so a match is already linked.
"""
from __future__ import annotations

import csv
import gettext
from dataclasses import dataclass, field
from functools import lru_cache

from . import paths
from .iris import make_key
from .vocab import WD


@dataclass(frozen=True)
class Place:
    key: str                                   # "region:RU-LIP", "country:RU", "settlement:липецк"
    cls: str                                   # Region | Settlement | Country
    labels: dict = field(hash=False)           # lang -> canonical name
    aliases: dict = field(hash=False)          # lang -> other names (short forms, abbreviations)
    iso: str | None = None
    qid: str | None = None
    parent: str | None = None                  # key of the region / country it is part of
    country: str | None = None                 # alpha-2
    kind: str | None = None                    # gazetteer type: oblast, republic, federal_city…

    @property
    def is_city(self) -> bool:
        """A region that is itself a city (Москва, Шымкент): settlements are not part of it."""
        return self.kind in ("federal_city", "city_of_republican_significance")

    def names(self, lang: str) -> list[str]:
        out = [self.labels[lang]] if self.labels.get(lang) else []
        return out + list(self.aliases.get(lang, ()))

    def wikidata(self):
        return WD[self.qid] if self.qid else None


@dataclass
class Gazetteer:
    places: dict[str, Place]

    def get(self, key: str) -> Place | None:
        return self.places.get(key)

    def by_class(self, cls: str) -> list[Place]:
        return [p for p in self.places.values() if p.cls == cls]

    def __iter__(self):
        return iter(self.places.values())


def region_key(row: dict) -> str:
    if row["iso_code"]:
        return f"region:{row['iso_code']}"
    if row["wikidata_qid"]:
        return f"region:{row['wikidata_qid']}"
    return make_key("region", row["name_ru"])


def _region_aliases(row: dict) -> dict:
    """Short forms the press uses: 'Кемеровская область - Кузбасс' -> also 'Кемеровская область', 'Кузбасс'."""
    ru = []
    name = row["name_ru"]
    for sep in (" - ", " — "):
        if sep in name:
            ru.extend(part.strip() for part in name.split(sep))
    if name.startswith("Республика ") and "(" not in name:
        ru.append(name[len("Республика "):])          # "Республика Татарстан" -> "Татарстан"
    if "(" in name:
        inner = name[name.index("(") + 1:name.index(")")]
        ru.extend([name[:name.index("(")].strip(), inner])
    return {"ru": [a for a in dict.fromkeys(ru) if a and a != name], "kk": [], "en": []}


def _countries() -> dict[str, Place]:
    import pycountry

    def tr(lang):
        try:
            return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
        except OSError:
            return lambda s: s

    ru, kk = tr("ru"), tr("kk")
    overrides = {}
    with open(paths.COUNTRY_NAMES, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            overrides[row["alpha2"]] = row
    places = {}
    for c in pycountry.countries:
        en = getattr(c, "common_name", None) or c.name
        labels = {"ru": ru(c.name), "kk": kk(c.name), "en": en}
        aliases = {"ru": [], "kk": [], "en": [c.name] if c.name != en else []}
        row = overrides.get(c.alpha_2)
        if row:
            for lang in ("ru", "kk", "en"):
                if row[f"name_{lang}"]:
                    if labels[lang] != row[f"name_{lang}"] and labels[lang] not in aliases[lang]:
                        aliases[lang].append(labels[lang])
                    labels[lang] = row[f"name_{lang}"]
            for lang in ("ru", "kk"):
                aliases[lang] += [a for a in row[f"aliases_{lang}"].split(";") if a and a not in aliases[lang]]
        if getattr(c, "official_name", None):
            aliases["en"].append(c.official_name)
        labels = {k: v for k, v in labels.items() if v}
        key = f"country:{c.alpha_2}"
        places[key] = Place(key, "Country", labels, aliases, iso=c.alpha_2, country=c.alpha_2)
    return places


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    places = _countries()
    with open(paths.GAZETTEER, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        key = region_key(row)
        labels = {lang: row[f"name_{lang}"] for lang in ("ru", "kk", "en") if row[f"name_{lang}"]}
        if row["type"] == "city_of_republican_significance":
            labels.setdefault("kk", row["name_ru"])           # a Kazakh city's name is the same word
        places[key] = Place(key, "Region", labels, _region_aliases(row), iso=row["iso_code"] or None,
                            qid=row["wikidata_qid"] or None, parent=f"country:{row['country']}",
                            country=row["country"], kind=row["type"])
    for row in rows:
        capital = row["capital_ru"]
        if not capital or capital == row["name_ru"]:
            continue  # a city that is itself the region (Москва, Шымкент) is the Region resource
        key = make_key("settlement", capital)
        if key in places:
            continue
        places[key] = Place(key, "Settlement", {"ru": capital}, {"ru": [], "kk": [], "en": []},
                            parent=region_key(row), country=row["country"])
    return Gazetteer(places)
