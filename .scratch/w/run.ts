import { spawn } from "./main.ts";
spawn().then((m) => console.log("ok", m, process.execArgv), (e) => console.error("fail", e));
