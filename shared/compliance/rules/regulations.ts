/**
 * Labour regulations: the content LC Art. 118(2) requires (items a-i, detailed by Decree 145 Art.
 * 69(2)) with the sexual-harassment content of Decree 145 Art. 85, and the registration and effect
 * figures of Art. 119 and 121 (rules regs.required_sections, regs.procedure).
 *
 * An item is covered by an article built from a template whose legal basis cites one of the
 * requirement's provisions (requirements.json `implementedBy`, as the library's outlines are
 * checked), or — for articles written by hand — by an article whose heading (title or chapter
 * title) names the topic; the Decree 145 Art. 85 elements are looked for in the text of the
 * articles about harassment.
 */
import { lc } from '#shared/compliance/citations';
import type { IndexedArticle } from '#shared/compliance/documentIndex';
import { numberWritten, pattern } from '#shared/compliance/patterns';
import type { RuleDefinition } from '#shared/compliance/ruleDefinition';
import type { RuleContext } from '#shared/compliance/ruleContext';
import { fold } from '#shared/compliance/text';
import type { RuleFinding } from '#shared/compliance/types';
import { citationCovers, templateLibrary } from '#shared/templates/library';
import type { Requirement } from '#shared/templates/schema';

/** How a heading (article or chapter title, folded) names each Art. 118(2) item. */
const itemHeadings: Readonly<Record<string, RegExp>> = {
  'lc118.2.a':
    /thoi gio lam viec|thoi gio nghi ngoi|gio lam viec|ca lam viec|lam them gio|nghi hang (?:tuan|nam)|nghi le|nghi viec rieng|working (?:time|hours)|rest (?:time|periods?)|shifts?\b|overtime|weekly rest|annual leave|public holidays?|leave\b/,
  'lc118.2.b': /trat tu|ung xu|trang phuc|di lai trong gio|workplace order|order at (?:the )?work|conduct|dress/,
  'lc118.2.c': /an toan|ve sinh lao dong|phong chay|bao ho|occupational safety|safety|fire/,
  'lc118.2.d': /quay roi tinh duc|sexual harassment/,
  'lc118.2.dd': /tai san|bi mat|so huu tri tue|assets?\b|secrets?|intellectual property|confidential/,
  'lc118.2.e': /tam thoi chuyen|chuyen (?:nguoi lao dong )?(?:sang )?lam (?:cong )?viec khac|temporary transfer|transfer(?:red)? to (?:other|another) work/,
  'lc118.2.g': /^(?!.*(?:tham quyen|competent|authority)).*(?:ky luat|disciplin)/,
  'lc118.2.h': /trach nhiem vat chat|boi thuong thiet hai|material liability|compensation for damage|liability/,
  'lc118.2.i': /tham quyen xu ly ky luat|nguoi co tham quyen|competent (?:person|to discipline)|authority to discipline|disciplinary authority/,
};

const harassmentHeading = /quay roi|harass/;

/** The Decree 145 Art. 85 elements in the text of the harassment articles (all of the listed patterns). */
const harassmentElements: Readonly<Record<string, readonly RegExp[]>> = {
  'd145.85.1.a': [/nghiem cam|bi cam|cam moi hanh vi|cam hanh vi|prohibit|forbid/],
  'd145.85.1.b': [/la hanh vi|bao gom|cac hanh vi sau|cac dang|the chat|loi noi|means? any|includes?|physical|verbal/],
  'd145.85.1.c': [
    /trinh tu|thu tuc|tiep nhan|khieu nai|to cao|procedure|complain|report/,
    /thoi han|\d+\s?(?:ngay|days)|⟦[^⟧]*days[^⟧]*⟧|time limits?|within|trach nhiem|responsib/,
  ],
  'd145.85.1.d': [/ky luat|disciplin|sanction/, /sai su that|vu khong|false (?:accusation|report|complaint|allegation)|malicious|untrue/],
  'd145.85.1.dd': [/boi thuong|khac phuc|compensat|remed/],
  'd145.85.2': [/bi mat|bao mat|confidential/, /kip thoi|nhanh chong|prompt|timely|fast|swift/],
};

function articleCites(article: IndexedArticle, requirement: Requirement, context: RuleContext): boolean {
  if (!article.templateId) return false;
  const template = context.template(article.templateId);
  return template?.legalBasis.some((cited) => requirement.implementedBy.some((required) => citationCovers(required, cited))) ?? false;
}

