-- 20k x S leads and 20k x S deals in the default pipeline, spread over the year before the generation day.
-- Variables: :scale, :contacts, :day
insert into leads (first_name, last_name, email, phone, company, title, country, source, status, disqualified_reason,
                   owner_id, department_id, generated_by, converted_at, score, created_at, updated_at)
select (array['Noa','Liam','Mia','Omar','Zoe','Ivan','Lea','Raj','Sara','Tom'])[1 + h % 10],
       'Prospect' || n,
       'lead' || n || '@leads' || :scale || '.example',
       '+1617' || lpad((2000000 + n)::text, 7, '0'),
       'Prospect Company ' || (n % 5000),
       'Buyer',
       (array['US','GB','DE','FR','CA','AU','BR','IN','JP','NL'])[1 + (h / 10) % 10],
       (array['WEB_FORM','EMAIL','PHONE','IMPORT','API','REFERRAL','CAMPAIGN','OTHER'])[1 + (h / 100) % 8],
       status,
       case when status = 'DISQUALIFIED' then 'No budget' end,
       case when h % 10 = 0 then null else owner.id end,
       owner.department_id,
       owner.id,
       case when status = 'CONVERTED' then created_at + interval '9 days' end,
       (h / 1000) % 100,
       created_at, created_at
from (
    select n, abs(hashint4(n + 101)::bigint) as h,
           (array['NEW','NEW','WORKING','WORKING','QUALIFIED','DISQUALIFIED','CONVERTED'])[1 + abs(hashint4(n + 103)::bigint) % 7]
               as status,
           cast(:'day' as timestamptz) - interval '10 days'
               - make_interval(secs => abs(hashint4(n + 107)::bigint) % (355 * 86400)) as created_at
    from generate_series(1, 20000 * :scale) n
) s
join bench_users owner on owner.k = s.n % 100;

create temporary table bench_stages as
select row_number() over (order by s.position) - 1 as k, s.id, s.pipeline_id, s.probability, s.kind
from pipeline_stages s join pipelines p on p.id = s.pipeline_id and p.is_default;

with g as materialized (
    select gen_random_uuid() as id, n, st.id as stage_id, st.pipeline_id, st.probability, st.kind,
           owner.id as owner_id, owner.department_id, c.id as contact_id, c.account_id, created_at,
           case when st.kind <> 'OPEN' then created_at + make_interval(days => cast(5 + h % 120 as int)) end as closed_at, h
    from (
        select n, abs(hashint4(n + 201)::bigint) as h,
               cast(:'day' as timestamptz) - make_interval(secs => abs(hashint4(n + 203)::bigint) % (365 * 86400))
                   as created_at
        from generate_series(1, 20000 * :scale) n
    ) s
    join bench_stages st on st.k = s.h % 6
    join bench_users owner on owner.k = s.n % 100
    join bench_contacts c on c.k = 1 + abs(hashint4(s.n + 207)::bigint) % :contacts
), d as (
    insert into deals (id, name, pipeline_id, stage_id, amount, currency, expected_close_date, probability, owner_id,
                       department_id, account_id, status, loss_reason, closed_at, created_at, updated_at)
    select id, 'Deal ' || n || ' ' || (array['renewal','expansion','new business','pilot'])[1 + h % 4],
           pipeline_id, stage_id, 1000 + (h / 7) % 99000, 'USD',
           cast(created_at + make_interval(days => cast(30 + h % 150 as int)) as date), probability, owner_id, department_id,
           account_id, kind, case when kind = 'LOST' then 'Price' end,
           case when closed_at > cast(:'day' as timestamptz) then cast(:'day' as timestamptz) else closed_at end,
           created_at, created_at
    from g
), h as (
    insert into deal_stage_history (deal_id, stage_id, entered_at)
    select id, stage_id, created_at from g
)
insert into deal_contacts (deal_id, contact_id, role)
select id, contact_id, 'Decision maker' from g;
