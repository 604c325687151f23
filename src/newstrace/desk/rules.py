"""Alert rules: reading them from options or YAML, and whether an event or story matches one."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields, replace
from typing import Any

import yaml

from newstrace.model import AlertRule, Event, Story

ONS = ("event", "sources", "breaking")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


class RuleError(ValueError):
    """A rule that cannot be kept: the message names the rule and the reason."""


def seconds(text: str | int | float) -> int:
    """A duration such as 90, "90s", "10m", "1h", "2d" in seconds."""
    if isinstance(text, int | float):
        return int(text)
    match = _DURATION.match(str(text))
    if not match:
        raise RuleError(f"{text!r}: not a duration (e.g. 30s, 10m, 1h, 2d)")
    return int(float(match.group(1)) * _UNIT[match.group(2)])


def make_rule(values: Mapping[str, Any], created_at: str) -> AlertRule:
    """A checked rule from plain values (CLI options or one YAML entry)."""
    known = {f.name for f in fields(AlertRule)}
    name = str(values.get("name") or "")
    if not NAME.match(name):
        raise RuleError(f"{name!r}: a rule needs a name of letters, digits, '-', '_' or '.'")
    unknown = sorted(set(values) - known - {"pair", "window", "baseline"})
    if unknown:
        raise RuleError(f"{name}: unknown field {unknown[0]!r}")
    plain = {k: v for k, v in values.items() if k in known and v is not None}
    if pair := values.get("pair"):
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise RuleError(f"{name}: pair names two actors")
        plain["actor"], plain["actor2"] = (str(a) for a in pair)
    for key, field_name in (("window", "window_s"), ("baseline", "baseline_s")):
        if values.get(key) is not None:
            plain[field_name] = seconds(values[key])
    rule = AlertRule(**{**plain, "created_at": created_at})
    if rule.on not in ONS:
        raise RuleError(f"{name}: on must be one of {', '.join(ONS)}, not {rule.on!r}")
    if rule.sources < 1 or rule.min_reports < 1 or rule.window_s < 1 or rule.baseline_s < rule.window_s:
        raise RuleError(f"{name}: sources and min_reports are at least 1, baseline at least the window")
    if not (rule.deliver == "stdout" or rule.deliver.endswith(".jsonl")
            or rule.deliver.lower().startswith(("http://", "https://"))):
        raise RuleError(f"{name}: deliver to stdout, a .jsonl file or an http(s) URL, not {rule.deliver!r}")
    for text_field in ("actor", "actor2", "type", "mode", "place", "language", "story"):
        value = getattr(rule, text_field)
        if value is not None:
            rule = replace(rule, **{text_field: str(value).strip() or None})
    return rule


def load_rules(text: str, source: str, created_at: str) -> list[AlertRule]:
    """Rules from YAML: a list of mappings, or a mapping with `rules:` holding one."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleError(f"{source}: not YAML ({str(exc).splitlines()[0]})") from None
    if isinstance(data, dict):
        data = data.get("rules")
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise RuleError(f"{source}: expected a list of rules (mappings with a name)")
    # YAML 1.1 reads a bare `on:` key as the boolean true.
    return [make_rule({("on" if key is True else key): value for key, value in entry.items()}, created_at)
            for entry in data]


class Matcher:
    """Tests rules against events and stories; `name_of` gives an entity's display name."""

    def __init__(self, name_of: Callable[[str], str], country_of: Callable[[str], str | None],
                 language_of: Mapping[str, str], stories: Iterable[Story]) -> None:
        self.name_of = name_of
        self.country_of = country_of
        self.language_of = language_of
        self.story_of: dict[str, Story] = {e: s for s in stories for e in s.event_ids}

    def _is(self, value: str, entity_id: str | None) -> bool:
        if not entity_id:
            return False
        return value == entity_id or value.casefold() == (self.name_of(entity_id) or "").casefold()

    def event(self, rule: AlertRule, event: Event) -> bool:
        actors = [p.entity_id for p in event.participants]
        if rule.actor and not any(self._is(rule.actor, a) for a in actors):
            return False
        if rule.actor2 and not any(self._is(rule.actor2, a) for a in actors):
            return False
        if rule.type and rule.type.upper() != event.type:
            return False
        if rule.mode and rule.mode.casefold() != (event.mode or "").casefold():
            return False
        if rule.place and not (self._is(rule.place, event.place_id)
                               or self._is(rule.place, self.country_of(event.place_id or ""))):
            return False
        if rule.language and rule.language.lower() not in {self.language_of.get(a) for a in event.article_ids}:
            return False
        if rule.story:
            story = self.story_of.get(event.id)
            if story is None or not (rule.story == story.id or rule.story.casefold() in story.title.casefold()):
                return False
        return True

    def story(self, rule: AlertRule, story: Story, events: Mapping[str, Event]) -> bool:
        """A story matches when one of its events does."""
        return any(self.event(rule, events[e]) for e in story.event_ids if e in events)
