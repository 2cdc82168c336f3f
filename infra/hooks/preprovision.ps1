# azd preprovision hook for Windows (azure.yaml); the same contract as preprovision.sh. Makes sure this azd
# environment has a JWT signing key for its algorithm, FUNCAUTH_SIGNING_ALGORITHM (HS256, the default, or ES256),
# before provisioning. The first time it generates one: HS256, 32 bytes from the OS CSPRNG; ES256, a P-256 private key
# in PKCS#8 DER; base64 either way, saved as FUNCAUTH_SIGNING_KEY (id FUNCAUTH_SIGNING_KEY_ID, default k1) in
# .azure/<env>/.env, from where main.parameters.json passes it to the @secure() parameter signingKey and the
# deployment stores it in Key Vault. Checks every key already set (including FUNCAUTH_PREVIOUS_SIGNING_KEY during a
# rotation) against the algorithm and never prints one. A key of the other algorithm means a switch, which ends every
# session: refused unless FUNCAUTH_FORCE_ALGORITHM_SWITCH names the algorithm switched to (docs/deploy.md).
$ErrorActionPreference = 'Stop'

function Fail([string] $message) {
    [Console]::Error.WriteLine("preprovision: $message")
    exit 1
}

# kids also name Key Vault secrets (auth-signing-key-<kid>): letters, digits and dashes only.
function Test-KeyId([string] $name, [string] $value) {
    if ($value -cnotmatch '^[A-Za-z0-9-]{1,64}$') { Fail "$name must be 1-64 letters, digits or dashes." }
}

# The kid after $id: k1 -> k2; any other name -> k<UTC time>.
function Get-NextKeyId([string] $id) {
    if ($id -cmatch '^k([0-9]{1,9})$') { return "k$([long]$Matches[1] + 1)" }
    return "k$([DateTime]::UtcNow.ToString('yyyyMMddHHmmss'))"
}

# Which algorithm a key is for: ES256 for base64 of a P-256 private key in PKCS#8 DER (what the app imports), HS256
# for base64 of at least 32 bytes that is no EC key, '' otherwise. The ES256 check comes first: a PKCS#8 key is also
# base64 of more than 32 bytes.
function Get-KeyAlgorithm([string] $value) {
    if (-not $value) { return '' }
    try { $bytes = [Convert]::FromBase64String($value.Trim()) } catch { return '' }
    $ecdsa = [System.Security.Cryptography.ECDsa]::Create()
    try {
        $read = 0
        $ecdsa.ImportPkcs8PrivateKey($bytes, [ref] $read)
        if ($ecdsa.ExportParameters($false).Curve.Oid.Value -eq '1.2.840.10045.3.1.7') { return 'ES256' }
        return ''
    }
    catch {
        # Not PKCS#8 EC: other private keys (SEC1 DER) and damaged EC keys, which hold the id-ecPublicKey OID, are
        # mistakes rather than HMAC secrets.
        if ([Convert]::ToHexString($bytes) -match '072A8648CE3D0201') { return '' }
        try { $ecdsa.ImportECPrivateKey($bytes, [ref] $read); return '' } catch { }
        if ($bytes.Length -ge 32) { return 'HS256' }
        return ''
    }
    finally { $ecdsa.Dispose() }
}

function Get-KeyDescription([string] $algorithm) {
    if ($algorithm -eq 'ES256') {
        return 'base64 of a P-256 private key in PKCS#8 DER (from PEM: openssl pkcs8 -topk8 -nocrypt -in key.pem -outform DER | openssl base64 -A)'
    }
    return 'base64 of at least 32 bytes'
}

