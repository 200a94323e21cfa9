package org.rapport.sales;

import java.util.List;

import org.rapport.interactions.InteractionChanged;
import org.rapport.interactions.InteractionLogged;
import org.rapport.shared.RecordRef;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Recomputes the score of every lead an interaction is on when it is logged, changed or deleted, since behaviour
 * rules read the lead's timeline. Runs from the event outbox after the interaction committed; a redelivered event
 * recomputes the same score again.
 */
@Component
class LeadRescoring {

    private final LeadScoring scoring;

    LeadRescoring(LeadScoring scoring) {
        this.scoring = scoring;
    }

    @ApplicationModuleListener
    void on(InteractionLogged logged) {
        rescore(logged.records());
    }

    @ApplicationModuleListener
    void on(InteractionChanged changed) {
        rescore(changed.records());
    }

    private void rescore(List<RecordRef> records) {
        records.stream().filter(r -> LeadService.TYPE.equals(r.type())).map(RecordRef::id).distinct()
                .forEach(scoring::rescore);
    }
}
