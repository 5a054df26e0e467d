"""A `<p class="lead">` standfirst is the dek, so the dateline lead after it is found (own invented page)."""

from __future__ import annotations

from tuinews.extract.document import extract_document

PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8">
<title>В Томске открыли новый мост</title>
<meta name="description" content="Мост через реку Ушайку строили два года. Движение по нему открыто с утра.">
</head><body><main><article>
<h1>В Томске открыли новый мост</h1>
<p class="lead">Мост через реку Ушайку строили два года. Движение по нему открыто с утра.</p>
<p class="author">Автор: Ольга Сизова</p>
<p>ТОМСК, 5 марта. Новый мост через Ушайку открыли для машин и пешеходов во вторник утром, сообщили
в мэрии. На церемонии присутствовали строители и жители соседних улиц.</p>
<p>«Мы ждали этот мост двадцать лет, и теперь до рынка пять минут пешком», — сказала жительница района
Нина Голубева. По её словам, раньше дорога занимала почти полчаса.</p>
<p>Строители обещают закончить благоустройство набережной к лету, если позволит погода.</p>
</article></main></body></html>
"""


def test_lead_class_paragraph_is_the_dek_and_the_dateline_place_is_found() -> None:
    article = extract_document(PAGE.encode(), name="tomsk.html")
    assert article.dek == "Мост через реку Ушайку строили два года. Движение по нему открыто с утра."
    assert article.markdown.startswith("ТОМСК, 5 марта.")
    assert article.dateline.place == "Томск"


def test_a_lead_image_class_is_not_a_standfirst() -> None:
    page = PAGE.replace('<p class="lead">', '<p class="lead-image">')
    article = extract_document(page.encode(), name="tomsk.html")
    assert article.dek != "Мост через реку Ушайку строили два года. Движение по нему открыто с утра."
