import { createMemo, For, Show, untrack, type Accessor, type JSX, type Resource } from "solid-js";
import { ApiRequestError } from "../api/http.ts";
import { announcement } from "./announce.ts";
import { errorMessages, InvalidInput } from "./inputErrors.ts";

/** Dutch text for any error a resource or action can throw. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiRequestError || err instanceof InvalidInput) return err.message;
  return "Er ging iets mis. Probeer het opnieuw.";
}

/** An error as an alert (announced by screen readers); several field messages as a list. */
export function ErrorAlert(props: { error: unknown; title?: string; ref?: (el: HTMLDivElement) => void }) {
  const messages = () => errorMessages(props.error);
  return (
    <div
      class="utrecht-alert utrecht-alert--error oogo-error-summary"
      role="alert"
      ref={props.ref}
      tabindex={props.ref ? -1 : undefined}
    >
      <div class="utrecht-alert__content">
        <p class="utrecht-paragraph">
          <strong>{props.title ?? "Dat lukte niet"}</strong>
        </p>
        <Show when={messages().length > 1} fallback={<p class="utrecht-paragraph">{messages()[0]}</p>}>
          <ul class="utrecht-unordered-list">
            <For each={messages()}>{(m) => <li>{m}</li>}</For>
          </ul>
        </Show>
      </div>
    </div>
  );
}

export function InfoAlert(props: { children: JSX.Element; type?: "info" | "ok" | "warning" }) {
  return (
    <div class={`utrecht-alert utrecht-alert--${props.type ?? "info"}`} role="status">
      <div class="utrecht-alert__content">{props.children}</div>
    </div>
  );
}

export function Loading(props: { label?: string }) {
  return (
    <p class="utrecht-paragraph oogo-loading" role="status">
      {props.label ?? "Bezig met laden…"}
    </p>
  );
}

/** The app's polite live region for createAction's announcements; rendered once, in the page frame. */
export function LiveAnnouncer() {
  return (
    <div class="oogo-visually-hidden" aria-live="polite" aria-atomic="true" id="oogo-announcer">
      {announcement()}
    </div>
  );
}

/**
 * Renders `children` once a resource has data; shows loading and errors in one way.
 * `children` gets an accessor that always reads the current value: after a refetch (live event,
 * own action) the content follows, and while refetching the previous value stays on screen (no
 * "Laden…" flash, no lost focus). A failed refetch shows the error above the last good value.
 */
export function Loaded<T>(props: { when: Resource<T>; children: (value: Accessor<T>) => JSX.Element; label?: string }) {
  const failed = () => props.when.error !== undefined && !props.when.loading;
  // `latest` reads without suspending; a failed resource throws on read, so keep the last good value.
  const value = createMemo<T | undefined>((prev) => {
    if (failed()) return prev;
    const next = props.when.latest;
    return next === undefined ? prev : next;
  });
  const current = () => value() as T;
  return (
    <>
      <Show when={failed()}>
        <ErrorAlert error={props.when.error as unknown} title="Laden mislukt" />
      </Show>
      <Show
        when={value() !== undefined}
        fallback={
          <Show when={!failed()}>
            <Loading label={props.label} />
          </Show>
        }
      >
        {untrack(() => props.children(current))}
      </Show>
    </>
  );
}
