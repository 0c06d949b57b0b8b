"""Live servers for the tests of the production set-up: PostgreSQL (the instance) and Redis (the celery broker)."""
from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.assets.live import free_port

PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
REDIS_SERVER = shutil.which("redis-server")


@pytest.fixture(scope="module")
def postgres():
    """A throwaway PostgreSQL server on a free port; yields the DAGSTER_PG_* environment."""
    if not PG_BIN:
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql; .ci/run does)")
    bin_dir = Path(PG_BIN[-1]).parent
    root = Path(tempfile.mkdtemp(prefix="trade-figures-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # postgres refuses to run as root
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", free_port()

    def pg(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True, timeout=120)

    pg(str(bin_dir / "initdb"), "-D", str(data), "--auth=trust", "--username=dagster")
    try:
        pg(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-w", "start", "-o",
           f"-p {port} -k {root} -c listen_addresses=127.0.0.1")
        pg(str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "dagster", "trade_figures")
        yield {"DAGSTER_PG_HOST": "127.0.0.1", "DAGSTER_PG_PORT": str(port), "DAGSTER_PG_DB": "trade_figures",
               "DAGSTER_PG_USERNAME": "dagster", "DAGSTER_PG_PASSWORD": "unused-with-trust-auth"}
    finally:
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True, timeout=120)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def redis_broker():
    """A throwaway Redis server on a free loopback port, nothing persisted; yields its URL."""
    import redis

    root, port = Path(tempfile.mkdtemp(prefix="trade-figures-redis-")), free_port()
    server = subprocess.Popen([REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no", "--dir", str(root)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        client, deadline = redis.Redis(host="127.0.0.1", port=port), time.monotonic() + 30
        while True:
            with contextlib.suppress(redis.ConnectionError):
                if client.ping():
                    break
            assert server.poll() is None and time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(root, ignore_errors=True)
