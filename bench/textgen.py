"""Generated Russian healthcare-news articles for scale tests and benchmarks.

Invented people in invented template sentences (no text from any real article), real region and city
names, dates and counts drawn from a seeded generator: the same ``seed`` gives the same corpus, byte for
byte. About 2,200 characters an article by default, like the regional news the project reads.

    python bench/textgen.py OUT_DIR --articles 1000 [--seed 1]
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = ["Алексей", "Марина", "Игорь", "Светлана", "Олег", "Наталья", "Виктор", "Елена", "Павел", "Ирина",
         "Денис", "Ольга", "Роман", "Татьяна", "Георгий", "Анна", "Максим", "Юлия", "Артём", "Вера"]
PATRONYMIC_M = ["Петрович", "Игоревич", "Сергеевич", "Андреевич", "Викторович", "Олегович", "Юрьевич"]
PATRONYMIC_F = ["Петровна", "Игоревна", "Сергеевна", "Андреевна", "Викторовна", "Олеговна", "Юрьевна"]
SURNAME_M = ["Лесков", "Горбатов", "Рыбников", "Зорин", "Ветров", "Сомов", "Крылатов", "Дубравин", "Листьев",
             "Бережной", "Калинов", "Тихомиров", "Озеров", "Полянский", "Снегирёв", "Журавлёв"]
FEMALE = {"Марина", "Светлана", "Наталья", "Елена", "Ирина", "Ольга", "Татьяна", "Анна", "Юлия", "Вера"}
REGIONS = [("Липецкой области", "Липецке"), ("Тульской области", "Туле"), ("Курской области", "Курске"),
           ("Тамбовской области", "Тамбове"), ("Орловской области", "Орле"), ("Калужской области", "Калуге"),
           ("Рязанской области", "Рязани"), ("Брянской области", "Брянске"), ("Владимирской области", "Владимире"),
           ("Смоленской области", "Смоленске")]
ROLES = ["министр здравоохранения", "губернатор", "заместитель губернатора", "главный врач областной больницы",
         "начальник управления здравоохранения"]
FACILITIES = ["областная клиническая больница", "городская поликлиника № {n}", "детская больница",
              "перинатальный центр", "фельдшерско-акушерский пункт", "центр амбулаторной онкологической помощи"]
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря"]
TEMPLATES = [
    "{date} {role} {region_gen} {person} провёл рабочее совещание по развитию первичного звена здравоохранения.",
    "В {city} после капитального ремонта открылась {facility}, сообщил {role} {region_gen} {person}.",
    "{person}, {role} {region_gen}, рассказал, что в этом году в регион приехали {n} молодых специалистов.",
    "По словам {person_gen}, до конца года в районах появятся ещё {m} новых фельдшерско-акушерских пунктов.",
    "На строительство нового корпуса направят {n} миллионов рублей из областного бюджета.",
    "{date} в {city} прошёл форум медицинских работников, в котором приняли участие более {k} врачей.",
    "Временно исполняющим обязанности руководителя ведомства назначен {person}.",
    "Жители отмечают, что очереди в регистратуре стали короче, а записаться к врачу можно через портал госуслуг.",
    "В {facility_prep} установили новый компьютерный томограф и два аппарата ультразвуковой диагностики.",
    "Ранее {person} работал заместителем главного врача по медицинской части.",
    "Программа модернизации первичного звена рассчитана до {year} года.",
    "Специалисты напомнили, что пройти диспансеризацию можно в любой поликлинике по месту прикрепления.",
]


def _person(rng: random.Random) -> tuple[str, str]:
    first = rng.choice(FIRST)
    surname = rng.choice(SURNAME_M)
    if first in FEMALE:
        surname = surname.replace("ё", "е") + "а" if not surname.endswith("ий") else surname[:-2] + "ая"
        return f"{first} {rng.choice(PATRONYMIC_F)} {surname}", f"{first} {surname}"
    return f"{first} {rng.choice(PATRONYMIC_M)} {surname}", f"{surname}а"


def article(rng: random.Random, size: int = 2200) -> str:
    region_gen, city = rng.choice(REGIONS)
    person, person_gen = _person(rng)
    role = rng.choice(ROLES)
    facility = rng.choice(FACILITIES).format(n=rng.randint(1, 12))
    year = rng.randint(2019, 2026)
    sentences = []
    while sum(len(s) + 1 for s in sentences) < size:
        template = rng.choice(TEMPLATES)
        date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year} года"
        text = template.format(date=date.capitalize() if template.startswith("{date}") else date,
                               role=role, region_gen=region_gen, person=person, person_gen=person_gen,
                               city=city, facility=facility, facility_prep="учреждении", n=rng.randint(3, 90),
                               m=rng.randint(2, 9), k=rng.randint(50, 400), year=year + rng.randint(1, 4))
        sentences.append(text[0].upper() + text[1:])
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    return f"date {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(out: Path, n: int, seed: int = 1, size: int = 2200, start: int = 0) -> list[Path]:
    """Articles ``start`` .. ``start + n - 1`` of the corpus ``seed`` (article i is the same in any run)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        rng = random.Random(f"{seed}:{i}")
        path = out / f"a{i:06d}.txt"
        path.write_text(article(rng, size), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size", type=int, default=2200, help="characters an article, about")
    args = ap.parse_args()
    write_corpus(args.out, args.articles, args.seed, args.size)


if __name__ == "__main__":
    main()
