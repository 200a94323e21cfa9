-- 10 departments of 10 users each (the first of each is its manager and head), then 10k x S accounts.
-- Users share the bench admin's password hash, so every one of them signs in with the admin's password.
-- Variables: :scale
insert into departments (name)
select 'Bench department ' || d from generate_series(0, 9) d;

insert into users (email, name, password_hash, role, department_id)
select 'rep' || d || '.' || j || '@bench.example',
       (array['Ava','Ben','Cleo','Dev','Ema','Finn','Gia','Hugo','Iris','Jon'])[1 + j] || ' Bench' || d,
       (select password_hash from users where role = 'ADMIN' order by created_at limit 1),
       case when j = 0 then 'MANAGER' else 'SALES_REP' end,
       (select id from departments where name = 'Bench department ' || d)
from generate_series(0, 9) d, generate_series(0, 9) j;

update departments dep set head_user_id = u.id
from users u where u.email = 'rep' || substr(dep.name, 18) || '.0@bench.example';

-- The users in a fixed order: bench_users.k = 10 * department + position.
create table bench_users as
select (substr(split_part(u.email, '@', 1), 4, 1)::int * 10 + split_part(split_part(u.email, '@', 1), '.', 2)::int) as k,
       u.id, u.email, u.department_id
from users u where u.email like 'rep%@bench.example';
create unique index on bench_users (k);

insert into accounts (name, domain, industry, owner_id, department_id, relationship_types, lifecycle_stage,
                      employees, billing_address)
select 'Company ' || lpad(n::text, 7, '0') || ' ' || (array['Ltd','Inc','GmbH','SA','BV','plc','LLC'])[1 + n % 7],
       'company' || n || '.example',
       (array['Software','Manufacturing','Retail','Finance','Health','Education','Energy','Logistics'])[1 + abs(hashint4(n)::bigint) % 8],
       u.id, u.department_id, '{CUSTOMER}', 'CUSTOMER', 10 + abs(hashint4(n + 1)::bigint) % 5000,
       jsonb_build_object('country', (array['US','GB','DE','FR','CA','AU','BR','IN','JP','NL'])[1 + abs(hashint4(n + 2)::bigint) % 10])
from generate_series(1, 10000 * :scale) n
join bench_users u on u.k = n % 100;
