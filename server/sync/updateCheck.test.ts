/**
 * The admission check against the Yjs behaviour it exists for: each refused class is shown to
 * break Yjs (throw mid-apply, drift between memory and the 'update' event, or fail to encode
 * again), honest updates of every content kind pass, and a seeded mutation run shows that every
 * update the check accepts applies whole and encodes again.
 */
import { describe, expect, test } from "vitest";
import * as encoding from "lib0/encoding";
import * as prng from "lib0/prng";
import * as Y from "yjs";
import { checkStateVector, checkUpdate, MAX_CLIENT_ID, MAX_CLOCK, repairUpdate } from "./updateCheck.ts";

/** Builds a v1 update with one client section of hand-written structs and an optional delete set. */
function update(
  client: number,
  clock: number,
  structs: Array<(e: encoding.Encoder) => void>,
  deletes: Array<[number, number, number]> = [],
): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, structs.length ? 1 : 0);
  if (structs.length) {
    encoding.writeVarUint(e, structs.length);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    for (const s of structs) s(e);
  }
  encoding.writeVarUint(e, deletes.length);
  for (const [c, k, len] of deletes) {
    encoding.writeVarUint(e, c);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, k);
    encoding.writeVarUint(e, len);
  }
  return encoding.toUint8Array(e);
}
/** An item in root type `root` (optionally under map key `sub`), content written by `content`. */
const rootItem =
  (ref: number, root: string, content: (e: encoding.Encoder) => void, sub?: string) => (e: encoding.Encoder) => {
    encoding.writeUint8(e, ref | (sub ? 0x20 : 0));
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, root);
    if (sub) encoding.writeVarString(e, sub);
    content(e);
  };
/** An item with an origin (left neighbour) id. */
const itemAfter =
  (ref: number, originClient: number, originClock: number, content: (e: encoding.Encoder) => void) =>
  (e: encoding.Encoder) => {
    encoding.writeUint8(e, ref | 0x80);
    encoding.writeVarUint(e, originClient);
    encoding.writeVarUint(e, originClock);
    content(e);
  };
const gc = (len: number) => (e: encoding.Encoder) => {
  encoding.writeUint8(e, 0);
  encoding.writeVarUint(e, len);
};
const skip = (len: number) => (e: encoding.Encoder) => {
  encoding.writeUint8(e, 10);
  encoding.writeVarUint(e, len);
};
const str = (s: string) => (e: encoding.Encoder) => encoding.writeVarString(e, s);
const anyOf = (values: unknown[]) => (e: encoding.Encoder) => {
  encoding.writeVarUint(e, values.length);
  for (const v of values) encoding.writeAny(e, v as never);
};

/** A document with text, prose, a map and deletions: what the server typically holds. */
function baseDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1;
  doc.getText("t").insert(0, "hallo wereld");
  doc.getText("t").delete(2, 3);
  doc.getMap("m").set("k", "echt");
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText("tekst")]);
  doc.getXmlFragment("default").insert(0, [p]);
  return doc;
}

/**
 * What a sync server relies on when applying `u` to a copy of `base`: it does not throw, every
 * change reaches the 'update' event (a peer fed only by those events ends up equal), and the
 * result encodes again in v1 and v2 and rebuilds an equal document.
 */
function appliesWhole(base: Y.Doc, u: Uint8Array): { ok: true } | { ok: false; why: string } {
  const server = new Y.Doc();
  const peer = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(base));
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(base));
  server.on("update", (event: Uint8Array) => Y.applyUpdate(peer, event));
  try {
    Y.applyUpdate(server, u);
  } catch (error) {
    return { ok: false, why: `apply threw: ${(error as Error).message}` };
  }
  try {
    const v1 = Y.encodeStateAsUpdate(server);
    Y.encodeStateAsUpdateV2(server);
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, v1);
    Y.encodeStateAsUpdateV2(rebuilt);
    const sameAsPeer = JSON.stringify(contentOf(rebuilt)) === JSON.stringify(contentOf(peer));
    const sameAsServer = JSON.stringify(contentOf(rebuilt)) === JSON.stringify(contentOf(server));
    if (!sameAsServer) return { ok: false, why: "re-encoded state differs from memory" };
    if (!sameAsPeer)
      return { ok: false, why: "update events differ from memory (a new joiner would see another document)" };
  } catch (error) {
    return { ok: false, why: `encode threw: ${(error as Error).message}` };
  }
  return { ok: true };
}
/** Map keys sorted: a rebuilt document lists keys in another order. */
const sorted = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sorted)
    : value && typeof value === "object" && !(value instanceof Uint8Array)
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, sorted(v)]),
        )
      : value;
