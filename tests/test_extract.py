"""Extraction on the real seed and dev articles: claims, offsets, polarity, attribution, repeats."""
from pathlib import Path

import pytest

from kg.documents import parse_document
from kg.evaluate import load_gold, micro, score_document
from kg.extract import extract
from kg.extract.sentences import split_sentences
from tests.conftest import GOLD

SEED_002 = "002_1097ed8253d2e8fa.txt"


def labelled(ex, rules):
    return [(rules.actors[m.claim.subject].label, m.claim.relation, rules.actors[m.claim.object].label, m)
            for m in ex.mentions]


def find(ex, rules, subject, relation, obj):
    return [m for s, r, o, m in labelled(ex, rules) if (s, r, o) == (subject, relation, obj)]


@pytest.fixture(scope="module")
def seeds(seed_docs, rules):
    return {name: extract(doc, rules) for name, doc in seed_docs.items()}


def test_north_korea_aided_the_northeast_field_army_with_captured_japanese_weapons(seeds, rules):
    ms = find(seeds["000_7f752d16256913ea.txt"], rules, "North Korea", "AID", "Northeast Field Army")
    assert any("captured Japanese guns" in m.quote and m.polarity == "asserted" for m in ms)
    # the person-level claim behind it is kept too
    assert find(seeds["000_7f752d16256913ea.txt"], rules, "Kim Il Sung", "AID", "Lin Biao")


def test_china_sent_volunteers_to_korea_in_1950(seeds, rules):
    ms = find(seeds["001_f706a8db8eb965ff.txt"], rules, "China", "AID", "North Korea")
    sent = [m for m in ms if "1.2 million Chinese volunteers to go to the DPRK" in m.quote]
    assert sent and sent[0].event == "korean_war" and sent[0].year == 1950
    q = sent[0].quantity
    assert q.text == "more than 1.2 million Chinese volunteers" and q.kind == "personnel"
    assert (q.low, q.high) == (1_200_000, 1_500_000)
    assert seeds["001_f706a8db8eb965ff.txt"].document.text[q.start:q.end] == q.text
    assert sent[0].rule == "aid.send-troops"


def test_soviet_union_pressed_north_korea_against_china_in_1969(seeds, rules):
    ms = find(seeds["001_f706a8db8eb965ff.txt"], rules, "Soviet Union", "COERCE", "North Korea")
    assert any("take action against" in m.quote and m.year == 1969 for m in ms)
    assert any("under pressure from the Soviet Union" in m.quote for m in ms)


def test_kim_jong_un_paid_tribute_to_the_cpv_according_to_kcna(seeds, rules):
    ms = find(seeds[SEED_002], rules, "Kim Jong Un", "SUPPORT", "Chinese People's Volunteers")
    assert ms and all(m.speaker == "kcna" for m in ms)
    assert any("paid tribute" in m.quote for m in ms)


def test_china_that_never_initiates_a_war_is_not_asserted_as_an_attacker(seeds, rules):
    ex = seeds["001_f706a8db8eb965ff.txt"]
    at = ex.document.text.index("China, as a country that never initiates a war")
    sentence = next(s for s in ex.sentences if s.start <= at < s.end)
    hostile = {"ASSAULT", "THREATEN", "COERCE", "MOBILIZE"}
    assert not [m for m in ex.mentions if m.sentence == sentence.index and m.claim.relation in hostile
                and m.claim.subject == "china" and m.polarity == "asserted"]


def test_reported_speech_names_the_speaker(seeds, rules):
    ms = find(seeds[SEED_002], rules, "China", "AID", "North Korea")
    assert any(m.speaker == "zheng_jiyong" and "successfully saved the DPRK" in m.quote for m in ms)
    ms = find(seeds[SEED_002], rules, "North Korea", "COOPERATE", "China")
    assert any(m.speaker == "chinese_analysts" and m.polarity == "hedged" for m in ms)


