/**
 * Request and response shapes of the overeenstemmingspunten API, used by the Hono validators
 * (and so the OpenAPI document) and by the client's forms and typed calls.
 */
import { z } from "zod";
import { POINT_STATUSES } from "../domain/pointStatus.ts";
import { STANCES, REASONING_MAX, reasoningProblem } from "../domain/stances.ts";
import { THEME_KEY_PATTERN } from "../domain/themes.ts";
import { TEXT_HASH_PATTERN } from "../domain/textHash.ts";
import { ROLES } from "../domain/roles.ts";
import { Id } from "./common.ts";
import { freeText } from "./freeText.ts";

export const PointStatusSchema = z.enum(POINT_STATUSES, { message: "Onbekende status" });
export const StanceSchema = z.enum(STANCES, { message: "Kies een geldig standpunt" });
export const ThemeKey = z.string().regex(THEME_KEY_PATTERN, "Ongeldig thema");
export const TextHash = z.string().regex(TEXT_HASH_PATTERN, "Ongeldige teksthash (64 hexadecimale tekens verwacht)");
export const Version = z.number({ message: "Versie moet een getal zijn" }).int().min(1).max(Number.MAX_SAFE_INTEGER);

/** Gemeenten the point concerns. Omitted, null or [] means all gemeenten of the tafel; SWVs are always in scope. */
export const ScopeInput = z
  .array(Id)
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, "Een gemeente staat dubbel in de scope")
  .nullable();
export const TermMonths = z
  .number()
  .int()
  .min(1, "Looptijd minimaal 1 maand")
  .max(120, "Looptijd maximaal 120 maanden")
  .nullable();
const Title = freeText({
  label: "de titel",
  min: 3,
  max: 200,
  tooShort: "Geef een titel van minstens 3 tekens",
  tooLong: "Titel is te lang (maximaal 200 tekens)",
});

export const CreatePointInput = z.object({
  theme: ThemeKey,
  title: Title,
  scope: ScopeInput.optional(),
  termMonths: TermMonths.optional(),
  /** Spiegelparagraaf section this point belongs to; defaults to the theme. */
  sectionKey: ThemeKey.nullable().optional(),
  /** Optional opening text, plain; blank lines separate paragraphs. */
  text: freeText({ label: "de begintekst", max: 20_000, multiline: true, tooLong: "Begintekst is te lang" }).optional(),
});
export type CreatePointInput = z.infer<typeof CreatePointInput>;

export const UpdatePointInput = z
  .object({
    title: Title.optional(),
    scope: ScopeInput.optional(),
    termMonths: TermMonths.optional(),
    sectionKey: ThemeKey.nullable().optional(),
    expectedVersion: Version,
  })
  .refine(
    (v) => v.title !== undefined || v.scope !== undefined || v.termMonths !== undefined || v.sectionKey !== undefined,
    {
      message: "Geef ten minste één wijziging op",
      path: ["title"],
    },
  );
export type UpdatePointInput = z.infer<typeof UpdatePointInput>;

export const RecordStanceInput = z
  .object({
    stance: StanceSchema,
    reasoning: freeText({
      label: "de toelichting",
      max: REASONING_MAX,
      multiline: true,
      tooLong: `Toelichting is te lang (maximaal ${REASONING_MAX} tekens)`,
    }).default(""),
    /** The version the trekker saw; a stale one is refused (409 VERSION_CONFLICT). */
    expectedVersion: Version.optional(),
    /** The text the trekker read; refused with 409 TEXT_CHANGED when the text changed since. */
    textHash: TextHash.optional(),
  })
  .superRefine((v, ctx) => {
    const problem = reasoningProblem(v.stance, v.reasoning);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["reasoning"] });
  });
export type RecordStanceInput = z.infer<typeof RecordStanceInput>;

export const TransitionInput = z.object({
  to: PointStatusSchema,
  reason: freeText({
    label: "de reden",
    min: 3,
    max: 4000,
    multiline: true,
    tooShort: "Geef een reden (minstens 3 tekens)",
    tooLong: "Reden is te lang (maximaal 4000 tekens)",
  }),
  expectedVersion: Version,
  /** The meeting whose decision this is (stored in the event so the dossier can cite it). */
  meetingId: Id.optional(),
});
export type TransitionInput = z.infer<typeof TransitionInput>;

