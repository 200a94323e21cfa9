-- The statements Rapport runs for GET /api/v1/contacts/{id} as an admin (ContactRepository.find and load), on a
-- random bench contact, as prepared statements like the app's; the first one only picks the contact's id.
\set n random(1, :contacts)
select id as contact_id from bench_contacts where k = :n \gset
select c.*, u.name as owner_name from contacts c join users u on u.id = c.owner_id
  where c.id = cast(:contact_id as uuid) and c.erased_at is null;
select contact_id, address, type, is_primary from contact_emails where contact_id = any(array[cast(:contact_id as uuid)]) order by contact_id, position;
select contact_id, number, type, is_primary from contact_phones where contact_id = any(array[cast(:contact_id as uuid)]) order by contact_id, position;
select contact_id, account_id, role from contact_accounts where contact_id = any(array[cast(:contact_id as uuid)]) order by contact_id, account_id;
