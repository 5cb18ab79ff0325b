/**
 * Screening of a plan per theme (issue 14): a proposed score on Oberon's scale with the passages
 * that justify it. Pure: structured text in, scores with evidence out. People decide; this only
 * proposes, and shows why, so a trekker can check it against the plan in a minute.
 *
 * The unit of evidence is a sentence (a list item, a table row). A sentence is about a theme when
 * it holds a theme word, or when it stands in a section whose heading does. Each such sentence
 * gets its signals; the score follows from the strongest sentences:
 * - 3 uitgewerkt: an agreement or a norm stated as fact (no intention verb) that involves the
 *   gemeenten or a named local partner;
 * - 2 globaal: something of this region — a named place or partner, a norm, an agreement not (yet)
 *   tied to the gemeenten — but no agreement made;
 * - 1 standaardtekst: the theme is named in words that fit any plan, intentions included ("we
 *   zullen nadere afspraken maken" is in many plans);
 * - 0 niet beschreven: no sentence about the theme, or only sentences about one pupil's case.
 */
import { blockText, type PlanSection, type PlanText } from "../planText.ts";
import type { ScreeningScore } from "./scale.ts";
import {
  AGREEMENT,
  ANNEX,
  BOILERPLATE,
  fold,
  GEMEENTE_CONTEXT,
  INDIVIDUAL_CASE,
  INTENTION,
  NORM,
  NOT_A_LOCAL_NAME,
  OVERLEG_QUESTIONS,
  OVERLEG_VOCABULARY,
  STOPWORDS,
  THEME_VOCABULARY,
} from "./vocabulary.ts";

export interface ScreeningThemeInput {
  key: string;
  label: string;
  description?: string;
}

export interface ScreeningOptions {
  /** Names of the gemeenten at the tafel: named in a sentence, they make it local, and scores are given per gemeente. */
  gemeenten?: readonly string[];
  /** Other local names that count as "named local partners and places" (schools, wijkteams, towns). */
  localNames?: readonly string[];
  /** Most passages cited per theme (default 5). */
  maxEvidence?: number;
}

export type SignalKind =
  "theme_word" | "agreement" | "norm" | "local_name" | "intention" | "boilerplate" | "annex" | "individual_case";

export interface Evidence {
  sectionId: string;
  /** As printed ("3.2"), or "" for an unnumbered section. */
  sectionNumber: string;
  sectionTitle: string;
  quote: string;
  signals: SignalKind[];
}

export interface ThemeSignals {
  /** Distinct theme words found (as written in the plan, lower case). */
  themeWords: string[];
  /** Number of sentences stating an agreement as a fact. */
  agreements: number;
  /** Numbers, norms and deadlines as found ("binnen zes weken"). */
  norms: string[];
  /** Named gemeenten, partners and places. */
  localNames: string[];
  /** Intention phrases as found ("nadere afspraken"). */
  intentions: string[];
  /** Sentences about the theme with nothing specific in them. */
  boilerplate: number;
  /** References to an annex or a separate note that the screening did not read. */
  annexReferences: string[];
  /** Sentences naming the theme only inside one pupil's case. */
  individualCase: number;
}

export interface GemeenteScore {
  gemeente: string;
  score: ScreeningScore;
  evidence: Evidence[];
}

export interface ThemeScreening {
  key: string;
  label: string;
  kind: "theme" | "overleg";
  score: ScreeningScore;
  /** One Dutch sentence on why this score (for the UI and the oplegger appendix). */
  reason: string;
  evidence: Evidence[];
  signals: ThemeSignals;
  /** Only when the text names gemeenten of the tafel for this theme. */
  perGemeente: GemeenteScore[];
}

export interface PlanScreening {
  themes: ThemeScreening[];
}

interface Sentence {
  section: PlanSection;
  text: string;
  folded: string;
  /** Folded heading path of its section (chapter title included), for theme-by-heading. */
  heading: string;
}

interface Scored {
  sentence: Sentence;
  signals: Set<SignalKind>;
  strong: boolean;
  themeWords: string[];
  norms: string[];
  localNames: string[];
  intentions: string[];
  annex: string[];
  gemeenten: string[];
}

