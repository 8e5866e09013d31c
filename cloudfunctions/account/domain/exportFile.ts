/**
 * The two files of a personal-data export (PIPL art. 45): a JSON for machines and another service, and an HTML page
 * a person can read in any browser — one section per kind of record, in plain words. Pure.
 */
import { fullDayClockText } from '../../../miniprogram/shared/calendar';
import type { ExportSection } from './personalData';

/** The export as data. */
export interface ExportData {
  generatedAt: Date;
  /** Whose data, as they are named on the account. */
  subject: { nickname: string; kind: 'wechat' | 'proxy' };
  sections: ExportSection[];
}

/** The JSON file. */
export function exportJson(data: ExportData): string {
  return JSON.stringify(data, null, 2);
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function valueText(v: unknown): string {
  if (v instanceof Date) return fullDayClockText(v);
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function recordHtml(r: Record<string, unknown>): string {
  const rows = Object.entries(r)
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(valueText(v))}</td></tr>`)
    .join('');
  return `<table>${rows}</table>`;
}

/** The readable HTML file. */
export function exportHtml(data: ExportData): string {
  const sections = data.sections
    .map((s) => {
      const records = s.records.map(recordHtml).join('');
      const acted =
        s.actedOn.length > 0
          ? `<p>您经手过的其他记录 ${s.actedOn.length} 条（只列出编号）：${s.actedOn
              .map((a) => escapeHtml(a.id))
              .join('，')}</p>`
          : '';
      return `<section><h2>${escapeHtml(s.title)}（${s.records.length} 条）</h2><p class="why">${escapeHtml(
        s.why,
      )}</p>${records}${acted}</section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>睦邻 · 我的个人信息</title><style>body{font:18px/1.6 sans-serif;margin:16px;color:#1a1a1a}h1{font-size:24px}
h2{font-size:20px;margin-top:28px}.why{color:#444}table{border-collapse:collapse;margin:8px 0;width:100%}
th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top;word-break:break-all}th{width:30%;background:#f4f4f4}</style></head>
<body><h1>睦邻 · 我的个人信息</h1><p>${escapeHtml(data.subject.nickname)}，这是睦邻在 ${escapeHtml(
    valueText(data.generatedAt),
  )} 保存的关于您的全部记录。</p>
${sections}
</body></html>`;
}
