"""The gazetteer of leaders of 1945-2009 (ontology/leaders_1945_2009.yaml): a bare surname in a text of
those years finds the one person of that name who then led a state, his acts count for it while in
office, terms of one state's heads do not overlap, and the file shares one id per person with the
other curated files and the field's dictionaries."""
from collections import defaultdict

import pytest
import yaml

from kg.rules import load_rules
from tests.conftest import ROOT, claim_mentions

LEADERS = ROOT / "ontology" / "leaders_1945_2009.yaml"
OTHER_CURATED = [ROOT / "ontology" / "actors.yaml", ROOT / "ontology" / "office_holders.yaml"]
# names used alone for one person, the only one-word aliases the file may give a person
NICKNAMES = {"JFK", "LBJ", "Tito", "Sukarno", "Soekarno", "Suharto", "Soeharto", "Megawati", "Souphanouvong",
             "Bangabandhu", "Quaid-e-Azam", "Madiba", "Tirofijo", "Jango", "Goni", "Zia-ul-Haq"}
SECTORS = {"GOV", "MIL", "IGO", "REB"}


def claims(text, rules):
    return set(claim_mentions(text, rules))


@pytest.fixture(scope="module")
def entries():
    return yaml.safe_load(LEADERS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text, claim", [
    # a bare surname is the one listed person of that name who led a state in the text's year:
    # John F., not Robert F. Kennedy (both in government in 1962), and his act is his state's
    ("In 1962 Kennedy ordered a naval blockade of Cuba.", ("John F. Kennedy", "COERCE", "Cuba")),
    ("In 1962 Kennedy ordered a naval blockade of Cuba.", ("United States", "COERCE", "Cuba")),
    ("In 1982 Galtieri attacked Britain.", ("Argentina", "ASSAULT", "United Kingdom")),
    ("In 1982 Thatcher accused Argentina of aggression.", ("United Kingdom", "ACCUSE", "Argentina")),
    ("In 1967 Nasser closed the Straits of Tiran to Israel.", ("Egypt", "COERCE", "Israel")),
    ("In 1988 Khomeini rejected the ceasefire with Iraq.", ("Iran", "REJECT", "Iraq")),
    ("In 1973 Sadat attacked Israel.", ("Egypt", "ASSAULT", "Israel")),
    ("In 1974 Ecevit invaded Cyprus.", ("Turkey", "ASSAULT", "Cyprus")),
    ("In 1968 Dubcek criticised the Soviet Union.", ("Czechoslovakia", "ACCUSE", "Soviet Union")),
    ("In 1995 Milosevic met Tudjman in Dayton.", ("Serbia", "CONSULT", "Croatia")),
    ("In 1990 Saddam Hussein invaded Kuwait.", ("Iraq", "ASSAULT", "Kuwait")),
    # two presidents Bush: the year decides
    ("In 1991 Bush attacked Iraq.", ("George H. W. Bush", "ASSAULT", "Iraq")),
    ("In 2003 Bush attacked Iraq.", ("George W. Bush", "ASSAULT", "Iraq")),
    # "the Indian leader" with no name is the one executive head of that state in the year
    ("In 1965 the Indian leader accused Pakistan.", ("Lal Bahadur Shastri", "ACCUSE", "Pakistan")),
    ("In 1972 the South Vietnamese president met Nixon.", ("South Vietnam", "CONSULT", "United States")),
    # leaders of armed movements act for them; a state's head acts for his state first
    ("In 1970 Arafat attacked Jordan.", ("Palestine Liberation Organization", "ASSAULT", "Jordan")),
    ("In 1995 Arafat met Rabin.", ("Palestine", "CONSULT", "Israel")),
    ("In 1975 Pol Pot attacked Vietnam.", ("Democratic Kampuchea", "ASSAULT", "Vietnam")),
    ("In 1993 Karadzic attacked Croatia.", ("Republika Srpska", "ASSAULT", "Croatia")),
    ("In 1985 Savimbi attacked Angola.", ("Jonas Savimbi", "ASSAULT", "Angola")),
])
def test_leaders_of_their_time_are_found(rules, text, claim):
    assert (*claim, "asserted") in claims(text, rules)


def test_a_term_of_office_bounds_a_bare_surname_and_the_acts_for_the_state(rules):
    # Kennedy was dead by 1970 and no other Kennedy led a state: no one
    assert not claims("In 1970 Kennedy ordered a naval blockade of Cuba.", rules)
    # in 1984 Indira and Rajiv Gandhi both led India: the bare surname is ambiguous
    assert not claims("In 1984 Gandhi accused Pakistan.", rules)
    assert ("India", "ACCUSE", "Pakistan", "asserted") in claims("In 1984 Rajiv Gandhi accused Pakistan.", rules)
    # a full name out of office is the person only
    out_of_office = claims("In 1985 Jimmy Carter criticised the Soviet Union.", rules)
    assert ("Jimmy Carter", "ACCUSE", "Soviet Union", "asserted") in out_of_office
    assert not {c for c in out_of_office if c[0] == "United States"}


