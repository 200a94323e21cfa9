#!/usr/bin/env python3
"""Rapport's benchmark: generates a data set at scale S, starts Rapport on it, measures, writes a markdown table.

Usage: bench/bench.py S   (normally through bench/run.sh, which checks the tools first). See bench/README.md.
Python's standard library only; talks to PostgreSQL through psql and pgbench, loads the API with wrk.
"""
import csv
import datetime
import http.client
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
PG = {"host": os.environ.get("BENCH_PGHOST", "127.0.0.1"), "port": os.environ.get("BENCH_PGPORT", "5432"),
      "user": os.environ.get("BENCH_PGUSER", "postgres")}
PASSWORD = "bench-password-1"
ADMIN = "bench-admin@bench.example"
CONCURRENCY = 8
DURATION = int(os.environ.get("BENCH_SECONDS", "20"))
# The JVM compiles the hot paths of a request while it serves them: on 2 cores shared with PostgreSQL and the load
# tool, a contact GET reaches its steady rate only after some 40 s of load (measured: 620, 1,870, then 4,070 rps
# in three runs of 5, 20 and 20 s). A server in production is warm, so the app's loads are measured after this.
APP_WARMUP = int(os.environ.get("BENCH_WARMUP_SECONDS", "45"))
IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))
CONTACTS_PER_FILE = 200_000
INTERACTIONS_PER_STATEMENT = 250_000
FIRST = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Dennis", "Radia",
         "Tim", "Hedy", "John", "Katherine", "Linus", "Sophie", "Mateo", "Chloé", "Jürgen", "Aiko", "Kwame"]
LAST = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Hamilton", "Ritchie",
        "Perlman", "Lamarr", "Backus", "Johnson", "Torvalds", "Nakamura", "Okafor", "Müller", "Fernández", "Kowalski",
        "Dubois", "Rossi", "Andersen", "Silva", "Novak", "Ivanova", "O'Brien", "Schmidt", "García", "Lindqvist"]
# US exchanges that libphonenumber takes as real: not N11, not 555
EXCHANGES = [e for e in range(200, 1000) if e % 100 != 11 and e != 555]
AREAS = [212, 312, 415, 617, 646, 718, 202, 305, 404, 503, 206, 512, 713, 214, 303, 702, 602, 412, 615, 919]
STAGES = ["Customer", "Lead", "Opportunity", "Subscriber", "MQL", "SQL", "Customer", "Evangelist"]
CITIES = [("London", "GB"), ("Boston", "US"), ("Zürich", "CH"), ("São Paulo", "BR"), ("Kraków", "PL"),
          ("Austin", "US"), ("Lyon", "FR"), ("Toronto", "CA"), ("Berlin", "DE"), ("Sydney", "AU")]


def log(message):
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def psql(db, sql=None, file=None, variables=None, capture=True):
    command = ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", PG["host"], "-p", PG["port"], "-U",
               PG["user"], "-d", db]
    for key, value in (variables or {}).items():
        command += ["-v", f"{key}={value}"]
    command += ["-f", file] if file else ["-c", sql]
    done = subprocess.run(command, capture_output=capture, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"psql failed: {done.stderr}")
    return done.stdout.strip() if capture else ""


def timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


# ---------------------------------------------------------------------------------------------------------- app

