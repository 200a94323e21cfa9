-- Duplicate detection: similar names through trigram indexes, the same domain through a plain one.
-- rapport_name_key is rapport_search_key with qualified names: PostgreSQL builds expression indexes with a
-- restricted search_path, where the unqualified rapport_unaccent inside rapport_search_key is not found.
create function rapport_name_key(text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

create index accounts_name_trgm on accounts using gin (rapport_name_key(name) gin_trgm_ops);
create index accounts_domain_ix on accounts (domain) where domain is not null;
create index contacts_full_name_trgm on contacts
    using gin (rapport_name_key(first_name || ' ' || last_name) gin_trgm_ops);
