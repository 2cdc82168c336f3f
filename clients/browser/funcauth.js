// FuncAuth browser client: cookie-mode sessions for single-page apps, no dependencies.
// Tokens never reach JavaScript: both live in HttpOnly cookies that the browser sends with credentialed fetches.
// The client knows only when the access token expires (from login and refresh answers) and keeps one refresh
// in flight per browser: a Web Lock across tabs, localStorage events to tell the other tabs what happened.
// See docs/browser-client.md.

const LOGIN = '/api/auth/login';
const REFRESH = '/api/auth/refresh-tokens';

/** An API answer that was not 2xx, from its application/problem+json body. */
export class FuncAuthError extends Error {
  constructor(status, problem = {}, retryAfter = null) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'FuncAuthError';
    this.status = status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors || {};
    this.retryAfter = retryAfter;
  }
}

async function toError(response) {
  let problem = {};
  try { problem = await response.json(); } catch { /* not JSON: status only */ }
  // The header is readable cross-origin only if the API's CORS exposes it (Core Tools and Azure's CORS do not), so
  // FuncAuth repeats it in the problem body as `retryAfter`.
  const header = response.headers.get('Retry-After');
  const seconds = Number.isInteger(problem.retryAfter) ? problem.retryAfter
    : header === null ? NaN
    : /^\d+$/.test(header) ? +header : Math.ceil((Date.parse(header) - Date.now()) / 1000);
  return new FuncAuthError(response.status, problem, seconds >= 0 ? seconds : null);
}

