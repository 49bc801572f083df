"""Kazakh in the Latin alphabet, read through a Cyrillic view with an offset map.

The Kazakh pipeline (tokenizer, NER model, gazetteer, stems, pattern tables) reads Cyrillic. A Latin-script
Kazakh article is transliterated to Cyrillic Kazakh (``transliterate``), the Cyrillic text goes through NLP
and extraction as any Kazakh article, and every offset of the result is mapped back to the original text
(``LatinView.restore``): mentions and evidence point to the exact characters of the article as written
(``nif:anchorOf`` is the original's ``text[begin:end]``); labels stay in Cyrillic Kazakh, and a person's or
place's name written in Latin letters in the nominative is kept as an altLabel tagged ``kk-Latn``.

Three spellings are read (chosen per text by their marker letters):

- **2021**: ä ö ü ū ş ç ğ ñ, ı = ы, i = і, y = и/й, u = у;
- **2021 with y = ы** (the alphabet as decreed in 2021, as sites publish it): the 2021 letters, but y = ы,
  ı = і (capital I), i = и/й (capital İ), ŋ for ң and ǧ for ğ as well; a text is this spelling when its ı
  stands in front-vowel words ('ministrlıgı', 'Eskını'), where ы never stands. A word whose с/ц the letters
  leave open ('medisina', 'vise-ministrı') is read as the word the lexicon knows;
- **2018**: á ó ú ý ń ǵ and the digraphs sh = ш, ch = ч, ı = и/й, i = і, y = ы, u = ұ, ý = у;
- **2017**: apostrophes a' o' u' y' s' c' g' n' i' (ә ө ү у ш ч ғ ң и/й), otherwise as 2018;
- **2021 with w** (as some converters publish it): the 2021 letters, but w = у, u = ұ, ï = и, y = й (я, ю
  before a, u), c = с;
- **2018 with ū** (as many sites publish it): the 2018 letters, í for і, but ū = ұ and so u = у;
- **informal** (ng and gh for ң and ғ, no ń ǵ ñ ğ; Cyrillic ә often left in): ý = ү, ú = ұ, u = у,
  y = ы (й after a vowel), i = і (й after a vowel, и in 'iy'); a word whose і/и or с/ц
  the letters leave open ('ministri', 'medisina') is read as the Kazakh word the NER lexicon knows
  (министрі, медицина), else with і and с.

In every spelling í is і, and a word that mixes Cyrillic Kazakh letters into Latin ones ('әkimi') keeps its
Cyrillic letters and has its Latin ones read.

Digraphs (sh, ch, ts, ıa…) are two source characters for one Cyrillic letter: the map records for each
Cyrillic character the source range it came from, so lengths may differ. What cannot be told from the Latin
letters is guessed: и or й by the letter before (й after a vowel), я/ю for ıa/ıý (2018) or ya/yu (2021) at
the start of a word or after a vowel, ц for ts at the start of a word or before и, х for h (not һ); soft and
hard signs and ё are lost. Words with c (outside ch / c'), w or x are not Kazakh spelling (COVID, WhatsApp)
and are left as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...lang import is_latin_kazakh
from ...records import Article, ArticleResult, Entity, Fact, Mention

LATIN_LANG = "kk-Latn"          # language tag of the Latin-script names kept as altLabels
NAME_CLASSES = frozenset({"Person", "Region", "Settlement", "Country", "Place"})

_APOS = "'’ʼ‘"
_WORD = re.compile(r"[^\W\d_]+\u0301?(?:[^\W\d_]+\u0301?)*(?:[" + _APOS + r"][^\W\d_]*)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_VOWELS = frozenset("аәеёиоөұүуыіэюя")
_IY = "\0"                       # the letter that is и or й by context

_COMMON = {
    "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "і", "j": "ж", "k": "к",
    "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р", "s": "с", "t": "т", "v": "в",
    "z": "з", "á": "ә", "ä": "ә", "ó": "ө", "ö": "ө", "ú": "ү", "ü": "ү", "ý": "у", "ń": "ң", "ñ": "ң",
    "ǵ": "ғ", "ğ": "ғ", "ş": "ш", "ç": "ч", "ū": "ұ", "sh": "ш", "ch": "ч", "ts": "ц",
    "a'": "ә", "o'": "ө", "u'": "ү", "y'": "у", "s'": "ш", "c'": "ч", "g'": "ғ", "n'": "ң", "i'": _IY,
    "í": "і", "ŋ": "ң", "ǧ": "ғ",
}
_BY_VARIANT = {
    "2018": {"u": "ұ", "y": "ы", "ı": _IY},
    "2017": {"u": "ұ", "y": "ы", "ı": _IY},
    "2021": {"u": "у", "y": _IY, "ı": "ы"},
    "2021y": {"u": "у", "y": "ы", "ı": "і", "i": _IY},
    "2018u": {"u": "у", "y": "ы", "ı": _IY},
    "2021w": {"u": "ұ", "y": "\1", "ı": "ы", "w": "у", "ï": "и", "c": "с"},
    "informal": {"u": "у", "y": "ы", "ı": "ы", "ý": "ү", "ú": "ұ", "gh": "ғ", "ng": "ң"},
}
_IOTATED = {"а": "я", "у": "ю"}          # и/й + а, у after a vowel or at a word's start
_M2021 = re.compile("[äöüūşçğñŋǧÄÖÜŪŞÇĞÑŊǦ]")
_M2021W = re.compile("[wïWÏ]")
_M2018 = re.compile("[áóúýńǵÁÓÚÝŃǴ]")
_M2017 = re.compile(r"(?i)[aougsncy][" + _APOS + r"][a-z]")
_DIGRAPH_NG = re.compile(r"(?i)(?:gh|ng(?![h\w]))")   # ғ, ң written as digraphs ('qalaghan', 'elimizding')
_NG_LETTERS = re.compile("[ńǵñğŋǧŃǴÑĞŊǦ]")
_WORDS = re.compile(r"[^\W\d_]+")
_BACK_LATIN, _FRONT_LATIN = frozenset("aoūuq"), frozenset("eäöük")


def variant_of(text: str) -> str:
    """'2021', '2021w', '2018', '2018u', '2017' or 'informal': the spelling whose marker letters the text uses most
    (2018 when none). ң and ғ written ng and gh with none of their letters is the informal spelling; a 2018
    text that writes ұ as ū writes у as u."""
    sample = text[:20000]
    if len(_DIGRAPH_NG.findall(sample)) >= 3 and not _NG_LETTERS.search(sample):
        return "informal"
    n21, n18, n17 = len(_M2021.findall(sample)), len(_M2018.findall(sample)), len(_M2017.findall(sample))
    if n21 > n18 and n21 > n17:
        if len(_M2021W.findall(sample)) >= 5:
            return "2021w"
        return "2021y" if _dotless_i_is_front(sample) else "2021"
    if n17 >= 3 and n17 > n18:
        return "2017"
    if sample.count("ū") + sample.count("Ū") > sample.count("ý") + sample.count("Ý"):
        return "2018u"
    return "2018"


def _dotless_i_is_front(sample: str) -> bool:
    """Does ı stand mostly in front-vowel words ('ministrlıgı', 'Eskını': і) rather than back-vowel ones
    ('qalasınıñ': ы)? Kazakh words keep to one row of vowels, so the letter's row tells which it is."""
    front = back = 0
    for word in _WORDS.findall(sample.replace("I", "ı")):
        low = word.lower()
        if "ı" not in low:
            continue
        back += bool(_BACK_LATIN.intersection(low))
        front += bool(_FRONT_LATIN.intersection(low))
    return front > 2 * back


