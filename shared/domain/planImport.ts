/** Rules of the plan import (issue 14) that server and client both read. */
import { can, type Role } from "./roles.ts";

/** Largest plan file accepted: a plan of 80–120 pages with pictures fits easily. */
export const MAX_PLAN_FILE_BYTES = 25 * 1024 * 1024;

/** Formats the import reads, as the file picker offers them (the server judges by content). */
export const PLAN_FILE_ACCEPT =
  ".docx,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * Whether a member may upload a version of a plan. `plan.import` (roles table) is needed; a
 * party role may do it only for its own party's plan, the secretaris (who also manages the
 * tafel's people) for any plan on the tafel.
 */
export function mayImportPlan(member: { role: Role; partyId: string | null }, planOwnerId: string | null): boolean {
  if (!can(member.role, "plan.import")) return false;
  if (can(member.role, "members.manage")) return true;
  return member.partyId !== null && member.partyId === planOwnerId;
}

/** The short kenmerk of a file shown to people: the first 12 hex digits of its SHA-256, in groups of four. */
export function fileKenmerk(sha256: string): string {
  return sha256.slice(0, 12).toUpperCase().match(/.{4}/g)?.join("-") ?? "";
}
