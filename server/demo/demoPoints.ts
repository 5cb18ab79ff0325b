import type { DemoContext } from "./seedDemo.ts";

/** Demo overeenstemmingspunten (filled in with the points feature). */
export async function seedDemoPoints(_ctx: DemoContext): Promise<void> {}
