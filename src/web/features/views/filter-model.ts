import { type Filter, type FilterOperator, OPERATORS_BY_TYPE } from '../../../contract/filter';

/** A field as GET /api/v1/{object}/fields describes it. */
export type FieldInfo = { key: string; label: string; kind: string; sortable: boolean; options: string[] | null };

export type ConditionNode = { type: 'condition'; id: string; field: string; op: FilterOperator; value: unknown; negated: boolean };
export type GroupNode = { type: 'group'; id: string; combinator: 'and' | 'or'; negated: boolean; children: BuilderNode[] };
export type BuilderNode = ConditionNode | GroupNode;

/** What a condition's value editor looks like for an operator. */
export type ValueShape = 'none' | 'single' | 'pair' | 'list';

let seq = 0;
const nextId = () => `n${++seq}`;

export const OPERATOR_LABELS: Record<FilterOperator, string> = {
  eq: 'is',
  neq: 'is not',
  lt: 'less than',
  lte: 'at most',
  gt: 'greater than',
  gte: 'at least',
  in: 'is any of',
  notIn: 'is none of',
  contains: 'contains',
  startsWith: 'starts with',
  isEmpty: 'is empty',
  isNotEmpty: 'is not empty',
  between: 'is between',
};

/** Dates read better as before/after. */
const DATE_LABELS: Partial<Record<FilterOperator, string>> = { lt: 'before', lte: 'on or before', gt: 'after', gte: 'on or after' };

export function operatorLabel(op: FilterOperator, kind: string): string {
  return (kind === 'date' ? DATE_LABELS[op] : undefined) ?? OPERATOR_LABELS[op];
}

export function operatorsFor(kind: string): readonly FilterOperator[] {
  return OPERATORS_BY_TYPE[kind] ?? OPERATORS_BY_TYPE.text;
}

export function valueShape(op: FilterOperator): ValueShape {
  if (op === 'isEmpty' || op === 'isNotEmpty') return 'none';
  if (op === 'between') return 'pair';
  if (op === 'in' || op === 'notIn') return 'list';
  return 'single';
}

function defaultValue(kind: string, op: FilterOperator): unknown {
  const shape = valueShape(op);
  if (shape === 'none') return undefined;
  if (shape === 'pair') return [null, null];
  if (shape === 'list') return [];
  return kind === 'boolean' ? true : null;
}

/** The operator a new condition starts with: the most common question for that kind of field. */
function defaultOperator(kind: string): FilterOperator {
  const ops = operatorsFor(kind);
  const preferred: FilterOperator = kind === 'text' ? 'contains' : kind === 'multiselect' ? 'contains' : 'eq';
  return ops.includes(preferred) ? preferred : ops[0];
}

export function emptyGroup(combinator: 'and' | 'or' = 'and'): GroupNode {
  return { type: 'group', id: nextId(), combinator, negated: false, children: [] };
}

export function newCondition(field: FieldInfo): ConditionNode {
  const op = defaultOperator(field.kind);
  return { type: 'condition', id: nextId(), field: field.key, op, value: defaultValue(field.kind, op), negated: false };
}

/** Switches the field; the operator survives when the new kind allows it, the value does not. */
export function changeField(cond: ConditionNode, field: FieldInfo): ConditionNode {
  const op = operatorsFor(field.kind).includes(cond.op) ? cond.op : defaultOperator(field.kind);
  return { ...cond, field: field.key, op, value: defaultValue(field.kind, op) };
}

/** Switches the operator and carries the value over where it still makes sense. */
export function changeOperator(cond: ConditionNode, op: FilterOperator, kind: string): ConditionNode {
  const from = valueShape(cond.op);
  const to = valueShape(op);
  let value: unknown = defaultValue(kind, op);
  if (from === to) value = cond.value;
  else if (from === 'single' && to === 'list' && isPresent(cond.value)) value = [cond.value];
  else if (from === 'list' && to === 'single' && Array.isArray(cond.value) && cond.value.length) value = cond.value[0];
  else if (from === 'single' && to === 'pair' && isPresent(cond.value)) value = [cond.value, null];
  else if (from === 'pair' && to === 'single' && Array.isArray(cond.value)) value = cond.value[0] ?? defaultValue(kind, op);
  return { ...cond, op, value };
}

const isPresent = (v: unknown) => v !== null && v !== undefined && v !== '';

