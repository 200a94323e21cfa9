-- Calls per UTC month beside calls per UTC day, with the same key and counts: the sales-activity report sums the
-- whole months of its range from here and only the days at its ends from interaction_call_days, so a year is a
-- few thousand rows instead of one per rep, origin and day. The same statement triggers keep both exact.
create table interaction_call_months (
    month          date not null check (extract(day from month) = 1),
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
    constraint interaction_call_months_key
        unique nulls not distinct (month, owner_id, department_id, origin_country, origin_region)
);

-- As before for the days, then the same signed counts summed per month, in key order.
create or replace function interaction_call_days_add(added interactions[], removed interactions[]) returns void
    language sql
    as $$
    with counts as (
        select day, owner_id, department_id, origin_country, origin_region, sum(calls) as calls, sum(made) as made,
               sum(received) as received, sum(connected) as connected, sum(no_answer) as no_answer,
               sum(voicemail) as voicemail, sum(busy) as busy, sum(wrong_number) as wrong_number
        from (select * from interaction_call_counts(added, 1)
              union all select * from interaction_call_counts(removed, -1)) c
        group by 1, 2, 3, 4, 5
        having sum(calls) <> 0 or sum(made) <> 0 or sum(received) <> 0 or sum(connected) <> 0
            or sum(no_answer) <> 0 or sum(voicemail) <> 0 or sum(busy) <> 0 or sum(wrong_number) <> 0
    ), days as (
        insert into interaction_call_days as d
        select * from counts
        order by 1, 2, 3, 4, 5
        on conflict on constraint interaction_call_days_key do update
            set calls = d.calls + excluded.calls, made = d.made + excluded.made,
                received = d.received + excluded.received, connected = d.connected + excluded.connected,
                no_answer = d.no_answer + excluded.no_answer, voicemail = d.voicemail + excluded.voicemail,
                busy = d.busy + excluded.busy, wrong_number = d.wrong_number + excluded.wrong_number
    )
    insert into interaction_call_months as m
    select date_trunc('month', day)::date, owner_id, department_id, origin_country, origin_region, sum(calls),
           sum(made), sum(received), sum(connected), sum(no_answer), sum(voicemail), sum(busy), sum(wrong_number)
    from counts
    group by 1, 2, 3, 4, 5
    order by 1, 2, 3, 4, 5
    on conflict on constraint interaction_call_months_key do update
        set calls = m.calls + excluded.calls, made = m.made + excluded.made,
            received = m.received + excluded.received, connected = m.connected + excluded.connected,
            no_answer = m.no_answer + excluded.no_answer, voicemail = m.voicemail + excluded.voicemail,
            busy = m.busy + excluded.busy, wrong_number = m.wrong_number + excluded.wrong_number;
    $$;

create or replace function interaction_call_days_truncated() returns trigger language plpgsql as $$
begin
    delete from interaction_call_days;
    delete from interaction_call_months;
    return null;
end $$;

insert into interaction_call_months
select date_trunc('month', day)::date, owner_id, department_id, origin_country, origin_region, sum(calls), sum(made),
       sum(received), sum(connected), sum(no_answer), sum(voicemail), sum(busy), sum(wrong_number)
from interaction_call_days
group by 1, 2, 3, 4, 5;
