"""Russian trigger words, by lemma. Data, not code: extend here to recognise more of the press's wording."""
from __future__ import annotations

from ..patterns import load_table

# Role triggers (kg/patterns/ru/roles.json): tuple of lemmas -> role concept. Longest match wins.
ROLE_TABLE = load_table("ru", "roles")
ROLES = ROLE_TABLE.as_dict()
# Prepositions that may sit inside the body or place between a post word and a name
# ('посол Японии [в Чехии] Синдзи Харада', 'фронта [за демократию против диктатуры]').
BRIDGE_PREPOSITIONS = {"в", "на", "за", "против", "по", "при", "от", "из", "для"}
# Roles that make a tenure on their own ('Президент Саркози'): without them a bare role + name is too weak.
STANDALONE_ROLES = {"president", "prime_minister", "governor", "mayor", "akim", "minister", "chancellor",
                    "monarch", "speaker", "vice_president", "secretary", "ambassador", "deputy_governor",
                    "head_of_region", "deputy_prime_minister", "deputy_minister", "chief_physician",
                    "head_of_district", "deputy_akim", "rector", "prosecutor", "representative"}
# 'глава [Волгодонского] района', 'глава [городского] округа': a head role refined by the kind of place it heads.
HEAD_OF_PLACE = {"head": {"район": "head_of_district", "округ": "head_of_district", "город": "mayor",
                          "регион": "head_of_region", "республика": "head_of_region", "субъект": "head_of_region",
                          "администрация": "head_of_administration"}}
# Roles of a region: alone before a name ('губернатор Иван Петров') they hold the post of the region the
# text is about (kg.extract.officials.context_region), when that region is unambiguous.
REGIONAL_ROLES = {"governor", "deputy_governor", "head_of_region", "deputy_prime_minister"}
# Heads whose role, as the subject of a sentence with no name, names the next person in full
# ('Глава региона открыл … Иван Петров отметил …'); kg.extract.officials._named_next.
SUBJECT_HEAD_ROLES = {"governor", "head_of_region", "mayor", "akim", "head_of_district"}
# 'министр здравоохранения региона', 'глава регионального минздрава': words that point at the region in context.
GENERIC_REGION_NOUNS = {"регион", "область", "край", "республика", "субъект", "район"}
REGIONAL_ADJECTIVES = {"региональный", "областной", "краевой", "республиканский"}
# The head of a ministry is its minister: head role -> minister role, when the body's noun starts so.
MINISTRY_HEAD_ROLES = {"head": "minister", "deputy_head": "deputy_minister"}
MINISTRY_ROLES = {"minister", "deputy_minister"}
MINISTRY_PREFIXES = ("министерств", "минздрав", "минсоц", "минтруд", "минобр", "минстро", "минфин", "минэконом")
# Appointments and dismissals (kg.extract.appointments): trigger lemma -> kind of personnel change.
_APPOINTMENT = load_table("ru", "appointment")                      # kg/patterns/ru/appointment.json
APPOINTMENT_WORDS = {e.words[0]: e.value for e in _APPOINTMENT.entries}
# Triggers whose grammatical subject is the person who changes post ('возглавил', 'покинул пост').
APPOINTMENT_SELF = {e.words[0] for e in _APPOINTMENT.entries if e.fields.get("subject_changes")}
# Triggers that take the body or facility headed ('возглавил областную больницу').
APPOINTMENT_HEADS = {e.words[0] for e in _APPOINTMENT.entries if e.fields.get("takes_body")}
# Short names of regions after a role word (kg/patterns/ru/region_abbreviations.json): ('ро',) -> ISO codes.
REGION_ABBREVIATIONS = load_table("ru", "region_abbreviations").as_dict()
# Body nouns that refer back to the body named before ('руководитель ведомства').
BODY_REFERENCES = {"ведомство", "управление", "департамент", "министерство", "комитет"}
# Roles that, unplaced, can only be national in a country's news: Kazakhstan's regions have no ministers.
NATIONAL_ONLY_IN = {"KZ": {"minister", "deputy_minister"}}
DEMONSTRATIVES = {"этот", "это", "тот", "данный"}
# Facility nouns that refer back to the facility named before ('главный врач учреждения').
FACILITY_REFERENCES = {"учреждение", "медучреждение", "больница", "поликлиника", "клиника", "медорганизация",
                       "организация", "центр", "госпиталь", "диспансер"}
