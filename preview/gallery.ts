/**
 * `index.html`: every picture grouped by page, with the page path, state, role and elder mode under each, its
 * audit figures and any problem in red; the run's warnings and the package sizes on top. Node only.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEPTH_BUDGET, kb, NODE_BUDGET, SET_DATA_BUDGET_BYTES, WIDTH_LIMIT } from './budgets';
import type { AuditFile, ShotResult } from './results';

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{margin:24px;font:14px/1.5 'PingFang SC','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif;color:#1a1a1a;background:#f3f3f3}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:32px 0 8px;font-family:monospace}
.meta{color:#666}.warn{color:#a05a00}.bad{color:#c62828;white-space:pre-wrap}
.grid{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start}
figure{margin:0;width:375px;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);overflow:hidden}
figure.fail{outline:3px solid #c62828}
figure img{display:block;width:375px;border-bottom:1px solid #eee}
figcaption{padding:8px 12px}.route{font-family:monospace;font-size:12px;color:#666}
.state{font-weight:600}.elder{display:inline-block;margin-left:6px;padding:0 6px;border-radius:4px;background:#003cab;color:#fff;font-size:12px}
.figs{font-size:12px;color:#444}table{border-collapse:collapse;background:#fff}td,th{padding:2px 10px;border-bottom:1px solid #eee;text-align:left}
`;

function figure(s: ShotResult): string {
  const figs = [
    `setData ${kb(s.setData.firstRenderBytes)} / ${s.setData.calls} 次`,
    `节点 ${s.tree.nodes}`,
    `深度 ${s.tree.depth}`,
    s.scrollWidth > WIDTH_LIMIT ? `横向溢出 ${s.scrollWidth}px` : '无横向溢出',
  ].join(' · ');
  const picture = s.png
    ? `<a href="${esc(s.png)}"><img src="${esc(s.png)}" loading="lazy" alt="${esc(`${s.route} ${s.state}`)}"></a>`
    : '';
  const problems = s.problems.length ? `<div class="bad">${esc(s.problems.join('\n'))}</div>` : '';
  const warnings = s.warnings.length
    ? `<div class="warn">${esc(s.warnings.slice(0, 5).join('\n'))}</div>`
    : '';
  const query = Object.keys(s.query).length
    ? ` <span class="route">?${esc(new URLSearchParams(s.query).toString())}</span>`
    : '';
  return `<figure class="${s.problems.length ? 'fail' : ''}">${picture}<figcaption>
<div class="route">${esc(s.route)}${query}</div>
<div><span class="state">${esc(s.state)}</span>${s.elder ? '<span class="elder">长辈模式</span>' : ''}${s.declared ? '' : ' <span class="warn">（未声明状态）</span>'}</div>
<div>${esc(s.role)} <span class="route">${esc(s.user)}</span></div>
<div class="figs">${esc(figs)}${s.html ? ` · <a href="${esc(s.html)}">HTML</a>` : ''}</div>${problems}${warnings}</figcaption></figure>`;
}

/** The gallery's HTML. */
export function galleryHtml(audit: AuditFile): string {
  const byPage = new Map<string, ShotResult[]>();
  for (const s of audit.shots) byPage.set(s.route, [...(byPage.get(s.route) ?? []), s]);
  const failed = audit.shots.filter((s) => s.problems.length > 0).length;
  const packages = audit.packages?.length
    ? `<h2>包大小</h2><table><tr><th>包</th><th>大小</th><th>预算</th></tr>${audit.packages
        .map(
          (p) =>
            `<tr><td>${esc(p.name)}</td><td>${kb(p.bytes)}</td><td${p.bytes > p.budgetBytes ? ' class="bad"' : ''}>${kb(p.budgetBytes)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const warnings = audit.warnings.length
    ? `<div class="warn">${audit.warnings.map((w) => `<div>${esc(w)}</div>`).join('')}</div>`
    : '';
  const sections = [...byPage]
    .map(([route, shots]) => `<h2>${esc(route)}</h2><div class="grid">${shots.map(figure).join('\n')}</div>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>睦邻 页面预览</title><style>${STYLE}</style></head><body>
<h1>睦邻 页面预览</h1>
<div class="meta">${audit.shots.length} 张图，${byPage.size} 个页面${failed ? `，<span class="bad">${failed} 张未通过检查</span>` : ''} · ${esc(audit.at)} · ${esc(audit.chromium)} · ${esc(audit.seed)}</div>
<div class="meta">预算：首屏 setData ≤ ${kb(SET_DATA_BUDGET_BYTES)}，WXML 节点 &lt; ${NODE_BUDGET}，深度 &lt; ${DEPTH_BUDGET}，宽度 ≤ ${WIDTH_LIMIT}px（750px = 750rpx）</div>
${warnings}${packages}${sections}
</body></html>
`;
}

/** Writes `index.html` into `outDir`. */
export function writeGallery(outDir: string, audit: AuditFile): void {
  writeFileSync(path.join(outDir, 'index.html'), galleryHtml(audit));
}
