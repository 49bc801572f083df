"""Input that cannot hurt the extractors: an article twice as long costs each step about twice the work.

Work is counted, not timed: cProfile's count of Python (and spaCy) function calls per extraction step, on one
repeated sentence n and 2n times. A step that rescans the article for every mention (``doc.text`` per name,
every place per trigger, every body per token) grows with n², and its count at 2n is ~4× the count at n."""
from __future__ import annotations

import cProfile
import pstats

import pytest

from kg.extract.context import Ctx
from kg.extract.pipeline import CTX, extraction
from kg.nlp import pipeline
from kg.records import Article

KK = "Шымкент қаласының әкімі Ғабит Сыздықбеков жаңа ауруханаға барды, деп хабарлайды Kazinform."
RU = ("Губернатор Алтайского края Виктор Томенко и министр здравоохранения Дмитрий Попов открыли "
      "в Барнауле новую поликлинику, сообщает пресс-служба ГБУЗ «Краевая клиническая больница». "
      "Главный врач Центральной районной больницы Михаил Петрович Иванов рассказал, что в селе Михайловское "
      "Михайловского района с 1 марта 2026 года заработал фельдшерско-акушерский пункт.")


def _calls(lang: str, text: str) -> dict[str, int]:
    """Function calls of each extraction step on ``text``."""
    doc = pipeline(lang)(text)
    doc._.set(CTX, Ctx(Article(id="s", source="s.txt", text=text, language=lang, date="2026-02-20"), doc, lang))
    out = {}
    for name, proc in extraction(lang).pipeline:
        profile = cProfile.Profile()
        profile.enable()
        proc(doc)
        profile.disable()
        out[name] = pstats.Stats(profile).total_calls
    doc._.set(CTX, None)
    return out


@pytest.mark.parametrize("lang,sentence,n", [("kk", KK, 120), ("ru", RU, 40)])
def test_extraction_work_grows_linearly(lang, sentence, n):
    _calls(lang, " ".join([sentence] * 4))                # warm the per-process caches
    small = _calls(lang, " ".join([sentence] * n))
    large = _calls(lang, " ".join([sentence] * (2 * n)))
    grown = {step: round(large[step] / small[step], 2) for step in small
             if small[step] >= 1000 and large[step] > 2.4 * small[step]}
    assert not grown, f"work more than doubles with twice the text: {grown}"
    persons = small["hc_extract_persons"]
    assert persons >= 1000 and large["hc_extract_persons"] >= 1.8 * persons      # the steps did run