def test_hedges_and_negations(seeds, rules):
    ex = seeds["001_f706a8db8eb965ff.txt"]
    coerced = find(ex, rules, "Soviet Union", "COERCE", "North Korea")
    assert any(m.polarity == "hedged" and "may have been instructed" in m.quote for m in coerced)
    doc = parse_document("neg.txt", "In 1969 the Soviet Union did not attack China.", rules)
    (m,) = extract(doc, rules).mentions
    assert m.polarity == "negated" and m.claim.negated


def test_a_paragraph_repeated_seven_times_is_one_statement(seeds, rules):
    ex = seeds["000_7f752d16256913ea.txt"]
    ms = find(ex, rules, "Soviet Union", "AID", "China")
    assert len(ms) == 1
    assert ex.document.text.count("the Soviet Union once assisted New China") >= 6
    assert sum(s.repeated for s in ex.sentences) >= 12


def test_first_person_resolves_to_the_speakers_side(seeds, rules):
    ex = seeds[SEED_002]
    ours = {(a.surface, a.actor) for a in ex.actors if a.resolution == "first_person"}
    assert ("our country", "north_korea") in ours  # inside Kim's quote, "our country" is the DPRK
    ex1 = seeds["001_f706a8db8eb965ff.txt"]
    assert {a.actor for a in ex1.actors if a.surface == "our country"} == {"china"}
    # a leader telling a meeting, or cited as telling it, speaks for his state
    text = '"We reject the Russian proposal," Armenian Prime Minister Nikol Pashinyan told a government meeting.\n'
    ex = extract(parse_document("pashinyan.txt", text, rules), rules)
    assert {a.actor for a in ex.actors if a.surface == "We"} == {"armenia"}
    assert find(ex, rules, "Armenia", "REJECT", "Russia")
    text = '"We accepted the proposal," Pashinyan was cited as telling a government meeting.\n'
    ex = extract(parse_document("cited.txt", text, rules), rules)
    assert {a.actor for a in ex.actors if a.surface == "We"} == {"armenia"}


def test_every_quote_is_the_text_at_its_offsets(seeds, dev_docs, rules):
    exs = list(seeds.values()) + [extract(d, rules) for d in dev_docs.values()]
    n = 0
    for ex in exs:
        for m in ex.mentions:
            assert ex.document.text[m.start:m.end] == m.quote
            n += 1
        for a in ex.actors:
            assert ex.document.text[a.start:a.end] == a.surface
    assert n > 60


def test_rules_fire_on_the_dev_articles_too(dev_docs, rules):
    """No rule set that only fits the seeds: the dev articles yield claims from many rules."""
    fired = {m.rule.split("+")[0] for d in dev_docs.values() for m in extract(d, rules).mentions}
    assert len(fired) >= 8


def _scores(docs, rules):
    gold = {g["doc"]: g for g in map(load_gold, Path(GOLD).glob("*.yaml"))}
    return [score_document(extract(d, rules), gold[name], rules) for name, d in docs.items()]


def test_accuracy_on_the_seeds_against_the_gold_file(seed_docs, rules):
    # floors pinned just under the measured figures (README table): a change that loses accuracy fails
    scores = _scores(seed_docs, rules)
    lab, act = micro(scores, "labelled"), micro(scores, "actors")
    assert lab.precision >= 0.87 and lab.recall >= 0.61
    assert act.recall >= 0.95 and act.precision >= 0.94


def test_accuracy_on_the_dev_articles(dev_docs, rules):
    scores = _scores(dev_docs, rules)
    lab, act = micro(scores, "labelled"), micro(scores, "actors")
    # (precision 0.92: the dev gold leaves "the Sino-Soviet split" unclaimed, dev-wide and dev-field code it SANCTION)
    assert lab.precision >= 0.91 and lab.recall >= 0.68 and lab.f1 >= 0.78
    # actor recall 0.93: the slogan "aid Korea" in a 1950s text that names only the North now reads as
    # North Korea (a divided state's bare name), where the gold keeps "Korea"
    assert micro(scores, "unlabelled").f1 >= 0.85 and act.recall >= 0.93