# The head of a hospital is its chief physician; roles that become so, and the facility kinds that make it.
FACILITY_HEAD_ROLES = {"head": "chief_physician", "director": "chief_physician"}
HOSPITAL_KINDS = {"hospital", "polyclinic", "clinic", "ambulatory", "dispensary", "maternity_home",
                  "perinatal_centre"}
# 'Им стал …', 'Ею назначена …': the sentence's appointee takes the role the previous sentence names.
ANAPHORIC_OPENERS = {"им", "ею", "ей"}
# Words after which a genitive role word is the post itself ('на должность министра', 'обязанности главы').
POST_WORDS = {"должность", "пост", "обязанность", "кресло"}
# 'назначен вместо …', 'сменил на посту …': the next name is the predecessor.
PREDECESSOR_WORDS = {"вместо", "сменить"}
HOSPITAL_LEMMAS = {"больница", "госпиталь", "поликлиника", "горбольница", "диспансер", "црб", "роддом",
                   "медсанчасть", "амбулатория", "центр"}
CHANGE_LABELS = {"appointment": "назначение", "dismissal": "освобождение от должности",
                 "nomination": "выдвижение на должность"}
# Adjectives naming a country before a role: 'российский президент', 'американский посол'.
COUNTRY_ADJECTIVES = {
    "российский": "RU", "казахстанский": "KZ", "американский": "US", "французский": "FR", "немецкий": "DE",
    "германский": "DE", "британский": "GB", "английский": "GB", "итальянский": "IT", "испанский": "ES",
    "китайский": "CN", "японский": "JP", "украинский": "UA", "белорусский": "BY", "турецкий": "TR",
    "польский": "PL", "грузинский": "GE", "армянский": "AM", "азербайджанский": "AZ", "узбекский": "UZ",
    "киргизский": "KG", "кыргызский": "KG", "таджикский": "TJ", "туркменский": "TM", "иранский": "IR",
    "израильский": "IL", "индийский": "IN", "канадский": "CA", "португальский": "PT", "греческий": "GR",
    "шведский": "SE", "финский": "FI", "норвежский": "NO", "эстонский": "EE", "латвийский": "LV",
    "литовский": "LT", "молдавский": "MD", "сербский": "RS", "болгарский": "BG", "румынский": "RO",
    "венгерский": "HU", "чешский": "CZ", "австрийский": "AT", "швейцарский": "CH", "бельгийский": "BE",
    "голландский": "NL", "нидерландский": "NL", "бразильский": "BR", "мексиканский": "MX",
    "египетский": "EG", "сирийский": "SY", "иракский": "IQ", "афганский": "AF", "пакистанский": "PK",
    "корейский": "KR", "южнокорейский": "KR", "северокорейский": "KP", "вьетнамский": "VN",
    "монгольский": "MN", "австралийский": "AU", "саудовский": "SA", "катарский": "QA", "ливийский": "LY",
}
# Region adjectives that are not the first word of the region's name.
REGION_ADJECTIVES = {"подмосковный": "RU-MOS", "петербургский": "RU-SPE", "московский": "RU-MOW",
                     "столичный": None, "кузбасский": "RU-KEM", "уральский": None, "крымский": None}

# Acting: these lemma sequences before a role make the tenure acting.
ACTING = [e.words for e in load_table("ru", "acting").entries]     # kg/patterns/ru/acting.json

# Heads of government bodies and other organizations (lemma -> class).
GOV_HEADS = {
    "правительство", "администрация", "министерство", "минздрав", "управление", "департамент", "комитет",
    "акимат", "мэрия", "дума", "парламент", "ведомство", "агентство", "служба", "инспекция", "прокуратура",
    "казначейство", "совет", "собрание", "палата", "фонд", "надзор",
}
ORG_HEADS = {
    "союз", "ассоциация", "общество", "партия", "движение", "корпорация", "компания", "холдинг", "банк",
    "университет", "институт", "академия", "колледж", "фонд", "объединение", "организация", "концерн",
    "агентство", "издательство", "центр", "газета", "журнал", "еженедельник", "ежемесячник", "издание",
    "радиостанция", "радио", "телеканал", "канал", "телекомпания", "информагентство", "портал", "сайт",
    "завод", "фабрика", "комбинат", "предприятие", "группа", "клуб", "команда", "театр", "музей", "школа",
    "лицей", "гимназия", "суд", "сенат", "конгресс", "палата", "фракция", "отделение", "представительство",
    "профсоюз", "федерация", "лига", "биржа", "авиакомпания", "оператор", "ассамблея", "комиссия", "совет",
    "служба", "министерство", "ведомство", "управление", "департамент", "комитет", "редакция", "консорциум",
}
# Legal forms written before a quoted name: 'ОАО «Газпром»'.
LEGAL_FORMS = {"оао", "зао", "ооо", "пао", "ао", "нко", "ано", "гуп", "муп", "фгуп", "гбуз", "гку", "гбу",
               "ип", "нп", "ано", "тоо", "ао", "llc", "inc", "ltd"}
# Short names of bodies: lemma -> the full head they stand for ('Минздрав Коми' = 'министерство здравоохранения
# Республики Коми'); the key of a body is made from the full head.
BODY_ABBREVIATIONS = {
    "минздрав": "министерство здравоохранения", "минфин": "министерство финансов",
    "минтруд": "министерство труда", "минобразования": "министерство образования",
    "минобрнауки": "министерство науки и высшего образования", "минсельхоз": "министерство сельского хозяйства",
    "минстрой": "министерство строительства", "минэкономразвития": "министерство экономического развития",
    "минпросвещения": "министерство просвещения", "минцифры": "министерство цифрового развития",
    "минсоцразвития": "министерство социального развития", "минспорт": "министерство спорта",
    "минкультуры": "министерство культуры", "минтранс": "министерство транспорта",
    "облздрав": "управление здравоохранения", "горздрав": "управление здравоохранения",
    "управздрав": "управление здравоохранения", "облправительство": "правительство",
}
# Heads of a region's own bodies, and the words that tie them to the region the article is about:
# 'региональный минздрав', 'областное правительство', 'министерство здравоохранения региона'.
REGIONAL_BODY_HEADS = {"правительство", "минздрав", "министерство", "облздрав", "управление", "департамент",
                       "минтруд", "минфин", "минстрой", "минсоцразвития", "минобразования", "дума"}
REGIONAL_ADJECTIVES = {"областной", "региональный", "краевой", "республиканский", "окружной"}
REGION_NOUNS = {"регион", "область", "край", "республика", "округ", "субъект"}
# Social networks and messengers: site chrome ('мы во ВКонтакте', 'Telegram-канал'), never a body.
SOCIAL_NETWORKS = {"вконтакте", "вк", "vk", "vkontakte", "telegram", "телеграм", "телеграмм", "тг", "tg",
                   "telegram-канал", "телеграм-канал", "одноклассники", "ok", "ок", "дзен", "яндекс.дзен",
                   "rutube", "youtube", "ютуб", "instagram", "инстаграм", "facebook", "фейсбук", "twitter",
                   "твиттер", "whatsapp", "ватсап", "viber", "вайбер", "tiktok", "тикток", "livejournal", "жж",
                   "mail.ru", "пульс", "max"}
# Words that make a social network the medium of a post: 'в группе … во «ВКонтакте»', 'на странице в Telegram'.
MEDIUM_WORDS = {"группа", "канал", "страница", "аккаунт", "паблик", "сообщество", "соцсеть", "публикация", "пост",
                "телеграм-канал", "telegram-канал", "подписчик"}
# Acronyms natasha tags as organizations that name no body.
GENERIC_ACRONYMS = {"сми", "пао", "оао", "зао", "ооо", "ао", "нко", "вуз", "вузы", "рф", "ип", "тоо", "цб"}

# Facility heads: lemma -> (facility kind, class, needs a specific qualifier).
FACILITY_HEADS = {
    "больница": ("hospital", "HealthcareFacility", True),
    "госпиталь": ("hospital", "HealthcareFacility", True),
    "горбольница": ("hospital", "HealthcareFacility", False),
    "кардиоцентр": ("medical_centre", "HealthcareFacility", False),
    "онкоцентр": ("medical_centre", "HealthcareFacility", False),
    "перинатальный центр": ("perinatal_centre", "HealthcareFacility", False),
    "роддом": ("maternity_home", "HealthcareFacility", False),
    "родильный дом": ("maternity_home", "HealthcareFacility", False),
    "поликлиника": ("polyclinic", "HealthcareFacility", True),
    "клиника": ("clinic", "HealthcareFacility", True),
    "амбулатория": ("ambulatory", "HealthcareFacility", True),
    "диспансер": ("dispensary", "HealthcareFacility", True),
    "санаторий": ("sanatorium", "HealthcareFacility", True),
    "фап": ("feldsher_post", "HealthcareFacility", False),
    "фельдшерско-акушерский пункт": ("feldsher_post", "HealthcareFacility", False),
    "пункт": ("emergency_post", "HealthcareFacility", True),
    "центр": ("medical_centre", "HealthcareFacility", True),
    "медцентр": ("medical_centre", "HealthcareFacility", True),
    "лаборатория": ("laboratory", "HealthcareFacility", True),
    "мфц": ("service_centre", "SocialFacility", False),
    "многофункциональный центр": ("service_centre", "SocialFacility", False),
    "дом-интернат": ("social_centre", "SocialFacility", True),
    "интернат": ("social_centre", "SocialFacility", True),
    "пансионат": ("social_centre", "SocialFacility", True),
    "филиал": ("social_centre", "SocialFacility", True),
    "технопарк": ("technology_park", "Facility", True),
    "парк": ("technology_park", "Facility", True),
    "отель": ("hotel", "Venue", True),
    "гостиница": ("hotel", "Venue", True),
    "подстанция": ("emergency_post", "HealthcareFacility", True),
    "станция": ("emergency_post", "HealthcareFacility", True),
    "ковид-госпиталь": ("hospital", "HealthcareFacility", False),
    "медучреждение": ("clinic", "HealthcareFacility", True),
}
# Facility acronyms: lemma -> (full name, kind). Each is a head too ('Шекснинская ЦРБ'); an acronym and its
# full name in one article are one facility.
FACILITY_ABBREVIATIONS = {
    "црб": ("центральная районная больница", "hospital"),
    "цгб": ("центральная городская больница", "hospital"),
    "гкб": ("городская клиническая больница", "hospital"),
    "окб": ("областная клиническая больница", "hospital"),
    "ккб": ("краевая клиническая больница", "hospital"),
    "ркб": ("республиканская клиническая больница", "hospital"),
    "дгкб": ("детская городская клиническая больница", "hospital"),
    "одкб": ("областная детская клиническая больница", "hospital"),
    "рдкб": ("республиканская детская клиническая больница", "hospital"),
    "кдкб": ("краевая детская клиническая больница", "hospital"),
    "гдкб": ("городская детская клиническая больница", "hospital"),
    "фап": ("фельдшерско-акушерский пункт", "feldsher_post"),
    "фп": ("фельдшерский пункт", "feldsher_post"),
    "цовп": ("центр общей врачебной практики", "ambulatory"),
    "овп": ("офис врачебной практики", "ambulatory"),
    "мфц": ("многофункциональный центр", "service_centre"),
}
for _abbr, (_full, _kind) in FACILITY_ABBREVIATIONS.items():
    FACILITY_HEADS.setdefault(_abbr, (_kind, "SocialFacility" if _kind == "service_centre" else "HealthcareFacility", False))
FACILITY_HEADS["фельдшерский пункт"] = ("feldsher_post", "HealthcareFacility", False)
# Legal forms of a healthcare institution written before its quoted name: 'ГБУЗ «Городская больница № 1»'.
FACILITY_LEGAL_FORMS = {"гбуз", "гауз", "гуз", "мбуз", "огбуз", "огауз", "кгбуз", "кгбу", "гбу", "фгбу", "фгбуз",
                        "бу", "бюджетное", "медучреждение"}
# Words that do not tell one facility from another of its kind ('новая поликлиника' = 'поликлиника').
IDENTITY_STRIP = {"новый", "современный", "этот", "данный", "наш", "такой", "весь", "тот", "образцовый",
                  "место", "койка", "посещение", "здание", "свой", "один", "ряд", "сам", "который"}
