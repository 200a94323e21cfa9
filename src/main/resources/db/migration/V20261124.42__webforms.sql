-- Web forms an admin defines: each posts to /forms/{form_key} and maps its fields to contact fields.
create table web_forms (
    id              uuid primary key default gen_random_uuid(),
    form_key        text        not null unique check (form_key ~ '^[A-Za-z0-9_-]{16,64}$'),
    name            text        not null check (length(name) between 1 and 100),
    -- who owns the contacts the form creates, and their department (null: the owner's)
    owner_id        uuid        not null references users (id),
    department_id   uuid references departments (id) on delete set null,
    success_url     text check (length(success_url) <= 2000),
    success_message text check (length(success_message) <= 500),
    active          boolean     not null default true,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    created_by      uuid,
    version         int         not null default 0
);
create unique index web_forms_name_ux on web_forms (lower(name));

create table web_form_fields (
    form_id  uuid    not null references web_forms (id) on delete cascade,
    position int     not null check (position between 0 and 49),
    name     text    not null check (name ~ '^[A-Za-z][A-Za-z0-9_-]{0,49}$'),
    label    text    not null check (length(label) between 1 and 100),
    target   text    not null check (target in
                 ('FIRST_NAME', 'LAST_NAME', 'EMAIL', 'PHONE', 'COMPANY', 'TITLE', 'MESSAGE', 'MARKETING_OPT_IN',
                  'OTHER')),
    required boolean not null default false,
    primary key (form_id, position)
);
create unique index web_form_fields_name_ux on web_form_fields (form_id, lower(name));
