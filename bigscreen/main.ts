/**
 * The street's big screen (大屏): reads the street's dashboard figures from the projects function's HTTP access path
 * (`?street=<street>&token=<screen token>` of the page's own link, see cloudfunctions/projects/http/bigScreen.ts)
 * and draws them with ECharts — contracts by standing, money against budget, the callback satisfaction of six
 * months, per organization and per community, the contracts themselves. Reads again every five minutes (the
 * summary is refreshed every ten). A link that is incomplete, wrong or expired shows a plain message instead.
 *
 * Each chart's figures are also kept on its element (`data-values`), for the browser test to compare with the
 * dashboard action; `body[data-state]` says loading / ready / problem.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ScreenView } from '../cloudfunctions/projects/domain/screen';
import { STANDING_TEXT, yuanText } from '../miniprogram/packages/projects/lib/contractWords';
import { dayClockText, shortMonthText } from '../miniprogram/shared/calendar';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, CanvasRenderer]);

type Figures = NonNullable<ScreenView['dashboard']>;
type Reply = { ok: true; data: ScreenView } | { ok: false; error: { code: string; message: string } };

declare global {
  interface Window {
    MULIN_BIGSCREEN?: { api?: string };
    /** Milliseconds from navigation to the first chart drawn (for the figures in the note and the bench). */
    mulinFirstChartMs?: number;
  }
}

const REFRESH_MS = 5 * 60_000;
const LINES_SHOWN = 7;
const STANDINGS = ['on_track', 'at_risk', 'late', 'signing'] as const;
const COLORS = { on_track: '#5fd68a', at_risk: '#ffc857', late: '#ff8a80', signing: '#9fb3d1' };
const TEXT = { color: '#ffffff', fontSize: 24 };
const AXIS = { axisLabel: { ...TEXT }, axisLine: { lineStyle: { color: '#5a7199' } } };
const SPLIT = { splitLine: { lineStyle: { color: '#27406b' } } };

const $ = (id: string) => document.getElementById(id)!;
const charts = new Map<string, echarts.ECharts>();

function chart(id: string, values: unknown, option: echarts.EChartsCoreOption): Promise<void> {
  const el = $(id);
  el.dataset.values = JSON.stringify(values);
  let c = charts.get(id);
  if (!c) {
    c = echarts.init(el, undefined, { renderer: 'canvas' });
    charts.set(id, c);
  }
  const drawn = new Promise<void>((done) => {
    c.on('finished', () => {
      c.off('finished');
      window.mulinFirstChartMs ??= Math.round(performance.now());
      done();
    });
  });
  c.setOption({ animation: false, textStyle: TEXT, ...option }, true);
  return drawn;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10);

function groupChart(id: string, groups: Figures['byOrg']): Promise<void> {
  const values = groups.map((g) => ({
    name: g.name,
    attainment: g.attainment,
    spentShare: share(g.spentFen, g.budgetFen),
  }));
  return chart(id, values, {
    legend: { top: 0, right: 0, textStyle: TEXT, itemWidth: 28, itemHeight: 18 },
    grid: { left: 70, right: 20, top: 56, bottom: 70 },
    xAxis: {
      type: 'category',
      data: values.map((v) => v.name),
      ...AXIS,
      axisLabel: { ...TEXT, interval: 0, width: 380, overflow: 'truncate' },
    },
    yAxis: { type: 'value', max: 100, ...AXIS, ...SPLIT, axisLabel: { ...TEXT, formatter: '{value}%' } },
    series: [
      {
        name: '指标达成',
        type: 'bar',
        barMaxWidth: 60,
        itemStyle: { color: '#5fd68a' },
        label: { show: true, position: 'top', ...TEXT, formatter: '{c}%' },
        data: values.map((v) => v.attainment),
      },
      {
        name: '资金已用',
        type: 'bar',
        barMaxWidth: 60,
        itemStyle: { color: '#6cb4ff' },
        label: { show: true, position: 'top', ...TEXT, formatter: '{c}%' },
        data: values.map((v) => v.spentShare),
      },
    ],
  });
}

