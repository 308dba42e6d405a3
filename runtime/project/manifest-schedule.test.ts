import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';

const yml = (events: string[]) =>
  ['service: demo', 'provider:', '  name: aws', 'functions:', '  f:', '    handler: h.f', '    events:', ...events].join('\n') + '\n';
const errors = (text: string) => parseManifest(text).diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.column, d.message]);

describe('parseManifest: schedule events', () => {
  it('reads the string form, the object form with enabled and input, and a list of expressions', () => {
    const r = parseManifest(
      yml([
        '      - schedule: rate(5 minutes)', //                    8
        '      - schedule:', //                                    9
        '          rate: cron(0 12 * * ? *)', //                  10
        '          enabled: false', //                             11
        '          input: { job: report, n: 2 }', //              12
        "      - schedule: { rate: ['rate(1 hour)', 'cron(0/15 * * * ? *)'] }", // 13
      ]),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.project!.functions.f.events).toEqual([
      { kind: 'schedule', expression: 'rate(5 minutes)', enabled: true, line: 8 },
      { kind: 'schedule', expression: 'cron(0 12 * * ? *)', enabled: false, input: { job: 'report', n: 2 }, line: 10 },
      { kind: 'schedule', expression: 'rate(1 hour)', enabled: true, line: 13 },
      { kind: 'schedule', expression: 'cron(0/15 * * * ? *)', enabled: true, line: 13 },
    ]);
  });

  it('reports a bad expression at its position, and the project does not deploy', () => {
    const text = yml(['      - schedule: cron(0 12 * * *)']);
    expect(parseManifest(text).project).toBeNull();
    const [[line, column, message]] = errors(text);
    expect([line, column]).toEqual([8, 19]);
    expect(message).toMatch(/6 fields/);
  });

  it('reports a missing rate and a non-boolean enabled', () => {
    expect(errors(yml(['      - schedule: { enabled: true }']))).toEqual([
      [8, 9, "schedule needs 'rate:', an expression like 'rate(5 minutes)' or 'cron(0 12 * * ? *)'"],
    ]);
    expect(errors(yml(['      - schedule: { rate: rate(1 hour), enabled: sometimes }']))[0][2]).toBe(
      'schedule enabled must be true or false, not the text \'sometimes\'',
    );
  });
});
