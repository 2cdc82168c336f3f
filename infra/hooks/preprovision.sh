#!/usr/bin/env bash
# azd preprovision hook (azure.yaml). Makes sure this azd environment has a JWT signing key for its algorithm,
# FUNCAUTH_SIGNING_ALGORITHM (HS256, the default, or ES256), before provisioning. The first time it generates one:
# HS256, 32 random bytes from `openssl rand`; ES256, a P-256 private key in PKCS#8 DER; base64 either way, saved as
# FUNCAUTH_SIGNING_KEY (id FUNCAUTH_SIGNING_KEY_ID, default k1) in the environment's .azure/<env>/.env, from where
# main.parameters.json passes it to the @secure() parameter signingKey and the deployment stores it in Key Vault.
# Later runs keep it. Checks every key already set (including FUNCAUTH_PREVIOUS_SIGNING_KEY during a rotation)
# against the algorithm and never prints one. A key of the other algorithm means a switch, which ends every session:
# refused unless FUNCAUTH_FORCE_ALGORITHM_SWITCH names the algorithm switched to (docs/deploy.md).
# azd passes the environment's values as environment variables; `azd` on the PATH saves new ones.
set -euo pipefail

# shellcheck source=SCRIPTDIR/../scripts/lib/signing-keys.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../scripts/lib/signing-keys.sh"

fail() {
  echo "preprovision: $*" >&2
  exit 1
}

# Unset means HS256, as in main.parameters.json; set but empty is a mistake the deployment would refuse too.
algorithm="${FUNCAUTH_SIGNING_ALGORITHM-HS256}"
[ "$algorithm" = HS256 ] || [ "$algorithm" = ES256 ] || fail "FUNCAUTH_SIGNING_ALGORITHM must be HS256 or ES256."
command -v openssl >/dev/null || fail "openssl is needed to check and generate the signing key."

key_id="${FUNCAUTH_SIGNING_KEY_ID:-k1}"
valid_kid "$key_id" || fail "FUNCAUTH_SIGNING_KEY_ID must be 1-64 letters, digits or dashes."
key="${FUNCAUTH_SIGNING_KEY:-}"
previous_id="${FUNCAUTH_PREVIOUS_SIGNING_KEY_ID:-}"
previous_key="${FUNCAUTH_PREVIOUS_SIGNING_KEY:-}"
force="${FUNCAUTH_FORCE_ALGORITHM_SWITCH:-}"

# keep: the key matches the algorithm; generate: there is none yet; switch: it is a key of the other algorithm.
action=generate
if [ -n "$key" ]; then
  kind="$(key_algorithm "$key")"
  if [ "$kind" = "$algorithm" ]; then
    action=keep
  elif [ -z "$kind" ]; then
    fail "FUNCAUTH_SIGNING_KEY must be $(key_description "$algorithm"), as FUNCAUTH_SIGNING_ALGORITHM=$algorithm needs."
  elif [ "$force" = "$algorithm" ]; then
    action=switch
  else
    fail "FUNCAUTH_SIGNING_KEY '$key_id' is an $kind key, but FUNCAUTH_SIGNING_ALGORITHM is $algorithm. Switching the" \
      "algorithm replaces the key, which ends every session (everyone signs in again) at the next provision. To switch," \
      "run 'azd env set FUNCAUTH_FORCE_ALGORITHM_SWITCH $algorithm' and provision again; to keep $kind, run" \
      "'azd env set FUNCAUTH_SIGNING_ALGORITHM $kind'."
  fi
fi

if [ -n "$previous_id" ]; then
  [ "$action" != switch ] || fail "a key rotation is in progress: finish it (infra/scripts/rotate-signing-key.sh finish) before switching the algorithm."
  valid_kid "$previous_id" || fail "FUNCAUTH_PREVIOUS_SIGNING_KEY_ID must be 1-64 letters, digits or dashes."
  [ "$previous_id" != "$key_id" ] || fail "FUNCAUTH_PREVIOUS_SIGNING_KEY_ID must differ from FUNCAUTH_SIGNING_KEY_ID."
  [ "$(key_algorithm "$previous_key")" = "$algorithm" ] \
    || fail "FUNCAUTH_PREVIOUS_SIGNING_KEY must be $(key_description "$algorithm"): a rotation keeps the algorithm ($algorithm)."
elif [ -n "$previous_key" ]; then
  fail "FUNCAUTH_PREVIOUS_SIGNING_KEY is set without FUNCAUTH_PREVIOUS_SIGNING_KEY_ID."
fi

if [ "$action" = keep ]; then
  echo "preprovision: keeping $algorithm signing key '$key_id' of this azd environment."
else
  # A switch gets a new kid: a kid names one key for good (relying parties cache JWKS entries by kid).
  old_id="$key_id"
  [ "$action" = generate ] || key_id="$(next_kid "$key_id")"
  key="$(generate_key "$algorithm")" || fail "openssl could not generate the $algorithm key."
  [ "$(key_algorithm "$key")" = "$algorithm" ] || fail "the generated key is not a valid $algorithm key."

  # Through a private file rather than the command line, where other local users could read it.
  values="$(umask 077 && mktemp)"
  trap 'rm -f "$values"' EXIT
  {
    printf 'FUNCAUTH_SIGNING_KEY_ID="%s"\nFUNCAUTH_SIGNING_KEY="%s"\n' "$key_id" "$key"
    # The confirmation is good for one switch only.
    [ "$action" = generate ] || printf 'FUNCAUTH_FORCE_ALGORITHM_SWITCH=""\n'
  } >"$values"
  azd env set --file "$values" >/dev/null || fail "azd env set --file failed; update azd (this hook needs its --file option)."
  if [ "$action" = generate ]; then
    echo "preprovision: generated signing key '$key_id' ($(key_summary "$algorithm")) for this azd environment."
  else
    echo "preprovision: switched to $algorithm: generated signing key '$key_id' ($(key_summary "$algorithm")) in place of '$old_id'."
    echo "preprovision: every session and access token signed with '$old_id' stops working when this provision completes."
  fi
fi

if [ -n "$previous_id" ]; then
  echo "preprovision: rotation in progress: '$previous_id' still validates, '$key_id' signs."
fi