def is_latin_script(text: str) -> bool:
    """More Latin letters than Cyrillic ones (the first 20,000 characters)."""
    lat = cyr = 0
    for ch in text[:20000]:
        if "\u0400" <= ch <= "\u04ff":
            cyr += 1
        elif ch.isalpha() and ch < "\u0250":
            lat += 1
    return lat > cyr


@dataclass(frozen=True)
class Transliteration:
    """``text`` (Cyrillic) made from ``source``: output character k came from ``source[begins[k]:ends[k]]``."""

    source: str
    text: str
    begins: tuple[int, ...]
    ends: tuple[int, ...]

    def to_source(self, begin: int, end: int) -> tuple[int, int]:
        """The source range of ``text[begin:end]`` (whole digraphs: never half of one)."""
        if end <= begin:
            at = self.begins[begin] if begin < len(self.text) else len(self.source)
            return at, at
        return self.begins[begin], self.ends[end - 1]

    def from_source(self, begin: int, end: int) -> tuple[int, int]:
        """The output range covering ``source[begin:end]``."""
        starts = self._first_at()
        return starts[begin], starts[end] if end > begin else starts[begin]

    def _first_at(self) -> list[int]:
        cached = self.__dict__.get("_starts")
        if cached is None:
            cached = [len(self.text)] * (len(self.source) + 1)
            for k in range(len(self.text) - 1, -1, -1):
                for i in range(self.begins[k], self.ends[k]):
                    cached[i] = min(cached[i], k)
            for i in range(len(self.source) - 1, -1, -1):     # a source character that made nothing
                cached[i] = min(cached[i], cached[i + 1])
            object.__setattr__(self, "_starts", cached)
        return cached


