import { EventEmitter } from "node:events";

/**
 * In-process domain events. Services publish; the sync layer (closing sockets) and the live
 * stream to browsers (SSE) subscribe. Routes never reach into those layers directly.
 */
export interface DomainEvents {
  /** A membership was created, changed or revoked: open sockets of that user at that tafel must re-authorise. */
  "membership.changed": { workspaceId: string; userId: string };
  /** A session ended (logout): its sockets close. */
  "session.ended": { sessionId: string; userId: string };
  /** Something visible at a tafel changed (point status, stance, sign-off, meeting …): clients refresh that entity. */
  "workspace.changed": {
    workspaceId: string;
    entity: string;
    entityId: string;
    type: string;
    /** Only members of this party hear of it (a party's internal note, ADR 0012). */
    partyId?: string;
  };
  /**
   * Whether a document may be written changed for everyone (e.g. a point was put on a formal
   * agenda and its text is locked, or minutes were approved): its sockets re-authorise.
   */
  "document.accessChanged": { docName: string };
  /** New updates of a document were durably stored (fired after the commit). */
  "document.stored": { docName: string };
}

export class EventBus {
  readonly #emitter = new EventEmitter().setMaxListeners(0);
  emit<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
    this.#emitter.emit(name, payload);
  }
  on<K extends keyof DomainEvents>(name: K, listener: (payload: DomainEvents[K]) => void): () => void {
    this.#emitter.on(name, listener);
    return () => this.#emitter.off(name, listener);
  }
}
