import { z } from "zod";
import { Email } from "./common.ts";
import { freeText } from "./freeText.ts";
import { ROLES, CAPABILITIES, INSTANCE_CAPABILITIES, INSTANCE_ROLES } from "../domain/roles.ts";
import { ORGANISATION_KINDS } from "../domain/parties.ts";

export const LoginInput = z.object({
  email: Email,
  password: z.string().min(1, "Vul uw wachtwoord in").max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

/**
 * Accepting an invitation. `password` only for an address without an account (or whose account
 * never had a password); someone with an account accepts while logged in, without a password.
 */
export const AcceptInvitationInput = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, "Deze uitnodigingslink is ongeldig of onvolledig"),
  password: z.string().min(8, "Kies een wachtwoord van minstens 8 tekens").max(200).optional(),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

export const AcceptInvitationResult = z.object({ ok: z.literal(true), workspaceId: z.string() });
export type AcceptInvitationResult = z.infer<typeof AcceptInvitationResult>;

export const UserView = z.object({ id: z.string(), email: z.string(), name: z.string() });

export const PartyRef = z.object({ id: z.string(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) });

export const MembershipView = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  role: z.enum(ROLES),
  party: PartyRef.nullable(),
  title: z.string().nullable(),
  capabilities: z.array(z.enum(CAPABILITIES)),
});

export const MeView = z.object({
  user: UserView,
  memberships: z.array(MembershipView),
  /** Roles of the instance (not of a tafel), e.g. applicatiebeheerder (ADR 0010). */
  instanceRoles: z.array(z.enum(INSTANCE_ROLES)),
  /** What those roles allow; the client shows the Beheer link for `instance.tafels.list`. */
  instanceCapabilities: z.array(z.enum(INSTANCE_CAPABILITIES)),
});
export type MeView = z.infer<typeof MeView>;

/** Setting a password through a one-time account link (`/wachtwoord#<token>`). */
export const PasswordLinkInput = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, "Deze link is ongeldig of onvolledig"),
  password: z
    .string()
    .min(8, "Kies een wachtwoord van minstens 8 tekens")
    .max(200, "Het wachtwoord is te lang (hoogstens 200 tekens)"),
});
export type PasswordLinkInput = z.infer<typeof PasswordLinkInput>;

/** `npm run admin -- create --email … --name …`: the first applicatiebeheerder (ADR 0010). */
export const CreateAdminInput = z.object({
  email: Email,
  name: freeText({ label: "de naam", min: 2, max: 120, tooShort: "Vul een naam in (minstens 2 tekens)" }),
});
export type CreateAdminInput = z.infer<typeof CreateAdminInput>;

/** "Wachtwoord vergeten": only an address; the answer never says whether it is known. */
export const PasswordResetInput = z.object({ email: Email });
export type PasswordResetInput = z.infer<typeof PasswordResetInput>;

/** The one neutral answer to a reset request, known address or not, throttled or not. */
export const PASSWORD_RESET_ANSWER =
  "Als dit adres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail met een link om een nieuw wachtwoord te kiezen. De link is één uur geldig.";

/** "Mijn account": the person's own details. */
export const AccountView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  functie: z.string().nullable(),
});
export type AccountView = z.infer<typeof AccountView>;

export const UpdateAccountInput = z.object({
  name: freeText({ label: "de naam", min: 2, max: 120, tooShort: "Vul uw naam in (minstens 2 tekens)" }),
  /** Empty clears it. */
  functie: freeText({ label: "de functie", max: 160 }),
});
export type UpdateAccountInput = z.infer<typeof UpdateAccountInput>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Vul uw huidige wachtwoord in").max(200),
  newPassword: z
    .string()
    .min(8, "Kies een nieuw wachtwoord van minstens 8 tekens")
    .max(200, "Het wachtwoord is te lang (hoogstens 200 tekens)"),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
