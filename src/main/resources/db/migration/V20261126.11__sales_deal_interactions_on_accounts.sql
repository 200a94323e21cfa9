-- What was logged on a deal also belongs on its account's timeline (new interactions get this link when they are
-- written); this puts the ones logged before there too.
insert into interaction_links (interaction_id, record_type, record_id, occurred_at)
select l.interaction_id, 'account', a.id, l.occurred_at
from interaction_links l
join deals d on d.id = l.record_id
join accounts a on a.id = d.account_id
where l.record_type = 'deal'
on conflict do nothing;
