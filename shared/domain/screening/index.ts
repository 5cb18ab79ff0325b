export * from "./scale.ts";
export * from "./screenPlan.ts";
export { OVERLEG_QUESTIONS } from "./vocabulary.ts";
export * from "./opinions.ts";
