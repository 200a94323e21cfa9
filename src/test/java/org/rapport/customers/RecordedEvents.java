package org.rapport.customers;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A module listener of the test context, as another module would write one: it records the customer events it
 * receives, and fails once on request, to show that an unfinished delivery is made again.
 */
@Component
public class RecordedEvents {

    private final List<Object> received = new CopyOnWriteArrayList<>();
    private final Set<UUID> failOnce = ConcurrentHashMap.newKeySet();

    @ApplicationModuleListener
    void on(ContactsMerged event) {
        record(event, event.survivorId());
    }

    @ApplicationModuleListener
    void on(AccountsMerged event) {
        record(event, event.survivorId());
    }

    @ApplicationModuleListener
    void on(ContactErased event) {
        record(event, event.contactId());
    }

    /** The next event about this record fails its listener. */
    public void failNextAbout(UUID recordId) {
        failOnce.add(recordId);
    }

    public List<Object> received() {
        return List.copyOf(received);
    }

    private void record(Object event, UUID about) {
        if (failOnce.remove(about)) {
            throw new IllegalStateException("Failing the first delivery about " + about + ", as asked");
        }
        received.add(event);
    }
}
