import type { StoreLocation } from '#main/store/port';

/**
 * The store a hosted instance or the command line names with --store (or THOA_UOC_STORE): a
 * postgres:// URL, or null for the data folder's SQLite file.
 */
export function storeOption(value: string | undefined): Extract<StoreLocation, { kind: 'postgres' }> | null {
  if (value === undefined || value === '') return null;
  if (!/^postgres(ql)?:\/\//.test(value)) throw new Error('--store (or THOA_UOC_STORE) must be a postgres:// URL');
  return { kind: 'postgres', url: value };
}
