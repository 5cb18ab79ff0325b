import { randomBytes, createHash } from "node:crypto";

/** A random, URL-safe secret for cookies and invitation links. */
export const newToken = () => randomBytes(32).toString("base64url");
/** Only hashes of tokens are stored, so a copy of the database does not grant access. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const newId = () => randomBytes(12).toString("base64url");