const contentOf = (doc: Y.Doc) => ({
  t: doc.getText("t").toJSON(),
  m: sorted(doc.getMap("m").toJSON()),
  x: doc.getXmlFragment("default").toJSON(),
  sv: Array.from(Y.decodeStateVector(Y.encodeStateVector(doc))).sort(),
});

describe("refused classes", () => {
  const base = baseDoc();
  const zeroDeleted = update(4242, 0, [rootItem(1, "t", (e) => encoding.writeVarUint(e, 0))]);
  const breaking: Array<[string, Uint8Array, string]> = [
    // The report: one GC struct of length 0 from a new client (11 bytes in the sync frame).
    ["GC of length 0 (the reported poison)", update(4242, 0, [gc(0)]), "zero-length struct"],
    ["Deleted content of length 0", zeroDeleted, "zero-length struct"],
    ["pending delete of length 0", update(4242, 0, [], [[99, 5, 0]]), "zero-length delete"],
    [
      "own-client origin at its own clock",
      update(4242, 0, [rootItem(4, "t", str("a")), itemAfter(4, 4242, 1, str("b"))]),
      "reference to own future clock",
    ],
  ];
  for (const [name, u, reason] of breaking) {
    test(`${name}: refused (${reason}); Yjs does not apply it whole`, () => {
      expect(checkUpdate(u)).toBe(reason);
      expect(appliesWhole(base, u).ok).toBe(false);
    });
  }

  test("after Yjs threw inside a transaction's cleanup, the document applies later updates without emitting them", () => {
    // The root of "a new joiner loads a different document": the server's Y.Doc keeps the failed
    // transaction queued, so every later update changes memory (and so what joiners receive) but
    // never reaches the 'update' event (peers, storage).
    const server = new Y.Doc();
    const events: Uint8Array[] = [];
    server.on("update", (u: Uint8Array) => events.push(u));
    expect(() => Y.applyUpdate(server, zeroDeleted)).toThrow("Unexpected case");
    const honest = new Y.Doc();
    honest.getText("t").insert(0, "eerlijk");
    events.length = 0;
    Y.applyUpdate(server, Y.encodeStateAsUpdate(honest));
    expect(server.getText("t").toJSON()).toBe("eerlijk");
    expect(events).toHaveLength(0);
  });

  test('zero-length content Yjs never produces ("", [], Skip 0, in-range delete 0) is refused as a class', () => {
    expect(checkUpdate(update(4242, 0, [rootItem(4, "t", str(""))]))).toBe("zero-length struct");
    expect(checkUpdate(update(4242, 0, [rootItem(2, "t", (e) => encoding.writeVarUint(e, 0))]))).toBe(
      "zero-length struct",
    );
    expect(checkUpdate(update(4242, 0, [rootItem(8, "m", anyOf([]), "k")]))).toBe("zero-length struct");
    expect(checkUpdate(update(4242, 0, [skip(0), rootItem(4, "t", str("a"))]))).toBe("zero-length struct");
    expect(checkUpdate(update(4242, 0, [], [[1, 0, 0]]))).toBe("zero-length delete");
  });

  test("ids and clocks out of range", () => {
    expect(checkUpdate(update(MAX_CLIENT_ID + 1, 0, [rootItem(4, "t", str("a"))]))).toBe("client id out of range");
    expect(checkUpdate(update(7, MAX_CLOCK - 1, [rootItem(4, "t", str("ab"))]))).toBe("clock out of range");
    expect(checkUpdate(update(7, 0, [itemAfter(4, 1, MAX_CLOCK, str("a"))]))).toBe("reference out of range");
    expect(checkUpdate(update(7, 0, [], [[7, MAX_CLOCK - 1, 2]]))).toBe("delete out of range");
    // At the bounds: accepted, and Yjs encodes it again (v1, v2) and merges it.
    const edge = update(MAX_CLIENT_ID, MAX_CLOCK - 2, [gc(1), rootItem(4, "t", str("a"))]);
    expect(checkUpdate(edge)).toBeNull();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, edge);
    Y.applyUpdateV2(new Y.Doc(), Y.encodeStateAsUpdateV2(doc));
    expect(() => Y.mergeUpdates([edge, Y.encodeStateAsUpdate(doc)])).not.toThrow();
  });

  test("what Yjs cannot read, sub-documents, a client listed twice, and trailing bytes", () => {
    expect(checkUpdate(update(7, 0, [rootItem(11, "t", () => undefined)]))).toBe("unknown content");
    expect(checkUpdate(update(7, 0, [rootItem(7, "t", (e) => encoding.writeVarUint(e, 7))]))).toBe("unknown type");
    expect(checkUpdate(update(7, 0, [rootItem(5, "t", str("{nee"))]))).toBe("invalid JSON content");
    expect(
      checkUpdate(
        update(7, 0, [
          rootItem(
            8,
            "m",
            (e) => {
              encoding.writeVarUint(e, 1);
              encoding.writeUint8(e, 99);
            },
            "k",
          ),
        ]),
      ),
    ).toBe("undecodable value");
    expect(
      checkUpdate(
        update(7, 0, [
          rootItem(9, "t", (e) => {
            encoding.writeVarString(e, "guid");
            encoding.writeAny(e, {});
          }),
        ]),
      ),
    ).toBe("sub-documents are not supported");
    const a = update(7, 0, [rootItem(4, "t", str("a"))]);
    const twice = new Uint8Array([2, ...a.subarray(1, a.length - 1), ...a.subarray(1, a.length - 1), 0]);
    expect(checkUpdate(twice)).toBe("client listed twice");
    expect(checkUpdate(new Uint8Array([...a, 0]))).toBe("trailing bytes");
    // Every truncation of an honest update is refused (lib0 would read past the end).
    const honest = Y.encodeStateAsUpdate(base);
    for (let n = 0; n < honest.length; n++) expect(checkUpdate(honest.subarray(0, n)), `prefix ${n}`).not.toBeNull();
  });

  test("state vectors (sync step 1) are checked the same way", () => {
    expect(checkStateVector(Y.encodeStateVector(base))).toBeNull();
    expect(checkStateVector(new Uint8Array([0]))).toBeNull();
    expect(checkStateVector(new Uint8Array([1, 5]))).toBe("truncated");
    expect(checkStateVector(new Uint8Array([0, 0]))).toBe("trailing bytes");
  });
});

