/**
 * Child process for the kill -9 test (syncCrash.test.ts): the real server on a given libSQL
 * file, port 0. Loads its modules first and prints `ready`; opens the database and listens only
 * when a line arrives on stdin, then prints `{"port":N}`. The test keeps the next child waiting
 * in standby, so a restart after SIGKILL does not pay for loading the modules again.
 *   node --import tsx server/sync/crashTestServer.ts file:/tmp/x/test.db
 */
export {};

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error("usage: crashTestServer.ts <databaseUrl>");
const { startServer } = await import("../server.ts");
process.stdout.write("ready\n");
const go = async () => {
  const running = await startServer({ port: 0, host: "127.0.0.1", databaseUrl, demo: true });
  process.stdout.write(`${JSON.stringify({ port: running.port })}\n`);
};
// A failed start rejects unhandled and so ends the child; the test then reports its stderr.
process.stdin.once("data", () => void go());
