"""A read-only SPARQL 1.1 Protocol endpoint over the live build that one query cannot knock over.

Oxigraph's own server (`oxigraph serve-read-only`, a native binary from the PyPI package `oxigraph`)
answers the queries: it already speaks the whole protocol (GET and POST, forms, content negotiation,
service description) and refuses updates. It cannot bound a query, though: an ORDER BY over a cross
product grows it until the kernel kills it, and its timeout cuts a streamed answer short and still
says 200. So kg puts a small HTTP front of its own on the user's port, and
- runs Oxigraph on a private loopback port, in its own process group, under an address-space limit
  (RLIMIT_AS): a runaway query makes Oxigraph fail an allocation and die, not the machine; the
  client gets a 503 and kg starts Oxigraph again;
- buffers each answer whole, within a time limit and a byte limit: a client gets a complete 200 or a
  JSON 504 (too slow), 413 (too large) or 503 (server restarting or busy), never a truncated 200;
- ties Oxigraph to its own life: PR_SET_PDEATHSIG kills it when kg dies, even by SIGKILL, and
  SIGTERM, SIGHUP and Ctrl-C stop both.
This was chosen over answering with pyoxigraph in worker processes: the front only forwards and
bounds, the protocol stays Oxigraph's.
"""
from __future__ import annotations

import ctypes
import functools
import http.client
import ipaddress
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from kg.errors import KgError, StoreError
from kg.store import Store

_PR_SET_PDEATHSIG = 1
try:
    _LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
except OSError:
    _LIBC = None
# Oxigraph ends a query it cancelled with this line inside a 200; kg never passes such an answer on
_CANCELLED = b"The SPARQL operation has been cancelled"
_HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
               "transfer-encoding", "upgrade", "host", "content-length", "expect"}
_MAX_REQUEST = 1 << 20


@dataclass(frozen=True)
class Limits:
    timeout_s: float = 60
    memory_mb: int = 2048
    max_result_mb: int = 256
    concurrent: int = 4


def oxigraph_binary() -> str:
    """The oxigraph executable installed beside this Python, or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise StoreError("the `oxigraph` server is not installed; `pip install oxigraph` (kg's own dependencies "
                         "include it)")
    return found


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _child_setup(parent: int, memory_bytes: int) -> None:
    """In the forked Oxigraph, before exec: the memory bound, and death when kg dies."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # kg died before the line above: do not outlive it
        os._exit(1)