# Verbs of going to a place: a facility named by its kind alone is one when someone visits it.
VISIT_VERBS = {"посетить", "побывать", "осмотреть", "посещать", "проинспектировать", "проверить"}
# Words in a "центр …" / "филиал …" phrase that make it social rather than medical.
SOCIAL_WORDS = {"реабилитация", "реабилитационный", "социальный", "соцучреждение", "семья", "занятость", "ребенок-инвалид",
                "ребенок", "пожилой", "интернат", "мфц", "соцзащита", "опека", "услуга"}
MEDICAL_WORDS = {"здоровье", "гинекология", "хирургия", "медицина", "кардиохирургия", "онкология",
                 "кардиология", "диагностика", "медицинский", "лечение", "реанимация", "травматология",
                 "неврология", "педиатрия", "стоматология", "перинатальный", "клинический", "инфекционный",
                 "кардиологический", "онкологический", "катастрофа", "гемодиализ", "крови", "кровь",
                 "радиология", "ядерный", "фтизиатрия", "психиатрия", "наркология", "экстренный", "скорый"}
TECH_WORDS = {"технология", "технологический", "инновация", "атомный"}
# Qualifiers too generic to make a facility specific ("новая больница", "частных клиник").
GENERIC_QUALIFIERS = {"новый", "современный", "медицинский", "частный", "государственный", "ведущий",
                      "ключевой", "крупный", "специализированный", "лечебный", "другой", "весь", "этот",
                      "такой", "наш", "свой", "один", "каждый", "многие", "ряд", "любой", "весь", "лучший",
                      "зарубежный", "иностранный", "российский", "отечественный", "профильный", "подобный",
                      "региональный", "районный", "сельский", "муниципальный", "уникальный", "собственный",
                      "образцовый", "опорный", "действующий", "основной", "городской", "областной"}

# Event triggers: lemma tuple -> event kind.
EVENTS = {
    ("встреча",): "meeting",
    ("рабочий", "встреча"): "meeting",
    ("совещание",): "meeting",
    ("переговоры",): "meeting",
    ("коллегия",): "collegium",
    ("заседание",): "session",
    ("пленарный", "заседание"): "plenary",
    ("пленарный", "сессия"): "plenary",
    ("конгресс",): "congress",
    ("съезд",): "congress",
    ("форум",): "forum",
    ("конференция",): "conference",
    ("брифинг",): "briefing",
    ("пресс-конференция",): "press_conference",
    ("тренинг",): "training",
    ("семинар",): "seminar",
    ("мастер-класс",): "training",
    ("круглый", "стол"): "round_table",
    ("визит",): "visit",
    ("рабочий", "визит"): "working_trip",
    ("приезд",): "visit",
    ("видеоконференция",): "meeting",
    ("рабочий", "поездка"): "working_trip",
    ("инспектирование",): "inspection",
    ("открытие",): "opening",
    ("фестиваль",): "festival",
    ("выставка",): "exhibition",
    ("акция",): "campaign",
    ("проект",): "programme",
    ("программа",): "programme",
    ("нацпроект",): "programme",
}
# Kinds that only make an event with a quoted title or a capitalised name ("проект «…»").
NEEDS_TITLE = {"programme", "campaign"}
# Kinds that only make an event with a place, a date or a title ("визит в Москву").
NEEDS_ANCHOR = {"visit", "session", "exhibition"}
# Noun triggers too general to make an event on their own ('с открытием ФАПов уровень помощи выше'): they
# count with a ceremony or participation word near them, or inside an event a stronger trigger found.
WEAK_NOUNS = {"opening"}
EVENT_ANCHOR_WORDS = {"церемония", "торжественный", "торжество", "праздник", "участие", "участвовать",
                      "присутствовать", "состояться", "пройти", "собраться", "торжественно", "праздничный",
                      "лента"}
