package org.rapport.customers;

import java.util.List;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Saved list views: a user's own and the shared ones. A view stores only the list's query string, so opening it
 * runs the list with the caller's own visibility; it never widens what anyone sees.
 */
@Service
public class SavedViewService {

    private static final List<String> PARAMETERS = List.of("q", "ownerId", "relationshipType", "lifecycleStage", "tag",
            "sort", "columns");

    private final JdbcClient jdbc;

    SavedViewService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SavedView> visibleTo(CurrentUser user, String entity) {
        return jdbc.sql("""
                select id, entity, name, owner_id, shared, query from saved_views
                where entity = :entity and (owner_id = :user or shared) order by shared, lower(name)
                """).param("entity", entity).param("user", user.id())
                .query((rs, i) -> new SavedView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getBoolean(5), rs.getString(6)))
                .list();
    }

    /** Keeps only the list parameters (and cf.* filters) of {@code query}, dropping paging and anything else. */
    UUID save(CurrentUser user, String entity, String name, boolean shared, String query) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new InvalidFieldException("viewName", "Enter a name of 1 to 100 characters");
        }
        var source = UriComponentsBuilder.fromUriString("/?" + (query == null ? "" : query)).build().getQueryParams();
        UriComponentsBuilder kept = UriComponentsBuilder.newInstance();
        source.forEach((key, values) -> {
            if (PARAMETERS.contains(key) || key.startsWith("cf.")) {
                values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> kept.queryParam(key, v));
            }
        });
        String stored = kept.build().getQuery();
        if (stored != null && stored.length() > 4000) {
            throw new InvalidFieldException("viewName", "This view is too long to save");
        }
        return jdbc.sql("insert into saved_views (entity, name, owner_id, shared, query) values (:entity, :name, :owner, :shared, :query) returning id")
                .param("entity", entity).param("name", clean).param("owner", user.id()).param("shared", shared)
                .param("query", stored == null ? "" : stored).query(UUID.class).single();
    }

    SavedView get(CurrentUser user, String entity, UUID id) {
        return jdbc.sql("""
                select id, entity, name, owner_id, shared, query from saved_views
                where id = :id and entity = :entity and (owner_id = :user or shared)
                """).param("id", id).param("entity", entity).param("user", user.id())
                .query((rs, i) -> new SavedView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getBoolean(5), rs.getString(6)))
                .optional().orElseThrow(() -> new NotFoundException("View"));
    }

    /** Only the owner (or an admin) deletes a view. */
    void delete(CurrentUser user, String entity, UUID id) {
        int deleted = jdbc.sql("delete from saved_views where id = :id and entity = :entity and (owner_id = :user or :admin)")
                .param("id", id).param("entity", entity).param("user", user.id()).param("admin", user.isAdmin()).update();
        if (deleted == 0) {
            throw new NotFoundException("View");
        }
    }
}
