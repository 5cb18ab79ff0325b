/**
 * Lowers the scheduling priority of the calling thread only (Linux: a thread is a task with its
 * own id, and setpriority on that id leaves the other threads alone). A background thread that
 * calls this gives way on a busy core to the main thread's event loop, which serves requests and
 * the sync fan-out (bench/digest.ts measures it). Elsewhere it does nothing.
 */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/** 0 is normal, 19 the lowest; 10 still gets a fair share of an idle or lightly used machine. */
export function lowerThisThreadsPriority(nice = 10): boolean {
  try {
    // "/proc/thread-self" → "<pid>/task/<tid>"
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
