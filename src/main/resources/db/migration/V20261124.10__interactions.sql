-- Every touch with a customer on every channel, on one timeline.
create table interactions (
    id               uuid primary key default gen_random_uuid(),
    type             text        not null check (type in
                         ('CALL', 'EMAIL', 'MEETING', 'NOTE', 'CHAT', 'SMS', 'SOCIAL', 'LETTER', 'WEB_FORM')),
    direction        text check (direction in ('INBOUND', 'OUTBOUND')),
    occurred_at      timestamptz not null,
    duration_seconds int check (duration_seconds between 0 and 604800),
    subject          text check (length(subject) <= 500),
    body             text check (length(body) <= 200000),
    body_format      text        not null default 'MARKDOWN' check (body_format in ('MARKDOWN', 'TEXT', 'HTML')),
    outcome          text check (outcome in ('CONNECTED', 'NO_ANSWER', 'VOICEMAIL', 'BUSY', 'WRONG_NUMBER')),
    sentiment        text check (sentiment in ('POSITIVE', 'NEUTRAL', 'NEGATIVE')),
    -- the other side's number or address, and where it comes from (a call's country and region, an email's domain)
    from_address     text check (length(from_address) <= 320),
    to_address       text check (length(to_address) <= 2000),
    origin_country   char(2),
    origin_region    text check (length(origin_region) <= 200),
    origin_domain    text check (length(origin_domain) <= 255),
    recording_url    text check (length(recording_url) <= 2000),
    -- how it arrived, and its id there: one interaction per (source, external_id)
    source           text        not null default 'MANUAL' check (source in
                         ('MANUAL', 'API', 'SMTP', 'IMAP', 'TELEPHONY', 'WEB_FORM', 'IMPORT', 'DEMO')),
    external_id      text check (length(external_id) <= 500),
    -- email threading
    message_id       text check (length(message_id) <= 1000),
    in_reply_to      text check (length(in_reply_to) <= 1000),
    thread_id        uuid,
    -- the rep and their department at that moment
    owner_id         uuid references users (id),
    department_id    uuid references departments (id),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    created_by       uuid,
    version          int         not null default 0
);
create unique index interactions_external_ux on interactions (source, external_id) where external_id is not null;
create index interactions_occurred_ix on interactions (occurred_at desc, id desc);
create index interactions_owner_ix on interactions (owner_id, occurred_at desc);
create index interactions_department_ix on interactions (department_id, occurred_at desc);
create index interactions_type_ix on interactions (type, occurred_at desc);
create index interactions_message_ix on interactions (message_id) where message_id is not null;
create index interactions_thread_ix on interactions (thread_id) where thread_id is not null;

-- The records an interaction belongs to (contact, account, later lead, deal, case): the timeline of each.
create table interaction_links (
    interaction_id uuid        not null references interactions (id) on delete cascade,
    record_type    text        not null,
    record_id      uuid        not null,
    occurred_at    timestamptz not null,
    primary key (interaction_id, record_type, record_id)
);
create index interaction_links_record_ix on interaction_links (record_type, record_id, occurred_at desc, interaction_id);

-- Who took part: contacts and users.
create table interaction_participants (
    interaction_id   uuid not null references interactions (id) on delete cascade,
    participant_type text not null check (participant_type in ('CONTACT', 'USER')),
    participant_id   uuid not null,
    primary key (interaction_id, participant_type, participant_id)
);
create index interaction_participants_ix on interaction_participants (participant_type, participant_id);

create table interaction_attachments (
    id             uuid primary key default gen_random_uuid(),
    interaction_id uuid        not null references interactions (id) on delete cascade,
    file_name      text        not null check (length(file_name) between 1 and 255),
    content_type   text        not null,
    size_bytes     bigint      not null check (size_bytes >= 0),
    sha256         text        not null,
    storage_path   text        not null,
    created_at     timestamptz not null default now(),
    created_by     uuid
);
create index interaction_attachments_ix on interaction_attachments (interaction_id);

-- Which call outcomes the organization counts as successful.
create table interaction_settings (
    id                       boolean primary key default true check (id),
    successful_call_outcomes text[]      not null default '{CONNECTED}',
    updated_at               timestamptz not null default now()
);
insert into interaction_settings default values;
