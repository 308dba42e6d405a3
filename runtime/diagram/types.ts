import type { ServiceName } from '../services/types';

/**
 * The architecture diagram's model (issue 4): what a deployed project looks like as nodes and edges, before it is
 * written as Mermaid text. Ids are Mermaid-safe (letters, digits, `_`) and stable across redraws, so the live overlay
 * can keep finding the same SVG elements after the manifest changes.
 */

export type DiagramNodeKind = 'client' | 'gateway' | 'function' | 'schedule' | 'bucket' | 'queue' | 'topic' | 'bus' | 'table';

/** What clicking (or pressing Enter on) a node opens. */
export type DiagramTarget =
  | { kind: 'file'; path: string; line?: number }
  /** An event source's group in the Events panel (its `SourceInfo.id`). */
  | { kind: 'source'; sourceId: string }
  /** A bucket, queue, topic, bus or table card in the Resources panel (`<kind>:<name>`). */
  | { kind: 'resource'; resource: string }
  /** The Request panel (the HTTP clients and the gateway). */
  | { kind: 'request' };

export interface DiagramNode {
  /** Mermaid node id: `fn_hello`, `bucket_uploads`, … with a short hash suffix when sanitising could collide. */
  id: string;
  kind: DiagramNodeKind;
  /**
   * The model's own key, for the live overlay: a function's key under `functions:`, a resource's physical name, a
   * schedule's source id (`schedule:hello:1`), 'client' or 'gateway'.
   */
  ref: string;
  /** First label line, plain text (escaped only when written as Mermaid). */
  title: string;
  /** Further label lines, plain text: `nodejs20.x · 1024 MB · 6 s`, `rate(5 minutes)`, … */
  detail: string[];
  target: DiagramTarget | null;
}

export type DiagramEdgeKind =
  /** An event source or the gateway invokes a function. */
  | 'trigger'
  /** A function called a service at run time (an SDK call): drawn dashed. */
  | 'dependency'
  /** A queue's redrive policy to its dead-letter queue. */
  | 'redrive';

export interface DiagramEdge {
  /** Mermaid edge id (`A e_x@--> B`), stable: derived from the two node ids (and a counter for parallel edges). */
  id: string;
  from: string;
  to: string;
  kind: DiagramEdgeKind;
  /** Plain text: the route key on gateway → function edges ('GET /hello'), a bucket's event filter, … */
  label?: string;
  /**
   * Trigger edges: the keys an invocation's trigger is matched with: a source id ('bucket:uploads',
   * 'schedule:hello:1', 'queue:orders') or `http:<routeKey>` for the gateway edge; 'http' for client → gateway.
   */
  triggers?: string[];
}

export interface DiagramModel {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** A service a function called at run time, as `service-call` platform events report it. */
export interface RuntimeDependency {
  functionName: string;
  service: ServiceName;
  /** The bucket, queue, topic, bus or table name. */
  resource: string;
}
