import { z } from "zod";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "../domain/notifications.ts";
import { Id } from "./common.ts";

/** One notice in the inbox. */
export const NotificationView = z.object({
  id: z.string(),
  workspaceId: z.string(),
  tafelName: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  /** Why you get it, one or two sentences. */
  reason: z.string(),
  /** In-app path to the thing, e.g. "/tafels/…/punten/…". */
  path: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const InboxView = z.object({
  notifications: z.array(NotificationView),
  unread: z.number().int(),
});
export type InboxView = z.infer<typeof InboxView>;

export const UnreadCountView = z.object({ unread: z.number().int() });
export type UnreadCountView = z.infer<typeof UnreadCountView>;

export const InboxQuery = z.object({ workspaceId: Id.optional() });

export const MarkReadInput = z
  .object({
    /** These notices; or, with `all`, every unread one (of `workspaceId` when given). */
    ids: z.array(Id).max(500).optional(),
    all: z.literal(true).optional(),
    workspaceId: Id.optional(),
  })
  .refine((v) => (v.ids?.length ?? 0) > 0 || v.all === true, {
    message: "Geef aan welke meldingen gelezen zijn.",
    path: ["ids"],
  });
export type MarkReadInput = z.infer<typeof MarkReadInput>;

export const NotificationPreferenceView = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  label: z.string(),
  description: z.string(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  channelLabel: z.string(),
  defaultChannel: z.enum(NOTIFICATION_CHANNELS),
});
export type NotificationPreferenceView = z.infer<typeof NotificationPreferenceView>;

export const NotificationPreferencesView = z.object({ preferences: z.array(NotificationPreferenceView) });

export const SetNotificationPreferencesInput = z.object({
  preferences: z
    .array(
      z.object({
        kind: z.enum(NOTIFICATION_KINDS, { message: "Onbekend soort melding" }),
        channel: z.enum(NOTIFICATION_CHANNELS, { message: "Kies geen e-mail, direct of in het dagelijkse overzicht" }),
      }),
    )
    .min(1, "Kies minstens één soort melding")
    .max(NOTIFICATION_KINDS.length * 2),
});
export type SetNotificationPreferencesInput = z.infer<typeof SetNotificationPreferencesInput>;

/** An unsubscribe token from a mail: opaque, URL-safe, bounded. */
export const UnsubscribeToken = z.string().regex(/^[A-Za-z0-9_.-]{10,300}$/, "Deze afmeldlink is niet geldig.");

export const UnsubscribeView = z.object({
  /** What the link stops: "Verzoek om te ondertekenen", or every kind in the daily overview. */
  kinds: z.array(z.object({ kind: z.enum(NOTIFICATION_KINDS), label: z.string() })),
  /** True once done (POST); false when only looked up (GET). */
  done: z.boolean(),
});
export type UnsubscribeView = z.infer<typeof UnsubscribeView>;
