/**
 * Infrastructure every module stands on: database start-up, API error format, request limits, idempotent API
 * POSTs ({@code Idempotency-Key}), the audit trail, and the outbox that carries events between modules.
 *
 * <h2>Events between modules</h2>
 * <p>A module announces a change other modules may react to with an event: a public record in the module's
 * package, named in the past tense ({@code ContactsMerged}), holding ids and plain values (it is stored as JSON by
 * Boot's Jackson mapper and read back into the record). It publishes the event with Spring's
 * {@code ApplicationEventPublisher} inside the transaction that makes the change. Spring Modulith's event
 * publication registry then writes one row per listener into {@code event_publication} in that same transaction,
 * so an event exists if and only if its change committed.
 *
 * <p>A module reacts with a method of one of its own beans annotated
 * {@code @org.springframework.modulith.events.ApplicationModuleListener}, taking the event record. It runs after
 * the publishing transaction committed, on another thread, in a transaction of its own. When it returns, its row
 * is deleted; when it throws, or its node dies before it returns, the row stays and the event is delivered again
 * when a node starts. Delivery is thus at least once: a listener must tolerate an event it has seen already
 * (upserts, "where not exists", or a check of the state it would produce). Cross-module reactions never use a
 * plain {@code @EventListener}: it would run inside the publisher's transaction and would not be kept.
 */
package org.rapport.platform;
