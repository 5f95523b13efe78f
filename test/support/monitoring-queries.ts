import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** One PromQL expression of a dashboard panel or an alerting rule, named for the report. */
export interface MonitoringQuery {
  source: string;
  expr: string;
}

interface Panel {
  title?: string;
  panels?: Panel[];
  targets?: Array<{ expr?: string; refId?: string }>;
}

interface Dashboard {
  title: string;
  panels: Panel[];
  templating?: { list: Array<{ name: string; type: string; definition?: string }> };
}

interface RuleFile {
  groups: Array<{ name: string; rules: Array<{ alert?: string; record?: string; expr: string; for?: string }> }>;
}

/** Every target expression of every panel (rows' panels too) of a Grafana dashboard file. */
export function dashboardQueries(file: string): MonitoringQuery[] {
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as Dashboard;
  const panels = dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
  return panels.flatMap((panel) =>
    (panel.targets ?? []).filter((target) => target.expr).map((target) => ({ source: `${dashboard.title} › ${panel.title} [${target.refId}]`, expr: target.expr! })),
  );
}

/** The `label_values(metric, label)` queries of a dashboard's template variables. */
export function dashboardVariableQueries(file: string): Array<{ name: string; metric: string; label: string }> {
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as Dashboard;
  return (dashboard.templating?.list ?? []).flatMap((variable) => {
    const match = /^label_values\((\w+),\s*(\w+)\)$/.exec(variable.definition ?? '');
    return variable.type === 'query' && match ? [{ name: variable.name, metric: match[1]!, label: match[2]! }] : [];
  });
}

/** Every rule expression of a Prometheus rule file. */
export function ruleQueries(file: string): Array<MonitoringQuery & { alert?: string }> {
  const rules = parse(readFileSync(file, 'utf8')) as RuleFile;
  return rules.groups.flatMap((group) => group.rules.map((rule) => ({ source: `${group.name} › ${rule.alert ?? rule.record}`, alert: rule.alert, expr: rule.expr })));
}

/**
 * Pure: the expression with Grafana's variables replaced by values, as Grafana does before it
 * queries; a variable without a value fails, so a dashboard cannot use one the test does not know.
 */
export function withVariables(expr: string, values: Record<string, string>): string {
  return expr.replace(/\$(\{)?(\w+)(?:\})?/g, (text, _brace, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for the dashboard variable ${text} in ${expr}`);
    return value;
  });
}
