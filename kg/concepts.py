"""SKOS concept schemes of the ontology: event kinds, roles, facility kinds, facility statuses.

Closed sets: the extractors may only emit names listed here; ``concept()`` fails on anything else.
Each entry: name -> (ru, kk, en) preferred labels. ``ontology/hckg.ttl`` declares the same concepts
(checked by a test, both ways).
"""
from __future__ import annotations

from rdflib import URIRef

from .vocab import HC_NS

EVENT_KINDS: dict[str, tuple[str, str, str]] = {
    "meeting": ("встреча", "кездесу", "meeting"),
    "collegium": ("коллегия", "алқа отырысы", "board meeting"),
    "session": ("заседание", "отырыс", "session"),
    "congress": ("конгресс", "конгресс", "congress"),
    "forum": ("форум", "форум", "forum"),
    "conference": ("конференция", "конференция", "conference"),
    "briefing": ("брифинг", "брифинг", "briefing"),
    "press_conference": ("пресс-конференция", "баспасөз мәслихаты", "press conference"),
    "agreement_signing": ("подписание соглашения", "келісімге қол қою", "agreement signing"),
    "training": ("тренинг", "тренинг", "training"),
    "seminar": ("семинар", "семинар", "seminar"),
    "round_table": ("круглый стол", "дөңгелек үстел", "round table"),
    "plenary": ("пленарное заседание", "пленарлық отырыс", "plenary session"),
    "opening": ("открытие", "ашылу", "opening"),
    "visit": ("визит", "сапар", "visit"),
    "working_trip": ("рабочая поездка", "жұмыс сапары", "working trip"),
    "inspection": ("инспекционная поездка", "тексеру сапары", "inspection visit"),
    "programme": ("программа", "бағдарлама", "programme"),
    "festival": ("фестиваль", "фестиваль", "festival"),
    "exhibition": ("выставка", "көрме", "exhibition"),
    "campaign": ("акция", "акция", "campaign"),
    "reception": ("приём граждан", "азаматтарды қабылдау", "reception of citizens"),
}

ROLES: dict[str, tuple[str, str, str]] = {
    "governor": ("губернатор", "губернатор", "governor"),
    "deputy_governor": ("заместитель губернатора", "губернатордың орынбасары", "deputy governor"),
    "head_of_region": ("глава региона", "өңір басшысы", "head of region"),
    "head_of_district": ("глава района", "аудан басшысы", "head of district"),
    "deputy_head_of_district": ("заместитель главы района", "аудан басшысының орынбасары", "deputy head of district"),
    "head_of_administration": ("глава администрации", "әкімшілік басшысы", "head of administration"),
    "mayor": ("мэр", "мэр", "mayor"),
    "akim": ("аким", "әкім", "akim"),
    "deputy_akim": ("заместитель акима", "әкімнің орынбасары", "deputy akim"),
    "minister": ("министр", "министр", "minister"),
    "deputy_minister": ("заместитель министра", "вице-министр", "deputy minister"),
    "prime_minister": ("премьер-министр", "премьер-министр", "prime minister"),
    "deputy_prime_minister": ("вице-премьер", "премьер-министрдің орынбасары", "deputy prime minister"),
    "president": ("президент", "президент", "president"),
    "chair": ("председатель", "төраға", "chair"),
    "deputy_chair": ("заместитель председателя", "төрағаның орынбасары", "deputy chair"),
    "head": ("руководитель", "басшы", "head"),
    "deputy_head": ("заместитель руководителя", "басшының орынбасары", "deputy head"),
    "director": ("директор", "директор", "director"),
    "chief_physician": ("главный врач", "бас дәрігер", "chief physician"),
    "chief_sanitary_physician": ("главный санитарный врач", "бас санитариялық дәрігер", "chief sanitary physician"),
    "chief_specialist": ("главный внештатный специалист", "бас штаттан тыс маман", "chief specialist"),
    "rector": ("ректор", "ректор", "rector"),
    "member_of_parliament": ("депутат", "депутат", "member of parliament"),
    "senator": ("сенатор", "сенатор", "senator"),
    "ombudsman": ("уполномоченный", "уәкіл", "ombudsman"),
    "ambassador": ("посол", "елші", "ambassador"),
    "speaker": ("спикер", "спикер", "speaker"),
    "leader": ("лидер", "көшбасшы", "leader"),
    "member": ("член", "мүше", "member"),
    "co_chair": ("сопредседатель", "тең төраға", "co-chair"),
    "coordinator": ("координатор", "үйлестіруші", "coordinator"),
    "representative": ("представитель", "өкіл", "representative"),
    "spokesperson": ("пресс-секретарь", "баспасөз хатшысы", "spokesperson"),
    "adviser": ("советник", "кеңесші", "adviser"),
    "assistant": ("помощник", "көмекші", "assistant"),
    "editor": ("редактор", "редактор", "editor"),
    "journalist": ("журналист", "журналист", "journalist"),
    "photographer": ("фотограф", "фотограф", "photographer"),
    "expert": ("эксперт", "сарапшы", "expert"),
    "economist": ("экономист", "экономист", "economist"),
    "observer": ("наблюдатель", "бақылаушы", "observer"),
    "coach": ("тренер", "жаттықтырушы", "coach"),
    "commander": ("командующий", "қолбасшы", "commander"),
    "chancellor": ("канцлер", "канцлер", "chancellor"),
    "vice_president": ("вице-президент", "вице-президент", "vice president"),
    "secretary": ("секретарь", "хатшы", "secretary"),
    "state_secretary": ("государственный секретарь", "мемлекеттік хатшы", "state secretary"),
    "founder": ("основатель", "негізін қалаушы", "founder"),
    "owner": ("владелец", "иесі", "owner"),
    "professor": ("профессор", "профессор", "professor"),
    "physician": ("врач", "дәрігер", "physician"),
    "cosmonaut": ("космонавт", "ғарышкер", "cosmonaut"),
    "pilot": ("пилот", "ұшқыш", "pilot"),
    "general": ("генерал", "генерал", "general"),
    "monarch": ("король", "король", "monarch"),
    "player": ("игрок", "ойыншы", "player"),
    "captain": ("капитан", "капитан", "captain"),
    "prosecutor": ("прокурор", "прокурор", "prosecutor"),
}

