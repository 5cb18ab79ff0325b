/**
 * Bespreekpunten (issue 14): the leeswijzer as a working agenda. Each tafel keeps a list of the
 * questions one party puts to the other about the plan, seeded from a standard set
 * (shared/data/bespreekpuntenSet.ts) and extended with its own. The rules here are the ones the
 * server enforces and the client shows.
 */

export const BESPREEKPUNT_STATUSES = [
  "niet_besproken",
  "in_voorbereiding",
  "besproken_geen_afspraak",
  "leidt_tot_punt",
  "naar_ontwikkelagenda",
  "niet_van_toepassing",
] as const;
export type BespreekpuntStatus = (typeof BESPREEKPUNT_STATUSES)[number];

export const BESPREEKPUNT_STATUS_LABELS: Record<BespreekpuntStatus, string> = {
  niet_besproken: "Niet besproken",
  in_voorbereiding: "In voorbereiding",
  besproken_geen_afspraak: "Besproken, geen afspraak nodig",
  leidt_tot_punt: "Leidt tot overeenstemmingspunt",
  naar_ontwikkelagenda: "Naar ontwikkelagenda",
  niet_van_toepassing: "Niet van toepassing",
};

/** Still open: nobody has talked it through yet. These are what the secretaris sees before a formal OOGO. */
export function isOpen(status: BespreekpuntStatus): boolean {
  return status === "niet_besproken" || status === "in_voorbereiding";
}

export function isBespreekpuntStatus(value: unknown): value is BespreekpuntStatus {
  return typeof value === "string" && (BESPREEKPUNT_STATUSES as readonly string[]).includes(value);
}

/**
 * Why a status may not be set, or null. "Leidt tot overeenstemmingspunt" claims a point exists:
 * it needs a linked one (the button "Maak overeenstemmingspunt" creates and links it).
 */
export function statusProblem(to: BespreekpuntStatus, linkedPoints: number): string | null {
  if (to === "leidt_tot_punt" && linkedPoints === 0)
    return "Koppel eerst een overeenstemmingspunt (of maak er een) voordat u deze status kiest.";
  return null;
}

/** Where a bespreekpunt comes from: a standard set, or the tafel itself. */
export const BESPREEKPUNT_SOURCES = ["leeswijzer", "spiegel_jeugdplan", "eigen"] as const;
export type BespreekpuntSource = (typeof BESPREEKPUNT_SOURCES)[number];

export const BESPREEKPUNT_SOURCE_LABELS: Record<BespreekpuntSource, string> = {
  leeswijzer: "Leeswijzer VNG (2013)",
  spiegel_jeugdplan: "Spiegelset jeugdplan (eigen uitwerking, niet uit de leeswijzer)",
  eigen: "Eigen bespreekpunt van de tafel",
};

export interface Coverage {
  total: number;
  open: number;
  byStatus: Record<BespreekpuntStatus, number>;
  /** Share of bespreekpunten no longer open, 0–100, rounded down (100 only when nothing is open). */
  percentDone: number;
}

export function coverageOf(statuses: readonly BespreekpuntStatus[]): Coverage {
  const byStatus = Object.fromEntries(BESPREEKPUNT_STATUSES.map((s) => [s, 0])) as Record<BespreekpuntStatus, number>;
  for (const s of statuses) byStatus[s]++;
  const open = byStatus.niet_besproken + byStatus.in_voorbereiding;
  const total = statuses.length;
  return { total, open, byStatus, percentDone: total === 0 ? 100 : Math.floor(((total - open) * 100) / total) };
}
