/** The plan as the deployer reads it (`--dry-run`, and before a real deploy). Secrets are never printed. */
import { relative } from 'node:path';
import type { DeployPlan, FunctionPlan } from './plan';

/** The plan, line by line. */
export function formatPlan(plan: DeployPlan, targetLabel: string): string {
  const lines: string[] = [`Deploy plan → ${targetLabel}`, ''];
  lines.push(`Database: ${plan.collections.length} collections`);
  lines.push(
    '  each: create if missing (CreateTable), create the indexes it lacks (UpdateTable), set its rule (ModifySafeRule)',
  );
  for (const c of plan.collections) {
    const rules = c.rules ? JSON.stringify(c.rules) : '(none declared)';
    lines.push(`  ${c.name}  rule ${rules}`);
    for (const ix of c.indexes ?? []) {
      const keys = Object.entries(ix.keys)
        .map(([k, d]) => (d === -1 ? `${k} desc` : k))
        .join(', ');
      lines.push(`    index ${ix.name}${ix.unique ? ' (unique)' : ''}: ${keys}`);
    }
  }
  lines.push('');
  lines.push(`Functions: ${plan.functions.length}`);
  lines.push(
    '  each: create it (CreateFunction, the folder zipped) or update its code and settings (UpdateFunctionCode, UpdateFunctionConfiguration); timers: delete changed or removed ones (DeleteTrigger), create missing ones (BatchCreateTrigger)',
  );
  for (const f of plan.functions) lines.push(...functionLines(f));
  lines.push('');
  if (plan.hosting) {
    const h = plan.hosting;
    lines.push(
      `Static hosting: ${h.files.length} files, ${Math.round(h.bytes / 1024)} KB from ${relative(process.cwd(), h.dir) || h.dir}`,
      "  uploaded to the environment's static website hosting (hosting.uploadFiles) at the same paths; not sent to a local cloud, which serves build/hosting itself",
      ...h.files.map((f) => `  /${f}`),
    );
  } else lines.push('Static hosting: nothing built');
  const access = plan.functions.filter((f) => f.httpPath);
  if (access.length > 0) {
    lines.push(
      'HTTP access (set once in the console: 云开发 → HTTP 访问服务 → 新建, path → function; a local cloud serves them from config.json):',
      ...access.map((f) => `  ${f.httpPath} → ${f.name}`),
    );
  }
  if (plan.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const w of plan.warnings) lines.push(`  - ${w}`);
  }
  if (plan.problems.length > 0) {
    lines.push('', 'Nothing will be deployed until these are fixed:');
    for (const p of plan.problems) lines.push(`  - ${p}`);
  }
  return lines.join('\n');
}

function functionLines(f: FunctionPlan): string[] {
  const list = (m: Record<string, string>) =>
    Object.entries(m)
      .map(([d, v]) => `${d}@${v}`)
      .join(', ');
  const deps = list(f.dependencies);
  const bundled = list(f.bundled);
  const env = Object.keys(f.env)
    .sort()
    .map((k) =>
      f.secretNames.includes(k) ? `${k}=<secret, ${f.env[k]!.length} characters>` : `${k}=${f.env[k]}`,
    );
  return [
    `  ${f.name}  from ${relative(process.cwd(), f.dir) || f.dir}`,
    `    ${f.runtime}, handler ${f.handler}, timeout ${f.timeout} s, memory ${f.memorySize} MB; dependencies installed in the cloud: ${deps || 'none'}${bundled ? `; bundled: ${bundled}` : ''}`,
    `    environment: ${env.length > 0 ? env.join(', ') : 'none'}`,
    `    timers: ${f.triggers.length > 0 ? f.triggers.map((t) => `${t.name} "${t.cron}"`).join(', ') : 'none'}`,
    `    open API (config.json in the package): ${f.openapi.length > 0 ? f.openapi.join(', ') : 'none'}`,
  ];
}
