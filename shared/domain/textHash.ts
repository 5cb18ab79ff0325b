/**
 * Canonical text hash of a document: SHA-256 (hex) of its ProseMirror JSON with object keys
 * sorted at every level. Signatures bind to this hash, so it must be computed the same way
 * everywhere; the server computes it from the durable Yjs state.
 */
import { digest } from "lib0/hash/sha256";
// lib0's UTF-8 encoder (TextEncoder where it exists): shared/ compiles without DOM or node globals.
import { encodeUtf8 } from "lib0/string";

/** JSON with sorted keys and no insignificant whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function sha256Hex(text: string): string {
  const bytes = digest(encodeUtf8(text));
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/** The hash a signature binds to. */
export function textHash(prosemirrorJson: unknown): string {
  return sha256Hex(canonicalJson(prosemirrorJson));
}

/** First 12 hex characters, for display next to a signature. */
export const shortHash = (hash: string) => hash.slice(0, 12);

export const TEXT_HASH_PATTERN = /^[0-9a-f]{64}$/;
