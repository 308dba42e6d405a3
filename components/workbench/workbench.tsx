'use client';
/** The workbench page's client root: the top bar over files on the left, the editor in the centre, actions on the right, output below. */
import { WorkbenchProvider } from './workbench-provider';
import { TopBar } from '@/components/top-bar/top-bar';
import { WorkbenchMain } from './workbench-main';
import { PageAlert } from './page-alert';
import { AppearanceSync } from './appearance-sync';
import { SkipLinks } from './skip-links';
import '@/components/ui/controls.css';
import './workbench.css';

export function Workbench() {
  return (
    <WorkbenchProvider>
      <AppearanceSync />
      <div className="workbench">
        <SkipLinks />
        <TopBar />
        <PageAlert />
        <WorkbenchMain />
      </div>
    </WorkbenchProvider>
  );
}