def test_each_name_in_the_file_means_one_actor_and_no_person_is_a_bare_surname(entries):
    rules = load_rules()
    owners: dict[str, set[str]] = {}
    for actor in rules.actors.values():
        for alias in actor.aliases:
            owners.setdefault(alias, set()).add(actor.id)
    for e in entries:
        for alias in e["aliases"]:
            assert owners[alias] == {e["id"]}, f"{alias!r} of {e['id']} also names {owners[alias] - {e['id']}}"
            if e["type"] == "person":
                assert " " in alias or alias in NICKNAMES, f"one-word alias {alias!r} of {e['id']}"
        assert not set(e.get("short") or []) & set(e["aliases"]), e["id"]


def test_the_file_repeats_no_one_the_other_curated_files_list(entries):
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    earlier = {e["id"] for p in OTHER_CURATED for e in yaml.safe_load(p.read_text(encoding="utf-8"))}
    assert not set(ids) & earlier
    rules = load_rules()
    for e in entries:
        assert rules.actors[e["id"]].label == e["label"]


def test_a_person_the_dictionaries_know_keeps_their_id_and_their_double_merges():
    rules = load_rules()
    assert rules.actors["john_f_kennedy"].represents[0].actor == "united_states"
    assert not rules.actors["robert_f_kennedy"].represents
    owners = {}
    for actor in rules.actors.values():
        for alias in actor.aliases:
            owners.setdefault(alias, set()).add(actor.id)
    for alias, label in [("Ayad Allawi", "Iyad Allawi"), ("Gerard Schroeder", "Gerhard Schröder"),
                         ("Thabo Mvuyelwa Mbeki", "Thabo Mbeki"), ("Thaksin Chinnawat", "Thaksin Shinawatra")]:
        assert [rules.actors[i].label for i in owners[alias]] == [label], alias
    assert "ayad_allawi" not in rules.actors and "thaksin_chinnawat" not in rules.actors


def test_terms_are_well_formed_and_represents_is_a_held_role(entries):
    for e in entries:
        roles = e.get("roles") or []
        for r in roles:
            assert r["sector"] in SECTORS and 1900 <= r["from"] <= r["to"] <= 9999, f"{e['id']}: {r}"
        held = {(r["actor"], r["from"], r["to"]) for r in roles}
        for r in e.get("represents") or []:
            assert (r["actor"], r["from"], r["to"]) in held, f"{e['id']}: represents {r} without the role"


def test_states_are_those_of_their_time(entries):
    for e in entries:
        for r in e.get("represents") or []:
            actor, start, end = r["actor"], r["from"], r["to"]
            assert not (actor == "russia" and start < 1992), e["id"]
            assert not (actor == "soviet_union" and end > 1991), e["id"]
            assert not (actor == "vietnam" and start < 1976), e["id"]
            assert not (actor in ("north_vietnam", "south_vietnam") and end > 1976), e["id"]


def test_one_state_has_one_executive_head_at_a_time_but_for_the_handover_year(entries):
    rules = load_rules()
    mine = {e["id"] for e in entries}
    terms = defaultdict(list)
    for actor in rules.actors.values():
        for r in actor.represents:
            if rules.actors[r.actor].type == "state":
                terms[r.actor].append((r.start, r.end, actor.id))
    for state, held in terms.items():
        held.sort()
        for (_, end, before), (start, _, after) in zip(held, held[1:]):
            if {before, after} & mine:
                assert start >= end, f"{state}: {before} until {end}, {after} from {start}"


def test_the_states_of_the_wars_and_crises_of_those_years_have_their_heads(entries):
    led = {r["actor"] for e in entries for r in e.get("represents") or []}
    assert {"united_states", "soviet_union", "russia", "united_kingdom", "france", "china", "taiwan", "south_korea",
            "japan", "north_vietnam", "south_vietnam", "cambodia", "laos", "india", "pakistan", "bangladesh",
            "sri_lanka", "afghanistan", "iran", "iraq", "syria", "lebanon", "israel", "egypt", "jordan",
            "saudi_arabia", "libya", "turkey", "greece", "cyprus", "yugoslavia", "serbia", "croatia",
            "bosnia_and_herzegovina", "argentina", "chile", "cuba", "nicaragua", "el_salvador", "guatemala", "panama",
            "grenada", "ethiopia", "somalia", "sudan", "uganda", "rwanda", "democratic_republic_of_the_congo",
            "angola", "mozambique", "south_africa", "nigeria", "algeria", "morocco", "indonesia", "east_timor",
            "philippines", "hungary", "czechoslovakia", "poland", "germany", "east_germany",
            "palestine_liberation_organization", "hezbollah", "hamas", "liberation_tigers_of_tamil_eelam",
            "african_national_congress"} <= led
    assert len({a for a in led if load_rules().actors[a].type == "state"}) >= 120
