import { contextBridge, ipcRenderer } from 'electron';

// The renderer gets exactly one function: a call of the API contract. No ipcRenderer, no Node.
contextBridge.exposeInMainWorld('thoaUoc', {
  call: (method: string, input: unknown) => ipcRenderer.invoke('thoa-uoc:api', String(method), input),
});
