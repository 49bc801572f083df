"""Kazakh in the Latin alphabet: told apart from other Latin-script text, read through a Cyrillic view, every
offset mapped back to the original text (made-up sentences; no third-party text)."""
import pytest

from kg.lang import detect_language
from kg.nlp.kk.latin import latin_view, transliterate, variant_of
from kg.sources import make_article

KK_2018 = ("Shymkent qalasynyń ákimi Ǵabıt Syzdyqbekov Qaratal aýylynda jańa emhananyń ashylýyna qatysty. "
           "Qalalyq densaýlyq saqtaý basqarmasynyń basshysy Shynar Tólegenova emhana 2025 jyly salynǵanyn aıtty.")
KK_2021 = ("Şımkent qalasınıñ äkimi Ğabit Sızdıqbekov Qaratal auılında jaña emhananıñ aşıluına qatıstı. "
           "Qalalıq densaulıq saqtau basqarmasınıñ basşısı Şınar Tölegenova emhana 2025 jılı salınğanın ayttı.")
KK_2017 = ("S'ymkent qalasynyn' a'kimi G'abi't Syzdyqbekov Qaratal ay'ylynda jan'a emhananyn' ashyly'yna qatysty. "
           "Qalalyq densay'lyq saqtay' basqarmasynyn' basshysy S'ynar To'legenova ja'ne emhana 2025 jyly "
           "salyng'anyn ai'tty.")


@pytest.mark.parametrize("text", [KK_2018, KK_2021, KK_2017])
def test_latin_kazakh_is_kazakh(text):
    assert detect_language(text) == "kk"


@pytest.mark.parametrize("text", [
    "The akim of Shymkent, Gabit Syzdykbekov, opened a new clinic in the village of Qaratal on Monday, and the "
    "head of the city health department said that the clinic was built in 2025.",
    "Bu yıl Ankara'da yeni bir hastane açıldı ve sağlık bakanı da törene katıldı. Hastane için çok para harcandı.",
    "Toshkent shahrida yangi shifoxona ochildi va sog'liqni saqlash vaziri bilan uchrashuv bo'lib o'tdi, "
    "bu yil uchun reja bajarildi.",
    "Aşgabat şäherinde täze hassahana açyldy we saglygy goraýyş ministri bilen duşuşyk boldy, bu ýyl üçin.",
])
def test_other_latin_script_languages_are_not_kazakh(text):
    assert detect_language(text) == "en"


def test_cyrillic_detection_unchanged():
    assert detect_language("Шымкент қаласының әкімі жаңа емхананың ашылуына қатысты және сөйледі.") == "kk"
    assert detect_language("Аким Шымкента открыл новую поликлинику в селе Каратал.") == "ru"


def test_variants_are_told_apart():
    assert (variant_of(KK_2018), variant_of(KK_2021), variant_of(KK_2017)) == ("2018", "2021", "2017")


@pytest.mark.parametrize("text", [KK_2018, KK_2021, KK_2017])
def test_transliteration_reads_every_variant(text):
    cyr = transliterate(text).text
    for word in ("Шымкент қаласының әкімі", "Қаратал", "жаңа емхананың", "Қалалық денсаулық сақтау басқармасының",
                 "Шынар Төлегенова", "2025 жылы"):
        assert word in cyr, (word, cyr)


def test_digraphs_go_through_the_offset_map():
    tr = transliterate("Shymkent qalasynyń basshysy Shynar, medıtsına ortalyǵy")
    assert tr.text == "Шымкент қаласының басшысы Шынар, медицина орталығы"
    assert len(tr.text) < len(tr.source)                  # sh, ch, ts: two letters for one
    assert tr.to_source(0, 7) == (0, 8)                   # Шымкент <- Shymkent
    b = tr.text.index("Шынар")
    assert tr.source[slice(*tr.to_source(b, b + 5))] == "Shynar"
    assert tr.source[slice(*tr.to_source(b, b + 1))] == "Sh"   # never half a digraph
    b = tr.text.index("медицина")
    assert tr.source[slice(*tr.to_source(b, b + 8))] == "medıtsına"
    for k in range(len(tr.text)):                         # each character: a source range, and back
        begin, end = tr.to_source(k, k + 1)
        assert 0 <= begin < end <= len(tr.source)
        assert tr.from_source(begin, end) == (k, k + 1)


