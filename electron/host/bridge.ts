import { channelNames } from '../../shared/ipc/contract';
import { buildApi } from '../../shared/ipc/build-api';
import type { Result } from '../../shared/ipc/result';

// Browser side of the Node host: the same window.api as the Electron preload, over HTTP.
const token = document.querySelector('meta[name="giot-hong-token"]')?.getAttribute('content') ?? '';

async function call(channel: string, args: unknown): Promise<Result<unknown>> {
  try {
    const res = await fetch(`/__api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-giot-hong-token': token },
      body: JSON.stringify(args ?? {}),
    });
    if (!res.ok) {
      // 400/413 carry a Vietnamese message; 403 (wrong token, wrong host) carries none.
      const body = (await res.json().catch(() => null)) as Result<unknown> | null;
      if (body && body.ok === false && body.error?.message) return body;
      return { ok: false as const, error: { code: 'HOST', message: 'Máy chủ thử nghiệm từ chối yêu cầu.' } };
    }
    return await res.json();
  } catch {
    return { ok: false as const, error: { code: 'HOST', message: 'Mất kết nối với máy chủ thử nghiệm. Hãy khởi động lại.' } };
  }
}

(window as unknown as { api: unknown }).api = buildApi(channelNames, call);
