-- In-app notifications (the bell): mentions, task reminders and assignments.
create table notifications (
    id         uuid primary key default gen_random_uuid(),
    user_id    uuid        not null references users (id) on delete cascade,
    kind       text        not null check (length(kind) between 1 and 40),
    title      text        not null check (length(title) between 1 and 300),
    body       text        check (length(body) <= 2000),
    link       text        check (link like '/%' and link not like '//%'),
    -- makes a notification that might be raised twice (a reminder retried after a crash) appear once
    dedup_key  text,
    created_at timestamptz not null default now(),
    read_at    timestamptz
);
create index notifications_user_ix on notifications (user_id, created_at desc, id);
create index notifications_unread_ix on notifications (user_id) where read_at is null;
create unique index notifications_dedup_ux on notifications (user_id, dedup_key) where dedup_key is not null;
