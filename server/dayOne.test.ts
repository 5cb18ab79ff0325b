/**
 * Day one of a real region (issue 11), as it happens on a fresh production install: an empty
 * database, NODE_ENV=production, a real SMTP server on loopback. The operator creates the first
 * applicatiebeheerder with the CLI; the applicatiebeheerder sets a password through the printed
 * link, creates a tafel for a PO-samenwerkingsverband with sixteen gemeenten and a jeugdplan, and
 * appoints a secretaris, whose invitation arrives by mail; the secretaris invites forty people from
 * a CSV; their mails arrive with working links, and one invitee accepts and lands on the tafel.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CBS_GEMEENTEN } from "../shared/data/cbsGemeenten.ts";
import type { MeView } from "../shared/schemas/auth.ts";
import type { BulkInviteResult } from "../shared/schemas/invitations.ts";
import type { CreateTafelResult } from "../shared/schemas/tafel.ts";
import type { WorkspaceSummary, WorkspaceView } from "../shared/schemas/workspace.ts";
import { startServer, type RunningServer } from "./server.ts";
import { json } from "./testing/json.ts";
import { parse, startTestSmtp, type TestSmtp } from "./testing/smtpServer.ts";
import { sixteenGemeenten } from "./testing/tafelPayloads.ts";
import { tempDatabaseUrl } from "./testing/testContext.ts";

const run = promisify(execFile);
const PUBLIC_ORIGIN = "https://oogo.regio.example";
const tmp = tempDatabaseUrl("oogo-day-one-");
let smtp: TestSmtp;
let server: RunningServer;

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startServer({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: tmp.url,
    production: true,
    demo: true,
    publicOrigin: PUBLIC_ORIGIN,
    mail: { smtpUrl: smtp.url, from: "OOGO Werkruimte <oogo@regio.example>" },
  });
});
afterAll(async () => {
  await server.close();
  await smtp.close();
  tmp.cleanup();
});

/** A browser-less client with a cookie jar of one session. */
function client() {
  let cookie = "";
  const call = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const set = res.headers.get("set-cookie");
    const session = set ? /oogo_sessie=([^;]+)/.exec(set) : null;
    if (session) cookie = `oogo_sessie=${session[1]}`;
    return res;
  };
  return { call };
}

const TOKEN = /\/(?:uitnodiging|wachtwoord)#([A-Za-z0-9_-]{20,128})/;

async function mailsTo(address: string) {
  const parsed = await Promise.all(smtp.received.filter((m) => m.to.includes(address)).map(parse));
  return parsed;
}

describe("day one on an empty production install", () => {
  it("seeds no demo in production", async () => {
    const res = await client().call("/api/auth/login", {
      body: { email: "secretaris@demo.oogo.test", password: "oogo-demo" },
    });
    expect(res.status).toBe(401);
  });

  it("goes from the admin CLI to a tafel with sixteen gemeenten, forty invitations by mail and a member who accepted", async () => {
    // 1. The operator creates the first applicatiebeheerder and gets a one-time link.
    const env = { ...process.env, DATABASE_URL: tmp.url, PUBLIC_ORIGIN, NODE_ENV: "production" };
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "scripts/admin.ts", "create", "--email", "anna@regio.example", "--name", "Anna de Vries"],
      { env },
    );
    const adminToken = TOKEN.exec(stdout)?.[1];
    expect(adminToken, stdout).toBeDefined();

    // 2. Anna sets her password through the link and is signed in.
    const anna = client();
    expect(
      (await anna.call("/api/auth/password-link", { body: { token: adminToken, password: "een-sterk-wachtwoord" } }))
        .status,
    ).toBe(200);
    const me = await json<MeView>(await anna.call("/api/me"));
    expect(me.instanceCapabilities).toContain("instance.tafels.create");

    // 3. She creates the tafel: a PO-SWV, sixteen gemeenten, the jeugdplan of one of them; the secretaris is appointed.
    const created = await anna.call("/api/beheer/tafels", { body: sixteenGemeenten() });
    expect(created.status, await created.clone().text()).toBe(201);
    const tafel = await json<CreateTafelResult>(created);
    // She runs no tafel and reads no content.
    expect((await anna.call(`/api/workspaces/${tafel.workspaceId}/points`)).status).toBe(403);

    // 4. The secretaris's invitation arrives by mail; the link works once and lands on the tafel.
    await smtp.waitForCount(2);
    const [samMail] = await mailsTo("sam@swv-drenthe.example");
    expect(samMail?.subject).toContain("OOGO PO Drenthe-Noord 2026–2030");
    const samToken = TOKEN.exec(samMail?.text ?? "")?.[1];
    expect(samToken).toBeDefined();
    const sam = client();
    const accepted = await sam.call("/api/auth/invitation", {
      body: { token: samToken, password: "secretaris-wachtwoord" },
    });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    const view = await json<WorkspaceView>(await sam.call(`/api/workspaces/${tafel.workspaceId}`));
    expect(view.parties.filter((p) => p.kind === "gemeente")).toHaveLength(16);
    expect(view.plans.map((p) => p.kind).sort()).toEqual(["jeugdplan", "ondersteuningsplan"]);
    expect(view.capabilities).toContain("members.manage");

    // 5. The secretaris invites forty people from a CSV: two per gemeente, eight for the SWV.
    const gemeenten = CBS_GEMEENTEN.slice(0, 16);
    const rows = ["naam;e-mail;partij;rol;functie"];
    gemeenten.forEach((g, i) => {
      rows.push(`Ambtenaar ${g.name};ambtenaar${i}@gemeente.example;${g.name};trekker;beleidsadviseur onderwijs`);
      rows.push(`Wethouder ${g.name};wethouder${i}@gemeente.example;${g.code};bestuurder;wethouder onderwijs en jeugd`);
    });
    for (let i = 0; i < 8; i++)
      rows.push(`Medewerker ${i};swv${i}@swv-drenthe.example;Samenwerkingsverband PO Drenthe-Noord;ambtenaar`);
    const bulk = await sam.call(`/api/workspaces/${tafel.workspaceId}/invitations/bulk`, {
      body: { csv: rows.join("\n") },
    });
    expect(bulk.status, await bulk.clone().text()).toBe(201);
    expect((await json<BulkInviteResult>(bulk)).invitations).toHaveLength(40);

    // 6. Forty mails arrive (plus the two appointments), each with a working link.
    await smtp.waitForCount(42);
    const wethouderMail = (await mailsTo("wethouder3@gemeente.example"))[0]!;
    expect(wethouderMail.text).toContain("Bestuurder");
    const links = await Promise.all(
      smtp.received.slice(2).map(async (m) => TOKEN.exec((await parse(m)).text ?? "")?.[1]),
    );
    expect(links.filter(Boolean)).toHaveLength(40);

    // 7. One wethouder accepts, chooses a password, and lands on the tafel in the role and party of the CSV.
    const token = TOKEN.exec(wethouderMail.text ?? "")![1];
    const wethouder = client();
    expect(
      (await wethouder.call("/api/auth/invitation", { body: { token, password: "wethouder-wachtwoord" } })).status,
    ).toBe(200);
    const mine = await json<{ workspaces: WorkspaceSummary[] }>(await wethouder.call("/api/workspaces"));
    expect(mine.workspaces).toMatchObject([
      { id: tafel.workspaceId, role: "bestuurder", party: { name: `Gemeente ${gemeenten[3]!.name}` } },
    ]);
    // The same link does not work twice.
    expect(
      (await client().call("/api/auth/invitation", { body: { token, password: "nog-een-wachtwoord" } })).status,
    ).toBe(404);
  });
});
