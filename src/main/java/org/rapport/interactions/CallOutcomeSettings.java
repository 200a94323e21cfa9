package org.rapport.interactions;

import java.util.EnumSet;
import java.util.Set;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which call outcomes the organization counts as successful (at least connected calls, by default). */
@Service
public class CallOutcomeSettings {

    private final JdbcClient jdbc;

    CallOutcomeSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<CallOutcome> successful() {
        Set<CallOutcome> outcomes = EnumSet.noneOf(CallOutcome.class);
        jdbc.sql("select unnest(successful_call_outcomes) from interaction_settings").query(String.class).list()
                .forEach(o -> outcomes.add(CallOutcome.valueOf(o)));
        return outcomes;
    }

    /** The SQL list of successful outcomes, for reports that count successful calls in one statement. */
    public static String successfulOutcomesSql() {
        return "(select s.successful_call_outcomes from interaction_settings s)";
    }

    @Transactional
    public void change(CurrentUser admin, Set<CallOutcome> successful) {
        if (!admin.isAdmin()) {
            throw new ForbiddenException("Only administrators change what counts as a successful call");
        }
        if (successful.isEmpty()) {
            throw new InvalidFieldException("outcomes", "Choose at least one outcome");
        }
        jdbc.sql("update interaction_settings set successful_call_outcomes = :o, updated_at = now()")
                .param("o", successful.stream().map(Enum::name).toArray(String[]::new)).update();
    }
}
