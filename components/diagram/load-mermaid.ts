/**
 * Mermaid, loaded on the client only and only when the Architecture panel first draws (mermaid 12 declares Node ≥ 22.12
 * and weighs ~0.75 MB gzip: it must stay out of the page's first JS). Strict security: labels come from user files and
 * shared links, so Mermaid sanitises them and never runs scripts or click callbacks.
 */
export type Mermaid = (typeof import('mermaid'))['default'];

let loading: Promise<Mermaid> | null = null;

export function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      // Colours come from the page's CSS (both themes); the base theme only sets what the CSS does not.
      theme: 'base',
      // A user label may not reconfigure Mermaid (%%{init}%% and frontmatter are ignored for these keys).
      secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'theme', 'themeCSS', 'themeVariables', 'fontFamily'],
      flowchart: { htmlLabels: true, padding: 12, nodeSpacing: 36, rankSpacing: 56, curve: 'basis' },
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
    });
    return mermaid;
  });
  loading.catch(() => {
    loading = null; // a failed chunk load may be retried
  });
  return loading;
}
