"""kg: a claim-provenance knowledge graph built from news, propaganda and history texts.

Pipeline, one module per stage: documents (read) -> extract -> rdf (build triples) -> store
-> tables / validate (query and check).  rules loads the data files under ontology/.
"""

__version__ = "0.1.0"
