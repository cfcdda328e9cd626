import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { saveSuggestionRecord, suggestionsRootName } from '#shared/negotiation/suggestions';
import { SuggestingMode } from '../../renderer/editor/suggestingMode';
import { suggestionRecord } from '../helpers/suggestionRecord';

describe('the suggestion records a document editor follows', () => {
  it('a record recorded or decided is read anew and heard by its followers only; every other record keeps its object', () => {
    const doc = new Y.Doc();
    saveSuggestionRecord(doc, suggestionRecord('s-luong'));
    saveSuggestionRecord(doc, suggestionRecord('s-thuong'));
    const mode = new SuggestingMode(doc, 'p-employer');
    const heard: string[] = [];
    const stopBonus = mode.onRecord('s-thuong', () => heard.push(`thuong ${mode.recordOf('s-thuong')?.status}`));
    const stopWage = mode.onRecord('s-luong', () => heard.push('luong'));
    const stopNight = mode.onRecord('s-ca-dem', () => heard.push(`ca-dem ${mode.recordOf('s-ca-dem')?.status}`));
    const wage = mode.recordOf('s-luong');
    const bonus = mode.recordOf('s-thuong');

    saveSuggestionRecord(doc, suggestionRecord('s-thuong', { status: 'accepted', decidedAt: '2027-01-05T02:00:00.000Z', decidedByName: 'Chị Lan' }));
    expect(heard).toEqual(['thuong accepted']);
    expect(mode.recordOf('s-luong')).toBe(wage);
    expect(mode.recordOf('s-thuong')).not.toBe(bonus);
    expect(mode.recordOf('s-thuong')).toMatchObject({ status: 'accepted', decidedByName: 'Chị Lan' });

    saveSuggestionRecord(doc, suggestionRecord('s-ca-dem', { clauseId: 'shifts' }));
    expect(mode.recordOf('s-luong')).toBe(wage);
    expect(mode.recordOf('s-ca-dem')).toMatchObject({ clauseId: 'shifts' });
    expect(heard).toEqual(['thuong accepted', 'ca-dem pending']);

    // A record taken out of the document is heard as gone.
    doc.getMap(suggestionsRootName).delete('s-thuong');
    expect(heard).toEqual(['thuong accepted', 'ca-dem pending', 'thuong undefined']);
    stopBonus();
    stopWage();
    stopNight();
    mode.destroy();
  });
});
