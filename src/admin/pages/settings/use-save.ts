import { checkRequest, type AdminView } from '@core';
import { adminRequest, updateService, updateSettings, type AdminChange } from '@/api';
import { useCheckedSave, type FieldProblems } from '@/hooks/useCheckedSave';

/** Field problems keyed by the last step of their path ("defaultDeadlines.accept" → "accept", "redPriceFen"). */
export type SaveProblems = FieldProblems;
const fieldOf = (path: string) => path.split('.').pop() ?? path;

/** One save of the admin page (useCheckedSave): checked, sent, and the reply handed on to the page. */
export function useSave(onSaved: (view: AdminView) => void) {
  const { busy, error, problems, run: save } = useCheckedSave(fieldOf);
  const run = <A extends 'updateSettings' | 'updateService'>(done: string, action: A, change: AdminChange<A>): Promise<boolean> =>
    save(
      checkRequest('admin', action, adminRequest<A>(change)),
      async () =>
        onSaved(
          await (action === 'updateSettings' ? updateSettings(change as AdminChange<'updateSettings'>) : updateService(change as AdminChange<'updateService'>)),
        ),
      done,
    );
  return { busy, error, problems, run };
}
