import { describe, expect, it } from "vitest";
import { GENESIS_HASH } from "./auditChain.ts";
import {
  brokenEventsLabel,
  checkWitness,
  headMatches,
  logKenmerk,
  parseLogHead,
  parseLogKenmerk,
} from "./logWitness.ts";

const H = "9f3a2c7b01d4e5a6" + "c".repeat(48);

describe("log kenmerk", () => {
  it("is the event count and the first 16 hex digits of the head hash, upper case in groups of four", () => {
    expect(logKenmerk(1234, H)).toBe("L-1234-9F3A-2C7B-01D4-E5A6");
    expect(logKenmerk(0, GENESIS_HASH)).toBe("L-0-0000-0000-0000-0000");
  });

  it("reads back as typed: any case, spaces, with or without hyphens", () => {
    expect(parseLogKenmerk("L-1234-9F3A-2C7B-01D4-E5A6")).toEqual({ count: 1234, head: "9f3a2c7b01d4e5a6" });
    expect(parseLogKenmerk("  l-1234-9f3a 2c7b 01d4 e5a6 ")).toEqual({ count: 1234, head: "9f3a2c7b01d4e5a6" });
    expect(parseLogKenmerk(`L-7-${H}`)).toEqual({ count: 7, head: H });
  });

  it("refuses what is not a kenmerk", () => {
    for (const bad of [
      "",
      "L-12",
      "1234-9F3A-2C7B-01D4-E5A6",
      "L-1234-9F3A-2C7B-01D4",
      "L-1234-9F3A-2C7B-01D4-E5AG",
      "L-0012-9F3A-2C7B-01D4-E5A6",
      "L-1234567890-9F3A-2C7B-01D4-E5A6",
    ]) {
      expect(parseLogKenmerk(bad), bad).toBeNull();
    }
    expect(parseLogHead("9F3A2C7B")).toBeNull();
    expect(parseLogHead("xyz")).toBeNull();
    expect(parseLogHead(H.toUpperCase())).toBe(H);
  });

  it("a short head matches on its 16 digits, a full head only exactly", () => {
    expect(headMatches(H, "9f3a2c7b01d4e5a6")).toBe(true);
    expect(headMatches(H, "9f3a2c7b01d4e5a7")).toBe(false);
    expect(headMatches(H, H)).toBe(true);
    expect(headMatches(H, H.slice(0, 63) + "d")).toBe(false);
  });
});

describe("checkWitness", () => {
  const hashes = new Map(
    [
      [1, "a".repeat(64)],
      [2, H],
      [3, "b".repeat(64)],
    ].map(([seq, hash]) => [seq as number, { hash: hash as string, at: `2026-03-0${seq}T10:00:00.000Z` }]),
  );
  it("extends a kept head when event N still has that hash and the chain holds", () => {
    expect(checkWitness(hashes, true, { count: 2, head: "9f3a2c7b01d4e5a6" })).toEqual({
      count: 2,
      head: "9f3a2c7b01d4e5a6",
      at: "2026-03-02T10:00:00.000Z",
      extends: true,
      problem: null,
    });
    expect(checkWitness(hashes, true, { count: 0, head: "0".repeat(16) })).toMatchObject({ extends: true });
  });
  it("names what is wrong otherwise", () => {
    expect(checkWitness(hashes, true, { count: 4, head: "9f3a2c7b01d4e5a6" }).problem).toBe("fewer_events");
    expect(checkWitness(hashes, true, { count: 3, head: "9f3a2c7b01d4e5a6" }).problem).toBe("hash_differs");
    expect(checkWitness(hashes, false, { count: 2, head: "9f3a2c7b01d4e5a6" }).problem).toBe("chain_broken");
  });
  it("lists broken events in Dutch", () => {
    expect(brokenEventsLabel([3])).toBe("gebeurtenis 3");
    expect(brokenEventsLabel([3, 7, 12])).toBe("gebeurtenissen 3, 7 en 12");
  });
});
