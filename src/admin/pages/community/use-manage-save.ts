import { checkRequest, type RequestOf } from '@core';
import { manageSave, type ManageRequest, type ManageSave } from '@/api';
import { useCheckedSave, type FieldProblems } from '@/hooks/useCheckedSave';

/** Field problems by the field's own name ("householdIds[2]" → "householdIds"). */
export type Problems = FieldProblems;
const fieldOf = (path: string) => path.split(/[.[]/)[0] ?? path;

/** One save of a 社区管理 form (useCheckedSave): checked, sent, then the page reloads what it shows. */
export function useManageSave(onSaved: () => void) {
  const save = useCheckedSave(fieldOf);
  const run = <A extends ManageSave>(action: A, req: ManageRequest<A>, done = '已保存'): Promise<boolean> =>
    save.run(
      checkRequest('manage', action, { role: 'admin', ...req } as RequestOf<'manage', A>),
      async () => {
        await manageSave(action, req);
      },
      done,
      onSaved,
    );
  return { ...save, run };
}
