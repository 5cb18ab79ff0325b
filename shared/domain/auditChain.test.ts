import { describe, expect, it } from "vitest";
import { eventHash, GENESIS_HASH, verifyChain, type ChainedEventContent } from "./auditChain.ts";

function chain(n: number) {
  const events: Array<ChainedEventContent & { hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content: ChainedEventContent = {
      workspaceId: "ws1",
      seq,
      at: `2026-01-0${seq}T10:00:00.000Z`,
      type: "point.stance",
      actorUserId: "u1",
      actorName: "Eva",
      actorRole: "trekker",
      actorPartyId: "p1",
      actorPartyName: "SWV",
      entityType: "point",
      entityId: "pt1",
      fromStatus: null,
      toStatus: "akkoord",
      reasoning: `reden ${seq}`,
      textHash: null,
      data: "{}",
      prevHash: prev,
    };
    const hash = eventHash(content);
    events.push({ ...content, hash });
    prev = hash;
  }
  return events;
}

describe("audit hash chain", () => {
  it("accepts an intact chain and reports its head", () => {
    const events = chain(4);
    expect(verifyChain(events)).toEqual({
      valid: true,
      events: 4,
      firstBrokenAt: null,
      breaks: [],
      headHash: events[3]!.hash,
      headAt: events[3]!.at,
    });
  });

  it("accepts an empty log", () => {
    expect(verifyChain([])).toMatchObject({ valid: true, events: 0, headHash: GENESIS_HASH });
  });

  it("finds a rewritten field at the event where it happened", () => {
    const events = chain(5);
    events[2] = { ...events[2]!, reasoning: "herschreven" };
    expect(verifyChain(events)).toMatchObject({ valid: false, firstBrokenAt: 3 });
  });

  it("finds a re-hashed event by the broken link that follows it", () => {
    const events = chain(5);
    const forged = { ...events[1]!, toStatus: "niet_akkoord" };
    events[1] = { ...forged, hash: eventHash(forged) };
    expect(verifyChain(events)).toMatchObject({ valid: false, firstBrokenAt: 3 });
  });

  it("finds a deleted event", () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyChain(events)).toMatchObject({ valid: false, firstBrokenAt: 3 });
  });

  it("lists every broken event, not only the first, with what is wrong", () => {
    const events = chain(9);
    events[1] = { ...events[1]!, reasoning: "herschreven" }; // seq 2: content changed
    const forged = { ...events[4]!, toStatus: "niet_akkoord" };
    events[4] = { ...forged, hash: eventHash(forged) }; // seq 5 re-hashed: seq 6 no longer links
    events.splice(7, 1); // seq 8 deleted: seq 9 is out of sequence and unlinked
    const v = verifyChain(events);
    expect(v.valid).toBe(false);
    expect(v.firstBrokenAt).toBe(2);
    expect(v.breaks).toEqual([
      { seq: 2, type: "point.stance", at: events[1].at, problems: ["hash_mismatch"] },
      { seq: 6, type: "point.stance", at: events[5]!.at, problems: ["broken_link"] },
      { seq: 9, type: "point.stance", at: events[7]!.at, problems: ["out_of_sequence", "broken_link"] },
    ]);
    expect(v.headHash).toBe(events.at(-1)!.hash);
  });

  it("changes the hash when any covered field changes", () => {
    const [e] = chain(1);
    const base = eventHash(e!);
    for (const key of Object.keys(e!) as Array<keyof ChainedEventContent>) {
      if (key === ("hash" as never)) continue;
      const v = e![key];
      const changed = { ...e!, [key]: typeof v === "number" ? v + 1 : `${String(v)}x` };
      expect(eventHash(changed), key).not.toBe(base);
    }
  });
});
