/**
 * Unsubscribing from a mail, without login: the signed token names the person and the kind (or
 * "digest": every kind they get in the daily overview). Looking it up changes nothing; the POST
 * (the page's button, or a mail client's RFC 8058 one-click) sets those kinds to "never".
 */
import { eq } from "drizzle-orm";
import { users } from "../../../db/schema/index.ts";
import {
  NOTIFICATION_KIND_INFO,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from "../../../shared/domain/notifications.ts";
import type { UnsubscribeView } from "../../../shared/schemas/notifications.ts";
import { ApiError } from "../../http/errors.ts";
import { dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { channelsFor, setChannel } from "./preferences.ts";
import { readUnsubscribeToken } from "./unsubscribeToken.ts";

const invalid = () =>
  new ApiError(
    "VALIDATION_FAILED",
    "Deze afmeldlink is niet geldig. Kopieer de hele link uit de e-mail, of kies uw meldingen onder Mijn account.",
    "token",
  );

async function kindsOf(ctx: ServiceContext, token: string): Promise<{ userId: string; kinds: NotificationKind[] }> {
  const read = await readUnsubscribeToken(ctx.deps, token);
  if (!read) throw invalid();
  if (read.scope !== "digest") return { userId: read.userId, kinds: [read.scope] };
  const channels = (await channelsFor(dbOf(ctx), [read.userId])).get(read.userId)!;
  return { userId: read.userId, kinds: NOTIFICATION_KINDS.filter((k) => channels[k] === "digest") };
}

const view = (kinds: NotificationKind[], done: boolean): UnsubscribeView => ({
  kinds: kinds.map((kind) => ({ kind, label: NOTIFICATION_KIND_INFO[kind].label })),
  done,
});

export async function describeUnsubscribe(ctx: ServiceContext, input: { token: string }): Promise<UnsubscribeView> {
  return view((await kindsOf(ctx, input.token)).kinds, false);
}

export async function unsubscribe(ctx: ServiceContext, input: { token: string }): Promise<UnsubscribeView> {
  const { userId, kinds } = await kindsOf(ctx, input.token);
  await withTransaction(ctx, async (t) => {
    // An account deleted since the mail: nothing left to mail, so nothing to store.
    const [user] = await t.tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user) return;
    for (const kind of kinds) await setChannel(t.tx, userId, kind, "never", nowIso(t));
  });
  return view(kinds, true);
}
