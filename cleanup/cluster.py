"""Run a batch on a Dask distributed cluster (`cleanup batch --dask` or
`--scheduler tcp://HOST:PORT`).

The tasks, the worker function and the manifest are the local batch's own
(`cleanup.batch`): only where the chunks run changes, so the output is the
same bytes.  Workers read and write through plain paths (a folder every
worker sees) or fsspec URLs; the manifest stays with the client.
"""
from __future__ import annotations

from typing import Iterator

from cleanup.batch import IN_FLIGHT_PER_WORKER, BatchError, Context, Outcome, Runner, Task, process_chunk

INSTALL = "pip install 'cleanup-tei[dask]'"


def require_dask() -> None:
    """Fail with the install command when the `dask` extra is missing."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise BatchError(f"running on a Dask cluster needs the dask extra: {INSTALL}") from None


def dask_runner(scheduler: str | None, workers: int) -> Runner:
    """Chunks submitted to the scheduler at `scheduler`, or to a LocalCluster
    of `workers` processes when None; a bounded number in flight."""
    require_dask()

    def run(chunks: Iterator[list[Task]], ctx: Context) -> Iterator[list[Outcome]]:
        from distributed import Client, LocalCluster, as_completed

        cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1,
                                                      processes=True, dashboard_address=None)
        try:
            with Client(scheduler or cluster) as client:
                slots = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_WORKER
                running = as_completed()
                for chunk in chunks:
                    running.add(client.submit(process_chunk, chunk, ctx, pure=False))
                    while running.count() >= slots:
                        yield next(running).result()
                for future in running:
                    yield future.result()
        finally:
            if cluster is not None:
                cluster.close()
    return run