def test_gold_files_hold_the_issue_examples():
    gold = load_gold(GOLD / "000_7f752d16256913ea.yaml")
    assert any((c["subject"], c["relation"], c["object"]) == ("North Korea", "AID", "Northeast Field Army")
               for c in gold["claims"])


def test_it_takes_up_the_first_state_of_the_sentence_but_not_as_an_expletive(rules):
    doc = parse_document("it.txt", "The Soviet Union armed North Korea in 1965. It also sent advisers to Pyongyang.\n"
                                   "China watched. It was expected that China would protest.\n", rules)
    ex = extract(doc, rules)
    its = [a for a in ex.actors if a.surface == "It"]
    assert [(a.actor, a.resolution) for a in its] == [("soviet_union", "pronoun")]


def test_an_event_name_still_names_the_participants_inside_it(dev_docs, rules):
    ex = extract(dev_docs["kcna_2014_japanese_denounces_war_maneuvers.txt"], rules)
    first = next(s for s in ex.sentences if "in denunciation of" in ex.document.text[s.start:s.end])
    inside = [(a.surface, a.actor) for a in ex.actors if a.sentence == first.index and a.resolution == "alias"]
    assert ("U.S.", "united_states") in inside and ("south Korea", "south_korea") in inside
    assert any(e.event == "us_south_korea_joint_exercises" and e.sentence == first.index for e in ex.events)
    assert find(ex, rules, "Takashi Nada", "ACCUSE", "South Korea")
    # "Korean War" contains no participant's name, so it adds no actor
    doc = parse_document("kw.txt", "Veterans of the Korean War met in Seoul.\n", rules)
    assert [a.actor for a in extract(doc, rules).actors] == ["south_korea"]


def test_he_takes_the_subject_and_him_the_latest_person(dev_docs, seed_docs, rules):
    ex = extract(dev_docs["ians_2010_us_saved_china_from_soviet_nuclear_attack.txt"], rules)
    assert find(ex, rules, "Anatoly Dobrynin", "CONSULT", "Henry Kissinger")
    assert not find(ex, rules, "Leonid Brezhnev", "CONSULT", "Henry Kissinger")
    ex = extract(seed_docs["001_f706a8db8eb965ff.txt"], rules)
    sent = next(s for s in ex.sentences if "asked him to take action" in ex.document.text[s.start:s.end])
    pronouns = [(a.surface, a.actor) for a in ex.actors if a.sentence == sent.index and a.resolution == "pronoun"]
    assert pronouns == [("he", "leonid_brezhnev"), ("him", "kim_il_sung")]


def test_a_later_verb_and_a_relative_clause_share_the_subject(dev_docs, seed_docs, rules):
    ex = extract(dev_docs["worldhistoryproject_chinese_forces_intervene.txt"], rules)
    [m] = find(ex, rules, "Eighth United States Army", "ASSAULT", "North Korea")
    assert m.quote.startswith("Eighth U.S. Army") and m.quote.endswith("captured Pyongyang")
    assert ex.document.text[m.start:m.end] == m.quote and m.rule == "assault.verb+shared-subject"
    assert not find(ex, rules, "Korea", "ASSAULT", "North Korea")  # "of Korea and captured" is not a subject
    ex = extract(seed_docs[SEED_002], rules)
    assert find(ex, rules, "United States", "REJECT", "China")  # "the US who invaded ... and ignored warnings"
    assert not find(ex, rules, "Chinese analysts", "REJECT", "China")
    doc = parse_document("c.txt", "China sent advisers to Hanoi and the US attacked North Vietnam.\n", rules)
    got = {(m.claim.subject, m.claim.relation, m.claim.object) for m in extract(doc, rules).mentions}
    # a new subject ends the shared one; Hanoi (the capital for the government) is where the aid went,
    # and the parse keeps "Hanoi and the US" from reading as one coordinated object or subject; in a text
    # that names North Vietnam, Hanoi is its capital (a name of its time)
    assert got == {("united_states", "ASSAULT", "north_vietnam"), ("china", "AID", "north_vietnam")}


