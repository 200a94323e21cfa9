-- The organization's shared SMTP sender (one row). Passwords are AES-GCM encrypted by the application.
create table email_smtp_settings (
    id              boolean primary key default true check (id),
    host            text check (length(host) <= 255),
    port            int         not null default 587 check (port between 1 and 65535),
    security        text        not null default 'STARTTLS' check (security in ('NONE', 'STARTTLS', 'SSL')),
    username        text check (length(username) <= 320),
    password_secret text check (length(password_secret) <= 2000),
    from_address    text check (length(from_address) <= 320),
    from_name       text check (length(from_name) <= 200),
    enabled         boolean     not null default false,
    updated_at      timestamptz not null default now(),
    updated_by      uuid,
    version         int         not null default 0
);
insert into email_smtp_settings default values;

-- Email templates with merge fields such as {{contact.firstName}}.
create table email_templates (
    id         uuid primary key default gen_random_uuid(),
    name       text        not null check (length(name) between 1 and 200),
    subject    text        not null check (length(subject) <= 500),
    body       text        not null check (length(body) <= 100000),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by uuid,
    version    int         not null default 0
);
create unique index email_templates_name_ux on email_templates (lower(name));

-- IMAP mailboxes synced onto the timeline: shared inboxes (no owner) and personal ones.
create table email_mailboxes (
    id                  uuid primary key default gen_random_uuid(),
    name                text        not null check (length(name) between 1 and 200),
    owner_id            uuid references users (id) on delete cascade,
    host                text        not null check (length(host) between 1 and 255),
    port                int         not null check (port between 1 and 65535),
    ssl                 boolean     not null default true,
    username            text        not null check (length(username) between 1 and 320),
    password_secret     text        not null check (length(password_secret) <= 2000),
    folder              text        not null default 'INBOX' check (length(folder) between 1 and 200),
    enabled             boolean     not null default true,
    -- where the sync stands: the folder's UIDVALIDITY and the last UID read in it
    uid_validity        bigint,
    last_uid            bigint      not null default 0,
    status              text        not null default 'NEW' check (status in ('NEW', 'OK', 'ERROR')),
    last_attempt_at     timestamptz,
    last_success_at     timestamptz,
    last_error          text check (length(last_error) <= 1000),
    last_error_at       timestamptz,
    failures            int         not null default 0,
    -- since the mailbox was added: messages read, logged (new on a timeline), logged without a matching contact,
    -- not readable (skipped), and attachments not kept (type not allowed or too large)
    messages_seen       bigint      not null default 0,
    messages_logged     bigint      not null default 0,
    messages_unmatched  bigint      not null default 0,
    messages_failed     bigint      not null default 0,
    attachments_skipped bigint      not null default 0,
    last_message_error  text check (length(last_message_error) <= 1000),
    -- "sync now" pressed and not started yet; one sync at a time per mailbox across nodes
    sync_requested_at   timestamptz,
    lease_until         timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    created_by          uuid,
    version             int         not null default 0
);
create index email_mailboxes_owner_ix on email_mailboxes (owner_id);