# Verb triggers: lemma -> kind. A verb counts in the past (or present) tense, not under a plan cue; the
# kinds in VERB_NEEDS say what else the sentence must hold.
EVENT_VERBS = {
    "открыть": "opening", "открыться": "opening", "открываться": "opening", "заработать": "opening",
    "посетить": "visit", "побывать": "visit", "проинспектировать": "inspection", "осмотреть": "inspection",
    "инспектировать": "inspection", "встретиться": "meeting", "встречаться": "meeting", "проверить": "inspection",
}
# 'opening' needs a facility word after or before the verb; visits need a person or an official as actor.
OPENING_OBJECTS = {"здание", "корпус", "отделение", "объект", "подстанция", "станция", "учреждение",
                   "медучреждение", "кабинет", "фап", "фельдшерско-акушерский", "амбулатория", "поликлиника",
                   "больница", "центр", "роддом", "диспансер", "клиника", "пункт", "госпиталь", "стационар",
                   "медцентр", "лаборатория", "комплекс", "блок", "црб", "рб", "гкб", "окб", "дкб", "цгб", "гп",
                   "фап", "медсанчасть"}
VERB_NEEDS = {"opening": "object", "visit": "actor", "inspection": "actor", "meeting": "actor"}
# Multi-word verb phrases: all lemmas within a few words -> kind ('ввели в эксплуатацию', 'дал старт работе',
# 'побывал с инспекцией').
EVENT_PHRASES = {
    ("ввести", "эксплуатация"): "opening",
    ("дать", "старт"): "opening",
    ("побывать", "инспекция"): "inspection",
    ("прибыть", "инспекция"): "inspection",
    ("ознакомиться", "ход"): "inspection",
    ("представить", "коллектив"): "meeting",
}
# Words before a trigger that make it no event that took place: 'договорились о подписании',
# 'пригласил … с ответным визитом', 'планируется открыть'.
EVENT_NOT_CUES = {"договориться", "пригласить", "приглашать", "приглашение", "планировать", "планироваться",
                  "намереваться", "намерен", "предстоять", "собираться", "должный", "должен", "мочь", "обещать",
                  "пообещать", "запланировать", "ожидаться", "предполагаться"}
# Kinds of one family in one article are one event; the cluster takes the first kind of the list it holds.
EVENT_FAMILIES = (("working_trip", "inspection", "visit"), ("opening",))
# Kinds that stay apart in one article when their sentences name different settlements (two openings).
PLACED_KINDS = {"opening"}
# A bare 'заседание' / 'совещание' in an article with a collegium, a plenary or a congress is its sitting.
MERGES_INTO = {"session": ("collegium", "plenary", "congress", "forum", "conference"),
               "meeting": ("collegium", "session", "plenary", "congress", "forum", "conference")}
ANAPHORIC_NOUNS = {"заседание", "совещание"}
# Gatherings whose speakers ('выступил', 'получил слово', 'с докладом') are participants.
GATHERINGS = {"congress", "forum", "conference", "collegium", "session", "plenary", "round_table"}
SPEAKER_CUES = (("выступить",), ("получить", "слово"), ("взять", "слово"), ("доклад",), ("выступление",))
# Words between в/на and a place that keep it the event's place: 'в селе Долан', 'на юге Волгограда'.
PLACE_WORDS = {"район", "село", "город", "поселок", "деревня", "станица", "аул", "микрорайон", "округ",
               "часть", "поселение", "г.", "с.", "юг", "север", "запад", "восток", "центр", "окраина",
               "пригород", "территория"}
# A period makes an opening a tally, not an event ('за последние два года открыто 14 клиник').
PERIOD_CUES = (("в", "последний"), ("за", "последний"), ("с", "начало"), ("в", "течение"), ("за", "год"),
               ("ежегодно",), ("в", "этот", "год"), ("в", "текущий", "год"), ("за", "период"),
               ("в", "прошлый", "год"), ("за", "время"))
