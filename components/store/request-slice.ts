/** The HTTP request panel's draft and the last response from the API gateway. */
import type { RequestResult } from '@/runtime/platform-types';
import type { SliceCreator } from './workbench-state';

export interface HeaderRow {
  id: number;
  name: string;
  value: string;
}

export interface RequestDraft {
  method: string;
  path: string;
  headers: HeaderRow[];
  body: string;
}

export interface RequestSlice {
  request: RequestDraft;
  sending: boolean;
  lastResponse: RequestResult | null;
  /** Set when the request could not be made at all (no deployment yet…); gateway errors are responses. */
  requestError: string | null;
  setRequest(change: Partial<RequestDraft>): void;
  addHeader(): void;
  updateHeader(id: number, change: Partial<Omit<HeaderRow, 'id'>>): void;
  removeHeader(id: number): void;
  send(): Promise<void>;
}

let nextHeaderId = 1;

export const createRequestSlice: SliceCreator<RequestSlice> = (set, get) => ({
  request: { method: 'GET', path: '/hello?name=Ada', headers: [], body: '' },
  sending: false,
  lastResponse: null,
  requestError: null,

  setRequest: (change) => set((s) => ({ request: { ...s.request, ...change } })),
  addHeader: () =>
    set((s) => ({ request: { ...s.request, headers: [...s.request.headers, { id: nextHeaderId++, name: '', value: '' }] } })),
  updateHeader: (id, change) =>
    set((s) => ({
      request: { ...s.request, headers: s.request.headers.map((h) => (h.id === id ? { ...h, ...change } : h)) },
    })),
  removeHeader: (id) =>
    set((s) => ({ request: { ...s.request, headers: s.request.headers.filter((h) => h.id !== id) } })),

  async send() {
    const { platform, request } = get();
    if (!platform) return;
    const headers: Record<string, string> = {};
    for (const h of request.headers) if (h.name.trim()) headers[h.name.trim()] = h.value;
    const contentType = impliedContentType(request.body, headers);
    if (contentType) headers['content-type'] = contentType;
    const path = request.path.startsWith('/') ? request.path : `/${request.path}`;
    set({ sending: true });
    try {
      const result = await platform.request({ method: request.method, path, headers, body: request.body });
      set({ lastResponse: result, requestError: null, sending: false });
    } catch (error) {
      set({ requestError: error instanceof Error ? error.message : String(error), lastResponse: null, sending: false });
    }
    get().setBottomTab('response');
  },
});

/**
 * Like an HTTP client's body editor, a body sent without a Content-Type header gets one: JSON when it parses as JSON,
 * plain text otherwise. (HTTP APIs base64-encode bodies of unknown type, which would surprise the person typing.)
 */
export function impliedContentType(body: string, headers: Record<string, string>): string | null {
  if (!body || Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) return null;
  try {
    JSON.parse(body);
    return 'application/json';
  } catch {
    return 'text/plain';
  }
}
