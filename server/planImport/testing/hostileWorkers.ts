/**
 * Stand-ins for a parser gone wrong, run by parseInWorker in tests through `limits.entry`:
 * `?mode=hang` loops forever, `?mode=balloon` allocates until the thread's memory ceiling,
 * `?mode=exit` ends the thread without a word, `?mode=throw` throws outside any handler.
 */
const mode = new URL(import.meta.url).searchParams.get("mode");
if (mode === "hang") for (;;);
if (mode === "balloon") {
  const hoard: number[][] = [];
  for (;;) hoard.push(new Array<number>(1_000_000).fill(hoard.length + 0.5));
}
if (mode === "exit") process.exit(3);
if (mode === "throw") throw new Error("parser exploded");
