-- Custom fields an admin defines per entity; values live in the record's custom_fields jsonb.
create table custom_field_definitions (
    id         uuid primary key default gen_random_uuid(),
    entity     text        not null check (entity in ('account', 'contact')),
    key        text        not null check (key ~ '^[a-z][a-zA-Z0-9_]{0,49}$'),
    label      text        not null check (length(label) between 1 and 100),
    type       text        not null check (type in ('TEXT', 'LONG_TEXT', 'NUMBER', 'MONEY', 'DATE', 'BOOLEAN',
                                                    'SELECT', 'MULTI_SELECT', 'URL', 'EMAIL')),
    required   boolean     not null default false,
    options    text[]      not null default '{}',
    position   int         not null default 0,
    active     boolean     not null default true,
    created_at timestamptz not null default now(),
    version    int         not null default 0,
    unique (entity, key)
);
create index contacts_custom_fields_ix on contacts using gin (custom_fields jsonb_path_ops);
create index accounts_custom_fields_ix on accounts using gin (custom_fields jsonb_path_ops);
