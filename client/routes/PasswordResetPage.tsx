import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { authApi } from "../api/endpoints.ts";
import { PageTitle } from "../ui/PageTitle.tsx";
import { createAction } from "../ui/createAction.ts";
import { ErrorSummary, Field } from "../ui/Field.tsx";
import { InfoAlert } from "../ui/feedback.tsx";
import { fieldError, inputError } from "../ui/inputErrors.ts";

/**
 * "Wachtwoord vergeten": asks for a link by e-mail. The confirmation is the server's one neutral
 * answer, so the page never tells whether an address has an account.
 */
export default function PasswordResetPage() {
  const [email, setEmail] = createSignal("");
  const ask = createAction(async (address: string) => {
    if (!/^\S+@\S+\.\S+$/.test(address)) throw inputError("Vul een geldig e-mailadres in.", "email");
    return (await authApi.requestPasswordReset(address)).message;
  });
  let confirmation: HTMLDivElement | undefined;

  return (
    <div class="oogo-narrow">
      <PageTitle lead="Vul het e-mailadres in waarmee u inlogt. U krijgt een link om een nieuw wachtwoord te kiezen.">
        Wachtwoord vergeten
      </PageTitle>
      <Show
        when={ask.result()}
        fallback={
          <form
            class="utrecht-form"
            novalidate
            onSubmit={(e) => {
              e.preventDefault();
              void ask.run(email().trim()).then((done) => done && queueMicrotask(() => confirmation?.focus()));
            }}
          >
            <ErrorSummary error={ask.error()} title="Aanvragen lukte niet" />
            <Field id="email" label="E-mailadres" error={fieldError(ask.error(), "email")}>
              {(control) => (
                <input
                  {...control}
                  name="email"
                  type="email"
                  autocomplete="username"
                  required
                  class="utrecht-textbox utrecht-textbox--html-input"
                  value={email()}
                  onInput={(e) => setEmail(e.currentTarget.value)}
                />
              )}
            </Field>
            <button
              type="submit"
              class="utrecht-button utrecht-button--primary-action"
              disabled={ask.busy()}
              aria-busy={ask.busy()}
            >
              {ask.busy() ? "Bezig…" : "Link aanvragen"}
            </button>
          </form>
        }
      >
        {(message) => (
          <div ref={(el) => (confirmation = el)} tabindex="-1">
            <InfoAlert type="ok">
              <p class="utrecht-paragraph">{message()}</p>
            </InfoAlert>
            <p class="utrecht-paragraph">
              Geen e-mail ontvangen? Kijk ook in de map met ongewenste e-mail, of vraag het na een paar minuten opnieuw.
            </p>
          </div>
        )}
      </Show>
      <p class="utrecht-paragraph">
        <A href="/inloggen" class="utrecht-link">
          Terug naar inloggen
        </A>
      </p>
    </div>
  );
}
