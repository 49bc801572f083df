"""The entity table on disk (kg.link.DiskTable) merges exactly as the in-memory one (kg.link.EntityTable),
whatever the order and the buffer, and takes views out again."""
import random

from kg.link import DiskTable, EntityTable
from kg.records import Entity


def views(seed: int = 3) -> list[Entity]:
    rnd = random.Random(seed)
    names = ["Иванов", "Иванова", "Петров", "Tab\tname", "Ёлкин", "Гладков Вячеслав", "A", "Б"]
    out = []
    for _ in range(600):
        key = f"{rnd.choice(['person', 'org', 'region'])}:{rnd.randrange(40)}"
        cls = rnd.choice(["Person", "Organization", "GovernmentBody", "HealthcareFacility", "Region"])
        labels = tuple((lang, rnd.choice(names)) for lang in rnd.sample(["ru", "kk", "en"], rnd.randrange(1, 3)))
        alt = tuple((rnd.choice(["ru", "kk"]), rnd.choice(names)) for _ in range(rnd.randrange(3)))
        out.append(Entity(key, cls, labels, alt))
    return out


def disk_resources(table: DiskTable) -> dict:
    return {r.key: r for r in table.resources()}


def test_disk_table_merges_as_the_memory_table(tmp_path):
    items = views()
    memory = EntityTable()
    for e in items:
        memory.add(e)
    for buffer, order in ((7, items), (100_000, items[::-1])):
        disk = DiskTable(tmp_path / f"t{buffer}.db", buffer=buffer)
        for e in order:
            disk.add(e)
        assert disk_resources(disk) == memory.resources()
        assert [k for k in memory.resources() if k.startswith("region:")] == disk.keys_from("region:")
        assert all(disk.resource(k) == r for k, r in memory.resources().items())
        disk.close()


def test_disk_table_takes_views_out(tmp_path):
    items = views(5) + [Entity(f"person:gone {i}", "Person", (("ru", f"Имя {i}"),)) for i in range(5)]
    keep, gone = items[:400], items[400:]
    memory = EntityTable()
    for e in keep:
        memory.add(e)
    disk = DiskTable(tmp_path / "t.db", buffer=11)
    for e in items:
        disk.add(e)
    disk.flush()
    for e in gone:
        disk.add(e, -1)
    assert disk_resources(disk) == memory.resources()
    absent = {e.key for e in gone} - {e.key for e in keep}
    assert len(absent) >= 5 and all(k not in disk and disk.resource(k) is None for k in absent)
    assert disk.db.execute("SELECT COUNT(*) FROM views WHERE n <= 0").fetchone()[0] == 0
    disk.close()
