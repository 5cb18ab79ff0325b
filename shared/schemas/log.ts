/** The log verify endpoint: a kept head to check against, and the verdict. */
import { z } from "zod";
import { parseLogHead } from "../domain/logWitness.ts";

export const LogVerifyQuery = z
  .object({
    /** Number of events when the head was kept (the N of "L-N-…"). */
    count: z
      .string()
      .regex(
        /^(0|[1-9][0-9]{0,8})$/,
        "Het aantal gebeurtenissen moet een geheel getal zijn (0 of meer, zonder voorloopnullen)",
      )
      .optional(),
    /** The kept head: the 16 hex digits of a logboekkenmerk (hyphens allowed) or the full 64-digit hash. */
    head: z
      .string()
      .max(100, "De hash is te lang")
      .refine(
        (v) => parseLogHead(v) !== null,
        "Geef de 16 tekens van het kenmerk (0–9, A–F) of de volledige hash van 64 tekens",
      )
      .optional(),
  })
  .superRefine((q, ctx) => {
    // A head means nothing without the event it belongs to, and the other way round.
    if ((q.count === undefined) !== (q.head === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [q.count === undefined ? "count" : "head"],
        message: "Geef zowel het aantal gebeurtenissen (count) als de hash (head) van het bewaarde kenmerk",
      });
    }
  });
export type LogVerifyQuery = z.infer<typeof LogVerifyQuery>;

const ChainProblemView = z.enum(["hash_mismatch", "broken_link", "out_of_sequence"]);

export const LogVerdictView = z.object({
  valid: z.boolean(),
  events: z.number(),
  /** seq of the first broken event (kept for older clients; equals breaks[0].seq). */
  firstBrokenAt: z.number().nullable(),
  /** Every event whose hash, link to the previous event or number does not hold. */
  breaks: z.array(
    z.object({
      seq: z.number(),
      id: z.number().optional(),
      type: z.string(),
      at: z.string(),
      problems: z.array(ChainProblemView),
    }),
  ),
  headHash: z.string(),
  headAt: z.string().nullable(),
  /** The head as a logboekkenmerk, e.g. "L-1234-9F3A-2C7B-01D4-E5A6". */
  kenmerk: z.string(),
  witness: z
    .object({
      count: z.number(),
      head: z.string(),
      /** Time of event `count` in the current log; null when the log has no such event. */
      at: z.string().nullable(),
      extends: z.boolean(),
      problem: z.enum(["fewer_events", "hash_differs", "chain_broken"]).nullable(),
    })
    .optional(),
});
export type LogVerdictView = z.infer<typeof LogVerdictView>;
