from __future__ import annotations

from fieldreport import nlp
from fieldreport.records import Article
from fieldreport.settings import Config

TEXT = "Smoke rose over the river town on Sunday\n\nas the convoy moved north. Officials said so.\n\nThe end"


def test_paragraph_breaks_start_sentences_and_offsets_index_the_text() -> None:
    a = Article("a", "h", "t", "txt", TEXT, TEXT)
    (parsed,) = nlp.parse([a], Config())
    got = [(s.text, s.paragraph) for s in parsed.sentences]
    assert got == [
        ("Smoke rose over the river town on Sunday", 0),
        ("as the convoy moved north.", 1),
        ("Officials said so.", 1),
        ("The end", 2),
    ]
    for s in parsed.sentences:
        assert TEXT[s.start : s.end] == s.text


def test_text_beyond_the_limit_is_not_parsed() -> None:
    a = Article("a", "h", "t", "txt", TEXT, TEXT)
    (parsed,) = nlp.parse([a], Config().with_overrides({"nlp_max_chars": 10}))
    assert parsed.doc.text == TEXT[:10]


def test_long_articles_are_parsed_in_pieces_that_join_back_exactly() -> None:
    para = "Shells fell on the northern quarter overnight, residents said. " * 8
    text = "\n\n".join(f"{i}. {para}" for i in range(40))
    pieces = nlp.chunks(text, size=2000)
    assert len(pieces) > 5 and "".join(pieces) == text
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    a = Article("a", "h", "t", "txt", text, text)
    (whole,) = nlp.parse([a], Config())
    assert whole.doc.text == text
    assert [s.text for s in whole.sentences][:3] == [
        "0.",
        "Shells fell on the northern quarter overnight, residents said.",
        "Shells fell on the northern quarter overnight, residents said.",
    ]
    assert whole.sentences[-1].paragraph == 39
