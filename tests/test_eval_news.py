"""``kg eval news``: the devnews matching rules on a graph made with rdflib here (fast, no models), and the
whole command on two tiny invented articles with the real build (slow)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.eval.news import name_matches, restrict_gold, role_names, score_news
from kg.vocab import DATA, HC, HC_NS, NIF

ROOT = Path(__file__).resolve().parent.parent


class _G:
    """A small graph in the public vocabulary: articles, mentions, labelled resources."""

    def __init__(self):
        self.g = Graph()
        self.articles: dict[str, URIRef] = {}
        self.n = 0

    def article(self, file: str) -> URIRef:
        if file not in self.articles:
            a = DATA[f"article/{file}"]
            self.g.add((a, RDF.type, HC.Article))
            self.g.add((a, HC.sourceFile, Literal(file)))
            self.articles[file] = a
        return self.articles[file]

    def node(self, kind: str, cls, label: str | None, *files: str, derived: bool = False) -> URIRef:
        self.n += 1
        res = DATA[f"{kind}/{self.n}"]
        self.g.add((res, RDF.type, cls))
        if label:
            self.g.add((res, RDFS.label, Literal(label, lang="ru")))
        for f in files:
            a = self.article(f)
            if derived:
                self.g.add((res, PROV.wasDerivedFrom, a))
            else:
                m = URIRef(f"{a}#char={self.n},{self.n + 1}")
                self.g.add((m, NIF.referenceContext, a))
                self.g.add((res, HC.denotedBy, m))
        return res

    def add(self, s, p, o):
        self.g.add((s, p, o))
        return s

    def post(self, label, role, place=None, facility=None):
        post = self.node("post", HC.Post, label)
        if role:
            self.add(post, HC.postRole, URIRef(f"{HC_NS}role_{role}"))
        if place is not None:
            self.add(post, HC.jurisdiction, place)
        if facility is not None:
            self.add(post, HC.postIn, facility)
        return post

    def holds(self, person, post, file, acting=False):
        self.add(person, HC.holdsPost, post)
        t = self.node("tenure", HC.Tenure, None, file, derived=True)
        self.add(t, HC.tenureOf, person)
        self.add(t, HC.tenurePost, post)
        self.add(t, HC.acting, Literal(acting))


def _graph() -> Graph:
    b = _G()
    country = b.add(b.node("country", HC.Country, "Россия"), HC.isoCode, Literal("RU"))
    region = b.add(b.node("region", HC.Region, "Энская область", "a1.txt"), HC.isoCode, Literal("RU-NGR"))
    b.add(region, HC.partOf, country)
    city = b.add(b.node("settlement", HC.Settlement, "Энск", "a1.txt", "a2.txt"), HC.partOf, region)
    hospital = b.add(b.node("facility", HC.HealthcareFacility, "Энская районная больница", "a2.txt"),
                     HC.locatedIn, city)
    b.add(hospital, HC.facilityStatus, URIRef(f"{HC_NS}status_opened"))
    # a1: governor with jurisdiction, an acting minister; a2: the same minister not acting, a chief physician
    # whose post has no role concept (role from the post's label) and whose region comes via postIn/locatedIn
    governor = b.node("person", HC.Person, "Пётр Смирнов", "a1.txt")
    b.holds(governor, b.post("губернатор Энской области", "governor", region), "a1.txt")
    minister = b.node("person", HC.Person, "Ольга Кузнецова", "a1.txt", "a2.txt")
    ministry_post = b.post("министр здравоохранения", "minister", region)
    b.holds(minister, ministry_post, "a1.txt", acting=True)
    b.holds(minister, ministry_post, "a2.txt", acting=False)
    doctor = b.node("person", HC.Person, "Андрей Волков", "a2.txt")
    b.holds(doctor, b.post("главврач районной больницы", None, facility=hospital), "a2.txt")
    nowhere = b.node("person", HC.Person, "Иван Сидоров", "a2.txt")
    b.holds(nowhere, b.post("губернатор", "governor"), "a2.txt")
    # k1 (Kazakh): an akim counts for a gold "глава района"
    akim = b.node("person", HC.Person, "Асқар Нұров", "k1.txt")
    b.holds(akim, b.post("аудан әкімі", "akim"), "k1.txt")
    b.node("organization", HC.GovernmentBody, "Министерство здравоохранения Энской области", "a1.txt")
    b.node("organization", HC.Organization, "Telegram-канал", "a1.txt")                  # noise
    opening = b.node("event", HC.Event, "открытие", "a1.txt", derived=True)
    b.add(opening, HC.eventType, URIRef(f"{HC_NS}event_opening"))
    b.add(opening, HC.startDate, Literal("2024-03-12", datatype=XSD.date))
    b.add(opening, HC.participant, governor)
    meeting = b.node("event", HC.Event, "совещание", "a2.txt", derived=True)
    b.add(meeting, HC.eventType, URIRef(f"{HC_NS}event_meeting"))
    b.add(meeting, HC.startDate, Literal("2024-03-14", datatype=XSD.date))
    b.add(meeting, HC.participant, minister)
    b.add(meeting, HC.eventPlace, city)
    return b.g


GOLD = {
    "articles": [{"file": "a1.txt", "language": "ru", "country": "RU"},
                 {"file": "a2.txt", "language": "ru", "country": "RU"},
                 {"file": "k1.txt", "language": "kk", "country": "KZ"}],
    "officials": [
        {"level": "must", "name": "Пётр Смирнов", "role": "губернатор", "region": "RU-NGR", "acting": False,
         "files": ["a1.txt"]},
        {"level": "must", "name": "Пётр Смирнов", "role": "губернатор", "region": "RU-NGR", "acting": False,
         "files": ["a2.txt"]},                                       # not named in a2: per-article rule
        {"level": "must", "name": "Ольга Кузнецова", "role": "министр", "region": "RU-NGR", "acting": True,
         "files": ["a1.txt"]},
        {"level": "must", "name": "Ольга Кузнецова", "role": "министр", "region": "RU-NGR", "acting": False,
         "files": ["a2.txt"]},
        {"level": "must", "name": "Андрей Волков", "role": "главный врач", "region": "RU-NGR", "acting": False,
         "files": ["a2.txt"]},
        {"level": "should", "name": "Иван Сидоров", "role": "губернатор", "region": "RU-NGR", "acting": False,
         "files": ["a2.txt"]},                                       # governor of nowhere: region fails
        {"level": "must", "name": "Асқар Нұров", "role": "глава района", "region": None, "acting": False,
         "files": ["k1.txt"]},
        {"level": "should", "name": "Асқар Нұров", "role": "министр", "region": None, "acting": False,
         "files": ["k1.txt"]},                                       # wrong role
    ],
    "regions": [{"level": "must", "iso": "RU-NGR", "name": "Энская область", "files": ["a1.txt"]},
                {"level": "should", "iso": "RU-NGR", "name": "Энская область", "files": ["a2.txt"]}],
    "countries": [],
    "settlements": [{"level": "must", "name": "Энск", "region": "RU-NGR", "files": ["a2.txt"]},
                    {"level": "should", "name": "Энск", "region": "RU-MOW", "files": ["a1.txt"]}],
    "facilities": [{"level": "must", "name": "районная больница", "region": "RU-NGR", "status": "opened",
                    "files": ["a2.txt"]}],
    "organizations": [{"level": "must", "name": "Министерство здравоохранения Энской области",
                       "aliases": ["Минздрав"], "files": ["a1.txt"]}],
    "events": [
        {"level": "must", "key": "open", "name": "открытие больницы", "type": "opening", "start": "2024-03-12",
         "participants": ["Пётр Смирнов"], "files": ["a1.txt"]},
        {"level": "should", "key": "open2", "name": "открытие второго корпуса", "type": "opening",
         "files": ["a1.txt"]},                                       # the one graph opening is used already
        {"level": "must", "key": "meet", "name": "совещание с главврачами", "type": "meeting", "start": "--03-14",
         "participants": ["Ольга Кузнецова"], "region": "RU-NGR", "files": ["a2.txt"]},
        {"level": "should", "key": "meet2", "name": "совещание", "type": "meeting", "start": "--03-15",
         "files": ["a2.txt"]},                                       # wrong date, the meeting is used anyway
    ],
    "noise": ["Telegram-канал", "Читать"],
    "persons_other": [],
}


def _items(result):
    out = {}
    for it in result["items"]:
        out.setdefault((it["category"], it["name"], it["file"]), []).append(it)
    return out


def test_name_rules():
    assert name_matches("Пётр Смирнов", "ПЁТР  смирнов")                    # case, ё, spaces
    assert name_matches("«Энская больница»", "Энская больница")              # quotes
    assert name_matches("Смирнов", "Пётр Смирнов")                          # gold >= 4 chars in the label
    assert name_matches("Ольга Кузнецова", "Кузнецова")                      # label >= 5 chars, >= half
    assert not name_matches("Ольга Кузнецова", "Ольга")                      # label shorter than half the gold
    assert not name_matches("ЦРБ", "Энская ЦРБ")                            # gold under 4 chars: equality only
    assert not name_matches("Энская районная больница", "больница")          # label too short for the gold
    assert "главврач" in role_names("главный врач") and "аким" in role_names("глава района")
    assert {"вице-министр", "первый заместитель министра"} <= role_names("заместитель министра")


def test_officials_role_region_acting_and_article():
    items = _items(score_news(_graph(), GOLD))
    smirnov = items["officials", "Пётр Смирнов", "a1.txt"][0]
    assert smirnov["ok"] and smirnov["checks"] == {"role": True, "region": True}
    assert items["officials", "Пётр Смирнов", "a2.txt"][0]["found"] is None     # not named in a2
    acting = items["officials", "Ольга Кузнецова", "a1.txt"][0]
    plain = items["officials", "Ольга Кузнецова", "a2.txt"][0]
    assert acting["ok"] and acting["graph_acting"] is True                       # врио in a1 ...
    assert plain["ok"] and plain["graph_acting"] is False                        # ... not in a2
    doctor = items["officials", "Андрей Волков", "a2.txt"][0]
    assert doctor["ok"]                                  # post label "главврач …", region via postIn/locatedIn
    sidorov = items["officials", "Иван Сидоров", "a2.txt"][0]
    assert sidorov["found"] and sidorov["checks"] == {"role": True, "region": False} and not sidorov["ok"]
    akim = {i["role"]: i for i in items["officials", "Асқар Нұров", "k1.txt"]}
    assert akim["глава района"]["ok"] and not akim["министр"]["ok"]


def test_places_facilities_organizations():
    items = _items(score_news(_graph(), GOLD))
    assert items["regions", "Энская область", "a1.txt"][0]["ok"]
    assert not items["regions", "Энская область", "a2.txt"][0]["ok"]                     # region not named in a2
    assert items["settlements", "Энск", "a2.txt"][0]["ok"]
    wrong = items["settlements", "Энск", "a1.txt"][0]
    assert wrong["found"] and wrong["checks"] == {"region": False}
    fac = items["facilities", "районная больница", "a2.txt"][0]
    assert fac["ok"] and fac["status_ok"]
    assert items["organizations", "Министерство здравоохранения Энской области", "a1.txt"][0]["ok"]


def test_events_used_once_date_and_participants():
    result = score_news(_graph(), GOLD)
    ev = {i["key"]: i for i in result["items"] if i["category"] == "events"}
    assert ev["open"]["ok"] and ev["meet"]["ok"]                                # full date and --MM-DD date
    assert not ev["open2"]["ok"] and not ev["meet2"]["ok"]                      # each graph event used once
    assert result["precision"]["events"]["all"] == {"ok": 2, "n": 2, "value": 1.0}


def test_noise_strings_judge_no_event():
    """Noise is about the labels of persons, bodies, facilities and places (the README): a matched event whose
    label equals a noise string (a heading word) stays correct."""
    gold = {**GOLD, "noise": GOLD["noise"] + ["совещание"]}
    result = score_news(_graph(), gold)
    assert result["precision"]["events"]["all"] == {"ok": 2, "n": 2, "value": 1.0}


def test_summary_precision_noise_and_groups():
    result = score_news(_graph(), GOLD)
    rec = result["recall"]
    assert rec["officials must"]["ru-RU"] == {"ok": 4, "n": 5, "value": 0.8}
    assert rec["officials must"]["kk-KZ"] == {"ok": 1, "n": 1, "value": 1.0}
    assert rec["officials must"]["all"]["n"] == 6 and rec["officials must"]["ru"]["n"] == 5
    assert rec["officials acting agrees (of full)"]["all"] == {"ok": 5, "n": 5, "value": 1.0}
    assert rec["officials acting found (gold acting)"]["all"] == {"ok": 1, "n": 1, "value": 1.0}
    must = rec["must: all categories"]["all"]
    assert must["n"] == 6 + 1 + 1 + 1 + 1 + 2
    assert [h["label"] for h in result["noise_labels"]] == ["Telegram-канал"]
    assert result["noise"] == {"ru-RU": 1, "all": 1, "ru": 1}
    orgs = result["precision"]["organizations"]["all"]
    assert (orgs["ok"], orgs["n"]) == (1, 2)                                    # the noise label is wrong
    persons = result["precision"]["persons"]["all"]
    assert (persons["ok"], persons["n"]) == (5, 5)
    pairs = result["precision"]["tenure pairs"]["all"]
    assert (pairs["ok"], pairs["n"]) == (4, 5)                                  # the governor of nowhere
    assert {fp["label"] for fp in result["false_positives"]["tenure pairs"]} == {"Иван Сидоров"}
    misses = {(m["category"], m["file"]) for m in result["misses"]}
    assert ("officials", "a2.txt") in misses and ("events", "a1.txt") in misses


def test_restrict_gold_to_a_group():
    gold = restrict_gold(GOLD, {"kk-KZ"})
    assert [a["file"] for a in gold["articles"]] == ["k1.txt"]
    assert {o["name"] for o in gold["officials"]} == {"Асқар Нұров"} and gold["events"] == []


ARTICLES = {
    "n_01.txt": "Губернатор Новгородской области Пётр Смирнов открыл новую поликлинику в Боровичах 12 марта "
                "2024 года. Временно исполняющая обязанности министра здравоохранения Новгородской области "
                "Ольга Кузнецова рассказала, что поликлиника рассчитана на 300 посещений в смену.\n"
                "Подписывайтесь на наш Telegram-канал.\n",
    "n_02.txt": "Министр здравоохранения Новгородской области Ольга Кузнецова провела совещание с главными "
                "врачами районных больниц в Великом Новгороде.\n",
}
REAL_GOLD = {
    "articles": [{"file": f, "language": "ru", "country": "RU"} for f in ARTICLES],
    "officials": [
        {"level": "must", "name": "Пётр Смирнов", "role": "губернатор", "region": "RU-NGR", "acting": False,
         "files": ["n_01.txt"]},
        {"level": "must", "name": "Ольга Кузнецова", "role": "министр", "region": "RU-NGR", "acting": True,
         "files": ["n_01.txt"]},
        {"level": "must", "name": "Ольга Кузнецова", "role": "министр", "region": "RU-NGR", "acting": False,
         "files": ["n_02.txt"]},
    ],
    "regions": [{"level": "must", "iso": "RU-NGR", "name": "Новгородская область", "files": ["n_01.txt"]}],
    "settlements": [{"level": "must", "name": "Великий Новгород", "region": "RU-NGR", "files": ["n_02.txt"]}],
    "facilities": [{"level": "must", "name": "поликлиника", "region": "RU-NGR", "status": "opened",
                    "files": ["n_01.txt"]}],
    "events": [{"level": "must", "key": "m", "name": "совещание с главврачами", "type": "meeting",
                "participants": ["Ольга Кузнецова"], "region": "RU-NGR", "files": ["n_02.txt"]}],
    "noise": ["Telegram-канал", "Подписывайтесь"],
    "persons_other": [],
}


@pytest.mark.slow
def test_eval_news_command_on_invented_articles(tmp_path):
    folder = tmp_path / "news"
    (folder / "articles").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps(REAL_GOLD, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "result.json"
    done = subprocess.run([sys.executable, "-m", "kg.cli", "eval", "news", str(folder), "--json", str(out),
                           "--out", str(tmp_path / "graph"), "--quiet"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "officials must" in done.stdout and "tenure pairs" in done.stdout
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["built"] == 2 and (tmp_path / "graph" / "graph.ttl").is_file()
    officials = {(i["name"], i["file"]): i for i in result["items"] if i["category"] == "officials"}
    assert all(i["ok"] for i in officials.values())
    assert officials["Ольга Кузнецова", "n_01.txt"]["graph_acting"] is True
    assert officials["Ольга Кузнецова", "n_02.txt"]["graph_acting"] is False
    assert result["recall"]["regions must"]["all"]["ok"] == 1
    assert result["recall"]["settlements must"]["all"]["ok"] == 1
    assert result["recall"]["events must"]["all"]["ok"] == 1
    assert result["noise_labels"] == []
    # the same graph read back from its file scores the same
    again_json = tmp_path / "again.json"
    again = subprocess.run([sys.executable, "-m", "kg.cli", "eval", "news", str(folder), "--graph",
                            str(tmp_path / "graph" / "graph.nq"), "--json", str(again_json)],
                           cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr[-2000:]
    again_result = json.loads(again_json.read_text(encoding="utf-8"))
    assert again_result["recall"] == result["recall"] and again_result["precision"] == result["precision"]


def test_eval_news_cli_is_registered_and_rejects_a_wrong_folder(tmp_path):
    from kg.cli import parser
    from kg.eval.runner import DEVNEWS_DIR

    args = parser().parse_args(["eval", "news", "--group", "ru-RU", "--json", "r.json"])
    assert args.corpus == "news" and args.group == ["ru-RU"] and args.folder == DEVNEWS_DIR
    done = subprocess.run([sys.executable, "-m", "kg.cli", "eval", "news", str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode != 0 and "not a devnews-style folder" in done.stderr