describe("honest updates pass", () => {
  test("every content kind, deletions, formatting, nested types, GC'd state, merged updates with skips, pending", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const updates: Uint8Array[] = [];
    a.on("update", (u: Uint8Array) => updates.push(u));
    const text = a.getText("t");
    text.insert(0, "héllo 👋 wereld", { bold: true });
    text.insertEmbed(3, { image: "x.png" });
    text.format(1, 4, { italic: true });
    text.delete(2, 5);
    const map = a.getMap("m");
    map.set("n", 1);
    map.set("b", new Uint8Array([1, 2, 3]));
    map.set("o", { deep: [1, { x: null }], big: 2 ** 40 });
    map.set("nested", new Y.Map());
    map.set("n", 2);
    a.getArray("arr").insert(0, [1, "twee", true, null]);
    const x = new Y.XmlElement("heading");
    x.setAttribute("level", "2");
    x.insert(0, [new Y.XmlText("titel")]);
    a.getXmlFragment("default").insert(0, [x, new Y.XmlElement("paragraph")]);
    a.getXmlFragment("default").delete(1, 1);
    for (const u of updates) {
      expect(checkUpdate(u)).toBeNull();
      Y.applyUpdate(b, u);
    }
    expect(checkUpdate(Y.encodeStateAsUpdate(a))).toBeNull();
    expect(checkUpdate(Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))).toBeNull();
    // Merged updates with a gap (contain a Skip struct), and a diff.
    const merged = Y.mergeUpdates([updates[0]!, updates[updates.length - 1]!]);
    expect(checkUpdate(merged)).toBeNull();
    expect(checkUpdate(Y.diffUpdate(Y.encodeStateAsUpdate(a), Y.encodeStateVector(baseDoc())))).toBeNull();
    // A document holding pending structs encodes them in its state; that passes and applies as usual.
    const pendingHolder = new Y.Doc();
    Y.applyUpdate(pendingHolder, updates[1]!); // the embed, placed after text it lacks
    expect(pendingHolder.store.pendingStructs).not.toBeNull();
    const withPending = Y.encodeStateAsUpdate(pendingHolder);
    expect(checkUpdate(withPending)).toBeNull();
    expect(appliesWhole(baseDoc(), withPending)).toEqual({ ok: true });
  });
});

