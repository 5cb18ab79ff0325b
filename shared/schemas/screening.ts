/** Request and response shapes of the screening opinions API (issue 14). */
import { z } from "zod";
import { SCREENING_SCORES } from "../domain/screening/scale.ts";
import { freeText } from "./freeText.ts";

/** A version of an imported plan; the import defines it, this side only checks the shape. */
export const PlanVersionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Ongeldige planversie");
export const ScreeningThemeKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, "Ongeldig thema");

const SCORE_MESSAGE = "Kies een score van 0 tot en met 3";

export const SetScreeningOpinionInput = z
  .object({
    score: z
      .number({ message: SCORE_MESSAGE })
      .int(SCORE_MESSAGE)
      .min(0, SCORE_MESSAGE)
      .max(SCREENING_SCORES.length - 1, SCORE_MESSAGE),
    reason: freeText({
      label: "de reden",
      min: 3,
      max: 2000,
      multiline: true,
      tooShort: "Geef een reden (minstens 3 tekens)",
    }),
    /** A passage of the plan that supports the score. */
    quote: freeText({ label: "het citaat", max: 2000, multiline: true }).nullable().optional(),
  })
  .strict();
export type SetScreeningOpinionInput = z.infer<typeof SetScreeningOpinionInput>;

export const ScreeningOpinionView = z.object({
  themeKey: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  score: z.number(),
  reason: z.string(),
  quote: z.string().nullable(),
  setAt: z.string(),
});
export type ScreeningOpinionView = z.infer<typeof ScreeningOpinionView>;