function headingOf(article: IndexedArticle): string {
  return `${article.foldedTitle} | ${fold(article.chapterTitle ?? '')}`;
}

/** The articles covering a requirement, in document order. */
function coveringArticles(requirement: Requirement, context: RuleContext): IndexedArticle[] {
  const heading = itemHeadings[requirement.id];
  const elements = harassmentElements[requirement.id];
  return context.articles.filter((article) => {
    if (!article.hasText) return false; // an article with (almost) no text covers nothing
    if (articleCites(article, requirement, context)) return true;
    if (heading) return heading.test(article.foldedTitle) || heading.test(fold(article.chapterTitle ?? ''));
    if (elements) return harassmentHeading.test(headingOf(article)) && elements.every((element) => element.test(article.foldedBody));
    return false;
  });
}

/** Missing Art. 118(2) items and Decree 145 Art. 85 elements: each a violation. */
function checkRequiredSections(context: RuleContext): RuleFinding[] {
  if (context.isAgreement) return [];
  const requirements = templateLibrary().requirements.filter((requirement) => requirement.id.startsWith('lc118.2.') || requirement.id.startsWith('d145.85.'));
  const harassmentArticles = context.articles.filter((article) => harassmentHeading.test(headingOf(article)));
  const findings: RuleFinding[] = [];
  for (const requirement of requirements) {
    if (coveringArticles(requirement, context).length > 0) continue;
    const isHarassmentElement = requirement.id.startsWith('d145.85.');
    findings.push(
      context.finding({
        ruleId: 'regs.required_sections',
        severity: 'violation',
        citation: requirement.source,
        message: {
          vi: `Nội quy lao động thiếu nội dung bắt buộc: ${requirement.label.vi} (${isHarassmentElement ? `Điều 85 Nghị định 145/2020/NĐ-CP` : `khoản 2 Điều 118 Bộ luật Lao động 2019`}).`,
          en: `The labour regulations lack required content: ${requirement.label.en} (${isHarassmentElement ? 'Decree 145/2020/ND-CP Art. 85' : 'Labour Code 2019 Art. 118(2)'}).`,
        },
        expected: requirement.label,
        clauseIds: isHarassmentElement ? harassmentArticles.slice(0, 1).map((article) => article.clauseId) : [],
      }),
    );
  }
  return findings;
}

export const regulationRules: readonly RuleDefinition[] = [
  {
    id: 'regs.required_sections',
    what: { vi: 'Nội dung bắt buộc của nội quy lao động', en: 'Required content of labour regulations' },
    floor: {
      vi: 'đủ các điểm a–i khoản 2 Điều 118, gồm phòng, chống quấy rối tình dục theo Điều 85 Nghị định 145',
      en: 'items a–i of Art. 118(2), with anti-harassment content per Decree 145 Art. 85',
    },
    citation: lc(118, 2), // LC Art. 118(2); Decree 145 Art. 69(2), 85
    appliesTo: 'regulations',
    check: checkRequiredSections,
  },
  {
    id: 'regs.procedure',
    what: { vi: 'Đăng ký và hiệu lực của nội quy', en: 'Registration and effect of the regulations' },
    floor: {
      vi: 'nộp hồ sơ trong 10 ngày kể từ ngày ban hành; hiệu lực sau 15 ngày kể từ khi nhận đủ hồ sơ',
      en: 'file within 10 days of issue; effect 15 days after a complete dossier',
    },
    citation: lc(119, 2), // LC Art. 118(3), 119, 121
    appliesTo: 'regulations',
    text: [
      {
        where: /dang ky|ho so|register|registration|dossier/,
        unless: /hieu luc|take effect|in force/,
        value: pattern(String.raw`(?:trong (?:thoi han\s+)?|within\s+)`, numberWritten, String.raw`\s?(?:ngay|days)(?! lam viec| working)`),
        unit: 'days',
        atMost: 10,
        citation: lc(119, 2),
      },
      {
        where: /hieu luc|take effect|takes effect|in force/,
        value: pattern(
          String.raw`(?:(?:sau|after)\s+`,
          numberWritten,
          String.raw`\s?(?:ngay|days)(?! lam viec| working)|`,
          numberWritten,
          String.raw`\s?days after)`,
        ),
        unit: 'days',
        atLeast: 15,
        citation: lc(121),
        what: { vi: 'Thời điểm có hiệu lực của nội quy (sau khi nhận đủ hồ sơ)', en: 'Entry into force of the regulations (after a complete dossier)' },
      },
    ],
  },
];
