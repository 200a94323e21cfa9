#!/usr/bin/env bash
# Two Rapport nodes on one PostgreSQL (the cluster mode of the design, on one machine): starts target/rapport.jar
# twice at once on two free ports against a fresh database of the machine's PostgreSQL server, and checks that
#   a. a web session signed in on node A is used on node B, with A's CSRF token; signing out on B ends it on A;
#   b. a scheduled job runs once per due time, not once per node: both nodes poll db-scheduler's table, every
#      execution (logged with its due time and the node that picked it) happens on one node only, and a task
#      reminder reaches its assignee once;
#   c. reads and writes agree across nodes: a contact written on A reads the same on B (body and ETag), a PATCH on B
#      makes A's ETag stale (412), 50 + 50 concurrent creates on A and B are all listed exactly once from both, an
#      Idempotency-Key sent to A then to B creates one contact, and a web form's rate limit counts both nodes.
# Prints a PASS or FAIL line per check and exits 1 if any failed. Kills both nodes and drops the database on exit.
# Needs target/rapport.jar (./mvnw -q -DskipTests package), a JDK 21+, curl, python3, psql and PostgreSQL at
# 127.0.0.1:5432 (user postgres, trust auth). Node logs and data dirs: target/two-nodes/. Usage: bench/two-nodes.sh
set -uo pipefail
cd "$(dirname "$0")/.."
STARTED=$(date +%s)
W=$PWD/target/two-nodes
PGHOST=127.0.0.1
PGPORT=5432

die() { echo "ERROR: $*" >&2; exit 2; }
JAR=${RAPPORT_JAR:-target/rapport.jar}
[ -f "$JAR" ] || die "$JAR is missing: run ./mvnw -q -DskipTests package"
for tool in curl python3 psql pg_isready; do command -v "$tool" > /dev/null || die "$tool is not installed"; done

java_21_plus() {
  for candidate in "${JAVA_HOME:-}/bin/java" $(command -v java || true) /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${major%%.*}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}
JAVA=$(java_21_plus) || die "no JDK 21+ found (JAVA_HOME, PATH or /usr/lib/jvm)"

if ! pg_isready -q -h $PGHOST -p $PGPORT; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || die "cannot start PostgreSQL"
  for _ in $(seq 1 30); do pg_isready -q -h $PGHOST -p $PGPORT && break; sleep 1; done
