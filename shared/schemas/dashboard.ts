import { z } from "zod";
import { STATUS_GROUPS } from "../domain/pointStatus.ts";

export const WAITING_KINDS = [
  "sign",
  "stance",
  "minutes",
  "step_due",
  "step_late",
  // Open comments aimed at me or my party (issue 13).
  "comment",
] as const;

/** One thing that waits for the person looking. */
export const WaitingItem = z.object({
  kind: z.enum(WAITING_KINDS),
  /** "Ondertekenen", "Standpunt van uw partij", … */
  kindLabel: z.string(),
  title: z.string(),
  /** One line of context: status, date due, how many signed. */
  detail: z.string(),
  path: z.string(),
});
export type WaitingItem = z.infer<typeof WaitingItem>;

export const DashboardView = z.object({
  waiting: z.array(WaitingItem),
  /** For the tabs: points to sign, stances asked of my party, minutes to review, procedure steps due or late. */
  counts: z.object({
    toSign: z.number().int(),
    stance: z.number().int(),
    minutes: z.number().int(),
    steps: z.number().int(),
    /** Open comments aimed at me or my party that wait for my answer. */
    comments: z.number().int(),
    unread: z.number().int(),
  }),
  nextMeeting: z
    .object({
      id: z.string(),
      title: z.string(),
      typeLabel: z.string(),
      startsAt: z.string(),
      place: z.string(),
      path: z.string(),
      agenda: z.array(z.object({ position: z.number().int(), title: z.string() })),
    })
    .nullable(),
  /** The board in one line per theme. */
  themes: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      total: z.number().int(),
      groups: z.record(z.enum(STATUS_GROUPS), z.number().int()),
    }),
  ),
});
export type DashboardView = z.infer<typeof DashboardView>;
