-- Saved list views (filters, sort and columns of a list page), private to their owner or shared with everyone.
create table saved_views (
    id         uuid primary key default gen_random_uuid(),
    entity     text        not null check (entity in ('account', 'contact')),
    name       text        not null check (length(name) between 1 and 100),
    owner_id   uuid        not null references users (id) on delete cascade,
    shared     boolean     not null default false,
    query      text        not null check (length(query) <= 4000),
    created_at timestamptz not null default now()
);
create index saved_views_owner_ix on saved_views (entity, owner_id);
create index saved_views_shared_ix on saved_views (entity) where shared;
create index contacts_created_ix on contacts (created_at, id);
