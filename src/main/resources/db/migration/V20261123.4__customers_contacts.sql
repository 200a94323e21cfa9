-- Customer records: the full account, contacts with several emails and phones, consent history, search.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- unaccent() is only STABLE; an IMMUTABLE wrapper with the dictionary named lets indexes use it.
create or replace function rapport_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create or replace function rapport_search_key(text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(rapport_unaccent($1)) $$;

alter table accounts
    add column relationship_types text[]      not null default '{}',
    add column lifecycle_stage    text,
    add column employees          int check (employees >= 0),
    add column annual_revenue     numeric(19, 4) check (annual_revenue >= 0),
    add column revenue_currency   char(3),
    add column phone              text,
    add column billing_address    jsonb,
    add column shipping_address   jsonb,
    add column parent_account_id  uuid references accounts (id) on delete set null,
    add column tags               text[]      not null default '{}',
    add column custom_fields      jsonb       not null default '{}',
    add column search_text        text        not null default '';
update accounts set search_text = rapport_search_key(name || ' ' || coalesce(domain, ''));
create index accounts_search_trgm on accounts using gin (search_text gin_trgm_ops);
create index accounts_tags_ix on accounts using gin (tags);
create index accounts_updated_ix on accounts (updated_at, id);
create index accounts_parent_ix on accounts (parent_account_id);

create table contacts (
    id                      uuid primary key default gen_random_uuid(),
    first_name              text        not null default '' check (length(first_name) <= 100),
    last_name               text        not null default '' check (length(last_name) <= 100),
    title                   text check (length(title) <= 200),
    relationship_types      text[]      not null default '{}',
    lifecycle_stage         text,
    source                  text check (length(source) <= 100),
    preferred_channel       text,
    language                text check (length(language) <= 35),
    interests               text[]      not null default '{}',
    marketing_opt_in        boolean     not null default false,
    marketing_opt_in_at     timestamptz,
    marketing_opt_in_source text,
    do_not_call             boolean     not null default false,
    do_not_email            boolean     not null default false,
    address                 jsonb,
    owner_id                uuid        not null references users (id),
    department_id           uuid references departments (id),
    tags                    text[]      not null default '{}',
    custom_fields           jsonb       not null default '{}',
    search_text             text        not null default '',
    erased_at               timestamptz,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    created_by              uuid,
    version                 int         not null default 0,
    constraint contacts_named check (first_name <> '' or last_name <> '' or erased_at is not null)
);
create index contacts_name_ix on contacts (lower(last_name), lower(first_name), id);
create index contacts_owner_ix on contacts (owner_id);
create index contacts_department_ix on contacts (department_id);
create index contacts_updated_ix on contacts (updated_at, id);
create index contacts_search_trgm on contacts using gin (search_text gin_trgm_ops);
create index contacts_tags_ix on contacts using gin (tags);

create table contact_emails (
    contact_id uuid    not null references contacts (id) on delete cascade,
    position   int     not null,
    address    text    not null check (address = lower(address)),
    type       text    not null default 'WORK',
    is_primary boolean not null default false,
    primary key (contact_id, position)
);
create index contact_emails_address_ix on contact_emails (address);

create table contact_phones (
    contact_id uuid    not null references contacts (id) on delete cascade,
    position   int     not null,
    number     text    not null check (number ~ '^\+[1-9][0-9]{6,14}$'),
    type       text    not null default 'WORK',
    is_primary boolean not null default false,
    primary key (contact_id, position)
);
create index contact_phones_number_ix on contact_phones (number);

create table contact_accounts (
    contact_id uuid not null references contacts (id) on delete cascade,
    account_id uuid not null references accounts (id) on delete cascade,
    role       text check (length(role) <= 100),
    primary key (contact_id, account_id)
);
create index contact_accounts_account_ix on contact_accounts (account_id);

-- Every change of a contact's consent, with when, how and by whom.
create table consent_events (
    id          bigint generated always as identity primary key,
    contact_id  uuid        not null references contacts (id) on delete cascade,
    kind        text        not null check (kind in ('MARKETING_OPT_IN', 'DO_NOT_CALL', 'DO_NOT_EMAIL')),
    granted     boolean     not null,
    source      text,
    occurred_at timestamptz not null default now(),
    actor_id    uuid
);
create index consent_events_contact_ix on consent_events (contact_id, id);
