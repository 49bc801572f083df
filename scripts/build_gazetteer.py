"""Rebuild ontology/gazetteer/settlements.csv from public sources (facts only; see ontology/gazetteer/SOURCES.md).

    python scripts/build_gazetteer.py --hflabs-city city.csv --dr5hn-kz KZ.json --wof-kz WOF_KZ/data \
        [--out ontology/gazetteer/settlements.csv]

Sources (pinned; fetch them yourself, nothing is downloaded here):
- ``hflabs/city`` ``city.csv`` (commit ae661bff, 2021-10-11), CC BY-SA 4.0: 1,117 Russian towns with region, district
  (``area``), OKTMO, coordinates, population. Its districts (``area_type`` = ``р-н`` / ``у``) become district rows.
- ``dr5hn/countries-states-cities-database`` ``contributions/cities/KZ.json`` (commit 7fda0afd, 2026-08-08),
  ODbL-1.0 (contents DbCL): Kazakh towns and villages with Russian and Kazakh names, coordinates, region code,
  Wikidata id. Ids shared by several rows are evidently wrong in that file and are dropped.
- ``whosonfirst-data/whosonfirst-data-admin-kz`` ``data/**/*.geojson`` (commit 65a9c3ae, 2024-03-05; Who's On First,
  its own work CC0, names from Wikidata CC0 / Mesoshapes CC0; attribution "Data from Who's On First"): the districts
  (аудандар, ``wof:placetype`` county) of Kazakhstan with Russian and Kazakh names, region, label point, Wikidata id.
  Get the tree with ``git -C whosonfirst-data-admin-kz archive 65a9c3ae data | tar -x -C WOF_KZ``.

Output columns: ``id`` (stable within the file), ``country`` (alpha-2), ``region`` (ISO 3166-2), ``level``
(``city``, ``town``, ``district``), ``name_ru``, ``name_kk``, ``district`` (``id`` of the district row it lies in),
``seat`` (1 = administrative centre of its district), ``wikidata``, ``lat``, ``lon`` (WGS84), ``population``,
``code`` (OKTMO for Russia), ``forms_ru`` (per word of ``name_ru``, the normal forms pymorphy2 offers, joined
by ``|``: what a lemmatizer may return for the word in any case, then after ``;`` the word's own case forms;
so the matcher needs no morphology at load time),
``source``. Rows are sorted by id, so a rebuild from the same inputs is byte-identical.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "ontology" / "gazetteer"
COLUMNS = ["id", "country", "region", "level", "name_ru", "name_kk", "district", "seat", "wikidata", "lat", "lon",
           "population", "code", "forms_ru", "source"]
HFLABS = "hflabs/city@ae661bff city.csv (CC BY-SA 4.0)"
DR5HN = "dr5hn/countries-states-cities-database@7fda0afd contributions/cities/KZ.json (ODbL-1.0)"
WOF_KZ = "whosonfirst-data/whosonfirst-data-admin-kz@65a9c3ae data (WOF, CC0/CC BY)"
_TYPE_WORDS = {"республика", "область", "край", "автономный", "автономная", "округ", "-", "—"}


def _region_words(name: str) -> str:
    """'Республика Саха (Якутия)' -> 'саха'; 'Кемеровская область - Кузбасс' -> 'кемеровская'."""
    words = [w for w in name.lower().replace("(", " ").replace(")", " ").replace("/", " ").split()
             if w not in _TYPE_WORDS]
    return words[0] if words else ""


def region_table() -> dict[str, str]:
    out = {}
    with open(GAZ / "gazetteer.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["country"] == "RU" and (row["iso_code"] or row["wikidata_qid"]):
                out[_region_words(row["name_ru"])] = row["iso_code"] or row["wikidata_qid"]
    return out


def _coord(value: str) -> str:
    return f"{float(value):.5f}" if value else ""


def hflabs_rows(path: Path) -> list[dict]:
    regions = region_table()
    rows, districts, seen = [], {}, set()
    with open(path, encoding="utf-8") as fh:
        for src in csv.DictReader(fh):
            region = regions.get(_region_words(src["region"])) or regions.get(_region_words(src["region_type"]))
            if region is None:
                print(f"hflabs: no ISO code for region {src['region']!r} ({src['address']})", file=sys.stderr)
                continue
            name = src["settlement"] or src["city"] or (src["area"] if src["area_type"] == "г" else "")
            if not name:
                continue          # a federal city's own row (Москва): the Region resource
            district = ""
            if src["area_type"] in ("р-н", "у"):
                noun = "район" if src["area_type"] == "р-н" else "улус"
                dname = f"{src['area']} {noun}"
                district = f"RU-D-{region}-{src['area']}"
                districts.setdefault(district, {"id": district, "country": "RU", "region": region,
                                                "level": "district", "name_ru": dname, "source": HFLABS})
            rid = f"RU-{src['oktmo']}" if src["oktmo"] and src["oktmo"] not in seen else f"RU-{src['fias_id']}"
            seen.add(src["oktmo"])
            rows.append({"id": rid, "country": "RU", "region": region,
                         "level": "city", "name_ru": name, "district": district,
                         "seat": "1" if src["capital_marker"] in ("1", "2", "3") and district else "",
                         "lat": _coord(src["geo_lat"]), "lon": _coord(src["geo_lon"]),
                         "population": src["population"], "code": src["oktmo"], "source": HFLABS})
    return rows + list(districts.values())


# The 2022 reform (Decree of the President of Kazakhstan of 8 June 2022 No. 887) made the Abai, Jetisu and Ulytau
# regions out of East Kazakhstan, Almaty and Karaganda; dr5hn still files these towns under the old regions.
# Towns of the moved districts (facts of the decree; Kazakh names as dr5hn writes them) -> new region.
REFORM_2022 = {
    "KZ-10": ("KZ-63", {"Семей", "Курчатов", "Аягөз", "Қарауыл", "Бородулиха", "Георгиевка", "Үржар", "Шар",
                        "Жезкент", "Әуезов"}),
    "KZ-33": ("KZ-19", {"Талдықорған", "Текелі", "Балпық би", "Сарқанд", "Сарыөзек", "Үш-Төбе", "Жаркент",
                        "Лепси", "Матай", "Дружба"}),
    "KZ-62": ("KZ-35", {"Жезқазған", "Қаражал", "Сәтбаев", "Атасу"}),
}


def _kz_region(old: str, name_kk: str) -> str:
    for new, (was, towns) in REFORM_2022.items():
        if old == was and name_kk in towns:
            return new
    return old


def dr5hn_rows(path: Path) -> list[dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    qids = Counter(x.get("wikiDataId") for x in data)
    rows = []
    for x in data:
        if x.get("country_code") != "KZ":
            continue
        ru = (x.get("translations") or {}).get("ru") or ""
        kk = x.get("native") or ""
        if not ru and not kk:
            continue
        qid = x.get("wikiDataId") or ""
        level = {"adm1": "city", "capital": "city"}.get(x.get("type"), "town")
        rows.append({"id": f"KZ-{x['id']}", "country": "KZ", "region": _kz_region(f"KZ-{x['state_code']}", kk), "level": level,
                     "name_ru": ru, "name_kk": kk, "seat": "1" if x.get("type") == "adm2" else "",
                     "wikidata": qid if qid and qids[qid] == 1 else "",
                     "lat": _coord(x.get("latitude") or ""), "lon": _coord(x.get("longitude") or ""),
                     "population": str(x.get("population") or ""), "source": DR5HN})
    return rows


# Districts of the 2022 reform (Decree No. 887 of 8 June 2022, facts): WOF files them under the old regions.
REFORM_2022_DISTRICTS = {
    "KZ-10": ("KZ-63", {"Абайский район", "Аягозский район", "Бескарагайский район", "Бородулихинский район",
                        "Жарминский район", "Кокпектинский район", "Урджарский район"}),
    "KZ-33": ("KZ-19", {"Аксуский район", "Алакольский район", "Ескельдинский район", "Каратальский район",
                        "Кербулакский район", "Коксуский район", "Панфиловский район", "Саркандский район"}),
    "KZ-62": ("KZ-35", {"Жанааркинский район", "Улытауский район"}),
}
# Regions WOF gives no Wikidata id (the capital's region under its 2019-2022 name).
_WOF_REGION_NAMES = {"Нур-Султан": "KZ-71", "Астана": "KZ-71", "Алматы": "KZ-75", "Шымкент": "KZ-79"}


# Districts of the three cities of republican significance (their administrative division, facts): no source above
# lists them (WOF's counties are the rural districts). (Russian, Kazakh) names per city region.
CITY_DISTRICTS = {
    "KZ-71": [("Алматинский район", "Алматы ауданы"), ("Байконурский район", "Байқоңыр ауданы"),
              ("Есильский район", "Есіл ауданы"), ("Нуринский район", "Нұра ауданы"),
              ("Сарыаркинский район", "Сарыарқа ауданы")],
    "KZ-75": [("Алатауский район", "Алатау ауданы"), ("Алмалинский район", "Алмалы ауданы"),
              ("Ауэзовский район", "Әуезов ауданы"), ("Бостандыкский район", "Бостандық ауданы"),
              ("Жетысуский район", "Жетісу ауданы"), ("Медеуский район", "Медеу ауданы"),
              ("Наурызбайский район", "Наурызбай ауданы"), ("Турксибский район", "Түрксіб ауданы")],
    "KZ-79": [("Абайский район", "Абай ауданы"), ("Аль-Фарабийский район", "Әл-Фараби ауданы"),
              ("Енбекшинский район", "Еңбекші ауданы"), ("Каратауский район", "Қаратау ауданы"),
              ("Туранский район", "Тұран ауданы")],
}
CITY_DISTRICTS_SOURCE = "city districts of Astana, Almaty and Shymkent (administrative division, facts)"


def city_district_rows() -> list[dict]:
    return [{"id": f"KZ-CD-{region[3:]}-{i:02d}", "country": "KZ", "region": region, "level": "district",
             "name_ru": ru, "name_kk": kk, "source": CITY_DISTRICTS_SOURCE}
            for region, names in CITY_DISTRICTS.items() for i, (ru, kk) in enumerate(names, 1)]


def _kz_district_region(old: str, name_ru: str) -> str:
    for new, (was, names) in REFORM_2022_DISTRICTS.items():
        if old == was and name_ru in names:
            return new
    return old


def wof_kz_rows(data: Path) -> list[dict]:
    """Who's On First counties of Kazakhstan (its districts, аудандар): current records with a Russian name that
    is a district's ('… район', 'район …'); the region through the parent region's Wikidata id. A district that
    WOF holds twice in one region is kept once (lowest WOF id). Records are read in WOF id order, so the output does
    not depend on the file system."""
    by_qid = {}
    with open(GAZ / "gazetteer.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["country"] == "KZ" and row["wikidata_qid"]:
                by_qid.setdefault(row["wikidata_qid"], row["iso_code"])
    records = []
    for path in sorted(Path(data).rglob("*.geojson")):
        if "-alt-" in path.name:
            continue
        props = json.loads(path.read_text(encoding="utf-8"))["properties"]
        records.append(props)
    regions = {}
    for p in records:
        if p.get("wof:placetype") == "region":
            qid = (p.get("wof:concordances") or {}).get("wd:id")
            name = (p.get("name:rus_x_preferred") or [""])[0]
            iso = by_qid.get(qid) or _WOF_REGION_NAMES.get(name)
            if iso:
                regions[p["wof:id"]] = iso
    qids = Counter((p.get("wof:concordances") or {}).get("wd:id") for p in records)
    current = [p for p in sorted(records, key=lambda p: p["wof:id"])
               if p.get("wof:placetype") == "county" and p.get("iso:country") == "KZ" and p.get("mz:is_current") != 0
               and not p.get("edtf:deprecated") and not p.get("wof:superseded_by")]
    # A record without Russian and Kazakh names whose (transliterated) WOF name is that of a named district in
    # another region is that district's namesake in its own region ('Zhambylskiy' of Almaty and of Zhambyl region
    # beside the named one of North Kazakhstan): without it, the one named record would take every mention.
    named = {}
    for p in current:
        if p.get("name:rus_x_preferred"):
            named.setdefault(p.get("wof:name"), p)
    rows, seen = [], set()
    for p in current:
        twin = named.get(p.get("wof:name")) if not p.get("name:rus_x_preferred") else None
        if twin is not None and twin.get("wof:parent_id") != p.get("wof:parent_id"):
            p = {**p, "name:rus_x_preferred": twin["name:rus_x_preferred"],
                 "name:kaz_x_preferred": twin.get("name:kaz_x_preferred")}
        ru = (p.get("name:rus_x_preferred") or [""])[0].strip()
        if not (ru.endswith(" район") or ru.startswith("Район ")):
            continue
        region = regions.get(p.get("wof:parent_id"))
        if region is None:
            print(f"wof: no region for {ru!r} ({p['wof:id']})", file=sys.stderr)
            continue
        if twin is not None and region in _WOF_REGION_NAMES.values():
            continue                    # a city has no rural district: WOF's parent is the city it surrounds
        region = _kz_district_region(region, ru)
        if (ru, region) in seen:
            continue
        seen.add((ru, region))
        qid = (p.get("wof:concordances") or {}).get("wd:id") or ""
        lat, lon = p.get("lbl:latitude", p.get("geom:latitude")), p.get("lbl:longitude", p.get("geom:longitude"))
        rows.append({"id": f"KZ-D-{p['wof:id']}", "country": "KZ", "region": region, "level": "district",
                     "name_ru": ru, "name_kk": (p.get("name:kaz_x_preferred") or [""])[0].strip(),
                     "wikidata": qid if qid and qids[qid] == 1 else "",
                     "lat": _coord(str(lat)) if lat is not None else "", "lon": _coord(str(lon)) if lon is not None else "",
                     "source": WOF_KZ})
    return rows


def _forms(word: str) -> str:
    sys.path.insert(0, str(ROOT))
    from kg.nlp.natasha_adapter import parses     # pymorphy2 through natasha, as the pipeline uses it

    low = word.lower().replace("ё", "е")
    forms = [low]
    if "-" in low and low.replace("-", "").isalpha():    # 'Ханты-Мансийск': the last part inflects
        head, _, last = low.rpartition("-")
        lemmas, _, cases = _forms(last).partition(";")
        joined = [f"{head}-{f}" for f in lemmas.split("|")]
        return "|".join(joined) + (";" + "|".join(f"{head}-{f}" for f in cases.split("|")) if cases else "")
    if low.isalpha():
        found = parses(low)
        forms += [p.normal_form.replace("ё", "е") for p in found[:4]      # a town's name is no surname's form
                  if not any(g in p.tag for g in ("Surn", "Name", "Patr"))]
        own = [p for p in found if "Geox" in p.tag] or [p for p in found[:1] if p.normal_form == low]
        forms = list(dict.fromkeys(forms))
        if own:                     # the name's own case forms: 'Чечня' -> чечни, чечне… (text lemmas can miss)
            cases = [f.word.replace("ё", "е") for f in own[0].lexeme
                     if f.tag.number == own[0].tag.number and f.tag.gender == own[0].tag.gender]
            cases = [c for c in dict.fromkeys(cases) if c not in forms]
            if cases:
                return "|".join(forms) + ";" + "|".join(cases)
    return "|".join(dict.fromkeys(forms))


def add_forms(rows: list[dict]) -> None:
    for row in rows:
        row["forms_ru"] = " ".join(_forms(w) for w in row["name_ru"].split())


def write_name_forms(path: Path) -> int:
    """Lemma candidates of every word in the Russian names of regions, capitals and countries (read by the
    matcher instead of running pymorphy on them at every start)."""
    from kg.gazetteer import load_gazetteer

    words = set()
    for place in load_gazetteer():
        if place.forms:
            continue
        for name in place.names("ru"):
            words.update(name.replace("(", " ").replace(")", " ").split())
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["word", "forms"])
        for word in sorted(words):
            w.writerow([word, _forms(word)])
    return len(words)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hflabs-city", type=Path, required=True)
    ap.add_argument("--dr5hn-kz", type=Path, required=True)
    ap.add_argument("--wof-kz", type=Path, required=True, help="the data/ tree of whosonfirst-data-admin-kz")
    ap.add_argument("--out", type=Path, default=GAZ / "settlements.csv")
    args = ap.parse_args(argv)
    rows = hflabs_rows(args.hflabs_city) + dr5hn_rows(args.dr5hn_kz) + wof_kz_rows(args.wof_kz) + city_district_rows()
    rows.sort(key=lambda r: r["id"])
    add_forms(rows)
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, COLUMNS, lineterminator="\n")
        w.writeheader()
        for row in rows:
            w.writerow({c: row.get(c, "") for c in COLUMNS})
    n = write_name_forms(args.out.parent / "name_forms.csv")
    print(f"wrote name_forms.csv: {n} words")
    counts = Counter((r["country"], r["level"]) for r in rows)
    print(f"wrote {args.out}: " + ", ".join(f"{c} {lvl} {n}" for (c, lvl), n in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
