/** TypeScript/JavaScript language settings for handler code: ES2022 modules, Node globals, and @types/aws-lambda. */
import type { Monaco } from './load-monaco';
import { NODE_GLOBALS_DTS, NODE_GLOBALS_PATH } from './node-globals';

/** Written by scripts/copy-types.mjs: `{ "file:///node_modules/@types/aws-lambda/…d.ts": text }`. */
export const AWS_LAMBDA_TYPES_URL = '/generated/aws-lambda-types.json';

/** TypeScript's numeric ScriptTarget.ES2022 (Monaco's enum stops at ES2020 and ESNext). */
const ES2022 = 9;

export function configureTypeScript(monaco: Monaco): void {
  const ts = monaco.typescript;
  const base = {
    target: ES2022 as typeof ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    lib: ['es2022'],
    allowNonTsExtensions: true,
    esModuleInterop: true,
    allowSyntheticDefaultImports: true,
    resolveJsonModule: true,
    strict: true,
    noImplicitAny: false,
    checkJs: false,
    noEmit: true,
  };
  ts.typescriptDefaults.setCompilerOptions({ ...base, allowJs: false });
  // JavaScript models are part of the JS language service's program; JSDoc types still give completions, unchecked.
  ts.javascriptDefaults.setCompilerOptions({ ...base, allowJs: true });
  ts.typescriptDefaults.setEagerModelSync(true);
  ts.javascriptDefaults.setEagerModelSync(true);
  for (const defaults of [ts.typescriptDefaults, ts.javascriptDefaults]) defaults.addExtraLib(NODE_GLOBALS_DTS, NODE_GLOBALS_PATH);

  fetch(AWS_LAMBDA_TYPES_URL)
    .then((response): Promise<Record<string, string>> | Record<string, string> => (response.ok ? response.json() : {}))
    .then((libs) => {
      for (const [path, text] of Object.entries(libs)) {
        ts.typescriptDefaults.addExtraLib(text, path);
        ts.javascriptDefaults.addExtraLib(text, path);
      }
    })
    .catch(() => {
      // Without the types the editor still works; only aws-lambda completions are missing.
    });
}
