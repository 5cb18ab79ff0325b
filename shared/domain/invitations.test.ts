import { describe, expect, it } from "vitest";
import { invitationState, isOpenInvitation, type InvitationFacts } from "./invitations.ts";

const now = new Date("2026-03-02T09:00:00Z");
const open: InvitationFacts = {
  expiresAt: "2026-03-16T09:00:00Z",
  acceptedAt: null,
  withdrawnAt: null,
  openedAt: null,
};

describe("the state of an invitation", () => {
  it("follows its mail while nobody opened the link", () => {
    expect(invitationState(open, "wachtrij", now)).toBe("wordt_verstuurd");
    expect(invitationState(open, "verzenden", now)).toBe("wordt_verstuurd");
    expect(invitationState(open, "verstuurd", now)).toBe("verstuurd");
    expect(invitationState(open, "mislukt_opnieuw", now)).toBe("niet_verstuurd");
    expect(invitationState(open, "niet_verstuurd", now)).toBe("niet_verstuurd");
    expect(invitationState(open, null, now)).toBe("niet_verstuurd");
  });

  it("is geopend once the link was opened, whatever the outbox says", () => {
    for (const mail of ["wachtrij", "verstuurd", "niet_verstuurd", null] as const) {
      expect(invitationState({ ...open, openedAt: "2026-03-02T08:00:00Z" }, mail, now)).toBe("geopend");
    }
  });

  it("ends as aangenomen, ingetrokken or verlopen; withdrawn wins, then accepted, then expiry", () => {
    expect(invitationState({ ...open, acceptedAt: "x" }, "verstuurd", now)).toBe("aangenomen");
    expect(invitationState({ ...open, withdrawnAt: "x" }, "verstuurd", now)).toBe("ingetrokken");
    expect(invitationState({ ...open, expiresAt: now.toISOString() }, "verstuurd", now)).toBe("verlopen");
    expect(invitationState({ ...open, expiresAt: "2026-03-01T00:00:00Z", openedAt: "x" }, "verstuurd", now)).toBe(
      "verlopen",
    );
    expect(invitationState({ ...open, expiresAt: "2026-03-01T00:00:00Z", acceptedAt: "x" }, null, now)).toBe(
      "aangenomen",
    );
  });

  it("is open to resend or withdraw until accepted or withdrawn", () => {
    expect(
      ["wordt_verstuurd", "verstuurd", "niet_verstuurd", "geopend", "verlopen"].every((s) =>
        isOpenInvitation(s as never),
      ),
    ).toBe(true);
    expect(isOpenInvitation("aangenomen")).toBe(false);
    expect(isOpenInvitation("ingetrokken")).toBe(false);
  });
});
