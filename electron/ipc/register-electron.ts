import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/ipc/contract';
import { isAppUrl } from '../security';
import type { Dispatch } from './dispatch';

/** Registers one ipcMain handler per contract channel; each checks who is calling first. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void {
  const seen = new Set<string>();
  for (const name of channelNames) {
    if (seen.has(name)) throw new Error(`IPC channel registered twice: ${name}`);
    seen.add(name);
    ipcMain.handle(name, (event: IpcMainInvokeEvent, args: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isAppUrl(url)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ của ứng dụng nên đã bị từ chối.' } };
      }
      return dispatch(name, args);
    });
  }
}
