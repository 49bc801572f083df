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
        "reduced": ("Узлы сгруппированы по сообществам; группа названа по своему региону или персоне. "
                "Двойной щелчок раскрывает группу.",
                "Түйіндер қауымдастықтар бойынша топтастырылған; топ өз өңірі немесе адамы бойынша аталған. "
                "Екі рет шерту топты ашады.",
                "Nodes are grouped by community; a group is named after its region or person. "
                "Double-click a group to expand it."),
    "groups": ("групп", "топ", "groups"),
    "focus": ("Фрагмент", "Үзінді", "Slice"),
    "capped": ("На странице самые связанные узлы; ещё {n} имён доступны поиску.",
               "Бетте ең көп байланысқан түйіндер; тағы {n} атау іздеуде бар.",
               "The page holds the most connected nodes; {n} more names can be searched."),
    "fallback": ("Группы по регионам (поиск сообществ прерван по времени).",
                 "Топтар өңірлер бойынша (қауымдастықтарды іздеу уақыт бойынша тоқтатылды).",
                 "Grouped by region (community detection stopped at its time limit)."),
    "from": ("с", "бастап", "from"),
    "to": ("по", "дейін", "to"),
    "fit": ("Весь граф", "Бүкіл граф", "Fit"),
    "mention": ("упоминание", "аталым", "mention"),
    "notInView": ("нет на этой странице", "бұл бетте жоқ", "not on this page"),
    "notEmbedded": ("Этого узла нет в обзоре. Страница вокруг него:", "Бұл түйін шолуда жоқ. Оның айналасындағы бет:",
                    "This node is not in the overview. A page around it:"),
    "searchLabel": ("Поиск", "Іздеу", "Search"),
    "articleLabel": ("Статья", "Мақала", "Article"),
    "results": ("Результаты поиска", "Іздеу нәтижелері", "Search results"),
    "details": ("Подробности", "Толығырақ", "Details"),
    "canvas": ("Сеть связей; щелчок выбирает узел, колесо меняет масштаб, стрелки двигают",
               "Байланыстар желісі; шерту түйінді таңдайды, дөңгелек масштабты өзгертеді, көрсеткілер жылжытады",
               "Network of links; click selects a node, wheel zooms, arrow keys pan"),
    "articleEdge": ("светлые линии — связи со статьями", "ашық сызықтар — мақалалармен байланыс", "light lines — links to articles"),
}


def ui_strings() -> dict[str, dict[str, str]]:
    """{lang: {key: text}} for ru, kk, en."""
    return {lang: {key: row[n] for key, row in _ROWS.items()} for n, lang in enumerate(("ru", "kk", "en"))}