def _free_loopback_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Endpoint:
    """kg's HTTP front on the user's port and the Oxigraph server behind it."""

    def __init__(self, store: Store, host: str = "127.0.0.1", port: int = 7878, limits: Limits = Limits(),
                 log: Callable[[str], None] = lambda line: None):
        self.build = store.current_build()
        if self.build is None:
            raise StoreError(f"{store.path}: no kg store here; run `kg build FOLDER` first (or pass --store)")
        self.store, self.limits, self.log = store, limits, log
        self._oxigraph = oxigraph_binary()
        self._slots = threading.BoundedSemaphore(limits.concurrent)
        self._restart = threading.Event()
        self._ready = threading.Event()  # set while Oxigraph answers; requests wait for it during a restart
        self._child: subprocess.Popen | None = None
        self._private_port = 0
        try:  # binding first is the port check: a busy port is refused before anything starts
            self._http = ThreadingHTTPServer((host, port), functools.partial(_Front, self))
        except OSError as exc:
            if exc.errno == 98:  # EADDRINUSE
                raise KgError(f"{host}:{port}: the port is in use (another kg serve?); choose one with --port") from None
            raise KgError(f"{host}:{port}: cannot listen here ({exc.strerror})") from None
        self._http.daemon_threads = True
        self.url = f"http://{host}:{port}/query"

    # --- the Oxigraph child --------------------------------------------------------------------
    def _start_oxigraph(self) -> None:
        self._private_port = _free_loopback_port()
        cmd = [self._oxigraph, "serve-read-only", "--location", str(self.build),
               "--bind", f"127.0.0.1:{self._private_port}",
               # Oxigraph's own timeout only stops the evaluation after kg's front has answered 504
               "--timeout-s", str(int(self.limits.timeout_s) + 1)]
        self._stderr = tempfile.TemporaryFile()
        self._child = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._stderr, start_new_session=True,
            preexec_fn=functools.partial(_child_setup, os.getpid(), self.limits.memory_mb << 20))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self._child.poll() is not None:
                self._stderr.seek(0)
                said = self._stderr.read().decode("utf-8", "replace").strip().splitlines()
                raise KgError(f"the oxigraph server did not start: {said[-1] if said else 'no message'}")
            try:
                with socket.create_connection(("127.0.0.1", self._private_port), timeout=0.5):
                    self._ready.set()
                    return
            except OSError:
                time.sleep(0.05)
        raise KgError("the oxigraph server did not start within 30 s")

    def _stop_oxigraph(self) -> None:
        self._ready.clear()
        child, self._child = self._child, None
        if child is None or child.poll() is not None:
            return
        try:
            os.killpg(child.pid, signal.SIGTERM)
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        except ProcessLookupError:
            child.wait()

    def restart_soon(self, why: str) -> None:
        self.log(f"kg serve: restarting the oxigraph server: {why}")
        self._restart.set()

    # --- running -------------------------------------------------------------------------------
    def run(self, on_ready: Callable[[], None] = lambda: None) -> int:
        """Serve until SIGTERM, SIGHUP or Ctrl-C; Oxigraph stops with kg, whatever stops kg."""
        stopping = []

        def stop(signum, frame):  # only a flag: an exception here could leave a lock half taken
            stopping.append(signum)
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            signal.signal(sig, stop)
        with self.store.pinned(self.build):
            serving = threading.Thread(target=self._http.serve_forever, daemon=True)
            try:
                self._start_oxigraph()
                serving.start()
                on_ready()
                while not stopping:  # the main thread watches Oxigraph (PDEATHSIG follows the thread that forked)
                    if self._restart.wait(0.2) or self._child.poll() is not None:
                        if stopping:
                            break
                        if not self._restart.is_set():
                            self.log(f"kg serve: the oxigraph server stopped (exit {self._child.returncode}); "
                                     f"starting it again")
                        self._restart.clear()
                        self._stop_oxigraph()
                        self._start_oxigraph()
            finally:
                self._stop_oxigraph()
                if serving.is_alive():
                    self._http.shutdown()
                self._http.server_close()
        return 0

    def _await_exit(self) -> None:
        child = self._child
        try:
            if child is not None:
                child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass

    # --- one request ---------------------------------------------------------------------------
    def _connect(self, deadline: float) -> http.client.HTTPConnection | None:
        """A connection to Oxigraph; right after it died, wait for the watcher to start it again."""
        while time.monotonic() < deadline:
            if self._ready.wait(max(0.0, deadline - time.monotonic())):
                conn = http.client.HTTPConnection("127.0.0.1", self._private_port, timeout=self.limits.timeout_s)
                try:
                    conn.connect()
                    return conn
                except OSError:
                    conn.close()
            time.sleep(0.05)
        return None

    def forward(self, method: str, path: str, headers: dict[str, str], body: bytes | None
                ) -> tuple[int, list[tuple[str, str]], bytes]:
        """The whole answer of Oxigraph to one request, or an error answer; never a partial one."""
        limits = self.limits
        deadline = time.monotonic() + limits.timeout_s
        if not self._slots.acquire(timeout=limits.timeout_s):
            return _error(503, f"the server is busy ({limits.concurrent} queries running); try again")
        try:
            conn = self._connect(deadline)
            if conn is None:
                return _error(503, "the query server is restarting; try again")
            try:
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                chunks, size = [], 0
                while True:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise TimeoutError
                    conn.sock.settimeout(left)
                    chunk = resp.read1(1 << 16)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > limits.max_result_mb << 20:
                        return _error(413, f"the answer is larger than {limits.max_result_mb} MB "
                                           f"(kg serve --max-result); add a LIMIT")
                    chunks.append(chunk)
            except TimeoutError:
                # only a restart stops every query for sure (Oxigraph checks its own timeout only now and then)
                self.restart_soon("a query ran out of time")
                return _error(504, f"the query took longer than {limits.timeout_s:g} s (kg serve --timeout); "
                                   f"narrow it or add a LIMIT")
            except (ConnectionError, http.client.HTTPException, OSError) as exc:
                self.log(f"kg serve: no answer from the oxigraph server ({type(exc).__name__}: {exc})")
                self._await_exit()  # so that the next request waits for the new Oxigraph, not the dying one
                return _error(503, f"the query server stopped (the query may have needed more than "
                                   f"{limits.memory_mb} MB, kg serve --max-memory); it is restarting, try again")
            finally:
                conn.close()
        finally:
            self._slots.release()
        data = b"".join(chunks)
        if data.rstrip().endswith(_CANCELLED):
            return _error(504, f"the query took longer than {limits.timeout_s:g} s (kg serve --timeout)")
        out = [(k, v) for k, v in resp.getheaders() if k.lower() not in _HOP_BY_HOP]
        return resp.status, out, data


def _error(status: int, message: str) -> tuple[int, list[tuple[str, str]], bytes]:
    body = json.dumps({"error": message, "status": status}).encode() + b"\n"
    return status, [("Content-Type", "application/json")], body


class _Front(BaseHTTPRequestHandler):
    """kg's HTTP front: reads a request, forwards it, writes the whole answer or an error."""

    protocol_version = "HTTP/1.1"
    server_version = "kg"

    def __init__(self, endpoint: Endpoint, *args, **kwargs):
        self.endpoint = endpoint
        super().__init__(*args, **kwargs)

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if self.headers.get("Transfer-Encoding"):
            status, headers, body = _error(411, "send the request with a Content-Length")
        elif length > _MAX_REQUEST:
            status, headers, body = _error(413, f"the request is larger than {_MAX_REQUEST >> 20} MB")
        else:
            data = self.rfile.read(length) if length else None
            fwd = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP | {"accept-encoding"}}
            try:
                status, headers, body = self.endpoint.forward(self.command, self.path, fwd, data)
            except Exception as exc:  # a bug in kg: still an answer, never a dropped connection
                status, headers, body = _error(500, f"kg serve failed: {type(exc).__name__}: {exc}")
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        if status >= 500 or status == 413:
            self.endpoint.log(f"kg serve: {status} for {self.command} {self.path[:80]}")

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = _handle

    def log_message(self, format, *args) -> None:  # noqa: A002 (the base class's name)
        pass
