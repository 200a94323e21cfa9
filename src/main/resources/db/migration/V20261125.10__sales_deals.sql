-- Sales pipelines with ordered stages, deals in them, the contacts of a deal with their roles, and the history of
-- the stages a deal went through (one row per stay; left_at is null for the current stage).
create table pipelines (
    id         uuid primary key default gen_random_uuid(),
    name       text        not null check (length(name) between 1 and 100),
    position   int         not null default 0,
    is_default boolean     not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by uuid,
    version    int         not null default 0
);
create unique index pipelines_name_ux on pipelines (lower(name));
-- At most one default pipeline.
create unique index pipelines_default_ux on pipelines (is_default) where is_default;

create table pipeline_stages (
    id          uuid primary key default gen_random_uuid(),
    pipeline_id uuid    not null references pipelines (id) on delete cascade,
    name        text    not null check (length(name) between 1 and 100),
    position    int     not null,
    probability int     not null check (probability between 0 and 100),
    kind        text    not null default 'OPEN' check (kind in ('OPEN', 'WON', 'LOST')),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index pipeline_stages_pipeline_ix on pipeline_stages (pipeline_id, position);

create table deals (
    id                  uuid primary key default gen_random_uuid(),
    name                text          not null check (length(name) between 1 and 200),
    pipeline_id         uuid          not null references pipelines (id),
    stage_id            uuid          not null references pipeline_stages (id),
    amount              numeric(19,4) not null default 0 check (amount >= 0),
    currency            char(3)       not null check (currency ~ '^[A-Z]{3}$'),
    expected_close_date date,
    probability         int           not null check (probability between 0 and 100),
    owner_id            uuid          not null references users (id),
    department_id       uuid          references departments (id) on delete set null,
    -- No foreign key: a merge deletes the merged accounts before the deal follows the survivor (AccountsMerged),
    -- and reads ignore a deleted account.
    account_id          uuid,
    status              text          not null default 'OPEN' check (status in ('OPEN', 'WON', 'LOST')),
    loss_reason         text          check (length(loss_reason) <= 500),
    closed_at           timestamptz,
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now(),
    created_by          uuid,
    version             int           not null default 0,
    check ((status = 'OPEN') = (closed_at is null))
);
-- The kanban board and list: a pipeline's deals by stage.
create index deals_pipeline_stage_ix on deals (pipeline_id, stage_id, status);
create index deals_owner_ix on deals (owner_id, status);
create index deals_department_ix on deals (department_id, status);
create index deals_account_ix on deals (account_id) where account_id is not null;
-- The forecast (open deals by close month) and the reports (deals closed in a period).
create index deals_close_date_ix on deals (expected_close_date) where status = 'OPEN';
create index deals_closed_at_ix on deals (closed_at) where closed_at is not null;
-- The list's keyset order.
create index deals_name_order_ix on deals (lower(name), id);

create table deal_contacts (
    deal_id    uuid not null references deals (id) on delete cascade,
    -- No foreign key, as for deals.account_id: a contact merge moves the row to the survivor; reads skip deleted contacts.
    contact_id uuid not null,
    role       text check (length(role) <= 100),
    primary key (deal_id, contact_id)
);
create index deal_contacts_contact_ix on deal_contacts (contact_id);

create table deal_stage_history (
    id         uuid primary key default gen_random_uuid(),
    deal_id    uuid        not null references deals (id) on delete cascade,
    stage_id   uuid        not null references pipeline_stages (id),
    entered_at timestamptz not null default now(),
    left_at    timestamptz,
    changed_by uuid
);
create index deal_stage_history_deal_ix on deal_stage_history (deal_id, entered_at);
-- One current stay per deal.
create unique index deal_stage_history_current_ux on deal_stage_history (deal_id) where left_at is null;

-- A default pipeline, so that deals (and lead conversion) work on a fresh installation.
with p as (
    insert into pipelines (name, position, is_default) values ('Sales', 0, true) returning id
)
insert into pipeline_stages (pipeline_id, name, position, probability, kind)
select p.id, s.name, s.position, s.probability, s.kind
from p, (values ('Qualification', 0, 10, 'OPEN'), ('Needs analysis', 1, 25, 'OPEN'), ('Proposal', 2, 50, 'OPEN'),
                ('Negotiation', 3, 75, 'OPEN'), ('Won', 4, 100, 'WON'), ('Lost', 5, 0, 'LOST'))
         as s(name, position, probability, kind);
