import { Show, type JSX } from "solid-js";
import { ApiRequestError } from "../api/http.ts";

/** Dutch text for any error a resource or action can throw. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiRequestError) return err.message;
  return "Er ging iets mis. Probeer het opnieuw.";
}

export function ErrorAlert(props: { error: unknown; title?: string }) {
  return (
    <div class="utrecht-alert utrecht-alert--error" role="alert">
      <div class="utrecht-alert__content">
        <p class="utrecht-paragraph"><strong>{props.title ?? "Dat lukte niet"}</strong></p>
        <p class="utrecht-paragraph">{errorMessage(props.error)}</p>
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
  return <p class="utrecht-paragraph oogo-loading" role="status">{props.label ?? "Bezig met laden…"}</p>;
}

/** Renders children once a resource has data; shows loading and errors in a consistent way. */
export function Loaded<T>(props: { when: { (): T | undefined; loading: boolean; error: unknown }; children: (value: T) => JSX.Element; label?: string }) {
  return (
    <Show when={!props.when.error} fallback={<ErrorAlert error={props.when.error} title="Laden mislukt" />}>
      <Show when={props.when()} fallback={<Loading label={props.label} />}>
        {(value) => props.children(value())}
      </Show>
    </Show>
  );
}
