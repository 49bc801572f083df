"""Kazakh trigger words. The trigger tables are data in ``kg/patterns/kk/*.json`` (``kg.patterns``: checked
against ``kg/concepts.py`` when loaded); the small closed sets below are the Kazakh extractor's own."""
from __future__ import annotations

from ..patterns import load_table

_ROLES = load_table("kk", "roles")
ROLES = _ROLES.as_dict()                                   # stems -> Role
NATIONAL_ROLES = {e.value for e in _ROLES.entries if e.fields.get("national")}
ACTING = [e.words for e in load_table("kk", "acting").entries]          # lower-case word prefixes
ACTING_WORDS = {"атқарушы", "атқарушысы", "м.а.", "у.а."}
APPOINTMENT = load_table("kk", "appointment").as_dict()                 # word prefixes -> appointed|dismissed|started

GOV_HEADS = {"басқарма", "министрлік", "әкімдік", "әкімшілік", "департамент", "комитет", "агенттік",
             "үкімет", "мәслихат", "палата", "прокуратура", "қор", "инспекция"}
ORG_HEADS = {"одақ", "қауымдастық", "ассоциация", "университет", "институт", "академия", "колледж",
             "компания", "корпорация", "холдинг", "партия", "қоғам", "орталық", "қызмет"}

FACILITY_HEADS = {" ".join(e.words): (e.value, e.fields["cls"], bool(e.fields.get("needs_domain")))
                  for e in load_table("kk", "facility_heads").entries}
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
STATUS_PREFIXES = [(" ".join(e.words), e.value) for e in load_table("kk", "statuses").entries]

EVENTS = load_table("kk", "events").as_dict()                            # stems -> EventKind
_EVENT_VERBS = load_table("kk", "event_verbs")
EVENT_VERBS = {e.words: (e.value, e.fields) for e in _EVENT_VERBS.entries}   # word prefixes -> (kind, fields)
NEEDS_TITLE = {"programme", "campaign"}
# "кеңес беру" is consulting, not a council; an agreement needs a signing verb.
NOT_EVENT_AFTER = {"кеңес": ("беру", "берді", "береді", "берілді", "алу", "алды")}
SIGNING_PREFIXES = ("қол қой", "қол қойылды", "қол қою", "жасалды", "бекітілді")

MONTHS = {e.words[0]: e.value for e in load_table("kk", "months").entries}

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
# A body's head is its minister / akim: 'министрлігінің басшысы' (stems of the body's head noun).
HEAD_OF_BODY = {"министрлік": "minister", "әкімдік": "akim"}
# Chain words that make a post national when no place is named ('Парламент Сенатының депутаты').
NATIONAL_BODIES = {"парламент", "сенат", "мәжіліс", "үкімет", "министрлік"}