export function createClient({
  baseUrl,
  refreshMarginSeconds = 60,
  fetch: fetchImpl = (...args) => globalThis.fetch(...args),
  locks = globalThis.navigator?.locks,
  storage = globalThis.localStorage,
  onSessionExpired,
} = {}) {
  const base = String(baseUrl || '').replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(base)) throw new TypeError('createClient: baseUrl must be an http(s) URL');
  const lockName = 'funcauth-refresh ' + base;
  const key = 'funcauth ' + base;
  const listeners = {};
  let session = null; // { userId, email, displayName, accessTokenExpiresAt, refreshTokenExpiresAt }, from the API
  let expiresAt = 0; // access token expiry (ms); 0 when unknown
  let learnedAt = 0;
  let epoch = 0; // bumped whenever the cookies may have changed (any tab's login, refresh, logout)
  let pending = null; // this tab's refresh in flight
  let othersUntil = 0; // without Web Locks: another tab announced a refresh
  let wake = [];
  let timer;

  if (onSessionExpired) listeners.expired = [onSessionExpired];
  const emit = (type, detail) => (listeners[type] || []).slice().forEach((f) => f(detail));
  async function send(path, init = {}) {
    if (!String(path).startsWith('/')) throw new TypeError('FuncAuth: paths start with / (relative to baseUrl)');
    return fetchImpl(base + path, { ...init, credentials: 'include' });
  }

  // Cross-tab news. Only expiry times travel; tokens stay in their HttpOnly cookies.
  function share(kind) {
    try { storage.setItem(key, JSON.stringify({ kind, expiresAt, nonce: Math.random() })); } catch { /* no storage */ }
  }
  function shared() {
    try { return JSON.parse(storage.getItem(key)) || {}; } catch { return {}; }
  }
  function onStorage(event) {
    let news;
    try { news = event.key === key && JSON.parse(event.newValue); } catch { /* not ours */ }
    if (!news) return;
    if (news.kind === 'refreshing') { othersUntil = Date.now() + 10000; return; }
    epoch++;
    othersUntil = 0;
    wake.splice(0).forEach((f) => f());
    if (news.kind === 'refresh') {
      if (!session) return;
      learn(news.expiresAt);
      emit('refresh', session);
    } else if (news.kind === 'login') {
      // Maybe another user: the app asks me() again (which also learns the expiry shared here).
      forget();
      emit('login', null);
    } else if (session) {
      forget();
      emit(news.kind);
    }
  }

  function learn(expiry) {
    expiresAt = expiry || 0;
    learnedAt = Date.now();
    schedule();
  }
  function forget() {
    session = null;
    expiresAt = 0;
    clearTimeout(timer);
  }
  function adopt(kind, body) {
    const { userId, email, displayName, accessTokenExpiresAt, refreshTokenExpiresAt } = body;
    session = { userId, email, displayName, accessTokenExpiresAt, refreshTokenExpiresAt };
    epoch++;
    learn(Date.parse(accessTokenExpiresAt));
    share(kind);
    emit(kind, session);
    return session;
  }
  function end(kind, detail) {
    const had = session !== null;
    forget();
    epoch++;
    share(kind);
    if (had || kind === 'logout') emit(kind, detail);
  }

  // Refresh a margin before expiry, at most half the lifetime early (a 5 s token is refreshed after 2.5 s).
  const refreshAt = () => expiresAt - Math.min(refreshMarginSeconds * 1000, (expiresAt - learnedAt) / 2);
  const due = () => session !== null && expiresAt > 0 && Date.now() >= refreshAt();
  function schedule() {
    clearTimeout(timer);
    if (!session || !expiresAt) return;
    timer = setTimeout(tick, Math.min(Math.max(0, refreshAt() - Date.now()), 2 ** 31 - 1));
  }
  function tick() {
    refresh(due).catch((error) => {
      // Busy or offline: try again while the token lasts; after that the next 401 refreshes.
      if (session && Date.now() < expiresAt) timer = setTimeout(tick, (error.retryAfter || 5) * 1000);
    });
  }
  const onVisible = () => document.visibilityState === 'visible' && due() && tick();

  async function rotate() {
    const response = await send(REFRESH, { method: 'POST' });
    if (response.ok) {
      adopt('refresh', await response.json());
      return true;
    }
    const error = await toError(response);
    if (response.status !== 401) throw error;
    end('expired', error);
    return false;
  }

  // `needed` is checked once this tab may refresh: another tab may have done it while this one waited.
  function refresh(needed) {
    if (!needed()) return Promise.resolve(true);
    return (pending ||= (async () => {
      if (!locks) {
        if (Date.now() < othersUntil) await new Promise((r) => { wake.push(r); setTimeout(r, 10000); });
        if (!needed()) return true;
        share('refreshing');
        return rotate();
      }
      return locks.request(lockName, { ifAvailable: true }, (lock) => lock
        ? (needed() ? rotate() : true)
        // Another tab holds the lock, so it is refreshing right now: wait for it, then use its cookies.
        : locks.request(lockName, () => true));
    })().finally(() => { pending = null; }));
  }

  /** fetch(baseUrl + path) with the session cookies; on a 401, one refresh (shared by all tabs) and one retry. */
  async function authFetch(path, init) {
    if (due()) await refresh(due).catch(() => {});
    const sent = epoch;
    const response = await send(path, init);
    // A 401 from login, register, refresh or logout is an answer, not an expired access token.
    const answer = /^\/api\/auth\/(?!logout-all)/.test(path);
    if (response.status !== 401 || answer) return response;
    // Refresh only if no tab has changed the cookies since this request went out; then retry once.
    return (await refresh(() => epoch === sent)) ? send(path, init) : response;
  }

  async function json(response) {
    if (!response.ok) throw await toError(response);
    return response.status === 204 ? undefined : response.json();
  }
  const post = (path, body) => send(path, {
    method: 'POST',
    ...(body && { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });

  globalThis.addEventListener?.('storage', onStorage);
  globalThis.document?.addEventListener('visibilitychange', onVisible);

  return {
    register: (email, password, displayName) => post('/api/auth/register', { email, password, displayName }).then(json),
    login: async (email, password) => adopt('login', await json(await post(LOGIN, { email, password }))),
    async logout() {
      await json(await post('/api/auth/logout'));
      end('logout');
    },
    async logoutAll() {
      await json(await authFetch('/api/auth/logout-all', { method: 'POST' }));
      end('logout');
    },
    /** The signed-in user, or a FuncAuthError 401 when there is no session (also restores one in a new tab). */
    async me() {
      const user = await json(await authFetch('/api/users/me'));
      if (!session) {
        session = { ...user };
        learn(shared().expiresAt);
      }
      return user;
    },
    fetch: authFetch,
    /** Refreshes now (single-flight); false when the session is gone (the `expired` event has fired). */
    refresh: () => refresh(() => true),
    get session() { return session; },
    /** Events: login, refresh, logout, expired (a refresh was refused: show sign-in). Returns an unsubscribe function. */
    on(type, listener) {
      (listeners[type] ||= []).push(listener);
      return () => { listeners[type] = listeners[type].filter((f) => f !== listener); };
    },
    dispose() {
      clearTimeout(timer);
      globalThis.removeEventListener?.('storage', onStorage);
      globalThis.document?.removeEventListener('visibilitychange', onVisible);
    },
  };
}
