import { test, expect } from "vitest";
import { spawn } from "./main.ts";
test("worker", async () => { console.log(process.execArgv); expect(await spawn()).toEqual({ x: 42, hasClient: "function" }); });
