import { z } from "zod";
import { Id } from "./common.ts";

/** A collaborative document by its sync name (shared/collab/protocol.ts); the verb checks it belongs to the tafel. */
const DocumentName = z.string().max(200, "Onbekend document");

export const SuggestOnlyQuery = z.object({ document: DocumentName });

export const SetSuggestOnlyInput = z.object({
  document: DocumentName,
  userId: Id,
  suggestOnly: z.boolean({ message: "Geef aan of deze persoon alleen mag voorstellen" }),
});

export const SuggestOnlyView = z.object({
  mine: z.boolean(),
  members: z.array(z.object({ userId: z.string(), name: z.string() })),
  canManage: z.boolean(),
  author: z.object({
    userId: z.string(),
    name: z.string(),
    partyId: z.string(),
    partyName: z.string(),
    color: z.string(),
  }),
  /** The server's clock when it answered (ms since epoch): the editor dates suggestions by it (ADR 0016). */
  serverTime: z.number().int(),
});
export type SuggestOnlyView = z.infer<typeof SuggestOnlyView>;

export const DecidedSuggestion = z.object({
  at: z.string(),
  outcome: z.enum(["accepted", "rejected", "withdrawn"]),
  kind: z.string(),
  quote: z.string(),
  authorName: z.string().nullable(),
  authorPartyName: z.string().nullable(),
  deciderName: z.string(),
  deciderPartyName: z.string().nullable(),
});
export type DecidedSuggestion = z.infer<typeof DecidedSuggestion>;
