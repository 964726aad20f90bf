#!/usr/bin/env bash
# Sets up povineq on a fresh Debian machine: the system packages the notebooks, browser, PDF and SQL
# tests need (Jupyter, Chromium, poppler-utils, PostgreSQL), the npm packages (which also builds dist/ and links the package to
# itself for notebooks), and the tslab Jupyter kernel in the project-local .jupyter/ folder.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v jupyter-nbconvert >/dev/null 2>&1 || need+=(jupyter-nbconvert jupyter-client python3-ipykernel)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# PostgreSQL server binaries: the SQL tests start a throwaway server on a free local port (and stop it).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# pdfinfo and pdftotext check the briefing pack's A4 PDFs in the tests
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "povineq setup: installing Debian packages: ${need[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "povineq setup: installing npm packages (npm ci)"
npm ci --no-audit --no-fund --loglevel=error

echo "povineq setup: registering the tslab kernel in .jupyter/"
npx --no-install tslab install --python /usr/bin/python3 --binary "$PWD/node_modules/.bin/tslab" --prefix "$PWD/.jupyter" >/dev/null
echo "povineq setup: done"
