import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from kg.read import read_paths
from kg.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEV = ROOT / "tests" / "corpus" / "dev"
GOLD = ROOT / "tests" / "gold"


_USER_DIRS = {}


def pytest_configure(config):
    """The tests' own user cache and config folders (saved rules, caches of remote stores, the sealing
    key), not the user's: set before test modules are imported (some read the rules then), and inherited
    by the kg processes tests start."""
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        _USER_DIRS[name] = os.environ.get(name)
        os.environ[name] = tempfile.mkdtemp(prefix=f"kg-tests-{name.lower()}-")


def pytest_unconfigure(config):
    for name, before in _USER_DIRS.items():
        shutil.rmtree(os.environ[name], ignore_errors=True)
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(scope="session")
def seed_docs(rules):
    return {d.file_name: d for d in read_paths([SEEDS], rules).documents}


@pytest.fixture(scope="session")
def dev_docs(rules):
    return {d.file_name: d for d in read_paths([DEV], rules).documents}


def run(args, store, **kw):
    """Run the kg CLI against a store directory, as a user would."""
    return CliRunner().invoke(cli, ["--store", str(store), *args], catch_exceptions=False, **kw)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("seedstore") / ".kg"
    result = run(["build", str(SEEDS)], store)
    assert result.exit_code == 0, result.output
    return store


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory):
    """The seeds and the dev articles in one store: the corpus the query tests ask."""
    store = tmp_path_factory.mktemp("corpusstore") / ".kg"
    result = run(["build", str(SEEDS), str(DEV)], store)
    assert result.exit_code == 0, result.output
    return store


def write_article(folder: Path, name: str, text: str, publisher: str | None = None) -> Path:
    """A hand-made article, with YAML front matter naming its publisher when given."""
    folder.mkdir(parents=True, exist_ok=True)
    head = f"---\npublisher: {publisher}\n---\n" if publisher else ""
    path = folder / name
    path.write_text(head + text, encoding="utf-8")
    return path


@pytest.fixture
def fresh_seeds(tmp_path):
    """A writable copy of the seeds, for tests that change files."""
    d = tmp_path / "seeds"
    shutil.copytree(SEEDS, d)
    return d


def claim_mentions(text: str, rules) -> dict:
    """The claims extracted from one text as (subject label, relation, object label, polarity) -> mention."""
    from kg.documents import parse_document
    from kg.extract import extract
    ex = extract(parse_document("example.txt", text, rules), rules)
    actors = ex.rules.actors
    return {(actors[m.claim.subject].label, m.claim.relation, actors[m.claim.object].label, m.polarity): m
            for m in ex.mentions}
