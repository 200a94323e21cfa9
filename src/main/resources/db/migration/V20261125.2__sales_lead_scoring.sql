-- Admin-defined lead scoring rules: points for a field's value, or for a behaviour seen on the lead's timeline.
create table lead_scoring_rules (
    id         uuid primary key default gen_random_uuid(),
    kind       text        not null check (kind in ('FIELD', 'BEHAVIOUR')),
    field      text check (field in ('SOURCE', 'COUNTRY', 'TITLE_CONTAINS', 'COMPANY_PRESENT', 'EMAIL_DOMAIN')),
    value      text check (length(value) <= 200),
    behaviour  text check (behaviour in ('EMAIL_REPLIED', 'FORM_SUBMITTED', 'CALL_CONNECTED')),
    points     int         not null check (points between -1000 and 1000),
    created_at timestamptz not null default now(),
    check ((kind = 'FIELD') = (field is not null)),
    check ((kind = 'BEHAVIOUR') = (behaviour is not null))
);
