/** Applies the saved theme before the first paint (inline in <head>), so a dark-theme user never sees a light flash. */
export const THEME_STORAGE_KEY = 'sp-theme';

export const themeBootScript = `try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
