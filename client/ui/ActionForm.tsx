import type { JSX } from "solid-js";
import type { Action } from "./createAction.ts";
import { ErrorSummary } from "./Field.tsx";

/**
 * A form whose submit runs one action that reads its own inputs (signals), with the action's
 * error summary at the top: the browser's own validation is off (`novalidate`), the Dutch
 * messages come from the action (see ./Field.tsx, ErrorSummary).
 *
 *   <ActionForm action={save} errorTitle="Opslaan lukte niet">…fields, submit button…</ActionForm>
 */
export function ActionForm(props: { action: Action<[], unknown>; errorTitle: string; children: JSX.Element }) {
  return (
    <form
      class="utrecht-form"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        void props.action.run();
      }}
    >
      <ErrorSummary error={props.action.error()} title={props.errorTitle} />
      {props.children}
    </form>
  );
}
