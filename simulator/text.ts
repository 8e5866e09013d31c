/**
 * Reading what a page shows. TDesign components are virtual hosts (no DOM element of their own), so text is
 * collected from the DOM elements their templates rendered.
 */
import type { LoadedPage, Node } from './page';

interface ExparserNode {
  $$?: unknown;
  __virtual?: boolean;
  shadowRoot?: ExparserNode;
  childNodes?: ExparserNode[];
}

function topElements(ex: ExparserNode, out: Element[] = []): Element[] {
  if (ex.$$ instanceof Element && !ex.__virtual) {
    out.push(ex.$$);
    return out;
  }
  for (const child of [...(ex.shadowRoot ? [ex.shadowRoot] : []), ...(ex.childNodes ?? [])])
    topElements(child, out);
  return out;
}

/** The visible text of the node matching `selector` (whitespace collapsed), or '' when nothing matches. */
export function textOf(root: LoadedPage | Node, selector: string): string {
  const node = root.querySelector(selector) as (Node & { _exparserNode?: ExparserNode }) | undefined;
  if (!node) return '';
  const elements = node._exparserNode ? topElements(node._exparserNode) : [];
  const raw =
    elements.length > 0
      ? elements.map((el) => el.textContent ?? '').join(' ')
      : (node.dom?.textContent ?? '');
  return raw.replace(/\s+/g, ' ').trim();
}

/** The texts of every node matching `selector`, in document order. */
export function textsOf(root: LoadedPage | Node, selector: string): string[] {
  return root.querySelectorAll(selector).map((node) => {
    const ex = (node as Node & { _exparserNode?: ExparserNode })._exparserNode;
    const raw = ex
      ? topElements(ex)
          .map((el) => el.textContent ?? '')
          .join(' ')
      : (node.dom?.textContent ?? '');
    return raw.replace(/\s+/g, ' ').trim();
  });
}
