/**
 * Login throttling through a real HTTP server: each client binds its own loopback address
 * (127.0.0.x), so the server sees the different addresses of attacker, victim and office.
 */
import { request as httpRequest } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { users } from "../../db/schema/index.ts";
import { recordLoginAttempt } from "../auth/loginThrottle.ts";
import { hashPassword } from "../auth/password.ts";
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE_S,
  deviceCookieSecret,
  signDeviceCookie,
  verifyDeviceCookie,
} from "../auth/deviceCookie.ts";
import { startServer, type RunningServer } from "../server.ts";
import { tempDatabaseUrl } from "../testing/testContext.ts";

const A = "127.0.0.2"; // the attacker's address (and in one test the victim's too)
const B = "127.0.0.3";
const PASSWORD = "juist-wachtwoord";
const VICTIM = "slachtoffer@gemeente.nl";
const COLLEAGUE = "collega@gemeente.nl";

let tmp: ReturnType<typeof tempDatabaseUrl>;
let running: RunningServer;
const ids: Record<string, string> = {};

async function start(options: { secureCookies?: boolean } = {}) {
  running = await startServer({ port: 0, host: "127.0.0.1", databaseUrl: tmp.url, demo: false, ...options });
}

beforeEach(async () => {
  tmp = tempDatabaseUrl();
  await start();
  const passwordHash = await hashPassword(PASSWORD);
  for (const [i, email] of [VICTIM, COLLEAGUE].entries()) {
    ids[email] = `gebruiker-${i}`;
    await running.deps.database.db
      .insert(users)
      .values({ id: ids[email], email, name: email, passwordHash, createdAt: new Date().toISOString() });
  }
});
afterEach(async () => {
  await running.close();
  tmp.cleanup();
});

interface Reply {
  status: number;
  retryAfter: number | null;
  code: string | undefined;
  message: string | undefined;
  setCookies: string[];
}

