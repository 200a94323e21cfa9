-- Sales: every lead a bulk write (an import) created or updated, with an updated lead's row before the batch first
-- touched it and its version after the batch last did, so that the batch can be reverted.
create table lead_bulk_writes (
    batch_id      uuid not null,
    lead_id       uuid not null references leads (id) on delete cascade,
    action        text not null check (action in ('CREATED', 'UPDATED')),
    version_after int  not null,
    before        jsonb,
    primary key (batch_id, lead_id),
    check ((action = 'UPDATED') = (before is not null))
);
create index lead_bulk_writes_lead_ix on lead_bulk_writes (lead_id);
