-- The statement Rapport runs for GET /api/v1/contacts/{id} as an admin (ContactRepository.find: the contact, its
-- owner's name and its emails, phones and account links in one statement), on a random bench contact, prepared like
-- the app's; the first statement only picks the contact's id. ContactRepositorySqlTest checks that the second one is
-- the app's.
\set n random(1, :contacts)
select id as contact_id from bench_contacts where k = :n \gset
select c.id, c.first_name, c.last_name, c.title, c.relationship_types, c.lifecycle_stage, c.source,
       c.preferred_channel, c.language, c.interests, c.marketing_opt_in, c.marketing_opt_in_at,
       c.marketing_opt_in_source, c.do_not_call, c.do_not_email, c.address, c.owner_id,
       (select u.name from users u where u.id = c.owner_id) as owner_name, c.department_id, c.tags, c.custom_fields, c.created_at, c.updated_at,
       c.version,
       (select json_agg(json_build_array(e.address, e.type, e.is_primary) order by e.position)
        from contact_emails e where e.contact_id = c.id) as emails,
       (select json_agg(json_build_array(p.number, p.type, p.is_primary) order by p.position)
        from contact_phones p where p.contact_id = c.id) as phones,
       (select json_agg(json_build_array(a.account_id, a.role) order by a.account_id)
        from contact_accounts a where a.contact_id = c.id) as accounts
from contacts c
 where c.id = cast(:contact_id as uuid) and c.erased_at is null and true;