function draw(d: Figures): Promise<void>[] {
  $('kpi-contracts').textContent = `${d.contracts} 份`;
  for (const k of STANDINGS) $(`kpi-${k}`).textContent = String(d.standing[k]);
  $('kpi-money').textContent = `${yuanText(d.spentFen)} / ${yuanText(d.budgetFen)}`;
  $('kpi-released').textContent = yuanText(d.releasedFen);
  $('kpi-attainment').textContent = `${d.attainment}%`;

  const standing = STANDINGS.map((k) => ({ key: k, name: STANDING_TEXT[k]!, value: d.standing[k] }));
  const money = [
    { name: '预算', fen: d.budgetFen },
    { name: '已用', fen: d.spentFen },
    { name: '已拨付', fen: d.releasedFen },
  ];
  const satisfaction = d.satisfaction.map((m) => ({ month: shortMonthText(m.month), percent: m.percent }));

  const list = $('lines');
  list.replaceChildren(
    ...d.lines.slice(0, LINES_SHOWN).map((l) => {
      const li = document.createElement('li');
      const title = document.createElement('span');
      title.className = 'line__title';
      title.textContent = `${l.title}（${l.orgName}）`;
      const st = document.createElement('span');
      st.className = `line__standing standing--${l.standing}`;
      st.textContent =
        l.standing === 'signing' ? STANDING_TEXT.signing! : `${STANDING_TEXT[l.standing]} ${l.attainment}%`;
      li.append(title, st);
      return li;
    }),
  );
  if (d.lines.length > LINES_SHOWN) {
    const more = document.createElement('li');
    more.className = 'muted';
    more.textContent = `另有 ${d.lines.length - LINES_SHOWN} 份合同`;
    list.append(more);
  }

  return [
    chart('chart-standing', standing, {
      legend: {
        right: 0,
        top: 'middle',
        orient: 'vertical',
        textStyle: TEXT,
        itemWidth: 24,
        itemHeight: 18,
        itemGap: 14,
        formatter: (name: string) => `${name} ${standing.find((s) => s.name === name)?.value ?? 0}`,
      },
      series: [
        {
          type: 'pie',
          radius: ['40%', '72%'],
          center: ['28%', '50%'],
          // Counts inside the slices; a standing with none has no slice, so no label either.
          label: { position: 'inside', ...TEXT, color: '#0b1a33', fontWeight: 'bold', formatter: '{c}' },
          data: standing.map((s) => ({
            name: s.name,
            value: s.value,
            itemStyle: { color: COLORS[s.key] },
            label: { show: s.value > 0 },
          })),
        },
      ],
    }),
    chart('chart-money', money, {
      grid: { left: 100, right: 150, top: 10, bottom: 20 },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', inverse: true, data: money.map((m) => m.name), ...AXIS },
      series: [
        {
          type: 'bar',
          barWidth: 48,
          label: {
            show: true,
            position: 'right',
            ...TEXT,
            formatter: (p: { dataIndex: number }) => yuanText(money[p.dataIndex]!.fen),
          },
          data: money.map((m, i) => ({
            value: m.fen / 100,
            itemStyle: { color: ['#9fb3d1', '#6cb4ff', '#5fd68a'][i] },
          })),
        },
      ],
    }),
    chart('chart-satisfaction', satisfaction, {
      grid: { left: 76, right: 16, top: 40, bottom: 40 },
      xAxis: {
        type: 'category',
        data: satisfaction.map((m) => m.month),
        ...AXIS,
        axisLabel: { ...TEXT, fontSize: 22, interval: 0 },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        ...AXIS,
        ...SPLIT,
        axisLabel: { ...TEXT, formatter: '{value}%' },
      },
      series: [
        {
          type: 'line',
          symbolSize: 14,
          lineStyle: { width: 4, color: '#6cb4ff' },
          itemStyle: { color: '#6cb4ff' },
          label: { show: true, ...TEXT, formatter: '{c}%' },
          data: satisfaction.map((m) => m.percent),
        },
      ],
    }),
    groupChart('chart-org', d.byOrg),
    groupChart('chart-community', d.byCommunity),
  ];
}

function problem(message: string): void {
  $('screen').hidden = true;
  $('problem').hidden = false;
  $('problem-text').textContent = message;
  document.body.dataset.state = 'problem';
}

async function load(street: string, token: string): Promise<void> {
  const api = new URL(window.MULIN_BIGSCREEN?.api ?? '/bigscreen-data', location.href);
  api.searchParams.set('street', street);
  api.searchParams.set('token', token);
  let reply: Reply;
  try {
    reply = (await (await fetch(api, { cache: 'no-store' })).json()) as Reply;
  } catch {
    // Keep the last figures on screen when a refresh fails; say so only when there is nothing to show.
    if (document.body.dataset.state !== 'ready') problem('暂时连不上数据服务，稍后会自动重试');
    return;
  }
  if (!reply.ok) return problem(reply.error.message);
  const view = reply.data;
  $('title').textContent = `${view.streetName} · 政府购买服务数据大屏`;
  document.title = `${view.streetName}政府购买服务数据大屏`;
  $('computed').textContent = view.computedAt
    ? `数据更新于 ${dayClockText(new Date(view.computedAt))}`
    : '数据正在统计，请稍候';
  if (!view.dashboard)
    return problem(view.computedAt ? '还没有购买服务合同，暂无数据' : '数据正在统计，大屏稍后会自动显示');
  $('problem').hidden = true;
  $('screen').hidden = false;
  await Promise.all(draw(view.dashboard));
  document.body.dataset.state = 'ready';
}

function start(): void {
  const q = new URLSearchParams(location.search);
  const street = q.get('street');
  const token = q.get('token');
  if (!street || !token) return problem('大屏链接不完整，请向街道管理员索取新链接');
  void load(street, token);
  setInterval(() => void load(street, token), REFRESH_MS);
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
}

start();
