-- Idempotency-Key of POST /api/v1/**: a user's first successful response to a key, replayed instead of running the
-- request again, until expires_at (24 hours). request_hash tells a repeat of the same request from another one.
create table idempotency_keys (
    user_id      uuid        not null,
    key          text        not null,
    request_hash bytea       not null,
    status       int,
    headers      jsonb,
    body         bytea,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    primary key (user_id, key)
);
create index idempotency_keys_expiry_ix on idempotency_keys (expires_at);
