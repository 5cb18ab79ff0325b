export * from "./accounts.ts";
export * from "./workspaces.ts";
export * from "./documents.ts";
export * from "./points.ts";
export * from "./audit.ts";
export * from "./meetings.ts";
export * from "./instance.ts";
export * from "./mail.ts";
