/** The platform clock's time, re-read once a second while it runs (only the component using it re-renders). */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';
import type { ClockState } from '@/runtime/sources/types';

/** Epoch ms on the platform's clock, or null before a platform is attached. */
export function useVirtualNow(): number | null {
  const { platform, clock } = useWorkbench(useShallow((s) => ({ platform: s.platform, clock: s.clock })));
  const [tick, setTick] = useState<{ base: ClockState; now: number } | null>(null);
  useEffect(() => {
    if (!platform || !clock || clock.mode !== 'real') return;
    const id = setInterval(() => setTick({ base: clock, now: platform.clock.state().now }), 1000);
    return () => clearInterval(id);
  }, [platform, clock]);
  // A new clock state (pause, resume, fast-forward) shows at once; ticks taken against an older one are ignored.
  return tick && tick.base === clock ? tick.now : (clock?.now ?? null);
}
