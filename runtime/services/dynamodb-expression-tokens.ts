/** The lexer of DynamoDB expressions (condition, filter, key condition, update, projection). */
import { AwsError } from './aws-error';

export type TokenType = 'name' | 'attrName' | 'attrValue' | 'index' | 'punct' | 'eof';

export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
}

/** The parameter an expression came in, as DynamoDB names it in its messages. */
export type ExpressionKind = 'ConditionExpression' | 'FilterExpression' | 'KeyConditionExpression' | 'UpdateExpression' | 'ProjectionExpression';

const PUNCT = ['<>', '<=', '>=', '=', '<', '>', '(', ')', '[', ']', ',', '.', '+', '-'];

export function expressionError(kind: ExpressionKind, detail: string): AwsError {
  return new AwsError('ValidationException', `Invalid ${kind}: ${detail}`);
}

/** DynamoDB's syntax error: the offending token and the text around it. */
export function syntaxError(kind: ExpressionKind, source: string, tokens: Token[], at: number): AwsError {
  const tok = tokens[at];
  const from = tokens[Math.max(0, at - 1)].start;
  const to = tokens[Math.min(tokens.length - 1, at + 1)].end;
  const shown = tok.type === 'eof' ? '<EOF>' : tok.text;
  return expressionError(kind, `Syntax error; token: "${shown}", near: "${source.slice(from, Math.max(to, tok.end))}"`);
}

export function tokenize(kind: ExpressionKind, source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const word = /^(#|:)?[A-Za-z0-9_]+/.exec(source.slice(i));
    if (word && (word[1] || !/^\d/.test(word[0]) || tokens.at(-1)?.text === '[')) {
      const text = word[0];
      const type: TokenType = word[1] === '#' ? 'attrName' : word[1] === ':' ? 'attrValue' : /^\d+$/.test(text) ? 'index' : 'name';
      tokens.push({ type, text, start: i, end: i + text.length });
      i += text.length;
      continue;
    }
    const p = PUNCT.find((q) => source.startsWith(q, i));
    if (!p) {
      const bad = { type: 'punct' as const, text: c, start: i, end: i + 1 };
      throw syntaxError(kind, source, [...tokens, bad, { type: 'eof', text: '', start: i + 1, end: i + 1 }], tokens.length);
    }
    tokens.push({ type: 'punct', text: p, start: i, end: i + p.length });
    i += p.length;
  }
  tokens.push({ type: 'eof', text: '', start: source.length, end: source.length });
  return tokens;
}
