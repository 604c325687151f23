"""The store on both backends: round trips, idempotency, revisions, full-text search, migrations."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newstrace.errors import StoreError
from newstrace.model import DateValue, Event, Participant, Story
from newstrace.store import Store
from newstrace.store.database import SqliteDatabase
from newstrace.store.migrations import LEDGER, MIGRATIONS, applied_migrations, migrate
from tests.factories import article, day, mention, raw


@pytest.fixture
def store(db_target):
    with Store(db_target) as s:
        yield s


def test_schema_is_migrated_once_with_named_steps(db_target):
    with Store(db_target) as store:
        assert applied_migrations(store.conn) == [m.name for m in MIGRATIONS]
        assert migrate(store.conn) == []
    with Store(db_target) as store:
        assert applied_migrations(store.conn) == [m.name for m in MIGRATIONS]


def test_a_new_sqlite_file_is_migrated_step_by_step_in_wal_mode(tmp_path):
    db = SqliteDatabase(tmp_path / "m.db")
    assert migrate(db) == [m.name for m in MIGRATIONS]
    assert migrate(db) == []
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_article_mentions_and_events_round_trip(store):
    a = article("Hakan Fidan met Antony Blinken in Ankara.", published=day("2026-01-24"), title="Talks")
    m = mention("m1", a.id, ["Q1", "Q2"], day("2026-01-24"), place="gn:1")
    outcome = store.save_article(raw(a.text), a, [], [m])
    assert outcome.outcome == "new"
    assert store.article(a.id).article == a
    assert store.event_mentions(article_id=a.id) == [m]
    assert store.event_mentions(entity_ids=["Q2"]) == [m]
    assert store.event_mentions(entity_ids=["Q9"]) == []
    assert store.event_mentions(entity_ids=[]) == [] and store.articles(ids=[]) == []
    assert store.articles(ids=[a.id]) == [a]


def test_same_content_twice_is_unchanged_and_a_new_version_is_a_revision(store):
    a = article("First version of the text.")
    assert store.save_article(raw(a.text), a).outcome == "new"
    assert store.save_article(raw(a.text), a).outcome == "unchanged"
    b = article("Second version of the text, corrected.")
    assert b.id == a.id
    outcome = store.save_article(raw(b.text), b)
    assert (outcome.outcome, outcome.revision) == ("revised", 2)
    assert [r.revision for r in store.revisions(a.id)] == [1, 2]
    assert store.count_articles() == 1
    assert store.article(a.id).article.text == b.text


def test_full_text_search_in_several_scripts(store):
    texts = {"x.txt": "İbrahim Kalın İstanbul'da görüştü.", "y.txt": "التقى رئيس الاستخبارات في إسطنبول",
             "z.txt": "Встреча прошла в Стамбуле.", "w.txt": "Le président a été reçu à Genève."}
    for name, text in texts.items():
        a = article(text, name=name)
        store.save_article(raw(text, name), a)
    assert [h.title for h in store.search("إسطنبول")] == [None]
    assert len(store.search("Стамбуле")) == 1
    assert len(store.search("geneve")) == 1, "diacritics are folded"
    assert store.search('"; DROP TABLE articles; --') == []


def test_a_failing_write_leaves_nothing_half_written(store):
    a = article("Text of an article that will fail to store its events.")
    broken = mention("m1", a.id, ["Q1"])
    object.__setattr__(broken, "participants", (Participant(None, "source"),))  # violates NOT NULL
    with pytest.raises(StoreError) as failure:
        store.save_article(raw(a.text), a, [], [broken])
    assert failure.value.code.name == "E021" and len(str(failure.value).splitlines()) == 1
    assert store.count_articles() == 0
    assert store.event_mentions() == []


def test_resolution_is_replaced_atomically(store):
    e = Event(id="e1", type="CONSULT", mode="meeting", date=DateValue.unknown(),
              participants=(Participant("Q1", "source"),), mention_ids=("m1",), article_ids=("a1",))
    store.replace_resolution([e], [], [Story("s1", "t", ("e1",), ("Q1",))])
    assert store.events() == [e]
    assert store.events(entity_ids=["Q1"]) == [e]
    assert store.events(ids=[]) == [] and store.events(entity_ids=[]) == []
    store.replace_resolution([], [], [])
    assert store.events() == [] and store.stories() == []


def test_lookups_by_more_ids_than_an_engine_takes_parameters(store):
    # A batch may ask for every article, mention or actor it touched: 70,001 ids exceed both
    # SQLite's 32,766 and PostgreSQL's 65,535 parameters per statement.
    a = article("Hakan Fidan met Antony Blinken in Ankara.", published=day("2026-01-24"), name="many.txt")
    m = mention("m1", a.id, ["Q1", "Q2"], day("2026-01-24"))
    store.save_article(raw(a.text, "many.txt"), a, [], [m])
    e = Event(id="e1", type="CONSULT", mode="meeting", date=day("2026-01-24"),
              participants=(Participant("Q1", "source"),), mention_ids=("m1",), article_ids=(a.id,))
    store.replace_resolution([e], [], [])
    many = [f"x{i:06}" for i in range(70_000)]
    assert store.articles(ids=[*many, a.id]) == [a]
    assert store.articles(ids=many) == []
    assert store.event_mentions(entity_ids=[*many, "Q2"]) == [m]
    assert store.events(ids=[*many, "e1"]) == [e] and store.events(entity_ids=[*many, "Q1"]) == [e]
    assert store.events_for_mentions([*many, "m1"]) == {"m1": "e1"}
    assert set(store.report_times([*many, a.id])) == {a.id}


def test_repeated_outlet_lines_are_counted_per_article(store):
    for i in range(3):
        a = article(f"Body number {i} of the outlet.", name=f"o{i}.txt", outlet="example.org")
        store.save_article(raw(a.text, f"o{i}.txt"), a, lines=["Subscribe to our newsletter", f"line {i}"])
    assert store.repeated_lines(3) == {"example.org": frozenset({"Subscribe to our newsletter"})}


# One database for every example: each stores a new article under a name of its own.
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=300), st.sampled_from([DateValue.unknown(), DateValue.of_month(2025, 6, "header")]))
def test_any_article_text_survives_the_database(store, text, published):
    a = article(text, published=published, name=f"h{store.count_articles()}.txt")
    store.save_article(raw(text), a)
    assert store.article(a.id).article == a


def test_search_takes_any_query_literally(store):
    a = article("Talks in Geneva ended without agreement.")
    store.save_article(raw(a.text), a)
    for query in ["Geneva\x00", "\ud800 Geneva", "NEAR(Geneva", "Geneva*", "-Geneva", "title:Geneva"]:
        store.search(query)
    assert len(store.search("Geneva\x00")) == 1


def test_words_inside_unspaced_scripts_are_found_and_turkish_i_folds(store):
    # SQLite indexes each Chinese, Japanese or Thai letter as a token and searches a word as the
    # phrase of its letters; PostgreSQL's trigrams match substrings (store/search.py).
    texts = {"zh.txt": "外交部长周一在北京会见了来访的代表团。", "ja.txt": "首相は火曜日に東京で記者会見を開いた。",
             "th.txt": "คณะผู้แทนเดินทางถึงเชียงใหม่เมื่อวันพุธ", "tr.txt": "Kalın, Doha'da Katar Başbakanı ile görüştü.",
             "hi.txt": "विदेश मंत्री गुरुवार को दिल्ली पहुंचे।"}
    for name, text in texts.items():
        store.save_article(raw(text, name), article(text, name=name))
    assert [h.snippet for h in store.search("北京")] == ["外交部长周一在[北京]会见了来访的代表团。"]
    assert len(store.search("東京")) == 1 and len(store.search("記者会見")) == 1
    assert [h.snippet for h in store.search("เชียงใหม่")] == ["คณะผู้แทนเดินทางถึง[เชียงใหม่]เมื่อวันพุธ"]
    assert store.search("京北") == [] and store.search("ใหม่เชียง") == [], "the letters in their order"
    assert len(store.search("गुरुवार")) == 1, "a vowel sign splits no word"
    assert len(store.search("kalin doha")) == 1
    assert store.search("東京 kalin") == [], "every term must occur"
    assert store.search("100%") == [] and store.search("_") == [], "LIKE wildcards are literal"


def test_an_older_sqlite_index_is_rebuilt_segmented(tmp_path):
    db = SqliteDatabase(tmp_path / "old.db")
    for migration in MIGRATIONS[:-1]:
        with db.transaction():
            db.execute(LEDGER)
            for statement in migration.statements(db.dialect):
                db.execute(statement)
            db.execute("INSERT INTO schema_migrations(name, applied_at) VALUES (?, 'then')", (migration.name,))
    with db.transaction():  # an article stored before: the old index holds its clause as one token
        db.execute("INSERT INTO raw_documents VALUES ('h', 'file:zh.txt', 'text/plain', x'00', 'then', 'zh.txt')")
        db.execute("INSERT INTO articles(id, uri, text, language, published_precision, content_hash, revision,"
                   " ingested_at, data) VALUES ('a1', 'file:zh.txt', '外交部长周一在北京会见了来访的代表团。', 'zh',"
                   " 'unknown', 'h', 1, 'then', '{}')")
    assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '北京'").fetchone()[0] == 0
    db.close()
    with Store(tmp_path / "old.db") as store:
        assert [h.article_id for h in store.search("北京")] == ["a1"]
