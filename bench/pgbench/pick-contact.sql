-- The statement of get-contact.sql that picks a random bench contact's id, alone: the app's load tool reads its ids
-- from a file, so bench.py takes this statement's time out of get-contact.sql's to compare the lookups alone.
\set n random(1, :contacts)
select id as contact_id from bench_contacts where k = :n \gset
