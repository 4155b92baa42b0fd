"""Text in any script goes through every stage: nothing crashes, nothing of it is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.analyze.frequencies import wordfreq_languages
from tests.conftest import cli

# Short made-up news texts; the Latin-script "Paris" makes the place filter ask how common a
# word is in the article's language, which is where Chinese, Japanese and Korean crashed.
TEXTS = [
    ("zh", "法国工人星期一在 Paris 举行罢工，要求提高工资。数千名抗议者聚集在市中心。警方逮捕了十二人。"),
    ("ja", "月曜日、Paris の労働者がストライキを行い、賃上げを要求した。数千人の抗議者が中心部に集まった。警察は十二人を逮捕した。"),
    ("ko", "월요일 Paris 의 노동자들은 파업을 벌이고 임금 인상을 요구했다. 수천 명의 시위대가 시내에 모였다. 경찰은 열두 명을 체포했다."),
    ("ar", "أعلن العمال في Paris إضرابا عاما يوم الاثنين للمطالبة برفع الأجور. وتجمع آلاف المتظاهرين في وسط المدينة. واعتقلت الشرطة ثلاثة أشخاص."),
    ("he", "העובדים בעיר Paris הכריזו על שביתה כללית ביום שני בדרישה להעלאת שכר. אלפי מפגינים התאספו בכיכר. המשטרה עצרה שלושה אנשים."),
    ("hi", "सोमवार को Paris में हज़ारों मज़दूरों ने वेतन बढ़ाने की माँग को लेकर हड़ताल की। पुलिस ने बारह लोगों को गिरफ़्तार किया।"),
    ("th", "คนงานใน Paris ประกาศหยุดงานประท้วงในวันจันทร์เพื่อเรียกร้องให้ขึ้นค่าจ้าง ผู้ประท้วงหลายพันคนรวมตัวกันที่ใจกลางเมือง ตำรวจจับกุมผู้ชุมนุมสามคน"),
]


@pytest.mark.parametrize(("language", "text"), TEXTS)
def test_extract_gives_the_whole_article_in_every_script(
    tmp_path: Path, language: str, text: str
) -> None:
    """Guards issue 20: Chinese, Japanese and Korean articles were skipped with "internal
    error: ModuleNotFoundError: No module named 'jieba'" (MeCab for ja, ko)."""
    path = tmp_path / f"{language}.txt"
    path.write_text(text, encoding="utf-8")
    result = cli("extract", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert article["language"] == language and article["text"] == text
    assert [place["name"] for place in article["places"]] == ["Paris"]


def test_cjk_goes_through_without_its_tokenizers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same on a machine where jieba or MeCab happens to be installed."""
    from kronika.analyze import frequencies, places

    monkeypatch.setattr(frequencies, "find_spec", lambda name: None)
    wordfreq_languages.cache_clear()
    places._zipf.cache_clear()
    try:
        for language, text in TEXTS[:3]:
            path = tmp_path / f"{language}.txt"
            path.write_text(text, encoding="utf-8")
            article = json.loads(cli("extract", str(path), "--format", "json").stdout)
            assert article["text"] == text
    finally:
        wordfreq_languages.cache_clear()
        places._zipf.cache_clear()
