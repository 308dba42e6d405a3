import type { Metadata } from 'next';
import { BenchRunner } from '@/components/bench/bench-runner';

export const metadata: Metadata = { title: 'Benchmarks · Serverless Playground', robots: { index: false } };

export default function BenchPage() {
  return <BenchRunner />;
}
