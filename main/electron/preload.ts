import { contextBridge, ipcRenderer } from 'electron';

// The renderer gets exactly two functions: a call of the API contract, and "Back up…" (which opens
// the save dialog). No ipcRenderer, no Node.
contextBridge.exposeInMainWorld('thoaUoc', {
  call: (method: string, input: unknown) => ipcRenderer.invoke('thoa-uoc:api', String(method), input),
  backup: (words: unknown) => ipcRenderer.invoke('thoa-uoc:backup', words),
});
