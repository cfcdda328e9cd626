import type { TFunction } from 'i18next';
import { useRef } from 'react';
import { maxImportBytes } from '#shared/api/export';
import { ErrorNotice } from '../components/ErrorNotice';
import { InterfaceError } from '../components/errorText';
import { readFileBase64 } from './fileTransfer';
import { TaskProgressView } from './TaskProgressView';
import type { LongTask, TaskPhase } from './useLongTask';

/**
 * Reads a chosen .docx for the server, reporting the reading's progress and then that the server
 * analyses it; a file over the import limit is refused before it is read.
 */
export async function readDocxForImport(
  t: TFunction,
  file: File,
  signal: AbortSignal,
  report: (phase: TaskPhase, fraction?: number | null) => void,
): Promise<string> {
  if (file.size > maxImportBytes) throw new InterfaceError(t('importDocx.tooLarge', { megabytes: maxImportBytes / 1024 / 1024 }));
  report('importDocx.phase.reading', 0);
  const fileBase64 = await readFileBase64(file, (fraction) => report('importDocx.phase.reading', fraction), signal);
  report('importDocx.phase.analysing');
  return fileBase64;
}

/**
 * The button choosing a .docx to import, with the task's progress (cancellable) and error under
 * it. The input is emptied after each choice, so that the same file can be chosen again.
 */
export function DocxFileChooser({ label, task, onChoose }: { label: string; task: LongTask; onChoose: (file: File) => Promise<void> }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <label className="button">
        {label}{' '}
        <input
          ref={input}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          disabled={task.progress !== null}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            void onChoose(file).finally(() => {
              if (input.current) input.current.value = '';
            });
          }}
        />
      </label>
      {task.progress && <TaskProgressView progress={task.progress} onCancel={task.cancel} />}
      <ErrorNotice error={task.error} />
    </>
  );
}
