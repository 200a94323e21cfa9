-- Spring Session JDBC: HTTP sessions live in the database so any node serves any user.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(320),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- The audit trail: who changed which record when, field by field.
create table audit_events (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    actor_id    uuid,
    record_type text        not null,
    record_id   uuid        not null,
    action      text        not null check (action in ('CREATE', 'UPDATE', 'DELETE')),
    changes     jsonb       not null default '{}'
);
create index audit_events_record_ix on audit_events (record_type, record_id, id desc);
create index audit_events_actor_ix on audit_events (actor_id, id desc);
create index audit_events_time_ix on audit_events (occurred_at);