const QUOTE_MAX = 320;

export function screenPlan(
  text: PlanText,
  themes: readonly ScreeningThemeInput[],
  options: ScreeningOptions = {},
): PlanScreening {
  const sentences = splitSentences(text);
  const lowerWords = lowerCaseWords(sentences);
  const gemeenten = (options.gemeenten ?? []).filter((g) => g.trim().length > 0);
  const locals = [...gemeenten, ...(options.localNames ?? [])].map((name) => ({ name, pattern: namePattern(name) }));
  const gemeentePatterns = gemeenten.map((name) => ({ name, pattern: namePattern(name) }));
  const max = options.maxEvidence ?? 5;
  // What a sentence says (norms, names, intentions) does not depend on the theme: read it once.
  const analysed = new Map<Sentence, Scored>();

  const targets = [
    ...themes.map((t) => ({ ...t, kind: "theme" as const, vocabulary: themeVocabulary(t) })),
    ...OVERLEG_QUESTIONS.map((q) => ({ ...q, kind: "overleg" as const, vocabulary: OVERLEG_VOCABULARY[q.key]! })),
  ];

  return {
    themes: targets.map((target) => {
      const scored: Scored[] = [];
      for (const s of sentences) {
        const words = matchAll(s.folded, target.vocabulary);
        const byHeading = target.vocabulary.test(s.heading);
        if (words.length === 0 && !byHeading) continue;
        let base = analysed.get(s);
        if (!base) {
          base = scoreSentence(s, [], locals, gemeentePatterns, lowerWords);
          analysed.set(s, base);
        }
        const signals = new Set(base.signals);
        if (words.length > 0) signals.add("theme_word");
        scored.push({ ...base, signals, themeWords: words });
      }
      const score = scoreOf(scored);
      const perGemeente =
        gemeentePatterns.length === 0
          ? []
          : gemeentePatterns
              .filter((g) => scored.some((x) => x.gemeenten.includes(g.name)))
              .map((g) => {
                const own = scored.filter((x) => x.gemeenten.length === 0 || x.gemeenten.includes(g.name));
                return { gemeente: g.name, score: scoreOf(own), evidence: pickEvidence(own, max) };
              });
      return {
        key: target.key,
        label: target.label,
        kind: target.kind,
        score,
        reason: reasonFor(score, scored),
        evidence: pickEvidence(scored, max),
        signals: summarise(scored),
        perGemeente,
      };
    }),
  };
}

/** The vocabulary of a standard theme, or words from a tafel's own theme's label and description. */
export function themeVocabulary(theme: ScreeningThemeInput): RegExp {
  const known = THEME_VOCABULARY[theme.key];
  if (known) return known;
  const words = [
    ...new Set(
      fold(`${theme.label} ${theme.description ?? ""}`)
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 4 && !STOPWORDS.has(w))
        // A plural or -e ending is cut so "ouders" also finds "ouder" and "ouderbetrokkenheid".
        .map((w) => w.replace(/(en|s|e)$/, ""))
        .filter((w) => w.length >= 4),
    ),
  ];
  if (words.length === 0) return /(?!)/;
  return new RegExp(`\\b(${words.map(escapeRegExp).join("|")})\\w*`);
}

function splitSentences(text: PlanText): Sentence[] {
  const out: Sentence[] = [];
  const headings: string[] = [];
  for (const section of text.sections) {
    // The heading path: a chapter's title counts for its sections, a section's for its subsections.
    headings.length = Math.max(0, section.level - 1);
    headings.push(section.title);
    const heading = fold(headings.join(" / "));
    for (const block of section.blocks) {
      const pieces =
        block.kind === "paragraph" || block.kind === "note" ? sentencesOf(block.text) : blockText(block).split("\n");
      for (const piece of pieces) {
        const clean = piece.replace(/\s+/g, " ").trim();
        if (clean.length > 0 && !isLetterSoup(clean)) out.push({ section, text: clean, folded: fold(clean), heading });
      }
    }
  }
  return out;
}

