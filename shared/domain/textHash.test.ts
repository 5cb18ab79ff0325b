import { describe, expect, it } from "vitest";
import { canonicalJson, sha256Hex, textHash } from "./textHash.ts";

describe("canonical text hash", () => {
  it("is SHA-256 hex (known vector)", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("sorts keys at every level so key order does not matter", () => {
    const a = { type: "doc", content: [{ type: "paragraph", attrs: { b: 1, a: 2 } }] };
    const b = { content: [{ attrs: { a: 2, b: 1 }, type: "paragraph" }], type: "doc" };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(textHash(a)).toBe(textHash(b));
    expect(canonicalJson(a)).toBe('{"content":[{"attrs":{"a":2,"b":1},"type":"paragraph"}],"type":"doc"}');
  });

  it("differs when the text differs, even by one character or a mark", () => {
    const doc = (text: string, marks?: unknown[]) => ({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text, ...(marks ? { marks } : {}) }] }],
    });
    expect(textHash(doc("akkoord"))).not.toBe(textHash(doc("akkoord.")));
    expect(textHash(doc("akkoord"))).not.toBe(textHash(doc("akkoord", [{ type: "bold" }])));
  });
});
