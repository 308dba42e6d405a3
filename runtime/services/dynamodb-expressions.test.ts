import { describe, expect, it } from 'vitest';
import { checkCondition, evaluate } from './dynamodb-condition';
import { parseCondition, parseProjection, parseUpdate } from './dynamodb-expression-parser';
import { ExpressionScope } from './dynamodb-expression-scope';
import { project } from './dynamodb-paths';
import { applyUpdate } from './dynamodb-update';
import type { Item } from './dynamodb-values';

const item: Item = {
  id: { S: 'u1' },
  age: { N: '42' },
  name: { S: 'Ada Lovelace' },
  tags: { SS: ['a', 'b'] },
  scores: { NS: ['1', '2.5'] },
  arr: { L: [{ S: 'x' }, { N: '7' }] },
  profile: { M: { city: { S: 'London' }, langs: { L: [{ S: 'en' }, { S: 'fr' }] } } },
  active: { BOOL: true },
  nothing: { NULL: true },
  bin: { B: new Uint8Array([1, 2, 3]) },
  emoji: { S: '\u{1F600}' },
};

const values = {
  ':n40': { N: '40' }, ':n42': { N: '42.0' }, ':n50': { N: '50' }, ':s': { S: 'Ada' }, ':a': { S: 'a' }, ':z': { S: 'z' },
  ':t': { S: 'SS' }, ':city': { S: 'London' }, ':fr': { S: 'fr' }, ':seven': { N: '7' }, ':b12': { B: new Uint8Array([1, 2]) },
  ':x': { S: 'x' }, ':three': { N: '3' }, ':four': { N: '4' },
};

function cond(expr: string, names?: Record<string, string>) {
  const used = new Set(expr.match(/:\w+/g) ?? []);
  const given = Object.fromEntries(Object.entries(values).filter(([k]) => used.has(k)));
  const scope = new ExpressionScope(names, Object.keys(given).length ? given : undefined);
  const c = parseCondition('ConditionExpression', expr, scope);
  checkCondition('ConditionExpression', c);
  scope.checkAllUsed();
  return c;
}

