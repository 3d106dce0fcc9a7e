"""Check tests/gold/*.yaml: parses, quotes are exact substrings, labels/relations/polarities valid."""
import yaml, glob, os, sys
ROOT=os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
gaz={a["label"] for a in yaml.safe_load(open(f"{ROOT}/ontology/actors.yaml"))}
REL={"AGREE","CONSULT","SUPPORT","CONCEDE","COOPERATE","AID","RETREAT","REQUEST","ACCUSE","REJECT","THREATEN","PROTEST","SANCTION","MOBILIZE","COERCE","ASSAULT","LEADER_OF","MEMBER_OF"}
POL={"asserted","negated","hedged"}
docs={os.path.basename(p):p for p in glob.glob(f"{ROOT}/seeds/*.txt")+glob.glob(f"{ROOT}/tests/corpus/dev/*.txt")}
errs=0; seen=set()
for g in sorted(glob.glob(f"{ROOT}/tests/gold/*.yaml")):
    d=yaml.safe_load(open(g))
    assert set(d)<= {"doc","actors","missing_actors","claims"}, d.keys()
    text=open(docs[d["doc"]]).read(); seen.add(d["doc"])
    assert os.path.basename(g)==d["doc"][:-4]+".yaml"
    miss={m["label"] for m in d.get("missing_actors") or []}
    for m in d.get("missing_actors") or []:
        assert set(m)=={"label","type","surfaces"} and m["type"] in {"state","organisation","military_unit","person","group","media_outlet"}
        assert m["label"] not in gaz, m
    ok=gaz|miss
    acts=d["actors"]
    if acts!=sorted(acts, key=str.lower) or len(set(acts))!=len(acts): print(g,"actors not sorted/unique"); errs+=1
    for a in acts:
        if a not in ok: print(g,"bad actor",a); errs+=1
    for m in miss:
        if m not in acts: print(g,"missing actor not in actors",m); errs+=1
    keys=set()
    for c in d["claims"]:
        assert set(c)=={"subject","relation","object","polarity","attributed_to","quote"}, c
        for k in ("subject","object"):
            if c[k] not in ok: print(g,"bad",k,c[k]); errs+=1
            if c[k] not in acts: print(g,k,"not in actors",c[k]); errs+=1
        if c["subject"]==c["object"]: print(g,"self loop",c); errs+=1
        if c["relation"] not in REL: print(g,"bad rel",c["relation"]); errs+=1
        if c["polarity"] not in POL: print(g,"bad pol",c["polarity"]); errs+=1
        if c["quote"] not in text: print(g,"QUOTE NOT FOUND:",c["quote"]); errs+=1
        if len(c["quote"])>300: print(g,"long quote",len(c["quote"])); errs+=1
        k=(c["subject"],c["relation"],c["object"],c["quote"])
        if k in keys: print(g,"dup",k); errs+=1
        keys.add(k)
    print(os.path.basename(g), len(d["claims"]), "claims", len(acts), "actors")
print("docs without gold:", set(docs)-seen)
print("errors:",errs); sys.exit(1 if errs else 0)
