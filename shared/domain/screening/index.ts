export * from "./scale.ts";
export * from "./screenPlan.ts";
export { OVERLEG_QUESTIONS } from "./vocabulary.ts";
export * from "./opinions.ts";
export * from "./algorithm.ts";
export * from "./wording.ts";
export * from "./compare.ts";
export * from "./bespreekpunt.ts";
