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

// ---- The stored screening of a plan version (GET /workspaces/{id}/screening/{planVersionId}) ----

const Score = z.number().int().min(0).max(3);
export const ScreeningEvidenceView = z.object({
  sectionId: z.string(),
  sectionNumber: z.string(),
  sectionTitle: z.string(),
  quote: z.string(),
  /** The signals of this passage, in Dutch words. */
  signals: z.array(z.string()),
});
export type ScreeningEvidenceView = z.infer<typeof ScreeningEvidenceView>;

export const ScreeningThemeView = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(["theme", "overleg"]),
  score: Score,
  scoreLabel: z.string(),
  reason: z.string(),
  evidence: z.array(ScreeningEvidenceView),
  /** The signals seen, one Dutch sentence per kind. */
  signals: z.array(z.string()),
  perGemeente: z.array(z.object({ gemeente: z.string(), score: Score, scoreLabel: z.string() })),
  opinions: z.array(ScreeningOpinionView),
  /** Two parties set different scores. */
  disagreement: z.boolean(),
  /** The score all parties that gave one agree on. */
  agreed: Score.nullable(),
  offersBespreekpunt: z.boolean(),
  /** The bespreekpunt already made from this theme of this version. */
  bespreekpuntId: z.string().nullable(),
});
export type ScreeningThemeView = z.infer<typeof ScreeningThemeView>;

export const ScreeningMoveView = z.object({
  key: z.string(),
  label: z.string(),
  previousScore: Score.nullable(),
  score: Score,
  evidenceAdded: z.array(ScreeningEvidenceView),
  evidenceRemoved: z.array(ScreeningEvidenceView),
  moved: z.boolean(),
});
export type ScreeningMoveView = z.infer<typeof ScreeningMoveView>;

export const PlanScreeningView = z.object({
  versionId: z.string(),
  versionLabel: z.string(),
  seq: z.number().int(),
  planId: z.string(),
  algorithmVersion: z.number().int(),
  screenedAt: z.string(),
  themes: z.array(ScreeningThemeView),
  previous: z.object({ versionId: z.string(), label: z.string(), seq: z.number().int() }).nullable(),
  /** Per theme, what moved since the previous version; empty for a first version. */
  moves: z.array(ScreeningMoveView),
  /** The caller's party when they may give its opinion (ambtelijk trekker), else null. */
  opinionPartyId: z.string().nullable(),
  canMakeBespreekpunt: z.boolean(),
});
export type PlanScreeningView = z.infer<typeof PlanScreeningView>;
