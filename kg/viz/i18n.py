"""The page's own words in ru, kk and en (the graph's words come from its labels and the ontology)."""
from __future__ import annotations

_ROWS: dict[str, tuple[str, str, str]] = {
    "title": ("Граф знаний о здравоохранении", "Денсаулық сақтау туралы білім графы", "Healthcare knowledge graph"),
    "search": ("Поиск по названию…", "Атауы бойынша іздеу…", "Search by name…"),
    "noResults": ("Ничего не найдено", "Ештеңе табылмады", "Nothing found"),
    "classes": ("Классы", "Кластар", "Classes"),
    "allArticles": ("Все статьи", "Барлық мақалалар", "All articles"),
    "language": ("Язык", "Тіл", "Language"),
    "class": ("Класс", "Класы", "Class"),
    "labels": ("Названия", "Атаулары", "Labels"),
    "altLabels": ("Другие названия", "Басқа атаулары", "Other names"),
    "properties": ("Свойства", "Қасиеттері", "Properties"),
    "links": ("Связи", "Байланыстары", "Links"),
    "sources": ("Источники", "Дереккөздері", "Sources"),
    "evidence": ("подтверждение", "дәлел", "evidence"),
    "noSources": ("Нет источников", "Дереккөз жоқ", "No sources"),
    "close": ("Закрыть", "Жабу", "Close"),
    "expand": ("Раскрыть группу", "Топты ашу", "Expand group"),
    "expandAll": ("Показать всё", "Барлығын көрсету", "Show all"),
    "collapse": ("Сгруппировать", "Топтастыру", "Group"),
    "group": ("Группа", "Топ", "Group"),
    "members": ("Состав", "Құрамы", "Members"),
    "nodes": ("узлов", "түйін", "nodes"),
    "edges": ("связей", "байланыс", "edges"),
    "shown": ("показано", "көрсетілген", "shown"),
    "more": ("ещё", "тағы", "more"),
    "yes": ("да", "иә", "yes"),
    "no": ("нет", "жоқ", "no"),
    "layout": ("Раскладка…", "Орналастыру…", "Laying out…"),
    "reduced": ("Сокращённый вид: чиновники, регионы, учреждения и события, сгруппированные по сообществам. "
                "Щёлкните группу, чтобы раскрыть её.",
                "Қысқартылған көрініс: шенеуніктер, өңірлер, мекемелер мен оқиғалар қауымдастықтар бойынша "
                "топтастырылған. Топты ашу үшін оны басыңыз.",
                "Reduced view: officials, regions, facilities and events, grouped by community. "
                "Click a group to expand it."),
    "articleEdge": ("пунктир — связь со статьёй", "үзік сызық — мақаламен байланыс", "dashed — link to an article"),
}


def ui_strings() -> dict[str, dict[str, str]]:
    """{lang: {key: text}} for ru, kk, en."""
    return {lang: {key: row[n] for key, row in _ROWS.items()} for n, lang in enumerate(("ru", "kk", "en"))}
