import { createContext, createResource, useContext, type ParentProps, type Resource } from "solid-js";
import { authApi } from "../api/endpoints.ts";
import { ApiRequestError } from "../api/http.ts";
import type { MeView } from "../../shared/schemas/auth.ts";

interface SessionValue {
  /** The logged-in user, or null when there is no session. */
  me: Resource<MeView | null>;
  refresh(): Promise<unknown>;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionValue>();

async function fetchMe(): Promise<MeView | null> {
  try {
    return await authApi.me();
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) return null;
    throw err;
  }
}

export function SessionProvider(props: ParentProps) {
  const [me, { refetch }] = createResource(fetchMe);
  const value: SessionValue = {
    me,
    refresh: () => Promise.resolve(refetch()),
    async login(email, password) {
      await authApi.login(email, password);
      await refetch();
    },
    async logout() {
      await authApi.logout();
      await refetch();
    },
  };
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