def test_a_short_name_joins_the_body_but_a_state_is_no_member(dev_docs, rules):
    ex = extract(dev_docs["xinhua_2020_war_heroism_still_valued.txt"], rules)
    [m] = find(ex, rules, "Sun Deli", "MEMBER_OF", "Chinese People's Volunteers")
    assert m.quote.startswith("Sun joined") and m.rule == "member.joined"
    assert not find(ex, rules, "China", "MEMBER_OF", "Chinese People's Volunteers")  # "Chinese ground forces under"


def test_a_persons_act_is_lifted_to_their_state_only_when_both_sides_are_bodies(rules):
    doc = parse_document("lift.txt", "In 1956 Khrushchev denounced Stalin. In 1957 Khrushchev met Mao Zedong.\n"
                                     "In 1950 Mao held a banquet for Peng Dehuai.\n", rules)
    got = {(m.claim.subject, m.claim.relation, m.claim.object, m.rule) for m in extract(doc, rules).mentions}
    assert ("soviet_union", "CONSULT", "china", "consult.meet+represents") in got
    assert not any(s == "soviet_union" and o == "joseph_stalin" for s, _, o, _ in got)
    assert not any(s == "china" and o == "chinese_peoples_volunteers" for s, _, o, _ in got)


def test_the_magazine_is_the_outlet_named_last_but_a_magazine_is_new(dev_docs, rules):
    ex = extract(dev_docs["ians_2010_us_saved_china_from_soviet_nuclear_attack.txt"], rules)
    roles = [(a.surface, a.actor) for a in ex.actors if a.resolution == "role"]
    assert roles and set(roles) == {("magazine", "literary_history_reference")}
    [m] = find(ex, rules, "Literary History Reference", "MEMBER_OF", "People's Daily")
    assert m.quote.startswith("magazine is part of")
    doc = parse_document("m.txt", "Xinhua reported the talks. A magazine in Seoul said a newspaper had it wrong.\n", rules)
    assert "role" not in {a.resolution for a in extract(doc, rules).actors}


def test_a_participle_clause_shares_the_subject_and_a_possessor_is_no_subject(seed_docs, rules):
    ex = extract(seed_docs["001_f706a8db8eb965ff.txt"], rules)
    [m] = find(ex, rules, "Soviet Union", "COOPERATE", "China")
    assert m.polarity == "hedged" and "ostensibly wanting to fight alongside China" in m.quote
    assert m.rule == "cooperate.with+shared-subject"
    # "... than China's peaceful means, and thus naturally chose to move closer to the Soviet Union"
    assert not any("China's peaceful means" in m.quote for m in find(ex, rules, "China", "COOPERATE", "Soviet Union"))


def test_a_name_means_the_actor_of_its_years(rules):
    doc = parse_document("era.txt", "In 1969 Russia attacked China on the Ussuri.\n"
                                    "In 1904 Russia fought with Japan in Manchuria.\n"
                                    "Border agreements that Russia and China concluded in 1991, 1994 and 2004 held.\n"
                                    "Russia attacked Georgia.\n", rules)
    ex = extract(doc, rules)
    by_sentence = [[a.actor for a in ex.actors if a.sentence == s.index] for s in ex.sentences]
    assert by_sentence[0] == ["soviet_union", "china"]
    assert by_sentence[1] == ["russian_empire", "empire_of_japan"]
    assert by_sentence[2] == ["russia", "china"]  # years on both sides of 1991: the name stays
    assert by_sentence[3][0] == "russia"  # no year of its own: a year from earlier sentences is not enough


