/**
 * The app's one polite live region (rendered once by <LiveAnnouncer/> in the page frame).
 * Actions announce outcomes that the page does not otherwise show or move focus to.
 */
import { createSignal } from "solid-js";

const [message, setMessage] = createSignal("");
let timer: ReturnType<typeof setTimeout> | undefined;

/** Say `text` politely. Cleared first, so the same text twice is read twice. */
export function announce(text: string): void {
  setMessage("");
  clearTimeout(timer);
  timer = setTimeout(() => setMessage(text), 120);
}

export const announcement = message;
