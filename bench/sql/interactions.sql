-- Interactions :lo to :hi (numbers of a deterministic sequence), each on a bench contact and its account, by the
-- contact's owner, over the year before the generation day. 40% calls (with direction, outcome, duration and
-- origin), 30% email, then meetings, notes, chat, SMS. One statement writes interactions, links and participants.
-- Interaction n happens n/:total of the way through the year, and its id is time-ordered (a UUIDv7 of that moment),
-- so that rows arrive in the order of the indexes on time and id, as a live system writes them, and the load does
-- not rewrite random pages of ten-million-row indexes.
-- Variables: :lo, :hi, :total (the number of interactions), :contacts (the number of bench contacts),
-- :day (the generation day, YYYY-MM-DD)
with t as materialized (
    select n, cast(:'day' as timestamptz) - interval '365 days' + make_interval(secs => n * (365.0 * 86400 / :total))
               as occurred_at
    from generate_series(:lo, :hi) n
), g as materialized (
    select cast(lpad(to_hex(floor(extract(epoch from t.occurred_at) * 1000)::bigint), 12, '0')
                || '7' || substr(md5(n::text), 1, 3) || '8' || substr(md5(n::text), 4, 15) as uuid) as id,
           n, c.id as contact_id, c.account_id, c.owner_id, c.department_id,
           (array['CALL','CALL','CALL','CALL','EMAIL','EMAIL','EMAIL','MEETING','NOTE','CHAT'])[1 + abs(hashint4(n)::bigint) % 10]
               as type,
           abs(hashint4(n + 7)::bigint) as h,
           t.occurred_at
    from t
    join bench_contacts c on c.k = 1 + abs(hashint4(n + 11)::bigint) % :contacts
    order by n
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
