-- What a web form's submissions create: contacts (as before), or leads (a known contact is still completed).
alter table web_forms add column creates text not null default 'CONTACTS' check (creates in ('CONTACTS', 'LEADS'));
