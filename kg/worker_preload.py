"""Imported once by the forkserver that forks kg's extraction workers (kg.build): the rules in force are
read and the parser is loaded and run on one sentence there, so every worker forks with both ready
instead of loading them (about 2 s each).

Nothing here may fail the forkserver: what does not load is left for the worker to load and report."""
try:
    from kg.rules import load_rules

    RULES = load_rules()  # kg.build's workers use it only when it has the digest of the writer's rules
except Exception:  # noqa: BLE001 - the worker is sent the rules and raises kg's own error
    RULES = None
try:
    from kg.extract.parse import parse_many

    parse_many([("The army said the talks failed in Geneva.", [(0, 41)], {0})])
except Exception:  # noqa: BLE001 - the worker loads the parser again and raises kg's own error
    pass
