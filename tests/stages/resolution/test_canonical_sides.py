"""The sides of an event that a minority of its reports names: the state beside its official in a
meeting of two states, and no states beside the officials of three (stages/events/states.py); the
armed force a report's main event names as the doer of an attack, the state it names as its
target (stages/resolution/canonical.py)."""

from __future__ import annotations

from dataclasses import replace

from newstrace.model import DateValue, Participant, Span
from newstrace.resolve import finish_resolution
from newstrace.stages.resolution.canonical import build_event
from tests.factories import day, mention
from tests.stages.events.analysed import CTX

MERZ, TUSK, MACRON = "Q90795", "Q946", "Q3052772"
GERMANY, POLAND, FRANCE = "iso:DE", "iso:PL", "iso:FR"

# Three reports of one meeting in Warsaw; only the third names Poland beside its prime minister.
WARSAW = [
    mention("m1", "a1", [MERZ, GERMANY, TUSK], day("2025-05-07"), place="warsaw"),
    mention("m2", "a2", [MERZ, GERMANY, TUSK], day("2025-05-07"), place="warsaw"),
    mention("m3", "a3", [MERZ, TUSK, POLAND], day("2025-05-07"), place="warsaw"),
]


def participants_of(group) -> set[str]:
    event = finish_resolution([tuple(group)], [], CTX, use_similarity=False).events[0]
    return {p.entity_id for p in event.participants}


def test_the_state_a_minority_named_stays_beside_its_official():
    assert participants_of(WARSAW) == {MERZ, TUSK, GERMANY, POLAND}


def test_the_state_no_report_named_joins_its_official():
    # Every report names Germany and neither names Poland: the meeting is still one of the two states.
    group = [mention(f"m{i}", f"a{i}", [MERZ, GERMANY, TUSK], day("2025-05-07")) for i in range(1, 4)]
    assert participants_of(group) == {MERZ, TUSK, GERMANY, POLAND}


def test_without_the_knowledge_of_roles_the_minority_goes():
    event = build_event(WARSAW)
    assert {p.entity_id for p in event.participants} == {MERZ, TUSK, GERMANY}


def test_a_leader_not_yet_in_office_on_the_day_brings_no_state():
    # Merz became chancellor in May 2025: a dinner with Macron that February was no meeting of states.
    february = DateValue.of_month(2025, 2, "text")
    group = [mention(f"m{i}", f"a{i}", [MERZ, MACRON], february) for i in range(1, 3)]
    assert participants_of(group) == {MERZ, MACRON}


def test_a_phone_call_or_a_statement_is_no_act_of_states():
    call = [mention(f"m{i}", f"a{i}", [MERZ, TUSK], day("2025-05-07"), mode="phone_call") for i in range(1, 3)]
    said = [mention(f"m{i}", f"a{i}", [MERZ, TUSK], day("2025-05-07"), type="STATEMENT", mode="statement")
            for i in range(1, 3)]
    assert participants_of(call) == {MERZ, TUSK}
    assert participants_of(said) == {MERZ, TUSK}


def test_a_third_state_leaves_the_sides_as_the_reports_give_them():
    group = [mention(f"m{i}", f"a{i}", [MERZ, TUSK, MACRON], day("2025-05-07")) for i in range(1, 3)]
    assert participants_of(group) == {MERZ, TUSK, MACRON}


IDF, ISRAEL, SYRIA, SYRIAN_MOD = "Q624254", "iso:IL", "iso:SY", "local:syria_mod"
STRIKE = dict(type="ASSAULT", mode="airstrike", place="damascus")


def test_the_army_one_report_names_as_the_doer_of_the_strike_is_a_side():
    group = [mention("m1", "a1", [ISRAEL, SYRIAN_MOD, SYRIA], day("2025-07-16"), **STRIKE),
             mention("m2", "a2", [ISRAEL, SYRIA], day("2025-07-16"), **STRIKE),
             mention("m3", "a3", [IDF, SYRIAN_MOD], day("2025-07-16"), **STRIKE),
             mention("m4", "a4", [ISRAEL, SYRIAN_MOD], day("2025-07-16"), **STRIKE)]
    assert participants_of(group) == {ISRAEL, IDF, SYRIA, SYRIAN_MOD}
    # Named only beside another event of the report, it is no side of this one.
    aside = [*group[:2], mention("m3", "a3", [IDF, SYRIAN_MOD], day("2025-07-16"), main=False, **STRIKE), group[3]]
    assert IDF not in participants_of(aside)


VENEZUELA, US, TRUMP = "iso:VE", "iso:US", "Q22686"


def test_the_state_a_report_names_as_the_target_of_an_attack_is_a_side():
    # A strike on "a boat from Venezuela": two of five reports say whence the boat came.
    strike = dict(type="ASSAULT", mode="attack", place="caribbean")
    group = [mention("m1", "a1", [US, VENEZUELA], day("2025-09-02"), **strike),
             mention("m2", "a2", [US, VENEZUELA], day("2025-09-02"), **strike),
             *(mention(f"m{i}", f"a{i}", [US, TRUMP], day("2025-09-02"), **strike) for i in range(3, 6))]
    assert participants_of(group) == {US, VENEZUELA, TRUMP}
    # Beside a statement, a state few reports name is most often a person's own, and goes.
    said = dict(type="STATEMENT", mode="statement")
    talks = [mention("m1", "a1", [TRUMP, VENEZUELA], day("2025-09-02"), **said),
             *(mention(f"m{i}", f"a{i}", [TRUMP, MACRON], day("2025-09-02"), **said) for i in range(2, 5))]
    assert participants_of(talks) == {TRUMP, MACRON}


SHARAA, MBS = "Q5624797", "Q6892571"


def beside(mid: str, article: str, *people: tuple[str, str | None], own: str | None = None):
    """A report of a meeting of `people`, each (id, state or None): a state stands on its official's
    words, as the extraction adds it, but for `own`, which the report names in words of its own."""
    parts = []
    for n, (person, state) in enumerate(people):
        evidence = Span(10 * n, 10 * n + 5)
        parts.append(Participant(person, "source", 0.95, evidence))
        if state:
            parts.append(Participant(state, "source", 0.855, Span(90, 95) if state == own else evidence))
    return replace(mention(mid, article, [], day("2025-05-14"), place="riyadh"), participants=tuple(parts))


def test_officials_of_three_states_leave_no_meeting_of_two():
    # Two reports saw Trump meet al-Sharaa; the third has the crown prince beside them.
    rest = [beside("m2", "a2", (TRUMP, US), (SHARAA, SYRIA)),
            beside("m3", "a3", (TRUMP, None), (SHARAA, None), (MBS, None))]
    assert participants_of([beside("m1", "a1", (TRUMP, US), (SHARAA, SYRIA)), *rest]) == {TRUMP, SHARAA, MBS}
    # A state a report names in words of its own stays.
    named = beside("m1", "a1", (TRUMP, US), (SHARAA, SYRIA), own=SYRIA)
    assert participants_of([named, *rest]) == {TRUMP, SHARAA, MBS, SYRIA}
