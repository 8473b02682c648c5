// Runs in <head> before the first paint so a remembered theme never flashes the other one. With no
// stored choice the page follows the system through CSS (prefers-color-scheme).
export const THEME_STORAGE_KEY = "casebook-theme";

export const THEME_SCRIPT =
  `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});` +
  `if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}})()`;
