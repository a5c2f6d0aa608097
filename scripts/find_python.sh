#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter (Rasa 3.6 supports 3.8-3.10), or explains what to install.
set -euo pipefail
for candidate in "${PYTHON310:-}" "$(command -v python3.10 2>/dev/null || true)" \
                 $(ls -d "$HOME"/.pyenv/versions/3.10.*/bin/python3.10 /root/.pyenv/versions/3.10.*/bin/python3.10 2>/dev/null | sort -rV); do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then
    echo "$candidate"; exit 0
  fi
done
echo "Python 3.10 is needed (Rasa 3.6 supports 3.8-3.10) and none was found." >&2
echo "Install it, e.g. 'pyenv install 3.10.13' or your system's python3.10 package, or set PYTHON310=/path/to/python3.10." >&2
exit 1
