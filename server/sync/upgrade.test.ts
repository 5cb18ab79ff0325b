import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { describe, expect, test } from "vitest";
import { MESSAGE_AUTH, MESSAGE_SAVE_ACK, PERMISSION_DENIED_REASON } from "../../shared/collab/protocol.ts";
import { PERMISSION_DENIED_FRAME, framePayload, saveAckFrame, updateFrame, wireFrame } from "./frames.ts";
import { isAllowedOrigin, parseSyncUrl, readCookie } from "./upgrade.ts";

describe("parseSyncUrl", () => {
  test("takes the document name y-websocket appends, and saveAck=1 only", () => {
    expect(parseSyncUrl("/sync/tafel.a.spiegelparagraaf")).toEqual({
      docName: "tafel.a.spiegelparagraaf",
      saveAck: false,
    });
    expect(parseSyncUrl("/sync/tafel.a.procedure?saveAck=1")).toEqual({ docName: "tafel.a.procedure", saveAck: true });
    expect(parseSyncUrl("/sync/tafel.a.procedure?x=2&saveAck=1")).toEqual({
      docName: "tafel.a.procedure",
      saveAck: true,
    });
    expect(parseSyncUrl("/sync/tafel.a.procedure?saveAck=true")).toEqual({
      docName: "tafel.a.procedure",
      saveAck: false,
    });
    expect(parseSyncUrl("/sync/tafel%2Ea.procedure")).toEqual({ docName: "tafel.a.procedure", saveAck: false });
  });
  test("anything else is not a sync URL", () => {
    for (const url of [
      undefined,
      "",
      "/",
      "/sync",
      "/sync/",
      "/api/sync/x",
      "/sync/a/b",
      "/sync/a%2Fb",
      "/sync/%E0%A4%A",
    ]) {
      expect(parseSyncUrl(url), String(url)).toBeNull();
    }
  });
});

test("readCookie finds our cookie among others and survives junk", () => {
  expect(readCookie("a=1; oogo_sessie=abc; b=2", "oogo_sessie")).toBe("abc");
  expect(readCookie("oogo_sessie=a%20b", "oogo_sessie")).toBe("a b");
  expect(readCookie("oogo_sessie=%E0%A4%A", "oogo_sessie")).toBeUndefined();
  expect(readCookie("x_oogo_sessie=abc", "oogo_sessie")).toBeUndefined();
  expect(readCookie(undefined, "oogo_sessie")).toBeUndefined();
  expect(readCookie("garbage", "oogo_sessie")).toBeUndefined();
});

test("isAllowedOrigin: no Origin (non-browser), our own host, or a trusted origin", () => {
  const trusted = ["https://oogo.nl", "http://localhost:5173"];
  expect(isAllowedOrigin(undefined, "oogo.nl", trusted)).toBe(true);
  expect(isAllowedOrigin("https://oogo.nl", "intern:3000", trusted)).toBe(true);
  expect(isAllowedOrigin("http://localhost:5173", "127.0.0.1:3001", trusted)).toBe(true);
  expect(isAllowedOrigin("http://localhost:3000", "localhost:3000", trusted)).toBe(true);
  // Another port of the same host is another origin.
  expect(isAllowedOrigin("http://localhost:8080", "localhost:3000", trusted)).toBe(false);
  expect(isAllowedOrigin("https://kwaadaardig.example", "oogo.nl", trusted)).toBe(false);
  expect(isAllowedOrigin("null", "oogo.nl", trusted)).toBe(false);
});

describe("frames", () => {
  test("save ack: varUint8Array(state vector) then varUint(durable message count)", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "x".repeat(300));
    const sv = Y.encodeStateVector(doc);
    const d = decoding.createDecoder(framePayload(saveAckFrame(sv, 1234)));
    expect(decoding.readVarUint(d)).toBe(MESSAGE_SAVE_ACK);
    expect(decoding.readVarUint8Array(d)).toEqual(sv);
    expect(decoding.readVarUint(d)).toBe(1234);
    expect(decoding.hasContent(d)).toBe(false);
  });
  test("update frame carries the update byte for byte, also beyond one-byte lengths", () => {
    for (const size of [0, 1, 127, 128, 16_384, 70_000]) {
      const update = new Uint8Array(size).map((_, i) => i % 251);
      const d = decoding.createDecoder(framePayload(updateFrame(update)));
      expect([decoding.readVarUint(d), decoding.readVarUint(d)]).toEqual([0, 2]);
      expect(decoding.readVarUint8Array(d)).toEqual(update);
    }
  });
  test("WebSocket header: FIN + binary, unmasked, 7/16/64-bit lengths", () => {
    for (const [size, header] of [
      [125, [0x82, 125]],
      [126, [0x82, 126, 0, 126]],
      [65535, [0x82, 126, 255, 255]],
      [65536, [0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0]],
    ] as const) {
      const frame = wireFrame(new Uint8Array(size));
      expect([...frame.subarray(0, header.length)]).toEqual(header);
      expect(frame.length).toBe(header.length + size);
      expect(framePayload(frame).length).toBe(size);
    }
  });
  test("permission denied is y-protocols/auth's message with our reason", () => {
    const d = decoding.createDecoder(framePayload(PERMISSION_DENIED_FRAME));
    expect(decoding.readVarUint(d)).toBe(MESSAGE_AUTH);
    expect(decoding.readVarUint(d)).toBe(0);
    expect(decoding.readVarString(d)).toBe(PERMISSION_DENIED_REASON);
  });
});
