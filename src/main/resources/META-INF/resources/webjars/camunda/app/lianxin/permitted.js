/*
 * 连心：按本人角色能做的操作显示按钮。
 *
 * Camunda's webapps offer every button to everyone and let the engine refuse afterwards (创建任务 and
 * 发起流程 for a leader, Cockpit's 删除/挂起/编辑变量 for a read-only leader). This script asks the
 * platform what the signed-in cadre may do (GET /api/me: the engine operations of docs/identity.md's
 * matrix, read with the webapps' own session) and marks the page with one class per operation,
 * `lianxin-may-<operation>` on <html>, plus `lianxin-may-known` once the answer is in. Each app's
 * user-styles.css hides what needs an operation the page is not marked with — before the answer
 * too, so a button never flashes up to be taken away, and stays hidden if the answer never comes.
 */
const root = document.documentElement;
const base = window.location.pathname.split('/camunda/')[0];
const SETTLE = 1000;

function csrfToken() {
  const found = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return found ? decodeURIComponent(found[1]) : '';
}

function className(operation) {
  return 'lianxin-may-' + operation.toLowerCase().replace(/_/g, '-');
}

let asked = null;
let waiting = null;

function ask(signedIn, triesLeft) {
  fetch(base + '/api/me', {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() }
  })
    .then(response => (response.ok ? response.json() : Promise.reject(response.status)))
    .then(me => {
      [...root.classList].filter(name => name.startsWith('lianxin-may-')).forEach(name => root.classList.remove(name));
      (me.operations || []).forEach(operation => root.classList.add(className(operation)));
      root.classList.add('lianxin-may-known');
    })
    .catch(() => {
      // the session's token not handed out yet: once more a little later; else nothing is shown that
      // needs an operation until the next sign-in
      if (triesLeft > 0 && asked === signedIn) {
        window.setTimeout(() => ask(signedIn, triesLeft - 1), SETTLE);
      }
    });
}

function markWhatIMayDo() {
  // signed in: the header shows the user (the login page does not, and /api would answer 401)
  const account = document.querySelector('li.account');
  const signedIn = account ? account.textContent.trim() : null;
  if (!signedIn || asked === signedIn) {
    return;
  }
  asked = signedIn;
  // signing in starts a new session, and the webapps' first requests in it hand out its CSRF token:
  // ask once they have settled, never in the middle of the sign-in
  window.clearTimeout(waiting);
  waiting = window.setTimeout(() => ask(signedIn, 3), SETTLE);
}

// the user signs in (or out and in as someone else) without the page reloading: ask again whenever
// the signed-in user shown in the header changes
markWhatIMayDo();
new MutationObserver(markWhatIMayDo).observe(document.documentElement, { subtree: true, childList: true });

export default [];
