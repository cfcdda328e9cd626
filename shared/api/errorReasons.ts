/**
 * Why a call failed, for people (decision record 0016). An error's `code` says what kind of
 * failure it is and its `message` explains it in English for logs and programs; its `reason`, when
 * a person may meet it, names the cause by a stable key that the interface words in its own
 * language (renderer/i18n: `errorReasons.<key>`), with the values those words need. A rule of the
 * law that shared code already explains in both languages (a lifecycle step, a variable's value)
 * travels as that explanation (`explained`).
 */
import type { Bilingual } from '#shared/templates/schema';

export const apiReasonKeys = [
  // Tokens and access
  'token_needed',
  'token_revoked',
  'host_only',
  'participants_only',
  'participant_removed',
  'participant_not_found',
  'document_not_found',
  'document_not_yours',
  'document_archived',
  'text_frozen',
  // Invitations
  'invitation_unknown',
  'invitation_used',
  'invitation_expired',
  'invitation_document_gone',
  'too_many_codes',
  'invite_own_side',
  'reviewer_cannot_invite',
  // The network share
  'network_share_unavailable',
  'network_address_invalid',
  // Templates and packs
  'template_not_found',
  'template_not_yours',
  'templates_not_for_reviewers',
  'templates_own_side',
  'pack_refused',
  'template_refused',
  'pack_too_large',
  // Variables
  'unknown_variable',
  'fact_from_lifecycle',
  // Negotiation
  'article_not_found',
  'proposal_not_found',
  'draft_not_found',
  'proposal_not_open',
  'proposal_withdraw_author_only',
  'proposal_answered_by_other_side',
  'reviewer_does_not_negotiate',
  'proposal_article_gone',
  'values_offer_nothing',
  'article_agreed',
  'reopen_not_agreed',
  'reopen_already_asked',
  'reopen_nobody_asked',
  'reopen_answered_by_other_side',
  'thread_not_found',
  'suggestion_not_found',
  'suggestion_not_pending',
  'suggestion_stale',
  'suggestion_holds_others',
  'suggestion_withdrawn_by_own_side',
  'suggestion_decided_by_other_side',
  'suggesting_required_unchanged',
  'tracked_changes_sides_only',
  'internal_notes_sides_only',
  'reviewer_comments_off',
  'mention_not_participant',
  'mention_other_side',
  'threads_resolved_by_sides',
  'anchor_not_phrase',
  'mention_not_yours',
  // Costing
  'scenarios_sides_only',
  'scenario_not_found',
  'scenario_published',
  'scenario_not_costed',
  'costing_nothing_to_export',
  // Versions
  'version_not_found',
  'version_article_missing',
  'already_this_text',
  'restore_changes_agreed',
  'reviewers_read_history',
  // Lifecycle and review
  'vote_text_changed',
  'regulations_no_vote',
  'review_reviewer_only',
  'review_not_sent',
  'review_queue_authority',
  'rule_unknown',
  'finding_not_found',
  'finding_withdrawn',
  // Export and import
  'signed_date_fixed',
  'pdf_failed',
  'decision_not_yet',
  'decision_not_sent',
  'docx_empty',
  'docx_encrypted_or_doc',
  'docx_not_docx',
  'docx_not_word',
  'docx_damaged',
  'docx_too_large',
  'docx_no_text',
  'docx_not_a_document',
  // Workplace dialogue
  'dialogue_not_found',
  'dialogue_organiser_only',
  'dialogue_worker_side_only',
  'dialogue_readers_read',
  'dialogue_wrong_state',
  'dialogue_request_threshold',
  'dialogue_meeting_date_needed',
  'dialogue_headcount_needed',
  'dialogue_agenda_empty',
  'dialogue_participant_unknown',
  'dialogue_date_order',
  'dialogue_sign_own_side',
  'dialogue_code_unknown',
  'submissions_closed',
  'submission_limit',
  'submission_not_found',
  'submission_merged',
  'submission_wrong_status',
  'submission_merge_itself',
  'submission_already_proposed',
  'submission_no_article',
  'submission_article_elsewhere',
  'commitment_not_found',
  // Salary scales
  'scale_file_empty',
  'scale_file_too_large',
  'scale_file_not_table',
  'scale_file_damaged',
  'scale_file_no_wage_column',
  'scale_file_no_grade_column',
  'scale_import_sides_only',
  // A dialogue's papers
  'dialogue_paper_not_yet',
] as const;

export type ApiReasonKey = (typeof apiReasonKeys)[number];

/** A value the words of a reason need: a name or a number as it is, or words in both languages (a label). */
export type ReasonValue = string | number | Bilingual;

export type ApiErrorReason =
  /** A reason of the catalogue above, worded by the interface. */
  | { key: ApiReasonKey; values?: Readonly<Record<string, ReasonValue>> }
  /** A rule of the law as the shared code that applied it explains it, in both languages. */
  | { key: 'explained'; text: Bilingual };

function isReasonKey(key: unknown): key is ApiReasonKey {
  return (apiReasonKeys as readonly unknown[]).includes(key);
}

function isBilingual(value: unknown): value is Bilingual {
  if (typeof value !== 'object' || value === null) return false;
  const { vi, en } = value as Record<string, unknown>;
  return typeof vi === 'string' && typeof en === 'string';
}

/**
 * A reason received from a transport, or undefined when it is not one this version knows (a newer
 * server's key, a malformed value): the interface then says what the error code says.
 */
export function readReason(value: unknown): ApiErrorReason | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { key, text, values } = value as Record<string, unknown>;
  if (key === 'explained') return isBilingual(text) ? { key, text } : undefined;
  if (!isReasonKey(key)) return undefined;
  if (values === undefined) return { key };
  if (typeof values !== 'object' || values === null) return undefined;
  const read: Record<string, ReasonValue> = {};
  for (const [name, inner] of Object.entries(values)) {
    if (typeof inner !== 'string' && typeof inner !== 'number' && !isBilingual(inner)) return undefined;
    read[name] = inner;
  }
  return { key, values: read };
}
