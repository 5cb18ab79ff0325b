/**
 * `npm run bench:tafel`: how long POST /api/beheer/tafels takes for a PO-samenwerkingsverband with
 * sixteen gemeenten, a jeugdplan, an OPR and two appointees — the request the wizard sends.
 * Real app (in process, no network), real libSQL file in a temp folder, one request at a time.
 * Target (issue 11): p99 under 200 ms. `BENCH_N` sets the number of tafels (default 200).
 */
import { createDb, migrateDb } from "../db/client.ts";
import { createApp } from "../server/app.ts";
import type { AppDeps } from "../server/context.ts";
import { EventBus } from "../server/events.ts";
import { SESSION_COOKIE } from "../server/auth/sessions.ts";
import { createApplicatiebeheerder } from "../server/services/accounts/createApplicatiebeheerder.ts";
import { createContext } from "../server/services/serviceContext.ts";
import { tempDatabaseUrl } from "../server/testing/testContext.ts";
import { sixteenGemeenten } from "../server/testing/tafelPayloads.ts";
import { summarize } from "./lib/percentiles.ts";

const N = Number(process.env.BENCH_N ?? 200);
const WARMUP = 10;
const tmp = tempDatabaseUrl("oogo-bench-tafel-");
const database = await createDb(tmp.url);
await migrateDb(database);
const deps: AppDeps = {
  database,
  events: new EventBus(),
  config: { production: false, secureCookies: false, publicOrigin: "http://localhost", sessionTtlHours: 12 },
  documents: {
    readJson: () => Promise.reject(new Error("unused")),
    readState: () => Promise.reject(new Error("unused")),
    write: () => Promise.reject(new Error("unused")),
  },
};
const app = createApp(deps);
const { link } = await createApplicatiebeheerder(createContext(deps), {
  email: "bench@regio.example",
  name: "Bench Beheer",
});
const login = await app.request("/api/auth/password-link", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ token: new URL(link!).hash.slice(1), password: "bench-wachtwoord" }),
});
const cookie = `${SESSION_COOKIE}=${new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(login.headers.get("set-cookie") ?? "")![1]}`;

const times: number[] = [];
for (let i = 0; i < WARMUP + N; i++) {
  const body = JSON.stringify(
    sixteenGemeenten({
      name: `Bench-tafel ${i}`,
      appointees: [
        { role: "beheerder", name: "Bea Beheer", email: `bea${i}@x.example` },
        { role: "secretaris", name: "Sam Secretaris", email: `sam${i}@x.example` },
      ],
    }),
  );
  const start = performance.now();
  const res = await app.request("/api/beheer/tafels", {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body,
  });
  const ms = performance.now() - start;
  if (res.status !== 201) throw new Error(`status ${res.status}: ${await res.text()}`);
  if (i >= WARMUP) times.push(ms);
}
const s = summarize(times);
console.log(`POST /api/beheer/tafels, 16 gemeenten + SWV + OPR, 2 plannen, 4 thema's, 2 uitnodigingen — n=${s.n}`);
console.log(
  `p50 ${s.p50!.toFixed(1)} ms · p99 ${s.p99!.toFixed(1)} ms · max ${s.max!.toFixed(1)} ms · doel p99 < 200 ms: ${s.p99! < 200 ? "gehaald" : "NIET gehaald"}`,
);
database.close();
tmp.cleanup();
