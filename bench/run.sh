#!/usr/bin/env bash
# Rapport's benchmark at scale S (default 1): generates the data set once into the PostgreSQL server named by
# BENCH_PGHOST/BENCH_PGPORT/BENCH_PGUSER (default 127.0.0.1:5432, postgres), starts target/rapport.jar on it,
# measures, and writes bench/results/s<S>.md. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-1}

if ! command -v wrk > /dev/null; then
  echo "== installing wrk"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wrk > /dev/null
fi
for tool in psql pgbench python3 curl; do
  command -v "$tool" > /dev/null || { echo "bench/run.sh needs $tool (apt-get install postgresql-client python3 curl)"; exit 1; }
done

java_21_plus() {
  for candidate in "${JAVA_HOME:-}/bin/java" $(command -v java || true) /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${major%%.*}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  echo "no JDK 21+ found" >&2; return 1
}
export BENCH_JAVA=$(java_21_plus)

if [ ! -f target/rapport.jar ] || [ -n "$(find src pom.xml -newer target/rapport.jar -print -quit)" ]; then
  echo "== building target/rapport.jar"
  ./mvnw -q -B -ntp -DskipTests package
fi
if ! pg_isready -q -h "${BENCH_PGHOST:-127.0.0.1}" -p "${BENCH_PGPORT:-5432}"; then
  echo "PostgreSQL is not reachable at ${BENCH_PGHOST:-127.0.0.1}:${BENCH_PGPORT:-5432}"
  echo "(on this machine: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start)"
  exit 1
fi
exec python3 bench/bench.py "$SCALE"
