"""Integrity of the rule files in tracker/rules/: they load, hold only known keys, agree."""

from __future__ import annotations

import re

import pytest

from tracker import rules

MY_FILES = ["indicators", "units", "comparators", "targets"]


@pytest.mark.parametrize("name", sorted(p.stem for p in rules.RULES_DIR.glob("*.toml")))
def test_every_file_loads(name):
    assert isinstance(rules.load(name), dict)


def test_my_files_are_present():
    assert {p.stem for p in rules.RULES_DIR.glob("*.toml")} >= set(MY_FILES)


def test_indicators_have_known_keys_and_polarity():
    for row in rules.load("indicators")["indicator"]:
        assert set(row) <= rules.INDICATOR_KEYS, row["key"]
        assert {"key", "name", "aliases", "polarity"} <= set(row)
        assert row["polarity"] in (1, -1), row["key"]
        assert row.get("measure", "none") in {"growth", "level", "cumulative", "change", "rate", "none"}


def test_indicator_keys_and_aliases_unique():
    keys = [r.key for r in rules.indicators()]
    assert len(keys) == len(set(keys))
    aliases = [a for r in rules.indicators() for a in r.aliases]
    dupes = {a for a in aliases if aliases.count(a) > 1}
    assert not dupes


def test_less_is_better_indicators():
    polarity = {r.key: r.polarity for r in rules.indicators()}
    for key in ("unemployment", "cpi", "pm25", "energy_intensity", "carbon_intensity",
                "deficit_ratio", "traffic_deaths", "work_accidents"):
        assert polarity[key] == -1, key
    for key in ("gdp", "new_jobs", "budget_revenue", "grain_output"):
        assert polarity[key] == 1, key


def test_units_have_known_keys_and_bases():
    data = rules.load("units")
    assert set(data) == {"magnitudes", "bases", "unit", "counters", "idioms", "implied"}
    assert all(len(w) >= 4 for w in data["idioms"]["words"])
    for name, row in data["unit"].items():
        assert set(row) <= rules.UNIT_KEYS, name
        assert row["dimension"] in data["bases"], name
        assert row["factor"] > 0, name
    table = rules.units()
    for info in table.units.values():
        assert info.dimension in table.bases
        assert table.bases[info.dimension] in table.units  # every base is itself a unit
    counters = data["counters"]["units"]
    assert len(counters) == len(set(counters))
    assert set(data["counters"]["not_before"]) <= set(counters) | set(data["unit"])
    # a unit implied by a noun after a bare magnitude is a known unit of people or things
    implied = {k: v for k, v in data["implied"].items() if k != "max_gap"}
    assert implied and set(implied) <= set(data["unit"]) | set(counters)
    assert all(nouns and len(set(nouns)) == len(nouns) for nouns in implied.values())
    assert 0 < data["implied"]["max_gap"] <= 10


def test_comparators_known_keys_and_ops():
    for row in rules.load("comparators")["word"]:
        assert set(row) <= rules.COMPARATOR_KEYS
        assert row["place"] in {"before", "after", "infix"}
        assert row["op"] in {">=", "<=", "~", "="}
    words = [(w["place"], w["text"]) for w in rules.load("comparators")["word"]]
    assert len(words) == len(set(words))


def test_target_words_shape_and_regexes_compile():
    t = rules.target_words()
    assert set(t) == {"measure", "stage", "object", "leader", "quantity", "relative", "title",
                      "act", "relative_generic", "relative_name", "relative_needs_indicator",
                      "part", "relative_list", "topic", "due"}
    assert set(t["topic"]) == {"starts", "ends", "passing", "acts"}
    assert re.compile(t["due"]["year"]).groups == 1  # the year is group 1
    re.compile(t["topic"]["passing"])
    for p in t["topic"]["acts"] + t["act"]["patterns"]:
        assert "(?P<verb>" in re.compile(p).pattern, p
    # campaign verbs are stage verbs; campaigns name bounded things
    assert set(t["stage"]["campaign_before"]) <= set(t["stage"]["before"])
    assert t["object"]["campaign_heads"]
    for row in t["relative"]:
        assert set(row) == {"relation", "pattern"}
        re.compile(row["pattern"])
    for p in t["leader"]["enumerators"]:
        re.compile(p)
    # strong and weak stage verbs are all stage verbs, and never both
    before = set(t["stage"]["before"])
    assert set(t["stage"]["strong_before"]) <= before
    assert set(t["stage"]["weak_before"]) <= before
    assert not set(t["stage"]["strong_before"]) & set(t["stage"]["weak_before"])
    for key in ("after", "before"):
        assert len(t["stage"][key]) == len(set(t["stage"][key])), key


@pytest.mark.parametrize("key", ["neutral", "facilitating", "vague", "means"])
def test_leader_lists_have_no_duplicates(key):
    words = rules.target_words()["leader"][key]
    assert len(words) == len(set(words)), [w for w in words if words.count(w) > 1]


def test_leader_lists_do_not_overlap():
    lead = rules.target_words()["leader"]
    groups = [set(lead[k]) for k in ("neutral", "facilitating", "vague", "means")]
    for i, a in enumerate(groups):
        for b in groups[i + 1:]:
            assert not a & b, a & b
