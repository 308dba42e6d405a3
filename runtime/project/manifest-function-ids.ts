/** The logical ids the framework gives functions (`HelloLambdaFunction`), so `!Ref`/`!GetAtt` can name them as in a deployed stack. */
import { isMap, isScalar, type Document, type Node } from 'yaml';
import type { ResourceSet } from './manifest-resource-set';
import { functionArn } from './resource-arns';
import { entries } from './yaml-positions';

/** The framework's normalisation: '-' → 'Dash', '_' → 'Underscore', first letter upper case, then 'LambdaFunction'. */
export function functionLogicalId(key: string): string {
  const normal = key.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');
  return `${normal.charAt(0).toUpperCase()}${normal.slice(1)}LambdaFunction`;
}

/** Declares every function of `functions:`: `Ref` gives its name, `Fn::GetAtt … Arn` its ARN. */
export function declareFunctions(set: ResourceSet, functions: Node | null, doc: Document, service: string, stage: string): void {
  if (!isMap(functions)) return;
  for (const fn of entries(functions, doc)) {
    const named = isMap(fn.value) ? entries(fn.value, doc).find((k) => k.key === 'name')?.value : undefined;
    const name = isScalar(named) && typeof named.value === 'string' ? named.value : `${service}-${stage}-${fn.key}`;
    set.declare(functionLogicalId(fn.key), () => ({
      type: 'AWS::Lambda::Function',
      ref: name,
      attributes: { Arn: functionArn(set.region, set.accountId, name) },
    }));
  }
}
