-- The web form rate limit, shared by every node: one token bucket per form and client address (capacity and refill
-- per minute from rapport.web-forms.submissions-per-minute). A bucket untouched for a minute is full again, which is
-- the same as no row, so a job deletes old rows.
create table web_form_submission_buckets (
    bucket_key  text             primary key check (length(bucket_key) <= 400),
    tokens      double precision not null,
    refilled_at timestamptz      not null
);
create index web_form_submission_buckets_refilled_idx on web_form_submission_buckets (refilled_at);