def test_iotated_and_soft_letters():
    assert transliterate("Azııa, aıaq, Aıgúl, bıyl, kóbeıý, probatsııa", "2018").text == \
        "Азия, аяқ, Айгүл, биыл, көбею, пробация"
    assert transliterate("ayaq, Aygül, byıl", "2021").text == "аяқ, Айгүл, биыл"


def test_foreign_words_and_cyrillic_are_left_as_written():
    tr = transliterate("COVID-19 pen WhatsApp jáne «Шымкент» qalasy")
    assert tr.text == "COVID-19 пен WhatsApp және «Шымкент» қаласы"


def test_only_latin_kazakh_articles_get_a_view():
    assert latin_view(make_article("a", "a.txt", KK_2018)) is not None
    assert latin_view(make_article("b", "b.txt", "Шымкент қаласының әкімі жаңа емхананы аралады және сөйледі.")) is None
    assert latin_view(make_article("c", "c.txt", "Аким Шымкента открыл новую поликлинику.")) is None
    assert latin_view(make_article("d", "d.txt", "The akim of Shymkent opened a clinic.")) is None


def test_skip_ranges_are_mapped():
    article = make_article("a", "a.txt", "date 2025-03-04\n" + KK_2018, skip=[(0, 16)])
    view = latin_view(article)
    assert view.article.skip[0] == (0, 16)
    assert view.article.masked_text().startswith(" " * 15 + "\n")


@pytest.mark.slow
@pytest.mark.parametrize("text", [KK_2018, KK_2021, KK_2017])
def test_latin_article_through_the_kazakh_pipeline(text):
    from kg.build import assemble, process

    article = make_article("t", "t.txt", "date 2025-03-04\n" + text, skip=[(0, 16)])
    result = process(article)
    assert result.article.text == article.text and result.article.language == "kk"
    by_label = {dict(e.labels).get("kk"): e for e in result.entities}
    # a person with a post, placed
    shynar = by_label["Шынар Төлегенова"]
    assert shynar.cls == "Person"
    assert any(lang == "kk-Latn" and name.endswith("legenova") for lang, name in shynar.alt)
    facts = {(f.subject, f.prop, f.value) for f in result.facts}
    posts = {f.value for f in result.facts if f.subject == shynar.key and f.prop == "hc:holdsPost"}
    assert len(posts) == 1
    akim = by_label["Шымкент қаласының әкімі"]
    assert akim.cls == "Post" and (akim.key, "hc:jurisdiction", "region:KZ-79") in facts
    assert (akim.key, "hc:postRole", "Role:akim") in facts
    # a place and a facility opening
    assert by_label["Қаратал"].cls == "Settlement"
    assert any(("hc:facilityStatus", "FacilityStatus:opened") == (f.prop, f.value) for f in result.facts)
    # a facility keeps the Latin name the article gives it, beside its Cyrillic label
    facilities = [e for e in result.entities if e.cls.endswith("Facility")]
    assert facilities and all(any(lang == "kk-Latn" for lang, _ in e.alt) for e in facilities), facilities
    assert any(e.cls == "Event" and (e.key, "hc:eventType", "EventKind:opening") in facts for e in result.entities)
    # every mention and evidence span points to the original (Latin) characters
    assert result.mentions
    for m in result.mentions:
        assert m.text == article.text[m.begin:m.end]
        assert not any("\u0400" <= ch <= "\u04ff" for ch in m.text)
    for f in result.facts:
        if f.kind == "span":
            b, e = map(int, f.value.split(","))
            assert b >= 16 and not any("\u0400" <= ch <= "\u04ff" for ch in article.text[b:e])
    # and so in the graph: nif:anchorOf == original[begin:end]
    from rdflib import URIRef

    nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    _, graph = assemble([result])
    anchors = list(graph.subject_objects(URIRef(nif + "anchorOf")))
    assert len(anchors) >= len({(m.begin, m.end) for m in result.mentions})
    for node, anchor in anchors:
        begin = int(graph.value(node, URIRef(nif + "beginIndex")))
        end = int(graph.value(node, URIRef(nif + "endIndex")))
        assert str(anchor) == article.text[begin:end]


