"""The network page (kg.viz): rendered from rdflib graphs built here, opened in a real headless Chromium."""
from __future__ import annotations

import json
import re
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.concepts import concept
from kg.vocab import DATA, HC, NIF
from kg.viz import node_count_query, render_page, write_page

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).parent / "artifacts"
HOSTILE = ['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned=2;alert(2)">',
           '"; window.__pwned = 3; //', "\\u003c/script> ' \\\" \\", '</script><script>window.__pwned=4</script>',
           "line\u2028break\u2029<b onmouseover=alert(5)>bold</b>"]


# ---------------------------------------------------------------------------------------- graph building

def entity(g: Graph, path: str, cls: str, alt: tuple[str, ...] = (), **labels: str) -> URIRef:
    node = DATA[path]
    g.add((node, RDF.type, getattr(HC, cls)))
    for lang, text in labels.items():
        g.add((node, RDFS.label, Literal(text, lang=lang)))
    for text in alt:
        g.add((node, SKOS.altLabel, Literal(text, lang="ru")))
    return node


def article(g: Graph, name: str, text: str, headline: str | None = None) -> URIRef:
    node = DATA[f"article/{name}"]
    g.add((node, RDF.type, HC.Article))
    g.add((node, HC.sourceFile, Literal(f"{name}.txt")))
    if headline:
        g.add((node, URIRef("http://schema.org/headline"), Literal(headline)))
    g._texts = {**getattr(g, "_texts", {}), node: text}  # the article texts, for spans below
    return node


def span(g: Graph, art: URIRef, quote: str) -> URIRef:
    begin = g._texts[art].index(quote)
    m = URIRef(f"{art}#char={begin},{begin + len(quote)}")
    for p, o in ((RDF.type, HC.Mention), (NIF.referenceContext, art), (NIF.anchorOf, Literal(quote)),
                 (NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)),
                 (NIF.endIndex, Literal(begin + len(quote), datatype=XSD.nonNegativeInteger))):
        g.add((m, p, o))
    return m


def mention(g: Graph, res: URIRef, art: URIRef, quote: str) -> None:
    g.add((res, HC.denotedBy, span(g, art, quote)))


def tenure(g: Graph, person: URIRef, post: URIRef, art: URIRef, sentence: str, acting: bool = False) -> None:
    t = URIRef(f"{post}/tenure")
    for p, o in ((RDF.type, HC.Tenure), (HC.tenureOf, person), (HC.tenurePost, post), (PROV.wasDerivedFrom, art),
                 (HC.acting, Literal(acting)), (HC.evidence, span(g, art, sentence))):
        g.add((t, p, o))
    g.add((person, HC.holdsPost, post))


RU_TEXT = ("Губернатор Липецкой области Игорь Артамонов открыл новый корпус областной больницы в Липецке. "
           "Игорь Артамонов встретился с министром здравоохранения Михаилом Мурашко.")
KK_TEXT = "Шымкент қаласының әкімі Әлібек Қасымов жаңа аурухананы аралады. Шымкентте емхана ашылды."


