import { useCallback, useMemo, useState } from 'react';
import type { Bilingual } from '#shared/templates/schema';

/**
 * What a form's variable fields hold that is not acceptable, field by field, as the person types
 * (VariableField's onProblem): the form disables its action and says why with the first one.
 */
export function useFieldProblems() {
  const [problems, setProblems] = useState<Readonly<Record<string, Bilingual>>>({});
  const report = useCallback((id: string, problem: Bilingual | null) => {
    setProblems((current) => {
      if (problem === null) {
        if (!(id in current)) return current;
        return Object.fromEntries(Object.entries(current).filter(([other]) => other !== id));
      }
      return current[id]?.vi === problem.vi ? current : { ...current, [id]: problem };
    });
  }, []);
  const first = useCallback(
    (ids: readonly string[]): Bilingual | null => ids.map((id) => problems[id]).find((problem) => problem !== undefined) ?? null,
    [problems],
  );
  return useMemo(() => ({ report, first }), [report, first]);
}
