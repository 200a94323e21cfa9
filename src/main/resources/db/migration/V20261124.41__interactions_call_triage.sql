-- Calls that matched no contact, kept for triage until someone attaches them to a contact or dismisses them.
create table call_triage (
    interaction_id uuid primary key references interactions (id) on delete cascade,
    -- the customer side's number (E.164, or what the phone system sent when it is no number)
    number         text        not null check (length(number) <= 320),
    occurred_at    timestamptz not null,
    status         text        not null default 'OPEN' check (status in ('OPEN', 'ATTACHED', 'DISMISSED')),
    contact_id     uuid,
    resolved_at    timestamptz,
    resolved_by    uuid references users (id) on delete set null
);
create index call_triage_open_ix on call_triage (occurred_at desc, interaction_id desc) where status = 'OPEN';
