-- Open leads in the global search as contacts and deals are: a search key of the lead's name, company, email and
-- phone (lower-cased, unaccented) and a trigram index on it, instead of scanning every lead with LIKE.
alter table leads add column search_text text generated always as (rapport_search_key(
    coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(company, '') || ' ' || coalesce(email, '')
        || ' ' || coalesce(phone, ''))) stored;
create index leads_search_trgm on leads using gin (search_text gin_trgm_ops) where status <> 'CONVERTED';
