/** Deploying the workspace to the Platform: immediate (load, Ctrl/Cmd+S) or after a pause in typing, newest wins. */
import type { Diagnostic, Files } from '@/runtime/project/types';
import type { DeploymentState, PlatformEvent } from '@/runtime/platform-types';
import type { PlatformApi } from './platform-api';
import type { SliceCreator } from './workbench-state';

/** Typing pause before an automatic deploy, ms. */
export const AUTO_DEPLOY_DELAY_MS = 600;

export interface RouteInfo {
  routeKey: string;
  method: string;
  path: string;
  functionName: string;
}

export interface DeploySlice {
  platform: PlatformApi | null;
  deployment: DeploymentState;
  diagnostics: Diagnostic[];
  /** The files handed to the latest deploy; the status only reads Ready when they are the workspace's files. */
  deployedFiles: Files | null;
  service: string | null;
  functionNames: string[];
  routes: RouteInfo[];
  attachPlatform(platform: PlatformApi | null): void;
  deployNow(): void;
  scheduleDeploy(): void;
  handlePlatformEvent(event: PlatformEvent): void;
}

export const createDeploySlice: SliceCreator<DeploySlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: AbortController | null = null;

  const cancelTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const readProject = (platform: PlatformApi) => {
    const project = platform.project;
    if (!project) return { service: null, functionNames: [], routes: [] };
    const routes: RouteInfo[] = [];
    for (const fn of Object.values(project.functions)) {
      for (const ev of fn.events) {
        if (ev.kind === 'httpApi') routes.push({ routeKey: ev.routeKey, method: ev.method, path: ev.path, functionName: fn.name });
      }
    }
    return { service: project.service, functionNames: Object.keys(project.functions), routes };
  };

  return {
    platform: null,
    deployment: { status: 'idle' },
    diagnostics: [],
    deployedFiles: null,
    service: null,
    functionNames: [],
    routes: [],

    attachPlatform(platform) {
      cancelTimer();
      inFlight?.abort();
      inFlight = null;
      set({ platform, deployment: platform ? platform.state : { status: 'idle' }, deployedFiles: null });
      get().syncEvents();
    },

    deployNow() {
      cancelTimer();
      const { platform, workspace } = get();
      if (!platform || !workspace) return;
      inFlight?.abort();
      const controller = new AbortController();
      inFlight = controller;
      const files = workspace.files;
      set({ deployedFiles: files });
      platform.deploy(files, { signal: controller.signal }).then(
        (result) => {
          if (controller.signal.aborted) return;
          inFlight = null;
          set({ diagnostics: result.diagnostics, deployment: platform.state, ...readProject(platform) });
          get().syncEvents();
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          inFlight = null;
          const message = error instanceof Error ? error.message : String(error);
          set({ deployment: { status: 'error', message, servingVersion: null } });
        },
      );
    },

    scheduleDeploy() {
      cancelTimer();
      timer = setTimeout(() => {
        timer = null;
        get().deployNow();
      }, AUTO_DEPLOY_DELAY_MS);
    },

    handlePlatformEvent(event) {
      if (event.type !== 'deployment') return;
      const platform = get().platform;
      set({
        deployment: event.state,
        ...(event.state.status !== 'deploying' ? { diagnostics: event.diagnostics } : {}),
        ...(platform && event.state.status === 'ready' ? readProject(platform) : {}),
      });
    },
  };
};
