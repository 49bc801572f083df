"""Russian rule data, served from files: this module only derives lookup shapes from them.

- Trigger and pattern tables: ``kg/patterns/ru/<table>.json`` (roles, acting, appointment, events,
  event_verbs, event_phrases, facility_heads, facility_abbreviations, statuses, bridges, body_heads,
  body_abbreviations, legal_forms, facility_legal_forms, country_adjectives, region_adjectives,
  region_abbreviations, head_of_place), checked against ``kg/concepts.py`` when loaded (``kg.patterns``) and
  matched on the Doc by the trigger components of ``kg.extract.pipeline``.
- Closed word sets and small maps the rules consult per token (cue words, stop words, units, the concept
  sets such as ``STANDALONE_ROLES``): ``kg/patterns/ru/sets/word_sets.json``, each under the name it has
  here (``load_word_sets``; a set that names concepts is checked against ``kg/concepts.py`` too).
"""
from __future__ import annotations

from ..patterns import load_table, load_word_sets

# Word sets (kg/patterns/ru/sets/word_sets.json): PLAN_CUES, STANDALONE_ROLES, MONTH_FORMS, ... by name.
globals().update(load_word_sets("ru"))

# Role triggers (kg/patterns/ru/roles.json): tuple of lemmas -> role concept. Longest match wins.
ROLE_TABLE = load_table("ru", "roles")
ROLES = ROLE_TABLE.as_dict()
# Prepositions that may sit inside the body or place between a post word and a name
# ('посол Японии [в Чехии] Синдзи Харада', 'фронта [за демократию против диктатуры]').
BRIDGE_PREPOSITIONS = load_table("ru", "bridges").words()          # kg/patterns/ru/bridges.json
# 'глава [Волгодонского] района', 'глава [городского] округа': a head role refined by the kind of place it heads.
HEAD_OF_PLACE: dict = {}                                            # kg/patterns/ru/head_of_place.json
for _e in load_table("ru", "head_of_place").entries:
    HEAD_OF_PLACE.setdefault(_e.fields["head"], {})[_e.words[0]] = _e.value
# Appointments and dismissals (kg.extract.appointments): trigger lemma -> kind of personnel change.
_APPOINTMENT = load_table("ru", "appointment")                      # kg/patterns/ru/appointment.json
APPOINTMENT_WORDS = {e.words[0]: e.value for e in _APPOINTMENT.entries}
# Triggers whose grammatical subject is the person who changes post ('возглавил', 'покинул пост').
APPOINTMENT_SELF = {e.words[0] for e in _APPOINTMENT.entries if e.fields.get("subject_changes")}
# Triggers that take the body or facility headed ('возглавил областную больницу').
APPOINTMENT_HEADS = {e.words[0] for e in _APPOINTMENT.entries if e.fields.get("takes_body")}
# 'возложено на Петра Сидорова': the preposition whose object is the person the change concerns
APPOINTMENT_PERSON_AFTER = {e.words[0]: e.fields["person_after"] for e in _APPOINTMENT.entries
                            if e.fields.get("person_after")}
# Short names of regions after a role word (kg/patterns/ru/region_abbreviations.json): ('ро',) -> ISO codes.
REGION_ABBREVIATIONS = load_table("ru", "region_abbreviations").as_dict()
# Adjectives naming a country before a role: 'российский президент', 'американский посол'.
COUNTRY_ADJECTIVES = {e.words[0]: e.value for e in load_table("ru", "country_adjectives").entries}
# Region adjectives that are not the first word of the region's name.
REGION_ADJECTIVES = {e.words[0]: e.value for e in load_table("ru", "region_adjectives").entries}

# Acting: these lemma sequences before a role make the tenure acting.
ACTING = [e.words for e in load_table("ru", "acting").entries]     # kg/patterns/ru/acting.json

# Heads of government bodies and other organizations (kg/patterns/ru/body_heads.json: lemma -> class).
_BODY_HEADS = load_table("ru", "body_heads").entries
GOV_HEADS = {e.words[0] for e in _BODY_HEADS if e.value == "GovernmentBody"}
ORG_HEADS = {e.words[0] for e in _BODY_HEADS if e.value == "Organization" or e.fields.get("org_head")}
# Legal forms written before a quoted name: 'ОАО «Газпром»'.
LEGAL_FORMS = load_table("ru", "legal_forms").words()                # kg/patterns/ru/legal_forms.json
# Short names of bodies: lemma -> the full head they stand for ('Минздрав Коми' = 'министерство здравоохранения
# Республики Коми'); the key of a body is made from the full head.
# (kg/patterns/ru/body_abbreviations.json)
BODY_ABBREVIATIONS = {e.words[0]: e.value for e in load_table("ru", "body_abbreviations").entries}

# Facility heads: lemma (words joined by a space) -> (facility kind, class, needs a specific qualifier)
# (kg/patterns/ru/facility_heads.json).
FACILITY_HEADS = {" ".join(e.words): (e.value, e.fields["cls"], bool(e.fields.get("needs_qualifier")))
                  for e in load_table("ru", "facility_heads").entries}
# Facility acronyms: lemma -> (full name, kind) (kg/patterns/ru/facility_abbreviations.json). Each is a head
# too ('Шекснинская ЦРБ'); an acronym and its full name in one article are one facility.
FACILITY_ABBREVIATIONS = {e.words[0]: (e.fields["full"], e.value)
                          for e in load_table("ru", "facility_abbreviations").entries}
for _abbr, (_full, _kind) in FACILITY_ABBREVIATIONS.items():
    FACILITY_HEADS.setdefault(_abbr, (_kind, "SocialFacility" if _kind == "service_centre" else "HealthcareFacility", False))
# Legal forms of a healthcare institution written before its quoted name: 'ГБУЗ «Городская больница № 1»'.
FACILITY_LEGAL_FORMS = load_table("ru", "facility_legal_forms").words()   # kg/patterns/ru/facility_legal_forms.json

# Event triggers: lemma tuple -> event kind (kg/patterns/ru/events.json).
EVENTS = load_table("ru", "events").as_dict()
# Verb triggers: lemma -> kind (kg/patterns/ru/event_verbs.json). A verb counts in the past (or present)
# tense, not under a plan cue; the kinds in VERB_NEEDS say what else the sentence must hold.
EVENT_VERBS = {e.words[0]: e.value for e in load_table("ru", "event_verbs").entries}
# Multi-word verb phrases: all lemmas within a few words -> kind ('ввели в эксплуатацию', 'дал старт работе',
# 'побывал с инспекцией') (kg/patterns/ru/event_phrases.json).
EVENT_PHRASES = load_table("ru", "event_phrases").as_dict()

# Facility statuses reported in a sentence: lemma -> status (kg/patterns/ru/statuses.json; its phrases such
# as 'начать работа' are read from the Doc's matches). Plan cues override the rest.
STATUS = {e.words[0]: e.value for e in load_table("ru", "statuses").entries if len(e.words) == 1}


# Former posts ('бывший министр', 'экс-губернатор'): kg/patterns/ru/former.json; no current tenure.
_FORMER = load_table("ru", "former").entries
FORMER_WORDS = {e.words[0] for e in _FORMER if e.value == "before"}
FORMER_PREFIXES = tuple(e.words[0] for e in _FORMER if e.value == "prefix")
