/** Chapter 1: the parties and who represents them. */
import { heading, para, run, table, type Block } from "../docModel.ts";
import { partyName, type TafelContext } from "../tafelContext.ts";

export function partiesChapter(tafel: TafelContext): Block[] {
  const representatives = tafel.members.filter((m) => m.partyId && ["bestuurder", "trekker"].includes(m.role));
  const secretariat = tafel.members.filter((m) => m.role === "secretaris");
  const observers = tafel.members.filter((m) => m.role === "waarnemer");
  return [
    heading(1, "1. Partijen en vertegenwoordiging", "partijen"),
    para(
      `Aan deze OOGO-tafel (${tafel.workspace.level === "regionaal" ? "regionaal" : "lokaal"} overleg) nemen de volgende partijen deel. Het OOGO wordt gevoerd met het college van burgemeester en wethouders van elke gemeente afzonderlijk.`,
    ),
    table(
      ["Partij", "Soort", "Code", "Opmerking"],
      tafel.parties.map((p) => [
        p.name,
        p.kind === "swv"
          ? `Samenwerkingsverband ${p.sector?.toUpperCase() ?? ""}`.trim()
          : "Gemeente (college van B&W)",
        p.swvCode ?? p.cbsCode ?? "—",
        p.coverageNote ?? "",
      ]),
    ),
    heading(2, "1.1 Vertegenwoordigers", "vertegenwoordigers"),
    para(
      "Bestuurlijk vertegenwoordigd door de bestuurder van het samenwerkingsverband en de wethouder namens het college; ambtelijk door de trekker van elke partij.",
    ),
    table(
      ["Partij", "Naam", "Rol", "Hoedanigheid"],
      representatives.map((m) => [partyName(tafel, m.partyId!), m.name, m.roleLabel, m.title ?? ""]),
    ),
    ...(secretariat.length
      ? [
          para(
            run("Secretariaat en contact: ", { bold: true }),
            secretariat.map((m) => `${m.name}${m.title ? ` (${m.title})` : ""}`).join(", "),
            ".",
          ),
        ]
      : []),
    ...(observers.length
      ? [
          para(
            run("Waarnemers: ", { bold: true }),
            observers
              .map(
                (m) =>
                  `${m.name}${m.title ? ` (${m.title})` : ""}${m.partyId ? `, ${partyName(tafel, m.partyId)}` : ""}`,
              )
              .join("; "),
            ".",
          ),
        ]
      : []),
  ];
}
