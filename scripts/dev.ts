/**
 * `npm run dev`: the API + sync server on API_PORT (3001) with the demo tafel, and Vite with hot
 * reload on 5173 proxying /api and /sync to it. Open http://localhost:5173.
 */
import { spawn } from "node:child_process";

const apiPort = process.env.API_PORT ?? "3001";
const env = { ...process.env, API_PORT: apiPort };
// The page comes from Vite's origin; the API and sync server accept it as a trusted origin
// (server/http/origin.ts). Vite's port: vite.config.ts.
const DEV_ORIGIN = "http://localhost:5173";
const children = [
  spawn(process.execPath, ["--import", "tsx", "--watch", "server/main.ts"], {
    stdio: "inherit",
    env: { ...env, PORT: apiPort, DEV_ORIGIN },
  }),
  spawn(process.execPath, ["node_modules/vite/bin/vite.js"], { stdio: "inherit", env }),
];
const stop = () => children.forEach((c) => c.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children)
  child.on("exit", (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
