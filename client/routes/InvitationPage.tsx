import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { authApi } from "../api/endpoints.ts";
import { useSession } from "../app/session.tsx";
import { PageTitle } from "../ui/PageTitle.tsx";
import { ErrorAlert } from "../ui/feedback.tsx";

/** Landing page of an invitation link (`/uitnodiging#<token>`): the new member chooses a password. */
export default function InvitationPage() {
  const session = useSession();
  const navigate = useNavigate();
  const token = location.hash.slice(1);
  const [password, setPassword] = createSignal("");
  const [error, setError] = createSignal<unknown>(null);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await authApi.acceptInvitation(token, password());
      await session.refresh();
      navigate("/", { replace: true });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div class="oogo-narrow">
      <PageTitle lead="U bent uitgenodigd voor een OOGO-tafel. Kies een wachtwoord om te beginnen.">Uitnodiging aannemen</PageTitle>
      <Show when={error()}><ErrorAlert error={error()} /></Show>
      <form class="utrecht-form" onSubmit={(e) => void submit(e)}>
        <div class="utrecht-form-field">
          <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="new-password">Nieuw wachtwoord (minstens 8 tekens)</label></div>
          <div class="utrecht-form-field__input">
            <input id="new-password" type="password" autocomplete="new-password" minlength="8" required
              class="utrecht-textbox utrecht-textbox--html-input" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
          </div>
        </div>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">Wachtwoord opslaan</button>
      </form>
    </div>
  );
}
