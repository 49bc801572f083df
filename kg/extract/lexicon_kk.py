"""Kazakh trigger words. The trigger tables are data in ``kg/patterns/kk/*.json`` (``kg.patterns``: checked
against ``kg/concepts.py`` when loaded); the small closed sets below are the Kazakh extractor's own."""
from __future__ import annotations

from ..patterns import PatternError, check_concepts, load_table

_ROLES = load_table("kk", "roles")
ROLES = _ROLES.as_dict()                                   # stems -> Role
NATIONAL_WORDS = {e.words for e in _ROLES.entries if e.fields.get("national")}   # 'мәжілісмен': the country's
# Roles every word of which is national ('министр'); 'депутат' may be a maslikhat's, 'мәжілісмен' is national.
NATIONAL_ROLES = {e.value for e in _ROLES.entries if e.fields.get("national")} - \
    {e.value for e in _ROLES.entries if not e.fields.get("national")}
FORMER_TITLES = {e.words for e in _ROLES.entries if e.fields.get("former")}     # 'Елбасы Х': held the post
ROLE_RU = {e.words: e.fields["ru"] for e in _ROLES.entries if e.fields.get("ru")}  # the post's Russian name
# 'орынбасары' alone refers to a role told before it; that role -> its deputy's (from the entries 'X орынбасар').
BARE_DEPUTY = ("орынбасар",)
DEPUTY_OF: dict[str, str] = {}
for _words, _role in ROLES.items():
    if len(_words) > 1 and _words[-1] == BARE_DEPUTY[0] and _words[:-1] in ROLES:
        DEPUTY_OF.setdefault(ROLES[_words[:-1]], _role)
ACTING = [e.words for e in load_table("kk", "acting").entries]          # lower-case word prefixes
ACTING_WORDS = {"атқарушы", "атқарушысы", "м.а.", "у.а."}
APPOINTMENT = load_table("kk", "appointment").as_dict()                 # word prefixes -> appointed|dismissed|started

GOV_HEADS = {"басқарма", "министрлік", "әкімдік", "әкімшілік", "департамент", "комитет", "агенттік",
             "үкімет", "мәслихат", "палата", "прокуратура", "қор", "инспекция", "сенат", "мәжіліс", "парламент",
             "филиал"}
BRANCH_HEADS = {"филиал"}
# What a person in the genitive is named for, not present ('Х-тың берген тапсырмасы', 'Х-тың Жолдауы'): stems.
AUTHORED = {"тапсырма", "жолдау", "бастама", "жарлық", "пікір"}
NETWORK_WORDS = ("желі",)              # '… орталықтардың желісі': a plural head that is the area's network of them
# Legal forms written out after a quoted company name ('«…» жауапкершілігі шектеулі серіктестігі').
LEGAL_FORM_PHRASES = (("жауапкершілігі", "шектеулі", "серіктестігі"), ("акционерлік", "қоғамы"),
                      ("коммерциялық", "емес", "акционерлік", "қоғамы"))
CAPITALISED_BODIES = {"мәжіліс"}        # a body only when capitalised ('Мәжіліс'; 'аппарат мәжілісі' is a meeting)
LEGAL_FORMS_KK = {"КеАҚ", "АҚ", "ЖШС", "РМК", "ШЖҚ", "МКК", "КМК", "ҚБ"}   # after a quoted company's name
REPORT_VERBS = ("хабарлайды", "хабарлады", "жазады", "мәлімдейді")   # '…, деп хабарлайды Kazinform'

# Case endings no word inside a body's name carries (locative, possessed dative / locative / ablative): such a
# word before the head ends the name ('Екінші қабатта | әкімшілік', 'тапсырмасына сәйкес | прокуратура').
NOT_IN_NAME_ENDINGS = ("да", "де", "та", "те", "сына", "сіне", "ына", "іне", "сынан", "сінен", "ынан", "інен")

ORG_HEADS = {"одақ", "қауымдастық", "ассоциация", "университет", "институт", "академия", "колледж",
             "компания", "корпорация", "холдинг", "партия", "қоғам", "орталық", "қызмет"}

FACILITY_HEADS = {" ".join(e.words): (e.value, e.fields["cls"], bool(e.fields.get("needs_domain")))
                  for e in load_table("kk", "facility_heads").entries}
