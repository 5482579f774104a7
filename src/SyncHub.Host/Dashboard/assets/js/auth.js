// Sign-in: the agent's personal key (or a service key) asked once in the "Sign in" dialog, kept in sessionStorage (this
// tab only), asked again after a 401; sign-out forgets it.

const STORAGE_KEY = "synchub.apiKey";
const DEFAULT_MESSAGE = "Sign in with your personal agent key (or an integration's service key). It is kept in this tab only.";

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
  dialog.classList.toggle("refused", /refused/.test(message));
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
  return requestKey("The hub refused that key (401). Sign in with a valid key.");
}

/** Sign out: forget the key and ask for one again (resolves to the next key entered). */
export function signOut() {
  sessionStorage.removeItem(STORAGE_KEY);
  return requestKey("Signed out. Sign in with your personal agent key.");
}

export function installKeyDialog() {
  const dialog = document.getElementById("key-dialog");
  // The key is needed for every call: Escape does not dismiss the dialog.
  dialog.addEventListener("cancel", (event) => event.preventDefault());
}
