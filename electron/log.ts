/**
 * The app's only logger. It never receives personal data: callers pass an operation name,
 * and only the error's class and stack (no message, which may echo a cell value) are written.
 */
export function logError(operation: string, e: unknown): void {
  const kind = e instanceof Error ? e.name : typeof e;
  const stack = e instanceof Error && e.stack ? e.stack.split('\n').slice(1, 6).map(oneLine).join('\n') : '';
  console.error(`[giot-hong] ${oneLine(operation)}: ${oneLine(kind)}\n${stack}`);
}

/** One log line can never become two, nor carry terminal escapes (a file or channel name could). */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function logInfo(message: string): void {
  if (process.env.GIOT_HONG_QUIET !== '1') console.log(`[giot-hong] ${oneLine(message)}`);
}
