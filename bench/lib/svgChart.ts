/**
 * Hand-written SVG: fan-out p99 per observer count, one bar per server, one panel per update
 * rate, logarithmic y axis (the sweep spans sub-millisecond to seconds). Points where a server
 * did not deliver everything get a "!" and the delivered share under the bar.
 */
export interface ChartSeries {
  label: string;
  color: string;
  /** p99 in ms and delivered fraction per (rate, observers); missing → no bar. */
  points: Array<{ rate: number; observers: number; p99Ms: number | null; deliveredFraction: number }>;
}

export interface ChartOptions {
  title: string;
  subtitle: string;
  observerCounts: number[];
  rates: number[];
  /** Horizontal reference lines per rate, e.g. the targets. */
  targets?: Array<{ rate: number; observers: number; ms: number; label: string }>;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function fanoutChart(series: ChartSeries[], opts: ChartOptions): string {
  const panelW = 520;
  const panelH = 300;
  const left = 70;
  const top = 110;
  const gap = 60;
  const width = left + opts.rates.length * panelW + (opts.rates.length - 1) * gap + 30;
  const height = top + panelH + 110;

  const all = series.flatMap((s) => s.points.map((p) => p.p99Ms ?? 0)).filter((v) => v > 0);
  const minMs = 0.1;
  const maxMs = Math.max(10, ...all) * 1.3;
  const decades: number[] = [];
  for (let d = minMs; d <= maxMs * 1.0001; d *= 10) decades.push(d);
  const logMin = Math.log10(minMs);
  const logMax = Math.log10(maxMs);
  const y = (ms: number) => top + panelH - ((Math.log10(Math.max(ms, minMs)) - logMin) / (logMax - logMin)) * panelH;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
  );
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  out.push(`<text x="${left}" y="28" font-size="17" font-weight="600" fill="#1a1a1a">${esc(opts.title)}</text>`);
  out.push(`<text x="${left}" y="48" fill="#555">${esc(opts.subtitle)}</text>`);
  // Legend
  let lx = left;
  for (const s of series) {
    out.push(`<rect x="${lx}" y="58" width="12" height="12" fill="${s.color}"/>`);
    out.push(`<text x="${lx + 17}" y="69" fill="#1a1a1a">${esc(s.label)}</text>`);
    lx += 40 + s.label.length * 7.5;
  }

  opts.rates.forEach((rate, pi) => {
    const x0 = left + pi * (panelW + gap);
    out.push(
      `<text x="${x0 + panelW / 2}" y="${top - 8}" text-anchor="middle" font-weight="600" fill="#1a1a1a">${rate} updates/s</text>`,
    );
    // Grid + y labels
    for (const d of decades) {
      if (d > maxMs * 1.0001) break;
      const yy = y(d);
      out.push(`<line x1="${x0}" x2="${x0 + panelW}" y1="${yy}" y2="${yy}" stroke="#e3e3e3"/>`);
      out.push(
        `<text x="${x0 - 6}" y="${yy + 4}" text-anchor="end" fill="#555">${d >= 1 ? d.toFixed(0) : d.toFixed(1)}</text>`,
      );
    }
    out.push(`<line x1="${x0}" x2="${x0}" y1="${top}" y2="${top + panelH}" stroke="#888"/>`);
    out.push(`<line x1="${x0}" x2="${x0 + panelW}" y1="${top + panelH}" y2="${top + panelH}" stroke="#888"/>`);
    out.push(
      `<text transform="translate(${x0 - 48} ${top + panelH / 2}) rotate(-90)" text-anchor="middle" fill="#1a1a1a">fan-out latency p99 (ms, log scale)</text>`,
    );
    out.push(
      `<text x="${x0 + panelW / 2}" y="${top + panelH + 44}" text-anchor="middle" fill="#1a1a1a">observers of one document</text>`,
    );

    const groupW = panelW / opts.observerCounts.length;
    const barW = Math.min(26, (groupW - 14) / Math.max(1, series.length));
    opts.observerCounts.forEach((obs, gi) => {
      const gx = x0 + gi * groupW + (groupW - barW * series.length) / 2;
      out.push(
        `<text x="${x0 + gi * groupW + groupW / 2}" y="${top + panelH + 18}" text-anchor="middle" fill="#333">${obs.toLocaleString("en-US")}</text>`,
      );
      series.forEach((s, si) => {
        const p = s.points.find((q) => q.rate === rate && q.observers === obs);
        const bx = gx + si * barW;
        if (p?.p99Ms == null) {
          // no point, or no measurement
          out.push(
            `<text x="${bx + barW / 2}" y="${top + panelH - 4}" text-anchor="middle" fill="#999" font-size="10">–</text>`,
          );
          return;
        }
        const yy = y(p.p99Ms);
        out.push(
          `<rect x="${bx + 1}" y="${yy}" width="${barW - 2}" height="${top + panelH - yy}" fill="${s.color}"><title>${esc(`${s.label}: ${obs} observers × ${rate}/s — p99 ${p.p99Ms.toFixed(1)} ms, delivered ${(p.deliveredFraction * 100).toFixed(1)} %`)}</title></rect>`,
        );
        if (p.deliveredFraction < 0.99) {
          out.push(
            `<text x="${bx + barW / 2}" y="${yy - 4}" text-anchor="middle" fill="#b00020" font-weight="700">!</text>`,
          );
          out.push(
            `<text x="${bx + barW / 2}" y="${top + panelH + 30}" text-anchor="middle" fill="#b00020" font-size="9">${Math.round(p.deliveredFraction * 100)}%</text>`,
          );
        }
      });
    });
    for (const t of opts.targets ?? []) {
      if (t.rate !== rate) continue;
      const gi = opts.observerCounts.indexOf(t.observers);
      if (gi < 0) continue;
      const yy = y(t.ms);
      const xa = x0 + gi * groupW + 2;
      out.push(
        `<line x1="${xa}" x2="${xa + groupW - 4}" y1="${yy}" y2="${yy}" stroke="#1a1a1a" stroke-dasharray="4 3" stroke-width="1.5"/>`,
      );
      out.push(
        `<text x="${xa + groupW / 2}" y="${yy - 4}" text-anchor="middle" fill="#1a1a1a" font-size="10">${esc(t.label)}</text>`,
      );
    }
  });
  out.push(
    `<text x="${left}" y="${height - 14}" fill="#777" font-size="11">"!" and a percentage: that server delivered less than 99 % of the updates in time (see bench/results/latest.json). Dashed: our targets.</text>`,
  );
  out.push(`</svg>`);
  return out.join("\n");
}
