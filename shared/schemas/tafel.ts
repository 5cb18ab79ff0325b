/**
 * Creating and keeping a tafel (ADR 0010): the wizard's one request, and the later changes of
 * details, plans, parties and themes. Shape checks are here; rules across fields (sector and
 * code agree, a plan's owner is of the right kind, no duplicate party, a known CBS code) are in
 * shared/domain/tafels.ts so the wizard and the server say the same thing.
 */
import { z } from "zod";
import {
  OTHER_PARTICIPANT_TYPES,
  PLAN_STATUSES,
  PLAN_TYPES,
  PLAN_YEAR_MAX,
  PLAN_YEAR_MIN,
  SECTORS,
  TAFEL_LEVELS,
} from "../domain/parties.ts";
import { THEME_KEY_PATTERN } from "../domain/themes.ts";
import { Email, Id } from "./common.ts";
import { freeText } from "./freeText.ts";
import { PlanView } from "./workspace.ts";

/** A reference the wizard gives a party before it exists, so a plan can name its owner. */
const Ref = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Ongeldige verwijzing naar een partij");
const Year = z
  .number({ message: "Vul een jaartal in" })
  .int("Vul een jaartal in")
  .min(PLAN_YEAR_MIN, `Vul een jaartal vanaf ${PLAN_YEAR_MIN} in`)
  .max(PLAN_YEAR_MAX, `Vul een jaartal tot en met ${PLAN_YEAR_MAX} in`);
const CoverageNote = freeText({ label: "de toelichting op de dekking", max: 300 }).nullable().optional();
const PartyName = freeText({ label: "de naam", min: 2, max: 160, tooShort: "Vul de naam in" });

export const TafelName = freeText({
  label: "de naam van de tafel",
  min: 3,
  max: 160,
  tooShort: "Vul de naam van de tafel in (minstens 3 tekens)",
});
export const TafelLevel = z.enum(TAFEL_LEVELS, { message: "Kies regionaal of lokaal" });

export const SwvPartyInput = z.object({
  ref: Ref.optional(),
  kind: z.literal("swv"),
  name: PartyName,
  /** "PO 31.02" / "VO 20.01"; "po31.02" is accepted and normalised. */
  swvCode: z.string({ message: "Vul de code van het samenwerkingsverband in" }).max(20, "De code is te lang"),
  sector: z.enum(SECTORS, { message: "Kies po of vo" }),
  coverageNote: CoverageNote,
});
export const GemeentePartyInput = z.object({
  ref: Ref.optional(),
  kind: z.literal("gemeente"),
  /** CBS gemeentecode "GM0014". */
  cbsCode: z.string({ message: "Kies een gemeente" }).max(12, "De gemeentecode is te lang"),
  /** Only for a gemeente that is not in the CBS list (e.g. after a herindeling). */
  name: PartyName.nullable().optional(),
  coverageNote: CoverageNote,
});
export const OtherPartyInput = z.object({
  ref: Ref.optional(),
  kind: z.literal("overig"),
  subtype: z.enum(OTHER_PARTICIPANT_TYPES, { message: "Kies het soort deelnemer" }),
  name: PartyName,
  coverageNote: CoverageNote,
});
export const PartyInput = z.discriminatedUnion("kind", [SwvPartyInput, GemeentePartyInput, OtherPartyInput], {
  message: "Kies samenwerkingsverband, gemeente of andere deelnemer",
});
export type PartyInput = z.infer<typeof PartyInput>;

const PlanFields = {
  kind: z.enum(PLAN_TYPES, { message: "Kies ondersteuningsplan of beleidsplan jeugd" }),
  title: freeText({ label: "de titel van het plan", min: 3, max: 200, tooShort: "Vul de titel van het plan in" }),
  periodStart: Year,
  periodEnd: Year,
  status: z.enum(PLAN_STATUSES, { message: "Kies een status" }).optional(),
  versionLabel: freeText({ label: "de versie", max: 60 }).optional(),
};

/** A plan in the wizard: its owner is one of the parties of the same request, by `ref`. */
export const NewTafelPlanInput = z.object({ ...PlanFields, partyRef: Ref });
export type NewTafelPlanInput = z.infer<typeof NewTafelPlanInput>;

/** A plan added later: its owner is a party of the tafel. */
export const AddPlanInput = z.object({ ...PlanFields, partyId: Id });
export type AddPlanInput = z.infer<typeof AddPlanInput>;

