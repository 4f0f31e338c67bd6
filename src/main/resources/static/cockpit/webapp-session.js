// Signing in to the platform's own pages (the leader cockpit, the designers' migration page) through
// Camunda's webapps: their session and the CSRF token they hand out, as Tasklist does. The pages call
// /api with that session; the token goes with every call.

const CAMUNDA_USER = '/camunda/api/admin/auth/user/default';
// every platform role may use Tasklist (identity/AccessPolicy), so its login admits them all
const LOGIN = CAMUNDA_USER + '/login/tasklist';
const LOGOUT = CAMUNDA_USER + '/logout';
const ENGINE_VERSION = '/camunda/api/engine/engine/default/version';

/** The webapps' CSRF token of this session, for the header X-XSRF-TOKEN of every call. */
export const session = { token: null };

/** A request to the webapps' API, taking the CSRF token they hand out in the answer's header. */
export async function camunda(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (session.token) headers['X-XSRF-TOKEN'] = session.token;
  if (body) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  const handedOut = response.headers.get('X-XSRF-TOKEN');
  if (handedOut && handedOut !== 'Required') session.token = handedOut;
  return response;
}

/** Who is signed in ({userId, …}), or null. */
export async function signedInUser() {
  let response = await camunda('GET', CAMUNDA_USER);
  if (!response.ok) {
    // with single sign-on (profile keycloak) the webapps' session is signed in by its first call
    // to the engine's API; without it this answers 401 (no challenge) and changes nothing
    await camunda('GET', ENGINE_VERSION);
    response = await camunda('GET', CAMUNDA_USER);
  }
  return response.ok ? response.json() : null;
}

/** Signs in with the page's own form; answers null, or why not in Chinese. */
export async function signIn(username, password) {
  const missing = [];
  if (!username) missing.push('请输入用户名');
  if (!password) missing.push('请输入密码');
  if (missing.length) return missing.join('；');
  if (!session.token) await camunda('GET', CAMUNDA_USER);
  const form = new URLSearchParams({ username, password }).toString();
  let response = await camunda('POST', LOGIN, form);
  if (response.status === 403) {
    // the session still had a token this page no longer knows (signed out, then reloaded, to sign in
    // as someone else): the webapps' CSRF filter has just ended that session; a new one hands out its own
    session.token = null;
    await camunda('GET', CAMUNDA_USER);
    response = await camunda('POST', LOGIN, form);
  }
  if (!response.ok) {
    return response.status === 429 ? '登录尝试过于频繁，请稍后再试' : '用户名或密码不正确';
  }
  // signing in starts a new session: the next call asks who is signed in to receive its token
  session.token = null;
  return null;
}

/**
 * Signs out of the webapps; answers false when the page is being sent on to end a single sign-on
 * session too (profile keycloak: the webapps' session comes back from it, so Spring Security's sign-out
 * page ends that one).
 */
export async function signOut() {
  await camunda('POST', LOGOUT);
  session.token = null;
  if (await signedInUser()) {
    window.location.assign('/logout');
    return false;
  }
  return true;
}
