import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../contract/filter';
import { OPERATORS_BY_TYPE } from '../../../contract/filter';
import {
  type BuilderNode,
  type ConditionNode,
  type FieldInfo,
  addToGroup,
  changeField,
  changeOperator,
  countConditions,
  countIncomplete,
  emptyGroup,
  fromFilter,
  isComplete,
  newCondition,
  operatorsFor,
  toFilter,
  updateNode,
  valueShape,
} from './filter-model';

const fields: FieldInfo[] = [
  { key: 'lastName', label: 'Last name', kind: 'text', sortable: true, options: null },
  { key: 'employees', label: 'Employees', kind: 'number', sortable: true, options: null },
  { key: 'birthday', label: 'Birthday', kind: 'date', sortable: true, options: null },
  { key: 'consent.email', label: 'Email consent', kind: 'boolean', sortable: true, options: null },
  { key: 'lifecycleStage', label: 'Stage', kind: 'select', sortable: true, options: ['lead', 'customer'] },
  { key: 'tags', label: 'Tags', kind: 'multiselect', sortable: false, options: null },
  { key: 'companyId', label: 'Company', kind: 'ref', sortable: true, options: null },
  { key: 'custom.tier', label: 'Tier', kind: 'select', sortable: true, options: ['gold', 'silver'] },
];
const field = (key: string) => fields.find((f) => f.key === key)!;

const cond = (key: string, patch: Partial<ConditionNode> = {}): ConditionNode => ({ ...newCondition(field(key)), ...patch });

/** Ids differ on every parse; compare trees without them. */
function shape(node: BuilderNode): unknown {
  if (node.type === 'condition') return { field: node.field, op: node.op, value: node.value, negated: node.negated };
  return { combinator: node.combinator, negated: node.negated, children: node.children.map(shape) };
}

