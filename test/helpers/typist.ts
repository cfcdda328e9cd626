import type * as decoding from 'lib0/decoding';
import { messageType } from '#shared/sync/protocol';
import { encodeStoredMarker, readStoredMarker } from '../../renderer/collab/storedAcks';
import { connectClient, type ServerClose, type SyncClient } from './syncClient';

/**
 * A person typing one letter at a time through a stock client, asking after each letter for the
 * server's confirmation that everything sent so far is stored (S12): which letters were
 * acknowledged is known at any moment.
 */
export class Typist {
  readonly sent: string[] = [];
  /** How many letters the server confirmed as stored. */
  acknowledged = 0;
  /** Every close the server decided, in order. */
  readonly closes: ServerClose[] = [];

  constructor(public client: SyncClient) {
    this.listen();
  }

  /** The same document (with whatever it has not sent), now connected through another instance. */
  reconnect(serverUrl: string, documentId: string, token: string): SyncClient {
    this.client.provider.destroy();
    this.client = connectClient(serverUrl, documentId, token, this.client.doc);
    this.listen();
    return this.client;
  }

  private listen(): void {
    this.client.provider.messageHandlers[messageType.storedAck] = (_encoder, decoder: decoding.Decoder) => {
      this.acknowledged = Math.max(this.acknowledged, readStoredMarker(decoder));
    };
    this.client.provider.on('connection-close', (event) => {
      if (event) this.closes.push({ code: event.code, reason: event.reason });
    });
  }

  /** Types `count` letters of `alphabet`, one per turn, each followed by a marker. */
  async type(alphabet: string, count: number, pauseMs = 5): Promise<void> {
    for (let index = 0; index < count; index += 1) {
      const letter = alphabet[index % alphabet.length] as string;
      this.client.text.insert(this.client.text.length, letter);
      this.sent.push(letter);
      const ws = this.client.provider.ws;
      if (ws && ws.readyState === ws.OPEN) ws.send(encodeStoredMarker(this.sent.length));
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}

/** The letters a typist sent, in order, as they appear in `text` (its own run of them). */
export const typedIn = (text: string, letters: readonly string[]): string => [...text].filter((letter) => letters.includes(letter)).join('');
