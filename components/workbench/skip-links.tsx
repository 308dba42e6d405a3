/** "Skip to …" links, the first stops of the page's tab order (shown only when focused): straight to the editor or the actions. */
import type { MouseEvent } from 'react';
import './skip-links.css';

/** The editor's text area (Monaco's input or the plain fallback), else the first file of the tree. */
function editorTarget(): HTMLElement | null {
  return (
    document.querySelector<HTMLElement>('[data-testid="editor"] textarea') ??
    document.querySelector<HTMLElement>('.files [data-file-path]')
  );
}

/** The selected tab of the Actions tablist (Request | Invoke). */
function actionsTarget(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.actions [role="tab"][aria-selected="true"]');
}

function skipTo(find: () => HTMLElement | null) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const target = find();
    if (!target) return;
    event.preventDefault();
    target.focus();
  };
}

export function SkipLinks() {
  return (
    <div className="skip-links">
      <a href="#editor-panel" className="skip-link" onClick={skipTo(editorTarget)}>Skip to editor</a>
      <a href="#actions" className="skip-link" onClick={skipTo(actionsTarget)}>Skip to actions</a>
    </div>
  );
}
