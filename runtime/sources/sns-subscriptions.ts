/** Topics' Lambda subscriptions: each publish invokes every subscribed function whose filter policy matches, asynchronously. */
import type { Project, SnsEventDef } from '../project/types';
import type { TopicNotice } from '../services/types';
import { filterPolicyMatches } from './sns-filter-policy';
import { snsEvent, subscriptionArn } from './sns-event';
import type { SourceHost } from './types';

interface Subscription {
  functionName: string;
  def: SnsEventDef;
}

export class TopicSubscriptions {
  private byTopic = new Map<string, Subscription[]>();

  constructor(private readonly host: SourceHost) {}

  /** A function subscribed twice to one topic has one subscription (Subscribe is idempotent per endpoint): the first. */
  deploy(project: Project): void {
    const byTopic = new Map<string, Subscription[]>();
    for (const fn of Object.values(project.functions)) {
      for (const def of fn.events) {
        if (def.kind !== 'sns') continue;
        const list = byTopic.get(def.topic) ?? [];
        if (!list.some((s) => s.functionName === fn.name)) list.push({ functionName: fn.name, def });
        byTopic.set(def.topic, list);
      }
    }
    this.byTopic = byTopic;
  }

  targets(topic: string): string[] {
    return (this.byTopic.get(topic) ?? []).map((s) => s.functionName);
  }

  notify(notice: TopicNotice): void {
    for (const s of this.byTopic.get(notice.topic) ?? []) {
      if (!filterPolicyMatches(s.def.filterPolicy, notice.messageAttributes)) continue;
      const event = snsEvent(notice, subscriptionArn(notice.topicArn, s.functionName));
      this.host.invokeAsync(s.functionName, event, `topic:${notice.topic}`).catch((err: unknown) => {
        this.host.log(s.functionName, 'error', `SNS delivery from topic ${notice.topic} failed: ${err instanceof Error ? err.message : String(err)}`);
      });
    }
  }
}
