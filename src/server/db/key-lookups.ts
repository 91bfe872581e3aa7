import {
  AndNode,
  BinaryOperationNode,
  ColumnNode,
  DeleteQueryNode,
  type KyselyPlugin,
  type OperationNode,
  OperatorNode,
  PrimitiveValueListNode,
  RawNode,
  ReferenceNode,
  type RootOperationNode,
  SelectQueryNode,
  UpdateQueryNode,
  ValueListNode,
  WhereNode,
} from 'kysely';

/**
 * Every tenant query carries `workspace_id = ?`, and most tables have indexes that start with
 * the workspace. SQLite's planner, without statistics (a new database, a table that just grew)
 * or with `analysis_limit` statistics (which see a thousand entries and conclude a workspace
 * holds about a thousand rows), prefers walking a workspace index to looking up a list of ids:
 * 500 companies by id took 35 ms at 80,000 companies instead of 1 ms, and loading 400,000
 * contacts through the bulk create took 146 s instead of 112 s. A read or write of rows by a
 * list of ids is always best served by the primary key, so on SQLite this plugin writes the
 * tenant term of such a query as `+workspace_id = ?`: the same condition, which SQLite will not
 * use to pick an index.
 */
export const keyLookupsByPrimaryKey: KyselyPlugin = {
  transformQuery({ node }) {
    return rewrite(node);
  },
  async transformResult({ result }) {
    return result;
  },
};

function rewrite(node: RootOperationNode): RootOperationNode {
  if (!(SelectQueryNode.is(node) || UpdateQueryNode.is(node) || DeleteQueryNode.is(node))) return node;
  if (!node.where || !singleTable(node)) return node;
  const terms = conjuncts(node.where.where);
  // One table: the id list and the tenant term are that table's, whatever their qualifiers.
  const tenant = terms.some(isIdList) ? terms.find(isTenantTerm) : undefined;
  if (!tenant) return node;
  return { ...node, where: WhereNode.create(replace(node.where.where, tenant, unindexed(tenant))) } as RootOperationNode;
}

/** Only queries of one table: with a join, which table the ids belong to is not this plugin's guess to make. */
function singleTable(node: SelectQueryNode | UpdateQueryNode | DeleteQueryNode): boolean {
  if (node.joins?.length) return false;
  if (SelectQueryNode.is(node)) return (node.from?.froms.length ?? 0) === 1;
  if (UpdateQueryNode.is(node)) return !node.from;
  return node.from.froms.length === 1 && !node.using;
}

function conjuncts(node: OperationNode): OperationNode[] {
  return AndNode.is(node) ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

function replace(node: OperationNode, target: OperationNode, by: OperationNode): OperationNode {
  if (node === target) return by;
  return AndNode.is(node) ? AndNode.create(replace(node.left, target, by), replace(node.right, target, by)) : node;
}

const columnName = (node: OperationNode): string | undefined =>
  ReferenceNode.is(node) && ColumnNode.is(node.column) ? node.column.column.name : undefined;

const operatorIs = (node: BinaryOperationNode, op: string) => OperatorNode.is(node.operator) && node.operator.operator === op;

/** `id in (…)` with a list of values (not a subquery, whose size is unknown). */
function isIdList(node: OperationNode): node is BinaryOperationNode {
  return (
    BinaryOperationNode.is(node) &&
    columnName(node.leftOperand) === 'id' &&
    operatorIs(node, 'in') &&
    (PrimitiveValueListNode.is(node.rightOperand) || ValueListNode.is(node.rightOperand))
  );
}

function isTenantTerm(node: OperationNode): node is BinaryOperationNode {
  return BinaryOperationNode.is(node) && columnName(node.leftOperand) === 'workspace_id' && operatorIs(node, '=');
}

function unindexed(term: BinaryOperationNode): BinaryOperationNode {
  return BinaryOperationNode.create(RawNode.create(['+', ''], [term.leftOperand]), term.operator, term.rightOperand);
}