class App:
    """One Rapport node started from target/rapport.jar against the bench database."""

    def __init__(self, db, port, workdir):
        self.db, self.port, self.workdir = db, port, workdir
        self.process = None
        self.token = None

    def start(self):
        env = dict(os.environ, RAPPORT_DB_URL=f"jdbc:postgresql://{PG['host']}:{PG['port']}/{self.db}",
                   RAPPORT_DB_USER=PG["user"], RAPPORT_DB_PASSWORD=os.environ.get("BENCH_PGPASSWORD", ""),
                   RAPPORT_PORT=str(self.port), RAPPORT_DATA_DIR=os.path.join(self.workdir, "data"),
                   RAPPORT_ADMIN_EMAIL=ADMIN, RAPPORT_ADMIN_PASSWORD=PASSWORD, RAPPORT_DEMO_DATA="false")
        heap = os.environ.get("BENCH_HEAP", "1g")
        self.log = open(os.path.join(self.workdir, "app.log"), "a")
        self.process = subprocess.Popen([java(), f"-Xmx{heap}", "-jar", os.path.join(self.workdir, "rapport.jar")],
                                        env=env, stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(600):
            if self.process.poll() is not None:
                raise RuntimeError(f"Rapport exited; see {self.workdir}/app.log")
            try:
                status, _ = self.request("GET", "/actuator/health", auth=False)
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            raise RuntimeError("Rapport did not become healthy in 5 minutes")
        self.token = self.sign_in(ADMIN)

    def sign_in(self, email):
        status, body = self.request("POST", "/api/v1/auth/token", {"email": email, "password": PASSWORD}, auth=False)
        if status not in (200, 201):
            raise RuntimeError(f"sign-in of {email} failed: {status} {body}")
        return json.loads(body)["token"]

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(60)

    def connection(self):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)

    def request(self, method, path, body=None, auth=True, token=None, connection=None, headers=None):
        own = connection is None
        conn = connection or self.connection()
        sent = dict(headers or {})
        if auth:
            sent["Authorization"] = "Bearer " + (token or self.token)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        try:
            conn.request(method, path, body=data, headers=sent)
            response = conn.getresponse()
            return response.status, response.read().decode()
        finally:
            if own:
                conn.close()

    def get_json(self, path, token=None):
        status, body = self.request("GET", path, token=token)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status} {body[:500]}")
        return json.loads(body)

    def import_file(self, path, policy):
        boundary = "----rapportbench" + str(random.random())[2:]
        with open(path, "rb") as f:
            content = f.read()
        parts = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"policy\"\r\n\r\n{policy}\r\n"
                 f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{os.path.basename(path)}\"\r\n"
                 f"Content-Type: text/csv\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
        conn = self.connection()
        conn.request("POST", "/api/v1/imports", body=parts, headers={
            "Authorization": "Bearer " + self.token, "Content-Type": f"multipart/form-data; boundary={boundary}"})
        response = conn.getresponse()
        body = response.read().decode()
        conn.close()
        if response.status != 202:
            raise RuntimeError(f"import refused: {response.status} {body[:500]}")
        job = json.loads(body)["id"]
        while True:
            state = self.get_json(f"/api/v1/imports/{job}")
            if state["status"] in ("COMPLETED", "FAILED", "CANCELLED"):
                if state["status"] != "COMPLETED":
                    raise RuntimeError(f"import {job} ended {state['status']}: {state.get('message')}")
                return job, state["counts"]
            time.sleep(0.2)

    def resident_mib(self):
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def heap_used_mib(self):
        out = subprocess.run([jcmd(), str(self.process.pid), "GC.heap_info"], capture_output=True, text=True).stdout
        match = re.search(r"heap.*?used (\d+)K", out)
        return int(match.group(1)) / 1024 if match else float("nan")


def java():
    home = os.environ.get("BENCH_JAVA_HOME")
    return os.path.join(home, "bin", "java") if home else os.environ["BENCH_JAVA"]


def jcmd():
    return os.path.join(os.path.dirname(java()), "jcmd")


# ------------------------------------------------------------------------------------------------------ generate