FACILITY_KINDS: dict[str, tuple[str, str, str]] = {
    "hospital": ("больница", "аурухана", "hospital"),
    "polyclinic": ("поликлиника", "емхана", "polyclinic"),
    "clinic": ("клиника", "клиника", "clinic"),
    "medical_centre": ("медицинский центр", "медициналық орталық", "medical centre"),
    "perinatal_centre": ("перинатальный центр", "перинаталдық орталық", "perinatal centre"),
    "maternity_home": ("роддом", "перзентхана", "maternity home"),
    "ambulatory": ("амбулатория", "амбулатория", "outpatient clinic"),
    "feldsher_post": ("фельдшерско-акушерский пункт", "фельдшерлік-акушерлік пункт", "feldsher-midwife post"),
    "emergency_post": ("пункт скорой помощи", "жедел жәрдем пункті", "emergency care post"),
    "dispensary": ("диспансер", "диспансер", "dispensary"),
    "sanatorium": ("санаторий", "шипажай", "sanatorium"),
    "laboratory": ("лаборатория", "зертхана", "laboratory"),
    "pharmacy": ("аптека", "дәріхана", "pharmacy"),
    "rehabilitation_centre": ("реабилитационный центр", "оңалту орталығы", "rehabilitation centre"),
    "social_centre": ("социальное учреждение", "әлеуметтік мекеме", "social institution"),
    "service_centre": ("многофункциональный центр", "халыққа қызмет көрсету орталығы", "one-stop service centre"),
    "technology_park": ("технопарк", "технопарк", "technology park"),
    "hotel": ("гостиница", "қонақүй", "hotel"),
    "hall": ("зал", "зал", "hall"),
}

FACILITY_STATUSES: dict[str, tuple[str, str, str]] = {
    "opened": ("открыто", "ашылды", "opened"),
    "planned": ("планируется", "жоспарланған", "planned"),
    "under_construction": ("строится", "салынуда", "under construction"),
    "under_repair": ("ремонтируется", "жөнделуде", "under repair"),
    "modernized": ("модернизировано", "жаңғыртылды", "modernized"),
    "closed": ("закрыто", "жабылды", "closed"),
}

# Narrower -> broader concept (skos:broader): a board meeting is a meeting, a plenary a session.
BROADER = {
    "EventKind": {"collegium": "meeting", "session": "meeting", "plenary": "session", "round_table": "meeting",
                  "press_conference": "briefing", "seminar": "training",
                  "working_trip": "visit", "inspection": "visit", "reception": "meeting"},
    "Role": {"governor": "head_of_region", "deputy_governor": "governor", "deputy_akim": "akim", "deputy_minister": "minister",
             "deputy_prime_minister": "prime_minister", "deputy_chair": "chair", "deputy_head": "head",
             "deputy_head_of_district": "head_of_district", "head_of_region": "head", "head_of_district": "head", "head_of_administration": "head",
             "chief_physician": "head", "chief_sanitary_physician": "head"},
    "FacilityKind": {"perinatal_centre": "medical_centre", "maternity_home": "hospital",
                     "rehabilitation_centre": "social_centre", "service_centre": "social_centre"},
}


def broader_closure(cls: str, name: str) -> list[str]:
    """``name`` and every concept above it: 'plenary' -> ['plenary', 'session', 'meeting']."""
    chain, table = [name], BROADER.get(cls, {})
    while chain[-1] in table:
        chain.append(table[chain[-1]])
    return chain


# scheme local name, concept class, IRI prefix, table
SCHEMES = (
    ("EventKinds", "EventKind", "event_", EVENT_KINDS),
    ("Roles", "Role", "role_", ROLES),
    ("FacilityKinds", "FacilityKind", "facility_", FACILITY_KINDS),
    ("FacilityStatuses", "FacilityStatus", "status_", FACILITY_STATUSES),
)
_BY_CLASS = {cls: (prefix, table) for _, cls, prefix, table in SCHEMES}


def concept(cls: str, name: str) -> URIRef:
    """The IRI of concept ``name`` of the scheme whose concept class is ``cls`` (e.g. "Role", "governor")."""
    prefix, table = _BY_CLASS[cls]
    if name not in table:
        raise KeyError(f"{name!r} is not a {cls} concept; known: {', '.join(sorted(table))}")
    return URIRef(HC_NS + prefix + name)


def all_concepts():
    """Yield (scheme, class, iri, (ru, kk, en)) for every concept."""
    for scheme, cls, prefix, table in SCHEMES:
        for name, labels in table.items():
            yield scheme, cls, URIRef(HC_NS + prefix + name), labels
