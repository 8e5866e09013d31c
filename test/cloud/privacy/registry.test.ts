/**
 * The personal-data registry (common/personalData) classifies every collection of database.json: export and
 * account deletion are driven by it, so a collection left out would be left out of both. A new capability's
 * collections fail this test until they are classified.
 */
import database from '../../../cloudfunctions/database.json';
import { PERSONAL_DATA } from '../../../cloudfunctions/common/personalData';

const declared = (database as { collections: { name: string }[] }).collections.map((c) => c.name);

it('classifies every collection of database.json, and names no collection that is not there', () => {
  const unclassified = declared.filter((c) => !(c in PERSONAL_DATA));
  expect(unclassified).toEqual([]);
  expect(Object.keys(PERSONAL_DATA).filter((c) => !declared.includes(c))).toEqual([]);
});

it('gives every collection holding someone a way to find them, and a reason in plain words', () => {
  for (const [name, e] of Object.entries(PERSONAL_DATA)) {
    expect({ name, why: e.why.length > 0, title: e.title.length > 0 }).toEqual({
      name,
      why: true,
      title: true,
    });
    if (e.treatment !== 'none') expect({ name, owners: e.owners.length > 0 }).toEqual({ name, owners: true });
    for (const o of e.owners) expect(o.field).toMatch(/^[A-Za-z_][\w.]*$/);
  }
});
