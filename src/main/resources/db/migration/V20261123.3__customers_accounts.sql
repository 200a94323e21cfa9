-- Accounts (organizations). The customer-records issue extends this table.
create table accounts (
    id            uuid primary key default gen_random_uuid(),
    name          text        not null check (length(name) between 1 and 200),
    domain        text check (length(domain) <= 253),
    industry      text check (length(industry) <= 100),
    owner_id      uuid        not null references users (id),
    department_id uuid references departments (id),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    created_by    uuid,
    version       int         not null default 0
);
create index accounts_name_ix on accounts (lower(name), id);
create index accounts_owner_ix on accounts (owner_id);
create index accounts_department_ix on accounts (department_id);
