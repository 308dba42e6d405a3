/**
 * Applies the saved theme and text size before the first paint (inline in <head>), so a dark-theme user never sees
 * a light flash and a large-text user never sees the page jump. The workspace is the source of truth; these
 * localStorage copies only cover the moment before it loads.
 */
export const THEME_STORAGE_KEY = 'sp-theme';
export const TEXT_SIZE_STORAGE_KEY = 'sp-text-size';

export const themeBootScript =
  `try{var d=document.documentElement,t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark')d.dataset.theme=t;` +
  `var s=parseFloat(localStorage.getItem('${TEXT_SIZE_STORAGE_KEY}')||'');if(s>=0.5&&s<=2)d.style.setProperty('--text-scale',String(s))}catch(e){}`;
