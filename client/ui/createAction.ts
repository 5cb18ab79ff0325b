/**
 * createAction — the one way to run a user action (a submit, a button) and show its state.
 *
 *   const save = createAction((input: StepInput) => procedureApi.addStep(id, input), {
 *     announce: () => "Stap toegevoegd.",          // optional: said in the polite live region on success
 *   });
 *   <form onSubmit={(e) => { e.preventDefault(); void save.run(read(e)); }}>
 *     <ErrorSummary error={save.error()} title="Stap toevoegen mislukt" />   // role=alert, moves focus
 *     <Field id="step-title" label="Omschrijving" error={fieldError(save.error(), "title")}>…</Field>
 *     <button disabled={save.busy()}>{save.busy() ? "Bezig…" : "Stap toevoegen"}</button>
 *
 * - `run(...args)` calls `fn`; while it runs a second `run` does nothing and returns undefined,
 *   so a double click never posts twice. It never throws: it returns the result, or undefined
 *   when `fn` failed (the error is then in `error()`).
 * - Client-side checks throw `inputError(message, field)` / `new InvalidInput({...})` inside `fn`,
 *   so they show exactly like the API's own 400 with `field`.
 * - Success: `result()` holds the last result and `announce` (if given) is spoken politely, for
 *   outcomes the page does not otherwise show. Failure: `error()`; render it with ErrorSummary
 *   (forms) or ErrorAlert (buttons) — an alert, which screen readers announce once.
 * - `reset()` forgets error and result (e.g. when the user edits the input again).
 */
import { batch, createSignal, type Accessor } from "solid-js";
import { announce } from "./announce.ts";

export interface Action<A extends unknown[], R> {
  run: (...args: A) => Promise<R | undefined>;
  busy: Accessor<boolean>;
  /** The last failure (null when none, or after a new run starts). */
  error: Accessor<unknown>;
  /** The last success's result (undefined before one, or after reset). */
  result: Accessor<R | undefined>;
  reset: () => void;
}

export interface ActionOptions<A extends unknown[], R> {
  /** Text for the app's polite live region after success; omit when the page shows the outcome itself. */
  announce?: (result: R, ...args: A) => string | undefined;
}

export function createAction<A extends unknown[], R>(
  fn: (...args: A) => Promise<R> | R,
  options: ActionOptions<A, R> = {},
): Action<A, R> {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [result, setResult] = createSignal<R | undefined>(undefined);
  // Not the signal: two clicks in the same tick both see busy() false before Solid flushes.
  let running = false;

  async function run(...args: A): Promise<R | undefined> {
    if (running) return undefined;
    running = true;
    batch(() => {
      setBusy(true);
      setError(null);
    });
    try {
      const value = await fn(...args);
      batch(() => {
        setResult(() => value);
        setBusy(false);
      });
      const text = options.announce?.(value, ...args);
      if (text) announce(text);
      return value;
    } catch (err) {
      batch(() => {
        setError(err);
        setBusy(false);
      });
      return undefined;
    } finally {
      running = false;
    }
  }

  return {
    run,
    busy,
    error,
    result,
    reset: () =>
      batch(() => {
        setError(null);
        setResult(undefined);
      }),
  };
}
