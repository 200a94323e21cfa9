package org.rapport.identity;

import java.util.List;
import java.util.UUID;

import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.RecordRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Explicit shares of one record with one user: the only way a PARTNER sees a record. Modules call this after
 * checking that the caller may change the record.
 */
@Service
public class RecordSharingService {

    private final JdbcClient jdbc;
    private final UserRepository users;

    RecordSharingService(JdbcClient jdbc, UserRepository users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @Transactional
    public void share(CurrentUser by, RecordRef record, UUID userId) {
        if (users.find(userId).filter(UserView::active).isEmpty()) {
            throw new InvalidFieldException("userId", "No such active user");
        }
        jdbc.sql("""
                insert into record_shares (record_type, record_id, user_id, created_by)
                values (:type, :id, :user, :by) on conflict do nothing
                """)
                .param("type", record.type()).param("id", record.id()).param("user", userId).param("by", by.id())
                .update();
    }

    @Transactional
    public void unshare(RecordRef record, UUID userId) {
        jdbc.sql("delete from record_shares where record_type = :type and record_id = :id and user_id = :user")
                .param("type", record.type()).param("id", record.id()).param("user", userId).update();
    }

    public List<UserView> sharedWith(RecordRef record) {
        List<UUID> ids = jdbc.sql("select user_id from record_shares where record_type = :type and record_id = :id")
                .param("type", record.type()).param("id", record.id()).query(UUID.class).list();
        return ids.isEmpty() ? List.of() : users.findAll(ids);
    }

    /** Gives {@code to} every share of {@code from} (as a merge does), then removes those of {@code from}. */
    @Transactional
    public void moveAll(RecordRef from, RecordRef to) {
        jdbc.sql("""
                insert into record_shares (record_type, record_id, user_id, created_at, created_by)
                select :toType, :toId, user_id, created_at, created_by
                from record_shares where record_type = :type and record_id = :id
                on conflict do nothing
                """)
                .param("toType", to.type()).param("toId", to.id()).param("type", from.type()).param("id", from.id())
                .update();
        removeAll(from);
    }

    @Transactional
    public void removeAll(RecordRef record) {
        jdbc.sql("delete from record_shares where record_type = :type and record_id = :id")
                .param("type", record.type()).param("id", record.id()).update();
    }
}
