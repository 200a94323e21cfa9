-- Leads: people and companies not yet customers; owner_id null = the unassigned queue of department_id.
create table leads (
    id                   uuid primary key default gen_random_uuid(),
    first_name           text check (length(first_name) <= 100),
    last_name            text        not null check (length(last_name) between 1 and 100),
    email                text check (length(email) <= 254),
    phone                text check (length(phone) <= 40),
    company              text check (length(company) <= 200),
    title                text check (length(title) <= 200),
    country              text check (country ~ '^[A-Z]{2}$'),
    source               text        not null default 'OTHER'
        check (source in ('WEB_FORM', 'EMAIL', 'PHONE', 'IMPORT', 'API', 'REFERRAL', 'CAMPAIGN', 'OTHER')),
    campaign_id          uuid,
    status               text        not null default 'NEW'
        check (status in ('NEW', 'WORKING', 'QUALIFIED', 'DISQUALIFIED', 'CONVERTED')),
    disqualified_reason  text check (length(disqualified_reason) <= 500),
    owner_id             uuid references users (id),
    department_id        uuid references departments (id),
    generated_by         uuid references users (id),
    converted_at         timestamptz,
    converted_contact_id uuid,
    converted_account_id uuid,
    converted_deal_id    uuid,
    score                int         not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    created_by           uuid references users (id),
    version              int         not null default 0,
    check ((status = 'CONVERTED') = (converted_at is not null)),
    check (status <> 'DISQUALIFIED' or disqualified_reason is not null)
);
create index leads_created_ix on leads (created_at desc, id desc);
create index leads_owner_ix on leads (owner_id, status);
create index leads_queue_ix on leads (department_id) where owner_id is null;
create index leads_email_ix on leads (lower(email));
create index leads_phone_ix on leads (phone);
create index leads_generated_by_ix on leads (generated_by, created_at);
create index leads_converted_ix on leads (converted_at) where converted_at is not null;

-- Ordered assignment rules; the first that matches a new lead assigns it.
create table lead_assignment_rules (
    id                uuid primary key default gen_random_uuid(),
    position          int         not null,
    kind              text        not null check (kind in ('ROUND_ROBIN', 'COUNTRY', 'SOURCE')),
    match_value       text,
    department_id     uuid references departments (id),
    user_id           uuid references users (id),
    active            boolean     not null default true,
    -- the last user the round robin gave a lead to; advanced under "select ... for update"
    last_assigned_to  uuid references users (id),
    created_at        timestamptz not null default now(),
    check (kind = 'ROUND_ROBIN' or match_value is not null),
    check (kind <> 'ROUND_ROBIN' or department_id is not null),
    check (department_id is not null or user_id is not null)
);
create index lead_assignment_rules_position_ix on lead_assignment_rules (position);
