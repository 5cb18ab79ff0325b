import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_MAIL_FROM, MailConfigError, resolveMailConfig } from "./config.ts";
import { startServer } from "../server.ts";
import { tempDatabaseUrl } from "../testing/testContext.ts";
import { startTestSmtp } from "../testing/smtpServer.ts";
import { createContext } from "../services/serviceContext.ts";
import { enqueueMail } from "./outbox.ts";
import { passwordResetMail } from "./templates.ts";

describe("mail configuration", () => {
  it("outside production, no SMTP_URL means the log; MAIL_FROM has a default", () => {
    expect(resolveMailConfig({}, false)).toEqual({ smtpUrl: undefined, from: DEFAULT_MAIL_FROM });
    expect(resolveMailConfig({ smtpUrl: " ", from: "" }, false)).toEqual({
      smtpUrl: undefined,
      from: DEFAULT_MAIL_FROM,
    });
  });

  it("production without SMTP_URL is refused in Dutch and English", () => {
    expect(() => resolveMailConfig({}, true)).toThrow(MailConfigError);
    expect(() => resolveMailConfig({}, true)).toThrow(/SMTP_URL ontbreekt[\s\S]*SMTP_URL is not set/);
    expect(
      resolveMailConfig({ smtpUrl: "smtps://u:p@mail.example.nl:465", from: "Tafel <t@example.nl>" }, true).from,
    ).toBe("Tafel <t@example.nl>");
  });

  it("refuses an SMTP_URL that is not smtp(s) and a MAIL_FROM that is not an address", () => {
    expect(() => resolveMailConfig({ smtpUrl: "http://mail.example.nl" }, false)).toThrow(/geen geldige smtp/);
    expect(() => resolveMailConfig({ smtpUrl: "niks" }, false)).toThrow(MailConfigError);
    expect(() => resolveMailConfig({ from: "OOGO" }, false)).toThrow(/MAIL_FROM/);
    expect(() => resolveMailConfig({ from: "a@b.nl\r\nBcc: c@d.nl" }, false)).toThrow(/MAIL_FROM/);
  });

  it("server/main.ts in production without SMTP_URL exits with the message and creates no database", () => {
    const tmp = tempDatabaseUrl();
    try {
      const env: Record<string, string | undefined> = {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: tmp.url,
        PORT: "0",
        SMTP_URL: "",
      };
      const result = spawnSync(process.execPath, ["--import", "tsx", "server/main.ts"], {
        env,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("SMTP_URL ontbreekt");
      expect(result.stderr).toContain("SMTP_URL is not set");
      expect(existsSync(join(tmp.dir, "test.db"))).toBe(false);
    } finally {
      tmp.cleanup();
    }
  });
});

describe("startServer runs the sender", () => {
  it("refuses a production start without SMTP_URL", async () => {
    const tmp = tempDatabaseUrl();
    try {
      await expect(startServer({ port: 0, host: "127.0.0.1", databaseUrl: tmp.url, production: true })).rejects.toThrow(
        MailConfigError,
      );
    } finally {
      tmp.cleanup();
    }
  });

  it("sends queued mail through SMTP_URL in the background, and close() stops the sender", async () => {
    const smtp = await startTestSmtp();
    const tmp = tempDatabaseUrl();
    const running = await startServer({
      port: 0,
      host: "127.0.0.1",
      databaseUrl: tmp.url,
      mail: { smtpUrl: smtp.url, from: "Tafel <tafel@example.nl>" },
    });
    try {
      expect(running.mail.transportKind).toBe("smtp");
      const mail = passwordResetMail({ link: `${running.url}/wachtwoord#x`, expiresAt: new Date() });
      // No drain: the after-commit nudge alone must get it out.
      await enqueueMail(createContext(running.deps), {
        ...mail,
        workspaceId: null,
        kind: "password_reset",
        to: "iemand@example.nl",
      });
      await smtp.waitForCount(1);
      expect(smtp.received[0]!.to).toEqual(["iemand@example.nl"]);
      expect(smtp.received[0]!.from).toBe("tafel@example.nl");
    } finally {
      await running.close();
      await smtp.close();
      tmp.cleanup();
    }
  });

  it("without SMTP_URL outside production, uses the log transport", async () => {
    const tmp = tempDatabaseUrl();
    const running = await startServer({ port: 0, host: "127.0.0.1", databaseUrl: tmp.url });
    try {
      expect(running.mail.transportKind).toBe("log");
    } finally {
      await running.close();
      tmp.cleanup();
    }
  });
});
