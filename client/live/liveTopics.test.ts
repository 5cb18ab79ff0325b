import { describe, expect, it } from "vitest";
import { concerns } from "./liveTopics.ts";

const ev = (entity: string, entityId = "x") => ({ entity, entityId, type: `${entity}.changed` });

describe("concerns (which live events make a resource refetch)", () => {
  it("matches an entity and its dotted sub-entities only", () => {
    expect(concerns(ev("point"), ["point"])).toBe(true);
    expect(concerns(ev("point.stance"), ["point"])).toBe(true);
    expect(concerns(ev("pointer"), ["point"])).toBe(false);
    expect(concerns(ev("meeting"), ["point"])).toBe(false);
    expect(concerns(ev("members"), ["meeting", "members"])).toBe(true);
  });
  it("narrows to one record when the topic names an id, read when the event arrives", () => {
    let id = "p1";
    const topics = [{ entity: "point", id: () => id }];
    expect(concerns(ev("point", "p1"), topics)).toBe(true);
    expect(concerns(ev("point", "p2"), topics)).toBe(false);
    id = "p2";
    expect(concerns(ev("point", "p2"), topics)).toBe(true);
    expect(concerns(ev("meeting", "p2"), topics)).toBe(false);
  });
  it("matches nothing without topics", () => {
    expect(concerns(ev("point"), [])).toBe(false);
  });
});
