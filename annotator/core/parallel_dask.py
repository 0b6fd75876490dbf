"""Highlighting on a Dask cluster (``--dask SCHEDULER_ADDRESS`` or ``--dask local``).

The same registered spaCy components run on the Dask workers: each worker
process loads the highlighter once (``load_highlighter`` caches it) and
highlights the partitions (batches of texts) it is sent. Only texts travel
out and suggestions (and tokens) travel back; the results are taken in the
order the partitions were submitted, and only the local writer touches
SQLite. Every worker needs the same annotator installed: a worker whose
highlighter version differs refuses the work (``WrongPipeline``).

Dask is an optional extra (``pip install 'annotator[cluster]'``); see
docs/scaling.md.
"""

from __future__ import annotations

from collections.abc import Callable

CONNECT_TIMEOUT = "20s"  # how long to try reaching a scheduler before giving up


class DaskUnavailable(RuntimeError):
    """dask.distributed is not installed, or the scheduler cannot be reached."""


class DaskRunner:
    """Submits batches to a dask.distributed client; ``address="local"``
    starts a LocalCluster of ``local_workers`` single-threaded processes."""

    def __init__(self, address: str, local_workers: int = 2):
        try:
            from distributed import Client, LocalCluster
        except ImportError as error:
            raise DaskUnavailable("--dask needs dask.distributed: pip install 'annotator[cluster]'") from error
        self.cluster = None
        try:
            if address == "local":
                # processes, one thread each: the highlighter is CPU-bound Python
                self.cluster = LocalCluster(n_workers=local_workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=40)
                self.client = Client(self.cluster)
            else:
                self.client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as error:
            self._close_cluster()
            raise DaskUnavailable(f"cannot reach the Dask scheduler {address!r}: {error}") from error
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or local_workers)

    def submit(self, fn: Callable, *args):
        # pure=False: every partition is new work, never a cached result
        return self.client.submit(fn, *args, pure=False)

    def close(self) -> None:
        self.client.close()
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