# Spellings seen in published Latin-script Kazakh beside the official ones (made-up sentences).
KK_2018_U = ("Qaratau audanynyń ákímí Serík Jaqsybekov míndettí medıtsınalyq saqtandyru jónínde keńes ótkízdí. "
             "Audandyq auruhananyń jūmysy turaly aıtty.")
KK_INFORMAL = ("Týrkistan oblysy Qaratau qalasynda jana emhana ashyldy. Ol oblys әkimi Serik Jaqsybekovpen birge aimaq "
               "basshysynyng júmys josparyn talqylady. Densaulyq saqtau ministri Asan Temirov medisinalyq "
               "qyzmetkerlerding biliktiligin arttyru turaly aitty, ortalyqtyng tehnikalyq bazasy jaqsardy.")


def test_acute_i_is_kazakh_i_and_u_is_u_where_u_macron_writes_u_bar():
    """'ákímí', 'jónínde': í is і; a 2018 text that writes ұ as ū ('jūmysy') writes у as u ('turaly')."""
    assert variant_of(KK_2018_U) == "2018u"
    cyr = transliterate(KK_2018_U).text
    for word in ("аудан", "әкімі", "Серік", "міндетті", "медициналық", "сақтандыру", "жөнінде", "кеңес",
                 "өткізді", "жұмысы туралы"):
        assert word in cyr, (word, cyr)


def test_informal_spelling_with_ng_and_gh_digraphs():
    """ң and ғ written ng / gh (no ń ǵ ñ ğ): ý is ү, ú is ұ, u is у, y is ы or й after a vowel, i is і or й
    after a vowel; a Cyrillic letter left in a Latin word stays; і/и and с/ц the letters leave open are the
    reading the lexicon knows (министрі, медициналық, техникалық)."""
    assert variant_of(KK_INFORMAL) == "informal"
    cyr = transliterate(KK_INFORMAL).text
    for word in ("Түркістан облысы Қаратау қаласында", "облыс әкімі Серік Жақсыбековпен", "аймақ басшысының", "жұмыс",
                 "Денсаулық сақтау министрі Асан Теміров", "медициналық", "қызметкерлердің біліктілігін",
                 "туралы айтты", "орталықтың техникалық"):
        assert word in cyr, (word, cyr)
    tr = transliterate(KK_INFORMAL)
    b = tr.text.index("әкімі")
    assert tr.source[slice(*tr.to_source(b, b + 5))] == "әkimi"


def test_informal_spelling_through_the_pipeline():
    """The informal article: the minister's and the akim's posts, the akim through 'аймақ басшысы' too."""
    from kg.build import process

    article = make_article("li", "li.txt", KK_INFORMAL + " Aimaq basshysy Serik Jaqsybekov emhanany araldy.",
                           language="kk")
    result = process(article)
    roles = {f.value for f in result.facts if f.prop == "hc:postRole"}
    assert {"Role:minister", "Role:akim"} <= roles and "Role:head_of_region" not in roles
    people = {dict(e.labels)["kk"] for e in result.entities if e.cls == "Person"}
    assert {"Асан Теміров", "Серік Жақсыбеков"} <= people