describe('filter builder model', () => {
  it('offers exactly the operators the contract allows for each kind', () => {
    for (const kind of Object.keys(OPERATORS_BY_TYPE)) expect(operatorsFor(kind)).toEqual(OPERATORS_BY_TYPE[kind]);
    expect(operatorsFor('something-new')).toEqual(OPERATORS_BY_TYPE.text);
  });

  it('starts new conditions with a sensible operator and an empty value of the right shape', () => {
    expect(newCondition(field('lastName'))).toMatchObject({ op: 'contains', value: null });
    expect(newCondition(field('employees'))).toMatchObject({ op: 'eq', value: null });
    expect(newCondition(field('consent.email'))).toMatchObject({ op: 'eq', value: true });
    expect(newCondition(field('tags'))).toMatchObject({ op: 'contains', value: null });
  });

  it('writes nothing for an empty builder or incomplete conditions', () => {
    expect(toFilter(emptyGroup(), fields)).toBeNull();
    const root = { ...emptyGroup(), children: [cond('lastName'), cond('employees', { op: 'between', value: [1, null] })] };
    expect(toFilter(root, fields)).toBeNull();
    expect(countConditions(root)).toBe(2);
    expect(countIncomplete(root, fields)).toBe(2);
    expect(countIncomplete({ ...root, children: [cond('lastName', { value: 'x' })] }, fields)).toBe(0);
    expect(isComplete(root.children[0] as ConditionNode, fields)).toBe(false);
  });

  it('collapses a group of one into its condition and coerces numbers', () => {
    const root = { ...emptyGroup(), children: [cond('employees', { op: 'gte', value: '50' })] };
    expect(toFilter(root, fields)).toEqual({ field: 'employees', op: 'gte', value: 50 });
    const bad = { ...emptyGroup(), children: [cond('employees', { op: 'gte', value: 'fifty' })] };
    expect(toFilter(bad, fields)).toBeNull();
  });

  it('writes and/or groups, between pairs, lists, empties and negations', () => {
    const inner = { ...emptyGroup('or'), children: [cond('custom.tier', { op: 'in', value: ['gold', 'silver'] }), cond('tags', { op: 'isEmpty', value: undefined })] };
    const root = {
      ...emptyGroup('and'),
      children: [
        cond('lastName', { op: 'startsWith', value: 'sm' }),
        cond('birthday', { op: 'between', value: ['1990-01-01', '1999-12-31'] }),
        cond('tags', { op: 'contains', value: 'churned', negated: true }),
        inner,
      ],
    };
    expect(toFilter(root, fields)).toEqual({
      and: [
        { field: 'lastName', op: 'startsWith', value: 'sm' },
        { field: 'birthday', op: 'between', value: ['1990-01-01', '1999-12-31'] },
        { not: { field: 'tags', op: 'contains', value: 'churned' } },
        { or: [{ field: 'custom.tier', op: 'in', value: ['gold', 'silver'] }, { field: 'tags', op: 'isEmpty' }] },
      ],
    });
  });

  it('reads any filter back into the builder and writes the same filter again', () => {
    const filters: Filter[] = [
      { field: 'lastName', op: 'eq', value: 'Smith' },
      { and: [{ field: 'employees', op: 'between', value: [10, 20] }, { field: 'consent.email', op: 'eq', value: false }] },
      { or: [{ field: 'lifecycleStage', op: 'notIn', value: ['lead'] }, { not: { and: [{ field: 'tags', op: 'isNotEmpty' }, { field: 'lastName', op: 'contains', value: 'x' }] } }] },
      { not: { field: 'companyId', op: 'eq', value: '0190e5a8-1111-7000-8000-000000000001' } },
    ];
    for (const f of filters) expect(toFilter(fromFilter(f), fields)).toEqual(f);
  });

  it('always opens with a root group to add to', () => {
    const root = fromFilter({ field: 'lastName', op: 'eq', value: 'Smith' });
    expect(shape(root)).toEqual({ combinator: 'and', negated: false, children: [{ field: 'lastName', op: 'eq', value: 'Smith', negated: false }] });
    expect(shape(fromFilter(null))).toEqual({ combinator: 'and', negated: false, children: [] });
    const negatedGroup = fromFilter({ not: { or: [{ field: 'tags', op: 'isEmpty' }] } });
    expect(negatedGroup).toMatchObject({ combinator: 'or', negated: true });
  });

  it('keeps the value when the operator changes to one that can use it', () => {
    const c = cond('lifecycleStage', { op: 'eq', value: 'lead' });
    expect(changeOperator(c, 'in', 'select').value).toEqual(['lead']);
    expect(changeOperator(changeOperator(c, 'in', 'select'), 'neq', 'select').value).toBe('lead');
    expect(changeOperator(c, 'isEmpty', 'select').value).toBeUndefined();
    const n = cond('employees', { op: 'gt', value: 5 });
    expect(changeOperator(n, 'between', 'number').value).toEqual([5, null]);
    expect(changeOperator(n, 'lt', 'number').value).toBe(5);
    expect(valueShape('between')).toBe('pair');
  });

  it('resets the operator and value when the field changes kind', () => {
    const c = cond('lastName', { op: 'startsWith', value: 'ab' });
    expect(changeField(c, field('employees'))).toMatchObject({ field: 'employees', op: 'eq', value: null });
    const keep = cond('lastName', { op: 'in', value: ['a'] });
    expect(changeField(keep, field('lifecycleStage'))).toMatchObject({ op: 'in', value: [] });
  });

  it('edits the tree by id', () => {
    const a = cond('lastName', { value: 'a' });
    const sub = emptyGroup('or');
    let root = { ...emptyGroup(), children: [a, sub] } as ReturnType<typeof emptyGroup>;
    root = addToGroup(root, sub.id, cond('employees', { value: 3 }));
    expect(countConditions(root)).toBe(2);
    root = updateNode(root, a.id, { ...a, value: 'b' });
    expect((root.children[0] as ConditionNode).value).toBe('b');
    root = updateNode(root, a.id, null);
    expect(toFilter(root, fields)).toEqual({ field: 'employees', op: 'eq', value: 3 });
  });
});
