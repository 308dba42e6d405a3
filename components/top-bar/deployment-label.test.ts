import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '@/runtime/project/types';
import { deploymentLabel } from './deployment-label';

const diag: Diagnostic = {
  severity: 'error', message: 'handler must look like file.export', file: 'serverless.yml',
  line: 4, column: 3, endLine: 4, endColumn: 10,
};

describe('deploymentLabel', () => {
  it('reads the version and Ready when the current files are deployed', () => {
    expect(deploymentLabel({ status: 'ready', version: 3, engine: { kind: 'worker', reason: 'no npm dependencies' } }, [], false)).toEqual({
      text: 'v3 Ready', detail: null, tone: 'ok', engine: 'Embedded engine: no npm dependencies',
    });
  });

  it('says when WebContainers run the version, or when auto fell back from them', () => {
    expect(deploymentLabel({ status: 'ready', version: 2, engine: { kind: 'webcontainer', reason: 'npm dependencies (uuid) need real Node.js' } }, [], false)).toMatchObject({
      text: 'v2 Ready', detail: 'Node.js (WebContainers)', engine: 'Node.js in WebContainers: npm dependencies (uuid) need real Node.js',
    });
    expect(deploymentLabel({ status: 'ready', version: 2, engine: { kind: 'worker', reason: 'auto: StackBlitz did not answer' } }, [], false).detail).toBe('embedded (no WebContainers)');
  });

  it('does not read Ready while edits wait for their deploy', () => {
    const label = deploymentLabel({ status: 'ready', version: 3, engine: { kind: 'worker', reason: 'no npm dependencies' } }, [], true);
    expect(label.text).toBe('Edited');
    expect(label.text + label.detail).not.toContain('Ready');
    expect(label.detail).toBe('v3 serving, deploys when you pause');
  });

  it('shows Deploying… with the version still serving', () => {
    expect(deploymentLabel({ status: 'deploying', servingVersion: 2 }, [], false)).toEqual({
      text: 'Deploying…', detail: 'v2 serving', tone: 'busy',
    });
  });

  it('locates an error by its first error diagnostic when the message has no position', () => {
    const label = deploymentLabel({ status: 'error', message: 'Invalid serverless.yml', servingVersion: 2 }, [diag], false);
    expect(label).toEqual({
      text: 'serverless.yml:4:3 handler must look like file.export', detail: 'v2 still serving', tone: 'error',
    });
  });

  it('keeps a message that already carries its position', () => {
    const label = deploymentLabel({ status: 'error', message: 'serverless.yml:7:1 bad', servingVersion: null }, [diag], false);
    expect(label.text).toBe('serverless.yml:7:1 bad');
    expect(label.detail).toBe('nothing deployed');
  });
});