# "орталық" alone is a facility only with a medical or social word before it.
DOMAIN_HEADS = {"орталық": ("medical", "social"), "клиника": ("medical",)}
MEDICAL_WORDS = {"медициналық", "денсаулық", "кардиология", "кардиохирургия", "онкология", "перинаталдық",
                 "диагностикалық", "травматология", "педиатрия", "стоматология", "көпсалалы", "жедел"}
MOTHER_AND_CHILD = ("ана", "мен", "бала")   # 'Ана мен бала орталығы': the words make 'орталық' medical
SOCIAL_WORDS = {"оңалту", "әлеуметтік", "қарттар", "мүгедек", "балалар үйі"}
# Word beginnings that make a noun before a facility head medical ('инсульт орталығы', 'медицина-сауықтыру
# орталығы', 'кардиология орталығы'); each part of a hyphenated compound is tried.
MEDICAL_PREFIXES = ("медицина", "медициналық", "емдеу", "инсульт", "кардио", "онко", "перинат", "диагност",
                    "травмат", "педиатр", "стоматолог", "хирург", "фтизиатр", "наркол", "психиатр", "реанимац",
                    "гемодиализ", "денсаулық", "сауықтыр", "жедел", "туберкулез")
GENERIC_QUALIFIERS = {"ірі", "жаңа", "заманауи", "барлық", "бірнеше", "көптеген", "мемлекеттік", "жеке",
                      "қалалық", "облыстық", "аудандық", "осы", "бұл", "сол", "әр", "әрбір"}
# Nouns before a head that say whom or what a facility serves ('балалар ауруханасы': a children's hospital,
# 'теміржол ауруханасы': a railway hospital).
ATTRIBUTIVE_NOUNS = {"балалар", "ересектер", "теміржол", "аурулар"}   # + 'жұқпалы аурулар ауруханасы'
# 'X-ға қарсы' (against X) before a head: 'туберкулезге қарсы диспансер', an anti-TB dispensary.
AGAINST = {"қарсы"}
DATIVE_ENDINGS = {"ға", "ге", "қа", "ке", "на", "не", "а", "е"}
GENERIC_ALL = {"барлық", "әр", "әрбір", "кейбір", "көптеген", "бірнеше"}   # quantifiers of facilities in general
LABEL_STRIP = {"ірі", "жаңа", "заманауи", "осы", "бұл", "сол"}
ABSENT = {"жоқ"}                        # 'емханасы жоқ ауыл': a village without one, no facility
MORE_THAN = {"астам", "артық", "аса"}

# Status: prefixes of (verbal) word forms in the sentence.
STATUS_PREFIXES = [(" ".join(e.words), e.value) for e in load_table("kk", "statuses").entries]

EVENTS = load_table("kk", "events").as_dict()                            # stems -> EventKind
_EVENT_VERBS = load_table("kk", "event_verbs")
EVENT_VERBS = {e.words: (e.value, e.fields) for e in _EVENT_VERBS.entries}   # word prefixes -> (kind, fields)
NEEDS_TITLE = {"programme", "campaign"}
# "кеңес беру" is consulting, not a council; an agreement needs a signing verb.
NOT_EVENT_AFTER = {"кеңес": ("беру", "берді", "береді", "берілді", "алу", "алды",
                             "төраға", "мүше", "хатшы"),          # 'кеңес төрағасы': the council's chairman
                   "мәжіліс": ("депутат", "төраға", "спикер", "хатшы")}     # 'Мәжіліс депутаты': the house
SIGNING_PREFIXES = ("қол қой", "қол қойылды", "қол қою", "жасалды", "бекітілді")
# A ceremony (event_verbs 'joins') with no event of its kind in the article: an opening ceremony ('ашылу
# рәсімі') with its facility is the opening, a festive one ('салтанатты шара / жиын') a gathering.
OPENING_CEREMONY = ("ашылу",)
CEREMONY = ("салтанатты", "мерекелік")
# '… мерекелік шара өтті': a ceremony said to have taken place is an event even with nobody named (prefixes).
HELD_VERBS = ("өтті", "өткізілді", "ұйымдастырылды")

MONTHS = {e.words[0]: e.value for e in load_table("kk", "months").entries}

