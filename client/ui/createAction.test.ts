import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/http.ts";
import { createAction } from "./createAction.ts";
import { errorMessages, fieldError, inputError, InvalidInput } from "./inputErrors.ts";

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("createAction", () => {
  it("is busy while running and ignores a second run (no double submit)", async () => {
    const gate = deferred<string>();
    let calls = 0;
    const action = createAction((name: string) => {
      calls += 1;
      return gate.promise.then((v) => `${v} ${name}`);
    });
    const first = action.run("a");
    expect(action.busy()).toBe(true);
    expect(await action.run("b")).toBeUndefined();
    expect(calls).toBe(1);
    gate.resolve("hallo");
    expect(await first).toBe("hallo a");
    expect(action.busy()).toBe(false);
    expect(action.result()).toBe("hallo a");
    expect(action.error()).toBeNull();
  });

  it("keeps a failure in error() instead of throwing, and a new run clears it", async () => {
    let fail = true;
    const action = createAction(() =>
      fail ? Promise.reject(new ApiRequestError(409, "VERSION_CONFLICT", "Iemand was u voor.")) : Promise.resolve(1),
    );
    expect(await action.run()).toBeUndefined();
    expect(action.busy()).toBe(false);
    expect((action.error() as ApiRequestError).status).toBe(409);
    fail = false;
    const again = action.run();
    expect(action.error()).toBeNull();
    expect(await again).toBe(1);
  });

  it("treats a client-side check thrown inside fn like the API's 400, and can run again after it", async () => {
    const action = createAction((title: string) => {
      if (title.length < 3) throw inputError("Geef een titel van minstens 3 tekens.", "title");
      return Promise.resolve(title);
    });
    expect(await action.run("ab")).toBeUndefined();
    expect(fieldError(action.error(), "title")).toBe("Geef een titel van minstens 3 tekens.");
    expect(await action.run("abc")).toBe("abc");
  });

  it("reset() forgets error and result", async () => {
    const action = createAction(() => Promise.reject(new Error("x")));
    await action.run();
    action.reset();
    expect(action.error()).toBeNull();
    expect(action.result()).toBeUndefined();
  });
});

describe("field errors", () => {
  it("maps the API's field to that field only", () => {
    const err = new ApiRequestError(400, "VALIDATION_FAILED", "Te lang.", "title");
    expect(fieldError(err, "title")).toBe("Te lang.");
    expect(fieldError(err, "place")).toBeUndefined();
    expect(fieldError(new ApiRequestError(409, "VERSION_CONFLICT", "Conflict."), "title")).toBeUndefined();
    expect(fieldError(new ApiRequestError(400, "VALIDATION_FAILED", "title: Geef een titel.", "title"), "title")).toBe(
      "Geef een titel.",
    );
  });
  it("carries several client-side field messages at once", () => {
    const err = new InvalidInput({ email: "Vul een geldig e-mailadres in.", password: "Vul uw wachtwoord in." });
    expect(fieldError(err, "password")).toBe("Vul uw wachtwoord in.");
    expect(errorMessages(err)).toEqual(["Vul een geldig e-mailadres in.", "Vul uw wachtwoord in."]);
    expect(errorMessages(new Error("intern"))).toEqual(["Er ging iets mis. Probeer het opnieuw."]);
  });
});
