"""The network page (kg.viz): rendered from rdflib graphs built here, opened in a real headless Chromium."""
from __future__ import annotations

import json
import re
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from page_graphs import HOSTILE, hostile_graph, many_graph, realistic_graph
from rdflib import Graph, URIRef

from kg.viz import node_count_query, render_page, write_page
from kg.vocab import DATA

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).parent / "artifacts"


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
    assert opened.js("hckg.network.physics.options.enabled") is False  # stabilized, then physics off
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


@pytest.mark.browser
def test_build_shaped_sample_graph(browser, tmp_path, sample_build):
    """The graph as the build writes it (kg.graph functions, tests/sample_graph.py), read back from graph.ttl."""
    g = Graph().parse(sample_build / "graph.ttl", format="turtle")
    opened = Opened(browser, render_to(tmp_path, g))
    assert opened.js("hckg.nodes.length") == sparql_count(g) > 0
    assert opened.errors == [] and opened.requests == [opened.url]
    opened.page.fill("#search", "шымкент")
    assert "Шымкент" in opened.page.inner_text("#results")
    opened.page.close()
