/** Issue 16 item 10: a packaged build has no DevTools and ignores the PDF-worker environment variable. */
import { describe, expect, it } from 'vitest';
import { dropDevOnlyEnv, windowOptions } from '../../../electron/security';

describe('packaged build hardening', () => {
  it('DevTools are off in a packaged build, on in development', () => {
    expect(windowOptions('/app/preload.js', { packaged: true }).webPreferences.devTools).toBe(false);
    expect(windowOptions('/app/preload.js').webPreferences.devTools).toBe(true);
  });
  it('the environment cannot choose the PDF worker in a packaged build', () => {
    const env: NodeJS.ProcessEnv = { GIOT_HONG_PDF_WORKER: '/tmp/evil.js', PATH: '/bin' };
    dropDevOnlyEnv(env, false);
    expect(env.GIOT_HONG_PDF_WORKER).toBe('/tmp/evil.js');
    dropDevOnlyEnv(env, true);
    expect(env.GIOT_HONG_PDF_WORKER).toBeUndefined();
    expect(env.PATH).toBe('/bin');
  });
});