def contact_row(i, scale):
    r = random.Random(i * 7919 + scale)
    first, last = FIRST[r.randrange(len(FIRST))], LAST[r.randrange(len(LAST))]
    area = AREAS[i % len(AREAS)]
    exchange, line = EXCHANGES[(i // len(AREAS)) // 10000 % len(EXCHANGES)], (i // len(AREAS)) % 10000
    city, country = CITIES[r.randrange(len(CITIES))]
    n = 1 + r.randrange(10000 * scale)
    company = f"Company {n:07d} {['Ltd', 'Inc', 'GmbH', 'SA', 'BV', 'plc', 'LLC'][n % 7]}" if r.random() < 0.8 else ""
    return [first, f"{last}{i}", ascii_email(f"{first}.{last}.{i}@bench{scale}.example"),
            f"({area}) {exchange:03d}-{line:04d}", f"Engineer {i % 7}", company, city, country,
            STAGES[i % len(STAGES)], f"bench;segment{i % 5}", f"rep{(i // 100) % 10}.{1 + i % 9}@bench.example"]


def ascii_email(address):
    return unicodedata.normalize("NFKD", address).encode("ascii", "ignore").decode().lower().replace("'", "")


CSV_HEADER = ["First Name", "Last Name", "Email", "Phone", "Title", "Company", "City", "Country", "Lifecycle Stage",
              "Tags", "Owner Email"]


def write_contacts_csv(path, first, count, scale):
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(CSV_HEADER)
        for i in range(first, first + count):
            out.writerow(contact_row(i, scale))


def generate(scale, db, workdir):
    """Users, accounts and contacts once (contacts through the import API); then interactions, leads and deals."""
    log(f"generating scale {scale} into database {db}")
    figures = {}
    if psql("postgres", f"select 1 from pg_database where datname = '{db}'") and \
            psql(db, "select to_regclass('bench_contacts') is not null") == "t":
        log("users, accounts and contacts are there from an earlier run; writing the rest again")
        psql(db, "truncate leads, deals cascade; drop table if exists bench_meta")
        figures.update(json.loads(psql(db, "select obj_description('bench_contacts'::regclass)") or "{}"))
    else:
        figures.update(generate_people(scale, db, workdir))
    contacts = int(psql(db, "select count(*) from bench_contacts"))
    day = datetime.date.today().isoformat()
    interactions = 1_000_000 * scale
    if int(psql(db, "select count(*) from interactions")) == interactions:
        log("interactions are there from an earlier run")
    else:
        psql(db, "truncate interactions cascade")
        figures["interactions (SQL)"] = generate_interactions(db, interactions, contacts, day)
    _, figures["leads and deals (SQL)"] = timed(lambda: psql(db, file=os.path.join(BENCH, "sql", "sales.sql"),
                                                             variables={"scale": scale, "contacts": contacts, "day": day}))
    _, figures["vacuum analyze"] = timed(lambda: psql(db, "vacuum analyze"))
    seconds = sum(figures.values())
    psql(db, f"""create table bench_meta as select {scale} as scale, cast('{day}' as date) as generated_on,
                 {seconds:.0f} as seconds, cast('{json.dumps({k: round(v) for k, v in figures.items()})}' as jsonb) as steps""")
    log(f"generated in {seconds:.0f} s: {figures}")


def generate_interactions(db, interactions, contacts, day):
    """Writes the interactions in time order, with the secondary indexes of their tables dropped and built again
    after (as a bulk load into PostgreSQL is done): an index on contact ids takes its rows in random order, and at
    S=10 the load spent most of an hour rewriting random pages of such indexes."""
    load_start = time.perf_counter()
    indexes = json.loads(psql(db, """
        select coalesce(json_agg(json_build_object('name', indexname, 'definition', indexdef)), '[]')
        from pg_indexes i
        where schemaname = current_schema()
          and tablename in ('interactions', 'interaction_links', 'interaction_participants')
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)"""))
    psql(db, "; ".join(f"drop index {index['name']}" for index in indexes))
    try:
        for lo in range(1, interactions + 1, INTERACTIONS_PER_STATEMENT):
            hi = min(interactions, lo + INTERACTIONS_PER_STATEMENT - 1)
            psql(db, file=os.path.join(BENCH, "sql", "interactions.sql"),
                 variables={"lo": lo, "hi": hi, "total": interactions, "contacts": contacts, "day": day})
            log(f"  {hi} interactions")
    finally:
        log(f"building {len(indexes)} indexes again")
        psql(db, "set maintenance_work_mem = '1GB'; " + "; ".join(index["definition"] for index in indexes))
    return time.perf_counter() - load_start


def generate_people(scale, db, workdir):
    psql("postgres", f"drop database if exists {db} with (force)")
    psql("postgres", f"create database {db}")
    app = App(db, free_port(), workdir)
    figures = {}
    try:
        app.start()
        _, figures["users and accounts"] = timed(lambda: psql(db, file=os.path.join(BENCH, "sql", "people.sql"),
                                                               variables={"scale": scale}))
        total = 100_000 * scale
        log(f"{10000 * scale} accounts written; importing {total} contacts through the import API")
        load_start = time.perf_counter()
        for first in range(0, total, CONTACTS_PER_FILE):
            path = os.path.join(workdir, "contacts.csv")
            write_contacts_csv(path, first, min(CONTACTS_PER_FILE, total - first), scale)
            _, counts = app.import_file(path, "create")
            if counts["failed"]:
                raise RuntimeError(f"{counts['failed']} generated contacts failed to import: {counts}")
            log(f"  {first + counts['created']} contacts")
        figures["contacts (import API)"] = time.perf_counter() - load_start
    finally:
        app.stop()
    # the contacts in a fixed order (by email), so that the SQL steps pick the same ones every time
    psql(db, f"""
        create table bench_contacts as
        select row_number() over (order by e.address) as k, c.id, c.owner_id, c.department_id,
               (select min(ca.account_id::text)::uuid from contact_accounts ca where ca.contact_id = c.id) as account_id
        from contacts c join contact_emails e on e.contact_id = c.id and e.is_primary
        where e.address like '%@bench{scale}.example';
        create unique index on bench_contacts (k);
        comment on table bench_contacts is '{json.dumps({k: round(v) for k, v in figures.items()})}'""")
    return figures


def generated(db, scale):
    exists = psql("postgres", f"select 1 from pg_database where datname = '{db}'")
    if not exists:
        return False
    return psql(db, "select scale from bench_meta" if psql(
        db, "select to_regclass('bench_meta') is not null") == "t" else "select 0") == str(scale)


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------------------------------------------- measure

def wrk(app, script, env, seconds):
    out = subprocess.run(["wrk", "-t2", f"-c{CONCURRENCY}", f"-d{seconds}s", "--latency", "-s", script,
                          f"http://127.0.0.1:{app.port}"], capture_output=True, text=True, env=dict(os.environ, **env))
    if out.returncode != 0:
        raise RuntimeError(f"wrk failed: {out.stderr}")
    text = out.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))

    def ms(label):
        value, unit = re.search(rf"\s{label}\s+([\d.]+)(us|ms|s)\b", text).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if errors:
        raise RuntimeError(f"wrk saw {errors.group(1)} error responses:\n{text}")
    return {"rps": rps, "p50": ms("50%"), "p99": ms("99%")}


