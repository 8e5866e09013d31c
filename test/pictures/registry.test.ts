/**
 * The state registry and the shot plan: declarations are read from `<dir>/<route>.ts`, a page without one gets
 * the default state as its typical user (and a warning), the first state and `elder: true` states get an
 * elder-mode twin, and a broken declaration is reported without hiding the page.
 */
import path from 'node:path';
import type { PageSpec } from '../../simulator/app-pages';
import { planShots, roleLabel } from '../../preview/plan';
import { pageStates, typicalUser } from '../../preview/registry';

const DIR = path.join(__dirname, 'fixtures', 'states');
const page = (route: string, tab = false): PageSpec => ({
  route,
  file: path.join(__dirname, route),
  packageName: 'main',
  navigationBar: {
    title: '',
    background: '#fff',
    textStyle: 'black',
    style: 'default',
    backgroundColor: '#fff',
  },
  tab,
});

describe('pageStates', () => {
  it('reads a page owner’s declaration', () => {
    const declared = pageStates('fixtures/good/index', DIR);
    expect(declared.file).toBe(path.join(DIR, 'fixtures/good/index.ts'));
    expect(declared.states.map((s) => s.name)).toEqual(['有数据', '出错', '管理员']);
  });

  it('falls back to demo data as the typical user of the page', () => {
    expect(pageStates('packages/nothing/pages/x/index', DIR)).toEqual({
      states: [{ name: '演示数据（默认）', user: 'demo-resident-wang' }],
    });
    expect(typicalUser('packages/account/pages/admin-orgs/index')).toBe('demo-admin-lukou');
    expect(typicalUser('packages/services/pages/provider-orders/index')).toBe('demo-staff-xinyuan-1');
    expect(typicalUser('packages/volunteering/pages/volunteer-hours/index')).toBe('demo-volunteer-zhao');
  });

  it('refuses two states with one name', () => {
    expect(() => pageStates('fixtures/dup/index', DIR)).toThrow('two states are named "有数据"');
  });
});

describe('planShots', () => {
  const statesOf = (route: string) => pageStates(route, DIR);

  it('plans every state, with elder twins for the first state and `elder: true` ones', () => {
    const { shots, warnings } = planShots([page('fixtures/good/index')], statesOf);
    expect(shots.map((s) => [s.state.name, s.elder, s.id])).toEqual([
      ['有数据', false, 'fixtures-good-index--0'],
      ['有数据', true, 'fixtures-good-index--0--elder'],
      ['出错', false, 'fixtures-good-index--1'],
      ['管理员', false, 'fixtures-good-index--2'],
      ['管理员', true, 'fixtures-good-index--2--elder'],
    ]);
    expect(shots[0].role).toBe('王奶奶（84 岁独居老人）');
    expect(shots[3].role).toBe('街道管理员');
    expect(warnings).toEqual([]);
  });

  it('photographs pages without declarations, and broken declarations, in the default state with a warning', () => {
    const { shots, warnings } = planShots(
      [page('fixtures/none/index'), page('fixtures/dup/index')],
      statesOf,
    );
    expect(shots.map((s) => [s.page.route, s.state.name, s.declared])).toEqual([
      ['fixtures/none/index', '演示数据（默认）', false],
      ['fixtures/none/index', '演示数据（默认）', false],
      ['fixtures/dup/index', '演示数据（默认）', false],
      ['fixtures/dup/index', '演示数据（默认）', false],
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(/^fixtures\/none\/index: no states declared/),
      expect.stringMatching(/^fixtures\/dup\/index: .*two states are named "有数据".*default state instead$/),
    ]);
  });

  it('labels demo people by nickname and note', () => {
    expect(roleLabel('demo-admin-lukou')).toBe('禄口街道 刘主任（禄口街道管理员）');
    expect(roleLabel('someone-else')).toBe('someone-else');
  });
});