/**
 * Text from a figure or a letter-spaced heading ("ex tr a on de rs te un in g"): mostly one- and
 * two-letter pieces. It says nothing a reader could check, so it is not cited.
 */
function isLetterSoup(text: string): boolean {
  const tokens = text.split(" ");
  const pieces = tokens.filter((t) => /^\p{L}{1,2}$/u.test(t) && !SHORT_WORDS.has(t.toLowerCase()));
  return tokens.length >= 8 && pieces.length / tokens.length > 0.3;
}

/** Dutch words of one or two letters, which are not artefacts. */
const SHORT_WORDS = new Set("de in op of is en te om al na zo nu er je we ze ik u na ja uw".split(" "));

/** Splits a paragraph at sentence ends; "o.a." and "bijv." do not end a sentence because a lower-case word follows. */
function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?])\s+(?=["'“(]?[A-Z0-9À-Ý])/);
}

function scoreSentence(
  s: Sentence,
  themeWords: string[],
  locals: Array<{ name: string; pattern: RegExp }>,
  gemeenten: Array<{ name: string; pattern: RegExp }>,
  lowerWords: ReadonlySet<string>,
): Scored {
  const signals = new Set<SignalKind>();
  if (themeWords.length > 0) signals.add("theme_word");
  const individual = INDIVIDUAL_CASE.test(s.folded);
  const intentions = matchAll(s.folded, INTENTION);
  const norms = matchAll(s.folded, NORM);
  // "is niet centraal geregeld" states that nothing was agreed.
  const agreement = matchAll(s.folded, AGREEMENT).some((m) => !/\b(niet|geen|nog niet)\b/.test(m));
  const annex = matchAll(s.folded, ANNEX);
  const localNames = [
    ...locals.filter((l) => l.pattern.test(s.folded)).map((l) => l.name),
    ...properNames(s.text, lowerWords),
  ];
  const named = gemeenten.filter((g) => g.pattern.test(s.folded)).map((g) => g.name);

  if (individual) signals.add("individual_case");
  if (intentions.length > 0) signals.add("intention");
  if (norms.length > 0) signals.add("norm");
  if (agreement) signals.add("agreement");
  if (annex.length > 0) signals.add("annex");
  if (localNames.length > 0) signals.add("local_name");
  const specific = norms.length > 0 || agreement || localNames.length > 0;
  if (!specific && !individual && (intentions.length === 0 || BOILERPLATE.test(s.folded))) signals.add("boilerplate");

  // An agreement "with gemeenten": the sentence itself ties it to a gemeente or a named partner.
  const withGemeenten = GEMEENTE_CONTEXT.test(s.folded) || localNames.length > 0;
  const strong = !individual && intentions.length === 0 && (agreement || norms.length > 0) && withGemeenten;
  return {
    sentence: s,
    signals,
    strong,
    themeWords,
    norms,
    localNames: [...new Set(localNames)],
    intentions,
    annex,
    gemeenten: named,
  };
}

function scoreOf(scored: Scored[]): ScreeningScore {
  const policy = scored.filter((x) => !x.signals.has("individual_case"));
  if (policy.length === 0) return 0;
  if (policy.some((x) => x.strong)) return 3;
  if (policy.some((x) => x.signals.has("local_name") || x.signals.has("norm") || x.signals.has("agreement"))) return 2;
  return 1;
}

/** The strongest passages first: agreements, then region-specific text, intentions, boilerplate; one per sentence. */
function pickEvidence(scored: Scored[], max: number): Evidence[] {
  const rank = (x: Scored) =>
    x.strong
      ? 0
      : x.signals.has("individual_case")
        ? 5
        : x.signals.has("agreement") || x.signals.has("norm") || x.signals.has("local_name")
          ? 1
          : x.signals.has("annex")
            ? 2
            : x.signals.has("intention")
              ? 3
              : 4;
  const seen = new Set<string>();
  return scored
    .map((x, i) => ({ x, i, r: rank(x) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .filter(({ x }) => {
      const k = `${x.sentence.section.id}\u0000${x.sentence.text}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .slice(0, max)
    .map(({ x }) => ({
      sectionId: x.sentence.section.id,
      sectionNumber: x.sentence.section.number,
      sectionTitle: x.sentence.section.title,
      quote: x.sentence.text.length > QUOTE_MAX ? `${x.sentence.text.slice(0, QUOTE_MAX - 1)}…` : x.sentence.text,
      signals: [...x.signals],
    }));
}

function summarise(scored: Scored[]): ThemeSignals {
  const uniq = (xs: string[]) => [...new Set(xs)];
  return {
    themeWords: uniq(scored.flatMap((x) => x.themeWords)),
    agreements: scored.filter((x) => x.signals.has("agreement") && !x.signals.has("intention")).length,
    norms: uniq(scored.filter((x) => !x.signals.has("individual_case")).flatMap((x) => x.norms)),
    localNames: uniq(scored.flatMap((x) => x.localNames)),
    intentions: uniq(scored.flatMap((x) => x.intentions)),
    boilerplate: scored.filter((x) => x.signals.has("boilerplate")).length,
    annexReferences: uniq(scored.flatMap((x) => x.annex)),
    individualCase: scored.filter((x) => x.signals.has("individual_case")).length,
  };
}

function reasonFor(score: ScreeningScore, scored: Scored[]): string {
  const where = (x: Scored | undefined) =>
    x ? (x.sentence.section.number ? ` (${x.sentence.section.number})` : ` (${x.sentence.section.title})`) : "";
  const annex = scored.some((x) => x.signals.has("annex"))
    ? " Het plan verwijst ook naar een bijlage of notitie; lees die mee, de screening doet dat niet."
    : "";
  switch (score) {
    case 0:
      return scored.length > 0
        ? "Alleen genoemd bij besluiten over één leerling; beleid of afspraken over het onderwerp staan er niet in." +
            annex
        : "Niets over dit onderwerp gevonden." + annex;
    case 1:
      return "Het onderwerp wordt alleen in algemene bewoordingen of als voornemen genoemd." + annex;
    case 2:
      return (
        `Eigen aan de regio${where(scored.find((x) => x.signals.has("local_name") || x.signals.has("norm") || x.signals.has("agreement")))}, maar een concrete afspraak met gemeenten ontbreekt.` +
        annex
      );
    case 3:
      return `Concrete afspraak met gemeenten als feit beschreven${where(scored.find((x) => x.strong))}.` + annex;
  }
}

/**
 * Capitalised words inside a sentence that are names: a town, a school, a partner ("Kerkrade",
 * "Xonar", "Voordeel&Vervolg"). A word the plan also writes in lower case elsewhere is an ordinary
 * word capitalised by a heading, a list or a line break ("Steun waar nodig"), so it is not a name;
 * neither is the first word of a sentence.
 */
function properNames(sentence: string, lowerWords: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const words = sentence.split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    const prev = words[i - 1]!;
    if (/[.!?:]$/.test(prev)) continue;
    const m = /^["'“(]?([A-Z][a-zà-ÿ]{2,}(?:[-&][A-Za-zà-ÿ]+)*)/.exec(words[i]!);
    if (m && !NOT_A_LOCAL_NAME.has(fold(m[1]!)) && !lowerWords.has(fold(m[1]!))) out.push(m[1]!);
  }
  return out;
}

/** Every word the plan writes with a lower-case first letter (folded). */
function lowerCaseWords(sentences: Sentence[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) for (const m of s.text.matchAll(/(?<![\p{L}\d])\p{Ll}[\p{L}&-]*/gu)) out.add(fold(m[0]));
  return out;
}

function namePattern(name: string): RegExp {
  return new RegExp(`\\b${escapeRegExp(fold(name.trim()))}\\b`);
}

const globals = new WeakMap<RegExp, RegExp>();

function matchAll(text: string, pattern: RegExp): string[] {
  let global = globals.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    globals.set(pattern, global);
  }
  return [...new Set([...text.matchAll(global)].map((m) => m[0].trim()))];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