def realistic_graph() -> Graph:
    g = Graph()
    a1 = article(g, "lipetsk", RU_TEXT, headline="Артамонов открыл корпус больницы")
    a2 = article(g, "shymkent", KK_TEXT)
    ru, kz = entity(g, "country/RU", "Country", ru="Россия", kk="Ресей", en="Russia"), entity(
        g, "country/KZ", "Country", ru="Казахстан", kk="Қазақстан", en="Kazakhstan")
    lip = entity(g, "region/RU-LIP", "Region", alt=("Липецкой области",), ru="Липецкая область", en="Lipetsk Oblast")
    shym = entity(g, "region/KZ-79", "Region", alt=("Шымкентте",), ru="Шымкент", kk="Шымкент", en="Shymkent")
    city = entity(g, "settlement/lipetsk", "Settlement", ru="Липецк", en="Lipetsk")
    g.add((lip, HC.partOf, ru)), g.add((shym, HC.partOf, kz)), g.add((city, HC.partOf, lip))
    art = entity(g, "person/artamonov", "Person", alt=("Игоря Артамонова",), ru="Игорь Артамонов", en="Igor Artamonov")
    mur = entity(g, "person/murashko", "Person", ru="Михаил Мурашко", en="Mikhail Murashko")
    kas = entity(g, "person/kasymov", "Person", ru="Алибек Касымов", kk="Әлібек Қасымов")
    gov = entity(g, "post/gov-lip", "Post")
    g.add((gov, HC.postRole, concept("Role", "governor"))), g.add((gov, HC.jurisdiction, lip))
    akim = entity(g, "post/akim-shym", "Post", ru="аким Шымкента", kk="Шымкент әкімі")
    g.add((akim, HC.postRole, concept("Role", "akim"))), g.add((akim, HC.jurisdiction, shym))
    minz = entity(g, "org/minzdrav", "GovernmentBody", ru="Министерство здравоохранения России", en="Ministry of Health")
    g.add((minz, HC.jurisdiction, ru))
    hosp = entity(g, "facility/lokb", "HealthcareFacility", ru="Липецкая областная больница")
    g.add((hosp, RDF.type, HC.Facility)), g.add((hosp, HC.locatedIn, city))
    g.add((hosp, HC.facilityStatus, concept("FacilityStatus", "opened")))
    kz_hosp = entity(g, "facility/shym-hosp", "HealthcareFacility", kk="Шымкент қалалық ауруханасы")
    g.add((kz_hosp, HC.locatedIn, shym))
    ev = entity(g, "event/meeting", "Event")
    for p, o in ((HC.eventType, concept("EventKind", "meeting")), (HC.eventPlace, city), (HC.participant, art),
                 (HC.participant, mur), (HC.organizer, minz), (PROV.wasDerivedFrom, a1),
                 (HC.startDate, Literal("2024-05-14", datatype=XSD.date)),
                 (HC.evidence, span(g, a1, RU_TEXT.split(". ")[1]))):
        g.add((ev, p, o))
    tenure(g, art, gov, a1, RU_TEXT.split(". ")[0] + ".")
    tenure(g, kas, akim, a2, KK_TEXT.split(". ")[0] + ".")
    for res, a, quote in ((art, a1, "Игорь Артамонов"), (lip, a1, "Липецкой области"), (city, a1, "Липецке"),
                          (hosp, a1, "областной больницы"), (mur, a1, "Михаилом Мурашко"), (kas, a2, "Әлібек Қасымов"),
                          (shym, a2, "Шымкентте"), (kz_hosp, a2, "аурухананы")):
        mention(g, res, a, quote)
    return g


def hostile_graph() -> Graph:
    g = Graph()
    text = " ".join(HOSTILE)
    a = article(g, HOSTILE[4], text)
    for n, payload in enumerate(HOSTILE):
        person = entity(g, f"person/hostile{n}", "Person", alt=(payload + " alt",), ru=f"pwned {n} {payload}")
        g.add((person, HC.measure, Literal(payload)))
        mention(g, person, a, payload)
    return g


def many_graph(regions: int = 6, per_region: int = 12) -> Graph:
    """Regions with persons, facilities and events: enough nodes for the reduced view at a low threshold."""
    g = Graph()
    for r in range(regions):
        region = entity(g, f"region/R{r}", "Region", ru=f"Регион {r}")
        a = article(g, f"news{r}", f"Новости региона {r}")
        mention(g, region, a, f"региона {r}")
        for n in range(per_region):
            cls = ("Person", "HealthcareFacility", "Event", "Organization")[n % 4]
            res = entity(g, f"r{r}/e{n}", cls, ru=f"{cls} {r}.{n}")
            g.add((res, HC.eventPlace if cls == "Event" else HC.locatedIn, region))
    return g


def sparql_count(g: Graph) -> int:
    return int(next(iter(g.query(node_count_query())))[0])


