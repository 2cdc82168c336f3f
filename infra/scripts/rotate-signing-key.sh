#!/usr/bin/env bash
# Rotates the JWT signing key of the current azd environment in two provisions (docs/deploy.md):
#   infra/scripts/rotate-signing-key.sh begin [new-kid]   then `azd provision`
#     the current key becomes FUNCAUTH_PREVIOUS_SIGNING_KEY (still validates), a new random key signs;
#   infra/scripts/rotate-signing-key.sh finish            then `azd provision`, once every access token signed
#     with the old key has expired (Auth__AccessTokenLifetime + Auth__ClockSkew after the first provision).
# Values move through a private file into `azd env set --file`; no key is printed or put on a command line.
set -euo pipefail

fail() {
  echo "rotate-signing-key: $*" >&2
  exit 1
}

# `azd env get-value` fails for a name the environment does not have; treat that as empty.
value_of() {
  azd env get-value "$1" 2>/dev/null || true
}

# Global, so the EXIT trap still sees the file name after the function returned.
values=""
trap '[ -z "$values" ] || rm -f "$values"' EXIT

set_values() {
  values="$(umask 077 && mktemp)"
  printf '%s\n' "$@" >"$values"
  azd env set --file "$values" >/dev/null || fail "azd env set --file failed; update azd (this script needs its --file option)."
}

case "${1:-}" in
  begin)
    [ -z "$(value_of FUNCAUTH_PREVIOUS_SIGNING_KEY_ID)" ] || fail "a rotation is already in progress: run 'finish' first."
    current_key="$(value_of FUNCAUTH_SIGNING_KEY)"
    [ -n "$current_key" ] || fail "this azd environment has no FUNCAUTH_SIGNING_KEY yet: run 'azd provision' first."
    current_id="$(value_of FUNCAUTH_SIGNING_KEY_ID)"
    current_id="${current_id:-k1}"
    if [ -n "${2:-}" ]; then
      new_id="$2"
    elif [[ "$current_id" =~ ^k([0-9]+)$ ]]; then
      new_id="k$((BASH_REMATCH[1] + 1))"
    else
      new_id="k$(date -u +%Y%m%d%H%M%S)"
    fi
    [[ "$new_id" =~ ^[A-Za-z0-9-]{1,64}$ ]] || fail "the new kid must be 1-64 letters, digits or dashes."
    [ "$new_id" != "$current_id" ] || fail "the new kid must differ from the current one ('$current_id')."
    command -v openssl >/dev/null || fail "openssl is needed to generate the new key."
    new_key="$(openssl rand -base64 32)"
    set_values \
      "FUNCAUTH_PREVIOUS_SIGNING_KEY_ID=\"$current_id\"" \
      "FUNCAUTH_PREVIOUS_SIGNING_KEY=\"$current_key\"" \
      "FUNCAUTH_SIGNING_KEY_ID=\"$new_id\"" \
      "FUNCAUTH_SIGNING_KEY=\"$new_key\""
    echo "rotate-signing-key: '$new_id' will sign, '$current_id' still validates. Run 'azd provision' now, and"
    echo "'$0 finish' once the access-token lifetime (plus clock skew) has passed after it."
    ;;
  finish)
    previous_id="$(value_of FUNCAUTH_PREVIOUS_SIGNING_KEY_ID)"
    [ -n "$previous_id" ] || fail "no rotation in progress."
    set_values 'FUNCAUTH_PREVIOUS_SIGNING_KEY_ID=""' 'FUNCAUTH_PREVIOUS_SIGNING_KEY=""'
    echo "rotate-signing-key: '$previous_id' retired. Run 'azd provision' now; the app then stops accepting it."
    echo "Its Key Vault secret auth-signing-key-$previous_id stays (unreferenced) until you delete it."
    ;;
  *)
    echo "usage: $0 begin [new-kid] | finish" >&2
    exit 2
    ;;
esac
