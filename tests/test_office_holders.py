"""The gazetteer of recent office holders and armed groups (ontology/office_holders.yaml): names of
2010-2026 resolve, terms of office are date-bounded, and the file shares one id per person with the
field's dictionaries."""
import pytest
import yaml

from kg.rules import load_rules
from tests.conftest import ROOT, claim_mentions

OFFICE_HOLDERS = ROOT / "ontology" / "office_holders.yaml"
# names used alone for one person, the only one-word aliases the file may give a person
NICKNAMES = {"Hemedti", "Hemeti", "Himedti", "Jokowi", "Timochenko", "Farmaajo", "Farmajo", "AMLO", "MBS", "MBZ",
             "Lula", "Barbecue"}


def claims(text, rules):
    return set(claim_mentions(text, rules))


@pytest.fixture(scope="module")
def entries():
    return yaml.safe_load(OFFICE_HOLDERS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text, claim", [
    # a bare leader title names the state of the office held in the sentence's year
    ("President Donald Trump met Kim Jong Un in Singapore in 2018.", ("Donald Trump", "LEADER_OF", "United States")),
    ("President Donald Trump met Kim Jong Un in Singapore in 2018.", ("United States", "CONSULT", "North Korea")),
    ("In 2024 President Joe Biden met Chinese President Xi Jinping.", ("Joe Biden", "LEADER_OF", "United States")),
    # transliterations of one name are one person, who acts for his state while in office
    ("Ukrainian President Volodymyr Zelenskyy met Polish President Andrzej Duda in Kyiv in 2023.",
     ("Volodymyr Zelenskyy", "LEADER_OF", "Ukraine")),
    ("In 2022 Volodymyr Zelenskiy accused Russia of war crimes.", ("Ukraine", "ACCUSE", "Russia")),
    ("In 2024 Sergei Shoigu met Kim Jong-un in Pyongyang.", ("Russia", "CONSULT", "North Korea")),
    ("In 2019 Prime Minister Abiy Ahmed met President Isaias Afwerki.", ("Abiy Ahmed", "LEADER_OF", "Ethiopia")),
    # "the Russian leader" with no name is the one executive head of that state in the year
    ("In 2015 the Russian leader met the Chinese leader.", ("Vladimir Putin", "CONSULT", "Xi Jinping")),
    ("In 2016 the Ukrainian president met the French president.", ("Petro Poroshenko", "CONSULT", "François Hollande")),
    ("The Iranian leader condemned Israel in 2018.", ("Ali Khamenei", "ACCUSE", "Israel")),
    # armed groups of recent wars, and a group's commander acting for it
    ("In April 2023 the Rapid Support Forces attacked the Sudanese army in Khartoum.",
     ("Rapid Support Forces", "ASSAULT", "Sudan")),
    ("In 2024 Houthi rebels attacked Israel.", ("Houthis", "ASSAULT", "Israel")),
    ("Hay'at Tahrir al-Sham attacked the Syrian army in 2024.", ("Hay'at Tahrir al-Sham", "ASSAULT", "Syria")),
    ("The Wagner Group attacked Ukrainian forces in Bakhmut in 2023.", ("Wagner Group", "ASSAULT", "Ukraine")),
    ("M23 rebels attacked Congolese troops near Goma in 2024.", ("M23", "ASSAULT", "Democratic Republic of the Congo")),
    ("In 2012 Mohammed Deif threatened Israel.", ("Hamas", "THREATEN", "Israel")),
    ("In 2024 Abdul-Malik al-Houthi threatened Israel and Saudi Arabia.", ("Houthis", "THREATEN", "Saudi Arabia")),
    # a rebel leader is no side of the state he fights, so his acts against it are claims
    ("In 2023 Mohamed Hamdan Dagalo attacked the Sudanese army.", ("Mohamed Hamdan Dagalo", "ASSAULT", "Sudan")),
    ("Khalifa Haftar attacked Tripoli in 2019.", ("Khalifa Haftar", "ASSAULT", "Libya")),
])
def test_recent_leaders_and_groups_are_found(rules, text, claim):
    assert (*claim, "asserted") in claims(text, rules)


def test_a_term_of_office_bounds_the_title_and_the_acts_for_the_state(rules):
    in_office = claims("In 2015 President Barack Obama criticised Russia.", rules)
    assert ("Barack Obama", "LEADER_OF", "United States", "asserted") in in_office
    assert ("United States", "ACCUSE", "Russia", "asserted") in in_office
    out_of_office = claims("In 2019 President Barack Obama criticised Russia.", rules)
    assert ("Barack Obama", "ACCUSE", "Russia", "asserted") in out_of_office
    assert not {c for c in out_of_office if c[0] == "United States" or c[1] == "LEADER_OF"}


def test_a_bare_surname_is_the_full_name_given_or_the_one_leader_of_that_name_then(rules):
    assert ("Ukraine", "ACCUSE", "Russia", "asserted") in claims(
        "Volodymyr Zelensky arrived in Warsaw in 2023. Later Zelensky accused Russia of war crimes.", rules)
    # no full name given: the one listed person of that name who governed a state in the text's years
    assert ("Volodymyr Zelenskyy", "ACCUSE", "Russia", "asserted") in claims(
        "In 2023 Zelensky accused Russia of war crimes.", rules)
    # years in which no one of that name governed: no one
    assert not claims("In 1990 Zelensky accused Russia of war crimes.", rules)


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


def test_a_person_the_dictionaries_know_keeps_their_id_with_the_terms_given_here(entries):
    rules = load_rules()
    ids = {e["id"] for e in entries}
    assert {"vladimir_putin", "joe_biden", "recep_tayyip_erdogan", "bashar_al_assad", "kim_jong_un"} <= ids
    biden = rules.actors["joe_biden"]
    assert [(r.actor, r.start, r.end) for r in biden.represents] == [("united_states", 2021, 2025)]
    assert {(r.sector, r.start, r.end) for r in biden.roles} == {("GOV", 2009, 2017), ("GOV", 2021, 2025)}
    # the curated entry's QID stays when the office holders' file gives the same person
    assert rules.actors["kim_jong_un"].wikidata == "Q56226"
    # a person the dictionaries spell otherwise, or list twice, is one actor under every spelling
    owners = {}
    for actor in rules.actors.values():
        for alias in actor.aliases:
            owners.setdefault(alias, set()).add(actor.id)
    for alias, label in [("Sergey Shoygu", "Sergei Shoigu"), ("Hojatolislam Sayyed Ali Khamenei", "Ali Khamenei"),
                         ("Najib Tun Abdul Razad", "Najib Razak"), ("Mohamed Najib bin Abdul Razak", "Najib Razak"),
                         ("Umar al-Bashir", "Omar al-Bashir"), ("Omar Hassan Ahmad al-Bashir", "Omar al-Bashir")]:
        assert [rules.actors[i].label for i in owners[alias]] == [label], alias
    assert "najib_tun_abdul_razad" not in rules.actors and "umar_al_bashir" not in rules.actors


def test_leaders_represent_what_they_head_and_ministers_do_not(entries):
    by_id = {e["id"]: e for e in entries}
    assert by_id["mohamed_hamdan_dagalo"]["represents"] == [{"actor": "rapid_support_forces", "from": 2013, "to": 9999}]
    assert "represents" not in by_id["sergey_lavrov"]
    assert "represents" not in by_id["frank_walter_steinmeier"]  # a ceremonial president
    for e in entries:
        for r in e.get("roles") or []:
            assert r["from"] <= r["to"], f"{e['id']}: term {r}"
