/**
 * One visitor over the whole query union. A visitor is a table with a handler for every node
 * kind, typed over `NodeKind`, so adding a kind to ast.ts without handling it everywhere is a
 * compile error. Handlers receive the stack of ancestors (nearest last) to check their parent.
 */
import { AndNode, NotNode, OrNode, type NodeKind, type NodeOfKind, type QueryNode } from './ast.ts';

export type QueryVisitor<R> = {
  readonly [K in NodeKind]: (node: NodeOfKind<K>, visit: (child: QueryNode) => R, parents: readonly QueryNode[]) => R;
};

/** Applies `visitor` to `node`; handlers call `visit` on children to recurse. */
export function visitNode<R>(node: QueryNode, visitor: QueryVisitor<R>, parents: readonly QueryNode[] = []): R {
  const handler = visitor[node.kind] as (
    node: QueryNode,
    visit: (child: QueryNode) => R,
    parents: readonly QueryNode[],
  ) => R;
  const stack = [...parents, node];
  return handler(node, (child) => visitNode(child, visitor, stack), parents);
}

/**
 * Rewrites a tree bottom-up: children are rewritten first, then `rewrite` sees the node with
 * its new children and returns it or a replacement. Untouched subtrees keep their identity.
 */
export function transformNode(node: QueryNode, rewrite: (node: QueryNode) => QueryNode): QueryNode {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const children = node.children.map((child) => transformNode(child, rewrite));
      const changed = children.some((child, index) => child !== node.children[index]);
      const rebuilt = changed ? (node.kind === 'and' ? AndNode.create({ children }) : OrNode.create({ children })) : node;
      return rewrite(rebuilt);
    }
    case 'not': {
      const child = transformNode(node.child, rewrite);
      return rewrite(child === node.child ? node : NotNode.create({ child }));
    }
    default:
      return rewrite(node);
  }
}

/** Every node of the tree, parents before children. */
export function* walkNodes(node: QueryNode): Generator<QueryNode> {
  yield node;
  if (node.kind === 'and' || node.kind === 'or') for (const child of node.children) yield* walkNodes(child);
  else if (node.kind === 'not') yield* walkNodes(node.child);
}
