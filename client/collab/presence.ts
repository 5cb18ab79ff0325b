import type { AwarenessUser } from "../../shared/collab/protocol.ts";

export interface PresenceEntry {
  clientId: number;
  name: string;
  partyName: string;
  color: string;
  self: boolean;
}

const COLOR = /^#[0-9a-f]{6}$/i;
const text = (v: unknown, max: number) => (typeof v === "string" ? v.trim().slice(0, max) : "");

/** Remote awareness is untrusted input: keep only well-formed users, one entry per person. */
export function presenceFrom(states: Map<number, Record<string, unknown>>, selfId: number): PresenceEntry[] {
  const byPerson = new Map<string, PresenceEntry>();
  for (const [clientId, state] of states) {
    const user = state?.user as Partial<AwarenessUser> | undefined;
    const name = text(user?.name, 80);
    if (!name) continue;
    const entry: PresenceEntry = {
      clientId,
      name,
      partyName: text(user?.partyName, 120),
      color: typeof user?.color === "string" && COLOR.test(user.color) ? user.color : "#3d3d3d",
      self: clientId === selfId,
    };
    const key = `${entry.name}\u0000${entry.partyName}`;
    const seen = byPerson.get(key);
    if (!seen || entry.self) byPerson.set(key, { ...entry, self: entry.self || !!seen?.self });
  }
  return [...byPerson.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, "nl"));
}
