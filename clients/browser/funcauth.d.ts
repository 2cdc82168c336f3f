// Types for funcauth.js (hand-written; the module has no build step). See docs/browser-client.md.

/** The signed-in user as the API names them. */
export interface FuncAuthUser {
  userId: string;
  email: string;
  displayName: string;
}

/** What login and refresh answer in cookie mode: the user and the expiry times, never a token. */
export interface FuncAuthSession extends FuncAuthUser {
  /** ISO 8601; absent when the session was restored by `me()` in a new tab. */
  accessTokenExpiresAt?: string;
  refreshTokenExpiresAt?: string;
}

/** A non-2xx answer, from its RFC 9457 `application/problem+json` body. */
export class FuncAuthError extends Error {
  constructor(status: number, problem?: Partial<Pick<FuncAuthError, 'type' | 'title' | 'detail' | 'errors'>>, retryAfter?: number | null);
  readonly name: 'FuncAuthError';
  /** The HTTP status: 400 validation, 401 bad credentials or no session, 403 foreign origin, 409 email taken, 429 locked, 503 busy. */
  readonly status: number;
  readonly type?: string;
  readonly title?: string;
  readonly detail?: string;
  /** Field validation messages keyed by JSON property name (`email`, `password`, …); `{}` when none. */
  readonly errors: Record<string, string[]>;
  /** Seconds from `Retry-After` (429, 503) when the browser lets the script read it (same origin, or exposed by CORS); else null. */
  readonly retryAfter: number | null;
}

export interface FuncAuthClientOptions {
  /** Where the API is, without the `/api` prefix, e.g. `http://localhost:7071`. */
  baseUrl: string;
  /** Refresh this long before the access token expires, but never earlier than half its lifetime. Default 60. */
  refreshMarginSeconds?: number;
  /** The fetch to use (default `globalThis.fetch`); every call gets `credentials: 'include'`. */
  fetch?: typeof fetch;
  /** Web Locks (default `navigator.locks`); `null` uses the weaker fallback described in the docs. */
  locks?: LockManager | null;
  /** Where the expiry time is shared between tabs (default `localStorage`); never holds a token. */
  storage?: Storage | null;
  /** Called when a refresh is refused (401) for a session this tab knew: show sign-in. Same as `on('expired', …)`. */
  onSessionExpired?: (error: FuncAuthError) => void;
}

export interface FuncAuthEvents {
  /** This tab signed in (the session), or another tab did (null: call `me()`). */
  login: FuncAuthSession | null;
  /** The cookies were rotated, by this tab or another one. */
  refresh: FuncAuthSession;
  /** Signed out here or in another tab (logout or logout-all). */
  logout: undefined;
  /** A refresh was refused: the session is over (revoked, expired, replayed). The error when this tab saw it. */
  expired: FuncAuthError | undefined;
}

export interface FuncAuthClient {
  /** POST /api/auth/register → 201 body. Throws FuncAuthError (400 with `errors`, 409 taken). */
  register(email: string, password: string, displayName?: string): Promise<FuncAuthUser>;
  /** POST /api/auth/login; the browser keeps the HttpOnly cookies. Throws FuncAuthError (401, 429, 503). */
  login(email: string, password: string): Promise<FuncAuthSession>;
  /** POST /api/auth/logout: ends this session and expires the cookies. */
  logout(): Promise<void>;
  /** POST /api/auth/logout-all: ends every session of the user (refreshes first if the access token expired). */
  logoutAll(): Promise<void>;
  /** GET /api/users/me through `fetch`; a FuncAuthError 401 means signed out. Restores the session in a new tab. */
  me(): Promise<FuncAuthUser>;
  /**
   * `fetch(baseUrl + path, init)` with `credentials: 'include'`. On a 401 it refreshes once (one refresh for all
   * tabs) and retries once; the second answer is returned as it is (the first 401 when the session is over). Rejects
   * with a FuncAuthError when that refresh fails with 429/503. `path` starts with `/`; `init.body` must be
   * re-sendable (a string, Blob, FormData, URLSearchParams, not a stream).
   */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Refreshes now. False when the session is over (and `expired` has fired); throws on 429/503/network errors. */
  refresh(): Promise<boolean>;
  /** The session as far as this tab knows, or null. */
  readonly session: FuncAuthSession | null;
  /** Subscribes; returns the function that unsubscribes. */
  on<K extends keyof FuncAuthEvents>(type: K, listener: (detail: FuncAuthEvents[K]) => void): () => void;
  /** Stops the refresh timer and the cross-tab listeners. */
  dispose(): void;
}

export function createClient(options: FuncAuthClientOptions): FuncAuthClient;
