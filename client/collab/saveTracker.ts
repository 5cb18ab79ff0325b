/**
 * Decides whether every local edit is durably stored, from the server's save acknowledgements
 * (message type 100, shared/collab/protocol.ts). docs/adr/0001-save-state.md explains the rules.
 *
 * Two facts must both hold for "Opgeslagen":
 *  1. The acknowledged durable state vector covers every clock this client is responsible for:
 *     its own edits and whatever it restored from this device's copy (possibly offline edits).
 *     Content that arrived from the server is the server's (and its author's) business: counting
 *     it would leave a reader "Niet opgeslagen" while someone else types.
 *  2. Every update-bearing message sent on the current socket is acknowledged as durable (the
 *     ack's trailing counter). Deletions do not advance a state vector, so (1) alone cannot see them.
 * Edits made while no socket could carry them stay pending until a new socket's sync step 2
 * (which carries everything the server lacks, all deletions included) is acknowledged.
 */
import * as Y from "yjs";
import { coversStateVector, mergeStateVectors, type StateVector } from "./stateVector.ts";

export class SaveTracker {
  #durable: StateVector = new Map();
  #required: StateVector = new Map();
  #sent = 0;
  #acked = 0;
  #unsent = false;

  /** An update that did not come from the server: a local edit, or content restored from this device. */
  localUpdate(update: Uint8Array, willBeSent: boolean): void {
    this.#required = mergeStateVectors(this.#required, Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)));
    if (!willBeSent) this.#unsent = true;
  }

  /** A sync step 2 or update message left on the current socket. */
  sent(isSyncStep2: boolean): void {
    this.#sent++;
    // A step 2 answers the server's state vector with everything it lacks, deletions included.
    if (isSyncStep2) this.#unsent = false;
  }

  /** The socket closed: what it carried without acknowledgement must travel again. */
  socketClosed(): void {
    if (this.#acked < this.#sent) this.#unsent = true;
    this.#sent = 0;
    this.#acked = 0;
  }

  /**
   * A save acknowledgement. `durableMessages` is the count of this socket's update-bearing
   * messages that are durable; servers that do not send it are trusted on the state vector alone.
   */
  ack(durable: StateVector, durableMessages: number | undefined): void {
    this.#durable = mergeStateVectors(this.#durable, durable);
    this.#acked = Math.max(this.#acked, durableMessages ?? this.#sent);
  }

  get covered(): boolean {
    return !this.#unsent && this.#acked >= this.#sent && coversStateVector(this.#durable, this.#required);
  }
}

/** y-websocket frame kinds that carry document content: [0 sync, 1 step2 | 2 update, …]. */
export function updateBearingKind(frame: Uint8Array): "step2" | "update" | null {
  if (frame.length < 2 || frame[0] !== 0) return null;
  return frame[1] === 1 ? "step2" : frame[1] === 2 ? "update" : null;
}
