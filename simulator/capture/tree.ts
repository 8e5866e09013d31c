/**
 * WXML tree figures as WeChat's audit (体验评分) counts them: nodes in the page (the page's own views and
 * every component's inside; TDesign's virtual hosts have no node, as on a phone) and the deepest nesting.
 * Counted on the DOM miniprogram-simulate rendered, where each WXML element is one DOM element.
 */

/** Node figures of a rendered page. */
export interface TreeFigures {
  /** Elements under the page root. */
  nodes: number;
  /** Deepest element, counting the page's top-level element as depth 1. */
  depth: number;
  /** Most children of one element (WeChat also audits this: ≤ 60). */
  maxChildren: number;
}

/** Counts the elements under `root` (not `root` itself). */
export function treeFigures(root: Element): TreeFigures {
  let nodes = 0;
  let depth = 0;
  let maxChildren = 0;
  const walk = (el: Element, level: number): void => {
    maxChildren = Math.max(maxChildren, el.children.length);
    for (const child of Array.from(el.children)) {
      nodes += 1;
      depth = Math.max(depth, level);
      walk(child, level + 1);
    }
  };
  walk(root, 1);
  return { nodes, depth, maxChildren };
}