describe('condition expressions', () => {
  const cases: Array<[string, boolean, Record<string, string>?]> = [
    ['age = :n42', true],
    ['age <> :n42', false],
    ['absent <> :n42', true],
    ['absent = :n42', false],
    ['age > :n40 AND age < :n50', true],
    ['age >= :n42 AND age <= :n42', true],
    ['age < :s', false],
    ['age BETWEEN :n40 AND :n50', true],
    ['age BETWEEN :n50 AND :n50', false],
    ['age IN (:n40, :n42)', true],
    ['age IN (:n40, :n50)', false],
    ['attribute_exists(age)', true],
    ['attribute_not_exists(age)', false],
    ['attribute_not_exists(absent)', true],
    ['attribute_type(tags, :t)', true],
    ['begins_with(#n, :s)', true, { '#n': 'name' }],
    ['begins_with(bin, :b12)', true],
    ['contains(#n, :s)', true, { '#n': 'name' }],
    ['contains(tags, :a)', true],
    ['contains(tags, :z)', false],
    ['contains(scores, :n42)', false],
    ['contains(arr, :seven)', true],
    ['size(tags) = :n40', false],
    ['size(#n) > :n40', false, { '#n': 'name' }],
    ['size(emoji) = :four', true],
    ['size(bin) = :three', true],
    ['size(absent) < :n40', false],
    ['profile.city = :city', true],
    ['profile.langs[1] = :fr', true],
    ['profile.langs[5] = :fr', false],
    ['arr[0] = :x', true],
    ['NOT age = :n40', true],
    ['NOT (age = :n42 OR age = :n40)', false],
    ['age = :n40 OR age = :n42 AND active = :x', false],
    ['(age = :n40 OR age = :n42) AND attribute_exists(active)', true],
    ['#a.#c = :city', true, { '#a': 'profile', '#c': 'city' }],
  ];
  it.each(cases)('%s → %s', (expr, expected, names) => {
    expect(evaluate(cond(expr, names), item)).toBe(expected);
  });

  it('evaluates against an empty map when the item does not exist', () => {
    expect(evaluate(cond('attribute_not_exists(id)'), {})).toBe(true);
    expect(evaluate(cond('age < :n50'), {})).toBe(false);
  });

  const errors: Array<[string, string, Record<string, string>?]> = [
    ['status = :s', 'Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status'],
    ['Name = :s', 'Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Name'],
    ['#x = :s', 'Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x'],
    ['age = :nope', 'Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope'],
    ['age =', 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "="'],
    ['age = :s AND', 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "AND"'],
    ['age $ :s', 'Invalid ConditionExpression: Syntax error; token: "$", near: "age $"'],
    ['begins_with(age)', 'Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1'],
    ['starts_with(age, :s)', 'Invalid ConditionExpression: Invalid function name; function: starts_with'],
    ['if_not_exists(age, :s)', 'Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: if_not_exists'],
    ['attribute_exists(:s)', 'Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists'],
    ['age < :s AND age > active', ''],
    ['age BETWEEN :n50 AND :n40', 'Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:50}, upper bound operand: AttributeValue: {N:40}'],
    ['attribute_type(age, :s)', 'Invalid ConditionExpression: Invalid attribute type name found; type: Ada, valid types: { S,SS,N,NS,B,BS,BOOL,NULL,L,M }'],
    ['', 'Invalid ConditionExpression: The expression can not be empty;'],
  ];
  it.each(errors)('rejects %j', (expr, message, names) => {
    if (message === '') {
      expect(() => cond(expr, names)).not.toThrow();
      return;
    }
    expect(() => cond(expr, names)).toThrow(expect.objectContaining({ name: 'ValidationException', message }));
  });

  it('rejects a literal of the wrong type for an ordering operator', () => {
    const scope = new ExpressionScope(undefined, { ':b': { BOOL: true } });
    const c = parseCondition('FilterExpression', 'age < :b', scope);
    expect(() => checkCondition('FilterExpression', c)).toThrow('Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL');
  });

  it('reports names and values that no expression uses', () => {
    const scope = new ExpressionScope({ '#a': 'age', '#b': 'b' }, { ':v': { N: '1' }, ':w': { N: '2' } });
    parseCondition('ConditionExpression', '#a = :v', scope);
    expect(() => scope.checkAllUsed()).toThrow('Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}');
    parseCondition('ConditionExpression', '#b = :v', scope);
    expect(() => scope.checkAllUsed()).toThrow('Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}');
  });
});

function update(old: Item, expr: string, vals: Record<string, unknown> = {}, names?: Record<string, string>) {
  const scope = new ExpressionScope(names, Object.keys(vals).length ? vals : undefined);
  return applyUpdate(old, parseUpdate(expr, scope), ['id']);
}

describe('update expressions', () => {
  const base: Item = { id: { S: 'k' }, n: { N: '10' }, arr: { L: [{ N: '1' }, { N: '2' }, { N: '3' }] }, set: { SS: ['a', 'b'] }, m: { M: { x: { N: '1' } } } };

  it('SET with arithmetic, if_not_exists and list_append, all reading the old item', () => {
    const r = update(base, 'SET n = n + :one, c = if_not_exists(c, :zero), d = if_not_exists(n, :zero), arr = list_append(arr, :more), m.y = n - :one', {
      ':one': { N: '1' }, ':zero': { N: '0' }, ':more': { L: [{ N: '4' }] },
    });
    expect(r.item.n).toEqual({ N: '11' });
    expect(r.item.c).toEqual({ N: '0' });
    expect(r.item.d).toEqual({ N: '10' });
    expect(r.item.arr.L).toEqual([{ N: '1' }, { N: '2' }, { N: '3' }, { N: '4' }]);
    expect(r.item.m).toEqual({ M: { x: { N: '1' }, y: { N: '9' } } });
    expect(r.updated).toEqual(['n', 'c', 'd', 'arr', 'm']);
    expect(base.n).toEqual({ N: '10' });
  });

  it('adds decimals exactly', () => {
    expect(update({ id: { S: 'k' }, p: { N: '0.1' } }, 'SET p = p + :x', { ':x': { N: '0.2' } }).item.p).toEqual({ N: '0.3' });
  });

  it('REMOVE attributes and arr elements (by their original indexes)', () => {
    const r = update(base, 'REMOVE n, arr[0], arr[2], m.x, absent');
    expect(r.item.n).toBeUndefined();
    expect(r.item.arr).toEqual({ L: [{ N: '2' }] });
    expect(r.item.m).toEqual({ M: {} });
  });

  it('ADD to numbers and sets; DELETE from sets (an emptied set goes)', () => {
    const r = update(base, 'ADD n :five, newCount :five, #s :c DELETE gone :a', { ':five': { N: '5' }, ':c': { SS: ['c', 'a'] }, ':a': { SS: ['a'] } }, { '#s': 'set' });
    expect(r.item.n).toEqual({ N: '15' });
    expect(r.item.newCount).toEqual({ N: '5' });
    expect(r.item.set).toEqual({ SS: ['a', 'b', 'c'] });
    const d = update(base, 'DELETE #s :ab', { ':ab': { SS: ['a', 'b'] } }, { '#s': 'set' });
    expect(d.item.set).toBeUndefined();
  });

  it('SET a arr index past the end appends', () => {
    expect(update(base, 'SET arr[10] = :v', { ':v': { N: '9' } }).item.arr.L).toHaveLength(4);
  });

  const errors: Array<[string, Record<string, unknown>, string]> = [
    ['SET id = :v', { ':v': { S: 'x' } }, 'One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key'],
    ['SET a = :v SET b = :v', { ':v': { S: 'x' } }, 'Invalid UpdateExpression: The "SET" section can only be used once in an update expression;'],
    ['SET n = :v REMOVE n', { ':v': { S: 'x' } }, 'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [n], path two: [n]'],
    ['SET m = :v, m.x = :v', { ':v': { S: 'x' } }, 'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m], path two: [m, x]'],
    ['SET m.a = :v, m[0] = :v', { ':v': { S: 'x' } }, 'Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [m, a], path two: [m, [0]]'],
    ['SET n = n + :v', { ':v': { S: 'x' } }, 'An operand in the update expression has an incorrect data type'],
    ['SET n = nope + :v', { ':v': { N: '1' } }, 'The provided expression refers to an attribute that does not exist in the item'],
    ['SET nope.x = :v', { ':v': { N: '1' } }, 'The document path provided in the update expression is invalid for update'],
    ['ADD n :v', { ':v': { S: 'x' } }, 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING'],
    ['DELETE set :v', { ':v': { N: '1' } }, 'Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: set'],
    ['SET a = :v +', { ':v': { N: '1' } }, 'Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "+"'],
    ['PUT a = :v', { ':v': { N: '1' } }, 'Invalid UpdateExpression: Syntax error; token: "PUT", near: "PUT a"'],
    ['SET a = size(b)', {}, 'Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: size'],
  ];
  it.each(errors)('rejects %j', (expr, vals, message) => {
    expect(() => update(base, expr, vals)).toThrow(expect.objectContaining({ name: 'ValidationException', message }));
  });
});

describe('projection expressions', () => {
  const paths = (expr: string, names?: Record<string, string>) => parseProjection(expr, new ExpressionScope(names, undefined));

  it('keeps the shape of nested maps and packs selected arr elements', () => {
    expect(project(item, paths('id, profile.city, profile.langs[1], arr[1], nope'))).toEqual({
      id: { S: 'u1' },
      profile: { M: { city: { S: 'London' }, langs: { L: [{ S: 'fr' }] } } },
      arr: { L: [{ N: '7' }] },
    });
    expect(project(item, paths('#n', { '#n': 'name' }))).toEqual({ name: { S: 'Ada Lovelace' } });
  });

  it('rejects overlapping paths', () => {
    expect(() => paths('a, a.b')).toThrow('Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]');
  });
});
