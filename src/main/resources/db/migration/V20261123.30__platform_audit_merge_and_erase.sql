-- Two more audit actions: MERGE (on the survivor, naming the merged ids; on each merged-away id, naming the
-- survivor) and ERASE (personal data removed on request; the record's earlier entries lose their personal values).
alter table audit_events drop constraint audit_events_action_check;
alter table audit_events add constraint audit_events_action_check
    check (action in ('CREATE', 'UPDATE', 'DELETE', 'MERGE', 'ERASE'));
