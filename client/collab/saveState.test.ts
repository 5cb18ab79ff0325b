import { describe, expect, it } from "vitest";
import { deriveSaveState, warnsBeforeUnload, type SaveStateInput } from "./saveState.ts";

const base: SaveStateInput = {
  readOnly: false,
  connected: false,
  everSynced: false,
  attemptFailed: false,
  covered: true,
};

describe("deriveSaveState", () => {
  it("starts as connecting, becomes offline after a failed attempt", () => {
    expect(deriveSaveState(base)).toBe("connecting");
    expect(deriveSaveState({ ...base, connected: true })).toBe("connecting"); // open but not yet synced
    expect(deriveSaveState({ ...base, attemptFailed: true })).toBe("offline");
  });
  it("is saved only when covered, once synced", () => {
    const synced = { ...base, connected: true, everSynced: true };
    expect(deriveSaveState(synced)).toBe("saved");
    expect(deriveSaveState({ ...synced, covered: false })).toBe("unsaved");
  });
  it("a drop after a sync is offline, never connecting", () => {
    expect(deriveSaveState({ ...base, everSynced: true })).toBe("offline");
    expect(deriveSaveState({ ...base, everSynced: true, covered: false })).toBe("offline");
  });
  it("read-only wins", () => {
    expect(deriveSaveState({ ...base, readOnly: true, covered: false })).toBe("readOnly");
  });
  it("warns before unload exactly when editable edits are not covered", () => {
    expect(warnsBeforeUnload({ ...base, covered: false })).toBe(true);
    expect(warnsBeforeUnload({ ...base, covered: true })).toBe(false);
    expect(warnsBeforeUnload({ ...base, covered: false, readOnly: true })).toBe(false);
  });
});
