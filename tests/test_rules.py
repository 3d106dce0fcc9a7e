"""The rule files under ontology/ load, and every pattern's example sentences hold."""
import shutil

import pytest

from kg.documents import parse_document
from kg.errors import RulesError
from kg.extract import extract
from kg.rules import RELATIONS, load_rules
from kg.ruletest import run_examples
from tests.conftest import ROOT, run

RESULTS = run_examples(load_rules())


@pytest.mark.parametrize("result", RESULTS, ids=[f"{r.rule}:{r.text[:40]}" for r in RESULTS])
def test_pattern_example(result):
    assert result.ok, f"{result.rule}: {result.problem}"


def test_every_pattern_has_a_positive_example(rules):
    for p in rules.patterns:
        assert any(ex.claims for ex in p.examples), p.id
        assert p.relation in RELATIONS


def test_gazetteer_names_the_seed_actors_under_all_their_names(rules):
    expect = {
        "North Korea": ["DPRK", "N.Korea", "Pyongyang", "North Korea"],
        "China": ["New China", "PRC", "Beijing"],
        "Soviet Union": ["USSR", "Soviets", "Moscow"],
        "Lin Biao": ["Mr. Lin", "General Lin"],
        "Northeast Field Army": ["Dongye", "Higashino"],
        "Kim Il Sung": ["Kim Il-sung"],
        "Kim Jong Un": ["Kim Jong-un"],
        "Chinese People's Volunteers": ["CPV", "volunteers"],
        "KCNA": ["Korean Central News Agency"],
    }
    for label, names in expect.items():
        for name in names:
            actor = rules.actor_by_name(name)
            assert actor is not None and actor.label == label, name


def test_korean_war_has_its_three_names(rules):
    kw = rules.events["korean_war"]
    assert {"Korean War", "War to Resist US Aggression and Aid Korea", "Fatherland Liberation War"} <= set(kw.aliases)


@pytest.fixture
def rule_copy(tmp_path):
    d = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", d)
    return d


def test_malformed_yaml_names_file_and_line(rule_copy):
    path = rule_copy / "relations.yaml"
    path.write_text(path.read_text() + "\n- id: broken\n  pattern: [unclosed\n")
    with pytest.raises(RulesError, match=r"relations.yaml: malformed YAML at line \d+"):
        load_rules(rule_copy)


def test_invalid_regex_names_the_pattern(rule_copy):
    path = rule_copy / "relations.yaml"
    path.write_text(path.read_text() + "\n- id: bad.regex\n  relation: AID\n  predicate: aided\n  pattern: '{X} (aided {Y}'\n")
    with pytest.raises(RulesError, match=r"pattern 'bad.regex': invalid pattern"):
        load_rules(rule_copy)


@pytest.mark.parametrize("entry, error", [
    ("relation: HUGS\n  predicate: hugged\n  pattern: '{X} hugged {Y}'", "unknown relation 'HUGS'"),
    ("relation: AID\n  predicate: aided\n  subject_types: [nation]\n  pattern: '{X} aided {Y}'",
     r"subject_types names unknown actor types \['nation'\]"),
    ("relation: LEADER_OF\n  predicate: leaderOf\n  object_is: party\n  pattern: '{X}, the leader'",
     "object_is must be 'country', not 'party'"),
])
def test_malformed_pattern_fields_are_refused(rule_copy, entry, error):
    path = rule_copy / "relations.yaml"
    path.write_text(path.read_text() + f"\n- id: bad.entry\n  {entry}\n")
    with pytest.raises(RulesError, match=f"pattern 'bad.entry': {error}"):
        load_rules(rule_copy)


def test_cli_rules_test_passes(tmp_path):
    result = run(["rules", "test"], tmp_path / ".kg")
    assert result.exit_code == 0, result.output
    assert "0 failed" in result.output


def test_every_rule_predicate_is_declared_in_the_vocabulary(rules):
    # a rule an analyst adds must name a predicate kg.ttl declares under the rule's relation
    import rdflib
    from kg.rules import ONTOLOGY_DIR
    g = rdflib.Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    kg = rdflib.Namespace("https://w3id.org/kg/ns#")
    for p in rules.patterns:
        assert (kg[p.predicate], rdflib.RDFS.subPropertyOf, kg[p.relation]) in g, f"{p.id}: kg:{p.predicate}"


@pytest.mark.parametrize("file, entry, error", [
    ("actors.yaml", "- id: kcna2\n  label: KCNA Two\n  type: media\n  wikidata: Q 222\n  aliases: [KCNA Two]\n",
     "actors.yaml: entry 1 (kcna2): wikidata must be a QID like Q148, not 'Q 222'"),
    ("actors.yaml", "- id: kcna two\n  label: KCNA Two\n  type: media\n  aliases: [KCNA Two]\n",
     "actors.yaml: entry 1: actor id 'kcna two' must be lower-case letters"),
    ("events.yaml", "- id: war two\n  label: War Two\n  aliases: [War Two]\n",
     "events.yaml: entry 1: event id 'war two' must be lower-case letters"),
    ("events.yaml", "- id: war_two\n  label: War Two\n  wikidata: Q 222\n  aliases: [War Two]\n",
     "events.yaml: entry 1 (war_two): wikidata must be a QID like Q148, not 'Q 222'"),
    ("places.yaml", "- {name: Ruritania Islands, state: ruritania}\n",
     "places.yaml: entry 1 (Ruritania Islands): state 'ruritania' is no actor id"),
])
def test_bad_gazetteer_ids_are_one_line_errors(tmp_path, monkeypatch, file, entry, error):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / file).write_text(entry, encoding="utf-8")
    monkeypatch.setenv("KG_RULES", str(mine))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("China aided North Korea.\n", encoding="utf-8")
    result = run(["build", str(tmp_path / "in")], tmp_path / ".kg")
    assert result.exit_code == 1 and error in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / ".kg").exists()


def test_a_users_places_extend_the_built_in_ones(tmp_path, monkeypatch):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "places.yaml").write_text("- {name: Ruritania Islands, state: argentina}\n", encoding="utf-8")
    text = "British troops attacked Ruritania Islands.\n"
    rules = load_rules()
    assert not any(m.claim.object == "argentina" for m in extract(parse_document("a.txt", text, rules), rules).mentions)
    monkeypatch.setenv("KG_RULES", str(mine))
    rules = load_rules()
    assert rules.frames.places["Falklands"] == "united_kingdom"  # the built-in ones stay
    ex = extract(parse_document("a.txt", text, rules), rules)
    assert {(m.claim.subject, m.claim.relation, m.claim.object) for m in ex.mentions} == \
        {("united_kingdom", "ASSAULT", "argentina")}
