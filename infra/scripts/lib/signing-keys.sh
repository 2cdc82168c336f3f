# Sourced by infra/hooks/preprovision.sh and infra/scripts/rotate-signing-key.sh (bash; needs openssl): what a
# signing key of each algorithm looks like, how a new one is made, and how kids are named. Nothing here prints a key.
# The callers run with `set -euo pipefail`, which the pipelines below rely on.
# shellcheck shell=bash

# kids also name Key Vault secrets (auth-signing-key-<kid>): letters, digits and dashes only.
valid_kid() {
  [[ "$1" =~ ^[A-Za-z0-9-]{1,64}$ ]]
}

# The kid after $1: k1 -> k2, k9 -> k10; any other name -> k<UTC time>.
next_kid() {
  if [[ "$1" =~ ^k([0-9]{1,9})$ ]]; then
    echo "k$((10#${BASH_REMATCH[1]} + 1))"
  else
    echo "k$(date -u +%Y%m%d%H%M%S)"
  fi
}

# Which algorithm the key $1 is for, on stdout: ES256 for base64 of a P-256 private key in PKCS#8 DER (what the app
# imports; openssl checks that the key pair is consistent); HS256 for base64 of at least 32 bytes that is no EC key;
# nothing otherwise. The ES256 check comes first: a PKCS#8 key is also base64 of more than 32 bytes.
key_algorithm() {
  local value="$1" text hex
  [ -n "$value" ] || return 0
  if text="$(printf '%s' "$value" | base64 -d 2>/dev/null | openssl pkcs8 -inform DER -nocrypt 2>/dev/null \
      | openssl pkey -check -noout -text_pub 2>/dev/null)" && [[ "$text" == *"ASN1 OID: prime256v1"* ]]; then
    echo ES256
    return 0
  fi
  hex="$(printf '%s' "$value" | base64 -d 2>/dev/null | od -An -v -tx1 | tr -d ' \n')" || return 0
  # Another private key (SEC1 DER, another curve: openssl reads it) or a damaged PKCS#8 EC key (it holds the
  # id-ecPublicKey OID, 06 07 2a8648ce3d0201, which random bytes practically never do) is a mistake, not an HMAC secret.
  if [[ "$hex" == *072a8648ce3d0201* ]] || printf '%s' "$value" | base64 -d 2>/dev/null | openssl pkey -inform DER -noout >/dev/null 2>&1; then
    return 0
  fi
  [ "${#hex}" -lt 64 ] || echo HS256
}

# What a key of algorithm $1 must be, for messages.
key_description() {
  case "$1" in
    ES256) echo "base64 of a P-256 private key in PKCS#8 DER (from PEM: openssl pkcs8 -topk8 -nocrypt -in key.pem -outform DER | openssl base64 -A)" ;;
    *) echo "base64 of at least 32 bytes (openssl rand -base64 32)" ;;
  esac
}

# A new random key for algorithm $1, base64 on one line. ES256 goes through `openssl pkcs8 -topk8`: OpenSSL 3's
# `genpkey -outform DER` writes a SEC1 EC key, which the app's PKCS#8 import refuses.
generate_key() {
  case "$1" in
    ES256)
      openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime256v1 \
        | openssl pkcs8 -topk8 -nocrypt -outform DER | openssl base64 -A
      ;;
    *) openssl rand -base64 32 ;;
  esac
}

# What generating a key of algorithm $1 gave, for messages.
key_summary() {
  case "$1" in
    ES256) echo "ES256: a new P-256 key pair" ;;
    *) echo "HS256: 32 random bytes" ;;
  esac
}
