/** The demo accounts the README and the start-up banner list. All use DEMO_PASSWORD. */
export const DEMO_PASSWORD = "oogo-demo";

/**
 * The applicatiebeheerder of the demo installation: sets the demo tafel up and can open /beheer.
 * An instance role, not a member of any tafel.
 */
export const DEMO_ADMIN = { email: "beheer@demo.oogo.test", name: "Applicatiebeheer Demo" } as const;

export type DemoParty = "swv" | "groningen" | "tynaarlo" | null;
export interface DemoAccount {
  email: string;
  name: string;
  role: "ambtenaar" | "trekker" | "bestuurder" | "secretaris" | "waarnemer" | "beheerder";
  party: DemoParty;
  title: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: "swv.medewerker@demo.oogo.test",
    name: "Eva Mulder",
    role: "trekker",
    party: "swv",
    title: "beleidsmedewerker samenwerkingsverband",
  },
  {
    email: "swv.bestuurder@demo.oogo.test",
    name: "Jeroen Bakker",
    role: "bestuurder",
    party: "swv",
    title: "directeur-bestuurder",
  },
  {
    email: "ambtenaar.groningen@demo.oogo.test",
    name: "Sanne de Vries",
    role: "trekker",
    party: "groningen",
    title: "beleidsadviseur onderwijs en jeugd",
  },
  {
    email: "wethouder.groningen@demo.oogo.test",
    name: "Karim El Amrani",
    role: "bestuurder",
    party: "groningen",
    title: "wethouder onderwijs en jeugd",
  },
  {
    email: "ambtenaar.tynaarlo@demo.oogo.test",
    name: "Lotte Hoekstra",
    role: "trekker",
    party: "tynaarlo",
    title: "beleidsmedewerker sociaal domein",
  },
  {
    email: "wethouder.tynaarlo@demo.oogo.test",
    name: "Anneke Smit",
    role: "bestuurder",
    party: "tynaarlo",
    title: "wethouder jeugd en onderwijs",
  },
  {
    email: "secretaris@demo.oogo.test",
    name: "Pieter Jansen",
    role: "secretaris",
    party: null,
    title: "secretaris OOGO",
  },
  {
    email: "waarnemer@demo.oogo.test",
    name: "Marloes Visser",
    role: "waarnemer",
    party: "swv",
    title: "lid ondersteuningsplanraad",
  },
  {
    email: "beheerder@demo.oogo.test",
    name: "Bram Kuipers",
    role: "beheerder",
    party: null,
    title: "functioneel beheerder",
  },
];
