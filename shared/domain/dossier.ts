/**
 * Rules for the dossier to the Landelijke Geschillencommissie OOGO and the oplegger
 * (domain brief §2 "No agreement", §6). Pure: the server composes, the client labels.
 */
import type { PlanType, Sector } from "./parties.ts";

/** What a party may ask the Geschillencommissie OOGO (Stichting Onderwijsgeschillen). */
export const DOSSIER_ROUTES = ["advies", "bindend_advies", "arbitrage"] as const;
export type DossierRoute = (typeof DOSSIER_ROUTES)[number];

export const DOSSIER_ROUTE_LABELS: Record<DossierRoute, string> = {
  advies: "Advies",
  bindend_advies: "Bindend advies",
  arbitrage: "Arbitrage",
};

export const DOSSIER_ROUTE_DESCRIPTIONS: Record<DossierRoute, string> = {
  advies: "Partijen vragen de commissie om een niet-bindend advies over de geschilpunten.",
  bindend_advies: "Partijen vragen de commissie om een advies dat zij vooraf als bindend aanvaarden.",
  arbitrage: "Partijen leggen de geschilpunten voor aan arbitrage; de uitspraak is bindend.",
};

/** Point statuses a dossier may be built for: the dispute must actually exist. */
export const DISPUTABLE_STATUSES = ["geen_overeenstemming", "in_geschil"] as const;
export const isDisputable = (status: string) => (DISPUTABLE_STATUSES as readonly string[]).includes(status);

/** Point statuses that count as agreed, listed in the dossier to keep the dispute narrow. */
export const AGREED_STATUSES = ["overeenstemming", "vastgelegd", "in_uitvoering", "geevalueerd"] as const;
export const isAgreed = (status: string) => (AGREED_STATUSES as readonly string[]).includes(status);

/**
 * The vo-SWV's duty. The Wet op het voortgezet onderwijs (WVO) was replaced on 1 August 2022 by
 * the Wet voortgezet onderwijs 2020 (WVO 2020). We could not verify the new article number from
 * a source we can cite, so we name the current law and the former article instead of guessing
 * one (issue 15). Replace with the WVO 2020 article once checked against wetten.overheid.nl.
 */
export const VO_LEGAL_BASIS =
  "Wet voortgezet onderwijs 2020 (WVO 2020), ondersteuningsplan van het samenwerkingsverband (voorheen art. 17a lid 9 WVO)";

/**
 * The statutory basis of the OOGO. The SWV's duty sits in the sector law of each SWV at the
 * tafel (po → WPO, vo → WVO 2020); for the gemeente's jeugdplan it is the Jeugdwet.
 */
export function legalBasis(planType: PlanType, swvSectors: readonly Sector[]): string[] {
  if (planType === "jeugdplan") {
    return [
      "Artikel 2.2 van de Jeugdwet (op overeenstemming gericht overleg over het beleidsplan jeugd met de samenwerkingsverbanden)",
    ];
  }
  const out: string[] = [];
  if (swvSectors.includes("po")) out.push("Artikel 18a, negende lid, van de Wet op het primair onderwijs (WPO)");
  if (swvSectors.includes("vo")) out.push(VO_LEGAL_BASIS);
  return out;
}

/**
 * The statutory basis following the plans on the table (ADR 0010): an ondersteuningsplan of a
 * po-SWV is WPO 18a lid 9, of a vo-SWV the WVO 2020 (formerly WVO 17a lid 9), a jeugdplan Jeugdwet 2.2. Each basis once,
 * in that order. `sector` is the sector of the SWV whose ondersteuningsplan it is.
 */
export function legalBasisForPlans(plans: ReadonlyArray<{ kind: PlanType; sector: Sector | null }>): string[] {
  const sectors = plans.flatMap((p) => (p.kind === "ondersteuningsplan" && p.sector ? [p.sector] : []));
  const out = legalBasis("ondersteuningsplan", sectors);
  if (plans.some((p) => p.kind === "jeugdplan")) out.push(...legalBasis("jeugdplan", []));
  return out;
}

/**
 * Log events that only record that someone exported a view of the log. The integrity appendix
 * cites the chain up to the last event that is NOT one of these, so building a dossier (itself
 * logged) does not change the next dossier built from the same data.
 */
export const EXPORT_EVENT_TYPES = [
  "dossier.generated",
  "oplegger.generated",
  // Issue 12: the spiegelparagraaf as a document.
  "spiegelparagraaf.exported",
] as const;
export const isExportEvent = (type: string) => (EXPORT_EVENT_TYPES as readonly string[]).includes(type);

/** Formats a dossier or oplegger is produced in. */
export const EXPORT_FORMATS = ["pdf", "docx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Most points one dossier may cover (a dispute is narrow by design). */
export const MAX_DOSSIER_POINTS = 50;
