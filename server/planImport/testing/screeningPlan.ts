/**
 * A small plan as DOCX whose screening is known (tests and the browser test): jeugdhulp agreed
 * with the gemeente (3), leerlingenvervoer in general words (1) — in version 2 agreed as well (3) —
 * and nothing on huisvesting (0).
 */
import { Document, HeadingLevel, Packer, Paragraph } from "docx";

export const SCREENING_JEUGDHULP =
  "De gemeente Groningen en het samenwerkingsverband hebben afgesproken dat de jeugdhulp op school binnen zes weken start.";
export const SCREENING_VERVOER_V1 = "Leerlingenvervoer is belangrijk voor alle leerlingen en hun ouders.";
export const SCREENING_VERVOER_V2 =
  "De gemeente Groningen en het samenwerkingsverband hebben afgesproken dat het leerlingenvervoer binnen vier weken na plaatsing geregeld is.";

export async function makeScreeningDocx(version: 1 | 2 = 1): Promise<Buffer> {
  const chapter = (title: string, text: string) => [
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ text }),
  ];
  const doc = new Document({
    sections: [
      {
        children: [
          ...chapter("1 Jeugdhulp", SCREENING_JEUGDHULP),
          ...chapter("2 Leerlingenvervoer", version === 1 ? SCREENING_VERVOER_V1 : SCREENING_VERVOER_V2),
          ...chapter("3 Overleg", "Het bestuurlijk overleg met de wethouders vindt twee keer per jaar plaats."),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
