import { z } from "zod";
import { COMMENT_LIMITS, COMMENT_VISIBILITIES, THREAD_STATUSES } from "../domain/comments.ts";
import { Id } from "./common.ts";
import { freeText } from "./freeText.ts";

/** An encoded Yjs relative position, base64url. The server decodes it before it stores it. */
const AnchorPosition = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, "Ongeldige plaats in de tekst")
  .max(Math.ceil((COMMENT_LIMITS.anchorBytes * 4) / 3), "Ongeldige plaats in de tekst");

export const CommentAnchor = z.object({ start: AnchorPosition, end: AnchorPosition });

export const MentionsInput = z
  .object({
    userIds: z.array(Id).max(COMMENT_LIMITS.mentions).default([]),
    partyIds: z.array(Id).max(COMMENT_LIMITS.mentions).default([]),
  })
  .default({ userIds: [], partyIds: [] });

const Body = freeText({ label: "de opmerking", max: COMMENT_LIMITS.body, min: 1, multiline: true });

export const CreateThreadInput = z.object({
  /** The collaborative document, by its sync name (shared/collab/protocol.ts). */
  document: z.string().max(200),
  anchor: CommentAnchor,
  quote: freeText({ label: "de geciteerde tekst", max: COMMENT_LIMITS.quote, min: 1, multiline: true }),
  body: Body,
  visibility: z.enum(COMMENT_VISIBILITIES, { message: "Kies wie de opmerking ziet" }).default("alle"),
  mentions: MentionsInput,
});
export type CreateThreadInput = z.input<typeof CreateThreadInput>;

export const ReplyInput = z.object({ body: Body, mentions: MentionsInput });
export type ReplyInput = z.input<typeof ReplyInput>;

export const CommentMessageView = z.object({
  id: z.string(),
  authorName: z.string(),
  authorPartyName: z.string().nullable(),
  body: z.string(),
  mentions: z.object({ userIds: z.array(z.string()), partyIds: z.array(z.string()) }),
  createdAt: z.string(),
});

export const CommentThreadView = z.object({
  id: z.string(),
  document: z.string(),
  visibility: z.enum(COMMENT_VISIBILITIES),
  partyId: z.string().nullable(),
  partyName: z.string().nullable(),
  anchor: CommentAnchor,
  quote: z.string(),
  status: z.enum(THREAD_STATUSES),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  /** A message names the caller or the caller's party. */
  aimedAtMe: z.boolean(),
  messages: z.array(CommentMessageView),
});
export type CommentThreadView = z.infer<typeof CommentThreadView>;
