"""make_article: the seed articles as EXPECTED.md reads them, our own pages in eight languages, ids."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace import ids
from newstrace.knowledge.lexicon import load_lexicons
from newstrace.model import DateValue, ExtractedDocument, Origin, RawDocument
from newstrace.stages.article.record import canonical_url, make_article
from newstrace.text.lines import ends_sentence

CASES = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "clean" / "articles.yaml").read_text("utf-8"))
_HEADER = re.compile(r"^[ \t]*date[ \t]+\S+[ \t]*")


@pytest.fixture(scope="module")
def lexicons():
    return load_lexicons()


def raw_of(text: str, name: str | None = "page.txt", url: str | None = None, locator: str | None = None) -> RawDocument:
    origin = Origin(source=name or "-", file=name, url=url, locator=locator)
    fragment = f"#{locator.replace(' ', '-')}" if locator else ""
    uri = url or (f"file:{name}{fragment}" if name else "stdin")
    return RawDocument(uri=uri, content=text.encode(), media_type="text/plain",
                       fetched_at=datetime(2026, 2, 1, tzinfo=UTC), origin=origin)


def build(text: str, lexicons, **doc_fields):
    doc_fields.setdefault("title_in_text", True)
    return make_article(raw_of(text), ExtractedDocument(text=text, **doc_fields), lexicons)


# --- the seeds -------------------------------------------------------------------------

def _seed_documents(seeds_dir: Path):
    """(path, raw, doc) per seed, through the ingest parser when it is there."""
    try:
        from newstrace.ingest.parse import parse
        from newstrace.ingest.sources import iter_file
    except ImportError:  # parser not installed: read the crawler header ourselves
        parse = iter_file = None
    for path in sorted(seeds_dir.glob("0*.txt")):
        if parse is not None and iter_file is not None:
            raws = [item for item in iter_file(path) if isinstance(item, RawDocument)]
            assert len(raws) == 1, path
            yield path, raws[0], parse(raws[0])
        else:
            text = path.read_text("utf-8")
            match = re.match(r"^[ \t]*date[ \t]+(\d{4})-(\d{2})(?:-(\d{2}))?[ \t]*", text)
            published = DateValue.unknown()
            if match and not match[3]:
                published = DateValue.of_month(int(match[1]), int(match[2]), "header", match[0].strip())
            elif match:
                published = DateValue.of_day(date(int(match[1]), int(match[2]), int(match[3])), "header")
            body = text[match.end():] if match else text
            yield path, raw_of(text, path.name), ExtractedDocument(text=body, published=published, title_in_text=True)


@pytest.fixture(scope="module")
def seed_articles(seeds_dir, lexicons):
    return {path.name[:3]: (path, make_article(raw, doc, lexicons)) for path, raw, doc in _seed_documents(seeds_dir)}


def _expected_rows(seeds_dir: Path) -> dict[str, dict[str, str | None]]:
    """The Articles table of EXPECTED.md: file -> language, published, precision, title, byline."""
    rows = {}
    for line in (seeds_dir / "EXPECTED.md").read_text("utf-8").splitlines():
        if not re.match(r"^\| \d{3} \|", line):
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) < 5 or not re.match(r"^[a-z]{2}$", cells[1]):
            continue
        published = cells[2].split()[0]
        title = re.match(r'^"(.*?)"', cells[3])
        byline = None if cells[4].startswith("none") else cells[4].split(" (")[0].strip()
        rows[cells[0]] = {
            "language": cells[1],
            "published": None if published == "unknown" else published,
            "precision": "unknown" if published == "unknown" else ("day" if len(published) == 10 else "month"),
            "title": title[1] if title else None,
            "byline": byline,
        }
    return rows


def _expected_boilerplate(seeds_dir: Path) -> list[str]:
    text = " ".join((seeds_dir / "EXPECTED.md").read_text("utf-8").split())
    start = text.index("Boilerplate that must not reach")
    passage = text[start: text.index("## ", start)]
    return [item.removesuffix("...").strip() for item in re.findall(r'"([^"]+)"', passage)]


def test_seeds_metadata_match_expected(seeds_dir, seed_articles):
    rows = _expected_rows(seeds_dir)
    assert set(rows) == set(seed_articles) and len(rows) == 5
    for key, row in rows.items():
        article = seed_articles[key][1]
        assert article.language == row["language"], key
        assert article.published.precision == row["precision"], key
        if row["published"]:
            assert article.published.label() == row["published"], key
        assert article.title == row["title"], key
        assert article.byline == row["byline"], key


def test_seed_dates_carry_their_evidence(seed_articles):
    for _key, (_path, article) in seed_articles.items():
        if article.published.known:
            assert article.published.source in ("header", "text")
            assert article.published.evidence
        else:
            assert article.published == DateValue.unknown()


def test_seed_boilerplate_is_gone(seeds_dir, seed_articles):
    items = _expected_boilerplate(seeds_dir)
    assert len(items) >= 10
    for item in items:
        for key, (_path, article) in seed_articles.items():
            assert not any(p.startswith(item) for p in article.paragraphs), (key, item)
            if article.title:
                assert not article.title.endswith(item) and not article.title.startswith(item), (key, item)


def test_seed_related_headlines_and_captions_are_gone(seed_articles):
    for key, (path, article) in seed_articles.items():
        source = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
        for line in set(source):
            repeated = source.count(line) > 1 and not ends_sentence(line)
            if repeated and line != article.title:
                assert line not in article.paragraphs, (key, line)
        assert all(not p.lower().endswith("| news") for p in article.paragraphs), key
        assert not any("Photo by" in p for p in article.paragraphs), key


def test_no_seed_body_sentence_is_lost(seed_articles):
    """Every long sentence line of the source reaches the text (first 40 characters checked)."""
    for key, (path, article) in seed_articles.items():
        text = _HEADER.sub("", path.read_text("utf-8"), count=1)
        body = [line.strip() for line in text.splitlines() if len(line.split()) >= 12 and ends_sentence(line)]
        assert body, key
        for line in body:
            assert line[:40] in article.text, (key, line[:40])


def test_seed_title_is_not_repeated_in_text(seed_articles):
    for _key, (_path, article) in seed_articles.items():
        assert article.text == "\n\n".join(article.paragraphs)
        if article.title:
            assert article.text.count(article.title) <= 1


def test_corpus_languages_and_dates(data_dir, lexicons):
    """The project's annotated corpus: every article's language and publication date."""
    parse = pytest.importorskip("newstrace.ingest.parse").parse
    iter_file = pytest.importorskip("newstrace.ingest.sources").iter_file
    corpus = data_dir / "corpus"
    gold = yaml.safe_load((corpus / "gold.json").read_text("utf-8"))
    for entry in gold["articles"]:
        raw = next(item for item in iter_file(corpus / entry["file"]) if isinstance(item, RawDocument))
        article = make_article(raw, parse(raw), lexicons)
        assert article.language == entry["language"], entry["file"]
        published = article.published.label() if article.published.known else None
        assert published == entry["published"], entry["file"]


# --- our own pages -----------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_own_pages(case, lexicons):
    article = build(case["text"], lexicons)
    assert article.language == case["language"]
    assert article.title == case["title"]
    assert article.byline == case["byline"]
    assert article.published.label() == case["published"] and article.published.source == "text"
    for line in case["boilerplate"]:
        assert not any(p.startswith(line) for p in article.paragraphs), line
    for start in case["body"]:
        assert start in article.text, start
    assert len(article.paragraphs) == len(case["body"])
    assert article.removed_lines and all(line.strip() for line in article.removed_lines)


def test_html_title_drops_the_outlet_and_the_repeated_first_line(lexicons):
    body = "Negotiators met in Cairo on Saturday for a new round of indirect talks between the parties."
    text = "Talks resume in Cairo\n" + body
    article = build(text, lexicons, title="Talks resume in Cairo | Daily Planet", title_in_text=False,
                    url="https://www.dailyplanet.com/world/talks?utm_source=rss")
    assert article.title == "Talks resume in Cairo"
    assert article.paragraphs == (body,)
    assert article.outlet == "dailyplanet.com"


def test_declared_byline_and_meta_date(lexicons):
    body = "Negotiators met in Cairo on Saturday for a new round of indirect talks between the parties."
    meta = DateValue.of_day(date(2026, 1, 24), "meta", "2026-01-24T10:00:00Z")
    article = build("24 January 2026\n" + body, lexicons, byline="By Jane Roe", published=meta)
    assert article.byline == "Jane Roe"
    assert article.published == meta
    coarse = DateValue.of_month(2026, 1, "header")
    assert build("24 January 2026\n" + body, lexicons, published=coarse).published.label() == "2026-01-24"


def test_no_date_stays_unknown(lexicons):
    body = "Negotiators met in Cairo on Saturday for a new round of indirect talks between the parties."
    assert build(body, lexicons).published == DateValue.unknown()


def test_crawler_header_is_read_when_the_parser_left_it(lexicons):
    article = build(" date 2025-06 Negotiators met in Cairo on Friday for a new round of indirect talks.", lexicons)
    assert article.published.label() == "2025-06" and article.published.source == "header"
    assert article.text.startswith("Negotiators")
    assert article.title is None


def test_ids_from_url_file_or_text(lexicons):
    text = "Negotiators met in Cairo on Saturday for a new round of indirect talks between the parties."
    doc = ExtractedDocument(text=text)
    by_url = make_article(raw_of(text, url="HTTPS://Example.org/a?utm_medium=x&id=3#top"), doc, lexicons)
    same = make_article(raw_of(text, url="https://example.org/a?id=3"), doc, lexicons)
    assert by_url.id == same.id == ids.article_id("https://example.org/a?id=3")
    by_file = make_article(raw_of(text, name="/data/x/page.txt"), doc, lexicons)
    assert by_file.id == ids.article_id("file:/data/x/page.txt"), "a file is known by where it lies"
    record = make_article(raw_of(text, name="/data/feed.jsonl", locator="line 4"), doc, lexicons)
    assert record.id == ids.article_id("file:/data/feed.jsonl#line-4")
    anonymous = make_article(raw_of(text, name=None), doc, lexicons)
    assert anonymous.id == ids.article_id("text:" + ids.digest(anonymous.text))
    assert by_url.content_hash == ids.content_hash(text.encode())


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://WWW.Example.ORG:80/Path?b=2&utm_source=x#frag", "http://www.example.org/Path?b=2"),
        ("https://example.org", "https://example.org/"),
        ("https://example.org:8443/a", "https://example.org:8443/a"),
        ("not a url", None),
        ("", None),
        ("http://[::1", None),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_outlet_lines_are_removed(lexicons):
    from newstrace.text.lines import line_key

    footer = "Our newsroom is independent and funded by its readers every day."
    body = "Negotiators met in Cairo on Saturday for a new round of indirect talks between the parties."
    text = f"{body}\n{footer}"
    article = make_article(raw_of(text), ExtractedDocument(text=text), lexicons, frozenset({line_key(footer)}))
    assert article.paragraphs == (body,)
    assert footer in article.removed_lines


def test_hard_wrapped_lines_are_joined(lexicons):
    text = ("Negotiators met in Cairo on Saturday for a new round\nof indirect talks between the parties.\n\n"
            "Officials said the talks would continue.")
    article = build(text, lexicons, title_in_text=False)
    assert article.paragraphs == (
        "Negotiators met in Cairo on Saturday for a new round of indirect talks between the parties.",
        "Officials said the talks would continue.",
    )


PAGE_LINES = st.sampled_from([
    "Related posts", "Sécurité", "2 minutes", "20 décembre 2025", "ParJohanna Martin", "https://example.org/x",
    "Title | News", "Actualités vidéo | Un titre", " date 2025-06", "٠٥ نوفمبر ٢٠٢٥", "۴ بهمن ۱۴۰۴", "31/02/2026",
    "Negotiators met in Cairo on Saturday for a new round of indirect talks between the parties.", "", "\u00a0",
])


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(st.text(max_size=400), st.lists(st.one_of(PAGE_LINES, st.text(max_size=40))).map("\n".join)),
    title=st.one_of(st.none(), st.text(max_size=40)),
    byline=st.one_of(st.none(), st.text(max_size=30)),
    in_text=st.booleans(),
)
def test_make_article_never_raises(lexicons, text, title, byline, in_text):
    doc = ExtractedDocument(
        text=text, title=title, byline=byline, title_in_text=in_text, url="http://x.org/" + text[:5]
    )
    article = make_article(raw_of(text), doc, lexicons)
    assert article.text == "\n\n".join(article.paragraphs)
    assert 0.0 <= article.language_confidence <= 1.0
    assert article.title is None or article.title.strip()


def test_a_headline_glued_to_itself_beside_its_copy_is_kept_once(lexicons):
    # Crawlers save a headline and its image caption as one line: "Talks heldTalks held".
    headline = "Leaders of both countries held talks in the capital"
    text = f"{headline}\n\n12 May 2025\n\n{headline}{headline}\n\n{headline}\n\nThe talks lasted three hours."
    article = build(text, lexicons)
    assert headline + headline not in article.text
    assert article.text.count(headline) <= 1


def test_a_line_written_twice_alone_is_its_text_once(lexicons):
    line = "The ministers signed the accord on Tuesday."
    article = build(f"Accord\n\n12 May 2025\n\n{line} {line}\n\nThe accord enters into force in June.", lexicons)
    assert article.text.count(line) == 1


@pytest.mark.parametrize("sentence", [
    "پاکستان نے ہفتے کی صبح بھارت کے کئی شہروں پر حملہ کیا۔",
    "पाकिस्तान ने शनिवार सुबह भारत के कई शहरों पर हमला किया।",
    "巴基斯坦星期六上午对印度的几个城市发动了袭击。",
])
def test_a_first_sentence_ending_in_its_scripts_full_stop_is_body_not_a_title(sentence, lexicons):
    # Below a one-word section label, the first line ending in "۔", "।" or "。" opens the text.
    article = build(f"حملے\n\n10 May 2025\n\n{sentence}", lexicons)
    assert article.title != sentence
    assert sentence in article.text
