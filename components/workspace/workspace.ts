/** The workspace: what the user is working on in this browser (files, open tabs, saved test events, theme, layout). */
import type { Files } from '@/runtime/project/types';
import { DEFAULT_PANEL_LAYOUT, revivePanelLayout, type PanelLayout } from './panel-layout';
import { DEFAULT_TEXT_SIZE, reviveTextSize } from './text-size';

/** null follows the system's `prefers-color-scheme`. */
export type ThemeChoice = 'light' | 'dark' | null;
export type RightTab = 'request' | 'invoke' | 'events';
const RIGHT_TABS: readonly RightTab[] = ['request', 'invoke', 'events'];
export type BottomTab = 'logs' | 'response' | 'traces' | 'resources' | 'terminal';
const BOTTOM_TABS: readonly BottomTab[] = ['logs', 'response', 'traces', 'resources', 'terminal'];

/** A named JSON event for the Invoke panel, like a saved test event of the Lambda console. */
export interface TestEvent {
  name: string;
  body: string;
}

export interface WorkspaceLayout {
  rightTab: RightTab;
  bottomTab: BottomTab;
  /** Panel sizes and which panels are collapsed (wide screens; narrow ones stack the panels). */
  panels: PanelLayout;
  /** Scale of the whole UI's text, the editor's included (text-size.ts). */
  textSize: number;
}

export interface Workspace {
  id: string;
  files: Files;
  /** The file shown in the editor. */
  open: string | null;
  /** The editor's tabs, in order. */
  tabs: string[];
  testEvents: TestEvent[];
  theme: ThemeChoice;
  layout: WorkspaceLayout;
  updatedAt: number;
}

export const DEFAULT_LAYOUT: WorkspaceLayout = {
  rightTab: 'request',
  bottomTab: 'logs',
  panels: DEFAULT_PANEL_LAYOUT,
  textSize: DEFAULT_TEXT_SIZE,
};

export function newWorkspaceId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A fresh workspace holding `files`; theme and layout carry over from `previous` so a new project keeps the user's setup. */
export function createWorkspace(files: Files, open: string | null, previous?: Workspace | null): Workspace {
  const first = open && open in files ? open : (Object.keys(files).sort()[0] ?? null);
  return {
    id: newWorkspaceId(),
    files,
    open: first,
    tabs: first ? [first] : [],
    testEvents: [],
    theme: previous?.theme ?? null,
    layout: previous?.layout ?? DEFAULT_LAYOUT,
    updatedAt: Date.now(),
  };
}

/** Reads a stored record defensively: older or damaged records get defaults instead of breaking the page. */
export function reviveWorkspace(value: unknown): Workspace | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<Workspace>;
  if (typeof v.id !== 'string' || !v.files || typeof v.files !== 'object') return null;
  const files: Files = {};
  for (const [path, text] of Object.entries(v.files)) if (typeof text === 'string') files[path] = text;
  const open = typeof v.open === 'string' && v.open in files ? v.open : null;
  const tabs = Array.isArray(v.tabs) ? v.tabs.filter((t): t is string => typeof t === 'string' && t in files) : [];
  return {
    id: v.id,
    files,
    open,
    tabs: open && !tabs.includes(open) ? [...tabs, open] : tabs,
    testEvents: Array.isArray(v.testEvents)
      ? v.testEvents.filter((e): e is TestEvent => !!e && typeof e.name === 'string' && typeof e.body === 'string')
      : [],
    theme: v.theme === 'light' || v.theme === 'dark' ? v.theme : null,
    layout: {
      rightTab: RIGHT_TABS.find((t) => t === v.layout?.rightTab) ?? 'request',
      bottomTab: BOTTOM_TABS.find((t) => t === v.layout?.bottomTab) ?? 'logs',
      panels: revivePanelLayout(v.layout?.panels),
      textSize: reviveTextSize(v.layout?.textSize),
    },
    updatedAt: typeof v.updatedAt === 'number' ? v.updatedAt : 0,
  };
}
