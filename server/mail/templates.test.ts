import { describe, expect, it } from "vitest";
import { escapeHtml, formatAmsterdam, invitationMail, passwordResetMail } from "./templates.ts";

const base = {
  tafelName: "OOGO ondersteuningsplan 2023–2027",
  inviterName: "Bea Heerder",
  role: "bestuurder" as const,
  partyName: "Gemeente Tynaarlo",
  link: "https://oogo.example.nl/uitnodiging#abc",
  expiresAt: new Date("2026-12-13T09:00:00Z"),
};

describe("invitation mail", () => {
  it("names the tafel, the inviter, the role label and the party, with the link and the expiry in Dutch time", () => {
    const mail = invitationMail(base);
    expect(mail.subject).toBe("Uitnodiging voor de OOGO-tafel OOGO ondersteuningsplan 2023–2027");
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("Bea Heerder nodigt u uit");
      expect(body).toContain("Bestuurder / wethouder");
      expect(body).toContain("Gemeente Tynaarlo");
      expect(body).toContain("https://oogo.example.nl/uitnodiging#abc");
      expect(body).toContain("13 december 2026 om 10:00"); // 09:00 UTC is 10:00 in winter
    }
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    expect(mail.html).not.toMatch(/<img|<script|https?:\/\/(?!oogo\.example\.nl)/);
  });

  it("leaves the party out for a role for the whole tafel, and uses summer time in summer", () => {
    const mail = invitationMail({
      ...base,
      role: "secretaris",
      partyName: null,
      expiresAt: new Date("2026-07-01T08:00:00Z"),
    });
    expect(mail.text).toContain("Uw rol: Secretaris.");
    expect(mail.text).not.toContain("namens");
    expect(mail.text).toContain("1 juli 2026 om 10:00");
  });

  it("escapes every interpolated value in the HTML and keeps headers on one line", () => {
    const mail = invitationMail({
      ...base,
      tafelName: 'Tafel <script>alert("x")</script>\r\nBcc: a@b',
      inviterName: "<b>Mallory</b> & co",
      partyName: `"><img src=x onerror=alert(1)>`,
      recipientName: "<i>Eve</i>",
    });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toContain("<b>Mallory");
    expect(mail.html).not.toContain("<i>Eve");
    expect(mail.html).toContain("&lt;b&gt;Mallory&lt;/b&gt; &amp; co");
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it("refuses a link that is not http(s)", () => {
    expect(() => invitationMail({ ...base, link: "javascript:alert(1)" })).toThrow(/http/);
    expect(() => invitationMail({ ...base, link: "geen link" })).toThrow(/Ongeldige link/);
  });
});

describe("password reset mail", () => {
  it("gives the link and says it is valid for one hour, until a Dutch time", () => {
    const mail = passwordResetMail({
      link: "https://oogo.example.nl/wachtwoord#t",
      expiresAt: new Date("2026-03-02T10:00:00Z"),
    });
    expect(mail.subject).toBe("Wachtwoord opnieuw instellen voor OOGO Werkruimte");
    expect(mail.text).toContain("https://oogo.example.nl/wachtwoord#t");
    expect(mail.text).toContain("één uur geldig, tot 2 maart 2026 om 11:00");
    expect(mail.html).toContain('lang="nl"');
  });
});

it("escapeHtml and formatAmsterdam", () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  expect(formatAmsterdam(new Date("2026-10-25T00:30:00Z"))).toBe("25 oktober 2026 om 02:30");
});
