import type { ApiReasonKey } from '#shared/api/errorReasons';
import { ApiError, describeIssues } from '#shared/api/errors';
import { maxImportBytes, type ImportPreview } from '#shared/api/export';
import { documentBodySchema } from '#shared/document/nodeSchema';
import { recogniseStructure } from '#shared/import/recognise';
import { openPackage, PackageError, type ZipPackage } from '#main/import/docxPackage';
import { readWordBody } from '#main/import/wordDocument';
import { readTrackedParagraphs, type TrackedParagraph } from '#main/import/wordRevisions';

/**
 * Reads a .docx into the document body and a report of what was recognised, without creating
 * anything. The WordprocessingML is read as it streams by (wordDocument.ts), as mammoth reads it
 * but without building a DOM: mammoth took 1.6–2.8 s on a 300-article agreement, over the 2 s goal.
 * A file that is not a .docx fails with a message saying what it is instead: empty, an OLE
 * compound file (a password-protected .docx or an old .doc), a ZIP without a Word document in it,
 * damaged (cut short, a checksum that does not match, XML that is not well-formed or has a DTD),
 * or too large (a ZIP bomb, or more files than a Word document has).
 */

const oleSignature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function refuse(reason: ApiReasonKey, message: string): never {
  throw new ApiError('invalid_input', message, { reason: { key: reason } });
}

function refusePackage(error: PackageError): never {
  switch (error.problem) {
    case 'not_word':
      return refuse('docx_not_word', `this ZIP archive is not a Word document (${error.message})`);
    case 'encrypted':
      return refuse('docx_encrypted_or_doc', `this .docx file is encrypted (${error.message})`);
    case 'too_large':
      return refuse('docx_too_large', `this .docx file is too large to import: ${error.message}`);
    case 'damaged':
      return refuse('docx_damaged', `this .docx file is damaged: ${error.message}`);
  }
}

/** Reads the bytes as a Word document with one of the readers, refusing anything else with a clear message. */
function readDocx<T>(bytes: Buffer, read: (zip: ZipPackage) => T): T {
  if (bytes.length === 0) refuse('docx_empty', 'the file is empty');
  if (bytes.length > maxImportBytes)
    throw new ApiError('payload_too_large', `a file to import is at most ${maxImportBytes} bytes`, { reason: { key: 'docx_too_large' } });
  if (bytes.subarray(0, 8).equals(oleSignature)) {
    refuse(
      'docx_encrypted_or_doc',
      'this file is password-protected (encrypted) or is an old Word 97–2003 .doc: open it in Word, remove the password or save it as a .docx (Word Document), and import that',
    );
  }
  if (bytes.length < 4 || (bytes.readUInt32LE(0) !== 0x04034b50 && bytes.readUInt32LE(0) !== 0x06054b50))
    refuse('docx_not_docx', 'this is not a .docx file (a .docx is a ZIP archive; this file is not one)');
  try {
    return read(openPackage(bytes));
  } catch (error) {
    if (error instanceof PackageError) refusePackage(error);
    throw error;
  }
}

function decodeBase64(fileBase64: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(fileBase64)) refuse('docx_not_docx', 'fileBase64: not valid base64');
  return Buffer.from(fileBase64, 'base64');
}

/**
 * A party's .docx as its paragraphs with their tracked changes, for suggestions/importWord; the
 * same checks and limits as an import (size, ZIP bombs, damage). In the file worker.
 */
export function readTrackedChanges(fileBase64: string): TrackedParagraph[] {
  return readDocx(decodeBase64(fileBase64), readTrackedParagraphs);
}

/**
 * A .docx as a document body and the report of what was recognised; nothing is created. The
 * server calls it in its file worker (fileWorkers.ts), which it terminates on cancel.
 */
export async function importDocx(fileBase64: string, fileName: string, newId: () => string): Promise<ImportPreview> {
  const { blocks: source, droppedImages, trackedChanges } = readDocx(decodeBase64(fileBase64), readWordBody);
  const recognised = recogniseStructure(source, newId);
  if (droppedImages > 0) recognised.report.issues.push({ code: 'content_dropped', paragraph: 0, excerpt: `${droppedImages} image(s)` });
  // The text before the changes was imported; once the document exists they can come back as suggestions (suggestions/importWord).
  if (trackedChanges > 0) recognised.report.issues.push({ code: 'tracked_changes_not_applied', paragraph: 0, excerpt: '', found: String(trackedChanges) });
  if (recognised.blocks.length === 0) refuse('docx_no_text', 'this .docx file has no text to import');
  const parsed = documentBodySchema.safeParse(recognised.blocks);
  if (!parsed.success) refuse('docx_not_a_document', `the text of this .docx does not make a valid document: ${describeIssues(parsed.error.issues)}`);
  const baseName = fileName.replace(/\.docx$/i, '').trim() || 'Văn bản nhập';
  return {
    report: { fileName, ...recognised.report },
    content: parsed.data,
    suggestedTitle: (recognised.suggestedTitle ?? baseName).slice(0, 300),
    suggestedKind: recognised.suggestedKind,
    language: recognised.language,
  };
}
