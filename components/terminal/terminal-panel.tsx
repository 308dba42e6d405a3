/**
 * The `Terminal` region: WebContainers' own terminal output (the boot, `npm install` with its progress and colours),
 * drawn by xterm.js, read-only. It replays what came before it opened (Platform.terminal) and follows what comes after.
 */
import { useEffect, useRef, useState } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';
import { useResolvedTheme } from '@/components/theme/use-resolved-theme';
import './terminal.css';

/** The page's colours, as the host element resolves them (both themes). */
function themeOf(el: HTMLElement) {
  const cs = getComputedStyle(el);
  return { background: cs.backgroundColor, foreground: cs.color, cursor: cs.backgroundColor, selectionBackground: cs.outlineColor };
}

export function TerminalPanel() {
  const { platform, choice } = useWorkbench(useShallow((s) => ({ platform: s.platform, choice: s.workspace?.theme ?? null })));
  const resolved = useResolvedTheme(choice);
  const hostRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const host = hostRef.current;
    if (!host || !platform) return;
    const fontFamily = getComputedStyle(host).fontFamily;
    const term = new Terminal({ disableStdin: true, convertEol: true, cursorBlink: false, fontFamily, fontSize: 13, scrollback: 5000, theme: themeOf(host), screenReaderMode: true });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    // Read-only: Tab (and Shift+Tab) move focus on, as anywhere else in the page, instead of being typed into it.
    term.attachCustomKeyEventHandler((e) => e.key !== 'Tab');
    term.textarea?.setAttribute('aria-label', 'Terminal output (read-only)');
    termRef.current = term;
    const initial = platform.terminal.text();
    if (initial) {
      term.write(initial);
      setEmpty(false);
    }
    const off = platform.on((e) => {
      if (e.type !== 'terminal') return;
      term.write(e.data);
      setEmpty(false);
    });
    const resize = new ResizeObserver(() => {
      if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
    });
    resize.observe(host);
    return () => {
      off();
      resize.disconnect();
      term.dispose();
      termRef.current = null;
    };
  }, [platform]);

  useEffect(() => {
    const host = hostRef.current;
    if (host && termRef.current) termRef.current.options.theme = themeOf(host);
  }, [resolved]);

  const clear = () => {
    platform?.terminal.clear();
    termRef.current?.clear();
    termRef.current?.reset();
    setEmpty(true);
  };

  return (
    <section aria-label="Terminal" className="terminal">
      <div className="output-toolbar">
        <span className="muted">{empty ? 'Real Node.js (WebContainers): the boot and npm install show here.' : 'WebContainers'}</span>
        <button type="button" className="button button-small button-quiet" onClick={clear} disabled={empty}>Clear terminal</button>
      </div>
      {empty && (
        <p className="muted terminal-empty">
          Nothing yet: a project runs on real Node.js when its package.json has dependencies, or when you pick Engine: Node.js or auto.
        </p>
      )}
      <div ref={hostRef} className="terminal-host" hidden={empty} />
    </section>
  );
}
