import { describe, expect, it } from 'vitest';
import { buildDiagramModel } from './diagram-model';
import { project, SHOP_YML } from './diagram-fixtures';
import { shortenLine } from './escape-label';
import { escapeLabel, toMermaid } from './mermaid-text';
import type { DiagramModel } from './types';

/** The named entities escapeLabel may use, decoded; an unknown entity fails the test. */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', num: '#', semi: ';', percnt: '%', grave: '`',
  lbrace: '{', rbrace: '}', lsqb: '[', rsqb: ']', lpar: '(', rpar: ')', vert: '|',
};
const decode = (text: string) =>
  text.replace(/&([a-z]+);/g, (_, name: string) => {
    if (!(name in NAMED)) throw new Error(`unexpected entity &${name};`);
    return NAMED[name];
  });
/** What is left once the entities are taken out: it must hold no character Mermaid or HTML could read as syntax. */
const bare = (text: string) => text.replace(/&[a-z]+;/g, '');

/** The input with control characters and line separators as spaces, as escapeLabel writes them. */
const spaced = (text: string) =>
  Array.from(text, (c) => {
    const n = c.codePointAt(0)!;
    return n < 0x20 || (n >= 0x7f && n <= 0x9f) || n === 0x2028 || n === 0x2029 ? ' ' : c;
  }).join('');

const HOSTILE = [
  '<img src=x onerror=alert(1)>', '"]', 'classDef x fill:red', '%%{init: {"theme":"dark"}}%%', '#quot;', '&#60;', '&lt;',
  'A --> B', 'a\nb', 'tab\there\r', '`**md**`', 'end', 'x|y', 'a;b', '</text><script>alert(1)</script>',
  'click fn_a call alert()', 'ünï 🚀 名前', '\u2028\u0000\u007f', 'fn_a e@--> fn_b', '"]:::dlq', '{{x}}', '[(x)]', '&',
];

