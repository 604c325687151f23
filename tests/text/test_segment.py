"""Word segmentation of languages written without spaces: the segmenter a lexicon names, its cuts."""

from __future__ import annotations

import pytest

from newstrace.context import Context
from newstrace.errors import KnowledgeError
from newstrace.knowledge.lexicon import load_lexicon
from newstrace.text.segment import SEGMENTERS, load_segmenter, segmenter_spec

CTX = Context(use_spacy=False)


def test_chinese_words_come_from_jieba() -> None:
    segmenter = CTX.segmenter("zh")
    assert segmenter is not None and segmenter.name == "jieba"
    words = segmenter.split("王毅周六在北京会见了伊朗外长。")
    assert "北京" in words and "会见" in words and "王毅" in words


@pytest.mark.parametrize(("text", "words"), [
    # Traditional characters are cut as their simplified form would be, at the same offsets.
    ("國家主席習近平週六在北京會晤伊朗外長", ["習近平", "北京", "會晤"]),
    ("王毅週日在臺北會見了美國國務卿", ["王毅", "會見", "美國"]),
])
def test_traditional_chinese_is_cut_into_the_words_of_its_simplified_form(text, words) -> None:
    cut = CTX.segmenter("zh").split(text)
    assert all(word in cut for word in words), cut


def test_cuts_hold_both_edges_of_every_word_in_text_offsets() -> None:
    text = "他在北京说明了立场"
    cuts = CTX.cuts("zh", text)
    assert {0, len(text)} <= cuts
    start = text.index("北京")
    assert start in cuts and start + 2 in cuts
    # "说明" (explain) is one word: no cut between 说 and 明.
    assert text.index("明") not in cuts


def test_japanese_words_come_from_janome_and_keep_offsets() -> None:
    text = "岸田首相は東京でフィダン外相と会談した。"
    cuts = CTX.cuts("ja", text)
    for word in ("東京", "フィダン", "会談"):
        start = text.index(word)
        assert start in cuts and start + len(word) in cuts, word


def test_thai_words_come_from_newmm() -> None:
    text = "นายกรัฐมนตรีพบกับประธานาธิบดีที่กรุงเทพฯ เมื่อวันเสาร์"
    segmenter = CTX.segmenter("th")
    assert segmenter is not None and segmenter.name == "newmm"
    assert "ประธานาธิบดี" in segmenter.split(text)
    cuts = segmenter.cuts(text)
    start = text.index("กรุงเทพฯ")
    assert start in cuts and start + len("กรุงเทพฯ") in cuts


def test_korean_particles_are_cut_off_one_by_one() -> None:
    segmenter = load_segmenter({"name": "particles", "particles": ["이", "군", "에서"]})
    assert segmenter is not None
    assert segmenter.split("러시아군이 서울에서 공격했다") == ("러시아", "군", "이", "서울", "에서", "공격했다")
    # A word that is only a particle stays whole.
    assert segmenter.split("이 군") == ("이", "군")


def test_spaced_languages_have_no_segmenter() -> None:
    assert CTX.segmenter("en") is None
    assert CTX.cuts("fr", "Le ministre a rencontré") is None
    assert CTX.segmenter(None) is None


def test_segmenters_load_only_when_asked() -> None:
    ctx = Context(use_spacy=False)
    assert ctx._segmenters == {}
    ctx.cuts("ko", "서울에서")
    assert set(ctx._segmenters) == {"ko"}


def test_an_unknown_segmenter_is_one_clear_error(tmp_path) -> None:
    with pytest.raises(ValueError, match="unknown segmenter 'mecab'"):
        segmenter_spec("mecab")
    with pytest.raises(KnowledgeError, match="unknown segmenter"):
        load_segmenter({"name": "nope"}, "lexicon xx")
    path = tmp_path / "xx.yaml"
    path.write_text("language: xx\nsegmenter: nope\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="xx.yaml"):
        load_lexicon(path)


def test_every_lexicon_segmenter_is_known() -> None:
    for language in CTX.lexicons.languages():
        raw = CTX.lexicons.get(language).segmenter
        if raw:
            assert segmenter_spec(raw)["name"] in SEGMENTERS
