"""Every command the CLI offers is documented in the README, as `kg NAME` (or `kg GROUP NAME`)."""
import click
import pytest

from cli import cli
from tests.conftest import ROOT


def _commands(group: click.Group, prefix: str = "kg"):
    for name, command in sorted(group.commands.items()):
        yield f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix} {name}")


@pytest.mark.parametrize("command", list(_commands(cli)))
def test_every_command_is_in_the_readme(command):
    assert command in (ROOT / "README.md").read_text(encoding="utf-8"), f"{command} is not documented"


@pytest.mark.parametrize("command", list(_commands(cli)))
def test_every_command_has_help(command):
    from click.testing import CliRunner
    result = CliRunner().invoke(cli, [*command.split()[1:], "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output
    assert len(result.output.splitlines()) > 3  # a description, not only the usage line
