-- A user's direct phone number (E.164): the phone system credits calls to or from it to that user.
alter table users add column phone text check (phone ~ '^\+[1-9][0-9]{6,14}$');
create unique index users_phone_ux on users (phone) where phone is not null;