def pgbench(db, script, seconds, workdir, variables):
    logdir = tempfile.mkdtemp(dir=workdir)
    out = subprocess.run(["pgbench", "-n", "-M", "prepared", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"], f"-c{CONCURRENCY}",
                          "-j2", f"-T{seconds}", "-f", script] + [f"-D{k}={v}" for k, v in variables.items()] + [ "-l", "--log-prefix", os.path.join(logdir, "pgbench"),
                          db], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"pgbench failed: {out.stderr}")
    tps = float(re.search(r"tps = ([\d.]+)", out.stdout).group(1))
    latencies = []
    for name in os.listdir(logdir):
        with open(os.path.join(logdir, name)) as f:
            latencies += [int(line.split()[2]) / 1000 for line in f]
    shutil.rmtree(logdir)
    return {"rps": tps, "p50": percentile(latencies, 50), "p99": percentile(latencies, 99)}


def sequential(app, paths, token=None):
    """Times each GET over one kept-alive connection; returns the latencies in ms."""
    conn = app.connection()
    times = []
    for path in paths:
        start = time.perf_counter()
        status, body = app.request("GET", path, connection=conn, token=token)
        times.append((time.perf_counter() - start) * 1000)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status} {body[:300]}")
    conn.close()
    return times


def like(old_id):
    """A new random uuid of the same kind: version 7 (time-ordered, as bulk writes make them) or version 4."""
    if old_id[14] != "7":
        return str(uuid.uuid4())
    value = (time.time_ns() // 1_000_000) << 80 | 0x7 << 76 | random.getrandbits(12) << 64 | 0b10 << 62 \
        | random.getrandbits(62)
    return str(uuid.UUID(int=value))


def measure_import(app, db, scale, workdir, rows):
    path = os.path.join(workdir, "import.csv")
    stamp = int(time.time())
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(CSV_HEADER)
        for i in range(rows):
            row = contact_row(10_000_000 + i, scale)
            row[2] = row[2].replace(f"@bench{scale}.example", f"@import{stamp}.example")
            out.writerow(row)
    (job, counts), seconds = timed(lambda: app.import_file(path, "skip"))
    if counts["created"] != rows:
        raise RuntimeError(f"import created {counts['created']} of {rows}: {counts}")
    columns = ", ".join(f"c{k} text" for k in range(len(CSV_HEADER)))
    psql(db, f"drop table if exists bench_copy; create table bench_copy ({columns})")
    _, copy_seconds = timed(lambda: psql(db, f"\\copy bench_copy from '{path}' with (format csv, header true)"))
    psql(db, "drop table bench_copy")
    # Fairer references: the rows the import wrote, under new ids and emails, copied into the same tables with their
    # indexes, foreign keys and data (the imported rows still there; in a transaction rolled back) -- as a second
    # import of as many new contacts would write them: the contacts alone, then every table the import writes.
    ids = f"select contact_id from contact_bulk_writes where batch_id = '{job}'"
    tables = {"contacts": ("*", f"id in ({ids})", 0),
              "contact_emails": ("*", f"contact_id in ({ids})", 0),
              "contact_phones": ("*", f"contact_id in ({ids})", 0),
              "contact_accounts": ("*", f"contact_id in ({ids})", 0),
              "contact_bulk_writes": ("*", f"batch_id = '{job}'", 1),
              "audit_events": ("occurred_at, actor_id, record_type, record_id, action, changes",
                               f"record_type = 'contact' and record_id in ({ids})", 3)}
    files = {t: os.path.join(workdir, f"import-{t}.copy") for t in tables}
    for table, (cols, where, _) in tables.items():
        psql(db, f"\\copy (select {cols} from {table} where {where}) to '{files[table]}'")
    new_ids = {}
    for table, (_, _, id_column) in tables.items():
        with open(files[table], encoding="utf-8") as f:
            lines = f.read().split("\n")
        with open(files[table], "w", encoding="utf-8") as f:
            for line in lines:
                if line:
                    cells = line.split("\t")
                    cells[id_column] = new_ids.setdefault(cells[id_column], like(cells[id_column]))
                    if table == "contact_emails":
                        cells[2] = "ref-" + cells[2]
                    f.write("\t".join(cells) + "\n")
    references = {}
    for name, chosen in (("copy_contacts", ["contacts"]), ("copy_all", list(tables))):
        script = os.path.join(workdir, "import-copy.sql")
        with open(script, "w") as f:
            f.write("begin;\n")
            for table in chosen:
                cols = tables[table][0]
                f.write(f"\\copy {table} {'' if cols == '*' else '(' + cols + ')'} from '{files[table]}'\n")
            f.write("rollback;\n")
        _, references[name] = timed(lambda: psql(db, file=script))
    for file in files.values():
        os.remove(file)
    psql(db, f"""delete from audit_events where record_type = 'contact' and record_id in ({ids});
                 delete from contacts where id in ({ids})""")
    psql(db, "vacuum contacts, contact_emails, contact_phones, contact_accounts, contact_bulk_writes, audit_events")
    return {"rows": rows, "import": rows / seconds, "copy": rows / copy_seconds,
            "copy_contacts": rows / references["copy_contacts"], "copy_all": rows / references["copy_all"]}


# The tables the measured reads use, read into the operating system's cache (with their indexes) before measuring, as
# on a server that has been serving them: right after a generation the cache holds what was written last (the
# interactions), and the first lookups of a load would wait on the disk.
PREWARMED = ["contacts", "contact_emails", "contact_phones", "contact_accounts", "accounts", "users", "departments",
             "bench_contacts", "search_words", "leads", "deals", "api_tokens"]


def prewarm(db):
    tables = ", ".join(f"'{t}'" for t in PREWARMED)
    try:
        psql(db, f"""create extension if not exists pg_prewarm;
            select sum(pg_prewarm(r.oid, 'read')) from pg_class r
            where r.oid in (select to_regclass(t) from unnest(array[{tables}]) t)
               or r.oid in (select i.indexrelid from pg_index i
                            where i.indrelid in (select to_regclass(t) from unnest(array[{tables}]) t))""")
    except RuntimeError as e:
        log(f"  could not prewarm the tables (measuring with what the cache holds): {e}")


def measure(scale, db, workdir):
    app = App(db, free_port(), workdir)
    results = {"scale": scale, "db": db}
    try:
        _, seconds = timed(lambda: prewarm(db))
        log(f"tables read into the cache in {seconds:.0f} s")
        app.start()
        results["counts"] = {t: int(psql(db, f"select count(*) from {t}")) for t in
                             ["accounts", "contacts", "interactions", "leads", "deals", "users"]}
        results["postgres"] = psql(db, "select version()")
        ids_file = os.path.join(workdir, "contact-ids.txt")
        psql(db, f"\\copy (select id from bench_contacts order by k) to '{ids_file}'")
        rep = app.sign_in("rep3.4@bench.example")

        log("import of a contacts CSV vs COPY")
        results["import"] = measure_import(app, db, scale, workdir, IMPORT_ROWS)
        log(f"  {results['import']}")

        log("GET /api/v1/contacts/{id} with wrk vs the same SQL with pgbench")
        env = {"BENCH_TOKEN": app.token, "BENCH_IDS": ids_file}
        wrk(app, os.path.join(BENCH, "wrk", "get-contact.lua"), env, APP_WARMUP)
        results["get"] = wrk(app, os.path.join(BENCH, "wrk", "get-contact.lua"), env, DURATION)
        contacts = {"contacts": psql(db, "select count(*) from bench_contacts")}
        pgbench(db, os.path.join(BENCH, "pgbench", "get-contact.sql"), 5, workdir, contacts)
        results["get_pgbench"] = pgbench(db, os.path.join(BENCH, "pgbench", "get-contact.sql"), DURATION, workdir,
                                         contacts)
        results["get_pick"] = pgbench(db, os.path.join(BENCH, "pgbench", "pick-contact.sql"), DURATION, workdir,
                                      contacts)
        log(f"  app {results['get']}, pgbench {results['get_pgbench']}")

        log("contact list 500 pages deep, filtered and sorted")
        results["list"] = deep_list(app)
        log(f"  {summary(results['list'])}")

        log("search with typos")
        results["search"] = typo_search(app, scale)
        log(f"  {summary(results['search'])}")

        log("POST /api/v1/interactions with wrk")
        wrk(app, os.path.join(BENCH, "wrk", "post-interaction.lua"), env, APP_WARMUP)
        results["post"] = wrk(app, os.path.join(BENCH, "wrk", "post-interaction.lua"), env, DURATION)
        log(f"  {results['post']}")

        log("sales activity over all interactions")
        results["report"] = {}
        today = datetime.date.today()
        start = (today - datetime.timedelta(days=366)).isoformat()
        for who, token in (("admin", app.token), ("rep", rep)):
            for group in ("rep", "department", "origin"):
                path = f"/api/v1/reports/sales-activity?from={start}&to={today.isoformat()}&groupBy={group}"
                sequential(app, [path], token=token)
                results["report"][f"{who} {group}"] = statistics.median(sequential(app, [path] * 5, token=token))
        log(f"  {results['report']}")

        results["rss_mib"] = app.resident_mib()
        results["heap_mib"] = app.heap_used_mib()
        results["heap_max"] = os.environ.get("BENCH_HEAP", "1g")
    finally:
        app.stop()
    return results


def deep_list(app):
    """Follows nextCursor through 500 pages of customers sorted by name, twice; the second pass is measured."""
    times = []
    for attempt in range(2):
        conn = app.connection()
        cursor, pass_times = None, []
        for _ in range(500):
            path = "/api/v1/contacts?lifecycleStage=CUSTOMER&sort=NAME&limit=40" + (
                "&cursor=" + urllib.parse.quote(cursor) if cursor else "")
            start = time.perf_counter()
            status, body = app.request("GET", path, connection=conn)
            pass_times.append((time.perf_counter() - start) * 1000)
            if status != 200:
                raise RuntimeError(f"GET {path}: {status} {body[:300]}")
            cursor = json.loads(body).get("nextCursor")
            if not cursor:
                raise RuntimeError("the list ended before 500 pages")
        conn.close()
        times = pass_times
    return times


def typo_search(app, scale):
    r = random.Random(scale)
    queries = []
    for _ in range(220):
        i = r.randrange(100_000 * scale)
        row = contact_row(i, scale)
        name = row[1]
        k = r.randrange(1, len(name) - 2)
        typo = name[:k] + name[k + 1] + name[k] + name[k + 2:]  # two letters swapped
        queries.append(f"/api/v1/search?q={urllib.parse.quote(row[0] + ' ' + typo)}&limit=10")
    sequential(app, queries[:20])
    return sequential(app, queries[20:])


def summary(times):
    return {"p50": percentile(times, 50), "p99": percentile(times, 99), "n": len(times)}


# -------------------------------------------------------------------------------------------------------- report

def write_results(results, generation, path):
    g = generation
    imp, get, pgb, post = results["import"], results["get"], results["get_pgbench"], results["post"]
    pick = results["get_pick"]
    # on CPUs kept busy, the time of a transaction is the sum of its statements': 1/rate = 1/lookup + 1/pick
    lookup = 1 / (1 / pgb["rps"] - 1 / pick["rps"])
    lst, srch = summary(results["list"]), summary(results["search"])
    rep = results["report"]
    ok = lambda cond: "met" if cond else "**not met**"
    cpu = platform.processor() or platform.machine()
    lines = [
        f"# Benchmark at scale {results['scale']} — {datetime.date.today().isoformat()}",
        "",
        f"Machine: {os.cpu_count()} cores ({cpu}), {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB. "
        f"PostgreSQL: {results['postgres'].split(',')[0]} at {PG['host']}:{PG['port']}, database `{results['db']}`. "
        f"Rapport: target/rapport.jar, -Xmx{results['heap_max']}, app, database and load tools on the same machine. "
        f"Load at concurrency {CONCURRENCY}, {DURATION} s per run, after a warm-up of {APP_WARMUP} s for the app's "
        f"loads and 5 s for pgbench's.",
        "",
        "Data: " + ", ".join(f"{v:,} {k}" for k, v in results["counts"].items()) + ". "
        f"Generated in {g['seconds']:,} s ({', '.join(f'{k} {v} s' for k, v in g['steps'].items())}).",
        "",
        "| measure | Rapport | PostgreSQL alone | ratio | target (S=10) |",
        "|---|---|---|---|---|",
        f"| import of a {imp['rows']:,}-row contacts CSV (rows/s) | {imp['import']:,.0f} | {imp['copy']:,.0f} (`COPY` into a plain table) "
        f"| {imp['import'] / imp['copy']:.2f} | ≥ 0.5 × COPY: {ok(imp['import'] >= 0.5 * imp['copy'])} |",
        f"| ... the rows as the import stored them (new ids, emails), `COPY`'d into `contacts` (its indexes, keys, rows; rolled back) "
        f"| | {imp['copy_contacts']:,.0f} | {imp['import'] / imp['copy_contacts']:.2f} | |",
        f"| ... and with their emails, phones, account links, undo and audit rows, into those tables too "
        f"| | {imp['copy_all']:,.0f} | {imp['import'] / imp['copy_all']:.2f} | |",
        f"| `GET /api/v1/contacts/{{id}}` (requests/s) | {get['rps']:,.0f} | {pgb['rps']:,.0f} (pgbench: the same SQL, "
        f"after a statement that picks the random contact's id) | {get['rps'] / pgb['rps']:.2f} | |",
        f"| ... against the lookup alone: pgbench's rate with the time of the id-picking statement taken out (that "
        f"statement alone: {pick['rps']:,.0f}/s) | | {lookup:,.0f} | {get['rps'] / lookup:.2f} "
        f"| ≥ 0.5 × pgbench: {ok(get['rps'] >= 0.5 * lookup)} |",
        f"| ... p50 / p99 (ms) | {get['p50']:.2f} / {get['p99']:.2f} | {pgb['p50']:.2f} / {pgb['p99']:.2f} | | |",
        f"| contact list, customers by name, pages 1–500 of 40: p50 / p99 (ms) | {lst['p50']:.1f} / {lst['p99']:.1f} | | "
        f"| p99 < 50 ms: {ok(lst['p99'] < 50)} |",
        f"| `GET /api/v1/search`, {srch['n']} queries with a typo: p50 / p99 (ms) | {srch['p50']:.1f} / {srch['p99']:.1f} | | "
        f"| p99 < 100 ms: {ok(srch['p99'] < 100)} |",
        f"| `POST /api/v1/interactions` (requests/s; p50 / p99 ms) | {post['rps']:,.0f} ({post['p50']:.1f} / {post['p99']:.1f}) | | | |",
    ]
    for key, value in rep.items():
        who, group = key.split(" ")
        lines.append(f"| sales activity, 366 days, as {'the admin' if who == 'admin' else 'a sales rep'}, by {group} "
                     f"(ms, median of 5) | {value:,.0f} | | | < 500 ms: {ok(value < 500)} |")
    lines += [
        f"| app after the run: resident memory / heap used (MiB) | {results['rss_mib']:,.0f} / {results['heap_mib']:,.0f} | | "
        f"| heap ≤ 1 GiB: {ok(results['heap_mib'] <= 1024)} |",
        "",
        "Targets apply at S=10; at other scales the column says how the same figure compares.",
        "",
    ]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    log(f"results written to {os.path.relpath(path, ROOT)}")
    print("\n".join(lines))


def main():
    scale = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    db = os.environ.get("BENCH_DB", f"rapport_bench_s{scale}")
    workdir = os.path.join(ROOT, "target", f"bench-s{scale}")
    os.makedirs(workdir, exist_ok=True)
    # a copy, so that rebuilding target/rapport.jar during a run does not pull the jar from under the app
    shutil.copyfile(os.path.join(ROOT, "target", "rapport.jar"), os.path.join(workdir, "rapport.jar"))
    if os.environ.get("BENCH_REGENERATE") == "1" or not generated(db, scale):
        generate(scale, db, workdir)
    else:
        log(f"database {db} already holds scale {scale} (BENCH_REGENERATE=1 makes it again)")
    if os.environ.get("BENCH_GENERATE_ONLY") == "1":
        return
    meta = json.loads(psql(db, "select json_build_object('seconds', seconds, 'steps', steps) from bench_meta"))
    results = measure(scale, db, workdir)
    os.makedirs(os.path.join(BENCH, "results"), exist_ok=True)
    write_results(results, meta, os.path.join(BENCH, "results", f"s{scale}.md"))
    with open(os.path.join(workdir, "results.json"), "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
