import type { DocumentKind } from '#shared/documents/kinds';
import type { Language } from '#shared/format/locale';
import type { VariableValue } from '#shared/templates/schema';
import { frameText, labels, upper, type Bilingual, type FrameLanguages } from '#shared/export/officialFrame';
import type { OrganisationLine, Recipients, SignatureBlock } from '#shared/export/renderModel';

/**
 * The parties of a document, read from its variables (the wizard asks for them: partyFactIds),
 * and what they give the layout: the organisations at top left, the signature blocks and, for
 * labour regulations, the recipients. Labour Code Art. 76(4): the legal representatives sign a
 * collective agreement; Art. 118: the employer issues labour regulations.
 */

const text = (values: Readonly<Record<string, VariableValue>>, id: string): string | null => {
  const value = values[id];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

/** Who the parties are and who signs for them, as the document's variables name them (null when not filled in). */
export interface PartyNames {
  enterprise: string | null;
  union: string | null;
  employerSide: string | null;
  workerSide: string | null;
  employerRepresentative: string | null;
  employerRepresentativeTitle: string | null;
  unionRepresentative: string | null;
  place: string | null;
}

/** The parties' names read from a document's variables. */
export function partyNames(values: Readonly<Record<string, VariableValue>>): PartyNames {
  return {
    enterprise: text(values, 'enterprise_name'),
    union: text(values, 'union_name'),
    employerSide: text(values, 'employer_side_name'),
    workerSide: text(values, 'worker_side_name'),
    employerRepresentative: text(values, 'employer_representative'),
    employerRepresentativeTitle: text(values, 'employer_representative_title'),
    unionRepresentative: text(values, 'union_representative'),
    place: text(values, 'signing_place'),
  };
}

const signature = (titles: Bilingual[], extraTitle: string | null, name: string | null, languages: FrameLanguages, hint: Bilingual): SignatureBlock => ({
  titleLines: [...titles.map((title) => frameText(title, languages)), ...(extraTitle ? [{ text: upper(extraTitle, 'vi') }] : [])],
  hint: languages.secondary ? `${hint[languages.primary]} ${hint[languages.secondary]}` : hint[languages.primary],
  name: name ?? '',
});

// Two blocks side by side leave about 80 mm each: the long titles break where they read well.
const employerTitle: Bilingual = { vi: 'ĐẠI DIỆN\nNGƯỜI SỬ DỤNG LAO ĐỘNG', en: 'ON BEHALF OF THE EMPLOYER' };
const workersTitle: Bilingual = { vi: 'ĐẠI DIỆN\nTẬP THỂ NGƯỜI LAO ĐỘNG', en: 'ON BEHALF OF THE WORKERS’ COLLECTIVE' };
const unionCommittee: Bilingual = { vi: 'TM. BAN CHẤP HÀNH\nCÔNG ĐOÀN CƠ SỞ', en: 'FOR THE GRASSROOTS UNION\nEXECUTIVE COMMITTEE' };
const chair: Bilingual = { vi: 'CHỦ TỊCH', en: 'CHAIR' };
const employerSideTitle: Bilingual = { vi: 'ĐẠI DIỆN BÊN\nNGƯỜI SỬ DỤNG LAO ĐỘNG', en: 'ON BEHALF OF THE EMPLOYER SIDE' };
const workerSideTitle: Bilingual = { vi: 'ĐẠI DIỆN BÊN\nNGƯỜI LAO ĐỘNG', en: 'ON BEHALF OF THE WORKER SIDE' };

export interface PartyFrame {
  organisations: OrganisationLine[];
  signatures: SignatureBlock[];
  recipients: Recipients | null;
  place: string | null;
}

/** The recipients of issued labour regulations: registration (Art. 119), the union, posting (Art. 118(4)). */
function regulationRecipients(language: Language, union: string | null): Recipients {
  const lines: Bilingual[] = [
    { vi: '- Sở Nội vụ (để đăng ký);', en: '- Provincial Department of Home Affairs (for registration);' },
    {
      vi: `- Ban Chấp hành ${union ?? 'Công đoàn cơ sở'} (để phối hợp);`,
      en: `- Executive Committee of ${union ?? 'the grassroots union'} (for cooperation);`,
    },
    { vi: '- Các phòng, ban, bộ phận (để thực hiện);', en: '- Departments and units (for implementation);' },
    { vi: '- Niêm yết tại nơi làm việc;', en: '- Posted at the workplace;' },
    { vi: '- Lưu: VT.', en: '- Archive.' },
  ];
  return { label: labels.recipients[language], lines: lines.map((line) => line[language]) };
}

/** The organisations, signatures and recipients of a document of this kind. */
export function partyFrame(kind: DocumentKind, values: Readonly<Record<string, VariableValue>>, languages: FrameLanguages): PartyFrame {
  const {
    enterprise,
    union,
    employerSide,
    workerSide,
    employerRepresentative: employerName,
    employerRepresentativeTitle: employerRole,
    unionRepresentative: unionName,
    place,
  } = partyNames(values);
  const organisation = (name: string | null, bold: boolean): OrganisationLine[] => (name ? [{ text: upper(name, 'vi'), bold }] : []);
  const hint = labels.signHint;
  switch (kind) {
    case 'labour_regulations':
      return {
        organisations: organisation(enterprise, true),
        signatures: [signature([employerTitle], employerRole, employerName, languages, hint)],
        recipients: regulationRecipients(languages.primary, union),
        place,
      };
    case 'enterprise_agreement':
      return {
        // Both parties conclude and sign the agreement: both are issuers, both in bold.
        organisations: [...organisation(enterprise, true), ...organisation(union, true)],
        signatures: [
          signature([employerTitle], employerRole, employerName, languages, hint),
          signature([workersTitle, unionCommittee, chair], null, unionName, languages, hint),
        ],
        recipients: null,
        place,
      };
    case 'sector_agreement':
    case 'multi_enterprise_agreement':
      return {
        organisations: [...organisation(employerSide, true), ...organisation(workerSide, true)],
        signatures: [
          signature([employerSideTitle], employerRole, employerName, languages, hint),
          signature([workerSideTitle, chair], null, unionName, languages, hint),
        ],
        recipients: null,
        place,
      };
  }
}
