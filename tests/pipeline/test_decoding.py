import pytest

from pipeline.decoding import UndecodableError, decode_bytes

SAMPLE = "Exports to Côte d’Ivoire reached €1.2 billion – up 4.7% – in São Paulo’s “best” year."


def test_utf8_is_taken_as_is():
    assert decode_bytes(SAMPLE.encode("utf-8")).encoding == "utf-8"
    assert decode_bytes(SAMPLE.encode("utf-8")).text == SAMPLE


def test_a_byte_order_mark_is_dropped_so_offsets_index_the_text():
    decoded = decode_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    assert decoded.text == SAMPLE and decoded.encoding == "utf-8-sig"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_western_encodings_are_detected(encoding):
    text = "Les exportations du Québec vers la Corée ont atteint 12 milliards de dollars en 2013, soit " \
           "une hausse de 4,7 % par rapport à l'année précédente, grâce aux échanges agroalimentaires."
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding != "utf-8"


def test_windows_1252_punctuation_survives():
    text = "U.S. exports – the “largest” in a decade – reached $5 billion; Mexico’s share rose."
    assert decode_bytes(text.encode("cp1252")).text == text


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary\x00", bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"])
def test_binary_bytes_are_refused(data):
    with pytest.raises(UndecodableError):
        decode_bytes(data)


@pytest.mark.parametrize(("codec", "bom", "encoding"), [
    ("utf-16-le", b"\xff\xfe", "utf-16-le"), ("utf-16-be", b"\xfe\xff", "utf-16-be"),
    ("utf-32-le", b"\xff\xfe\x00\x00", "utf-32-le"), ("utf-32-be", b"\x00\x00\xfe\xff", "utf-32-be"),
])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded_without_it(codec, bom, encoding):
    data = bom + SAMPLE.encode(codec)
    decoded = decode_bytes(data)
    assert decoded.text == SAMPLE and decoded.encoding == encoding


def test_python_own_utf16_and_utf32_output_is_decoded():
    for codec in ("utf-16", "utf-32"):  # the platform's byte order, with its mark
        assert decode_bytes(SAMPLE.encode(codec)).text == SAMPLE


def test_a_utf16_mark_before_bytes_that_are_not_utf16_is_refused():
    with pytest.raises(UndecodableError, match="byte order mark"):
        decode_bytes(b"\xff\xfe" + "abc".encode("utf-16-le") + b"\x00")  # odd length: a truncated code unit
    with pytest.raises(UndecodableError, match="NUL"):
        decode_bytes(b"\xff\xfe" + "a\x00b".encode("utf-16-le"))
