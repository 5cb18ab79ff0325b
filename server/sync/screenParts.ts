/**
 * Loading and compaction read stored parts through this screen, so data stored before updates
 * were checked on arrival (or damaged otherwise) never makes a document fail forever. Imports
 * nothing from the rest of the server: the writer thread uses it too.
 */
import type { QuarantineEntry } from "./storage.ts";
import { checkUpdate, repairUpdate } from "./updateCheck.ts";

export interface StoredPart {
  /** doc_updates id (log) or up_to_id (snapshot). */
  id: number;
  update: Uint8Array;
}

export interface Screened {
  /** Snapshot (possibly repaired) first, then the accepted log rows in order. */
  parts: Uint8Array[];
  quarantined: QuarantineEntry[];
}

/**
 * Log rows that fail checkUpdate are left out (they came from one message; without them the
 * document is what it was before that message). A faulty snapshot cannot be left out — it holds
 * everything folded into it — so it is repaired (repairUpdate drops only the faulty structs) and
 * the original kept in quarantine. A snapshot that cannot be decoded at all throws: that is
 * damaged storage, not a client's doing, and the load fails as before.
 */
export function screenParts(docName: string, snapshot: StoredPart | null, log: Iterable<StoredPart>): Screened {
  const parts: Uint8Array[] = [];
  const quarantined: QuarantineEntry[] = [];
  if (snapshot) {
    const fault = checkUpdate(snapshot.update);
    if (!fault) parts.push(snapshot.update);
    else {
      const repaired = repairUpdate(snapshot.update);
      if (!repaired) throw new Error(`snapshot of ${docName} cannot be decoded (${fault})`);
      parts.push(repaired);
      quarantined.push({ docName, source: "snapshot", sourceId: snapshot.id, update: snapshot.update, reason: fault });
    }
  }
  for (const row of log) {
    const fault = checkUpdate(row.update);
    if (!fault) parts.push(row.update);
    else quarantined.push({ docName, source: "log", sourceId: row.id, update: row.update, reason: fault });
  }
  return { parts, quarantined };
}
