/**
 * The renderer's view of the app lock, shared by the api wrapper and the lock screen: a call refused
 * with APP_LOCKED raises the lock screen at once and waits for the unlock, then runs again, so the
 * clerk's work on screen is neither lost nor shown to the next person at the desk.
 */
type Listener = (locked: boolean) => void;

let locked = false;
const listeners = new Set<Listener>();
let waiting: { promise: Promise<void>; resolve(): void } | null = null;

export function isLocked(): boolean {
  return locked;
}

export function setLocked(next: boolean): void {
  if (next === locked) return;
  locked = next;
  if (!next && waiting) {
    waiting.resolve();
    waiting = null;
  }
  for (const l of [...listeners]) l(next);
}

export function onLockChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Resolves when the clerk has unlocked (at once when not locked). */
export function whenUnlocked(): Promise<void> {
  if (!locked) return Promise.resolve();
  if (!waiting) {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    waiting = { promise, resolve };
  }
  return waiting.promise;
}
