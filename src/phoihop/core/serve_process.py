"""`phoihop serve` as a child process on a free loopback port, for the tests and benchmarks that need the real
server with its task workers (tests/test_workers.py, bench/task_workers.py)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(env: dict, timeout: float = 60) -> subprocess.Popen:
    """Start the server with `env` and return it once /healthz answers; RuntimeError if it does not in time."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "phoihop.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError(f"phoihop serve không trả lời /healthz sau {timeout:.0f} giây.")
