/** Turns project files into a deployable version, as `serverless deploy` would: manifest → functions' code → routes. */
import type { Diagnostic, Files, FunctionDef, Project } from '../project/types';
import type { FunctionBundle } from '../engines/engine';
import { parseManifest, resolveHandlerFile } from '../project/manifest';
import { buildBundle } from '../engines/worker/transpile';
import { compileRoutes, type RouteDef, type Router } from '../gateway/routes';

export const MANIFEST_FILE = 'serverless.yml';

export interface DeploymentBuild {
  project: Project;
  bundles: Map<string, FunctionBundle>;
  router: Router;
  diagnostics: Diagnostic[];
}

export type BuildResult = { ok: true; build: DeploymentBuild } | { ok: false; diagnostics: Diagnostic[] };

export function buildDeployment(files: Files): BuildResult {
  const text = files[MANIFEST_FILE];
  if (text === undefined) {
    return {
      ok: false,
      diagnostics: [{ severity: 'error', message: `No ${MANIFEST_FILE}: a project needs one to deploy`, file: MANIFEST_FILE, line: 1, column: 1, endLine: 1, endColumn: 1 }],
    };
  }
  const manifest = parseManifest(text, files, MANIFEST_FILE);
  const diagnostics = [...manifest.diagnostics];
  const project = manifest.project;
  if (!project || diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };

  const bundles = new Map<string, FunctionBundle>();
  const routes: RouteDef[] = [];
  for (const fn of Object.values(project.functions)) {
    const handlerFile = resolveHandlerFile(fn, files);
    if (!handlerFile) continue; // parseManifest already reported the missing file as an error
    const built = buildBundle(fn, files, handlerFile);
    if ('diagnostics' in built) {
      diagnostics.push(...built.diagnostics);
      continue;
    }
    built.bundle.env = { ...lambdaEnvironment(project, fn), ...built.bundle.env };
    bundles.set(fn.name, built.bundle);
    for (const ev of fn.events) {
      if (ev.kind === 'httpApi') routes.push({ routeKey: ev.routeKey, method: ev.method, path: ev.path, functionName: fn.name });
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  return { ok: true, build: { project, bundles, router: compileRoutes(routes), diagnostics } };
}

/** The variables Lambda sets in every execution environment (reserved: the manifest may not override them). */
function lambdaEnvironment(project: Project, fn: FunctionDef): Record<string, string> {
  const name = fn.functionName ?? fn.name;
  return {
    AWS_REGION: project.provider.region,
    AWS_DEFAULT_REGION: project.provider.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${name}`,
    LAMBDA_TASK_ROOT: '/var/task',
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    TZ: ':UTC',
  };
}

/** "serverless.yml:4:3 timeout must be a number" — the first error, for the Deployment status. */
export function summarizeErrors(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return 'Deployment failed';
  const first = errors[0];
  const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
  return `${first.file}:${first.line}:${first.column} ${first.message}${more}`;
}
