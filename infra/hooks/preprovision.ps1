# azd preprovision hook for Windows (azure.yaml); the same contract as preprovision.sh. Makes sure this azd
# environment has a JWT signing key before provisioning: the first time, 32 bytes from the OS CSPRNG, base64,
# saved as FUNCAUTH_SIGNING_KEY (id FUNCAUTH_SIGNING_KEY_ID, default k1) in .azure/<env>/.env, from where
# main.parameters.json passes it to the @secure() parameter signingKey and the deployment stores it in Key Vault.
# Checks any key already set (including FUNCAUTH_PREVIOUS_SIGNING_KEY during a rotation) and never prints one.
$ErrorActionPreference = 'Stop'

function Fail([string] $message) {
    [Console]::Error.WriteLine("preprovision: $message")
    exit 1
}

# kids also name Key Vault secrets (auth-signing-key-<kid>): letters, digits and dashes only.
function Test-KeyId([string] $name, [string] $value) {
    if ($value -cnotmatch '^[A-Za-z0-9-]{1,64}$') { Fail "$name must be 1-64 letters, digits or dashes." }
}

# The app refuses keys shorter than 32 bytes; refuse them here, before anything is deployed.
function Test-Key([string] $name, [string] $value) {
    try { $bytes = [Convert]::FromBase64String($value) } catch { Fail "$name is not base64." }
    if ($bytes.Length -lt 32) { Fail "$name must be base64 of at least 32 bytes." }
}

$keyId = if ($env:FUNCAUTH_SIGNING_KEY_ID) { $env:FUNCAUTH_SIGNING_KEY_ID } else { 'k1' }
Test-KeyId 'FUNCAUTH_SIGNING_KEY_ID' $keyId

if ($env:FUNCAUTH_SIGNING_KEY) {
    Test-Key 'FUNCAUTH_SIGNING_KEY' $env:FUNCAUTH_SIGNING_KEY
    Write-Output "preprovision: keeping signing key '$keyId' of this azd environment."
}
else {
    $bytes = [byte[]]::new(32)
    $rng = [System.Security.Cryptography.RandomNumberGenerator]::Create()
    try { $rng.GetBytes($bytes) } finally { $rng.Dispose() }
    $key = [Convert]::ToBase64String($bytes)

    # Through a file only this user can read rather than the command line, where other local users could see it.
    $values = [System.IO.Path]::GetTempFileName()
    try {
        Set-Content -LiteralPath $values -Encoding ascii -Value @(
            "FUNCAUTH_SIGNING_KEY_ID=`"$keyId`""
            "FUNCAUTH_SIGNING_KEY=`"$key`""
        )
        azd env set --file $values | Out-Null
        if ($LASTEXITCODE -ne 0) { Fail 'azd env set --file failed; update azd (this hook needs its --file option).' }
    }
    finally {
        Remove-Item -LiteralPath $values -Force -ErrorAction SilentlyContinue
    }
    Write-Output "preprovision: generated signing key '$keyId' (32 random bytes) for this azd environment."
}

$previousId = $env:FUNCAUTH_PREVIOUS_SIGNING_KEY_ID
if ($previousId) {
    Test-KeyId 'FUNCAUTH_PREVIOUS_SIGNING_KEY_ID' $previousId
    if ($previousId -ceq $keyId) { Fail 'FUNCAUTH_PREVIOUS_SIGNING_KEY_ID must differ from FUNCAUTH_SIGNING_KEY_ID.' }
    Test-Key 'FUNCAUTH_PREVIOUS_SIGNING_KEY' "$env:FUNCAUTH_PREVIOUS_SIGNING_KEY"
    Write-Output "preprovision: rotation in progress: '$previousId' still validates, '$keyId' signs."
}
elseif ($env:FUNCAUTH_PREVIOUS_SIGNING_KEY) {
    Fail 'FUNCAUTH_PREVIOUS_SIGNING_KEY is set without FUNCAUTH_PREVIOUS_SIGNING_KEY_ID.'
}