def test_2021_with_w_and_c():
    """The 2021 letters as some converters write them: w = у, ï = и, y = й (я, ю before a, u), u = ұ, c = с,
    and c = ц where only that reading is a word the lexicon knows."""
    text = ("Awdan äkimi Serik Docanov jaña awıldıq därigerlik ambwlatorïyanıñ aşılwına qatıctı. "
            "Qurılıcqa byudjetten qarajat bölinip, medïcïnalıq jabdıqtar alındı. Ayına 300 adam keledi.")
    assert variant_of(text) == "2021w"
    assert transliterate(text).text == (
        "Аудан әкімі Серік Досанов жаңа ауылдық дәрігерлік амбулаторияның ашылуына қатысты. "
        "Құрылысқа бюджеттен қаражат бөлініп, медициналық жабдықтар алынды. Айына 300 адам келеді.")
    assert variant_of(KK_2021) == "2021"                  # no w, no ï: the plain 2021 letters


def test_a_place_named_in_an_oblique_case_keeps_its_latin_name():
    """'Damby aýyldyq okrýginiń' (genitive): the nominative is the start of the Cyrillic form, so its Latin
    letters are the start of the original ('Damby aýyldyq okrýgi'), kept as a kk-Latn name; a district right
    after a city's genitive ('Almatynyń Naýryzbaı aýdanynda') is that city's, without the city in its name."""
    from kg.build import process
    result = process(make_article("t", "t.txt", "Atyraý oblysy Qaraqum aýyldyq okrýginiń ákimi Serik Bekov jańa "
                                  "emhanany aralady. Ol Almatynyń Naýryzbaı aýdanynda boldy."))
    by_label = {dict(e.labels).get("kk"): e for e in result.entities}
    okrug = by_label["Қарақұм ауылдық округі"]
    assert ("kk-Latn", "Qaraqum aýyldyq okrýgi") in okrug.alt
    district = by_label["Наурызбай ауданы"]
    assert ("kk-Latn", "Naýryzbaı aýdany") in district.alt
    assert any(f.subject == district.key and f.prop == "hc:partOf" and f.value == "region:KZ-75"
               for f in result.facts)


def test_2021_with_y_for_y_and_dotless_i_for_i():
    """The 2021 alphabet as decreed (y = ы, ı = і with the capital I, i = и / й with the capital İ), ŋ and ǧ
    for ñ and ğ, and s = ц where only that reading is a word the lexicon knows ('medisina', 'vise-')."""
    text = ("Bügın Densaulyq saqtau vise-ministrı Asan Temırov Işkı ıster ministrlıgınıŋ jaŋa medisinalyq "
            "ortalyǧynyŋ aşyluyna qatysty. Ol jerde 300 adam jūmys ısteidı.")
    assert variant_of(text) == "2021y"
    assert transliterate(text).text == (
        "Бүгін Денсаулық сақтау вице-министрі Асан Теміров Ішкі істер министрлігінің жаңа медициналық "
        "орталығының ашылуына қатысты. Ол жерде 300 адам жұмыс істейді.")
    assert variant_of(KK_2021) == "2021"                  # ı in back-vowel words: ı = ы


@pytest.mark.slow
def test_initial_and_surname_keep_their_latin_spelling():
    """'A.Temirova' (an initial glued to a surname) is the person 'А. Темірова': the Latin form as written is
    her kk-Latn name."""
    from kg.build import process

    text = ("Jıyn barysynda oblystyq aýrýhananyń bas dárigeri A.Temirova jáne aýdandyq emhananyń bas dárigeri "
            "B.Sadyqov sóz sóıledi. Olar jańa jabdyqtar týraly aıtty.")
    result = process(make_article("t", "t.txt", text))
    persons = {dict(e.labels)["kk"]: e for e in result.entities if e.cls == "Person"}
    assert ("kk-Latn", "A.Temirova") in persons["А. Темірова"].alt
    assert ("kk-Latn", "B.Sadyqov") in persons["Б. Садықов"].alt
