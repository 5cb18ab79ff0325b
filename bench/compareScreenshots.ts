/**
 * `node --import tsx bench/compareScreenshots.ts <before-dir> <after-dir>`: compares the PNGs of
 * the same name in two folders (e.g. WEIGHT_SCREENSHOTS of bench:weight before and after a CSS
 * change) pixel by pixel in Chromium and prints how many pixels differ. Exit code 1 on any
 * difference, so a pruning step that changed how a page looks does not go unnoticed.
 */
import { chromium } from "playwright-core";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error("Gebruik: compareScreenshots.ts <map-voor> <map-na>");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const COMPARE = `async ([a, b]) => {
  const load = async (data) => createImageBitmap(await (await fetch("data:image/png;base64," + data)).blob());
  const ia = await load(a), ib = await load(b);
  if (ia.width !== ib.width || ia.height !== ib.height) return "size " + ia.width + "x" + ia.height + " -> " + ib.width + "x" + ib.height;
  const pixels = (img) => {
    const g = new OffscreenCanvas(img.width, img.height).getContext("2d");
    g.drawImage(img, 0, 0);
    return g.getImageData(0, 0, img.width, img.height).data;
  };
  const pa = pixels(ia), pb = pixels(ib);
  let n = 0, x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  for (let i = 0; i < pa.length; i += 4) {
    if (pa[i] === pb[i] && pa[i + 1] === pb[i + 1] && pa[i + 2] === pb[i + 2]) continue;
    n++;
    const x = (i / 4) % ia.width, y = Math.floor(i / 4 / ia.width);
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return n === 0 ? "same" : n + " pixels differ, within x " + x0 + "–" + x1 + ", y " + y0 + "–" + y1;
}`;
let differs = false;
try {
  const page = await browser.newPage();
  for (const name of readdirSync(before).filter((n) => n.endsWith(".png"))) {
    const a = readFileSync(join(before, name)).toString("base64");
    const b = readFileSync(join(after, name)).toString("base64");
    // A string, not a function: tsx would wrap named functions in a helper the page lacks.
    const result = await page.evaluate<string>(`(${COMPARE})(${JSON.stringify([a, b])})`);
    if (result !== "same") differs = true;
    console.log(`${name.padEnd(32)} ${result}`);
  }
} finally {
  await browser.close();
}
process.exitCode = differs ? 1 : 0;
