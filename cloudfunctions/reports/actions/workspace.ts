/**
 * workspace — which handler lists the caller has: grid team (my grid, patrol), department staff (their queue),
 * street admin (dispatch, overdue, figures). A resident with none has an empty list.
 * Input: {}. Result: { views: { view, title }[]; figures: boolean }.
 * Errors: UNAUTHENTICATED.
 * Round trips: 1.
 */
import { action } from '../../common/action';
import { adminGrants } from '../../common/auth';
import { readWithCaller } from '../../common/joins';
import { reportsInputs, type Workspace } from '../contract';
import { MY_DEPARTMENTS, MY_GRIDS } from '../store';

export default action({
  input: reportsInputs.workspace,
  async run(_input, ctx): Promise<Workspace> {
    const read = await readWithCaller(ctx, [MY_GRIDS, MY_DEPARTMENTS]);
    const views: Workspace['views'] = [];
    if (read.all('myGrids').length > 0)
      views.push({ view: 'grid', title: '我的网格' }, { view: 'patrol', title: '待核实' });
    if (read.all('myDepartments').length > 0) views.push({ view: 'department', title: '部门待办' });
    const admin = adminGrants(read.caller).length > 0;
    if (admin) views.push({ view: 'dispatch', title: '派单' }, { view: 'overdue', title: '超时' });
    return { views, figures: admin };
  },
});
