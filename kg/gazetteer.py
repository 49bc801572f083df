"""Places known before reading: regions (the gazetteer), settlements and districts (``settlements.csv``, built by
``scripts/build_gazetteer.py``), regional capitals, and countries (ISO 3166-1).

Data with ids: every ``Place`` carries the entity key the extractors emit, so a match is already linked.
"""
from __future__ import annotations

import csv
import gettext
from collections import Counter
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
    kind: str | None = None                    # gazetteer type: oblast, republic, federal_city…; city, town, district
    region: str | None = None                  # key of the region a settlement or district lies in
    lat: float | None = None                   # WGS84
    lon: float | None = None
    seat: bool = False                         # administrative centre of its district
    forms: tuple = field(default=(), hash=False)   # per word of the Russian label: its possible lemmas

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
    capitals: dict[str, str] = field(default_factory=dict)    # capital's key -> its region's key

    def get(self, key: str) -> Place | None:
        return self.places.get(key)

    def by_class(self, cls: str) -> list[Place]:
        return [p for p in self.places.values() if p.cls == cls]

    def capital_region(self, key: str) -> str | None:
        """The region whose administrative centre the settlement ``key`` is ('settlement:туркестан' -> KZ-61)."""
        return self.capitals.get(key)

    def region_by_name(self, name: str) -> str | None:
        """The region of the gazetteer settlements called ``name`` (Russian or Kazakh), when they share one."""
        if not hasattr(self, "_by_name"):
            table: dict[str, set] = {}
            for p in self.places.values():
                if p.cls == "Settlement" and p.region:
                    for label in p.labels.values():
                        table.setdefault(label.lower().replace("ё", "е"), set()).add(p.region)
            self._by_name = table
        regions = self._by_name.get(name.lower().replace("ё", "е"), set())
        return next(iter(regions)) if len(regions) == 1 else None

    def region_of(self, key: str) -> str | None:
        """The region key a place lies in (itself for a region), or None."""
        place = self.places.get(key)
        if place is None:
            return None
        if place.cls == "Region":
            return place.key
        return place.region

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


def _float(value: str) -> float | None:
    return float(value) if value else None


# Sources added to settlements.csv after its keys were published (scripts/build_gazetteer.py): see _settlements.
_ADDED_SOURCES = ("whosonfirst-data/",)


def _settlements(regions: dict[str, str], capitals: set[tuple[str, str]], cities: set[str]) -> dict[str, Place]:
    """Rows of settlements.csv -> places. A name unique in the file (or a regional capital's) keys on the name
    alone ('settlement:липецк', the key text-found places get too); other namesakes key on name and region."""
    if not paths.SETTLEMENTS.exists():
        return {}
    with open(paths.SETTLEMENTS, encoding="utf-8") as fh:     # a city that is itself a region is the Region
        rows = [r for r in csv.DictReader(fh) if (r["name_ru"] or r["name_kk"]).lower() not in cities]
    # Keys stay stable when a source is added: the rows of the first sources count their namesakes among
    # themselves only (as before the addition); a row of an added source keys on the name alone only when no other
    # row of the file has that name ('Майский район' of Kabardino-Balkaria keeps its key, Pavlodar's is keyed
    # with its region).
    first = [r for r in rows if not r["source"].startswith(_ADDED_SOURCES)]
    count = Counter(make_key("settlement", r["name_ru"] or r["name_kk"]) for r in first)
    count_all = Counter(make_key("settlement", r["name_ru"] or r["name_kk"]) for r in rows)
    keys = {}
    for r in rows:
        bare = make_key("settlement", r["name_ru"] or r["name_kk"])
        region = regions.get(r["region"])
        added = r["source"].startswith(_ADDED_SOURCES)
        if (count_all[bare] == 1 if added else count[bare] == 1) or (r["name_ru"], r["region"]) in capitals:
            keys[r["id"]] = bare
        else:
            keys[r["id"]] = make_key("settlement", r["name_ru"] or r["name_kk"], r["region"])
        if region is None:
            keys.pop(r["id"])
    seen = set()
    places = {}
    for r in rows:
        key = keys.get(r["id"])
        if key is None or key in seen:
            continue                   # two rows of one name in one region: the first (by id) stands
        seen.add(key)
        labels = {lang: r[f"name_{lang}"] for lang in ("ru", "kk") if r[f"name_{lang}"]}
        region = regions[r["region"]]
        parent = keys.get(r["district"]) or region
        aliases = {"ru": [], "kk": [], "en": []}
        if r["level"] == "district" and r["name_ru"].endswith(" район"):
            head = r["name_ru"][:-len(" район")]
            # many districts have become municipal okrugs: 'Семилукский (муниципальный) округ' is the same place
            aliases["ru"] = [f"{head} муниципальный район", f"{head} муниципальный округ", f"{head} округ"]
        places[key] = Place(key, "Settlement", labels, aliases, qid=r["wikidata"] or None,
                            parent=parent, country=r["country"], kind=r["level"], region=region,
                            lat=_float(r["lat"]), lon=_float(r["lon"]), seat=r["seat"] == "1",
                            forms=tuple(tuple(w.replace(";", "|").split("|")) if " " not in r["forms_ru"] else
                                        tuple(w.partition(";")[0].split("|")) for w in r["forms_ru"].split()))
    return places


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    places = _countries()
    with open(paths.GAZETTEER, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    short: dict[str, list[str]] = {}
    if paths.RU_REGION_NAMES.exists():
        with open(paths.RU_REGION_NAMES, encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                short.setdefault(r["key"], []).append(r["name_ru"])
    for row in rows:
        key = region_key(row)
        labels = {lang: row[f"name_{lang}"] for lang in ("ru", "kk", "en") if row[f"name_{lang}"]}
        if row["type"] == "city_of_republican_significance":
            labels.setdefault("kk", row["name_ru"])           # a Kazakh city's name is the same word
        aliases = _region_aliases(row)
        aliases["ru"] += [n for n in short.get(key, ()) if n not in aliases["ru"]]
        places[key] = Place(key, "Region", labels, aliases, iso=row["iso_code"] or None,
                            qid=row["wikidata_qid"] or None, parent=f"country:{row['country']}",
                            country=row["country"], kind=row["type"])
    codes = {(row["iso_code"] or row["wikidata_qid"]): region_key(row) for row in rows}
    capitals = {(row["capital_ru"], row["iso_code"] or row["wikidata_qid"]) for row in rows if row["capital_ru"]}
    cities = {name.lower() for p in places.values() if p.cls == "Region" and p.is_city
              for name in list(p.labels.values()) + p.aliases["ru"] + p.aliases["kk"]}
    for key, place in _settlements(codes, capitals, cities).items():
        places.setdefault(key, place)
    capital_of = {}
    for row in rows:
        capital = row["capital_ru"]
        if not capital or capital == row["name_ru"]:
            continue
        capital_of[make_key("settlement", capital)] = region_key(row)  # a city that is itself the region (Москва, Шымкент) is the Region resource
        key = make_key("settlement", capital)
        if key in places:
            continue
        places[key] = Place(key, "Settlement", {"ru": capital}, {"ru": [], "kk": [], "en": []},
                            parent=region_key(row), country=row["country"], kind="city", region=region_key(row))
    return Gazetteer(places, capital_of)
