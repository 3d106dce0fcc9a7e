"""The user's own cache folder for kg: $XDG_CACHE_HOME/kg, else ~/.cache/kg, made readable by the user alone.

What kg must not take from a store folder that may come from someone else (the saved rules, a pickle)
and what has no folder of its own (the extraction cache of a store on a SPARQL server) is kept here."""
from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir() -> Path:
    """The folder, made (mode 0700) if it is not there yet."""
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder
