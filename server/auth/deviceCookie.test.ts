import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../../db/client.ts";
import { instanceSecrets } from "../../db/schema/index.ts";
import { createTestDatabase } from "../testing/testContext.ts";
import {
  DEVICE_COOKIE_MAX_AGE_S,
  deviceCookieSecret,
  newDeviceId,
  signDeviceCookie,
  verifyDeviceCookie,
} from "./deviceCookie.ts";

const secret = Buffer.alloc(32, 7);
const T0 = new Date("2030-03-01T09:00:00.000Z");
const days = (n: number) => new Date(T0.getTime() + n * 24 * 3600_000);

describe("signing and verifying", () => {
  const cookie = signDeviceCookie(secret, "gebruiker-1", "apparaat_A", T0);

  it("gives back the device id for the account it was issued to", () => {
    expect(verifyDeviceCookie(secret, cookie, "gebruiker-1", days(1))).toBe("apparaat_A");
    expect(verifyDeviceCookie(secret, cookie, "gebruiker-1", days(179))).toBe("apparaat_A");
  });

  it("ignores a cookie issued for another account", () => {
    expect(verifyDeviceCookie(secret, cookie, "gebruiker-2", days(1))).toBeNull();
  });

  it("ignores a cookie signed with another key (forged)", () => {
    const forged = signDeviceCookie(Buffer.alloc(32, 8), "gebruiker-1", "apparaat_A", T0);
    expect(verifyDeviceCookie(secret, forged, "gebruiker-1", days(1))).toBeNull();
  });

  it.each([
    ["another account", (c: string) => c.replace("gebruiker-1", "gebruiker-2")],
    ["another device", (c: string) => c.replace("apparaat_A", "apparaat_B")],
    ["a later issue date", (c: string) => c.replace(String(T0.getTime()), String(days(170).getTime()))],
    ["a changed signature", (c: string) => c.slice(0, -2) + (c.endsWith("AA") ? "BB" : "AA")],
    ["a truncated signature", (c: string) => c.slice(0, -3)],
    ["another version", (c: string) => c.replace(/^v1/, "v2")],
  ])("ignores a cookie tampered to %s", (_name, tamper) => {
    const tampered = tamper(cookie);
    expect(tampered).not.toBe(cookie);
    expect(verifyDeviceCookie(secret, tampered, "gebruiker-1", days(1))).toBeNull();
    expect(verifyDeviceCookie(secret, tampered, "gebruiker-2", days(1))).toBeNull();
  });

  it("ignores an expired cookie and one issued in the future", () => {
    expect(
      verifyDeviceCookie(secret, cookie, "gebruiker-1", new Date(T0.getTime() + DEVICE_COOKIE_MAX_AGE_S * 1000 + 1)),
    ).toBeNull();
    expect(verifyDeviceCookie(secret, cookie, "gebruiker-1", days(-1))).toBeNull();
  });

  it.each([
    undefined,
    "",
    "zomaar-iets",
    "v1.a.b.c.d",
    "v1.a.b.123.",
    "x".repeat(5000),
    "v1.a.b.1e9.abc",
    "v1.a..1.abc",
  ])("ignores the garbage cookie %j", (value) => expect(verifyDeviceCookie(secret, value, "a", days(1))).toBeNull());

  it("makes a fresh, unguessable device id each time", () => {
    const ids = new Set(Array.from({ length: 100 }, newDeviceId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe("the key", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.cleanup());

  it("is generated once and kept in the database, so a restart keeps devices trusted", async () => {
    const first = await deviceCookieSecret(database, {});
    expect(first.length).toBe(32);
    const cookie = signDeviceCookie(first, "u1", "d1", T0);
    const restarted = await createDb(database.url);
    try {
      const again = await deviceCookieSecret(restarted, {});
      expect(again.equals(first)).toBe(true);
      expect(verifyDeviceCookie(again, cookie, "u1", days(1))).toBe("d1");
      expect(await restarted.db.select().from(instanceSecrets)).toHaveLength(1);
    } finally {
      restarted.close();
    }
  });

  it("comes from DEVICE_COOKIE_SECRET when set, and then nothing is stored", async () => {
    const configured = "een-lang-geheim-van-minstens-32-tekens!";
    expect((await deviceCookieSecret(database, { deviceCookieSecret: configured })).toString("utf8")).toBe(configured);
    expect(await database.db.select().from(instanceSecrets)).toHaveLength(0);
  });

  it("refuses a DEVICE_COOKIE_SECRET that is too short", async () => {
    await expect(deviceCookieSecret(database, { deviceCookieSecret: "kort" })).rejects.toThrow(/minstens 32 tekens/);
  });
});
