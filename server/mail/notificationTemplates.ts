/**
 * Notification mails: one notice at once, or the daily overview. Each says what waits, why this
 * person gets it, links straight to the thing, and ends with an unsubscribe link for that kind
 * (the overview: for the kinds it carries). Dutch, plain text and accessible HTML.
 */
import { assertHttpLink, button, escapeHtml as h, oneLine, page, type RenderedMail } from "./templates.ts";

export interface NoticeForMail {
  title: string;
  reason: string;
  /** Absolute link to the thing in the app. */
  link: string;
  kindLabel: string;
  tafelName: string;
}

const FOOTER_TEXT = "Deze e-mail is automatisch verstuurd door OOGO Werkruimte. U kunt er niet op antwoorden.";

export function notificationMail(input: {
  recipientName: string;
  notice: NoticeForMail;
  unsubscribeLink: string;
  settingsLink: string;
}): RenderedMail {
  const n = input.notice;
  const link = assertHttpLink(n.link);
  const unsubscribe = assertHttpLink(input.unsubscribeLink);
  const settings = assertHttpLink(input.settingsLink);
  const title = oneLine(n.title);
  const tafel = oneLine(n.tafelName);
  const subject = `${title} — ${tafel}`.slice(0, 300);
  const greeting = `Beste ${oneLine(input.recipientName)},`;
  const text = [
    greeting,
    "",
    `${title}`,
    `OOGO-tafel: ${tafel}`,
    "",
    `Waarom u dit krijgt: ${n.reason}`,
    "",
    "Direct naar het punt:",
    link,
    "",
    `U krijgt deze e-mail omdat u e-mail wilt bij: ${n.kindLabel}.`,
    `Geen e-mail meer hierover: ${unsubscribe}`,
    `Al uw keuzes: ${settings}`,
    "",
    "-- ",
    FOOTER_TEXT,
    "",
  ].join("\n");
  const html = page(
    subject,
    `<h1 style="font-size:22px">${h(title)}</h1>
<p>${h(greeting)}</p>
<p>OOGO-tafel: <strong>${h(tafel)}</strong></p>
<p><strong>Waarom u dit krijgt:</strong> ${h(n.reason)}</p>
${button(link, "Direct naar de werkruimte")}
<p style="color:#4a4a4a;font-size:14px">U krijgt deze e-mail omdat u e-mail wilt bij: ${h(n.kindLabel)}.
<a href="${h(unsubscribe)}">Geen e-mail meer hierover</a> · <a href="${h(settings)}">Al uw keuzes voor meldingen</a></p>`,
  );
  return { subject, text, html };
}

export function digestMail(input: {
  recipientName: string;
  /** Notices grouped per tafel, in order. */
  groups: Array<{ tafelName: string; notices: NoticeForMail[] }>;
  unsubscribeLink: string;
  settingsLink: string;
  dateLabel: string;
}): RenderedMail {
  const unsubscribe = assertHttpLink(input.unsubscribeLink);
  const settings = assertHttpLink(input.settingsLink);
  const count = input.groups.reduce((n, g) => n + g.notices.length, 0);
  const subject = `Dagelijks overzicht OOGO Werkruimte, ${oneLine(input.dateLabel)}: ${count} ${count === 1 ? "melding" : "meldingen"}`;
  const greeting = `Beste ${oneLine(input.recipientName)},`;
  const lines = [greeting, "", `Dit wacht op u in OOGO Werkruimte (${count}):`, ""];
  let body = `<h1 style="font-size:22px">Dagelijks overzicht</h1>\n<p>${h(greeting)}</p>\n<p>Dit wacht op u in OOGO Werkruimte (${count}):</p>\n`;
  for (const group of input.groups) {
    const tafel = oneLine(group.tafelName);
    lines.push(`OOGO-tafel ${tafel}`);
    body += `<h2 style="font-size:18px">OOGO-tafel ${h(tafel)}</h2>\n<ul>\n`;
    for (const n of group.notices) {
      const link = assertHttpLink(n.link);
      lines.push(`- ${oneLine(n.title)}`, `  Waarom: ${n.reason}`, `  ${link}`);
      body += `<li style="margin-bottom:12px"><a href="${h(link)}">${h(oneLine(n.title))}</a><br>${h(n.kindLabel)}. Waarom u dit krijgt: ${h(n.reason)}</li>\n`;
    }
    lines.push("");
    body += "</ul>\n";
  }
  lines.push(
    "U krijgt dit overzicht omdat u deze soorten meldingen in het dagelijkse overzicht wilt.",
    `Geen dagelijks overzicht meer: ${unsubscribe}`,
    `Al uw keuzes: ${settings}`,
    "",
    "-- ",
    FOOTER_TEXT,
    "",
  );
  body += `<p style="color:#4a4a4a;font-size:14px">U krijgt dit overzicht omdat u deze soorten meldingen in het dagelijkse overzicht wilt.
<a href="${h(unsubscribe)}">Geen dagelijks overzicht meer</a> · <a href="${h(settings)}">Al uw keuzes voor meldingen</a></p>`;
  return { subject, text: lines.join("\n"), html: page(subject, body) };
}
