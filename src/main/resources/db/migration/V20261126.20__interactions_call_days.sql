-- Calls per UTC day, rep, department and origin: what the sales-activity report sums instead of scanning millions of
-- interactions when the caller sees them all. Statement triggers on interactions keep it exact in the same
-- transaction as every insert, update, delete and truncate.
create table interaction_call_days (
    day            date not null,
    owner_id       uuid,
    department_id  uuid,
    origin_country char(2),
    origin_region  text,
    calls          int  not null,
    made           int  not null,
    received       int  not null,
    connected      int  not null,
    no_answer      int  not null,
    voicemail      int  not null,
    busy           int  not null,
    wrong_number   int  not null,
    constraint interaction_call_days_key unique nulls not distinct (day, owner_id, department_id, origin_country, origin_region)
);

-- The calls of a set of interactions per key, as signed counts.
create function interaction_call_counts(rows interactions[], sign int)
    returns setof interaction_call_days
    language sql stable
    as $$
    select (c.occurred_at at time zone 'UTC')::date, c.owner_id, c.department_id, c.origin_country, c.origin_region,
           sign * count(*)::int,
           sign * count(*) filter (where c.direction = 'OUTBOUND')::int,
           sign * count(*) filter (where c.direction = 'INBOUND')::int,
           sign * count(*) filter (where c.outcome = 'CONNECTED')::int,
           sign * count(*) filter (where c.outcome = 'NO_ANSWER')::int,
           sign * count(*) filter (where c.outcome = 'VOICEMAIL')::int,
           sign * count(*) filter (where c.outcome = 'BUSY')::int,
           sign * count(*) filter (where c.outcome = 'WRONG_NUMBER')::int
    from unnest(rows) c
    where c.type = 'CALL'
    group by 1, 2, 3, 4, 5
    $$;

-- Adds the calls of the first set of interactions and takes away those of the second, one upsert per key in key
-- order, so that concurrent writers lock the rollup rows in the same order. Rows that come down to zero stay.
create function interaction_call_days_add(added interactions[], removed interactions[]) returns void
    language sql
    as $$
    insert into interaction_call_days as d
    select day, owner_id, department_id, origin_country, origin_region, sum(calls), sum(made), sum(received),
           sum(connected), sum(no_answer), sum(voicemail), sum(busy), sum(wrong_number)
    from (select * from interaction_call_counts(added, 1) union all select * from interaction_call_counts(removed, -1)) c
    group by 1, 2, 3, 4, 5
    having sum(calls) <> 0 or sum(made) <> 0 or sum(received) <> 0 or sum(connected) <> 0 or sum(no_answer) <> 0
        or sum(voicemail) <> 0 or sum(busy) <> 0 or sum(wrong_number) <> 0
    order by 1, 2, 3, 4, 5
    on conflict on constraint interaction_call_days_key do update
        set calls = d.calls + excluded.calls, made = d.made + excluded.made, received = d.received + excluded.received,
            connected = d.connected + excluded.connected, no_answer = d.no_answer + excluded.no_answer,
            voicemail = d.voicemail + excluded.voicemail, busy = d.busy + excluded.busy,
            wrong_number = d.wrong_number + excluded.wrong_number;
    $$;

create function interaction_call_days_inserted() returns trigger language plpgsql as $$
begin
    perform interaction_call_days_add(array(select cast(n as interactions) from new_rows n where n.type = 'CALL'), '{}');
    return null;
end $$;

create function interaction_call_days_updated() returns trigger language plpgsql as $$
begin
    perform interaction_call_days_add(array(select cast(n as interactions) from new_rows n where n.type = 'CALL'),
                                      array(select cast(o as interactions) from old_rows o where o.type = 'CALL'));
    return null;
end $$;

create function interaction_call_days_deleted() returns trigger language plpgsql as $$
begin
    perform interaction_call_days_add('{}', array(select cast(o as interactions) from old_rows o where o.type = 'CALL'));
    return null;
end $$;

create function interaction_call_days_truncated() returns trigger language plpgsql as $$
begin
    delete from interaction_call_days;
    return null;
end $$;

create trigger interaction_call_days_insert after insert on interactions
    referencing new table as new_rows for each statement execute function interaction_call_days_inserted();
create trigger interaction_call_days_update after update on interactions
    referencing old table as old_rows new table as new_rows for each statement
    execute function interaction_call_days_updated();
create trigger interaction_call_days_delete after delete on interactions
    referencing old table as old_rows for each statement execute function interaction_call_days_deleted();
create trigger interaction_call_days_truncate after truncate on interactions
    for each statement execute function interaction_call_days_truncated();

insert into interaction_call_days
select (i.occurred_at at time zone 'UTC')::date, i.owner_id, i.department_id, i.origin_country, i.origin_region,
       count(*), count(*) filter (where i.direction = 'OUTBOUND'), count(*) filter (where i.direction = 'INBOUND'),
       count(*) filter (where i.outcome = 'CONNECTED'), count(*) filter (where i.outcome = 'NO_ANSWER'),
       count(*) filter (where i.outcome = 'VOICEMAIL'), count(*) filter (where i.outcome = 'BUSY'),
       count(*) filter (where i.outcome = 'WRONG_NUMBER')
from interactions i
where i.type = 'CALL'
group by 1, 2, 3, 4, 5;
