"""Paragraph ranks among running prose: page furniture before the story does not count."""

from __future__ import annotations

from newstrace.text.sentences import prose_ranks, split_sentences


def test_menus_captions_and_bylines_take_no_rank():
    page = ("Home News World Video\n\nLoader\n\nPhoto: Agency staff\n\nBy A. Writer\n\n"
            "The minister arrived in the capital on Monday for two days of talks.\n\n"
            "She met her counterpart at the foreign ministry.\n\nShare")
    sentences = split_sentences(page)
    ranks = prose_ranks(sentences)
    first = next(s for s in sentences if s.text.startswith("The minister"))
    second = next(s for s in sentences if s.text.startswith("She met"))
    assert ranks[first.paragraph] == 0 and ranks[second.paragraph] == 1
    assert ranks[sentences[-1].paragraph] == 2


def test_unspaced_scripts_and_danda_end_prose_too():
    page = "新华社图片\n\n国家主席习近平在北京人民大会堂会见来访的外国领导人并举行会谈。\n\nनई दिल्ली में प्रधानमंत्री ने आज विदेश मंत्री से मुलाकात की और कई मुद्दों पर चर्चा की।"
    sentences = split_sentences(page)
    ranks = prose_ranks(sentences)
    assert [ranks[s.paragraph] for s in sentences] == [0, 0, 1]