# Kinds whose label takes their subject after о/об/по ('коллегия об итогах года', 'совещание по вопросам …').
TOPIC_KINDS = {"meeting", "collegium", "session", "conference", "round_table", "seminar", "briefing"}
# Word pairs before a name that make the person no participant: 'при поддержке губернатора …',
# 'по поручению министра …', 'по словам советника …'.
ASIDE_CUES = {("при", "поддержка"), ("по", "поручение"), ("по", "слово")}
# Words in a lead that put its event before the article's day ('в минувшие выходные', 'накануне').
EARLIER_CUES = (("минувший",), ("прошлый",), ("накануне",), ("ранее",), ("недавно",), ("прошедший",))
# An opening's ceremony: its people are the opening's participants ('перерезал ленту вместе с министром').
CEREMONY_CUES = (("лента",), ("перерезать",), ("разрезать",))
# Kinds whose sentence, when it names no one, takes the people of the sentence before ('X поблагодарил Y …
# Рабочая встреча состоялась в Москве').
BACKWARD_KINDS = {"meeting", "collegium", "session", "plenary"}
# Words before an event noun that make it a room: 'в зале заседаний'.
ROOM_WORDS = {"зал", "комната", "помещение", "кабинет"}
# Prepositions before a date that make it a deadline, not the event's date ('к 15 сентября').
DEADLINE_PREPS = {"к", "до", "по"}
# Agreement signing: a document noun with a signing verb in the same sentence.
AGREEMENT_NOUNS = {"соглашение", "меморандум", "договор"}
SIGNING_VERBS = {"подписать", "подписывать", "заключить", "подписание", "заключение", "подписанный"}
VISIT_SUBJECTS = {"делегация"}
MOTION_VERBS = {"приехать", "прибыть", "посетить", "посещать", "приезжать", "прилететь"}
# Words that introduce the other side of an agreement: 'соглашение с Минздравом', 'между X и Y'.
PARTY_PREPS = {"с", "между"}
# Relative day words and weekdays (after 'в'/'во'), resolved against the article's date.
RELATIVE_DAYS = {"сегодня": 0, "вчера": -1, "позавчера": -2, "завтра": 1}
WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5,
            "воскресенье": 6}
WEEKDAY_PAST = ("минувший", "минувшую", "минувшее", "прошлый", "прошлую", "прошлое", "прошедший",
                "прошедшую", "прошедшее")

# Facility statuses reported in a sentence: lemma -> status. Plan cues override the rest.
STATUS = {
    "открытие": "opened", "открыть": "opened", "открываться": "opened", "открытый": "opened",
    "заработать": "opened", "запуск": "opened", "ввести": "opened", "ввод": "opened",
    "ремонт": "under_repair", "капремонт": "under_repair", "реконструкция": "under_repair",
    "строительство": "under_construction", "строиться": "under_construction", "возводиться": "under_construction",
    "модернизация": "modernized", "обновиться": "modernized", "обновить": "modernized",
    "модернизировать": "modernized", "переоснастить": "modernized", "оснастить": "modernized",
    "закрытие": "closed", "закрыть": "closed",
    "готовность": "under_construction",
    "открыться": "opened", "ремонтный": "under_repair", "отремонтировать": "under_repair",
    "расконсервировать": "opened", "расконсервация": "opened", "достроить": "opened",
}
PLAN_CUES = {"планироваться", "план", "планировать", "запланировать", "запланированный", "намечать", "ожидать", "предстоять", "намереваться", "будущий",
             "проектирование", "создать", "появиться", "построить"}
FUTURE_AUX = {"будет", "будут", "станет"}
ANAPHORA_STARTS = {"среди", "в том числе", "из них", "это", "ими", "их"}

# Nouns after which a name in quotes or an acronym is an event, not an organization ("участники СВО").
EVENT_CONTEXT = {"участник", "ветеран", "зона"}
# Outlet cues: "передает Toppress.kz", "сообщает ТАСС".
PUBLISHER_VERBS = {"передавать", "сообщать"}
PRESS_SERVICE = ("пресс-служба",)

MONTH_FORMS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
SAME_DAY = (("в", "этот", "же", "день"), ("в", "тот", "же", "день"))
ORGANIZED_BY = {"организовать", "организатор", "организованный", "провести", "проводить"}
SUPPORT = ("при", "поддержка")
BETWEEN = "между"

# Heads too general to name a facility without a word of their domain ("центр внимания" is no centre).
DOMAIN_HEADS = {"центр": ("medical", "social"), "пункт": ("medical",), "парк": ("tech",),
                "станция": ("medical",), "подстанция": ("medical",),
                "филиал": ("quote",), "лаборатория": ("medical",)}
# In a sentence about institutions, a quoted name after 'в'/'на' is one ("отделения в «Лесной сказке»").
FACILITY_CONTEXT = {"учреждение", "соцучреждение", "медучреждение", "филиал", "отделение", "организация"}
LOCATIVE = {"в", "на"}
# Words that make a facility phrase start: strip these generic ones from labels ("новый роддом").
LABEL_STRIP = {"новый", "новое", "новая", "современный", "этот", "наш", "данный", "ряд", "два", "три", "четыре",
               "пять"}