describe('escapeLabel', () => {
  it.each(HOSTILE)('escapes %j to named entities only, and round-trips', (input) => {
    const out = escapeLabel(input);
    expect(bare(out)).not.toMatch(/[<>"#;%`\n\r\t&{}[\]()|]/);
    expect(out).not.toContain('#');
    expect(decode(out)).toBe(spaced(input));
  });

  it('writes the entities Mermaid 12 renders', () => {
    expect(escapeLabel('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert&lpar;1&rpar;&gt;');
    expect(escapeLabel('#quot;')).toBe('&num;quot&semi;');
    expect(escapeLabel('"] & %`|{}')).toBe('&quot;&rsqb; &amp; &percnt;&grave;&vert;&lbrace;&rbrace;');
    expect(escapeLabel('GET /users/me · ok')).toBe('GET /users/me · ok');
  });

  it('shortens a line to 60 characters before escaping, never splitting a character', () => {
    expect(shortenLine('x'.repeat(60))).toBe('x'.repeat(60));
    expect(shortenLine('x'.repeat(61))).toBe(`${'x'.repeat(59)}…`);
    expect(shortenLine('🚀'.repeat(70))).toBe(`${'🚀'.repeat(59)}…`);
  });
});

describe('toMermaid', () => {
  const shop = toMermaid(buildDiagramModel(project(SHOP_YML), [{ functionName: 'api', service: 'dynamodb', resource: 'sessions' }]));
  const lines = shop.split('\n');

  it('gives each kind its shape and writes the details under the title', () => {
    expect(lines[0]).toBe('flowchart LR');
    expect(lines).toContain('  client(["HTTP clients"])');
    expect(lines).toContain('  gateway{{"HTTP API<br>3 routes"}}');
    expect(lines).toContain('  sched_report_1(["schedule<br>rate&lpar;5 minutes&rpar;"])');
    expect(lines).toContain('  fn_api["api<br>nodejs20.x · 512 MB · 10 s"]');
    expect(lines).toContain('  queue_orders[["orders<br>SQS queue"]]');
    expect(lines).toContain('  topic_alerts{{"alerts<br>SNS topic"}}');
    expect(lines).toContain('  bus_default>"default<br>EventBridge bus"]');
    expect(lines).toContain('  table_orders[("orders<br>DynamoDB table · stream")]');
    expect(shop).toMatch(/\n {2}bucket_shop_uploads_\w+\[\("shop-uploads<br>S3 bucket"\)\]\n/);
  });

  it('writes triggers solid, calls and redrives dashed, each with its edge id', () => {
    expect(lines).toContain('  client e_client__gateway@--> gateway');
    expect(lines).toContain('  gateway e_gateway__fn_api@-->|"GET /orders, POST /orders"| fn_api');
    expect(lines).toContain('  fn_api e_fn_api__table_sessions@-.-> table_sessions');
    expect(shop).toMatch(/\n {2}queue_orders e_queue_orders__(queue_orders_dlq_\w+)@-\.->\|"after 3 receives"\| \1\n/);
  });

  it('tags nodes with the page’s CSS classes, dead-letter queues also with dlq, and defines no colours', () => {
    expect(lines).toContain('  class fn_api,fn_health,fn_report,fn_thumbs,fn_charge,fn_notify,fn_audit fn');
    expect(lines).toContain('  class table_orders,table_sessions table');
    const dlq = /\n {2}class queue_orders,(queue_orders_dlq_\w+) queue\n/.exec(shop)?.[1];
    expect(lines.at(-2)).toBe(`  class ${dlq} dlq`);
    expect(shop).not.toContain('classDef');
    expect(shop).not.toContain('style');
  });

  it('draws top to bottom when asked', () => {
    expect(toMermaid({ nodes: [], edges: [] }, { direction: 'TB' })).toBe('flowchart TB\n');
  });

  it('shortens long labels before escaping, so no entity is cut', () => {
    const model: DiagramModel = { nodes: [{ id: 'fn_a', kind: 'function', ref: 'a', title: '&'.repeat(100), detail: [], target: null }], edges: [] };
    expect(toMermaid(model).split('\n')[1]).toBe(`  fn_a["${'&amp;'.repeat(59)}…"]`);
  });

  it('refuses an id that is not a generated one', () => {
    const model: DiagramModel = { nodes: [{ id: 'a"];click a', kind: 'function', ref: 'a', title: 'a', detail: [], target: null }], edges: [] };
    expect(() => toMermaid(model)).toThrow(/Not a diagram id/);
  });
});

describe('toMermaid: a project full of hostile names', () => {
  // The shop with its names and routes swapped for hostile text (the manifest reader would refuse most of them; a shared
  // link or a future reader must not be the only guard).
  const swaps: Record<string, string> = {
    api: '<img src=x onerror=alert(1)>', health: 'end', report: '%%{init: {"theme":"dark"}}%%', orders: '"]\nclassDef x fill:red',
    alerts: '#quot;`A --> B`', 'shop-uploads': 'a|b;c', 'GET /health': 'GET /"]; click fn_api call alert()', 'rate(5 minutes)': '%%x\r\n',
  };
  let json = JSON.stringify(project(SHOP_YML));
  for (const [from, to] of Object.entries(swaps)) json = json.replaceAll(JSON.stringify(from), JSON.stringify(to));
  const text = toMermaid(buildDiagramModel(JSON.parse(json), [{ functionName: swaps.api, service: 'sqs', resource: swaps.orders }]));

  const ID = '[A-Za-z][A-Za-z0-9_]*';
  const LABEL = '"(?:[^"<>#;%`\\n&{}[\\]()|]|&[a-z]+;|<br>)*"';
  const SHAPE = `(?:\\(\\[${LABEL}\\]\\)|\\{\\{${LABEL}\\}\\}|\\[${LABEL}\\]|\\[\\(${LABEL}\\)\\]|\\[\\[${LABEL}\\]\\]|>${LABEL}\\])`;
  const STATEMENT = new RegExp(
    `^(?:flowchart LR|  ${ID}${SHAPE}|  ${ID} ${ID}@(?:-->|-\\.->)(?:\\|${LABEL}\\|)? ${ID}|  class ${ID}(?:,${ID})* (?:client|gateway|fn|schedule|bucket|queue|topic|bus|table|dlq)|)$`,
  );

  it('writes only node, edge and class statements, with user text only in escaped labels', () => {
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) expect(line).toMatch(STATEMENT);
    // Outside the labels only generated ids and fixed words remain; inside them, no markup but our `<br>`.
    // (Ids keep the sanitised words, `queue____classDef_x_fill_red_…`, but only as parts of one id token.)
    const outside = text.replace(/"[^"]*"/g, '""');
    expect(outside).not.toMatch(/\b(?:classDef|click|style|end|subgraph|init)\b|[#%;:&<]/);
    expect(text).not.toMatch(/#|<img|<script|<(?!br>)/);
  });

  it('keeps every hostile name, decodable, in its label', () => {
    const labels = [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1].split('<br>').map(decode)).flat();
    for (const name of ['<img src=x onerror=alert(1)>', 'end', '"] classDef x fill:red', '#quot;`A --> B`', 'a|b;c']) expect(labels).toContain(name);
    expect(labels).toContain('GET /orders, POST /orders');
    expect(labels).toContain('GET /"]; click fn_api call alert()');
  });
});