describe("the class: whatever passes applies whole and encodes again", () => {
  test("seeded mutations of honest updates (seed printed)", () => {
    const seed = 20240611;
    console.log(`updateCheck mutation seed ${seed}`);
    const gen = prng.create(seed);
    const base = baseDoc();
    const author = new Y.Doc();
    author.clientID = 2;
    Y.applyUpdate(author, Y.encodeStateAsUpdate(base));
    const honest: Uint8Array[] = [];
    author.on("update", (u: Uint8Array) => honest.push(u));
    author.getText("t").insert(3, "xyz");
    author.getText("t").delete(0, 2);
    author.getMap("m").set("k", "nieuw");
    author.getMap("m").set("a", [1, 2]);
    author.getXmlFragment("default").insert(1, [new Y.XmlElement("paragraph")]);
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 4000; i++) {
      const u = prng.oneOf(gen, honest).slice();
      const mutations = prng.int32(gen, 1, 3);
      let m: Uint8Array = u;
      for (let j = 0; j < mutations; j++) {
        const kind = prng.int32(gen, 0, 3);
        const at = prng.int32(gen, 0, Math.max(0, m.length - 1));
        if (kind === 0)
          m[at] = prng.uint32(gen, 0, 255); // change a byte
        else if (kind === 1)
          m[at] = [0, 1, 127, 128, 255][prng.int32(gen, 0, 4)]!; // edge values
        else if (kind === 2)
          m = new Uint8Array([...m.subarray(0, at), ...m.subarray(at + 1)]); // drop a byte
        else m = new Uint8Array([...m.subarray(0, at), prng.uint32(gen, 0, 255), ...m.subarray(at)]); // insert one
      }
      if (checkUpdate(m) !== null) {
        refused++;
        continue;
      }
      accepted++;
      const result = appliesWhole(base, m);
      expect(result, `mutation ${i}: ${Buffer.from(m).toString("hex")}`).toEqual({ ok: true });
    }
    // Both sides of the check were exercised.
    expect(accepted).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  });
});

describe("repairUpdate (stored data from before the check)", () => {
  test("drops zero-length structs and deletes, keeps the rest; undecodable bytes are not repaired", () => {
    const poisoned = update(
      4242,
      0,
      [gc(0), rootItem(4, "t", str("ok"))],
      [
        [1, 0, 0],
        [1, 0, 2],
      ],
    );
    expect(checkUpdate(poisoned)).toBe("zero-length struct");
    const repaired = repairUpdate(poisoned)!;
    expect(checkUpdate(repaired)).toBeNull();
    const doc = baseDoc();
    Y.applyUpdate(doc, repaired);
    // "ok" (no neighbours: placed by client id, after client 1's text); client 1's clocks 0–1
    // ("ha" of "ha wereld") deleted.
    expect(doc.getText("t").toJSON()).toBe(" wereldok");
    expect(repairUpdate(new Uint8Array([1, 1]))).toBeNull();
  });
});
