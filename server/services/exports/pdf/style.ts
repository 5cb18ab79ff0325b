/** Page geometry, type sizes and colours of the PDF exports. */
export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = { top: 76, bottom: 72, left: 70, right: 70 };
export const BODY_SIZE = 10.5;
export const LINE_GAP = 2.6;
export const COLOR = {
  text: "#1d1d1b",
  heading: "#123a63",
  muted: "#5b6168",
  rule: "#aab4bf",
  bar: "#7f97b2",
  headerBg: "#e7edf3",
  link: "#123a63",
};

/** Body text size of a paragraph style. */
export const paragraphSize = (style: string | undefined) =>
  style === "small" || style === "muted" ? BODY_SIZE - 1.5 : style === "lead" ? BODY_SIZE + 1.5 : BODY_SIZE;

/** Heading size by level (body; the cover has its own). */
export const headingSize = (level: 1 | 2 | 3) => (level === 1 ? 17 : level === 2 ? 13.2 : 11.4);
