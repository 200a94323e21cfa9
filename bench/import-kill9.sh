#!/usr/bin/env bash
# Kills Rapport with SIGKILL in the middle of a 100,000-row contact import, starts it again and checks that
# (1) the job resumes by itself from its last committed chunk and (2) importing the same file again with
# policy=update completes it; in the end every good row is in exactly once.
# Needs target/rapport.jar and target/test-classes (./mvnw package), curl and python3. Uses port 18089 and
# target/kill9-run/ (deleted first). Usage: bench/import-kill9.sh [rows] [kill-after-rows]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
KILL_AFTER=${2:-30000}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
DIR=$PWD/target/kill9-run
URL=http://localhost:18089
rm -rf "$DIR" && mkdir -p "$DIR"

start() {
  RAPPORT_DATA_DIR=$DIR/data RAPPORT_PORT=18089 RAPPORT_ADMIN_EMAIL=admin@kill.test \
  RAPPORT_ADMIN_PASSWORD=kill-test-password RAPPORT_DEMO_DATA=false \
    nohup "$JAVA" -jar target/rapport.jar >> "$DIR/app.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null "$URL/actuator/health" && return 0
    sleep 1
  done
  echo "Rapport did not start; see $DIR/app.log" >&2
  exit 1
}
json() { python3 -c "import sys, json; d = json.load(sys.stdin); print($1)"; }
status() { curl -s "$URL/api/v1/imports/$1" -H "Authorization: Bearer $TOKEN" | json "d['status'], d['counts']['processed'], d['counts']['created'], d['counts']['updated'], d['counts']['skipped'], d['counts']['failed']" | tr -d "(),'"; }
wait_done() {
  for _ in $(seq 1 900); do
    s=$(status "$1"); case "$s" in COMPLETED*|FAILED*) echo "$s"; return;; esac; sleep 2
  done
  echo "timeout: $(status "$1")"
}

"$JAVA" -cp target/test-classes org.rapport.imports.ContactCsvGenerator "$DIR/contacts.csv" "$ROWS" kill.example 646
start
TOKEN=$(curl -s -X POST "$URL/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"email":"admin@kill.test","password":"kill-test-password"}' | json "d['token']")
FIRST=$(curl -s -X POST "$URL/api/v1/imports" -H "Authorization: Bearer $TOKEN" -F "file=@$DIR/contacts.csv" -F policy=skip | json "d['id']")
echo "import $FIRST started"
while true; do
  s=$(status "$FIRST"); done_rows=$(echo "$s" | cut -d' ' -f2)
  if [ "$done_rows" -ge "$KILL_AFTER" ]; then kill -9 "$PID"; echo "kill -9 after $done_rows rows: $s"; break; fi
  sleep 0.5
done
sleep 1
start
echo "after restart: $(status "$FIRST")"
AGAIN=$(curl -s -X POST "$URL/api/v1/imports" -H "Authorization: Bearer $TOKEN" -F "file=@$DIR/contacts.csv" -F policy=update | json "d['id']")
echo "same file again with policy=update: $(wait_done "$AGAIN")   (status processed created updated skipped failed)"
echo "the killed import, resumed:        $(wait_done "$FIRST")"
curl -s "$URL/api/v1/contacts/export?format=csv&q=kill.example" -H "Authorization: Bearer $TOKEN" -o "$DIR/export.csv"
python3 - "$DIR/export.csv" "$ROWS" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')))
emails = [r['Email'] for r in rows]
n = int(sys.argv[2]); expected = n - (n + 1) // 100
print(f"contacts exported: {len(rows)}, distinct emails: {len(set(emails))}, expected: {expected}")
sys.exit(0 if len(rows) == len(set(emails)) == expected else 1)
PY
kill "$PID"