function New-SigningKey([string] $algorithm) {
    if ($algorithm -eq 'ES256') {
        $ecdsa = [System.Security.Cryptography.ECDsa]::Create([System.Security.Cryptography.ECCurve+NamedCurves]::nistP256)
        try { return [Convert]::ToBase64String($ecdsa.ExportPkcs8PrivateKey()) } finally { $ecdsa.Dispose() }
    }
    $bytes = [byte[]]::new(32)
    [System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
    return [Convert]::ToBase64String($bytes)
}

# Unset means HS256, as in main.parameters.json; set but empty is a mistake the deployment would refuse too.
$algorithm = if ($null -eq $env:FUNCAUTH_SIGNING_ALGORITHM) { 'HS256' } else { $env:FUNCAUTH_SIGNING_ALGORITHM }
if ($algorithm -cne 'HS256' -and $algorithm -cne 'ES256') { Fail 'FUNCAUTH_SIGNING_ALGORITHM must be HS256 or ES256.' }

$keyId = if ($env:FUNCAUTH_SIGNING_KEY_ID) { $env:FUNCAUTH_SIGNING_KEY_ID } else { 'k1' }
Test-KeyId 'FUNCAUTH_SIGNING_KEY_ID' $keyId
$key = $env:FUNCAUTH_SIGNING_KEY
$previousId = $env:FUNCAUTH_PREVIOUS_SIGNING_KEY_ID
$force = $env:FUNCAUTH_FORCE_ALGORITHM_SWITCH

# keep: the key matches the algorithm; generate: there is none yet; switch: it is a key of the other algorithm.
$action = 'generate'
if ($key) {
    $kind = Get-KeyAlgorithm $key
    if ($kind -ceq $algorithm) { $action = 'keep' }
    elseif (-not $kind) { Fail "FUNCAUTH_SIGNING_KEY must be $(Get-KeyDescription $algorithm), as FUNCAUTH_SIGNING_ALGORITHM=$algorithm needs." }
    elseif ($force -ceq $algorithm) { $action = 'switch' }
    else {
        Fail ("FUNCAUTH_SIGNING_KEY '$keyId' is an $kind key, but FUNCAUTH_SIGNING_ALGORITHM is $algorithm. Switching the " +
            'algorithm replaces the key, which ends every session (everyone signs in again) at the next provision. To switch, ' +
            "run 'azd env set FUNCAUTH_FORCE_ALGORITHM_SWITCH $algorithm' and provision again; to keep $kind, run " +
            "'azd env set FUNCAUTH_SIGNING_ALGORITHM $kind'.")
    }
}

if ($previousId) {
    if ($action -eq 'switch') { Fail 'a key rotation is in progress: finish it (infra/scripts/rotate-signing-key.sh finish) before switching the algorithm.' }
    Test-KeyId 'FUNCAUTH_PREVIOUS_SIGNING_KEY_ID' $previousId
    if ($previousId -ceq $keyId) { Fail 'FUNCAUTH_PREVIOUS_SIGNING_KEY_ID must differ from FUNCAUTH_SIGNING_KEY_ID.' }
    if ((Get-KeyAlgorithm "$env:FUNCAUTH_PREVIOUS_SIGNING_KEY") -cne $algorithm) {
        Fail "FUNCAUTH_PREVIOUS_SIGNING_KEY must be $(Get-KeyDescription $algorithm): a rotation keeps the algorithm ($algorithm)."
    }
}
elseif ($env:FUNCAUTH_PREVIOUS_SIGNING_KEY) {
    Fail 'FUNCAUTH_PREVIOUS_SIGNING_KEY is set without FUNCAUTH_PREVIOUS_SIGNING_KEY_ID.'
}

$summary = if ($algorithm -eq 'ES256') { 'ES256: a new P-256 key pair' } else { 'HS256: 32 random bytes' }
if ($action -eq 'keep') {
    Write-Output "preprovision: keeping $algorithm signing key '$keyId' of this azd environment."
}
else {
    # A switch gets a new kid: a kid names one key for good (relying parties cache JWKS entries by kid).
    $oldId = $keyId
    if ($action -eq 'switch') { $keyId = Get-NextKeyId $keyId }
    $key = New-SigningKey $algorithm

    # Through a file only this user can read rather than the command line, where other local users could see it.
    $values = [System.IO.Path]::GetTempFileName()
    try {
        $lines = @("FUNCAUTH_SIGNING_KEY_ID=`"$keyId`"", "FUNCAUTH_SIGNING_KEY=`"$key`"")
        # The confirmation is good for one switch only.
        if ($action -eq 'switch') { $lines += 'FUNCAUTH_FORCE_ALGORITHM_SWITCH=""' }
        Set-Content -LiteralPath $values -Encoding ascii -Value $lines
        azd env set --file $values | Out-Null
        if ($LASTEXITCODE -ne 0) { Fail 'azd env set --file failed; update azd (this hook needs its --file option).' }
    }
    finally {
        Remove-Item -LiteralPath $values -Force -ErrorAction SilentlyContinue
    }
    if ($action -eq 'generate') {
        Write-Output "preprovision: generated signing key '$keyId' ($summary) for this azd environment."
    }
    else {
        Write-Output "preprovision: switched to ${algorithm}: generated signing key '$keyId' ($summary) in place of '$oldId'."
        Write-Output "preprovision: every session and access token signed with '$oldId' stops working when this provision completes."
    }
}

if ($previousId) {
    Write-Output "preprovision: rotation in progress: '$previousId' still validates, '$keyId' signs."
}
