/** Protocols a link in our documents may use (same list as the Link extension in shared/editor). */
const ALLOWED = new Set(["http:", "https:", "mailto:"]);

export type LinkCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Validates what someone typed as a link target. A bare domain ("www.rijksoverheid.nl") gets
 * https:// in front, because that is what people mean; anything else must name its protocol.
 */
export function checkLinkUrl(input: string): LinkCheck {
  const value = input.trim();
  if (!value) return { ok: false, message: "Vul een webadres in." };
  if (value.length > 2000) return { ok: false, message: "Dit webadres is te lang (maximaal 2000 tekens)." };
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value)
    ? value
    : /^[^\s/@]+\.[^\s/@]+/.test(value)
      ? `https://${value}`
      : value;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, message: "Dit is geen geldig webadres. Begin met https://, http:// of mailto:." };
  }
  if (!ALLOWED.has(url.protocol))
    return { ok: false, message: "Alleen links met https://, http:// of mailto: zijn toegestaan." };
  if (
    url.protocol === "mailto:"
      ? !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(decodeURIComponent(url.pathname))
      : !url.hostname.includes(".") && url.hostname !== "localhost"
  ) {
    return {
      ok: false,
      message:
        url.protocol === "mailto:"
          ? "Vul na mailto: een geldig e-mailadres in."
          : "Dit webadres mist een domeinnaam (bijvoorbeeld www.voorbeeld.nl).",
    };
  }
  return { ok: true, url: url.protocol === "mailto:" ? candidate : url.href };
}
