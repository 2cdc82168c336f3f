#!/usr/bin/env bash
# azd preprovision hook (azure.yaml). Makes sure this azd environment has a JWT signing key before provisioning:
# the first time, 32 random bytes from `openssl rand`, base64, saved as FUNCAUTH_SIGNING_KEY (id
# FUNCAUTH_SIGNING_KEY_ID, default k1) in the environment's .azure/<env>/.env, from where main.parameters.json
# passes it to the @secure() parameter signingKey and the deployment stores it in Key Vault. Later runs keep it.
# Checks any key already set (including FUNCAUTH_PREVIOUS_SIGNING_KEY during a rotation) and never prints one.
# azd passes the environment's values as environment variables; `azd` on the PATH saves new ones.
set -euo pipefail

fail() {
  echo "preprovision: $*" >&2
  exit 1
}

# kids also name Key Vault secrets (auth-signing-key-<kid>): letters, digits and dashes only.
check_id() {
  local name="$1" value="$2"
  [[ "$value" =~ ^[A-Za-z0-9-]{1,64}$ ]] || fail "$name must be 1-64 letters, digits or dashes."
}

# The app refuses keys shorter than 32 bytes; refuse them here, before anything is deployed.
check_key() {
  local name="$1" value="$2" bytes
  bytes="$(printf '%s' "$value" | base64 -d 2>/dev/null | wc -c)" || fail "$name is not base64."
  [ "$bytes" -ge 32 ] || fail "$name must be base64 of at least 32 bytes (openssl rand -base64 32)."
}

key_id="${FUNCAUTH_SIGNING_KEY_ID:-k1}"
check_id FUNCAUTH_SIGNING_KEY_ID "$key_id"

if [ -n "${FUNCAUTH_SIGNING_KEY:-}" ]; then
  check_key FUNCAUTH_SIGNING_KEY "$FUNCAUTH_SIGNING_KEY"
  echo "preprovision: keeping signing key '$key_id' of this azd environment."
else
  command -v openssl >/dev/null || fail "openssl is needed to generate the signing key."
  key="$(openssl rand -base64 32)"
  check_key "the generated key" "$key"

  # Through a private file rather than the command line, where other local users could read it.
  values="$(umask 077 && mktemp)"
  trap 'rm -f "$values"' EXIT
  printf 'FUNCAUTH_SIGNING_KEY_ID="%s"\nFUNCAUTH_SIGNING_KEY="%s"\n' "$key_id" "$key" >"$values"
  azd env set --file "$values" >/dev/null || fail "azd env set --file failed; update azd (this hook needs its --file option)."
  echo "preprovision: generated signing key '$key_id' (32 random bytes) for this azd environment."
fi

previous_id="${FUNCAUTH_PREVIOUS_SIGNING_KEY_ID:-}"
if [ -n "$previous_id" ]; then
  check_id FUNCAUTH_PREVIOUS_SIGNING_KEY_ID "$previous_id"
  [ "$previous_id" != "$key_id" ] || fail "FUNCAUTH_PREVIOUS_SIGNING_KEY_ID must differ from FUNCAUTH_SIGNING_KEY_ID."
  check_key FUNCAUTH_PREVIOUS_SIGNING_KEY "${FUNCAUTH_PREVIOUS_SIGNING_KEY:-}"
  echo "preprovision: rotation in progress: '$previous_id' still validates, '$key_id' signs."
elif [ -n "${FUNCAUTH_PREVIOUS_SIGNING_KEY:-}" ]; then
  fail "FUNCAUTH_PREVIOUS_SIGNING_KEY is set without FUNCAUTH_PREVIOUS_SIGNING_KEY_ID."
fi
