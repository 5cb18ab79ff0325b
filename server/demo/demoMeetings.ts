import type { DemoContext } from "./seedDemo.ts";

/** Demo meetings, procedure steps and minutes (filled in with the meetings feature). */
export async function seedDemoMeetings(_ctx: DemoContext): Promise<void> {}
