import { describe, expect, it } from "vitest";
import { checkLinkUrl } from "./linkUrl.ts";

describe("checkLinkUrl", () => {
  it.each([
    ["https://www.passendonderwijs.nl/", "https://www.passendonderwijs.nl/"],
    ["http://example.nl/pad?x=1", "http://example.nl/pad?x=1"],
    ["  www.rijksoverheid.nl ", "https://www.rijksoverheid.nl/"],
    ["mailto:naam@gemeente.nl", "mailto:naam@gemeente.nl"],
  ])("accepts %s", (input, url) => {
    expect(checkLinkUrl(input)).toEqual({ ok: true, url });
  });
  it.each([
    "",
    "javascript:alert(1)",
    "ftp://x.nl",
    "data:text/html,hoi",
    "https://",
    "mailto:geen-adres",
    "gewoon tekst",
    "https://intranet",
  ])("refuses %j", (input) => {
    expect(checkLinkUrl(input).ok).toBe(false);
  });
});