/** "Heropenen": void the signatures on the current text so it can change again. */
export const ReopenInput = z
  .object({
    reason: freeText({
      label: "de reden",
      min: 10,
      max: 2000,
      multiline: true,
      tooShort: "Geef een reden (minstens 10 tekens): de ondertekenaars krijgen die te lezen",
      tooLong: "Reden is te lang (maximaal 2000 tekens)",
    }),
    expectedVersion: Version,
  })
  .strict();
export type ReopenInput = z.infer<typeof ReopenInput>;

export const SignOffInput = z.object({
  textHash: TextHash,
  expectedVersion: Version.optional(),
});
export type SignOffInput = z.infer<typeof SignOffInput>;

export const ListPointsQuery = z.object({
  theme: ThemeKey.optional(),
  status: PointStatusSchema.optional(),
  /** Points whose scope includes this gemeente. */
  gemeente: Id.optional(),
});
export type ListPointsQuery = z.infer<typeof ListPointsQuery>;

// ---------------------------------------------------------------------------------------------
// Views

const PartyKindSchema = z.enum(["swv", "gemeente"]);
export const ScopeView = z.object({
  /** True when the point concerns every gemeente of the tafel. */
  all: z.boolean(),
  /** The gemeenten named in the scope (empty when `all`). */
  gemeenteIds: z.array(z.string()),
});

export const PointSummary = z.object({
  id: z.string(),
  workspaceId: z.string(),
  theme: z.string(),
  title: z.string(),
  status: PointStatusSchema,
  version: z.number(),
  textHash: z.string(),
  scope: ScopeView,
  /** Ids of every party in scope (SWVs and gemeenten), in tafel order. */
  partyIds: z.array(z.string()),
  termMonths: z.number().nullable(),
  sectionKey: z.string().nullable(),
  updatedAt: z.string(),
});
export type PointSummary = z.infer<typeof PointSummary>;

export const PersonRef = z.object({ id: z.string(), name: z.string() });

export const StanceView = z.object({
  partyId: z.string(),
  partyName: z.string(),
  stance: StanceSchema,
  reasoning: z.string(),
  recordedBy: PersonRef,
  recordedAt: z.string(),
  /** The text the stance was given on. */
  textHash: z.string(),
  /** False when the text changed since: the stance then counts as "nog geen standpunt". */
  isCurrent: z.boolean(),
});
export type StanceView = z.infer<typeof StanceView>;

export const SignoffView = z.object({
  id: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  signer: PersonRef,
  signerTitle: z.string().nullable(),
  textHash: z.string(),
  pointVersion: z.number(),
  signedAt: z.string(),
  /** True when the text changed after signing or the point was reopened: the signature stays on record but no longer counts. */
  verouderd: z.boolean(),
  /** When "Heropenen" voided this signature; null otherwise. */
  voidedAt: z.string().nullable(),
});
export type SignoffView = z.infer<typeof SignoffView>;

export const PartyInScopeView = z.object({
  id: z.string(),
  name: z.string(),
  kind: PartyKindSchema,
  /** Stance that counts on the current text. */
  effectiveStance: StanceSchema,
  /** Latest stance on record (possibly on an earlier text), null when none was ever given. */
  stance: StanceView.nullable(),
  /** The valid signature on the current text, if any. */
  signoff: SignoffView.nullable(),
});
export type PartyInScopeView = z.infer<typeof PartyInScopeView>;

export const TransitionOptionView = z.object({
  to: PointStatusSchema,
  label: z.string(),
  action: z.string(),
  ok: z.boolean(),
  reason: z.string().optional(),
});

export const Ability = z.object({ ok: z.boolean(), reason: z.string().optional() });

