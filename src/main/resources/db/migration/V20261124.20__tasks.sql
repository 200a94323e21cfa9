-- Tasks: follow-ups with a due time, an assignee (owner_id, and the assignee's department for visibility), an
-- optional related record of any type and an optional reminder.
create table tasks (
    id              uuid primary key default gen_random_uuid(),
    title           text        not null check (length(title) between 1 and 300),
    description     text        check (length(description) <= 10000),
    due_at          timestamptz,
    priority        text        not null default 'NORMAL' check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    status          text        not null default 'OPEN' check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    completed_at    timestamptz,
    owner_id        uuid        not null references users (id),
    department_id   uuid        references departments (id) on delete set null,
    record_type     text        check (record_type ~ '^[a-z_]{1,40}$'),
    record_id       uuid,
    -- the interaction this task follows up; interactions may be deleted, so no foreign key
    interaction_id  uuid,
    remind_at       timestamptz,
    reminded_at     timestamptz,
    remind_by_email boolean     not null default false,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    created_by      uuid,
    version         int         not null default 0,
    check ((record_type is null) = (record_id is null)),
    check ((status = 'DONE') = (completed_at is not null))
);

-- My tasks and the API's assignee filter: open tasks of one user by due time.
create index tasks_owner_status_due_ix on tasks (owner_id, status, due_at, id);
-- Department visibility and the "all visible tasks" view.
create index tasks_department_status_due_ix on tasks (department_id, status, due_at);
-- A record's tasks (the panel on its page, ?recordType=&recordId=).
create index tasks_record_ix on tasks (record_type, record_id, status);
-- The API's default order: by due time (no due time last), then id.
create index tasks_due_order_ix on tasks ((coalesce(due_at, 'infinity'::timestamptz)), id);
create index tasks_interaction_ix on tasks (interaction_id) where interaction_id is not null;
-- Reminders still to send, as the reminder job takes them.
create index tasks_reminders_due_ix on tasks (remind_at)
    where reminded_at is null and status in ('OPEN', 'IN_PROGRESS');

-- A user's personal iCalendar feed: only a SHA-256 of the secret token in its URL is stored.
create table calendar_feeds (
    user_id    uuid primary key references users (id) on delete cascade,
    token_hash text        not null unique,
    created_at timestamptz not null default now()
);