# Cross-language identity of common bodies: a Kazakh head phrase -> the key words the Russian side uses.
BODY_KEYS = {
    ("денсаулық", "сақтау", "басқарма"): "управление здравоохранения",
    ("денсаулық", "сақтау", "министрлік"): "министерство здравоохранения",
    ("денсаулық", "сақтау", "департамент"): "департамент здравоохранения",
    ("білім", "басқарма"): "управление образования",
    ("әкімдік",): "акимат",
}
# Posts one person holds at a time: named without a name as a sentence's subject, they are the next sentence's
# one person with no post (kg.extract.officials._unnamed_holder_kk).
SOLE_ROLES = {"president", "prime_minister", "deputy_prime_minister", "minister", "akim"}
# Nouns after a role that make it the name of the post, not its holder ('министрі қызметінен', 'әкімі
# лауазымына', 'басшысының міндетін'): prefixes.
POST_NOUNS = ("қызмет", "лауазым", "міндет", "орн")
PARTICIPLE_ENDINGS = ("ған", "ген", "қан", "кен")      # 'Президент ұсынған кандидатура': a clause's subject
check_concepts("kg.extract.lexicon_kk", {"Role": {"SOLE_ROLES": SOLE_ROLES}})
# 'Х-тың төрағалығымен' (chaired by X): word prefixes; X's post, when X has no other, is the chair's.
CHAIRED_BY = ("төрағалығымен",)
# Facility kinds whose head is a chief physician: a bare 'бас дәрігер' in a text about one of them heads it.
HOSPITAL_KINDS = {"ambulatory", "clinic", "dispensary", "hospital", "maternity_home", "perinatal_centre", "polyclinic"}
CITY_ADJECTIVES = {"қалалық"}
REGION_ADJECTIVES = {"облыстық"}
NAMED_BY = {"атты", "аталатын", "деп"}
QUOTING = {"деп"}                       # '«…» деп': a name only before 'аталатын' ('деп аталатын'), else a quote
# A programme, an action plan, a campaign of N days or a week ('«…» атты жұлдызды 20 күндік', '«…» атты
# іс-жоспары') is an event, no organisation.
PROGRAMME_HEADS = {"бағдарлама", "стратегия", "жоба", "іс-жоспар", "күндік", "онкүндік", "апталық", "акция"}
SETTLEMENT_WORDS = ("қала", "ауыл", "кент", "поселке", "елді")
CONJUNCTIONS = {"және", "мен", "бен", "пен", "немесе"}
# A body's head is its minister / akim: 'министрлігінің басшысы' (stems of the body's head noun).
HEAD_OF_BODY = {"министрлік": "minister", "әкімдік": "akim"}
# Chain words that make a post national when no place is named ('Парламент Сенатының депутаты', 'Президент
# Әкімшілігінің басшысы').
NATIONAL_BODIES = {"парламент", "сенат", "мәжіліс", "үкімет", "министрлік", "президент"}
# Personnel changes (kg.extract.appointments' records): table value -> change kind, labels, predecessor words.
CHANGE_KINDS = {"appointed": "appointment", "started": "appointment", "dismissed": "dismissal"}
CHANGE_LABELS = {"appointment": "тағайындау", "dismissal": "босату", "nomination": "ұсыну"}
# 'Х қызметінен (өз қалауы бойынша) кетті / босатылды': leaving one's post, no role word (prefixes).
FROM_POST = ("қызметінен", "лауазымынан", "жұмысынан")
LEFT_POST = ("кетті", "босатыл")
PREDECESSOR_WORDS = {"орнына", "орны"}
# '… басшысының міндетін атқарушы оның орынбасары Х': the acting holder named by his own post, a pronoun's.
OWN_POST = {("оның", "орынбасары"), ("оның", "бірінші")}
# 'Х … бастығы қызметін атқарады' (holds), '… орынбасары болған Х' (held): words -> (current | former, holder side).
HOLDING = {e.words: (e.value, e.fields.get("holder")) for e in load_table("kk", "holding").entries}
if any(v not in ("current", "former") or h not in ("before", "after") for v, h in HOLDING.values()):
    raise PatternError("kg/patterns/kk/holding.json: value is current or former, holder is before or after")