def transliterate(source: str, variant: str | None = None) -> Transliteration:
    """Latin-script Kazakh -> Cyrillic Kazakh with the offset map. Cyrillic, digits, punctuation, spaces and
    words that are not Kazakh spelling are copied one for one."""
    variant = variant or variant_of(source)
    out: list[str] = []
    begins: list[int] = []
    ends: list[int] = []
    pos = 0
    for match in _WORD.finditer(source):
        for i in range(pos, match.start()):
            out.append(source[i])
            begins.append(i)
            ends.append(i + 1)
        word = match.group()
        plain = _unmix(word)
        units = None if _CYRILLIC.search(plain) and not _LATIN_LETTER.search(plain) else _convert(plain, variant)
        if units is None:
            units = [(ch, match.start() + i, match.start() + i + 1) for i, ch in enumerate(word)]
        else:
            units = [(ch, match.start() + b, match.start() + e) for ch, b, e in units]
        for ch, b, e in units:
            out.append(ch)
            begins.append(b)
            ends.append(e)
        pos = match.end()
    for i in range(pos, len(source)):
        out.append(source[i])
        begins.append(i)
        ends.append(i + 1)
    return Transliteration(source, "".join(out), tuple(begins), tuple(ends))


_LATIN_LETTER = re.compile("[a-zA-Z\u00c0-\u024f]")
_LOOKALIKES = str.maketrans("АаЕеОоСсРрТ", "AaEeOoCcPpT")
_ACUTE = "\u0301"                 # a combining acute: О́skemen, written with a Cyrillic О
_WITH_ACUTE = {"a": "á", "o": "ó", "u": "ú", "y": "ý", "n": "ń", "g": "ǵ"}


def _unmix(word: str) -> str:
    """A Latin word with Cyrillic look-alike letters (О́skemen) in Latin letters; same length."""
    if not _CYRILLIC.search(word):
        return word
    latin = sum(1 for ch in word if ch.isalpha() and ch < "\u0250")
    return word.translate(_LOOKALIKES) if latin > len(word) // 2 else word


def _units(word: str, variant: str) -> list[tuple[str, int, int, bool]] | None:
    """(lower-case unit, begin, end, upper) for the letters of ``word``; None if it is not Kazakh spelling."""
    if variant == "2021y":          # I is the capital of ı (і), İ of i (и / й)
        low = word.replace("I", "ı").replace("İ", "i").lower()
    else:
        low = word.lower() if "İ" not in word else word.replace("İ", "I").lower()
    if len(low) != len(word):
        return None
    units = []
    i = 0
    while i < len(low):
        ch = low[i]
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if variant == "2017" and nxt and nxt in _APOS and ch + "'" in _COMMON:
            units.append((ch + "'", i, i + 2, word[i].isupper()))
            i += 2
            continue
        if variant not in ("2021", "2021w", "2021y") and ch in "sc" and nxt == "h":
            units.append((ch + "h", i, i + 2, word[i].isupper()))
            i += 2
            continue
        if nxt == _ACUTE and ch in _WITH_ACUTE:
            units.append((_WITH_ACUTE[ch], i, i + 2, word[i].isupper()))
            i += 2
            continue
        if variant == "informal" and ch + nxt in ("gh", "ng") and not (ch == "n" and low[i + 2:i + 3] == "h"):
            units.append((ch + nxt, i, i + 2, word[i].isupper()))
            i += 2                 # 'qalaghan' ғ, 'elimizding' ң; 'atanghan' is н + ғ
            continue
        if ch in _APOS:            # an apostrophe that joins no letter: kept as written
            units.append((ch, i, i + 1, False))
            i += 1
            continue
        if _CYRILLIC.match(ch):    # 'әkimi': a Cyrillic letter among Latin ones stays as written
            units.append((ch, i, i + 1, word[i].isupper()))
            i += 1
            continue
        if ch in "cwx" and ch not in _BY_VARIANT[variant] or (ch not in _COMMON and ch not in _BY_VARIANT[variant]):
            return None
        units.append((ch, i, i + 1, word[i].isupper()))
        i += 1
    return _join_ts(units, low, variant)


def _join_ts(units, low: str, variant: str):
    """t + s -> ц at the start of a word, before the и letter (medıtsına, stantsııa) and in vıtse-."""
    out = []
    i = 0
    iy = {"2021": "y", "2021w": "ï", "2021y": "i"}.get(variant, "ı")
    while i < len(units):
        unit = units[i]
        if unit[0] == "t" and i + 1 < len(units) and units[i + 1][0] == "s":
            after = units[i + 2][0] if i + 2 < len(units) else ""
            if i == 0 or after in (iy, "i'") or low.startswith(("vıtse", "vitse", "vytse")) and i == 2:
                out.append(("ts", unit[1], units[i + 1][2], unit[3]))
                i += 2
                continue
        out.append(unit)
        i += 1
    return out


def _convert(word: str, variant: str) -> list[tuple[str, int, int]] | None:
    units = _units(word, variant)
    if units is None:
        return None
    if variant == "informal":
        return _informal(units)
    table = _BY_VARIANT[variant]
    letters = [table.get(u[0]) or _COMMON.get(u[0], u[0]) for u in units]
    out: list[tuple[str, int, int]] = []
    open_c: list[int] = []
    i = 0
    while i < len(units):
        key, begin, end, upper = units[i]
        cyr = letters[i]
        if cyr == "\1":                      # 2021w: y is й, я / ю before a / u
            nxt = letters[i + 1] if i + 1 < len(units) else None
            cyr = "й"
            if nxt in ("а", "ұ", "у"):
                cyr, end = ("я" if nxt == "а" else "ю"), units[i + 1][2]
                i += 1
        elif cyr == _IY:
            prev = out[-1][0].lower() if out else None
            after_vowel = prev is None or prev in _VOWELS
            nxt = letters[i + 1] if i + 1 < len(units) else None
            if after_vowel and nxt in _IOTATED:
                cyr = _IOTATED[nxt]
                end = units[i + 1][2]
                i += 1
            else:
                cyr = "й" if prev is not None and prev in _VOWELS and prev != "и" else "и"
        out.append((cyr.upper() if upper else cyr, begin, end))
        if key == "c" and variant == "2021w" or key == "s" and variant == "2021y":
            open_c.append(len(out) - 1)
        i += 1
    if open_c:                  # 2021w writes ц as c too, 2021y as s: 'medïcïna', 'medisina' is медицина, the
        # reading the lexicon knows
        units_out = [[ch, b, e, False, ()] for ch, b, e in out]
        for k in open_c:
            units_out[k][4] = ("Ц" if out[k][0].isupper() else "ц",)
        _known_reading(units_out)
        out = [(ch, b, e) for ch, b, e, _, _ in units_out]
    return out


_SOFT_BEFORE_Y = frozenset("аәеоөіыүұэ")          # vowels after which y / i is й (у is a glide: 'auyl')


def _informal(units) -> list[tuple[str, int, int]]:
    """The informal spelling: y is ы, or й after a vowel (я / ю before a / u); i is і, or й after a vowel
    ('aimaq', 'jýiege'), or и before y ('Preziydent', 'tehnologiya'); then a word that the lexicon
    knows only with и for i or ц for s ('ministri', 'medisinalyq') is taken in that form."""
    table = _BY_VARIANT["informal"]
    keys = [u[0] for u in units]
    out: list[list] = []                   # [cyrillic, begin, end, upper, alternatives]
    i = 0
    while i < len(units):
        key, begin, end, upper = units[i]
        prev = out[-1][0] if out else None
        nxt = keys[i + 1] if i + 1 < len(keys) else ""
        alts = ()
        if key == "y" and (prev is None or prev in _SOFT_BEFORE_Y or prev == "и"):
            if nxt in ("a", "u", "á", "ә"):
                cyr = {"a": "я", "u": "ю"}.get(nxt, "я")
                end = units[i + 1][2]
                i += 1
            elif prev is None or prev == "и":
                cyr = "ы" if prev is None else ""
            else:
                cyr = "й"
        elif key == "i":
            if nxt == "y":
                cyr = "и"
            elif prev in _SOFT_BEFORE_Y:
                cyr = "й"
            else:
                cyr, alts = "і", ("и",)
        elif key == "s":
            cyr, alts = "с", ("ц",)
        else:
            cyr = table.get(key) or _COMMON.get(key, key)
        out.append([cyr, begin, end, upper, alts])
        i += 1
    _known_reading(out)
    return [((c.upper() if up else c), b, e) for c, b, e, up, _ in out if c]


_LEXICON_STEMS: set[str] | None = None
# Loan prefixes written before a hyphen only ('vise-ministrı' is вице-министрі), which the lexicon holds
# inside compounds, never alone.
_HYPHEN_PREFIXES = frozenset({"вице"})


def _lexicon_stems() -> set[str]:
    """Stems of the lower-case words of the Kazakh NER lexicon (the model's training split)."""
    global _LEXICON_STEMS
    if _LEXICON_STEMS is None:
        from ... import paths
        from . import lexicon, morph
        words = lexicon.load(paths.KK_NER_MODEL / lexicon.FILENAME)
        _LEXICON_STEMS = {morph.stem(w) for w in words if len(w) > 3} | _HYPHEN_PREFIXES
    return _LEXICON_STEMS


def _known_reading(out: list[list]) -> None:
    """Replace the open letters (і/и, с/ц) of a word by the combination with the fewest changes whose stem
    the lexicon knows, when the default reading's stem is not known (at most 6 open letters tried)."""
    open_at = [k for k, unit in enumerate(out) if unit[4]][:6]
    if not open_at:
        return
    from . import morph
    stems = _lexicon_stems()

    def stem_with(choice):
        letters = [unit[0] for unit in out]
        for k, alt in zip(open_at, choice):
            if alt:
                letters[k] = out[k][4][0]
        return morph.stem("".join(letters).lower()), letters
    if stem_with((0,) * len(open_at))[0] in stems:
        return
    for n in sorted(range(1, 2 ** len(open_at)), key=lambda n: (bin(n).count("1"), n)):   # fewest changes
        choice = [(n >> b) & 1 for b in range(len(open_at))]
        found, letters = stem_with(choice)
        if len(found) > 3 and found in stems:
            for unit, letter in zip(out, letters):
                unit[0] = letter
            return


