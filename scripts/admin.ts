/** `npm run admin -- create --email … --name …` — see server/admin/adminCommand.ts. */
import { runAdminCommand } from "../server/admin/adminCommand.ts";

process.exitCode = await runAdminCommand(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