function login(from: string, email: string, password: string, deviceCookie?: string): Promise<Reply> {
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: running.port,
        path: "/api/auth/login",
        method: "POST",
        localAddress: from,
        agent: false,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          ...(deviceCookie ? { cookie: `${DEVICE_COOKIE}=${deviceCookie}` } : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => {
          const error =
            res.statusCode === 200
              ? undefined
              : (JSON.parse(text) as { error: { code: string; message: string } }).error;
          const retryAfter = res.headers["retry-after"];
          resolve({
            status: res.statusCode!,
            retryAfter: retryAfter === undefined ? null : Number(retryAfter),
            code: error?.code,
            message: error?.message,
            setCookies: res.headers["set-cookie"] ?? [],
          });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const deviceCookieOf = (reply: Reply) => {
  const header = reply.setCookies.find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
  return header ? header.slice(DEVICE_COOKIE.length + 1).split(";")[0]! : undefined;
};

/** The attacker fails five times for the victim from A; the sixth attempt is slowed. */
async function attack(from = A) {
  for (let i = 0; i < 5; i++) expect((await login(from, VICTIM, `gok-${i}`)).status).toBe(401);
  const slowed = await login(from, VICTIM, `gok-5`);
  expect(slowed.status).toBe(429);
  expect(slowed.code).toBe("RATE_LIMITED");
  expect(slowed.message).toMatch(/^Te veel mislukte pogingen\. Probeer het over \d+ seconden opnieuw\.$/);
  expect(slowed.retryAfter).toBeGreaterThan(0);
  expect(slowed.retryAfter).toBeLessThanOrEqual(10);
  return slowed;
}

describe("an attack on one account", () => {
  it("slows the attacker's address for that account, not the victim from another address", async () => {
    await attack();
    // Even the right password waits at the attacker's address: the throttle does not reveal it.
    expect((await login(A, VICTIM, PASSWORD)).status).toBe(429);
    expect((await login(B, VICTIM, PASSWORD)).status).toBe(200);
    expect((await login(A, COLLEAGUE, PASSWORD)).status).toBe(200);
  });

  it("does not stop the victim at the same address when the browser carries a device cookie", async () => {
    const earlier = await login(A, VICTIM, PASSWORD);
    const cookie = deviceCookieOf(earlier);
    expect(cookie).toBeDefined();
    await attack();
    const victim = await login(A, VICTIM, PASSWORD, cookie);
    expect(victim.status).toBe(200);
    // The known device keeps its id; the cookie is re-issued with a fresh date.
    expect(deviceCookieOf(victim)!.split(".")[2]).toBe(cookie!.split(".")[2]);
    expect((await login(A, VICTIM, PASSWORD)).status).toBe(429); // the same address without the cookie
  });

  it("counts a device's own failures, so a stolen device cookie cannot be used to keep guessing", async () => {
    const cookie = deviceCookieOf(await login(B, VICTIM, PASSWORD))!;
    for (let i = 0; i < 5; i++) expect((await login(A, VICTIM, `gok-${i}`, cookie)).status).toBe(401);
    const slowed = await login(A, VICTIM, PASSWORD, cookie);
    expect(slowed.status).toBe(429);
    expect(slowed.retryAfter).toBeGreaterThan(0);
    expect((await login(A, VICTIM, PASSWORD)).status).toBe(429); // dropping the cookie is no way out
    expect((await login(B, VICTIM, PASSWORD)).status).toBe(200);
  });

  it("keeps both the throttle and the trusted devices across a restart", async () => {
    const cookie = deviceCookieOf(await login(A, VICTIM, PASSWORD))!;
    for (let i = 0; i < 5; i++) expect((await login(A, VICTIM, `gok-${i}`)).status).toBe(401);
    await running.close();
    await start();
    expect((await login(A, VICTIM, PASSWORD)).status).toBe(429);
    expect((await login(A, VICTIM, PASSWORD, cookie)).status).toBe(200);
  });
});

describe("device cookies that do not count", () => {
  it.each([
    ["forged with another key", () => signDeviceCookie(Buffer.alloc(32, 1), ids[VICTIM]!, "apparaat", new Date())],
    [
      "tampered",
      async () => {
        const genuine = deviceCookieOf(await login(B, VICTIM, PASSWORD))!;
        return genuine.replace(/\.[^.]+\.(\d+)\./, ".ander-apparaat.$1.");
      },
    ],
    [
      "expired",
      async () => {
        const key = await deviceCookieSecret(running.deps.database, running.deps.config);
        return signDeviceCookie(
          key,
          ids[VICTIM]!,
          "apparaat",
          new Date(Date.now() - (DEVICE_COOKIE_MAX_AGE_S + 60) * 1000),
        );
      },
    ],
    ["issued for another account", async () => deviceCookieOf(await login(A, COLLEAGUE, PASSWORD))!],
    ["garbage", () => "v1.zomaar.iets"],
  ])("ignores one %s: the attempt is throttled as without cookie", async (_name, makeCookie) => {
    const cookie = await makeCookie();
    await attack();
    const reply = await login(A, VICTIM, PASSWORD, cookie);
    expect(reply.status).toBe(429);
    expect(reply.code).toBe("RATE_LIMITED");
  });

  it("does not let a wrong password through with a genuine cookie", async () => {
    const cookie = deviceCookieOf(await login(A, VICTIM, PASSWORD))!;
    const reply = await login(A, VICTIM, "fout", cookie);
    expect(reply.status).toBe(401);
    expect(reply.setCookies).toEqual([]);
  });
});

describe("a shared office address", () => {
  it("does not lock out a person with the right password when many colleagues each mistype a few times", async () => {
    for (let person = 0; person < 15; person++) {
      for (let i = 0; i < 3; i++)
        expect((await login(A, `medewerker${person}@gemeente.nl`, `fout-${i}`)).status).toBe(401);
    }
    expect((await login(A, COLLEAGUE, PASSWORD)).status).toBe(200);
  });

  it("slows a source that sprays many accounts by at most a minute, leaving others and trusted devices alone", async () => {
    const cookie = deviceCookieOf(await login(A, COLLEAGUE, PASSWORD))!;
    // 100 failures for 100 accounts, as a sprayer at A would cause (recorded directly: 100 password checks are slow).
    const now = new Date();
    for (let i = 0; i < 100; i++) {
      await recordLoginAttempt(
        running.deps.database,
        { email: `doelwit${i}@gemeente.nl`, ip: A, deviceId: null },
        false,
        now,
      );
    }
    const slowed = await login(A, VICTIM, PASSWORD);
    expect(slowed.status).toBe(429);
    expect(slowed.retryAfter).toBeGreaterThan(0);
    expect(slowed.retryAfter).toBeLessThanOrEqual(60);
    expect((await login(B, VICTIM, PASSWORD)).status).toBe(200);
    expect((await login(A, COLLEAGUE, PASSWORD, cookie)).status).toBe(200);
  });
});

describe("the device cookie itself", () => {
  it("is httpOnly, SameSite=Lax, limited to the login endpoints, long-lived, and Secure like the session cookie", async () => {
    await running.close();
    await start({ secureCookies: true });
    const reply = await login(B, VICTIM, PASSWORD);
    expect(reply.status).toBe(200);
    const header = reply.setCookies.find((c) => c.startsWith(`${DEVICE_COOKIE}=`))!;
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; Path=\/api\/auth/);
    expect(header).toMatch(new RegExp(`; Max-Age=${DEVICE_COOKIE_MAX_AGE_S}`));
    expect(reply.setCookies.find((c) => c.startsWith("oogo_sessie="))).toMatch(/; Secure/);
  });

  it("is signed with DEVICE_COOKIE_SECRET when that is set", async () => {
    await running.close();
    const configured = "geheim-uit-de-omgeving-van-minstens-32-tekens";
    running = await startServer({
      port: 0,
      host: "127.0.0.1",
      databaseUrl: tmp.url,
      demo: false,
      deviceCookieSecret: configured,
    });
    const cookie = deviceCookieOf(await login(B, VICTIM, PASSWORD))!;
    expect(verifyDeviceCookie(Buffer.from(configured), cookie, ids[VICTIM]!)).not.toBeNull();
  });

  it("refuses to start with a DEVICE_COOKIE_SECRET that is too short", async () => {
    const other = tempDatabaseUrl();
    try {
      await expect(
        startServer({ port: 0, host: "127.0.0.1", databaseUrl: other.url, demo: false, deviceCookieSecret: "kort" }),
      ).rejects.toThrow(/DEVICE_COOKIE_SECRET/);
    } finally {
      other.cleanup();
    }
  });
});