def data_of(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="hckg-data">(.*?)</script>', html, re.S)[1])


# ---------------------------------------------------------------------------------------- no browser

def test_page_has_no_external_reference():
    html = render_page(realistic_graph())
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", html, re.I)
    assert "<script src" not in html and "<link rel=\"stylesheet\"" not in html
    assert "connect-src 'none'" in html


def test_hostile_data_is_escaped_for_script_context():
    html = render_page(hostile_graph())
    raw = re.search(r'id="hckg-data">(.*?)</script>', html, re.S)[1]
    assert not set("<>&\u2028\u2029") & set(raw)
    assert html.count("</script>") == 2  # the data block's and the code's, nothing from the data
    labels = {n["l"]["ru"] for n in data_of(html)["nodes"] if "ru" in n["l"]}
    assert {f"pwned {n} {p}" for n, p in enumerate(HOSTILE)} <= labels


def test_node_count_matches_sparql_count():
    for g in (realistic_graph(), hostile_graph(), many_graph()):
        assert len(data_of(render_page(g))["nodes"]) == sparql_count(g)


def test_labels_follow_language_with_fallback():
    nodes = {n["i"]: n for n in data_of(render_page(realistic_graph(), lang="kk"))["nodes"]}
    assert nodes[str(DATA["person/kasymov"])]["l"]["kk"] == "Әлібек Қасымов"
    post = nodes[str(DATA["post/gov-lip"])]["l"]  # no rdfs:label: named from its role concept and jurisdiction
    assert post["ru"] == "губернатор, Липецкая область" and post["en"] == "governor, Lipetsk Oblast"
    with pytest.raises(ValueError):
        render_page(Graph(), lang="de")


def test_write_page_is_atomic(tmp_path):
    target = tmp_path / "graph.html"
    target.write_text("old", encoding="utf-8")
    write_page(realistic_graph(), target)
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# ---------------------------------------------------------------------------------------- browser

@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` (scripts/install-system-deps.sh)")
    from playwright.sync_api import sync_playwright
    profile = tempfile.mkdtemp(prefix="hckg-chromium-")
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                    args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 900})
        yield ctx
        ctx.close()
    shutil.rmtree(profile, ignore_errors=True)


class Opened:
    """A page opened from file:// with every request, console error, page error and dialog recorded."""

    def __init__(self, ctx, path: Path):
        self.url, self.requests, self.errors, self.dialogs = path.as_uri(), [], [], []
        self.page = page = ctx.new_page()
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.goto(self.url)
        self.wait("window.hckg && hckg.state.stable")

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def wait(self, expr: str, timeout: float = 20.0):
        """Poll (page CSP forbids the string eval behind wait_for_function)."""
        end = time.monotonic() + timeout
        while not self.page.evaluate(f"() => !!({expr})"):
            assert time.monotonic() < end, f"timed out waiting for {expr}"
            time.sleep(0.02)

    def index_of(self, iri: URIRef) -> int:
        return self.js("iri => hckg.data.nodes.findIndex(n => n.i === iri)", str(iri))

    def click_node(self, i: int) -> None:
        self.js("i => hckg.network.moveTo({position: hckg.network.getPosition(i), scale: 1.5, animation: false})", i)
        at = self.js("i => hckg.domPosition(i)", i)
        self.page.mouse.click(at["x"], at["y"])
        self.wait(f"hckg.panelFor === {json.dumps(i)}")

    def panel_text(self) -> str:
        return self.page.inner_text("#panel")


def render_to(tmp_path: Path, g: Graph, name: str = "graph.html", **kw) -> Path:
    path = tmp_path / name
    write_page(g, path, **kw)
    return path


@pytest.mark.browser
def test_loads_offline_without_errors_or_requests(browser, tmp_path):
    opened = Opened(browser, render_to(tmp_path, realistic_graph()))
    assert opened.requests == [opened.url]
    assert opened.errors == []
    opened.page.close()


@pytest.mark.browser
def test_node_count_on_page_matches_sparql(browser, tmp_path):
    g = realistic_graph()
    opened = Opened(browser, render_to(tmp_path, g))
    expected = sparql_count(g)
    assert opened.js("hckg.nodes.length") == opened.js("hckg.data.nodes.length") == expected
    assert opened.page.inner_text("#stats").startswith(f"{expected} ")
    opened.page.close()


@pytest.mark.browser
@pytest.mark.parametrize("query, name", [("артамонов", "Игорь Артамонов"), ("ИГОРЯ АРТ", "Игорь Артамонов"),
                                         ("қасым", "Әлібек Қасымов"), ("ӘЛІБЕК", "Әлібек Қасымов"),
                                         ("шымкентте", "Шымкент")])
def test_search_finds_cyrillic_and_kazakh_names(browser, tmp_path, query, name):
    opened = Opened(browser, render_to(tmp_path, realistic_graph()))
    opened.page.fill("#search", query)
    assert name in opened.page.inner_text("#results")
    opened.page.press("#search", "Enter")
    opened.wait("hckg.panelFor !== null")
    assert name in opened.panel_text()  # heading in the page language (ru), every label listed below
    opened.page.close()


@pytest.mark.browser
def test_click_on_node_shows_panel_with_its_quote(browser, tmp_path):
    opened = Opened(browser, render_to(tmp_path, realistic_graph()))
    person = opened.index_of(DATA["person/artamonov"])
    opened.click_node(person)
    text = opened.panel_text()
    assert "Игорь Артамонов" in text and "Персона" in text
    assert "Губернатор Липецкой области Игорь Артамонов открыл новый корпус областной больницы в Липецке." in text
    assert "Артамонов открыл корпус больницы" in text  # the article's headline
    assert "занимает должность" in text and "губернатор, Липецкая область" in text
    neighbours = set(opened.js(f"hckg.network.getConnectedNodes({person})"))
    dimmed = set(opened.js("hckg.nodes.get({filter: n => n.color.background === hckg.data.colors.dim}).map(n => n.id)"))
    assert neighbours and not neighbours & dimmed and person not in dimmed and dimmed
    opened.js("hckg.network.fit({animation: false})")
    ARTIFACTS.mkdir(exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / "page.png"))
    opened.page.close()


@pytest.mark.browser
def test_edges_legend_and_language_switch(browser, tmp_path):
    opened = Opened(browser, render_to(tmp_path, realistic_graph()))
    labels = set(opened.js("hckg.edges.get().map(e => e.label)"))
    assert {"занимает должность", "юрисдикция", "входит в", "участник", "упомянут в"} <= labels
    assert "Медицинское учреждение" in opened.page.inner_text("#legend")
    opened.page.select_option("#lang", "kk")
    assert "Медициналық мекеме" in opened.page.inner_text("#legend")
    assert "лауазымды атқарады" in set(opened.js("hckg.edges.get().map(e => e.label)"))
    opened.page.select_option("#article", label="Артамонов открыл корпус больницы")
    assert "Әлібек Қасымов" not in opened.js("hckg.nodes.get().map(n => n.label)")
    opened.page.close()


@pytest.mark.browser
def test_hostile_labels_are_shown_as_text_and_never_run(browser, tmp_path):
    opened = Opened(browser, render_to(tmp_path, hostile_graph()))
    opened.page.fill("#search", "pwned")
    assert HOSTILE[0] in opened.page.inner_text("#results")
    for n, payload in enumerate(HOSTILE):
        opened.click_node(opened.index_of(DATA[f"person/hostile{n}"]))
        assert opened.page.inner_text("#panel h2") == f"pwned {n} {payload}"
        assert opened.page.text_content("#panel blockquote") == payload
    opened.page.select_option("#lang", "en")
    assert opened.js("typeof window.__pwned") == "undefined"
    assert opened.js("document.querySelectorAll('img, b, #panel script, #results script').length") == 0
    assert opened.dialogs == [] and opened.errors == [] and opened.requests == [opened.url]
    opened.page.close()


@pytest.mark.browser
def test_big_graph_opens_reduced_and_expands(browser, tmp_path):
    g = many_graph()
    opened = Opened(browser, render_to(tmp_path, g, reduce_above=20))
    ids = opened.js("hckg.nodes.getIds()")
    assert ids and all(isinstance(i, str) and i.startswith("c") for i in ids)  # groups only
    assert opened.page.is_visible("#notice")
    group = ids[0]
    opened.click_node(group)
    opened.page.click("#panel .primary")  # "expand group"
    opened.wait("hckg.state.stable && hckg.nodes.getIds().some(i => typeof i === 'number')")
    shown = [i for i in opened.js("hckg.nodes.getIds()") if isinstance(i, int)]
    classes = {opened.js(f"hckg.data.classes[hckg.data.nodes[{i}].c].key") for i in shown}
    assert classes and classes <= {"Person", "HealthcareFacility", "Event", "Region"}  # articles, orgs hidden
    opened.page.click("#expand-all")
    opened.wait("hckg.state.stable")
    core = sparql_count(g) - 6 - 18  # all but the articles and organizations
    assert opened.js("hckg.nodes.length") == core
    assert opened.errors == []
    opened.page.close()
