-- The words records are found by: every word of three or more characters, not all digits, in the search keys of
-- contacts, accounts, open leads and deals. The global search corrects a typed word to the words within one typo of
-- it here before it looks for records, instead of matching the misspelt word by trigrams on the records themselves
-- (which, at a million contacts, hands the recheck thousands of rows that share a few letters with it).
-- Statement triggers add the words of written records; an erased contact's words leave at once, the words of deleted
-- or renamed records with the nightly prune (SearchWords.prune). The table is never shown: a stale word only leads
-- the search to a spelling no visible record has.
create table search_words (
    word text primary key
);

-- the words of a search key, as the search splits a query (on spaces and punctuation)
create or replace function rapport_search_words(text) returns setof text
    language sql immutable parallel safe strict
    as $$ select w from regexp_split_to_table($1, '[[:space:][:punct:]]+') w
          where length(w) between 3 and 60 and w ~ '[^0-9]' $$;

-- Words go in sorted, so that two transactions adding the same new words wait for each other instead of deadlocking.
create or replace function search_words_inserted() returns trigger language plpgsql as $$
begin
    insert into search_words (word)
    select distinct w from new_rows n cross join rapport_search_words(n.search_text) w
    order by 1
    on conflict do nothing;
    return null;
end $$;

create or replace function search_words_updated() returns trigger language plpgsql as $$
begin
    insert into search_words (word)
    select distinct w
    from new_rows n cross join rapport_search_words(n.search_text) w
    where not exists (select 1 from old_rows o where o.id = n.id and o.search_text = n.search_text)
    order by 1
    on conflict do nothing;
    return null;
end $$;

create trigger contacts_search_words_insert after insert on contacts
    referencing new table as new_rows for each statement execute function search_words_inserted();
create trigger contacts_search_words_update after update on contacts
    referencing old table as old_rows new table as new_rows for each statement execute function search_words_updated();
create trigger accounts_search_words_insert after insert on accounts
    referencing new table as new_rows for each statement execute function search_words_inserted();
create trigger accounts_search_words_update after update on accounts
    referencing old table as old_rows new table as new_rows for each statement execute function search_words_updated();
create trigger leads_search_words_insert after insert on leads
    referencing new table as new_rows for each statement execute function search_words_inserted();
create trigger leads_search_words_update after update on leads
    referencing old table as old_rows new table as new_rows for each statement execute function search_words_updated();
create trigger deals_search_words_insert after insert on deals
    referencing new table as new_rows for each statement execute function search_words_inserted();
create trigger deals_search_words_update after update on deals
    referencing old table as old_rows new table as new_rows for each statement execute function search_words_updated();

-- the words of all searchable records, as they are now: what the prune keeps and the backfill writes
create or replace function rapport_searched_words() returns setof text language sql stable as $$
    select w from (select search_text from contacts where erased_at is null
                   union all select search_text from accounts
                   union all select search_text from leads where status <> 'CONVERTED'
                   union all select search_text from deals) r
        cross join rapport_search_words(r.search_text) w
$$;

insert into search_words (word)
select distinct w from rapport_searched_words() w order by 1;
