/**
 * Local (IndexedDB) copies of collaborative documents, so edits survive a reload while offline.
 *
 * Copies are kept per user: on a shared computer the next person never loads (and re-sends under
 * their own name) what the previous person typed. Logging out deletes every copy of this browser
 * profile (docs/adr/0001-save-state.md). This file has no Yjs imports so the app shell can use it
 * without loading the editor.
 */

const PREFIX = "oogo-doc:";
/** Names we opened, for browsers without indexedDB.databases(). */
const REGISTRY_KEY = "oogo.localCopies";

export function localCopyName(userId: string, documentName: string): string {
  return `${PREFIX}${userId}:${documentName}`;
}

export function rememberLocalCopy(name: string): void {
  try {
    const names = new Set(readRegistry());
    names.add(name);
    localStorage.setItem(REGISTRY_KEY, JSON.stringify([...names]));
  } catch {
    // Storage disabled: the copy still works, it just cannot be listed for clean-up.
  }
}

function readRegistry(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(REGISTRY_KEY) ?? "[]");
    return Array.isArray(parsed)
      ? parsed.filter((n): n is string => typeof n === "string" && n.startsWith(PREFIX))
      : [];
  } catch {
    return [];
  }
}

/** Open sessions with local edits the server has not yet acknowledged. */
const unsaved = new Map<string, () => boolean>();

/** An open editor registers a probe; the app asks before logging out. */
export function trackUnsaved(documentName: string, probe: () => boolean): () => void {
  unsaved.set(documentName, probe);
  return () => unsaved.delete(documentName);
}

/** True when an open editor holds edits the server has not durably stored. */
export function hasUnsavedLocalChanges(): boolean {
  return [...unsaved.values()].some((probe) => probe());
}

/**
 * Deletes every local document copy. Deletion of a database that an open editor still uses
 * completes once that editor closes (IndexedDB queues it), so callers need not wait.
 */
export async function clearLocalCopies(): Promise<void> {
  const names = new Set(readRegistry());
  try {
    const dbs = (await indexedDB.databases?.()) ?? [];
    for (const db of dbs) if (db.name?.startsWith(PREFIX)) names.add(db.name);
  } catch {
    // databases() unsupported: the registry is all we have.
  }
  for (const name of names) indexedDB.deleteDatabase(name);
  try {
    localStorage.removeItem(REGISTRY_KEY);
  } catch {
    // ignore
  }
}
