/**
 * Lets timers, sockets and requests run. The local libSQL driver is synchronous, so a loop of
 * transactions that never waits for real I/O would otherwise hold the event loop for its whole
 * length (and with it the sync server's fan-out); long jobs call this between their batches.
 */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
