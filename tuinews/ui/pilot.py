"""Driving the app headless (tests and the screenshot script share this)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.worker import WorkerCancelled


async def settle(pilot: Pilot[None]) -> None:
    """Wait for every worker and the screen updates they asked for.

    A newer exclusive worker cancels an older one (moving fast through the list), so waiting
    goes on until no worker is left running.
    """
    for _ in range(20):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            return
