"""Bytes to text: declared charsets, BOMs, detection and mislabelled pages, all through the real pipeline.

The pages are built here from invented text, so nothing depends on files outside tests/.
"""

from __future__ import annotations

import codecs

import pytest

from tuinews.extract.decode import decode_bytes, looks_binary
from tuinews.extract.document import extract_document

RUSSIAN = (
    "Городской совет Северограда утвердил бюджет на следующий год. Депутаты обсуждали расходы на транспорт "
    "и школы почти шесть часов, а мэр пообещал отремонтировать мост через реку до конца лета."
)
JAPANESE = (
    "北港市の議会は来年度の予算案を可決した。議員たちは交通と学校への支出について六時間近く議論し、"
    "市長は夏の終わりまでに川に架かる橋を修理すると約束した。"
)
FRENCH = (
    "Le conseil municipal a voté le budget de l'année prochaine. Les élus ont débattu des dépenses pour les "
    "écoles et les crèches pendant près de six heures, à huis clos, avant un vote serré à 19 voix contre 17."
)


def _page(text: str, meta: str = "") -> str:
    paragraphs = "".join(f"<p>{text}</p>" for _ in range(1))
    return (
        f"<html><head>{meta}<title>Budget</title></head><body><article>{paragraphs}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("text", "encoding", "meta"),
    [
        (RUSSIAN, "cp1251", '<meta charset="windows-1251">'),
        (RUSSIAN, "cp1251", ""),
        (RUSSIAN, "koi8_r", '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'),
        (JAPANESE, "shift_jis", '<meta charset="Shift_JIS">'),
        (JAPANESE, "shift_jis", ""),
        (JAPANESE, "euc_jp", '<meta charset="euc-jp">'),
        (FRENCH, "latin-1", '<meta charset="iso-8859-1">'),
    ],
)
def test_legacy_encodings_come_out_readable(text: str, encoding: str, meta: str) -> None:
    data = _page(text, meta).encode(encoding)
    assert text in decode_bytes(data)
    assert extract_document(data, name="page.html").markdown.strip() == text


@pytest.mark.parametrize(
    ("text", "encoding"), [(RUSSIAN, "cp1251"), (JAPANESE, "shift_jis"), (FRENCH, "latin-1")]
)
def test_pages_mislabelled_as_utf8_are_detected(text: str, encoding: str) -> None:
    data = _page(text, '<meta charset="utf-8">').encode(encoding)
    assert text in decode_bytes(data)
    assert text in decode_bytes(data, declared="utf-8")
    assert "\ufffd" not in extract_document(data, name="page.html", charset="utf-8").markdown


def test_utf8_labelled_as_latin1_is_read_as_utf8() -> None:
    data = _page(FRENCH, '<meta charset="iso-8859-1">').encode("utf-8")
    assert FRENCH in decode_bytes(data, declared="latin-1")


def test_a_stray_cp1252_byte_in_a_utf8_page_does_not_spoil_the_rest() -> None:
    data = _page(FRENCH, '<meta charset="utf-8">').encode("utf-8").replace(b"six heures", b"six heures \x96 ")
    text = decode_bytes(data)
    assert "près de six heures – , à huis clos" in text
    assert "é" in text and "Ã" not in text


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_byte_order_marks_win_over_everything(bom: bytes, encoding: str) -> None:
    data = bom + _page(RUSSIAN, '<meta charset="iso-8859-1">').encode(encoding)
    text = decode_bytes(data, declared="latin-1")
    assert text.startswith("<html>") and RUSSIAN in text
    assert not looks_binary(data)
    assert extract_document(data, name="page.html").markdown.strip() == RUSSIAN


def test_declared_charset_from_http_header_is_used() -> None:
    data = _page(RUSSIAN).encode("koi8_r")
    assert RUSSIAN in decode_bytes(data, declared="koi8-r")


def test_unknown_declared_charset_falls_back_to_detection() -> None:
    data = _page(FRENCH, '<meta charset="x-no-such-charset">').encode("utf-8")
    assert FRENCH in decode_bytes(data, declared="bogus")


def test_binary_data_is_recognised() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert not looks_binary(_page(FRENCH).encode("utf-8"))
