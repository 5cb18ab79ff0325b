import { A, useNavigate } from "@solidjs/router";
import { createResource, For, onCleanup, Show } from "solid-js";
import { notificationsApi } from "../../api/notifications.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import type { NotificationView } from "../../../shared/schemas/notifications.ts";
import { createAction } from "../../ui/createAction.ts";
import { ErrorAlert, Loaded } from "../../ui/feedback.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { onInboxChanged, setUnreadCount } from "./unread.ts";
import "./notifications.css";

/**
 * Meldingen: what waits for me at every tafel, newest first, each with why I got it and a link
 * straight to the thing. Opening one marks it read; the header's count follows.
 */
export default function InboxPage() {
  const [inbox, { refetch }] = createResource(() => notificationsApi.list());
  onCleanup(onInboxChanged(() => void refetch()));
  const navigate = useNavigate();
  const markRead = createAction(async (ids: string[] | "all") => {
    const result = await notificationsApi.markRead(ids === "all" ? { all: true } : { ids });
    setUnreadCount(result.unread);
    await refetch();
    return result;
  });
  const open = async (n: NotificationView) => {
    if (!n.read) await markRead.run([n.id]);
    navigate(n.path);
  };
  return (
    <>
      <PageTitle lead="Wat op u wacht aan uw OOGO-tafels. Per soort melding kiest u onder Mijn account of u ook een e-mail krijgt.">
        Meldingen
      </PageTitle>
      <Show when={markRead.error()}>
        {(error) => <ErrorAlert error={error()} title="Markeren als gelezen lukte niet" />}
      </Show>
      <Loaded when={inbox} label="Meldingen laden…">
        {(view) => (
          <>
            <div class="oogo-inbox__bar">
              <p class="oogo-result-count" role="status">
                {view().unread === 0
                  ? "U heeft geen ongelezen meldingen."
                  : `${view().unread} ongelezen ${view().unread === 1 ? "melding" : "meldingen"}.`}
              </p>
              <Show when={view().unread > 0}>
                <button
                  type="button"
                  class="utrecht-button utrecht-button--secondary-action"
                  disabled={markRead.busy()}
                  onClick={() => void markRead.run("all")}
                >
                  Alles als gelezen markeren
                </button>
              </Show>
              <A href="/account#meldingen" class="utrecht-link">
                Kiezen welke e-mail u krijgt
              </A>
            </div>
            <Show
              when={view().notifications.length > 0}
              fallback={<p class="oogo-empty">Er zijn nog geen meldingen voor u.</p>}
            >
              <ul class="oogo-inbox">
                <For each={view().notifications}>
                  {(n) => (
                    <li class={`oogo-inbox__item${n.read ? "" : " oogo-inbox__item--unread"}`}>
                      <p class="oogo-inbox__meta">
                        <Show when={!n.read}>
                          <span class="oogo-inbox__new">Nieuw</span>
                        </Show>
                        <span>{n.kindLabel}</span>
                        <span>{n.tafelName}</span>
                        <span>{formatDateTime(n.createdAt)}</span>
                      </p>
                      <h2 class="utrecht-heading-3 oogo-inbox__title">
                        <a
                          href={n.path}
                          class="utrecht-link"
                          onClick={(e) => {
                            e.preventDefault();
                            void open(n);
                          }}
                        >
                          {n.title}
                        </a>
                      </h2>
                      <p class="utrecht-paragraph oogo-inbox__reason">{n.reason}</p>
                      <Show when={!n.read}>
                        <button
                          type="button"
                          class="utrecht-button utrecht-button--subtle"
                          disabled={markRead.busy()}
                          onClick={() => void markRead.run([n.id])}
                        >
                          Markeer als gelezen<span class="oogo-visually-hidden">: {n.title}</span>
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Loaded>
    </>
  );
}
