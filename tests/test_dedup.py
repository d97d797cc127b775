from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fieldreport import dedup
from fieldreport.ids import normalise_text, stable_id
from fieldreport.records import Analysed, Article
from fieldreport.settings import Config
from fieldreport.store import Store

STORY = (
    "Government troops and allied militias pushed into the northern quarter of the river town on "
    "Thursday after a week of heavy shelling, residents said. A local council member said at least "
    "six people died when a shell struck a bakery near the central market. Aid workers reported "
    "that hundreds of families had left the town by road towards the coast, carrying what they "
    "could. The army said its units had cleared two villages on the eastern approaches and "
    "dismantled several roadside bombs along the main highway."
)
OTHER = (
    "Farmers in the southern valley began the wheat harvest early this year because of a long dry "
    "spell, according to the agriculture ministry, which expects yields to fall by a fifth. Prices "
    "of bread in the capital rose twice in the last month as a result, traders said."
)


def article(text: str, url: str | None = None) -> Article:
    h = stable_id(normalise_text(text))
    return Article(stable_id(h, url), h, url or "t", "txt", text, text, url=url)


def copy_of(text: str) -> str:
    # a syndicated rewrite: new words at the start, one sentence trimmed
    return "UPDATED: " + text.replace(", residents said", "").rsplit(" The army said", 1)[0]


class Empty:
    def same_content(self, content_hashes: object) -> dict[str, str]:
        return {}

    def band_matches(self, bands: object) -> dict[int, list[tuple[str, tuple[int, ...]]]]:
        return {}


def test_exact_copy_with_another_url_is_linked() -> None:
    a, b = article(STORY, "https://a.example/1"), article(STORY, "https://b.example/1")
    out = dedup.run([a, b], Config(), Empty())
    assert out[0][0].duplicate_of is None
    assert out[1][0].duplicate_of == a.article_id
    assert out[1][0].similarity == 1.0


def test_near_copy_is_linked_and_unrelated_text_is_not() -> None:
    a, b, c = article(STORY), article(copy_of(STORY)), article(OTHER)
    out = dedup.run([a, b, c], Config().with_overrides({"near_duplicate": 0.5}), Empty())
    assert out[1][0].duplicate_of == a.article_id
    assert 0.5 <= out[1][0].similarity < 1.0
    assert out[2][0].duplicate_of is None


def test_signatures_are_stable_across_calls() -> None:
    a = article(STORY)
    assert dedup.fingerprint(a, Config()) == dedup.fingerprint(replace(a), Config())


def test_copies_of_stored_articles_are_found_through_the_store(tmp_path: Path) -> None:
    cfg = Config().with_overrides({"near_duplicate": 0.5})
    a = article(STORY)
    with Store(tmp_path / "d.duckdb") as store:
        ((first, fp),) = dedup.run([a], cfg, store)
        store.write_batch([Analysed(first)], [fp], [])
        ((copy, _),) = dedup.run([article(copy_of(STORY))], cfg, store)
        ((exact, _),) = dedup.run([article(STORY, "https://c.example/9")], cfg, store)
    assert copy.duplicate_of == a.article_id
    assert exact.duplicate_of == a.article_id and exact.similarity == 1.0
