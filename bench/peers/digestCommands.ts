/**
 * Commands for bench/digest.ts, run inside our server child (bench/peers/ours.ts) so that the
 * daily digest competes with the sync fan-out for the same event loop and core, as in production.
 *
 *   seedDigest {round, tafels, members, noticesEach} → counts   (rows straight into the tables: setup, not measured)
 *   runDigest → {people, notices, composeMs, deliveredMs}  (the server's digest job, then until SMTP accepted every mail)
 */
import { randomUUID } from "node:crypto";
import { memberships, notifications, users, workspaces } from "../../db/schema/index.ts";
import type { startServer } from "../../server/server.ts";

type Server = Awaited<ReturnType<typeof startServer>>;

const DIGEST_KINDS = [
  ["stance_requested", "Standpunt gevraagd: Vervoer op maat", "Uw partij heeft nog geen standpunt gegeven."],
  ["comment_for_me", "Opmerking bij: Thuiszitters", "Iemand richt een opmerking aan uw partij."],
  ["deadline", "Termijn: concept ondersteuningsplan naar de gemeenten", "U bent trekker van deze stap."],
] as const;

export function digestCommands(server: Server) {
  const { db } = server.deps.database;
  return {
    async seedDigest({
      round = 0,
      tafels,
      members,
      noticesEach,
    }: {
      round?: number;
      tafels: number;
      members: number;
      noticesEach: number;
    }) {
      const [demo] = await db.select().from(workspaces).limit(1);
      if (!demo) throw new Error("no demo tafel");
      // Created a day ago: the digest picks up what waited until now.
      const at = new Date(Date.now() - 86_400_000).toISOString();
      const perTafel = Math.ceil(members / tafels);
      for (let w = 0; w < tafels; w++) {
        const workspaceId = `digest-tafel-${round}-${w}`;
        const people = Array.from({ length: Math.min(perTafel, members - w * perTafel) }, (_, i) => ({
          id: `digest-user-${round}-${w}-${i}`,
          email: `lid${round}-${w}-${i}@gemeente${w}.example.nl`,
          name: `Deelnemer ${w}-${i}`,
          createdAt: at,
        }));
        if (people.length === 0) break;
        await db.transaction(async (tx) => {
          await tx
            .insert(workspaces)
            .values({
              ...demo,
              id: workspaceId,
              name: `OOGO-tafel regio ${w + 1} (ronde ${round + 1})`,
              createdAt: at,
            });
          await tx.insert(users).values(people);
          await tx.insert(memberships).values(
            people.map((u) => ({
              id: `m-${u.id}`,
              workspaceId,
              userId: u.id,
              role: "ambtenaar" as const,
              createdAt: at,
              updatedAt: at,
            })),
          );
          await tx.insert(notifications).values(
            people.flatMap((u) =>
              Array.from({ length: noticesEach }, (_, k) => {
                const [kind, title, reason] = DIGEST_KINDS[k % DIGEST_KINDS.length]!;
                return {
                  id: randomUUID(),
                  workspaceId,
                  userId: u.id,
                  kind,
                  dedupeKey: `bench:${u.id}:${k}`,
                  entityType: "point",
                  entityId: `punt-${k}`,
                  title,
                  reason,
                  path: `/tafels/${workspaceId}/punten/punt-${k}`,
                  createdAt: at,
                  channel: "digest" as const,
                };
              }),
            ),
          );
        });
      }
      return { tafels, members, notices: members * noticesEach };
    },

    async runDigest() {
      const t0 = performance.now();
      // As the engine does at 07:00: composed and queued by the server's mail service (its thread).
      const outcome = await server.mail.digest(new Date());
      const composeMs = performance.now() - t0;
      await server.mail.drain();
      return { ...outcome, composeMs, deliveredMs: performance.now() - t0 };
    },
  };
}
