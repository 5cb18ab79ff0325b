/**
 * Outgoing messages as complete WebSocket frames (RFC 6455 header + y-websocket message) in one
 * Buffer each. Server-to-client frames are never masked, so a broadcast is framed once and the
 * very same bytes are written to every subscriber's socket: no per-recipient header, options
 * object, cork/uncork or writev array (see Connection.send). Measured on the fan-out path, the
 * per-delivery work left is Node's socket.write and the kernel's send.
 */
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_SAVE_ACK,
  MESSAGE_SYNC,
  PERMISSION_DENIED_REASON,
} from "../../shared/collab/protocol.ts";

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

const wsHeaderLength = (length: number) => (length < 126 ? 2 : length < 65536 ? 4 : 10);

/** FIN + binary opcode, unmasked, with the payload length; returns where the payload starts. */
function writeWsHeader(out: Buffer, length: number): number {
  out[0] = 0x82;
  if (length < 126) {
    out[1] = length;
    return 2;
  }
  if (length < 65536) {
    out[1] = 126;
    out.writeUInt16BE(length, 2);
    return 4;
  }
  out[1] = 127;
  out.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
  out.writeUInt32BE(length >>> 0, 6);
  return 10;
}

/** The y-websocket message inside a frame made here. */
export function framePayload(frame: Buffer): Buffer {
  const marker = frame[1]! & 0x7f;
  return frame.subarray(marker < 126 ? 2 : marker === 126 ? 4 : 10);
}

/** Frames a message received from a client (forwarded as is, e.g. awareness). */
export function wireFrame(message: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(wsHeaderLength(message.byteLength) + message.byteLength);
  out.set(message, writeWsHeader(out, message.byteLength));
  return out;
}

/** [type, (subtype,) varUint8Array(payload)] — every message of ours has this shape. */
function frame(type: number, subtype: number | null, payload: Uint8Array, trailer?: number): Buffer {
  const head = 1 + (subtype === null ? 0 : 1);
  const size =
    head +
    varUintLength(payload.byteLength) +
    payload.byteLength +
    (trailer === undefined ? 0 : varUintLength(trailer));
  const out = Buffer.allocUnsafe(wsHeaderLength(size) + size);
  const start = writeWsHeader(out, size);
  out[start] = type;
  if (subtype !== null) out[start + 1] = subtype;
  let offset = writeVarUint(out, start + head, payload.byteLength);
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
export const PERMISSION_DENIED_FRAME: Buffer = frame(
  MESSAGE_AUTH,
  0,
  new TextEncoder().encode(PERMISSION_DENIED_REASON),
);
