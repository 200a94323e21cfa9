-- Background jobs: db-scheduler's table, from its PostgreSQL DDL (db-scheduler 16.x, including its migrations).
create table scheduled_tasks (
    task_name            text        not null,
    task_instance        text        not null,
    task_data            bytea,
    execution_time       timestamptz,
    picked               boolean     not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint      not null,
    priority             smallint,
    state                text,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Customers: every contact a bulk write (an import) created or updated, with an updated contact's state before
-- the batch first touched it and its version after the batch last did, so that the batch can be reverted.
create table contact_bulk_writes (
    batch_id      uuid not null,
    contact_id    uuid not null references contacts (id) on delete cascade,
    action        text not null check (action in ('CREATED', 'UPDATED')),
    version_after int  not null,
    before        jsonb,
    primary key (batch_id, contact_id),
    check ((action = 'UPDATED') = (before is not null))
);
create index contact_bulk_writes_contact_ix on contact_bulk_writes (contact_id);

-- Imports: an uploaded file, its column mapping, and the progress and outcome of the job that imports it.
create table imports (
    id              uuid primary key     default gen_random_uuid(),
    entity          text        not null default 'contacts' check (entity in ('contacts')),
    file_name       text        not null check (length(file_name) <= 255),
    format          text        not null check (format in ('CSV', 'XLSX')),
    columns         text[]      not null,
    mapping         jsonb       not null default '{}',
    policy          text        not null default 'SKIP' check (policy in ('SKIP', 'UPDATE', 'CREATE')),
    status          text        not null check (status in ('DRAFT', 'QUEUED', 'RUNNING', 'COMPLETED', 'FAILED',
                                                           'UNDOING', 'UNDONE')),
    total_rows      int         not null check (total_rows >= 0),
    processed_rows  int         not null default 0,
    created_count   int         not null default 0,
    updated_count   int         not null default 0,
    skipped_count   int         not null default 0,
    failed_count    int         not null default 0,
    undo_deleted    int         not null default 0,
    undo_restored   int         not null default 0,
    undo_kept       int         not null default 0,
    message         text,
    created_by      uuid        not null references users (id),
    undone_by       uuid references users (id),
    created_at      timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    updated_at      timestamptz not null default now()
);
create index imports_created_by_ix on imports (created_by, created_at desc);
create index imports_created_ix on imports (created_at desc);

-- The uploaded file until its import has finished; kept in the database so that any node can run the job.
create table import_files (
    import_id uuid primary key references imports (id) on delete cascade,
    content   bytea not null
);

-- Rows of an import that could not be imported: the spreadsheet row number, the column at fault and why.
create table import_errors (
    id          bigint generated always as identity primary key,
    import_id   uuid not null references imports (id) on delete cascade,
    row_number  int  not null,
    column_name text,
    reason      text not null
);
create index import_errors_import_ix on import_errors (import_id, row_number, id);
