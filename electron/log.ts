/**
 * The app's only logger. It never receives personal data: callers pass an operation name,
 * and only the error's class and stack (no message, which may echo a cell value) are written.
 */
export function logError(operation: string, e: unknown): void {
  const kind = e instanceof Error ? e.name : typeof e;
  const stack = e instanceof Error && e.stack ? e.stack.split('\n').slice(1, 6).join('\n') : '';
  console.error(`[giot-hong] ${operation}: ${kind}\n${stack}`);
}

export function logInfo(message: string): void {
  if (process.env.GIOT_HONG_QUIET !== '1') console.log(`[giot-hong] ${message}`);
}
