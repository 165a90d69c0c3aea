import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../shared/ipc/contract';
import { buildApi } from '../shared/ipc/build-api';

// One named function per contract channel (api.units.list, api.imports.commit, …); no generic invoke.
contextBridge.exposeInMainWorld('api', buildApi(channelNames, (channel, args) => ipcRenderer.invoke(channel, args)));
