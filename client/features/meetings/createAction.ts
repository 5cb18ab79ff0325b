import { createSignal } from "solid-js";
import { ApiRequestError } from "../../api/http.ts";

/**
 * Busy and error state of one user action (a button or a form). `run` ignores a second
 * click while the first is under way, so a double click never posts twice.
 */
export function createAction() {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    if (busy()) return undefined;
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run, clearError: () => setError(null) };
}

/** A check the client makes before asking the server, shown like the server's own 400. */
export const inputError = (message: string) => new ApiRequestError(400, "VALIDATION_FAILED", message);
