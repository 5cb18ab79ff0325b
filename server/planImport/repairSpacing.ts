/**
 * Repairs the spacing artefacts of text pulled out of PDFs: a space inside a word where the
 * typesetter kerned ("Hoof dstuk", "E en") and letter-spaced words ("H O O F D S T U K"). A split
 * is undone only when the joined word is a word — of the document itself (it occurs unsplit
 * elsewhere) or of a short list of words every plan uses — and the two pieces are not both words.
 */

/** Words of every plan; the document's own words are added per document. */
const COMMON = `een het de en of in op te van voor met aan is zijn dat die er ook om als bij door naar over uit tot
we wij ze zij u niet wel dan nog al per na dit deze hun ons onze kan
hoofdstuk paragraaf bijlage inleiding inhoud inhoudsopgave samenvatting ondersteuning ondersteuningsplan
samenwerkingsverband gemeente gemeenten onderwijs jeugdhulp jeugdwet leerlingenvervoer vervoer huisvesting
onderwijshuisvesting leerplicht thuiszitters passend basisondersteuning extra leerlingen scholen school
afspraken overleg overeenstemming ouders kinderen jongeren zorg beleid`
  .split(/\s+/)
  .filter(Boolean);

const LETTER_RUN = /(?<![\p{L}])(\p{L})((?: \p{L}){2,})(?![\p{L}])/gu;

export function makeSpacingRepair(corpus: readonly string[]): (text: string) => string {
  const freq = new Map<string, number>();
  // How often two words stand side by side: "hoof dstuk" ten times makes neither piece a word.
  const pairs = new Map<string, number>();
  for (const w of COMMON) freq.set(w, 5);
  for (const line of corpus) {
    const words = line.toLowerCase().split(/\s+/);
    words.forEach((token, i) => {
      for (const w of token.match(/\p{L}+/gu) ?? []) freq.set(w, (freq.get(w) ?? 0) + 1);
      const next = words[i + 1];
      if (next && /^\p{L}+$/u.test(token) && /^\p{L}+$/u.test(next))
        pairs.set(`${token} ${next}`, (pairs.get(`${token} ${next}`) ?? 0) + 1);
    });
  }
  // A piece is a word of its own when it occurs often enough apart from the split; a single letter never is (except "u").
  const known = (w: string, other: string, first: boolean) => {
    const lw = w.toLowerCase();
    const together = pairs.get(first ? `${lw} ${other.toLowerCase()}` : `${other.toLowerCase()} ${lw}`) ?? 0;
    return (lw.length > 1 || lw === "u") && (freq.get(lw) ?? 0) - together >= 2;
  };
  const isWord = (w: string) => (freq.get(w.toLowerCase()) ?? 0) >= 1;

  return (text: string) => {
    let t = text.replace(LETTER_RUN, (all: string) => all.replace(/ /g, ""));
    const tokens = t.split(" ");
    const merged: string[] = [];
    for (const token of tokens) {
      const prev = merged[merged.length - 1];
      if (prev !== undefined) {
        // Letters only on the facing sides; punctuation stays with its piece.
        const a = /(\p{L}+)$/u.exec(prev)?.[1];
        const b = /^(\p{L}+)/u.exec(token)?.[1];
        if (
          a &&
          b &&
          a.length === prev.replace(/^[("'‘“]/u, "").length &&
          isWord(a + b) &&
          !(known(a, b, true) && known(b, a, false))
        ) {
          merged[merged.length - 1] = prev + token;
          continue;
        }
      }
      merged.push(token);
    }
    t = merged.join(" ");
    return t;
  };
}