/** Brings an editor's value to the type the filter language wants for the kind, or undefined when unusable. */
function scalarFor(kind: string, v: unknown): string | number | boolean | undefined {
  if (!isPresent(v)) return undefined;
  if (kind === 'number') {
    const n = typeof v === 'number' ? v : Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  if (kind === 'boolean') return typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** The condition's filter-language value, or undefined while it is incomplete. */
function conditionValue(cond: ConditionNode, kind: string): { value?: unknown } | undefined {
  const shape = valueShape(cond.op);
  if (shape === 'none') return {};
  if (shape === 'single') {
    const v = scalarFor(kind, cond.value);
    return v === undefined ? undefined : { value: v };
  }
  const list = Array.isArray(cond.value) ? cond.value : [];
  const values = list.map((v) => scalarFor(kind, v));
  if (shape === 'pair') return values.length === 2 && values.every((v) => v !== undefined) ? { value: values } : undefined;
  const present = values.filter((v) => v !== undefined);
  return present.length ? { value: present } : undefined;
}

export function isComplete(cond: ConditionNode, fields: FieldInfo[]): boolean {
  const field = fields.find((f) => f.key === cond.field);
  return !!field && operatorsFor(field.kind).includes(cond.op) && conditionValue(cond, field.kind) !== undefined;
}

const negate = (f: Filter, negated: boolean): Filter => (negated ? { not: f } : f);

/**
 * The builder's state in the filter language. Incomplete conditions and empty groups are left
 * out; a group holding one thing collapses into it. Null when nothing is left.
 */
export function toFilter(node: BuilderNode, fields: FieldInfo[]): Filter | null {
  if (node.type === 'condition') {
    const field = fields.find((f) => f.key === node.field);
    if (!field || !operatorsFor(field.kind).includes(node.op)) return null;
    const value = conditionValue(node, field.kind);
    if (!value) return null;
    return negate({ field: node.field, op: node.op, ...value } as Filter, node.negated);
  }
  const parts = node.children.map((c) => toFilter(c, fields)).filter((f): f is Filter => f !== null);
  if (parts.length === 0) return null;
  const inner: Filter = parts.length === 1 ? parts[0] : node.combinator === 'and' ? { and: parts } : { or: parts };
  return negate(inner, node.negated);
}

function nodeFrom(filter: Filter, negated: boolean): BuilderNode {
  if ('not' in filter) return nodeFrom(filter.not, !negated);
  if ('and' in filter || 'or' in filter) {
    const combinator = 'and' in filter ? 'and' : 'or';
    const list = 'and' in filter ? filter.and : filter.or;
    return { type: 'group', id: nextId(), combinator, negated, children: list.map((f) => nodeFrom(f, false)) };
  }
  const value = filter.value === undefined ? undefined : Array.isArray(filter.value) ? [...filter.value] : filter.value;
  return { type: 'condition', id: nextId(), field: filter.field, op: filter.op, value, negated };
}

/** Opens a filter in the builder: the root is always a group, so there is somewhere to add to. */
export function fromFilter(filter: Filter | null | undefined): GroupNode {
  if (!filter) return emptyGroup();
  const node = nodeFrom(filter, false);
  if (node.type === 'group') return node;
  return { ...emptyGroup(), children: [node] };
}

/** Conditions the person started but has not finished; they are left out of the filter. */
export function countIncomplete(node: BuilderNode, fields: FieldInfo[]): number {
  if (node.type === 'condition') return isComplete(node, fields) ? 0 : 1;
  return node.children.reduce((n, c) => n + countIncomplete(c, fields), 0);
}

export function countConditions(node: BuilderNode): number {
  return node.type === 'condition' ? 1 : node.children.reduce((n, c) => n + countConditions(c), 0);
}

/** Replaces the node with `id` anywhere in the tree (or removes it when `next` is null). */
export function updateNode(root: GroupNode, id: string, next: BuilderNode | null): GroupNode {
  const walk = (group: GroupNode): GroupNode => ({
    ...group,
    children: group.children.flatMap((child) => {
      if (child.id === id) return next ? [next] : [];
      return child.type === 'group' ? [walk(child)] : [child];
    }),
  });
  return root.id === id && next?.type === 'group' ? next : walk(root);
}

/** Adds `child` to the group with `groupId`. */
export function addToGroup(root: GroupNode, groupId: string, child: BuilderNode): GroupNode {
  if (root.id === groupId) return { ...root, children: [...root.children, child] };
  return {
    ...root,
    children: root.children.map((c) => (c.type === 'group' ? addToGroup(c, groupId, child) : c)),
  };
}
