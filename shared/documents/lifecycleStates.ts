/**
 * Lifecycle states of a document. Collective agreements: Labour Code Art. 70 (bargaining),
 * 76 (vote, signing), 77 (sending), 78 (effect), 83 (expiry). Labour regulations: Art. 118(3)
 * (union consultation), 119-121 (registration and effect). Transitions are defined separately.
 */
export const lifecycleStates = [
  'drafting',
  'bargaining',
  'employee_vote',
  'signed',
  'submitted',
  'in_force',
  'expiring',
  'expired',
  'union_consultation',
  'issued',
  'registration_sent',
] as const;

export type LifecycleState = (typeof lifecycleStates)[number];

/** The state every new document starts in. */
export const initialLifecycleState: LifecycleState = 'drafting';