# 'Х-ті … әкімі лауазымына тағайындау ұсынысы' … 'кандидатураны қолдады' (kg/patterns/kk/candidacy.json).
_CANDIDACY = load_table("kk", "candidacy").entries
PROPOSED = {e.words: e.value for e in _CANDIDACY if e.value == "proposed"}
CANDIDACY_NOUNS = tuple(e.words[0] for e in _CANDIDACY if e.value == "candidacy")
APPROVED = {e.words: e.value for e in _CANDIDACY if e.value == "approved"}
# 'облысын басқарған Х' (kg/patterns/kk/governing.json): words -> (current | former, holder side).
GOVERNING = {e.words: (e.value, e.fields.get("holder")) for e in load_table("kk", "governing").entries}
if any(v not in ("current", "former") or h not in ("before", "after") for v, h in GOVERNING.values()):
    raise PatternError("kg/patterns/kk/governing.json: value is current or former, holder is before or after")
VERBAL_NOUN_ENDINGS = ("у", "ю")      # 'бақылау', 'реттеу', 'қорғау': a verbal noun takes an object inside a name
ACCUSATIVE_ENDINGS = {"ны", "ні", "ды", "ді", "ты", "ті", "н", "ын", "ін", "сын", "сін"}   # 'облысын', 'ауданды'
_FORMER = load_table("kk", "former").entries                             # kg/patterns/kk/former.json
FORMER_WORDS = {e.words[0] for e in _FORMER if e.value == "before"}
FORMER_AFTER = {e.words[0] for e in _FORMER if e.value == "after"}

# The genitive chain before a post (kg/patterns/kk/post_chain.json): each word with the sets it belongs to.
_CHAIN = load_table("kk", "post_chain").entries
LEVEL_WORDS = {e.words[0]: v.split(":", 1)[1] for e in _CHAIN for v in e.value if v.startswith("level:")}
COUNTRY_WORDS = {e.words[0] for e in _CHAIN if "country" in e.value}
CHAIN_PLACES = {e.words[0]: v.split(":", 1)[1] for e in _CHAIN for v in e.value if v.startswith("place:")}
CHAIN_STOP = {e.words[0] for e in _CHAIN if "stop" in e.value}          # ends the chain
NOT_IN_POST = {e.words[0] for e in _CHAIN if "not_in_post" in e.value}
ORG_STOP = {e.words[0] for e in _CHAIN if "org_stop" in e.value}        # ends a body's name, leftwards
TOPIC_WORDS = {e.words[0] for e in _CHAIN if "topic" in e.value}        # '… мәселелері бойынша комиссиясы'
FIELD_AFTER_LEVEL = {e.words[0] for e in _CHAIN if "field" in e.value}   # 'қала құрылысы': no city's
MEMBER_BODIES = {e.words[0] for e in _CHAIN if "members" in e.value}   # 'депутат Х': the article's мәслихат
THIS_WORDS = {e.words[0] for e in _CHAIN if "this" in e.value}          # 'Бұл лауазымға Х тағайындалды'
RANK_WORDS = {e.words[0] for e in _CHAIN if "rank" in e.value}          # 'вице-министрі генерал-майор Х'
TOPIC_SPAN = 10                         # words between a topic word and its body's genitive, at most

# Date forms (kg/patterns/kk/date_forms.json): year markers before / after the day, the day's ordinal endings.
_DATE_FORMS = load_table("kk", "date_forms").entries
YEAR_BEFORE = [e.words[0] for e in _DATE_FORMS if "year_before" in e.value]
YEAR_AFTER = [e.words[0] for e in _DATE_FORMS if "year_after" in e.value]
ORDINAL_ENDINGS = [e.words[0] for e in _DATE_FORMS if "ordinal" in e.value]

# A role word followed by one of these takes the appointee named after or before it ('… басшысы болып Х
# тағайындалды', 'Х-тың … директоры қызметіне тағайындалды'): lower-case word prefixes.
ROLE_COMPLEMENTS = ("болып", "қызметіне", "лауазымына")
# Stems of a model FAC span's last word that make it a settlement, not a facility ('Қарабау ауылы').
SETTLEMENT_STEMS = {"ауыл", "кент", "аудан", "округ", "қала"}
PLACE_NOUNS = SETTLEMENT_STEMS | {"облыс"}            # 'Алматы қаласының', 'Жамбыл облысының' after a name