def test_a_dated_texts_own_time_names_its_states_after_a_year_it_named(rules):
    # a 1956 report whose title names its year still speaks of the Soviet Union when it says "Russia"
    text = ("---\ndate: 1956-11-04\n---\n1956 November 4th: Hungary falls.\n\n"
            "Russia claimed to have crushed the forces of reaction in Hungary.\n")
    ex = extract(parse_document("hungary.txt", text, rules), rules)
    assert [a.actor for a in ex.actors if a.sentence == 1][0] == "soviet_union"
    # a 2024 report after a year of its own time speaks of today's Russia
    text = ("---\ndate: 2024-03-01\n---\nIn 2023 Kim Jong Un visited a Russian spaceport.\n\n"
            "Moscow supplied artillery shells to North Korea.\n")
    ex = extract(parse_document("shells.txt", text, rules), rules)
    assert find(ex, rules, "Russia", "AID", "North Korea") and not find(ex, rules, "Soviet Union", "AID", "North Korea")
    # but a page of 2018 that retells 1961 speaks of the Soviet Union
    text = ("---\ndate: 2018-05-01\n---\nIn 1961 East Germany closed the border in Berlin.\n\n"
            "The Kremlin backed East Germany.\n")
    ex = extract(parse_document("wall.txt", text, rules), rules)
    assert find(ex, rules, "Soviet Union", "SUPPORT", "East Germany")
    # and a page of 1921 that retells 1904 names that year's states
    text = ("---\ndate: 1921-05-01\n---\nIn 1904 the Japanese navy attacked the Russian fleet.\n\n"
            "Japan then defeated Russia at Mukden.\n")
    ex = extract(parse_document("mukden.txt", text, rules), rules)
    assert find(ex, rules, "Empire of Japan", "ASSAULT", "Russian Empire") and not find(ex, rules, "Japan", "ASSAULT", "Russia")


def test_a_title_alone_and_his_country_refer_to_people_named_before(seed_docs, rules):
    doc = parse_document("t.txt", "Chairman Mao received Kim Il Sung in 1950. Kim returned to his country.\n"
                                  "The general situation was tense. The president of the United Nations spoke.\n"
                                  "The chairman later said that the talks went well.\n", rules)
    ex = extract(doc, rules)
    assert [(a.surface, a.actor, a.resolution) for a in ex.actors if a.resolution in ("role", "pronoun")] == [
        ("his country", "north_korea", "pronoun"), ("chairman", "mao_zedong", "role")]
    assert not find(ex, rules, "Kim Il Sung", "CONCEDE", "North Korea")  # "returned to" is no concession
    assert find(ex, rules, "Mao Zedong", "CONSULT", "Kim Il Sung")
    # "** The chairman once said": a censored name in a text written from China's side
    ex = extract(seed_docs["001_f706a8db8eb965ff.txt"], rules)
    [m] = [m for m in find(ex, rules, "Soviet Union", "COERCE", "North Korea") if "may have been instructed" in m.quote]
    assert m.speaker == "mao_zedong" and m.polarity == "hedged"


def test_how_the_text_introduces_a_speaker_is_its_own_voice(seed_docs, rules):
    ex = extract(seed_docs[SEED_002], rules)
    [m] = find(ex, rules, "Lü Chao", "MEMBER_OF", "Liaoning Academy of Social Sciences")
    assert m.speaker is None and m.speaker_name is None  # "Lü Chao, a research fellow at ..., told the GT"
    assert any(m.speaker == "lu_chao" for m in ex.mentions if m.claim.relation not in ("MEMBER_OF", "LEADER_OF"))


def test_the_unnamed_leader_of_a_state_is_who_led_it_that_year(rules):
    doc = parse_document("l.txt", "In 1951 the North Korean leader thanked the Chinese side.\n"
                                  "In 1950 the North Korean leader Kim Il Sung met Stalin.\n"
                                  "In 1990 the Soviet leader visited Beijing.\n"
                                  "In 1923 the Soviet leader visited Berlin.\n", rules)
    ex = extract(doc, rules)
    assert find(ex, rules, "Kim Il Sung", "SUPPORT", "China") and find(ex, rules, "North Korea", "SUPPORT", "China")
    roles = [(m.surface, m.actor) for m in ex.actors if m.resolution == "role"]
    assert roles == [("North Korean leader", "kim_il_sung"), ("Soviet leader", "mikhail_gorbachev")]
    # no one in the gazetteer led the Soviet Union in 1923: the state stays
    assert any(a.actor == "soviet_union" and a.sentence == 3 for a in ex.actors)


