create table departments (
    id           uuid primary key default gen_random_uuid(),
    name         text        not null check (length(name) between 1 and 100),
    head_user_id uuid,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      int         not null default 0
);
create unique index departments_name_ux on departments (lower(name));

create table users (
    id                  uuid primary key default gen_random_uuid(),
    email               text        not null check (length(email) between 3 and 320),
    name                text        not null check (length(name) between 1 and 200),
    password_hash       text        not null,
    role                text        not null check (role in
                            ('ADMIN', 'MANAGER', 'SALES_REP', 'SUPPORT_AGENT', 'MARKETER', 'READ_ONLY', 'PARTNER')),
    department_id       uuid references departments (id),
    active              boolean     not null default true,
    failed_logins       int         not null default 0,
    locked_until        timestamptz,
    last_login_at       timestamptz,
    password_changed_at timestamptz not null default now(),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    created_by          uuid,
    version             int         not null default 0
);
create unique index users_email_ux on users (lower(email));
create index users_department_ix on users (department_id);

alter table departments
    add constraint departments_head_fk foreign key (head_user_id) references users (id) on delete set null;
create index departments_head_ix on departments (head_user_id);

-- One row of organization-wide settings.
create table org_settings (
    id               boolean primary key default true check (id),
    visibility_scope text        not null default 'DEPARTMENT' check (visibility_scope in ('OWN', 'DEPARTMENT', 'ALL')),
    updated_at       timestamptz not null default now()
);
insert into org_settings default values;

-- Bearer tokens for scripts and third parties; only a SHA-256 of the secret is stored.
create table api_tokens (
    id           uuid primary key default gen_random_uuid(),
    user_id      uuid        not null references users (id) on delete cascade,
    name         text        not null check (length(name) between 1 and 100),
    token_hash   text        not null unique,
    token_hint   text        not null,
    scopes       text[]      not null,
    expires_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz not null default now()
);
create index api_tokens_user_ix on api_tokens (user_id, created_at desc);

-- Records explicitly shared with a user (how PARTNER users see anything at all).
create table record_shares (
    record_type text        not null,
    record_id   uuid        not null,
    user_id     uuid        not null references users (id) on delete cascade,
    created_at  timestamptz not null default now(),
    created_by  uuid,
    primary key (record_type, record_id, user_id)
);
create index record_shares_user_ix on record_shares (user_id, record_type, record_id);
