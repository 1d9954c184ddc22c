#!/usr/bin/env bash
# Container health check without curl: GET /health on the given port, healthy on HTTP 200.
set -euo pipefail
port="${1:?usage: healthcheck.sh PORT}"
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
head -n 1 <&3 | grep -q ' 200 '