export const PointDetail = PointSummary.extend({
  /** Name of the point's Yjs document on the sync endpoint (text in the `default` fragment). */
  documentName: z.string(),
  textLocked: z.boolean(),
  createdAt: z.string(),
  parties: z.array(PartyInScopeView),
  /** Latest stance per party in scope (same data as parties[].stance, for convenience). */
  stances: z.array(StanceView),
  /** Every signature ever given on this point, oldest first, with `verouderd`. */
  signoffs: z.array(SignoffView),
  /** Manual steps the caller may take now (`ok`) or holds but cannot take yet (`reason`). */
  transitions: z.array(TransitionOptionView),
  allowedTransitions: z.array(PointStatusSchema),
  /** What the caller can do with this point right now, with the reason when not. */
  abilities: z.object({
    editText: Ability,
    manage: Ability,
    recordStance: Ability,
    signOff: Ability,
    /** "Heropenen": void the valid signatures so the text can change (with a reason). */
    reopen: Ability,
  }),
  /** Why the text cannot be typed into (status or a valid signature), null when it can. */
  textProtection: z.string().nullable(),
  /** What people call the current text: "tekstversie 3" (its place among the point's stored texts). */
  textVersionNumber: z.number(),
});
export type PointDetail = z.infer<typeof PointDetail>;

export const PointEventView = z.object({
  seq: z.number(),
  at: z.string(),
  type: z.string(),
  actor: z.object({
    userId: z.string().nullable(),
    name: z.string(),
    role: z.enum(ROLES).nullable(),
    partyId: z.string().nullable(),
    partyName: z.string().nullable(),
  }),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reasoning: z.string().nullable(),
  textHash: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  /** Hash of this log entry in the tafel's chain. */
  hash: z.string(),
});
export type PointEventView = z.infer<typeof PointEventView>;

export const TextVersionSummary = z.object({ textHash: z.string(), createdAt: z.string() });
export const TextVersionView = TextVersionSummary.extend({ json: z.unknown() });
export type TextVersionView = z.infer<typeof TextVersionView>;

const StatusCounts = z.record(PointStatusSchema, z.number());
const StanceCounts = z.record(StanceSchema, z.number());

/** One call renders the agreement board: themes × status, per party, and the cells' points. */
export const BoardView = z.object({
  statuses: z.array(PointStatusSchema),
  totals: StatusCounts,
  themes: z.array(z.object({ key: z.string(), label: z.string(), total: z.number(), counts: StatusCounts })),
  parties: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: PartyKindSchema,
      /** Points in this party's scope. */
      total: z.number(),
      counts: StatusCounts,
      /** Effective stances of this party on the current texts. */
      stances: StanceCounts,
      /** Points this party validly signed (current text). */
      signed: z.number(),
      /** Points in a signable status that this party has not validly signed yet. */
      awaitingSignature: z.number(),
      /** Status counts per theme for this party's points. */
      themes: z.array(z.object({ key: z.string(), counts: StatusCounts })),
    }),
  ),
  points: z.array(
    z.object({
      id: z.string(),
      theme: z.string(),
      title: z.string(),
      status: PointStatusSchema,
      version: z.number(),
      partyIds: z.array(z.string()),
      perParty: z.array(z.object({ partyId: z.string(), stance: StanceSchema, signed: z.boolean() })),
      /** Signatures that went void because the text changed after signing. */
      verouderdeSignoffs: z.number(),
    }),
  ),
});
export type BoardView = z.infer<typeof BoardView>;

export const ToSignItem = z.object({
  pointId: z.string(),
  title: z.string(),
  theme: z.string(),
  status: PointStatusSchema,
  version: z.number(),
  textHash: z.string(),
  documentName: z.string(),
  partiesInScope: z.number(),
  partiesSigned: z.number(),
  /** The caller's party's earlier signature on another text, so the UI can show what changed. */
  previousSignature: z.object({ textHash: z.string(), signedAt: z.string(), signerName: z.string() }).nullable(),
});
export type ToSignItem = z.infer<typeof ToSignItem>;

/** A message on the live stream: something of this kind changed; refetch it. */
export const LiveChange = z.object({ entity: z.string(), entityId: z.string(), type: z.string() });
export type LiveChange = z.infer<typeof LiveChange>;
