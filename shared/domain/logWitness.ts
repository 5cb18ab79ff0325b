/**
 * Witnesses of the log. The hash chain proves that no event was changed *in place*; it cannot
 * prove by itself that the newest events were not deleted, or that history was rewritten and
 * the chain recomputed. Anyone who kept the head of the log at some moment — "event N had hash
 * H" — can prove that: the current log must still have event N with hash H.
 *
 * The log kenmerk is that head in a form a person can keep, read out and type:
 *
 *     L-1234-9F3A-2C7B-01D4-E5A6
 *     │ │    └ the first 16 hex digits (64 bits) of the hash of event 1234, in groups of four
 *     │ └ the number of events (the seq of the head event)
 *     └ "Logboek"
 *
 * Hex digits only (0–9, A–F), so no O/0 or I/1 confusion; case and spaces do not matter when
 * typed back. 64 bits make rewriting history so that event N again starts with the same digits
 * infeasible (about 2^64 hash computations); the full 64-digit hash is printed in the dossier
 * for the committee and is accepted wherever a kenmerk is.
 */
import { GENESIS_HASH } from "./auditChain.ts";

export const KENMERK_HEX_DIGITS = 16;
export const MAX_LOG_COUNT = 999_999_999;

/** The kenmerk of the log head "event `count` has hash `hash`". */
export function logKenmerk(count: number, hash: string): string {
  const hex = hash.slice(0, KENMERK_HEX_DIGITS).toUpperCase();
  return `L-${count}-${hex.match(/.{4}/g)!.join("-")}`;
}

/**
 * A head as typed: the 16 hex digits of a kenmerk (with or without its hyphens or spaces) or a
 * full 64-digit hash. Returns it as lower-case hex, or null when it is neither.
 */
export function parseLogHead(text: string): string | null {
  const hex = text.trim().replace(/[\s-]/g, "").toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex)) return null;
  return hex.length === KENMERK_HEX_DIGITS || hex.length === 64 ? hex : null;
}

/** A whole kenmerk as typed ("L-1234-9F3A-2C7B-01D4-E5A6", any case, spaces allowed), or null. */
export function parseLogKenmerk(text: string): { count: number; head: string } | null {
  const m = /^\s*L\s*-\s*(\d{1,9})\s*-\s*([0-9a-f][0-9a-f\s-]*)$/i.exec(text);
  if (!m) return null;
  const head = parseLogHead(m[2]!);
  const count = Number(m[1]);
  if (head === null || (m[1]!.length > 1 && m[1]!.startsWith("0"))) return null;
  return { count, head };
}

/** Whether the stored hash of event N is the head a party kept (kenmerk digits or full hash). */
export const headMatches = (storedHash: string, head: string) =>
  head.length === 64 ? storedHash === head : storedHash.startsWith(head);

export type WitnessProblem =
  /** The log has fewer events than the kept head: events were deleted. */
  | "fewer_events"
  /** Event N has another hash: history up to N was rewritten (or the kenmerk is of another tafel). */
  | "hash_differs"
  /** Event N matches, but the chain itself does not hold (see breaks). */
  | "chain_broken";

export interface WitnessVerdict {
  count: number;
  /** The head as given, lower-case hex (16 or 64 digits). */
  head: string;
  /** Time of event `count` in the current log, when it has one. */
  at: string | null;
  /** True when the current log still contains the kept head and the chain holds. */
  extends: boolean;
  problem: WitnessProblem | null;
}

/** Checks a kept head against the stored events of the log (hash and time by seq). */
export function checkWitness(
  eventsBySeq: ReadonlyMap<number, { hash: string; at: string }>,
  chainValid: boolean,
  kept: { count: number; head: string },
): WitnessVerdict {
  const event = eventsBySeq.get(kept.count);
  const stored = kept.count === 0 ? GENESIS_HASH : event?.hash;
  const base = { count: kept.count, head: kept.head, at: event?.at ?? null };
  if (stored === undefined) return { ...base, extends: false, problem: "fewer_events" };
  if (!headMatches(stored, kept.head)) return { ...base, extends: false, problem: "hash_differs" };
  if (!chainValid) return { ...base, extends: false, problem: "chain_broken" };
  return { ...base, extends: true, problem: null };
}

/** Dutch list of broken events: "gebeurtenis 3" / "gebeurtenissen 3, 7 en 12". */
export function brokenEventsLabel(seqs: readonly number[]): string {
  if (seqs.length <= 1) return `gebeurtenis ${seqs[0] ?? "?"}`;
  return `gebeurtenissen ${seqs.slice(0, -1).join(", ")} en ${seqs.at(-1)}`;
}
