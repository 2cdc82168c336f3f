#!/usr/bin/env bash
# Time per password hash on this machine, in one run: Argon2id at OWASP's parameter sets (FuncAuth's default is
# m=19456,t=2,p=1) and the legacy Identity V3 PBKDF2-HMAC-SHA512 at 220,000 iterations, with their ratios.
# Release build, single thread, interleaved rounds, medians. No services needed.
# Usage: bench/password-hashing.sh   (ROUNDS=15 to change)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet build bench/PasswordHashingBench -c Release -v q -nologo >/dev/null
dotnet bench/PasswordHashingBench/bin/Release/net10.0/PasswordHashingBench.dll --rounds "${ROUNDS:-15}"
