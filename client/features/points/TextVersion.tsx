import type { PointDetail } from "../../../shared/schemas/points.ts";
import { kenmerk } from "./format.ts";

/**
 * What people mean by "the version": "tekstversie 3, ondertekend door J. Bakker (SWV) en
 * K. El Amrani (Gemeente Groningen)" — not the point's internal revision counter.
 */
export function textVersionLine(point: PointDetail): string {
  const signed = point.parties.filter((p) => p.signoff).map((p) => `${p.signoff!.signer.name} (${p.name})`);
  const who =
    signed.length === 0
      ? "nog door niemand ondertekend"
      : `ondertekend door ${signed.length === 1 ? signed[0] : `${signed.slice(0, -1).join(", ")} en ${signed.at(-1)}`}`;
  return `Tekstversie ${point.textVersionNumber}, ${who}`;
}

/** A short kenmerk; the full value only behind a toggle, for whoever wants to compare it. */
export function KenmerkDetails(props: { hash: string }) {
  return (
    <details class="oogo-kenmerk">
      <summary>
        <span class="oogo-hash">{kenmerk(props.hash)}</span>
        <span class="oogo-visually-hidden"> (volledig kenmerk tonen)</span>
      </summary>
      <span class="oogo-hash oogo-kenmerk__full">{props.hash}</span>
    </details>
  );
}