export const UpdatePlanInput = z
  .object({
    title: PlanFields.title.optional(),
    periodStart: Year.optional(),
    periodEnd: Year.optional(),
    status: PlanFields.status,
    versionLabel: PlanFields.versionLabel,
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Er is niets te wijzigen" });
export type UpdatePlanInput = z.infer<typeof UpdatePlanInput>;

const ThemeLabel = freeText({
  label: "de naam van het thema",
  min: 2,
  max: 80,
  tooShort: "Vul de naam van het thema in",
});
const ThemeDescription = freeText({ label: "de omschrijving", max: 300 });

/** A theme in the wizard: a standard key (label optional: the standard one) or a new label. */
export const NewTafelThemeInput = z.object({
  key: z.string().regex(THEME_KEY_PATTERN, "Ongeldige themacode").optional(),
  label: ThemeLabel.optional(),
  description: ThemeDescription.optional(),
});
export type NewTafelThemeInput = z.infer<typeof NewTafelThemeInput>;

export const AddThemeInput = z.object({ label: ThemeLabel, description: ThemeDescription.optional() });
export type AddThemeInput = z.infer<typeof AddThemeInput>;

export const ChangeThemeInput = z
  .object({
    label: ThemeLabel.optional(),
    description: ThemeDescription.optional(),
    /** true archives (the theme disappears from new points and filters), false brings it back. */
    archived: z.boolean({ message: "Kies wel of niet gearchiveerd" }).optional(),
  })
  .refine((v) => v.label !== undefined || v.description !== undefined || v.archived !== undefined, {
    message: "Er is niets te wijzigen",
  });
export type ChangeThemeInput = z.infer<typeof ChangeThemeInput>;

export const ReorderThemesInput = z.object({
  keys: z
    .array(z.string().regex(THEME_KEY_PATTERN, "Ongeldige themacode"), { message: "Geef de volgorde van de thema's" })
    .min(1)
    .max(60),
});
export type ReorderThemesInput = z.infer<typeof ReorderThemesInput>;

/** Whoever runs the new tafel: invited like any member, in this role (ADR 0010). */
export const AppointeeInput = z.object({
  role: z.enum(["beheerder", "secretaris"], { message: "Kies beheerder of secretaris" }),
  name: freeText({ label: "de naam", min: 2, max: 120, tooShort: "Vul een naam in" }),
  email: Email,
  title: freeText({ label: "de functie", max: 120 }).nullable().optional(),
});
export type AppointeeInput = z.infer<typeof AppointeeInput>;

export const CreateTafelInput = z.object({
  name: TafelName,
  level: TafelLevel,
  parentWorkspaceId: Id.nullable().optional(),
  plans: z
    .array(NewTafelPlanInput, { message: "Voeg minstens één plan toe" })
    .min(1, "Voeg minstens één plan toe")
    .max(30, "Hoogstens 30 plannen"),
  parties: z
    .array(PartyInput, { message: "Voeg partijen toe" })
    .min(1, "Voeg minstens één partij toe")
    .max(80, "Hoogstens 80 partijen"),
  themes: z
    .array(NewTafelThemeInput, { message: "Kies thema's" })
    .min(1, "Kies minstens één thema")
    .max(40, "Hoogstens 40 thema's"),
  appointees: z
    .array(AppointeeInput, { message: "Wijs een beheerder of secretaris aan" })
    .min(1, "Wijs minstens een beheerder of een secretaris aan")
    .max(4, "Hoogstens vier mensen tegelijk aanwijzen"),
});
export type CreateTafelInput = z.infer<typeof CreateTafelInput>;

export const AppointmentView = z.object({
  role: z.enum(["beheerder", "secretaris"]),
  name: z.string(),
  email: z.string(),
  /** The invitation; its one-time link went by e-mail to the address (ADR 0005). */
  invitationId: z.string(),
});

export const CreateTafelResult = z.object({ workspaceId: z.string(), appointments: z.array(AppointmentView) });
export type CreateTafelResult = z.infer<typeof CreateTafelResult>;

export const UpdateTafelInput = z
  .object({
    name: TafelName.optional(),
    level: TafelLevel.optional(),
    parentWorkspaceId: Id.nullable().optional(),
  })
  .refine((v) => v.name !== undefined || v.level !== undefined || v.parentWorkspaceId !== undefined, {
    message: "Er is niets te wijzigen",
  });
export type UpdateTafelInput = z.infer<typeof UpdateTafelInput>;

/** Calendar date YYYY-MM-DD. */
const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een datum in als jjjj-mm-dd")
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    "Dit is geen bestaande datum",
  );

export const ChangePartyInput = z
  .object({
    /** From this date the party is "niet meer aan tafel"; null: it takes part again. */
    leftAt: CalendarDate.nullable().optional(),
    coverageNote: CoverageNote,
  })
  .refine((v) => v.leftAt !== undefined || v.coverageNote !== undefined, { message: "Er is niets te wijzigen" });
export type ChangePartyInput = z.infer<typeof ChangePartyInput>;

export const NextPeriodInput = z.object({
  name: TafelName,
  periodStart: Year,
  periodEnd: Year,
});
export type NextPeriodInput = z.infer<typeof NextPeriodInput>;

export const NextPeriodResult = z.object({
  workspaceId: z.string(),
  /** Points that were vastgelegd or in uitvoering, now `herzien` at the new tafel. */
  pointsCarried: z.number(),
  membersCarried: z.number(),
});
export type NextPeriodResult = z.infer<typeof NextPeriodResult>;

/** A tafel as the applicatiebeheerder sees it: no content, no member list — only who runs it. */
export const InstanceTafelView = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(TAFEL_LEVELS),
  plans: z.array(PlanView),
  runBy: z.array(
    z.object({
      name: z.string(),
      role: z.enum(["beheerder", "secretaris"]),
      /** `lid`: has accepted; `uitgenodigd`/`verlopen`: an open invitation. */
      state: z.enum(["lid", "uitgenodigd", "verlopen"]),
    }),
  ),
  createdAt: z.string(),
});
export type InstanceTafelView = z.infer<typeof InstanceTafelView>;
