import type { Language } from '#shared/format/locale';
import { en } from '../../renderer/i18n/en';

/**
 * What gives away the other language in a text meant for one (issue 15: one language per screen).
 * Vietnamese is told by its letters, which English never writes; English in a Vietnamese text by
 * its common words, chosen among those that are no Vietnamese syllable written without its marks
 * ("an", "to", "in", "no", "may", "ban", "hay" are left out for that reason).
 */

const vietnameseLetters = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/iu;

const englishWords = new Set([
  'the',
  'and',
  'of',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'this',
  'that',
  'these',
  'those',
  'with',
  'without',
  'for',
  'not',
  'your',
  'you',
  'has',
  'have',
  'had',
  'will',
  'would',
  'should',
  'could',
  'must',
  'by',
  'from',
  'or',
  'it',
  'its',
  'cannot',
  'yes',
  'all',
  'any',
  'each',
  'which',
  'who',
  'what',
  'when',
  'where',
  'there',
  'here',
  'than',
  'then',
  'into',
  'about',
  'after',
  'before',
  'only',
  'also',
  'more',
  'please',
  'click',
  'their',
  'they',
  'we',
  'our',
  'if',
  'but',
  'at',
  'out',
  'off',
  'over',
  'under',
  'between',
  'document',
  'documents',
  'article',
  'articles',
  'version',
  'versions',
  'vote',
  'file',
  'files',
  'save',
  'open',
  'close',
  'cancel',
  'send',
  'error',
  'server',
  'page',
  'agreement',
  'proposal',
  'proposals',
  'comment',
  'comments',
  'template',
  'templates',
  'side',
  'employer',
  'reviewer',
  'loading',
  'new',
  'edit',
  'delete',
  'export',
  'import',
  'found',
  'invitation',
  'code',
  'check',
  'rule',
  'days',
  'none',
]);

/** Names written alike in both interfaces: the product's, a language's own name in the language picker, and Tết, which English borrows. */
const sharedNames = ['Thỏa Ước', 'Tiếng Việt', 'Tết'];

/** The words of a text that belong to the other language than `language`, in order; none when it speaks `language` alone. */
export function otherLanguageIn(text: string, language: Language): string[] {
  if (language === 'en') {
    const withoutNames = sharedNames.reduce((rest, name) => rest.replaceAll(name, ' '), text);
    return (withoutNames.match(/\p{L}+/gu) ?? []).filter((word) => vietnameseLetters.test(word));
  }
  return (text.match(/\p{L}+/gu) ?? []).filter((word) => englishWords.has(word.toLowerCase()));
}

/** A translation key shown instead of its words ("lifecycle.step.sign"), as i18next shows a key it lacks. */
export const rawKey = new RegExp(`\\b(?:${Object.keys(en).join('|')})\\.[A-Za-z_]`, 'u');
