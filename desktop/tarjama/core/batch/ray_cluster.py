"""Joining a Ray cluster, or starting a private one for one batch, with readable errors.

Ray is an optional extra (``pip install "tarjama[cluster]"``) and is imported only
here and in the workers. Without ``--address`` a local Ray is started on 127.0.0.1
with no dashboard and quiet logs, and stopped when the batch ends; a Ray this process
has already started (a test session, a notebook) is used as it is and left running.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
from collections.abc import Iterator
from typing import Any

from tarjama.core.errors import EXIT_CLUSTER, TarjamaError

INSTALL_HINT = 'the Ray engine needs Ray: pip install "tarjama[cluster]"'
CONNECT_SECONDS = 5.0


class ClusterError(TarjamaError):
    """The Ray engine cannot run: Ray missing, the cluster unreachable, workers lost."""

    exit_code = EXIT_CLUSTER


def import_ray() -> Any:
    """The ``ray`` module, or ClusterError saying in one line how to install it.

    Ray's usage statistics (which it would send out over the network) are turned off
    before the import, unless the user chose otherwise: the only traffic is with the
    cluster the user named, or with the private Ray on 127.0.0.1.
    """
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
    except ImportError as exc:
        raise ClusterError(INSTALL_HINT) from exc
    return ray


def address_host_port(address: str) -> tuple[str, int] | None:
    """(host, port) of ``ray://host:port`` or ``host:port``; None for ``auto``.

    Raises:
        ClusterError: for an address in neither form.
    """
    if address == "auto":
        return None
    rest = address.removeprefix("ray://")
    host, _, port = rest.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ClusterError(f"{address!r} is not a Ray address; give auto, "
                           "ray://HOST:10001 or HOST:6379")
    return host.strip("[]"), int(port)


def check_reachable(address: str, seconds: float = CONNECT_SECONDS) -> None:
    """Fail fast, with one line, when nothing listens at ``address``.

    Ray itself retries an unreachable address for a minute or more before it gives up.
    """
    target = address_host_port(address)
    if target is None:
        return
    try:
        with socket.create_connection(target, timeout=seconds):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise ClusterError(f"cannot reach the Ray cluster at {address} ({reason}); "
                           "is it running (ray start --head)?") from exc


@contextlib.contextmanager
def ray_session(address: str | None, *, local_cpus: int | None = None) -> Iterator[Any]:
    """Ray, initialised for this batch: joined at ``address``, or started locally.

    Yields the ``ray`` module; shuts Ray down afterwards only if this call started it.
    """
    ray = import_ray()
    if ray.is_initialized():
        yield ray
        return
    quiet = {"include_dashboard": False, "log_to_driver": False,
             "logging_level": logging.ERROR, "configure_logging": True}
    try:
        if address:
            check_reachable(address)
            if address.startswith("ray://"):
                ray.init(address=address, logging_level=logging.ERROR, log_to_driver=False)
            else:
                ray.init(address=address, **quiet)
        else:
            ray.init(num_cpus=local_cpus, _node_ip_address="127.0.0.1", **quiet)
    except ClusterError:
        raise
    except (ConnectionError, TimeoutError, RuntimeError, ValueError) as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        raise ClusterError(f"cannot start {where}: {_first_line(exc)}") from exc
    try:
        yield ray
    finally:
        ray.shutdown()


def cluster_cpus(ray: Any) -> tuple[int, int]:
    """(CPUs in the whole cluster, CPUs of its largest node)."""
    nodes = [node for node in ray.nodes() if node.get("Alive")]
    per_node = [int(node.get("Resources", {}).get("CPU", 0)) for node in nodes]
    total = int(ray.cluster_resources().get("CPU", 0))
    return total, max(per_node, default=total)


def cluster_gpus(ray: Any) -> int:
    return int(ray.cluster_resources().get("GPU", 0))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
