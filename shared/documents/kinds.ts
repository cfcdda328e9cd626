/**
 * Kinds of document the product drafts. Collective agreements are concluded at enterprise,
 * sector or multi-enterprise level (Labour Code Art. 72, 75); their vote rules differ
 * (Art. 76(1)-(2)). Labour regulations are issued by the employer (Art. 118).
 */
export const documentKinds = ['enterprise_agreement', 'sector_agreement', 'multi_enterprise_agreement', 'labour_regulations'] as const;

export type DocumentKind = (typeof documentKinds)[number];

/** Whether a kind is a collective labour agreement (as opposed to labour regulations). */
export function isCollectiveAgreement(kind: DocumentKind): boolean {
  return kind !== 'labour_regulations';
}
