import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SaveTracker, updateBearingKind } from "./saveTracker.ts";
import { coversStateVector, mergeStateVectors } from "./stateVector.ts";

/** A client document whose local updates feed a tracker, like createCollabSession does. */
function client(connected = true) {
  const doc = new Y.Doc();
  const tracker = new SaveTracker();
  const state = { connected };
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "server") tracker.localUpdate(update, state.connected);
  });
  const text = doc.getText("t");
  const sv = () => Y.decodeStateVector(Y.encodeStateVector(doc));
  return { doc, tracker, text, sv, state };
}

describe("SaveTracker", () => {
  it("is covered with nothing to save", () => {
    expect(new SaveTracker().covered).toBe(true);
  });

  it("an insert is saved only once its message and clock are acknowledged", () => {
    const c = client();
    c.text.insert(0, "hallo");
    c.tracker.sent(false);
    expect(c.tracker.covered).toBe(false);
    c.tracker.ack(new Map(), 1); // counter says durable, but the vector does not cover our clock
    expect(c.tracker.covered).toBe(false);
    c.tracker.ack(c.sv(), 1);
    expect(c.tracker.covered).toBe(true);
  });

  it("a deletion (which does not advance the state vector) waits for the message counter", () => {
    const c = client();
    c.text.insert(0, "hallo");
    c.tracker.sent(false);
    c.tracker.ack(c.sv(), 1);
    const before = c.sv();
    c.text.delete(0, 2);
    expect(c.sv()).toEqual(before); // the trap: the vector alone cannot see the deletion
    c.tracker.sent(false);
    c.tracker.ack(before, 1); // a late ack for the earlier message
    expect(c.tracker.covered).toBe(false);
    c.tracker.ack(before, 2);
    expect(c.tracker.covered).toBe(true);
  });

  it("edits made offline (even a lone deletion) stay pending until a new socket's step 2 is acknowledged", () => {
    const c = client();
    c.text.insert(0, "offline");
    c.tracker.sent(false);
    c.tracker.ack(c.sv(), 1);
    c.tracker.socketClosed();
    c.state.connected = false;
    c.text.delete(0, 3); // no clock advances: only the unsent flag can tell
    expect(c.tracker.covered).toBe(false);
    c.tracker.sent(true); // step 2 on the new socket
    expect(c.tracker.covered).toBe(false);
    c.tracker.ack(c.sv(), 1);
    expect(c.tracker.covered).toBe(true);
  });

  it("a socket that closes with unacknowledged messages leaves the edits pending", () => {
    const c = client();
    c.text.insert(0, "x");
    c.tracker.sent(false);
    c.tracker.socketClosed();
    c.tracker.ack(c.sv(), 0); // even a covering vector: the deletion-blind part is unknown
    expect(c.tracker.covered).toBe(false);
    c.tracker.sent(true);
    c.tracker.ack(c.sv(), 1);
    expect(c.tracker.covered).toBe(true);
  });

  it("content received from the server does not keep a reader unsaved", () => {
    const reader = client();
    const writer = new Y.Doc();
    writer.getText("t").insert(0, "iemand anders typt");
    Y.applyUpdate(reader.doc, Y.encodeStateAsUpdate(writer), "server");
    reader.tracker.sent(true);
    reader.tracker.ack(new Map(), 1); // the server has not committed the writer's text yet
    expect(reader.tracker.covered).toBe(true);
  });

  it("content restored from this device counts until the server has it durably", () => {
    const earlier = new Y.Doc();
    earlier.getText("t").insert(0, "getypt zonder verbinding");
    const c = client(false);
    Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(earlier), "indexeddb");
    c.tracker.socketClosed();
    c.tracker.sent(true);
    c.tracker.ack(new Map(), 1);
    expect(c.tracker.covered).toBe(false);
    c.tracker.ack(Y.decodeStateVector(Y.encodeStateVector(earlier)), 1);
    expect(c.tracker.covered).toBe(true);
  });

  it("trusts the state vector alone when a server sends no message counter", () => {
    const c = client();
    c.text.insert(0, "a");
    c.tracker.sent(false);
    c.tracker.ack(c.sv(), undefined);
    expect(c.tracker.covered).toBe(true);
  });
});

describe("state vectors", () => {
  it("covers per client, ignoring zero clocks", () => {
    expect(coversStateVector(new Map([[1, 5]]), new Map([[1, 5]]))).toBe(true);
    expect(coversStateVector(new Map([[1, 4]]), new Map([[1, 5]]))).toBe(false);
    expect(coversStateVector(new Map(), new Map([[2, 1]]))).toBe(false);
    expect(coversStateVector(new Map(), new Map([[2, 0]]))).toBe(true);
    expect(
      coversStateVector(
        new Map([
          [1, 9],
          [2, 3],
        ]),
        new Map([[2, 3]]),
      ),
    ).toBe(true);
  });
  it("merges by per-client maximum so a late ack never regresses", () => {
    expect(
      mergeStateVectors(
        new Map([
          [1, 5],
          [2, 1],
        ]),
        new Map([
          [1, 3],
          [3, 7],
        ]),
      ),
    ).toEqual(
      new Map([
        [1, 5],
        [2, 1],
        [3, 7],
      ]),
    );
  });
});

describe("updateBearingKind", () => {
  it("recognises sync step 2 and update frames only", () => {
    expect(updateBearingKind(new Uint8Array([0, 0, 1, 0]))).toBeNull(); // step 1
    expect(updateBearingKind(new Uint8Array([0, 1, 2, 0, 0]))).toBe("step2");
    expect(updateBearingKind(new Uint8Array([0, 2, 2, 0, 0]))).toBe("update");
    expect(updateBearingKind(new Uint8Array([1, 3, 1, 2, 3]))).toBeNull(); // awareness
    expect(updateBearingKind(new Uint8Array([0]))).toBeNull();
  });
});