def test_a_rank_before_a_name_ends_no_sentence():
    text = "Ugandan army spokesman Brig. Richard Karemire said the troops withdrew. Cmdr. Ali Musa agreed."
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == ["Ugandan army spokesman Brig. Richard Karemire said the troops withdrew.",
                                             "Cmdr. Ali Musa agreed."]


def test_a_dateline_is_no_part_of_the_first_sentence(rules):
    text = ("Pyongyang, March 1 (KCNA) -- Kim Jong Un met again and had talks with Donald J. Trump.\n\n"
            "SANAA, Nov. 3 (Xinhua) -- The Saudi-led coalition launched airstrikes on Houthi rebels.\n\n"
            "Russia - the aggressor - attacked Ukraine.\n")
    ex = extract(parse_document("wire.txt", text, rules), rules)
    assert [text[s.start:s.end][:16] for s in ex.sentences] == ["Kim Jong Un met ", "The Saudi-led co", "Russia - the agg"]
    # the filing place is no actor of the claim ("Pyongyang ... had talks with Trump" was North Korea's)
    found = {(ex.rules.actors[m.claim.subject].label, m.claim.relation, ex.rules.actors[m.claim.object].label)
             for m in ex.mentions}
    assert {("Kim Jong Un", "CONSULT", "Donald Trump"), ("Saudi-led coalition", "ASSAULT", "Houthis")} <= found
    assert ("North Korea", "CONSULT", "Donald Trump") not in found


def test_a_wire_dateline_in_a_dev_article_leaves_the_lead_sentence_whole(rules):
    path = Path(__file__).parent / "corpus" / "dev-wide" / "reuters_2020_belarus_police_detain_minsk_rally.txt"
    doc = parse_document(path.name, path.read_text(encoding="utf-8"), rules)
    ex = extract(doc, rules)
    lead = doc.text.index("MINSK (Reuters)")
    first = next(s for s in ex.sentences if s.end > lead)
    assert doc.text[first.start:].startswith("Belarusian security forces detained dozens of protesters")
    assert any(m.claim.relation == "ASSAULT" and m.start >= first.start and m.end <= first.end
               and ex.rules.actors[m.claim.subject].label == "Belarus" for m in ex.mentions)


def test_a_background_year_is_not_the_time_of_the_sentences_after_it(rules):
    # "closed since the 1967 six-day war" in a 1973 report: Golda Meir (prime minister 1969-1974) still leads Israel
    text = ("---\ndate: 1973-10-06\n---\nEgypt and Syria attacked Israel along the Suez Canal, which has been closed "
            "since the 1967 six-day war.\n\nIn Jerusalem, Prime Minister Golda Meir's Cabinet met in emergency session.\n")
    ex = extract(parse_document("yom_kippur.txt", text, rules), rules)
    assert {m.year for m in ex.mentions} == {1973}
    assert find(ex, rules, "Golda Meir", "LEADER_OF", "Israel")
    # a year that dates the act is the time of what follows ("In 1979 ... They ...")
    text = "In 1979 Soviet troops invaded Afghanistan.\n\nMoscow installed Babrak Karmal.\n"
    ex = extract(parse_document("afghanistan.txt", text, rules), rules)
    assert {m.year for m in ex.mentions} == {1979}


def test_the_coalition_is_the_one_named_before(rules):
    text = ("The Saudi-led coalition has been fighting the Houthi rebels since 2015.\n\n"
            "The coalition launched airstrikes on the Houthis in Saada.\n")
    ex = extract(parse_document("yemen.txt", text, rules), rules)
    second = ex.sentences[1]
    said = {(ex.rules.actors[m.claim.subject].label, m.claim.relation, ex.rules.actors[m.claim.object].label)
            for m in ex.mentions if second.start <= m.start < second.end}
    assert ("Saudi-led coalition", "ASSAULT", "Houthis") in said
    # who leads it is said where its name says so, not again at "the coalition"
    assert not any(r == "LEADER_OF" for _, r, _ in said)


