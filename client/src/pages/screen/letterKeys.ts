// Whether the projector's single-key shortcuts (W, R, S, J, E, F, 1–9, ?, space) are on: WCAG 2.1.4
// asks that they can be turned off, for a speech-input user whose words would fire them. Kept on
// this laptop (localStorage), so a facilitator who turned them off once does not have to again.
const STORE_KEY = "plenary:screen-letter-keys";

export function loadLetterKeys(): boolean {
  try {
    return localStorage.getItem(STORE_KEY) !== "off";
  } catch {
    return true; // storage refused (private mode): the default, on
  }
}

export function saveLetterKeys(on: boolean): void {
  try {
    if (on) localStorage.removeItem(STORE_KEY);
    else localStorage.setItem(STORE_KEY, "off");
  } catch {
    // Not kept across reloads, but this page still follows the choice.
  }
}
