"""A read-only SPARQL 1.1 Protocol endpoint over the live build, served by Oxigraph's own server.

The `oxigraph` command comes from the PyPI package of the same name (a native binary); kg only
finds it, points it at the immutable build directory and keeps that build from being deleted by
a later `kg build` while it serves.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from kg.errors import StoreError
from kg.store import Store


def oxigraph_binary() -> str:
    """The oxigraph executable installed beside this Python, or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise StoreError("the `oxigraph` server is not installed; `pip install oxigraph` (kg's own dependencies "
                         "include it)")
    return found


def server_command(store: Store, host: str = "127.0.0.1", port: int = 7878, timeout_s: int | None = 60) -> list[str]:
    """The command line that serves the live build read-only: queries answered, updates refused."""
    build = store.current_build()
    if build is None:
        raise StoreError(f"{store.path}: no kg store here; run `kg build FOLDER` first (or pass --store)")
    cmd = [oxigraph_binary(), "serve-read-only", "--location", str(build), "--bind", f"{host}:{port}"]
    if timeout_s:
        cmd += ["--timeout-s", str(timeout_s)]
    return cmd


def serve(store: Store, host: str = "127.0.0.1", port: int = 7878, timeout_s: int | None = 60) -> int:
    """Run the endpoint until it is stopped; returns the server's exit status."""
    cmd = server_command(store, host, port, timeout_s)
    with store.pinned(Path(cmd[cmd.index("--location") + 1])):
        try:
            return subprocess.call(cmd)
        except KeyboardInterrupt:
            return 0
