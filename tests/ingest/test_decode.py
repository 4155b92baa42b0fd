"""Bytes to text: UTF-8 with stray bytes, legacy encodings, pages that mix the two."""

from __future__ import annotations

import pytest

from kronika.ingest.decode import decode

GERMAN = (
    "Die Gewerkschaft kündigte für Montag größere Streiks in Düsseldorf, Köln und Würzburg an. "
    "Ärzte und Pflegekräfte schließen sich an. »Wir streiken, bis die Löhne steigen«, sagte "
    "der Sprecher Jürgen Müller. Am Samstag zählten die Veranstalter zweitausend Menschen vor "
    "dem Rathaus, auch die Vögel über dem Platz flogen davon."
)
POLISH = (
    "Związkowcy ogłosili strajk w kopalni pod Łodzią. Pracownicy żądają podwyżek i lepszych "
    "warunków pracy. Według policji w demonstracji wzięło udział około dwóch tysięcy osób, a "
    "po atakach na biura związku zatrzymano trzech mężczyzn. Nie będzie więcej ataków, "
    "zapowiedział wojewoda."
)
FRENCH = (
    "Les grévistes ont bloqué l'entrée de l'usine à Besançon dès lundi matin. « Nous ne "
    "céderons pas », a déclaré le syndicat, qui réclame une hausse des salaires. Près de trois "
    "cents salariés étaient rassemblés devant les grilles, où la police est intervenue vers "
    "midi. Où va-t-on ? se demandent les habitants, très inquiets."
)
RUSSIAN = (
    "Рабочие тракторного завода вышли на забастовку и потребовали отставки директора. «Мы не "
    "уйдём», — сказал один из организаторов. По данным профсоюза, в понедельник были задержаны "
    "около двухсот человек. Тысячи людей собрались у здания администрации. Её участники "
    "заявили, что продолжат протест."
)
UKRAINIAN = (  # "Ві", "Ці" in Windows-1251 are valid UTF-8 by chance
    "Він сказав, що від понеділка робітники металургійного заводу вийшли на страйк. Ці люди "
    "вимагають нових переговорів. Вісім осіб затримали. Її чоловік був там. Поліція "
    "повідомила, що акція була мирною."
)
GREEK = (
    "Οι εργαζόμενοι στο λιμάνι ξεκίνησαν απεργία τη Δευτέρα. Η ένωση ζητά αυξήσεις στους "
    "μισθούς. Χιλιάδες άνθρωποι διαδήλωσαν στο κέντρο της πόλης. Η αστυνομία συνέλαβε τρία άτομα."
)
CHINESE = "工厂的工人星期一举行罢工，要求提高工资。数千名抗议者聚集在广场附近。警方逮捕了十二人。政府表示愿意对话。"
JAPANESE = "工場の労働者は月曜日にストライキを行い、賃上げを要求した。数千人の抗議者が中心部に集まった。警察は十二人を逮捕した。"
THAI = "คนงานในโรงงานประกาศหยุดงานประท้วงในวันจันทร์เพื่อเรียกร้องให้ขึ้นค่าจ้าง ผู้ประท้วงหลายพันคนรวมตัวกันที่ใจกลางเมือง ตำรวจจับกุมผู้ชุมนุมสามคน"


def page(text: str) -> str:
    """A small HTML page around ``text``, one paragraph per sentence."""
    paragraphs = "\n".join(f"<p>{s.strip()}</p>" for s in text.replace(". ", ".\n").splitlines())
    return f"<!DOCTYPE html>\n<html>\n<head><title>Nieuws</title></head>\n<body>\n{paragraphs}\n</body>\n</html>\n"


@pytest.mark.parametrize(
    ("text", "stray", "stray_text", "garbled"),
    [
        (GERMAN, b"Caf\xe9 M\xfcller", "Café Müller", "VĂ¶gel"),
        (POLISH, b"It\x92s \x96 over", "It’s – over", "atak√≥w"),
        (FRENCH, b"\xab\xa0Gr\xe8ve\xa0\xbb", "«\xa0Grève\xa0»", "grĂ©vistes"),
    ],
)
def test_utf8_with_a_few_stray_bytes_stays_utf8(
    text: str, stray: bytes, stray_text: str, garbled: str
) -> None:
    """Guards issue 20: a UTF-8 page with a few stray Latin-1/Windows-1252 bytes was decoded
    as cp1250, iso8859-10 or mac-latin2, which garbled every accented letter ("VĂ¶gel")."""
    html = page(text)
    data = html.encode("utf-8").replace(b"</body>", b"<p>" + stray + b"</p>\n</body>")
    decoded = decode(data, declared="utf-8")
    assert decoded == html.replace("</body>", f"<p>{stray_text}</p>\n</body>")
    assert garbled not in decode(data)  # with no charset declared too


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "cp1251"),
        (UKRAINIAN, "cp1251"),
        (GERMAN, "latin-1"),
        (FRENCH, "latin-1"),
        (GREEK, "cp1253"),
        (CHINESE, "gbk"),
        (JAPANESE, "shift_jis"),
        (THAI, "tis-620"),  # 30% of its non-ASCII characters are valid UTF-8 by chance
    ],
)
def test_whole_legacy_pages_are_decoded(text: str, encoding: str) -> None:
    html = page(text)
    assert decode(html.encode(encoding)) == html


def test_declared_legacy_charset_is_used() -> None:
    html = page(RUSSIAN.replace("«", '"').replace("»", '"').replace("—", "-"))  # not in KOI8-R
    assert decode(html.encode("koi8-r"), declared="koi8-r") == html


def test_utf8_template_around_a_legacy_article_keeps_both() -> None:
    """A UTF-8 page template (navigation, footer) around an article in Windows-1251: the
    lines that are UTF-8 stay UTF-8, the rest is decoded as what it is."""
    top = "<!DOCTYPE html>\n<html><head><title>Übersicht – Nachrichten</title></head>\n<body>\n"
    bottom = "<footer>© 2020 Größte Zeitung · Datenschutz</footer>\n</body></html>\n"
    article = "\n".join(f"<p>{s}</p>" for s in RUSSIAN.replace(". ", ".\n").splitlines()) + "\n"
    data = top.encode("utf-8") + article.encode("cp1251") + bottom.encode("utf-8")
    assert decode(data) == top + article + bottom


def test_ascii_page_with_windows_1252_quotes() -> None:
    data = b"<p>The union said it\x92s the third strike this year \x96 and not the last.</p>\n" * 3
    assert decode(data) == data.decode("cp1252")


def test_real_replacement_characters_are_not_taken_for_stray_bytes() -> None:
    data = (GERMAN + " \ufffd\ufffd\ufffd\ufffd\ufffd\ufffd").encode("utf-8") + b" Caf\xe9"
    assert decode(data) == GERMAN + " \ufffd\ufffd\ufffd\ufffd\ufffd\ufffd Café"