fi
sql() { psql -X -q -A -t -h $PGHOST -p $PGPORT -U postgres -d "$DB" -c "$1"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
DB="rapport_two_nodes_$(date +%Y%m%d_%H%M%S)_$$"
PORT_A=$(free_port)
PORT_B=$(free_port)
while [ "$PORT_B" = "$PORT_A" ]; do PORT_B=$(free_port); done
A=http://127.0.0.1:$PORT_A
B=http://127.0.0.1:$PORT_B
ADMIN_EMAIL=two-nodes@rapport.test
ADMIN_PASSWORD="tn-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
# the same key on every node, as the README asks of a cluster (each node has its own data dir here)
SECRET_KEY=$(head -c 32 /dev/urandom | base64)
TAG="tn$(date +%s)$$"

PIDS=()
NAMES=(A B)
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  psql -X -q -h $PGHOST -p $PGPORT -U postgres -d postgres -c "drop database if exists $DB with (force)" \
    || echo "could not drop database $DB" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$W" && mkdir -p "$W/a" "$W/b"
psql -X -q -h $PGHOST -p $PGPORT -U postgres -d postgres -c "create database $DB" || die "cannot create database $DB"

start_node() { # start_node <a|b> <port>: both at once, on the empty database
  RAPPORT_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" RAPPORT_DB_USER=postgres RAPPORT_DB_PASSWORD= \
  RAPPORT_PORT="$2" RAPPORT_DATA_DIR="$W/$1/data" RAPPORT_SECRET_KEY="$SECRET_KEY" \
  RAPPORT_ADMIN_EMAIL=$ADMIN_EMAIL RAPPORT_ADMIN_PASSWORD="$ADMIN_PASSWORD" RAPPORT_DEMO_DATA=false \
    "$JAVA" -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" \
      --rapport.tasks.reminder-interval=2s --db-scheduler.polling-interval=1s \
      --logging.level.org.rapport.platform.JobsConfig=debug \
      --logging.level.com.github.kagkarlsson.scheduler.LockAndFetchCandidates=trace \
      > "$W/$1/app.log" 2>&1 &
  PIDS+=($!)
}
echo "== database $DB; node A on port $PORT_A, node B on port $PORT_B (logs in $W/{a,b}/app.log)"
start_node a "$PORT_A"
start_node b "$PORT_B"
DEADLINE=$(( $(date +%s) + 300 ))
for node in "$A" "$B"; do
  while [ "$(date +%s)" -lt "$DEADLINE" ]; do
    curl -sf "$node/actuator/health" 2>/dev/null | grep -q '"UP"' && break
    for i in 0 1; do
      kill -0 "${PIDS[$i]}" 2>/dev/null || { wait "${PIDS[$i]}"; rc=$?; die "node ${NAMES[$i]} (pid ${PIDS[$i]}) exited with status $rc; see $W/a/app.log, $W/b/app.log"; }
    done
    sleep 1
  done
  curl -sf "$node/actuator/health" | grep -q '"UP"' || die "$node is not healthy; see $W/a/app.log, $W/b/app.log"
done
STARTUP=$(( $(date +%s) - STARTED ))
echo "== both nodes healthy after $STARTUP s"

FAILED=0
PHASES=""
PHASE_START=$(date +%s)
phase_done() { local now; now=$(date +%s); PHASES="$PHASES$1 $((now - PHASE_START)) s, "; PHASE_START=$now; }
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; FAILED=$((FAILED + 1)); }
check() { # check <description> <command...>
  local what=$1; shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

# --- HTTP helpers: status on stdout; body and headers in $W/body, $W/headers
TOKEN=
call() { # call <base> <method> <path> [curl args...]
  local base=$1 method=$2 path=$3; shift 3
  curl -s -o "$W/body" -D "$W/headers" -w '%{http_code}' -X "$method" "$base$path" \
    -H "Authorization: Bearer $TOKEN" "$@"
}
header() { grep -i "^$1:" "$W/headers" | tail -1 | cut -d' ' -f2- | tr -d '\r'; }
body() { python3 -c "import json,sys; d = json.load(open('$W/body')); print($1)"; }
web() { # web <base> <method> <path> [curl args...]: with the browser's cookie jar, no redirects followed
  local base=$1 method=$2 path=$3; shift 3
  curl -s -o "$W/page" -D "$W/headers" -w '%{http_code}' -b "$W/cookies" -c "$W/cookies" -X "$method" "$base$path" "$@"
}
csrf_of_page() { python3 -c "
import re, sys
page = open('$W/page', encoding='utf-8').read()
m = re.search(r'name=\"_csrf\"[^>]*value=\"([^\"]+)\"', page) or re.search(r'<meta name=\"_csrf\" content=\"([^\"]+)\"', page)
print(m.group(1) if m else '')"; }

# ------------------------------------------------------------------ both nodes started together on an empty database
ADMINS=$(sql "select count(*) from users")
MIGRATIONS_FAILED=$(sql "select count(*) from flyway_schema_history where not success")
check "started together on an empty database: one schema history ($(sql "select count(*) from flyway_schema_history") migrations, none failed), one first admin (users: $ADMINS)" \
  test "$ADMINS" = 1 -a "$MIGRATIONS_FAILED" = 0

code=$(curl -s -o "$W/body" -w '%{http_code}' -X POST "$A/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}")
[ "$code" = 201 ] || die "API sign-in on node A answered $code: $(cat "$W/body")"
TOKEN=$(body "d['token']")
call "$B" GET /api/v1/me > /dev/null
ME_ID=$(body "d['id']")

# ------------------------------------------------------------------ b (started first: it waits for the scheduler)
REMIND_AT=$(python3 -c 'import datetime as d; print((d.datetime.now(d.timezone.utc) + d.timedelta(seconds=3)).strftime("%Y-%m-%dT%H:%M:%SZ"))')
code=$(call "$A" POST /api/v1/tasks -H 'Content-Type: application/json' \
  -d "{\"title\":\"Two nodes reminder $TAG\",\"remindAt\":\"$REMIND_AT\"}")
[ "$code" = 201 ] || die "creating a task on node A answered $code: $(cat "$W/body")"
TASK_ID=$(body "d['id']")
WATCH_FROM=$(date +%s)

# ------------------------------------------------------------------ a. web session and CSRF token shared
rm -f "$W/cookies"
web "$A" GET /login > /dev/null
LOGIN_CSRF=$(csrf_of_page)
code=$(web "$A" POST /login --data-urlencode "email=$ADMIN_EMAIL" --data-urlencode "password=$ADMIN_PASSWORD" \
  --data-urlencode "_csrf=$LOGIN_CSRF")
LOCATION=$(header Location)
check "a. sign-in form on node A: $code to ${LOCATION:-nowhere}" \
  test "$code" = 302 -a -n "$LOCATION" -a "${LOCATION#*login}" = "$LOCATION"

code=$(web "$B" GET /contacts)
check "a. node B serves /contacts to the session signed in on node A: $code, the page of $ADMIN_EMAIL" \
  bash -c "[ '$code' = 200 ] && grep -q '$ADMIN_EMAIL' '$W/page' && ! grep -q 'Sign in to Rapport' '$W/page'"

web "$A" GET /contacts/new > /dev/null
CSRF_A=$(csrf_of_page)
WEB_EMAIL="web.$TAG@two-nodes.test"
code=$(web "$B" POST /contacts --data-urlencode "_csrf=$CSRF_A" --data-urlencode "firstName=Webform" \
  --data-urlencode "lastName=$TAG" --data-urlencode "emails[0].value=$WEB_EMAIL" --data-urlencode "emails[0].type=WORK")
LOCATION=$(header Location)
WEB_CONTACT=${LOCATION##*/contacts/}
call "$A" GET "/api/v1/contacts/$WEB_CONTACT" > "$W/status"
check "a. contact form posted on node B with node A's CSRF token: $code to ${LOCATION:-nowhere}; read on node A: $(cat "$W/status")" \
  bash -c "[ '$code' = 302 ] && [[ '$WEB_CONTACT' =~ ^[0-9a-f-]{36}$ ]] && [ \"\$(cat '$W/status')\" = 200 ] && grep -q '$WEB_EMAIL' '$W/body'"

code=$(web "$B" POST /contacts --data-urlencode "_csrf=not-the-token" --data-urlencode "firstName=Forged" \
  --data-urlencode "lastName=$TAG" --data-urlencode "emails[0].value=forged.$TAG@two-nodes.test")
FORGED=$(sql "select count(*) from contact_emails where address = 'forged.$TAG@two-nodes.test'" 2>/dev/null || echo "?")
check "a. the same form with a wrong CSRF token is refused on node B: $code, contacts written: $FORGED" \
  test "$code" = 403 -a "$FORGED" = 0

# a web form for the rate-limit check in c, set up by the signed-in admin on node B
web "$B" GET /admin/web-forms/new > /dev/null
code=$(web "$B" POST /admin/web-forms --data-urlencode "_csrf=$(csrf_of_page)" --data-urlencode "name=Two nodes $TAG" \
  --data-urlencode "ownerId=$ME_ID" --data-urlencode "active=true" --data-urlencode "fieldName=email" \
  --data-urlencode "fieldLabel=Email" --data-urlencode "fieldTarget=EMAIL" --data-urlencode "fieldRequired=0")
FORM_ID=$(header Location | sed 's#.*/admin/web-forms/##')
FORM_KEY=$(sql "select form_key from web_forms where id::text = '$FORM_ID'" 2>/dev/null)
[ -n "$FORM_KEY" ] || die "creating a web form on node B answered $code"

web "$B" GET /contacts > /dev/null
CSRF_B=$(csrf_of_page)
logout=$(web "$B" POST /logout --data-urlencode "_csrf=$CSRF_B")
code=$(web "$A" GET /contacts)
LOCATION=$(header Location)
check "a. signing out on node B ($logout) ends the session on node A: /contacts answers $code to ${LOCATION:-nowhere}" \
  bash -c "[ '$code' = 302 ] && [[ '$LOCATION' == */login ]]"

phase_done "a"
# ------------------------------------------------------------------ c. reads and writes consistent across nodes
EMAIL="api.$TAG@two-nodes.test"
code=$(call "$A" POST /api/v1/contacts -H 'Content-Type: application/json' \
  -d "{\"firstName\":\"Ada\",\"lastName\":\"$TAG\",\"emails\":[{\"address\":\"$EMAIL\"}]}")
[ "$code" = 201 ] || die "creating a contact on node A answered $code: $(cat "$W/body")"
ID=$(body "d['id']")
ETAG_A=$(header ETag)
cp "$W/body" "$W/created.json"
code=$(call "$B" GET "/api/v1/contacts/$ID")
ETAG_B=$(header ETag)
SAME=$(python3 -c "import json; print(json.load(open('$W/created.json')) == json.load(open('$W/body')))")
check "c. created on node A (ETag $ETAG_A), read on node B: $code, ETag $ETAG_B, same body: $SAME" \
  test "$code" = 200 -a "$ETAG_A" = "$ETAG_B" -a "$SAME" = True

code=$(call "$B" PATCH "/api/v1/contacts/$ID" -H 'Content-Type: application/json' -H "If-Match: $ETAG_B" \
  -d '{"title":"Changed on B"}')
ETAG_NEW=$(header ETag)
check "c. PATCH on node B with If-Match $ETAG_B: $code, new ETag $ETAG_NEW" test "$code" = 200 -a "$ETAG_NEW" != "$ETAG_B"

code=$(call "$A" PATCH "/api/v1/contacts/$ID" -H 'Content-Type: application/json' -H "If-Match: $ETAG_A" \
  -d '{"title":"Stale write on A"}')
check "c. PATCH on node A with the stale ETag $ETAG_A: $code" test "$code" = 412

code=$(call "$A" GET "/api/v1/contacts/$ID")
TITLE=$(body "d['title']")
check "c. node A then reads node B's write: $code, ETag $(header ETag), title '$TITLE'" \
  test "$code" = 200 -a "$(header ETag)" = "$ETAG_NEW" -a "$TITLE" = "Changed on B"

create_one() { # create_one <base> <n>: prints the status of one contact creation
  curl -s -o /dev/null -w '%{http_code}\n' -X POST "$1/api/v1/contacts" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' \
    -d "{\"firstName\":\"Bulk$2\",\"lastName\":\"$TAG\",\"emails\":[{\"address\":\"bulk$2.$TAG@two-nodes.test\"}]}"
}
export -f create_one
export TOKEN TAG
CONCURRENT_STARTED=$(date +%s%N)
( seq 1 50 | xargs -P 6 -I{} bash -c "create_one $A a{}" > "$W/created-a" ) &
ON_A_PID=$!
( seq 1 50 | xargs -P 6 -I{} bash -c "create_one $B b{}" > "$W/created-b" ) &
wait $ON_A_PID $!
CONCURRENT_MS=$(( ($(date +%s%N) - CONCURRENT_STARTED) / 1000000 ))
list_bulk() { # list_bulk <base> <out>: every contact of this run's bulk, page by page, as "id email" lines
  local cursor="" out=$2
  : > "$out"
  for _ in $(seq 1 20); do
    call "$1" GET /api/v1/contacts -G --data-urlencode "q=$TAG" --data-urlencode "limit=30" \
      ${cursor:+--data-urlencode "cursor=$cursor"} > /dev/null
    python3 -c "
import json
d = json.load(open('$W/body'))
for c in d['items']:
    for e in c['emails']:
        if e['address'].startswith('bulk'):
            print(c['id'], e['address'])" >> "$out"
    cursor=$(body "d['nextCursor'] or ''")
    [ -n "$cursor" ] || break
  done
  sort -o "$out" "$out"
}
list_bulk "$A" "$W/list-a"
list_bulk "$B" "$W/list-b"
CREATED=$(cat "$W/created-a" "$W/created-b" | grep -c '^201$')
LISTED_A=$(wc -l < "$W/list-a")
LISTED_B=$(wc -l < "$W/list-b")
DISTINCT=$(cut -d' ' -f2 "$W/list-a" | sort -u | wc -l)
check "c. 50 + 50 concurrent creates on A and B ($CONCURRENT_MS ms): $CREATED answered 201; listed from A: $LISTED_A, from B: $LISTED_B, distinct: $DISTINCT, same list: $(cmp -s "$W/list-a" "$W/list-b" && echo yes || echo no)" \
  bash -c "[ $CREATED = 100 ] && [ $LISTED_A = 100 ] && [ $DISTINCT = 100 ] && cmp -s '$W/list-a' '$W/list-b'"

KEY="two-nodes-$TAG"
IDEM_BODY="{\"firstName\":\"Once\",\"lastName\":\"$TAG\",\"emails\":[{\"address\":\"once.$TAG@two-nodes.test\"}]}"
code_a=$(call "$A" POST /api/v1/contacts -H 'Content-Type: application/json' -H "Idempotency-Key: $KEY" -d "$IDEM_BODY")
first=$(body "d['id']")
code_b=$(call "$B" POST /api/v1/contacts -H 'Content-Type: application/json' -H "Idempotency-Key: $KEY" -d "$IDEM_BODY")
second=$(body "d.get('id')")
replayed=$(header Idempotent-Replayed)
call "$B" GET /api/v1/contacts -G --data-urlencode "q=once.$TAG" > /dev/null
COUNT=$(body "len(d['items'])")
check "c. Idempotency-Key sent to A ($code_a) then to B ($code_b, Idempotent-Replayed: ${replayed:-absent}, same id: $([ "$first" = "$second" ] && echo yes || echo no)): contacts created: $COUNT" \
  test "$code_a" = 201 -a "$code_b" = 201 -a "$replayed" = true -a "$first" = "$second" -a "$COUNT" = 1

# 12 submissions of one client to one form, alternating between the nodes, with a limit of 10 a minute: the limit
# is one budget for the cluster (the honeypot field is filled, so nothing else is written)
: > "$W/form-statuses"
for i in $(seq 1 6); do
  for node in "$A" "$B"; do
    curl -s -o /dev/null -w '%{http_code}\n' -X POST "$node/forms/$FORM_KEY" -H 'Content-Type: application/json' \
      -d "{\"email\":\"bot$i@two-nodes.test\",\"website\":\"x\"}" >> "$W/form-statuses"
  done
done
ACCEPTED=$(grep -c '^200$' "$W/form-statuses")
REFUSED=$(grep -c '^429$' "$W/form-statuses")
check "c. web form rate limit (10 a minute) shared by the nodes: 12 submissions alternating A and B, $ACCEPTED accepted, $REFUSED refused with 429" \
  test "$ACCEPTED" = 10 -a "$REFUSED" = 2

phase_done "c"
# ------------------------------------------------------------------ b. jobs: once per due time, on one node
job_report() { python3 - "$W/a/app.log" "$W/b/app.log" "$1" <<'PY'
import re, sys, collections
ran = re.compile(r'Job (\S+) instance (\S+) due (\S+) ran on (\S+) in (\d+) ms')
polled = re.compile(r'Picked \d+ taskinstances due for execution')
named = re.compile(r'Creating scheduler with configuration: .*name=(\S+)')
runs, polls, names = collections.defaultdict(list), {}, {}
for node, path in zip('AB', sys.argv[1:3]):
    polls[node] = 0
    for line in open(path, encoding='utf-8', errors='replace'):
        if m := ran.search(line):
            runs[(m[1], m[2], m[3])].append((node, m[4]))
        elif polled.search(line):
            polls[node] += 1
        elif m := named.search(line):
            names[node] = m[1]
reminders = sorted((k[2], v) for k, v in runs.items() if k[0] == 'task-reminders')
twice = {k: v for k, v in runs.items() if len(v) > 1}
wrong_node = [k for k, v in runs.items() for node, by in v if by != names.get(node)]
mode = sys.argv[3]
if mode == 'count':
    print(len(reminders))
elif mode == 'names':
    print(names.get('A', '?'), names.get('B', '?'), polls['A'], polls['B'])
else:
    by_node = collections.Counter(v[0][0] for _, v in reminders)
    print(len(runs), len(twice), len(wrong_node), len(reminders), by_node['A'], by_node['B'])
PY
}
# the reminder job runs every 2 s here (30 s by default) and both nodes poll every second (5 s by default): every
# due time is contended; wait for ten runs
for _ in $(seq 1 60); do
  [ "$(job_report count)" -ge 10 ] && break
  sleep 1
done
read -r NAME_A NAME_B POLLS_A POLLS_B <<< "$(job_report names)"
check "b. both nodes run a scheduler on the shared table: A as '$NAME_A' polled $POLLS_A times, B as '$NAME_B' polled $POLLS_B times" \
  bash -c "[ '$NAME_A' != '$NAME_B' ] && [ '$NAME_A' != '?' ] && [ '$NAME_B' != '?' ] && [ $POLLS_A -ge 3 ] && [ $POLLS_B -ge 3 ]"
read -r RUNS TWICE WRONG REMINDER_RUNS ON_NODE_A ON_NODE_B <<< "$(job_report runs)"
check "b. every job execution ran on one node only: $RUNS executions, $TWICE of them twice; task-reminders ran $REMINDER_RUNS times, $ON_NODE_A on A and $ON_NODE_B on B" \
  bash -c "[ $TWICE = 0 ] && [ $WRONG = 0 ] && [ $REMINDER_RUNS -ge 10 ]"
call "$B" GET /api/v1/notifications > /dev/null
ON_B=$(body "sum(1 for n in d['items'] if n['kind'] == 'TASK_REMINDER' and n['link'] == '/tasks/$TASK_ID')")
call "$A" GET /api/v1/notifications > /dev/null
ON_A=$(body "sum(1 for n in d['items'] if n['kind'] == 'TASK_REMINDER' and n['link'] == '/tasks/$TASK_ID')")
STORED=$(sql "select count(*) from notifications where link = '/tasks/$TASK_ID'")
REMINDED=$(sql "select reminded_at is not null from tasks where id = '$TASK_ID'")
check "b. the reminder of a task created on node A reached its assignee once: $ON_B notification on node B, $ON_A on node A, $STORED stored, task marked reminded: $REMINDED" \
  test "$ON_B" = 1 -a "$ON_A" = 1 -a "$STORED" = 1 -a "$REMINDED" = t

phase_done "b"
echo "== $(( $(date +%s) - STARTED )) s (start-up $STARTUP s, ${PHASES%, }); $FAILED check(s) failed"
[ "$FAILED" = 0 ]
