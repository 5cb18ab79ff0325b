import { describe, expect, it } from "vitest";
import { offersBespreekpunt, verdictOf, type ScreeningOpinion } from "./opinions.ts";

const swv = (score: 0 | 1 | 2 | 3): ScreeningOpinion => ({
  partyId: "swv",
  partyName: "SWV",
  score,
  reason: "r",
  quote: null,
});
const gem = (score: 0 | 1 | 2 | 3): ScreeningOpinion => ({
  partyId: "g",
  partyName: "Gemeente",
  score,
  reason: "r",
  quote: "q",
});

describe("screening opinions", () => {
  it("keeps the proposal when nobody has an opinion", () => {
    expect(verdictOf(2, [])).toEqual({
      proposal: 2,
      opinions: [],
      agreed: null,
      disagreement: false,
      overridden: false,
    });
  });

  it("shows agreement when the parties set the same score, also when it departs from the proposal", () => {
    const v = verdictOf(3, [swv(2), gem(2)]);
    expect(v).toMatchObject({ agreed: 2, disagreement: false, overridden: true });
    expect(v.opinions).toHaveLength(2);
  });

  it("shows a disagreement when parties differ, and keeps the proposal and both opinions", () => {
    const v = verdictOf(1, [swv(3), gem(1)]);
    expect(v).toMatchObject({ proposal: 1, agreed: null, disagreement: true, overridden: true });
    expect(v.opinions.map((o) => o.score)).toEqual([3, 1]);
  });

  it("offers a bespreekpunt for a theme at 0 or 1, by the agreed score when there is one", () => {
    expect(offersBespreekpunt(verdictOf(1, []))).toBe(true);
    expect(offersBespreekpunt(verdictOf(0, [swv(0)]))).toBe(true);
    expect(offersBespreekpunt(verdictOf(1, [swv(2), gem(2)]))).toBe(false);
    expect(offersBespreekpunt(verdictOf(3, [swv(1), gem(1)]))).toBe(true);
    expect(offersBespreekpunt(verdictOf(2, []))).toBe(false);
  });
});
