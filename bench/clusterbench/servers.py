"""The two sides of a comparison: servers this script launches fresh for each workload group, or a server that is
already running (e.g. a cluster) and is only wiped between groups."""
import contextlib
import os
import shlex
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from typing import Iterator, Protocol

from . import images
from .tools import run_quietly

_START_TIMEOUT_SECONDS = 180  # a cold .NET start with an embedded silo is far slower than nbdkit
_STOP_GRACE_SECONDS = 15
_LOOPBACK_HOSTS = ("127.0.0.1", "[::1]", "localhost")


@dataclass(frozen=True)
class Server:
    uri: str
    memory_roots: list[int]  # resident memory is summed over these processes and all their descendants


class Side(Protocol):
    label: str

    def open(self, allocator: str, workdir: str) -> contextlib.AbstractContextManager[Server]:
        """A server with an all-zero disk using the given allocator, for one workload group."""


class LaunchedSide:
    """Starts `template` (placeholders {port} {pidfile} {size} {allocator}) fresh for every workload group and
    stops its whole process group afterwards."""

    def __init__(self, label: str, template: str, size: str):
        self.label = label
        self._template = template
        self._size = size

    @contextlib.contextmanager
    def open(self, allocator: str, workdir: str) -> Iterator[Server]:
        port = _free_loopback_port()
        pidfile = os.path.join(workdir, f"server-{port}.pid")
        log_path = os.path.join(workdir, f"server-{port}.log")
        command = shlex.split(self._template.format(
            port=port, pidfile=shlex.quote(pidfile), size=self._size, allocator=allocator))
        with open(log_path, "wb") as log:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                       start_new_session=True)
        try:
            _wait_for_pidfile(process, pidfile, log_path, self.label)
            yield Server(uri=f"nbd://127.0.0.1:{port}", memory_roots=[process.pid])
        finally:
            _stop_process_group(process)
            with contextlib.suppress(FileNotFoundError):
                os.remove(pidfile)


class TargetSide:
    """A server someone else runs (such as 3 silos and a gateway): the script cannot restart it, so before each
    workload group it zeroes the whole disk, which frees the pages of sparse allocators."""

    def __init__(self, label: str, uri: str, pids: list[int]):
        if not _is_loopback(uri):
            raise ValueError(f"--target must be on loopback (127.0.0.1, [::1], localhost or a unix socket): {uri}")
        self.label = label
        self._uri = uri
        self._pids = pids

    @contextlib.contextmanager
    def open(self, allocator: str, workdir: str) -> Iterator[Server]:
        size = disk_size(self._uri)
        zero_image = os.path.join(workdir, "wipe.img")
        images.write_zero_image(zero_image, size)
        try:
            run_quietly(["nbdcopy", zero_image, self._uri])
        finally:
            os.remove(zero_image)
        yield Server(uri=self._uri, memory_roots=self._pids)


def disk_size(uri: str) -> int:
    return int(run_quietly(["nbdinfo", "--size", uri]).strip())


def _is_loopback(uri: str) -> bool:
    if uri.startswith(("nbd+unix:", "nbds+unix:")):
        return True
    authority = uri.split("://", 1)[-1].split("/", 1)[0]
    return any(authority == host or authority.startswith(host + ":") for host in _LOOPBACK_HOSTS)


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_pidfile(process: subprocess.Popen, pidfile: str, log_path: str, label: str) -> None:
    """Both servers write the pid file only once they accept connections."""
    deadline = time.monotonic() + _START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{label} exited with status {process.returncode} while starting:\n{_tail(log_path)}")
        with contextlib.suppress(FileNotFoundError):
            if os.path.getsize(pidfile) > 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"{label} did not write its pid file within {_START_TIMEOUT_SECONDS} s:\n{_tail(log_path)}")


def _stop_process_group(process: subprocess.Popen) -> None:
    _signal_group(process, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=_STOP_GRACE_SECONDS)
    _signal_group(process, signal.SIGKILL)  # also ends any child the leader left behind
    process.wait()


def _signal_group(process: subprocess.Popen, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)


def _tail(path: str, lines: int = 20) -> str:
    with open(path, encoding="utf-8", errors="replace") as log:
        return "".join(log.readlines()[-lines:])
