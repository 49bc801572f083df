"""Kazakh trigger words, by stem (``kg.nlp.kk.morph.stem``): data, extend here."""
from __future__ import annotations

ROLES = {
    ("әкім",): "akim",
    ("әкім", "орынбасар"): "deputy_akim",
    ("министр",): "minister",
    ("вице-министр",): "deputy_minister",
    ("министр", "орынбасар"): "deputy_minister",
    ("премьер-министр",): "prime_minister",
    ("президент",): "president",
    ("бас", "дәрігер"): "chief_physician",
    ("басшы",): "head",
    ("басшы", "орынбасар"): "deputy_head",
    ("төраға",): "chair",
    ("төраға", "орынбасар"): "deputy_chair",
    ("директор",): "director",
    ("бас", "директор"): "director",
    ("ректор",): "rector",
    ("депутат",): "member_of_parliament",
    ("сенатор",): "senator",
    ("губернатор",): "governor",
    ("мэр",): "mayor",
}
ACTING = [("міндет", "атқарушы"), ("уақытша",), ("м.а.",), ("у.а.",)]
ACTING_WORDS = {"атқарушы", "атқарушысы", "м.а.", "у.а."}

GOV_HEADS = {"басқарма", "министрлік", "әкімдік", "әкімшілік", "департамент", "комитет", "агенттік",
             "үкімет", "мәслихат", "палата", "прокуратура", "қор", "инспекция"}
ORG_HEADS = {"одақ", "қауымдастық", "ассоциация", "университет", "институт", "академия", "колледж",
             "компания", "корпорация", "холдинг", "партия", "қоғам", "орталық", "қызмет"}

FACILITY_HEADS = {
    "аурухана": ("hospital", "HealthcareFacility", False),
    "емхана": ("polyclinic", "HealthcareFacility", False),
    "перинаталдық орталық": ("perinatal_centre", "HealthcareFacility", False),
    "перзентхана": ("maternity_home", "HealthcareFacility", False),
    "амбулатория": ("ambulatory", "HealthcareFacility", False),
    "диспансер": ("dispensary", "HealthcareFacility", False),
    "клиника": ("clinic", "HealthcareFacility", True),
    "шипажай": ("sanatorium", "HealthcareFacility", False),
    "зертхана": ("laboratory", "HealthcareFacility", True),
    "дәріхана": ("pharmacy", "HealthcareFacility", True),
    "фап": ("feldsher_post", "HealthcareFacility", False),
    "орталық": ("medical_centre", "HealthcareFacility", True),
    "оңалту орталық": ("rehabilitation_centre", "SocialFacility", False),
    "хқко": ("service_centre", "SocialFacility", False),
    "қонақүй": ("hotel", "Venue", True),
}
# "орталық" alone is a facility only with a medical or social word before it.
DOMAIN_HEADS = {"орталық": ("medical", "social"), "клиника": ("medical",)}
MEDICAL_WORDS = {"медициналық", "денсаулық", "кардиология", "кардиохирургия", "онкология", "перинаталдық",
                 "диагностикалық", "травматология", "педиатрия", "стоматология", "көпсалалы", "жедел"}
SOCIAL_WORDS = {"оңалту", "әлеуметтік", "қарттар", "мүгедек", "балалар үйі"}
GENERIC_QUALIFIERS = {"ірі", "жаңа", "заманауи", "барлық", "бірнеше", "көптеген", "мемлекеттік", "жеке",
                      "қалалық", "облыстық", "аудандық", "осы", "бұл", "сол", "әр", "әрбір"}
LABEL_STRIP = {"ірі", "жаңа", "заманауи", "осы", "бұл", "сол"}
MORE_THAN = {"астам", "артық", "аса"}

# Status: prefixes of (verbal) word forms in the sentence.
STATUS_PREFIXES = [
    ("жаңғырт", "modernized"), ("жабдықт", "modernized"), ("жөндел", "under_repair"), ("жөндеу", "under_repair"),
    ("салынып", "under_construction"), ("салынуда", "under_construction"), ("құрылыс", "under_construction"),
    ("ашылды", "opened"), ("ашылып", "opened"), ("ашылған", "opened"), ("пайдалануға", "opened"),
    ("іске қосыл", "opened"), ("жоспар", "planned"), ("салынады", "planned"), ("ашылады", "planned"),
    ("жабылды", "closed"),
]

EVENTS = {
    ("жиналыс",): "meeting",
    ("кездесу",): "meeting",
    ("кеңес",): "meeting",
    ("кеңейтілген", "отырыс"): "session",
    ("отырыс",): "session",
    ("алқа", "отырыс"): "collegium",
    ("алқа",): "collegium",
    ("брифинг",): "briefing",
    ("баспасөз", "мәслихат"): "press_conference",
    ("форум",): "forum",
    ("фестиваль",): "festival",
    ("конференция",): "conference",
    ("конгресс",): "congress",
    ("семинар",): "seminar",
    ("тренинг",): "training",
    ("көрме",): "exhibition",
    ("дөңгелек", "үстел"): "round_table",
    ("пленарлық", "отырыс"): "plenary",
    ("сапар",): "visit",
    ("келісім",): "agreement_signing",
    ("меморандум",): "agreement_signing",
    ("бағдарлама",): "programme",
    ("жоба",): "programme",
    ("акция",): "campaign",
}
NEEDS_TITLE = {"programme", "campaign"}
# "кеңес беру" is consulting, not a council; an agreement needs a signing verb.
NOT_EVENT_AFTER = {"кеңес": ("беру", "берді", "береді", "берілді", "алу", "алды")}
SIGNING_PREFIXES = ("қол қой", "қол қойылды", "қол қою", "жасалды", "бекітілді")

MONTHS = {"қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6, "шілде": 7,
          "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12}

# Cross-language identity of common bodies: a Kazakh head phrase -> the key words the Russian side uses.
BODY_KEYS = {
    ("денсаулық", "сақтау", "басқарма"): "управление здравоохранения",
    ("денсаулық", "сақтау", "министрлік"): "министерство здравоохранения",
    ("денсаулық", "сақтау", "департамент"): "департамент здравоохранения",
    ("білім", "басқарма"): "управление образования",
    ("әкімдік",): "акимат",
}
CITY_ADJECTIVES = {"қалалық"}
REGION_ADJECTIVES = {"облыстық"}
NAMED_BY = {"атты", "аталатын", "деп"}
SETTLEMENT_WORDS = ("қала", "ауыл", "кент", "поселке", "елді")
CONJUNCTIONS = {"және", "мен", "бен", "пен", "немесе"}
