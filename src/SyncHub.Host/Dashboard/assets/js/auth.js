// The API key: asked once in a dialog, kept in sessionStorage (this tab only), asked again after a 401.

const STORAGE_KEY = "synchub.apiKey";
const DEFAULT_MESSAGE = "The dashboard reads and changes tickets through the SyncHub API. Enter an API key (SyncHub:Api:Keys); it is kept in this tab only.";

let pending = null;

function stored() {
  try {
    return sessionStorage.getItem(STORAGE_KEY) || "";
  } catch {
    return "";
  }
}

function ask(message) {
  const dialog = document.getElementById("key-dialog");
  const form = document.getElementById("key-form");
  const input = document.getElementById("key-input");
  document.getElementById("key-message").textContent = message;
  dialog.classList.toggle("refused", message !== DEFAULT_MESSAGE);
  input.value = "";
  return new Promise((resolve) => {
    const onSubmit = (event) => {
      event.preventDefault();
      const key = input.value.trim();
      if (!key) {
        input.focus();
        return;
      }
      sessionStorage.setItem(STORAGE_KEY, key);
      form.removeEventListener("submit", onSubmit);
      dialog.close();
      resolve(key);
    };
    form.addEventListener("submit", onSubmit);
    if (!dialog.open) {
      dialog.showModal();
    }
    input.focus();
  });
}

/** The key to send; asks the agent when there is none (one dialog however many calls wait). */
export function apiKey() {
  const key = stored();
  if (key) {
    return Promise.resolve(key);
  }
  return requestKey(DEFAULT_MESSAGE);
}

function requestKey(message) {
  if (!pending) {
    pending = ask(message).finally(() => {
      pending = null;
    });
  }
  return pending;
}

/** The API refused `key`: forget it (unless another key was entered meanwhile) and ask again. */
export function refuse(key) {
  if (stored() === key) {
    sessionStorage.removeItem(STORAGE_KEY);
  }
  return requestKey("The API refused that key (401). Enter a valid API key.");
}

/** The agent wants to use another key. */
export function changeKey() {
  sessionStorage.removeItem(STORAGE_KEY);
  return requestKey(DEFAULT_MESSAGE);
}

export function installKeyDialog() {
  const dialog = document.getElementById("key-dialog");
  // The key is needed for every call: Escape does not dismiss the dialog.
  dialog.addEventListener("cancel", (event) => event.preventDefault());
}
