// The sample SPA: sign up, sign in, favourite movies, sign out, and a "session expired" state, all through the
// FuncAuth browser client. It never sees a token; it renders with textContent only.
import { createClient, FuncAuthError } from './funcauth.js';

const { apiBaseUrl } = await (await fetch('./config.json')).json();
const client = createClient({ baseUrl: apiBaseUrl });
const $ = (id) => document.getElementById(id);

function say(text, isError = false) {
  $('message').textContent = text;
  $('message').classList.toggle('error', isError);
  $('message').hidden = !text;
}

function describe(error) {
  if (!(error instanceof FuncAuthError)) return `The API could not be reached (${error.message}).`;
  const fields = Object.entries(error.errors).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
  const wait = error.retryAfter ? ` Try again in ${error.retryAfter} s.` : '';
  return [`${error.title || 'Error'} (${error.status}): ${error.detail || ''}${wait}`, ...fields].join('\n');
}

function showSignedIn(user) {
  $('status').textContent = `Signed in as ${user.displayName || user.email}`;
  $('expired').hidden = true;
  $('signed-out').hidden = true;
  $('signed-in').hidden = false;
}

function showSignedOut({ expired = false } = {}) {
  $('status').textContent = 'Signed out';
  $('expired').hidden = !expired;
  $('signed-in').hidden = true;
  $('signed-out').hidden = false;
  $('movies').replaceChildren();
}

async function restore() {
  try {
    showSignedIn(await client.me());
  } catch (error) {
    showSignedOut();
    if (!(error instanceof FuncAuthError && error.status === 401)) say(describe(error), true);
  }
}

client.on('expired', () => showSignedOut({ expired: true }));
client.on('logout', () => showSignedOut());
client.on('login', (session) => (session ? showSignedIn(session) : restore()));

$('signup-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const user = await client.register($('signup-email').value, $('signup-password').value, $('signup-name').value || undefined);
    $('signin-email').value = user.email;
    say(`Account created for ${user.email}. Sign in with your password.`);
  } catch (error) {
    say(describe(error), true);
  }
});

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await client.login($('signin-email').value, $('signin-password').value);
    $('signin-password').value = '';
    say('');
  } catch (error) {
    say(describe(error), true);
  }
});

$('load-movies').addEventListener('click', async () => {
  try {
    const response = await client.fetch('/api/users/fav-movies');
    if (response.status === 401) return showSignedOut({ expired: true }); // even after a refresh: the session is over
    if (!response.ok) throw new FuncAuthError(response.status, await response.json().catch(() => ({})));
    const movies = await response.json();
    $('movies').replaceChildren(...movies.map((title) => Object.assign(document.createElement('li'), { textContent: title })));
    say('');
  } catch (error) {
    say(describe(error), true);
  }
});

$('signout').addEventListener('click', () => client.logout().then(() => say('Signed out.'), (error) => say(describe(error), true)));
$('signout-all').addEventListener('click', () => client.logoutAll().then(() => say('Signed out on every device.'), (error) => say(describe(error), true)));

await restore();