class LatinView:
    """A Latin-script Kazakh article seen in Cyrillic: ``article`` (text transliterated, skip ranges mapped)
    goes through the Kazakh pipeline; ``restore`` maps its result back onto the original article."""

    def __init__(self, article: Article):
        self.original = article
        self.tr = transliterate(article.text)
        skip = tuple(self.tr.from_source(b, e) for b, e in article.skip)
        self.article = replace(article, text=self.tr.text, skip=skip)

    def restore(self, result: ArticleResult) -> ArticleResult:
        src, tr = self.original.text, self.tr
        mentions: dict[tuple, Mention] = {}
        latin_names: dict[str, set[str]] = {}
        labels: dict[str, list] = {}
        for m in result.mentions:
            b, e = tr.to_source(m.begin, m.end)
            mentions[(m.key, b, e, m.role)] = Mention(m.key, b, e, src[b:e], m.role)
            if m.role == "name":
                latin_names.setdefault(m.key, set()).add((tr.text[m.begin:m.end], src[b:e]))
                labels.setdefault(m.key, []).append((m.begin, m.end))
        facts = []
        for f in result.facts:
            if f.kind == "span":
                b, e = tr.to_source(*map(int, f.value.split(",")))
                f = Fact(f.subject, f.prop, f"{b},{e}", f.kind)
            facts.append(f)
        for ent in result.entities:     # 'Damby aýyldyq okrýginiń': the name's nominative is the start of the
            label = dict(ent.labels).get("kk")   # Cyrillic form, so its Latin letters are the source's start
            if ent.cls not in NAME_CLASSES or not label:
                continue
            for begin, end in labels.get(ent.key, ()):
                if end - begin > len(label) and tr.text[begin:begin + len(label)] == label:
                    b, e = tr.to_source(begin, begin + len(label))
                    latin_names[ent.key].add((label, src[b:e]))
        entities = [self._with_latin_name(ent, latin_names.get(ent.key, ())) for ent in result.entities]
        from ...gazetteer import load_gazetteer
        gaz = load_gazetteer()
        for ent in entities:            # a gazetteer place is described by the gazetteer graph alone: the name
            if gaz.get(ent.key) is not None:    # this article writes it with goes into the article's own graph
                facts += [Fact(ent.key, "skos:altLabel", f"{name}@{lang}", "lang") for lang, name in ent.alt
                          if lang == LATIN_LANG]
        return ArticleResult(self.original, tuple(entities),
                             tuple(sorted(set(facts), key=lambda f: (f.subject, f.prop, f.kind, f.value))),
                             tuple(sorted(mentions.values(), key=lambda m: (m.begin, m.end, m.key, m.role))),
                             result.dateline, result.publisher)

    @staticmethod
    def _with_latin_name(entity: Entity, names) -> Entity:
        """A person's or place's name written in Latin letters exactly as its Cyrillic label, and every name a
        facility or an organization is written with in the article: altLabels in the article's own script."""
        label = dict(entity.labels).get("kk")
        if not label or not names or entity.cls in ("Post", "Tenure") or entity.cls.endswith("Event"):
            return entity
        if entity.cls in NAME_CLASSES:     # 'J.Battaqova' is written as the label 'Ж. Баттақова' without its space
            extra = {(LATIN_LANG, latin) for cyr, latin in names
                     if (cyr == label or entity.cls == "Person" and cyr == label.replace(". ", ".")) and latin != label}
        else:
            extra = {(LATIN_LANG, " ".join(latin.split())) for _, latin in names if latin != label}
        if not extra:
            return entity
        return replace(entity, alt=tuple(sorted(set(entity.alt) | extra)))


def latin_view(article: Article) -> LatinView | None:
    """The Cyrillic view of a Kazakh article written in Latin letters; None for any other article."""
    if article.language != "kk" or not is_latin_script(article.text):
        return None
    return LatinView(article)


__all__ = ["transliterate", "variant_of", "latin_view", "LatinView", "Transliteration", "is_latin_kazakh",
           "LATIN_LANG"]
