/**
 * Outgoing y-websocket frames, written straight into one Buffer each: a broadcast is encoded
 * once and the same Buffer goes to every subscriber (ws sends a Buffer without copying or
 * wrapping it, unlike a plain Uint8Array).
 */
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_SAVE_ACK, MESSAGE_SYNC, PERMISSION_DENIED_REASON } from "../../shared/collab/protocol.ts";

/** y-protocols/sync sub-types. */
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

const varUintLength = (n: number): number => {
  let length = 1;
  while (n > 0x7f) {
    n = Math.floor(n / 128);
    length++;
  }
  return length;
};

const writeVarUint = (target: Buffer, offset: number, n: number): number => {
  while (n > 0x7f) {
    target[offset++] = 0x80 | (n & 0x7f);
    n = Math.floor(n / 128);
  }
  target[offset++] = n;
  return offset;
};

/** [type, (subtype,) varUint8Array(payload)] — every message of ours has this shape. */
function frame(type: number, subtype: number | null, payload: Uint8Array, trailer?: number): Buffer {
  const head = 1 + (subtype === null ? 0 : 1);
  const size = head + varUintLength(payload.byteLength) + payload.byteLength + (trailer === undefined ? 0 : varUintLength(trailer));
  const out = Buffer.allocUnsafe(size);
  out[0] = type;
  if (subtype !== null) out[1] = subtype;
  let offset = writeVarUint(out, head, payload.byteLength);
  out.set(payload, offset);
  offset += payload.byteLength;
  if (trailer !== undefined) writeVarUint(out, offset, trailer);
  return out;
}

export const syncStep1Frame = (stateVector: Uint8Array) => frame(MESSAGE_SYNC, SYNC_STEP1, stateVector);
export const syncStep2Frame = (update: Uint8Array) => frame(MESSAGE_SYNC, SYNC_STEP2, update);
export const updateFrame = (update: Uint8Array) => frame(MESSAGE_SYNC, SYNC_UPDATE, update);
export const awarenessFrame = (update: Uint8Array) => frame(MESSAGE_AWARENESS, null, update);

/**
 * Save acknowledgement (type 100): varUint8Array(durable state vector), then varUint(number of
 * update-bearing messages of this connection that are durable). See docs/sync-protocol.md.
 */
export const saveAckFrame = (durableStateVector: Uint8Array, durableMessages: number) =>
  frame(MESSAGE_SAVE_ACK, null, durableStateVector, durableMessages);

/** y-protocols/auth permission-denied: [2, 0, varString(reason)]. The same bytes for everyone. */
export const PERMISSION_DENIED_FRAME: Buffer = frame(MESSAGE_AUTH, 0, new TextEncoder().encode(PERMISSION_DENIED_REASON));
