import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageType } from '#shared/sync/protocol';

/** The marker frame asking the server to confirm, once stored, everything sent before it. */
export function encodeStoredMarker(marker: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.storedAck);
  encoding.writeVarUint(encoder, marker);
  return encoding.toUint8Array(encoder);
}

export function readStoredMarker(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoder);
}

const saveDelayMs = 250;

/**
 * Counts this device's changes that are not yet stored on the server. Every local change is
 * numbered; the server echoes a number once everything sent before it is in its database.
 * Both counters survive a reload, so offline work stays counted.
 */
export class PendingChanges {
  private made: number;
  private stored: number;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly storageKey: string) {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as { made?: number; stored?: number };
    this.made = saved.made ?? 0;
    this.stored = saved.stored ?? 0;
  }

  get count(): number {
    return this.made - this.stored;
  }

  /** Records one more local change and returns its marker. */
  recordLocalChange(): number {
    this.made += 1;
    this.save();
    return this.made;
  }

  get latestMarker(): number {
    return this.made;
  }

  confirmStored(marker: number): void {
    if (marker <= this.stored) return;
    this.stored = Math.min(marker, this.made);
    this.save();
  }

  forget(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    localStorage.removeItem(this.storageKey);
    this.made = 0;
    this.stored = 0;
  }

  /**
   * Writes are coalesced: localStorage is synchronous, and typing changes both counters on every
   * keystroke. What a crash can lose is the last quarter of a second of counting, never a change
   * (those are in the offline copy); closing the page writes at once (flush).
   */
  private save(): void {
    this.saveTimer ??= setTimeout(() => this.flush(), saveDelayMs);
  }

  /** Writes the counters now, if they changed since the last write. */
  readonly flush = (): void => {
    if (this.saveTimer === undefined) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    localStorage.setItem(this.storageKey, JSON.stringify({ made: this.made, stored: this.stored }));
  };
}