# Quantities: multipliers after a number, verbs that introduce a measured value, units.
MULTIPLIERS = {"тысяча": 1000, "тыс": 1000, "тыс.": 1000, "миллион": 10**6, "млн": 10**6, "млн.": 10**6,
               "миллиард": 10**9, "млрд": 10**9, "млрд.": 10**9}
VALUE_VERBS = {"составить", "составлять", "достичь", "достигать", "превысить", "вырасти", "увеличиться",
               "снизиться", "сократиться"}
PERCENT = {"%", "процент"}
# Words after a number that make it no indicator (dates, addresses, ranks, times).
NOT_MEASURES = {"год", "месяц", "неделя", "день", "час", "минута", "раз", "место", "номер", "этаж", "дом",
                "век", "января", "мая", "лет", "смена", "человек"}
THIS_YEAR = (("в", "этот", "год"), ("в", "текущий", "год"), ("этот", "год"))
# Month words and their abbreviations: '8 июня', '4 дек' are dates, not counts.
MONTH_WORDS = {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
               "ноябрь", "декабрь", "янв", "фев", "мар", "апр", "июн", "июл", "авг", "сен", "сент", "окт", "ноя",
               "нояб", "дек"}
# A facility's capacity: 'на 226 коек', 'мощностью 500 посещений в смену' -> (measure, unit).
CAPACITY_UNITS = {"койка": ("коечный фонд", "койка"), "место": ("вместимость", "место"),
                  "посещение": ("мощность", "посещение в смену")}
CAPACITY_CUES = {"на", "мощность", "мощностью", "вместимость", "вместимостью", "рассчитать", "рассчитанный"}
# Money: unit lemma -> canonical unit; the nouns that name what the sum is.
MONEY_UNITS = {"рубль": "рубль", "руб": "рубль", "руб.": "рубль", "р.": "рубль", "тенге": "тенге",
               "тг": "тенге", "доллар": "доллар", "евро": "евро"}
COST_NOUNS = {"стоимость": "стоимость", "стоить": "стоимость", "обойтись": "стоимость", "смета": "стоимость",
              "финансирование": "финансирование", "выделить": "финансирование", "направить": "финансирование",
              "инвестиция": "инвестиции", "вложить": "инвестиции", "бюджет": "финансирование"}
# Readiness of a building: 'готовность объекта — 85%', 'готов на 70%'.
READINESS_WORDS = {"готовность", "готовый", "строительный"}

# Nouns after which a quoted common word is a category, a slogan or a title, not a body:
# 'в отрасли «Здравоохранение»', 'по профилю «онкология»', 'в номинации «Лучший врач»'.
CATEGORY_NOUNS = {"отрасль", "сфера", "профиль", "направление", "номинация", "тема", "рубрика", "формат",
                  "слоган", "девиз", "лозунг", "проект", "программа", "акция", "конкурс", "фестиваль", "премия",
                  "категория", "специальность", "статус", "звание", "орден", "медаль", "знак", "операция",
                  "режим", "лозунгом", "название", "фильм", "книга", "песня", "спектакль", "выставка"}

# Heads that name a body when a country or region follows: 'сборная России', 'посольство США в Токио'.
PLACE_BODY_HEADS = {"сборная", "представительство", "посольство", "консульство", "делегация", "орган",
                    "руководство", "федерация", "министерство", "ведомство", "полиция", "армия", "спецслужба",
                    "разведка", "прокуратура", "суд", "парламент", "правительство", "администрация", "мэрия",
                    "кабинет", "командование", "генпрокуратура", "минздрав", "минфин", "мид", "управление",
                    "департамент", "комитет", "акимат", "служба", "агентство", "инспекция"}

# Former posts ('бывший министр', 'экс-губернатор'): kg/patterns/ru/former.json; no current tenure.
from ..patterns import load_table as _load_former  # noqa: E402
FORMER_WORDS = {e.words[0] for e in _load_former("ru", "former").entries if e.value == "before"}
FORMER_PREFIXES = tuple(e.words[0] for e in _load_former("ru", "former").entries if e.value == "prefix")