def test_a_pronoun_in_a_quote_is_not_the_one_quoting_it(rules):
    text = ("---\ndate: 2015-09-30\n---\nDonald Trump told Fox News he agrees with Putin on his backing of Assad. "
            "\"If he wants to fight ISIS, let him fight ISIS,\" Trump said. "
            "\"There is very little downside,\" he added.\n")
    ex = extract(parse_document("trump.txt", text, rules), rules)
    pronouns = {(a.surface, a.sentence): ex.rules.actors[a.actor].label for a in ex.actors if a.resolution == "pronoun"}
    assert pronouns[("he", 1)] == "Vladimir Putin"
    assert pronouns[("he", 2)] == "Donald Trump"  # who spoke the quotes before
    assert not find(ex, rules, "Donald Trump", "ASSAULT", "Islamic State")


def test_the_title_alone_is_the_one_the_text_named_with_it(rules):
    # capitalised, and by the title the text gave the name ("Major-General Qassem Soleimani ... the General")
    text = ("---\ndate: 2020-01-07\n---\nIranian Major-General Qassem Soleimani was killed in Baghdad. "
            "US drones attacked the convoy of the General.\n")
    ex = extract(parse_document("soleimani.txt", text, rules), rules)
    assert find(ex, rules, "United States", "ASSAULT", "Qasem Soleimani")
    text = "---\ndate: 1971-07-16\n---\nNixon met Kissinger. The President praised Chou En-lai.\n"
    ex = extract(parse_document("nixon.txt", text, rules), rules)
    assert find(ex, rules, "Richard Nixon", "SUPPORT", "Zhou Enlai")


def test_where_a_group_is_based_is_no_state_acting(rules):
    text = "Armed men stormed the Indian parliament in 2001, and India blamed Pakistan-based militants.\n"
    ex = extract(parse_document("parliament.txt", text, rules), rules)
    assert "pakistan" not in {a.actor for a in ex.actors}
    assert not any(m.claim.object == "pakistan" for m in ex.mentions)


def test_bare_rebels_are_the_one_armed_group_named_near_them(rules):
    text = ("---\ndate: 1994-07-05\n---\nForces of the Rwandese Patriotic Front (RPF) pushed into Kigali.\n\n"
            "Jubilant rebels yesterday captured Kigali.\n")
    ex = extract(parse_document("kigali.txt", text, rules), rules)
    assert {a.actor for a in ex.actors if a.surface == "rebels"} == {"rwandan_patriotic_front"}
    assert not any(ex.rules.actors[m.claim.subject].label == "rebels" for m in ex.mentions)
    # with two armed groups named, "rebels" is a group of its own
    text = ("---\ndate: 1986-03-27\n---\nThe Sandinistas fought the contras near the border.\n\n"
            "The rebels attacked a Honduran post.\n")
    ex = extract(parse_document("contras.txt", text, rules), rules)
    [rebels] = {a.actor for a in ex.actors if a.surface == "rebels"}
    assert rebels.startswith("rebels_") and not ex.rules.actors[rebels].listed


def test_in_a_text_of_no_year_a_person_acts_for_the_one_state_he_ever_served(rules):
    ex = extract(parse_document("rouhani.txt", "Hassan Rouhani accused the United States of violating the deal.\n", rules), rules)
    assert find(ex, rules, "Iran", "ACCUSE", "United States")
    # a text of a year he held no office in: he speaks for himself
    ex = extract(parse_document("rouhani.txt", "In 1990 Hassan Rouhani accused the United States of lying.\n", rules), rules)
    assert find(ex, rules, "Hassan Rouhani", "ACCUSE", "United States") and not find(ex, rules, "Iran", "ACCUSE", "United States")
