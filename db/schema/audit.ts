import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * The append-only, hash-chained log of a tafel. Each event's `hash` is the SHA-256 of its
 * canonical content including `prevHash`, the hash of the previous event of the same tafel
 * (or 64 zeros for the first). Database triggers refuse UPDATE and DELETE on this table
 * (see db/migrations), and GET /api/workspaces/:id/log/verify recomputes the chain.
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: text("workspace_id").notNull(),
    /** 1, 2, 3 … within the tafel. */
    seq: integer("seq").notNull(),
    at: text("at").notNull(),
    type: text("type").notNull(),
    actorUserId: text("actor_user_id"),
    actorName: text("actor_name").notNull(),
    actorRole: text("actor_role"),
    actorPartyId: text("actor_party_id"),
    actorPartyName: text("actor_party_name"),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    reasoning: text("reasoning"),
    textHash: text("text_hash"),
    /** Extra, event-specific data as canonical JSON. */
    data: text("data").notNull().default("{}"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    uniqueIndex("audit_ws_seq_uq").on(t.workspaceId, t.seq),
    index("audit_entity_idx").on(t.entityType, t.entityId),
  ],
);
