/**
 * The mails this product sends, in Dutch, as plain text and accessible HTML (lang="nl", real
 * text, no images, no external resources). Every interpolated value is escaped in the HTML; the
 * link must be http(s), so a hostile value can never become a `javascript:` link.
 */
import { ROLE_LABELS, type Role } from "../../shared/domain/roles.ts";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface InvitationMailInput {
  tafelName: string;
  inviterName: string;
  role: Role;
  /** The party the new member acts for; null for roles for the tafel as a whole (secretaris, beheerder). */
  partyName: string | null;
  /** The one-time link to choose a password, e.g. https://oogo.example.nl/uitnodiging#<token>. */
  link: string;
  expiresAt: Date;
  /** The invitee's name, for the greeting. */
  recipientName?: string;
}

export interface PasswordResetMailInput {
  link: string;
  expiresAt: Date;
  recipientName?: string;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);

/** Header values must be one line: a newline in a name would otherwise start a new header. */
export const oneLine = (value: string) => value.replace(/[\r\n\t]+/g, " ").trim();

const AMSTERDAM = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  dateStyle: "long",
  timeStyle: "short",
});
/** "13 december 2026 om 10:00", in Dutch local time whatever the server's time zone. */
export const formatAmsterdam = (date: Date) => AMSTERDAM.format(date);

export function assertHttpLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new Error(`Ongeldige link in e-mail: ${link}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`Link in e-mail moet http(s) zijn: ${url.protocol}`);
  return url.href;
}

export function page(title: string, bodyHtml: string): string {
  // Inline styles only: most mail clients drop <style> and never load external CSS.
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<main style="max-width:600px">
${bodyHtml}
<p style="margin-top:32px;color:#4a4a4a;font-size:14px">Deze e-mail is automatisch verstuurd door OOGO Werkruimte. U kunt er niet op antwoorden.</p>
</main>
</body>
</html>
`;
}

export const button = (href: string, label: string) =>
  `<p><a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;background:#0b5394;color:#ffffff;text-decoration:underline;border-radius:4px;font-weight:bold">${escapeHtml(label)}</a></p>
<p>Werkt de knop niet? Kopieer dan deze link in uw browser:<br><span style="word-break:break-all">${escapeHtml(href)}</span></p>`;

export function invitationMail(input: InvitationMailInput): RenderedMail {
  const link = assertHttpLink(input.link);
  const tafel = oneLine(input.tafelName);
  const inviter = oneLine(input.inviterName);
  const role = ROLE_LABELS[input.role];
  const party = input.partyName ? oneLine(input.partyName) : null;
  const expires = formatAmsterdam(input.expiresAt);
  const greeting = input.recipientName ? `Beste ${oneLine(input.recipientName)},` : "Beste deelnemer,";
  const roleSentence = party ? `Uw rol: ${role}, namens ${party}.` : `Uw rol: ${role}.`;

  const subject = `Uitnodiging voor de OOGO-tafel ${tafel}`;
  const text = [
    greeting,
    "",
    `${inviter} nodigt u uit voor de OOGO-tafel "${tafel}" in OOGO Werkruimte.`,
    roleSentence,
    "",
    "Kies via deze link uw wachtwoord om mee te doen:",
    link,
    "",
    `De link werkt één keer en is geldig tot ${expires}.`,
    "Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.",
    "",
    "-- ",
    "Deze e-mail is automatisch verstuurd door OOGO Werkruimte. U kunt er niet op antwoorden.",
    "",
  ].join("\n");

  const h = escapeHtml;
  const html = page(
    subject,
    `<h1 style="font-size:22px">Uitnodiging voor de OOGO-tafel ${h(tafel)}</h1>
<p>${h(greeting)}</p>
<p>${h(inviter)} nodigt u uit voor de OOGO-tafel <strong>${h(tafel)}</strong> in OOGO Werkruimte.</p>
<p>${h(roleSentence)}</p>
${button(link, "Wachtwoord kiezen en meedoen")}
<p>De link werkt één keer en is geldig tot ${h(expires)}.</p>
<p>Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.</p>`,
  );
  return { subject, text, html };
}

export function passwordResetMail(input: PasswordResetMailInput): RenderedMail {
  const link = assertHttpLink(input.link);
  const expires = formatAmsterdam(input.expiresAt);
  const greeting = input.recipientName ? `Beste ${oneLine(input.recipientName)},` : "Beste gebruiker,";
  const subject = "Wachtwoord opnieuw instellen voor OOGO Werkruimte";
  const text = [
    greeting,
    "",
    "Iemand heeft gevraagd om een nieuw wachtwoord voor uw account in OOGO Werkruimte.",
    "Kies via deze link een nieuw wachtwoord:",
    link,
    "",
    `De link werkt één keer en is één uur geldig, tot ${expires}.`,
    "Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft zoals het was.",
    "",
    "-- ",
    "Deze e-mail is automatisch verstuurd door OOGO Werkruimte. U kunt er niet op antwoorden.",
    "",
  ].join("\n");
  const h = escapeHtml;
  const html = page(
    subject,
    `<h1 style="font-size:22px">Wachtwoord opnieuw instellen</h1>
<p>${h(greeting)}</p>
<p>Iemand heeft gevraagd om een nieuw wachtwoord voor uw account in OOGO Werkruimte.</p>
${button(link, "Nieuw wachtwoord kiezen")}
<p>De link werkt één keer en is één uur geldig, tot ${h(expires)}.</p>
<p>Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft zoals het was.</p>`,
  );
  return { subject, text, html };
}

/** A password reset link lives one hour. */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
