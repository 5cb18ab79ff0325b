/**
 * State-vector arithmetic for the save acknowledgement (see shared/collab/protocol.ts).
 * A Yjs state vector maps clientID → next clock; every change a client made has a clock below it.
 */

export type StateVector = Map<number, number>;

/** True when every change counted in `local` is also counted in `durable` (local ≤ durable, per client). */
export function coversStateVector(durable: StateVector, local: StateVector): boolean {
  for (const [client, clock] of local) {
    if (clock > 0 && (durable.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/**
 * Merges an acknowledgement into what we know is durable. The server's durable state only grows,
 * but acks from an older socket may arrive late: keep the per-client maximum so we never regress.
 */
export function mergeStateVectors(a: StateVector, b: StateVector): StateVector {
  const out = new Map(a);
  for (const [client, clock] of b) {
    if (clock > (out.get(client) ?? 0)) out.set(client, clock);
  }
  return out;
}
