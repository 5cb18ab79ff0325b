import type * as Y from "yjs";
import type { Database } from "../db/client.ts";
import type { EventBus } from "./events.ts";
import type { Role } from "../shared/domain/roles.ts";
import type { OrganisationKind } from "../shared/domain/parties.ts";

/** What the app needs from the outside world; tests build their own. */
export interface AppDeps {
  database: Database;
  events: EventBus;
  config: AppConfig;
  /** Reads a document's durable content (used for text hashes and exports); provided by the sync layer. */
  documents: DocumentReader;
  /** Wakes the mail sender after a commit that queued mail (server/mail). Absent → the sender's poll picks it up. */
  mail?: { nudge(): void };
}

export interface AppConfig {
  production: boolean;
  /** Set the Secure flag on the session cookie (true behind HTTPS). */
  secureCookies: boolean;
  /** Public origin used in invitation links, e.g. "https://oogo.example.nl". */
  publicOrigin: string;
  /** Further origins whose pages may use the API and sync: the Vite dev server in `npm run dev` (DEV_ORIGIN). */
  devOrigins?: string[];
  sessionTtlHours: number;
  /** HMAC key for device cookies (DEVICE_COOKIE_SECRET); unset → generated once, kept in the database. */
  deviceCookieSecret?: string;
}

export interface DocumentReader {
  /** The ProseMirror JSON of a document's durable state (an empty doc when it never existed). */
  readJson(docName: string): Promise<unknown>;
  /** The durable Yjs state of a document (null when it never existed); for verbs that work on Yjs positions. */
  readState(docName: string): Promise<Uint8Array | null>;
  /**
   * The one way a verb changes a document: `change` runs on the current state of the live
   * document (loaded by the sync server if needed); the result is checked, broadcast to open
   * editors and stored like a writer's edit. Resolves after the commit, with whether anything
   * changed. Never call it inside `withTransaction` (storage waits for the write lock).
   */
  write(docName: string, change: (doc: Y.Doc) => void): Promise<boolean>;
}

/** The authenticated caller, resolved once per request by server/auth. */
export interface Caller {
  userId: string;
  email: string;
  name: string;
  sessionId: string;
}

/** The caller's membership at one tafel. */
export interface MembershipContext {
  membershipId: string;
  workspaceId: string;
  userId: string;
  role: Role;
  partyId: string | null;
  partyName: string | null;
  partyKind: OrganisationKind | null;
  title: string | null;
  userName: string;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    caller: Caller;
  };
}
