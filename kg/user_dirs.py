"""The user's own folders for kg, made readable by the user alone (mode 0700): what kg must not take from a
store folder that may come from someone else, or that has no folder of its own.

    cache   $XDG_CACHE_HOME/kg, else ~/.cache/kg: the saved rules (kg.rules), the extraction caches of
            stores on SPARQL servers (kg.build)
    config  $XDG_CONFIG_HOME/kg, else ~/.config/kg: the key that seals what kg pickles into a store
            folder (kg.sealed); kept apart from the cache, whose loss costs only time"""
from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir() -> Path:
    return _made(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg")


def user_config_dir() -> Path:
    return _made(Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "kg")


def _made(folder: Path) -> Path:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder
