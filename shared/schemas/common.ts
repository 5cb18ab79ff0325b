import { z } from "zod";

/** Ids are opaque, URL-safe strings. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Ongeldige id");

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

export const Email = z.string().trim().toLowerCase().max(254).email("Vul een geldig e-mailadres in");
