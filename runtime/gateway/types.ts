/** HTTP as the playground's API gateway sees it. */

export interface HttpRequest {
  method: string;
  /** Path with an optional query string: '/hello?name=Ada'. */
  path: string;
  /** Header names as the client wrote them; the gateway lower-cases them. */
  headers: Record<string, string>;
  body: string;
  sourceIp?: string;
}

export interface HttpResponse {
  statusCode: number;
  /** Lower-case names. Multiple cookies go in `cookies`, not here. */
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
  cookies: string[];
}
