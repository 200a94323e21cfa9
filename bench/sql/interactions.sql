-- Interactions :lo to :hi (numbers of a deterministic sequence), each on a bench contact and its account, by the
-- contact's owner, over the year before the generation day. 40% calls (with direction, outcome, duration and
-- origin), 30% email, then meetings, notes, chat, SMS. One statement writes interactions, links and participants.
-- Variables: :lo, :hi, :contacts (the number of bench contacts), :day (the generation day, YYYY-MM-DD)
with g as materialized (
    select gen_random_uuid() as id, n, c.id as contact_id, c.account_id, c.owner_id, c.department_id,
           (array['CALL','CALL','CALL','CALL','EMAIL','EMAIL','EMAIL','MEETING','NOTE','CHAT'])[1 + abs(hashint4(n)::bigint) % 10]
               as type,
           abs(hashint4(n + 7)::bigint) as h,
           cast(:'day' as timestamptz) - make_interval(secs => abs(hashint4(n + 3)::bigint) % (365 * 86400)) as occurred_at
    from generate_series(:lo, :hi) n
    join bench_contacts c on c.k = 1 + abs(hashint4(n + 11)::bigint) % :contacts
), i as (
    insert into interactions (id, type, direction, occurred_at, duration_seconds, subject, body, body_format, outcome,
                              origin_country, origin_region, source, owner_id, department_id, created_by, created_at)
    select id, type,
           case when type in ('CALL', 'EMAIL') then (array['INBOUND','OUTBOUND'])[1 + h % 2] end,
           occurred_at,
           case when type = 'CALL' then 20 + h % 1800 when type = 'MEETING' then 1800 end,
           (case type when 'CALL' then 'Call about order ' when 'EMAIL' then 'Re: proposal ' else 'Follow-up ' end) || n,
           case when type in ('NOTE', 'MEETING', 'EMAIL') then 'Discussed pricing and next steps for order ' || n end,
           'TEXT',
           case when type = 'CALL' then
               (array['CONNECTED','CONNECTED','CONNECTED','NO_ANSWER','VOICEMAIL','BUSY','WRONG_NUMBER'])[1 + (h / 2) % 7] end,
           case when type = 'CALL' then (array['US','US','US','GB','DE','FR','CA','AU','BR','IN','JP',null])[1 + (h / 14) % 12] end,
           case when type = 'CALL' then (array['New York, NY','Chicago, IL','California','London','Berlin','Paris',
                                               'Toronto, ON','Sydney, NSW','São Paulo','Mumbai','Tokyo',null])[1 + (h / 14) % 12] end,
           'IMPORT', owner_id, department_id, owner_id, occurred_at
    from g
), l as (
    insert into interaction_links (interaction_id, record_type, record_id, occurred_at)
    select id, 'contact', contact_id, occurred_at from g
    union all
    select id, 'account', account_id, occurred_at from g where account_id is not null
)
insert into interaction_participants (interaction_id, participant_type, participant_id)
select id, 'CONTACT', contact_id from g
union all
select id, 'USER', owner_id from g;
