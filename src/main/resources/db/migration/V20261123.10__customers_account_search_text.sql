-- accounts.search_text kept current on every write by a trigger, as contacts' is by their repository.
create or replace function rapport_accounts_search_text() returns trigger
    language plpgsql
    as $$
begin
    new.search_text := rapport_search_key(concat_ws(' ', new.name, new.domain, new.phone));
    return new;
end
$$;

create trigger accounts_search_text
    before insert or update of name, domain, phone on accounts
    for each row execute function rapport_accounts_search_text();

update accounts set search_text = rapport_search_key(concat_ws(' ', name, domain, phone));
