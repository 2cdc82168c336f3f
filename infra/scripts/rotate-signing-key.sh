#!/usr/bin/env bash
# Rotates the JWT signing key of the current azd environment in two provisions (docs/deploy.md), in either
# algorithm (FUNCAUTH_SIGNING_ALGORITHM, HS256 or ES256; a rotation keeps it):
#   infra/scripts/rotate-signing-key.sh begin [new-kid]   then `azd provision`
#     the current key becomes FUNCAUTH_PREVIOUS_SIGNING_KEY (still validates access and refresh tokens), a new
#     random key of the same algorithm signs;
#   infra/scripts/rotate-signing-key.sh finish [--force]  then `azd provision`
#     refused until the refresh-token lifetime (FUNCAUTH_REFRESH_TOKEN_LIFETIME, 1 day by default) has passed since
#     'begin': refresh tokens are MACs under keys derived from the signing keys, and a session whose current refresh
#     token was minted under the old key ends when that key goes. --force retires it at once (a leaked key).
# Values move through a private file into `azd env set --file`; no key is printed or put on a command line.
set -euo pipefail

# shellcheck source=SCRIPTDIR/lib/signing-keys.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/signing-keys.sh"

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

# Seconds in a .NET TimeSpan written [d.]hh:mm[:ss[.fraction]] or as whole days (the forms the lifetimes use); a
# fraction counts as a whole second. Nothing on stdout when the text is none of these.
timespan_seconds() {
  if [[ "$1" =~ ^([0-9]+)$ ]]; then
    echo $((10#${BASH_REMATCH[1]} * 86400))
  elif [[ "$1" =~ ^(([0-9]+)\.)?([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})(\.([0-9]+))?)?$ ]]; then
    echo $((10#${BASH_REMATCH[2]:-0} * 86400 + 10#${BASH_REMATCH[3]} * 3600 + 10#${BASH_REMATCH[4]} * 60 \
      + 10#${BASH_REMATCH[6]:-0} + (${#BASH_REMATCH[8]} > 0 ? 1 : 0)))
  fi
}

# The setting's value in the azd environment, or the template's default ($2) when it is not set.
lifetime_of() {
  local value
  value="$(value_of "$1")"
  echo "${value:-$2}"
}

case "${1:-}" in
  begin)
    [ -z "$(value_of FUNCAUTH_PREVIOUS_SIGNING_KEY_ID)" ] || fail "a rotation is already in progress: run 'finish' first."
    algorithm="$(value_of FUNCAUTH_SIGNING_ALGORITHM)"
    algorithm="${algorithm:-HS256}"
    [ "$algorithm" = HS256 ] || [ "$algorithm" = ES256 ] || fail "FUNCAUTH_SIGNING_ALGORITHM must be HS256 or ES256."
    command -v openssl >/dev/null || fail "openssl is needed to check the current key and generate the new one."
    current_key="$(value_of FUNCAUTH_SIGNING_KEY)"
    [ -n "$current_key" ] || fail "this azd environment has no FUNCAUTH_SIGNING_KEY yet: run 'azd provision' first."
    [ "$(key_algorithm "$current_key")" = "$algorithm" ] \
      || fail "FUNCAUTH_SIGNING_KEY is not an $algorithm key: a rotation keeps the algorithm; a switch is done by the preprovision hook (docs/deploy.md)."
    current_id="$(value_of FUNCAUTH_SIGNING_KEY_ID)"
    current_id="${current_id:-k1}"
    new_id="${2:-$(next_kid "$current_id")}"
    valid_kid "$new_id" || fail "the new kid must be 1-64 letters, digits or dashes."
    [ "$new_id" != "$current_id" ] || fail "the new kid must differ from the current one ('$current_id')."
    new_key="$(generate_key "$algorithm")" || fail "openssl could not generate the new $algorithm key."
    [ "$(key_algorithm "$new_key")" = "$algorithm" ] || fail "the generated key is not a valid $algorithm key."
    set_values \
      "FUNCAUTH_PREVIOUS_SIGNING_KEY_ID=\"$current_id\"" \
      "FUNCAUTH_PREVIOUS_SIGNING_KEY=\"$current_key\"" \
      "FUNCAUTH_SIGNING_KEY_ID=\"$new_id\"" \
      "FUNCAUTH_SIGNING_KEY=\"$new_key\"" \
      "FUNCAUTH_ROTATION_BEGAN_AT=\"$(date -u +%s)\""
    refresh="$(lifetime_of FUNCAUTH_REFRESH_TOKEN_LIFETIME 1.00:00:00)"
    echo "rotate-signing-key: $algorithm key '$new_id' will sign, '$current_id' still validates. Run 'azd provision' now, and"
    echo "'$0 finish' once the refresh-token lifetime ($refresh) has passed after that provision:"
    echo "until then, sessions whose current refresh token '$current_id' minted end if '$current_id' goes."
    ;;
  finish)
    previous_id="$(value_of FUNCAUTH_PREVIOUS_SIGNING_KEY_ID)"
    [ -n "$previous_id" ] || fail "no rotation in progress."
    force="${2:-}"
    [ -z "$force" ] || [ "$force" = --force ] || fail "usage: $0 finish [--force]"
    if [ -z "$force" ]; then
      began="$(value_of FUNCAUTH_ROTATION_BEGAN_AT)"
      [[ "$began" =~ ^[0-9]+$ ]] \
        || fail "this azd environment does not record when the rotation began. Once the refresh-token lifetime has passed" \
          "since the provision that made the new key sign, run '$0 finish --force'."
      refresh="$(lifetime_of FUNCAUTH_REFRESH_TOKEN_LIFETIME 1.00:00:00)"
      access="$(lifetime_of FUNCAUTH_ACCESS_TOKEN_LIFETIME 00:15:00)"
      refresh_seconds="$(timespan_seconds "$refresh")"
      access_seconds="$(timespan_seconds "$access")"
      if [ -z "$refresh_seconds" ] || [ -z "$access_seconds" ]; then
        fail "cannot read FUNCAUTH_REFRESH_TOKEN_LIFETIME ('$refresh') or FUNCAUTH_ACCESS_TOKEN_LIFETIME ('$access');" \
          "wait that long after the provision, then run '$0 finish --force'."
      fi
      # Every token minted under the old key has expired by then (access tokens also get Auth__ClockSkew, 30 s).
      wait_seconds=$((refresh_seconds > access_seconds + 30 ? refresh_seconds : access_seconds + 30))
      left=$((began + wait_seconds - $(date -u +%s)))
      if [ "$left" -gt 0 ]; then
        fail "too early: refresh tokens minted with '$previous_id' may live $((left / 3600)) h $((left % 3600 / 60)) min more" \
          "(FUNCAUTH_REFRESH_TOKEN_LIFETIME $refresh since 'begin'; count from your provision if it ran later)." \
          "Retiring '$previous_id' now ends those sessions; to do it anyway (a leaked key), run '$0 finish --force'."
      fi
    fi
    set_values 'FUNCAUTH_PREVIOUS_SIGNING_KEY_ID=""' 'FUNCAUTH_PREVIOUS_SIGNING_KEY=""' 'FUNCAUTH_ROTATION_BEGAN_AT=""'
    echo "rotate-signing-key: '$previous_id' retired. Run 'azd provision' now; the app then stops accepting it."
    [ -z "$force" ] || echo "rotate-signing-key: forced: sessions whose current refresh token '$previous_id' minted end then."
    echo "Its Key Vault secret auth-signing-key-$previous_id stays (unreferenced) until you delete it."
    ;;
  *)
    echo "usage: $0 begin [new-kid] | finish [--force]" >&2
    exit 2
    ;;
esac
