import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../../db/client.ts";
import { loginAttempts } from "../../db/schema/index.ts";
import { createTestDatabase } from "../testing/testContext.ts";
import {
  beginLoginAttempt,
  LIMITS,
  recordLoginAttempt,
  retryAfterSeconds,
  waitInWords,
  type AttemptKey,
} from "./loginThrottle.ts";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.cleanup());

const T0 = new Date("2030-03-01T09:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const victimFromA: AttemptKey = { email: "slachtoffer@example.nl", ip: "10.0.0.1", deviceId: null };

async function fail(key: AttemptKey, times: number, start = 0) {
  for (let i = 0; i < times; i++) await recordLoginAttempt(database, key, false, at(start + i));
}
const wait = (key: AttemptKey, now: Date) => retryAfterSeconds(database.db, key, now);

describe("per account and address", () => {
  it("lets the free failures through, then doubles the wait from the latest failure", async () => {
    await fail(victimFromA, LIMITS.account.free - 1);
    expect((await wait(victimFromA, at(10))).seconds).toBe(0);
    await fail(victimFromA, 1, 10); // the free-th failure, at t=10
    expect(await wait(victimFromA, at(10))).toEqual({ seconds: 10, kind: "adres+account" });
    expect((await wait(victimFromA, at(15))).seconds).toBe(5);
    expect((await wait(victimFromA, at(20))).seconds).toBe(0);
    await fail(victimFromA, 1, 20);
    expect((await wait(victimFromA, at(20))).seconds).toBe(20);
    await fail(victimFromA, 1, 40);
    expect((await wait(victimFromA, at(40))).seconds).toBe(40);
  });

  it("caps the wait at 15 minutes however many failures there are", async () => {
    await fail(victimFromA, 40);
    expect((await wait(victimFromA, at(39))).seconds).toBe(LIMITS.account.maxDelayS);
    expect((await wait(victimFromA, at(39 + LIMITS.account.maxDelayS))).seconds).toBe(0);
  });

  it("does not slow the same account from another address, nor another account from the same address", async () => {
    await fail(victimFromA, 20);
    expect((await wait({ ...victimFromA, ip: "10.0.0.2" }, at(20))).seconds).toBe(0);
    expect((await wait({ ...victimFromA, email: "collega@example.nl" }, at(20))).seconds).toBe(0);
  });

  it("starts counting afresh after a success of the same pair, and forgets failures after the window", async () => {
    await fail(victimFromA, 6);
    expect((await wait(victimFromA, at(6))).seconds).toBeGreaterThan(0);
    await recordLoginAttempt(database, victimFromA, true, at(100));
    expect((await wait(victimFromA, at(100))).seconds).toBe(0);

    const other: AttemptKey = { ...victimFromA, email: "ander@example.nl" };
    await fail(other, 6);
    expect((await wait(other, new Date(T0.getTime() + LIMITS.account.windowMs + 10_000))).seconds).toBe(0);
  });
});

describe("per trusted device", () => {
  const device: AttemptKey = { ...victimFromA, deviceId: "apparaat-1" };

  it("ignores failures of the pair for a browser with a device cookie", async () => {
    await fail(victimFromA, 30);
    expect((await wait(victimFromA, at(30))).seconds).toBeGreaterThan(0);
    expect(await wait(device, at(30))).toEqual({ seconds: 0, kind: null });
  });

  it("counts the device's own failures, so a stolen device cookie does not allow guessing", async () => {
    await fail(device, LIMITS.account.free);
    expect(await wait(device, at(LIMITS.account.free))).toEqual({ seconds: 9, kind: "apparaat+account" });
    expect((await wait({ ...device, deviceId: "apparaat-2" }, at(5))).seconds).toBe(0);
    // Taking the cookie away does not give a fresh start: the pair counts the device's failures too.
    expect((await wait(victimFromA, at(5))).seconds).toBe(9);
  });
});

describe("per-address ceiling", () => {
  /** One failure per second, each for another account. */
  const spray = async (ip: string, accounts: number, start = 0) => {
    await database.db.insert(loginAttempts).values(
      Array.from({ length: accounts }, (_, k) => ({
        email: `gebruiker${start + k}@example.nl`,
        ip,
        deviceId: null,
        success: false,
        at: at(start + k).toISOString(),
      })),
    );
  };

  it("slows a source that sprays many accounts, by at most a minute", async () => {
    await spray("10.0.0.9", LIMITS.address.free - 1);
    const fresh: AttemptKey = { email: "nieuw@example.nl", ip: "10.0.0.9", deviceId: null };
    expect((await wait(fresh, at(LIMITS.address.free))).seconds).toBe(0);
    await spray("10.0.0.9", 1, 99);
    expect(await wait(fresh, at(99))).toEqual({ seconds: 10, kind: "adres" });
    await spray("10.0.0.9", 400, 100);
    expect((await wait(fresh, at(499))).seconds).toBe(LIMITS.address.maxDelayS);
    expect((await wait(fresh, at(499 + LIMITS.address.maxDelayS))).seconds).toBe(0);
    // Only that source: the same account elsewhere, and a trusted device at that address, go ahead.
    expect((await wait({ ...fresh, ip: "10.0.0.10" }, at(499))).seconds).toBe(0);
    expect((await wait({ ...fresh, deviceId: "apparaat-1" }, at(499))).seconds).toBe(0);
  });

  it("lets an office of many people who each mistype a few times go on", async () => {
    for (let person = 0; person < 30; person++) {
      await fail({ email: `medewerker${person}@gemeente.nl`, ip: "10.1.1.1", deviceId: null }, 3, person * 3);
    }
    expect((await wait({ email: "medewerker30@gemeente.nl", ip: "10.1.1.1", deviceId: null }, at(90))).seconds).toBe(0);
  });

  it("does not count trusted devices' failures towards the ceiling", async () => {
    for (let i = 0; i < LIMITS.address.free + 5; i++) {
      await recordLoginAttempt(
        database,
        { email: `g${i}@example.nl`, ip: "10.0.0.7", deviceId: `d${i}` },
        false,
        at(i),
      );
    }
    expect((await wait({ email: "x@example.nl", ip: "10.0.0.7", deviceId: null }, at(110))).seconds).toBe(0);
  });
});

describe("recording", () => {
  it("records the attempt before the password check, so parallel guesses share no free slot", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => beginLoginAttempt(database, victimFromA, T0)));
    expect(results.filter((r) => r.attemptId !== null)).toHaveLength(LIMITS.account.free);
    expect(results.filter((r) => r.throttle?.seconds === 10)).toHaveLength(12 - LIMITS.account.free);
  });

  it("keeps the count in the database across a restart", async () => {
    await fail(victimFromA, 6);
    const reopened = await createDb(database.url);
    try {
      expect((await retryAfterSeconds(reopened.db, victimFromA, at(6))).seconds).toBeGreaterThan(0);
    } finally {
      reopened.close();
    }
  });

  it("words the wait for the error message", () => {
    expect(waitInWords(1)).toBe("1 seconde");
    expect(waitInWords(40)).toBe("40 seconden");
    expect(waitInWords(900)).toBe("15 minuten");
  });
});
