-- Deals in the global search: their name's search key, kept by PostgreSQL on every write, behind a trigram index
-- like accounts' and contacts' search_text. (Deals found through their account's name use accounts_name_trgm.)
alter table deals add column search_text text generated always as (rapport_name_key(name)) stored;
create index deals_search_trgm on deals using gin (search_text gin_trgm_ops);
