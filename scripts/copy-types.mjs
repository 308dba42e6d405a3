/**
 * Writes public/generated/aws-lambda-types.json: every .d.ts of @types/aws-lambda as { "file:///node_modules/@types/aws-lambda/<path>": text },
 * which the editor fetches lazily and gives to Monaco's TypeScript service (run from "predev" and "prebuild").
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'node_modules', '@types', 'aws-lambda');
const target = join(root, 'public', 'generated', 'aws-lambda-types.json');
const prefix = 'file:///node_modules/@types/aws-lambda/';

async function declarationFiles(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await declarationFiles(path)));
    else if (entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

const files = (await declarationFiles(source)).sort();
const libs = {};
for (const file of files) libs[prefix + relative(source, file).split(sep).join('/')] = await readFile(file, 'utf8');
await mkdir(dirname(target), { recursive: true });
await writeFile(target, JSON.stringify(libs));
console.log(`copy-types: ${files.length} declaration files → ${relative(root, target)}`);
